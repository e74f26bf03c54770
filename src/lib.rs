//! The blog's web app: a thin Leptos UI over the build's data files and the
//! simulation crate, built as several wasm modules from this one library:
//!
//! - the blog shell (`src/main.rs`: [`start`]): routes, layout; every page
//!   loads it, and it links no demo or simulation code;
//! - one module per demo (`src/bin/demo_<key>.rs`, [`demo_module!`]): the
//!   demo's controls, charts and playback, and its simulation, which the
//!   demo's web worker runs from the same module; imported by the shell
//!   only on a post with that demo ([`demo_slot`]);
//! - the search page (`src/bin/search.rs`: [`search`]): imported by the
//!   shell only on `/search/`.
//!
//! Routes fetch the JSON the content build wrote. No Markdown parsing, and
//! no simulation logic, here.

mod app;
mod components;
mod data;
mod demo_slot;
pub mod demos;
mod intersection;
mod late_styles;
mod lazy_module;
mod panic_report;
mod routes;
pub mod search;
mod site_meta;
mod takeover;

pub use app::App;

/// Mounts the app over the prerendered page, in a task after the one that
/// started the wasm (each task short: `components::Later`).
pub fn start() {
    panic_report::install();
    leptos::prelude::set_timeout(takeover::mount_app, std::time::Duration::ZERO);
}
