//! `site/site.toml`: the site's title, author, description and areas.

use std::path::Path;

use serde::Deserialize;

use crate::error::ContentError;
use crate::source_text::line_of;

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
    pub author: String,
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
        if !config.base_url.ends_with('/') {
            return Err(ContentError::new(
                path,
                crate::source_text::line_of_key(text, "base_url").unwrap_or(0),
                format!("base_url `{}` must end with `/`", config.base_url),
            ));
        }
        Ok(config)
    }

    pub fn area(&self, key: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.key == key)
    }
}
