//! Layout pieces shared by the routes. The page markup itself is the views
//! crate's (crates/views), the same components the build prerenders with.

mod data_page;
mod layout;

pub use data_page::data_page;
pub use layout::Layout;
