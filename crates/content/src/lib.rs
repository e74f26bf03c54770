//! The build-time content pipeline, in four stages, one folder each:
//!
//! 1. `load/`: site config, each post's front matter and text, About and
//!    Current Focus; corrections and neighbours linked;
//! 2. `markdown/`: each post's Markdown to blocks (HTML, or typed demo
//!    specs with their build-time figures): headings, code, maths,
//!    diagrams, images, footnotes, the raw-HTML policy;
//! 3. `render/`: every output file in memory (pages from crates/views,
//!    data files, feed, sitemap, previews), links checked;
//! 4. `emit/`: written only when all of it succeeded, then the search index.
//!
//! `pipeline` runs them. The modules are crate-private; what the binaries
//! and the tests use is re-exported here.

mod contrast;
mod element_texts;
mod emit;
mod error;
mod escape;
mod load;
mod markdown;
mod new_post;
mod pipeline;
mod render;

pub use contrast::{contrast, hex_rgb};
pub use emit::search_bundle::build_search_bundle;
pub use error::{ContentError, ContentErrors};
pub use load::post::{load_post, post_from_bytes, Post};
pub use load::site_config::SiteConfig;
pub use markdown::demo_directive::parse_demo;
pub use markdown::raw_html::check_raw_html;
pub use new_post::write_new_post;
pub use pipeline::{
    build_site, build_site_with, render_site, render_site_with, BuildOptions, BuildReport,
    RenderedSite,
};
pub use render::build_cache::BuildCache;
