//! Layout pieces shared by the routes.

mod data_page;
mod layout;
mod post_links;
mod post_list;
mod post_meta;

pub use data_page::data_page;
pub use layout::Layout;
pub use post_links::{link as post_link, CorrectionNotes, PostNavigation, TableOfContents};
pub use post_list::PostList;
pub use post_meta::PostMeta;
