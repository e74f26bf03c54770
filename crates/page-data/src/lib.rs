//! Typed files the content build writes and the app loads per route, and the
//! few presentation rules both sides must share.
//!
//! The build serializes these to JSON under `data/`; the app fetches the file
//! for the route it shows. Post bodies therefore never live inside the wasm,
//! and the app never parses Markdown or demo parameters from text.

mod article;
mod breaker_summary;
mod consensus_story;
mod consensus_summary;
mod contention_summary;
mod deep_space_summary;
mod demo;
pub mod export;
pub mod format;
mod late_styles;
mod listing;
mod paths;
mod queue_summary;
mod retry_summary;
pub mod run_parts;
pub mod run_protocol;
pub mod run_reply;
pub mod run_requests;
pub mod run_schedule;
mod search_words;
mod site_pages;
mod storm_setup;
mod storm_summary;
pub mod sweep_protocol;
pub mod sweep_schedule;
pub mod url_state;

pub use article::{Article, Block, PostIndex, PostKind, PostLink, PostSummary, TocEntry};
pub use breaker_summary::{breaker_summary, time_open};
pub use consensus_story::{consensus_story, partition_text, server_list, StoryLine};
pub use consensus_summary::{consensus_summary, safety_checks};
pub use contention_summary::contention_summary;
pub use deep_space_summary::{
    both_recoveries, deep_space_stats, deep_space_summary, resends, Resends, RECOVERIES,
};
pub use demo::DemoSpec;
pub use late_styles::{late_stylesheets, CODE_BLOCK_CLASS, DIAGRAM_CLASS, MOVED_STYLE_PREFIX};
pub use listing::{Archive, ArchiveYear, AreaPage, TagCount, TagIndex, TagPage};
pub use paths::{
    about_data_path, about_route, archive_data_path, archive_route, area_data_path, area_route,
    article_data_path, demo_module, diagrams_css_path, feed_path, focus_data_path, focus_route,
    highlight_css_path, index_data_path, post_route, search_bundle_dir, search_words_path,
    tag_data_path, tag_index_data_path, tag_route, tag_slug, tags_route,
};
pub use queue_summary::queue_summary;
pub use retry_summary::{retry_summary, Stat};
pub use search_words::{
    is_stop_word, one_edit_apart, query_words, search_terms, SearchWords, Vocabulary,
    MIN_CORRECTED_LEN, SEARCH_WORDS_VERSION,
};
pub use site_pages::{AboutPage, FocusArea, FocusPage, FocusStatus, FOOTER_NOTE};
pub use storm_setup::{Protections, StormSetup};
pub use storm_summary::{storm_summary, verdict_text};
