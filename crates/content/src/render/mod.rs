//! Stage 3: every output file in memory: the prerendered pages (the views'
//! components rendered to HTML around trunk's shell), data files, feed,
//! sitemap, link-preview images, search words; links checked, URLs rebased,
//! the Content-Security-Policy hashed.

pub(crate) mod build_cache;
pub(crate) mod csp;
pub(crate) mod feed;
pub(crate) mod integrity;
pub(crate) mod links;
pub(crate) mod og_image;
pub(crate) mod prerender;
pub(crate) mod rebase;
pub(crate) mod render_view;
pub(crate) mod search_words;
pub(crate) mod site_files;
pub(crate) mod sitemap;
