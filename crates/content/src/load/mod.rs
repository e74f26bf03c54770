//! Stage 1: reading what the author wrote (site.toml, posts' front matter
//! and text, About, Current Focus) and linking posts to each other.

pub(crate) mod about;
pub(crate) mod corrections;
pub(crate) mod focus;
pub(crate) mod front_matter;
pub(crate) mod post;
pub(crate) mod site_config;
pub(crate) mod source_text;
pub(crate) mod taxonomy;
