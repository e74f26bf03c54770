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
    /// ISO date of the last substantive edit, `YYYY-MM-DD`, if any.
    #[serde(default)]
    pub updated: Option<String>,
    /// Estimated reading time in whole minutes (words / 230, at least 1).
    #[serde(default)]
    pub reading_minutes: u32,
}

/// A link to another post: enough to write "see <title>" with its date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostLink {
    pub slug: String,
    pub title: String,
    /// ISO date of the linked post, `YYYY-MM-DD`.
    pub date: String,
}

/// One heading in a post's table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TocEntry {
    /// 2 for `##`, 3 for `###`.
    pub level: u8,
    /// The heading's `id` (its anchor, `#id`).
    pub id: String,
    /// The heading's plain text.
    pub text: String,
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
///
/// `D` is how a reader of the data file takes the demo's spec: the build
/// as the typed [`DemoSpec`]; the blog shell as plain JSON it hands on
/// unparsed to the demo's module (so that it links none of the simulation's
/// types, nor a JSON value type).
///
/// Externally tagged (`{"html": {...}}`, `{"demo": {...}}`): an internally
/// tagged enum (`"type": "html"`) is read through serde's buffered
/// `Content`, which cost the shell 6.7 KB brotli (PERFORMANCE.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block<D = DemoSpec> {
    Html {
        html: String,
    },
    Demo {
        demo: Box<D>,
        /// The static picture of the demo's default run (HTML, drawn at
        /// build time), shown until the live demo has its first run.
        #[serde(default)]
        figure: String,
    },
}

/// A whole post: metadata and body blocks (`D`: see [`Block`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article<D = DemoSpec> {
    pub meta: PostSummary,
    pub blocks: Vec<Block<D>>,
    /// Table of contents (h2 and h3); empty unless the post has 3+ h2s.
    #[serde(default)]
    pub toc: Vec<TocEntry>,
    /// Later posts (kind correction) that correct this one, oldest first:
    /// the banner "Corrected on DATE: see TITLE" at the top of the page.
    #[serde(default)]
    pub corrected_by: Vec<PostLink>,
    /// For a correction: the post it corrects.
    #[serde(default)]
    pub corrects: Option<PostLink>,
    /// The next older published post.
    #[serde(default)]
    pub previous: Option<PostLink>,
    /// The next newer published post.
    #[serde(default)]
    pub next: Option<PostLink>,
    /// Up to 3 posts sharing the most tags, then the newest.
    #[serde(default)]
    pub related: Vec<PostLink>,
}
