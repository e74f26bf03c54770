//! Layout pieces shared by the routes.

mod layout;
mod post_meta;

pub use layout::Layout;
pub use post_meta::PostMeta;
