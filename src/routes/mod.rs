//! One file per route.

mod home;
mod not_found;
mod post;

pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use post::PostPage;
