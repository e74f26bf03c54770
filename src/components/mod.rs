//! Layout pieces shared by the routes. The page markup itself is the views
//! crate's (crates/views), the same components the build prerenders with.

mod data_page;
mod later;
mod layout;
mod on_built;

pub use data_page::data_page;
pub use later::{later, Later};
pub use layout::Layout;
pub use on_built::on_built;
