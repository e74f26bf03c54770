//! The build-time content pipeline, in stages (as mdBook's preprocess ->
//! render): load site config, parse each post's front matter, render its
//! Markdown to blocks (HTML, or typed demo specs), then write the article
//! data files and the prerendered page of every route.

pub mod demo_directive;
pub mod demo_placeholder;
pub mod error;
pub mod escape;
pub mod front_matter;
pub mod markdown;
pub mod pipeline;
pub mod post;
pub mod prerender;
pub mod site_config;
pub mod source_text;

pub use error::{ContentError, ContentErrors};
pub use pipeline::{build_site, BuildOptions, BuildReport};
