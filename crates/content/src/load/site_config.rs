//! `site/site.toml`: the site's title, author, description and areas.

use std::path::Path;

use serde::Deserialize;

use crate::error::ContentError;
use crate::load::source_text::line_of;

/// One area of writing, e.g. "Systems and craft".
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// The word used in front matter and URLs, e.g. `systems`.
    pub key: String,
    pub name: String,
}

/// Site-wide settings.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    /// The author's name, shown in the footer and the feed; left out,
    /// the site names no one.
    #[serde(default)]
    pub author: Option<String>,
    pub description: String,
    /// Absolute URL the site is served from, ending in `/`.
    pub base_url: String,
    pub areas: Vec<Area>,
}

impl SiteConfig {
    pub fn load(path: &Path) -> Result<Self, ContentError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ContentError::new(path, 0, format!("cannot read site config: {e}")))?;
        Self::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Self, ContentError> {
        let config: SiteConfig = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(0, |s| line_of(text, s.start));
            ContentError::new(path, line, e.message().to_string())
        })?;
        check_base_url(&config.base_url).map_err(|message| {
            ContentError::new(
                path,
                crate::load::source_text::line_of_key(text, "base_url").unwrap_or(0),
                message,
            )
        })?;
        Ok(config)
    }

    /// The same site published at another address (`SITE_BASE_URL`).
    pub fn with_base_url(mut self, base_url: &str) -> Result<Self, String> {
        check_base_url(base_url)?;
        self.base_url = base_url.to_string();
        Ok(self)
    }

    /// The path part of the base URL: `/`, or `/blog/` for
    /// `https://example.org/blog/`. Every root-relative link is rebased
    /// onto it.
    pub fn base_path(&self) -> &str {
        base_path_of(&self.base_url)
    }

    /// The absolute URL of a site-relative route (`posts/x/`).
    pub fn absolute_url(&self, route: &str) -> String {
        format!("{}{}", self.base_url, route.trim_start_matches('/'))
    }

    pub fn area(&self, key: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.key == key)
    }
}

/// `http(s)://host[/path]/`: absolute, ending in `/`, no query or fragment.
fn check_base_url(url: &str) -> Result<(), String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("base_url `{url}` must start with https:// or http://"))?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(format!("base_url `{url}` has no host"));
    }
    if !url.ends_with('/') {
        return Err(format!("base_url `{url}` must end with `/`"));
    }
    if url.contains(['?', '#', ' ', '"', '<', '>']) {
        return Err(format!(
            "base_url `{url}` must be a plain address (no query, fragment, spaces or quotes)"
        ));
    }
    Ok(())
}

/// The path of a checked base URL, from the first `/` after the host.
fn base_path_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    url[after_scheme..]
        .find('/')
        .map_or("/", |i| &url[after_scheme + i..])
}

#[cfg(test)]
mod tests {
    use super::{base_path_of, check_base_url};

    #[test]
    fn base_paths() {
        assert_eq!(base_path_of("https://example.org/"), "/");
        assert_eq!(base_path_of("https://example.org/blog/"), "/blog/");
        assert_eq!(base_path_of("http://127.0.0.1:8080/a/b/"), "/a/b/");
    }

    #[test]
    fn bad_base_urls_say_why() {
        assert!(check_base_url("https://example.org/blog/").is_ok());
        for (url, why) in [
            ("example.org/", "must start with https://"),
            ("https:///blog/", "has no host"),
            ("https://example.org/blog", "must end with `/`"),
            ("https://example.org/?a=1/", "plain address"),
        ] {
            let message = check_base_url(url).unwrap_err();
            assert!(message.contains(why), "{url}: {message}");
        }
    }
}
