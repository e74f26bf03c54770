//! The build-time content pipeline, in stages (as mdBook's preprocess ->
//! render): load site config, parse each post's front matter, render its
//! Markdown to blocks (HTML, or typed demo specs), then write the article
//! data files and the prerendered page of every route.

pub mod about;
mod build_cache;
pub mod compress;
pub mod contrast;
pub mod corrections;
pub mod csp;
pub mod demo_directive;
pub mod demo_placeholder;
pub mod error;
pub mod escape;
pub mod feed;
pub mod focus;
pub mod front_matter;
pub mod headings;
pub mod highlight;
pub mod images;
mod integrity;
pub mod links;
pub mod markdown;
pub mod mermaid;
pub mod new_post;
pub mod og_image;
pub mod output;
pub mod pipeline;
pub mod post;
pub mod prerender;
mod publishing;
pub mod raw_html;
pub mod reading_time;
pub mod rebase;
mod render_view;
pub mod search_bundle;
mod search_words;
pub mod site_config;
pub mod sitemap;
pub mod source_text;
pub mod svg_styles;
pub mod taxonomy;
pub mod toc;

pub use build_cache::BuildCache;
pub use error::{ContentError, ContentErrors};
pub use pipeline::{
    build_site, build_site_with, render_site, render_site_with, BuildOptions, BuildReport,
    RenderedSite,
};
