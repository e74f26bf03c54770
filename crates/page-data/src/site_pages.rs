//! The site's own pages: About (Markdown) and Current Focus (TOML).

use serde::{Deserialize, Serialize};

use crate::article::Block;

/// The last words of every page's footer, after the site's name, its author
/// and the feed link.
pub const FOOTER_NOTE: &str = "No trackers, no cookies: plain files.";

/// `/about/`, from `site/about.md` (`D`: see [`Block`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AboutPage<D = crate::DemoSpec> {
    /// The page's `# heading` (shown as its h1, not repeated in `blocks`).
    pub title: String,
    /// The first paragraph's text: the meta description.
    pub description: String,
    pub blocks: Vec<Block<D>>,
}

/// How actively an area is being worked on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FocusStatus {
    Active,
    Exploring,
    Paused,
}

impl FocusStatus {
    pub const ALL: [FocusStatus; 3] = [
        FocusStatus::Active,
        FocusStatus::Exploring,
        FocusStatus::Paused,
    ];

    /// The word written in `focus.toml`.
    pub fn key(self) -> &'static str {
        match self {
            FocusStatus::Active => "active",
            FocusStatus::Exploring => "exploring",
            FocusStatus::Paused => "paused",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            FocusStatus::Active => "Active",
            FocusStatus::Exploring => "Exploring",
            FocusStatus::Paused => "Paused",
        }
    }
}

/// One area of current focus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FocusArea {
    /// Stable id, used as the section's anchor.
    pub key: String,
    pub name: String,
    pub status: FocusStatus,
    /// One paragraph, plain text.
    pub summary: String,
    pub points: Vec<String>,
    /// Posts that follow from this area.
    #[serde(default)]
    pub posts: Vec<crate::PostLink>,
}

/// `/focus/`, from `site/focus.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FocusPage {
    pub title: String,
    /// One paragraph, plain text: the lede and meta description.
    pub intro: String,
    /// ISO date the page was last revised, if given.
    pub updated: Option<String>,
    pub areas: Vec<FocusArea>,
}
