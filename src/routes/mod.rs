//! One file per route (or per family of routes).

mod home;
mod listing;
mod not_found;
pub(crate) mod post;
mod search;
mod site_pages;

pub use home::HomePage;
pub use listing::{ArchivePage, AreaPostsPage, TagPostsPage, TagsPage};
pub use not_found::NotFoundPage;
pub use post::PostPage;
pub use search::SearchPage;
pub use site_pages::{About, Focus};
