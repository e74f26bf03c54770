//! The blog's web app: a thin Leptos UI over the build's data files and the
//! simulation crate. Routes fetch the JSON the content build wrote; demos
//! call `sim` and draw. No Markdown parsing, no simulation logic here.

mod app;
mod components;
mod data;
mod demos;
mod layout_epoch;
mod panic_report;
mod routes;
mod site_meta;
mod takeover;

pub use app::App;

/// Mounts the app over the prerendered page.
pub fn start() {
    panic_report::install();
    takeover::mount_app();
}
