//! Typed files the content build writes and the app loads per route, and the
//! few presentation rules both sides must share.
//!
//! The build serializes these to JSON under `data/`; the app fetches the file
//! for the route it shows. Post bodies therefore never live inside the wasm,
//! and the app never parses Markdown or demo parameters from text.

mod article;
mod breaker_summary;
mod contention_summary;
mod deep_space_summary;
mod demo;
pub mod export;
pub mod format;
mod paths;
mod queue_summary;
mod retry_summary;
mod storm_summary;

pub use article::{Article, Block, PostIndex, PostKind, PostSummary};
pub use breaker_summary::{breaker_summary, time_open};
pub use contention_summary::contention_summary;
pub use deep_space_summary::{both_recoveries, deep_space_summary, resends, Resends};
pub use demo::DemoSpec;
pub use paths::{article_data_path, index_data_path, post_route};
pub use queue_summary::queue_summary;
pub use retry_summary::{retry_summary, Stat};
pub use storm_summary::{storm_summary, verdict_text};
