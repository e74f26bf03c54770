//! What every page knows about the site, provided once as context: the app
//! reads it from the page's head, the build from site.toml.

use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Site {
    pub title: String,
    pub author: Option<String>,
    /// The base path: `/`, or `/blog/` under a sub-path.
    pub base: String,
}

/// Makes `site` the context of the views rendered under the current owner.
pub fn provide_site(site: Site) {
    provide_context(site);
}

/// The site of the current context (an empty site, base `/`, without one).
pub(crate) fn site() -> Site {
    use_context::<Site>().unwrap_or_else(|| Site {
        base: "/".to_string(),
        ..Site::default()
    })
}

/// The URL of the site-relative `path` under the site's base path.
pub fn href(path: &str) -> String {
    let base = site().base;
    let base = if base.is_empty() {
        "/".to_string()
    } else {
        base
    };
    format!("{base}{}", path.trim_start_matches('/'))
}
