//! Posts as the app receives them.

use serde::{Deserialize, Serialize};

use crate::demo::DemoSpec;

/// What kind of writing a post is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostKind {
    Note,
    Essay,
    DesignDoc,
    Correction,
}

impl PostKind {
    pub const ALL: [PostKind; 4] = [
        PostKind::Note,
        PostKind::Essay,
        PostKind::DesignDoc,
        PostKind::Correction,
    ];

    /// The word an author writes in front matter.
    pub fn key(self) -> &'static str {
        match self {
            PostKind::Note => "note",
            PostKind::Essay => "essay",
            PostKind::DesignDoc => "design-doc",
            PostKind::Correction => "correction",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            PostKind::Note => "Note",
            PostKind::Essay => "Essay",
            PostKind::DesignDoc => "Design doc",
            PostKind::Correction => "Correction",
        }
    }
}

/// A post's metadata: enough for lists, titles and descriptions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostSummary {
    pub slug: String,
    pub title: String,
    /// ISO date, `YYYY-MM-DD`.
    pub date: String,
    pub summary: String,
    pub tags: Vec<String>,
    /// Key of the post's area, e.g. `systems`.
    pub area: String,
    /// Display name of the area, e.g. "Systems and craft".
    pub area_name: String,
    pub kind: PostKind,
    pub draft: bool,
}

/// Every published post, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostIndex {
    /// The site's description: the home page's lede.
    pub description: String,
    pub posts: Vec<PostSummary>,
}

/// One block of an article: rendered HTML, or a demo with its typed,
/// build-time-validated starting parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Html { html: String },
    Demo { demo: Box<DemoSpec> },
}

/// A whole post: metadata and body blocks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub meta: PostSummary,
    pub blocks: Vec<Block>,
}
