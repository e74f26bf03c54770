//! List pages: tags, one tag, one area, the archive by year.

use serde::{Deserialize, Serialize};

use crate::article::PostSummary;

/// One tag with how many published posts carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagCount {
    /// The tag as authors write it, e.g. "circuit breaker".
    pub tag: String,
    /// Its URL form, e.g. `circuit-breaker` (see `tag_route`).
    pub slug: String,
    pub count: usize,
}

/// `/tags/`: every tag, by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagIndex {
    pub tags: Vec<TagCount>,
}

/// `/tags/<slug>/`: the posts carrying one tag, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagPage {
    pub tag: String,
    pub slug: String,
    pub posts: Vec<PostSummary>,
}

/// `/areas/<key>/`: the posts of one area, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaPage {
    pub key: String,
    pub name: String,
    pub posts: Vec<PostSummary>,
}

/// One year of the archive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArchiveYear {
    /// e.g. "2026".
    pub year: String,
    /// Newest first.
    pub posts: Vec<PostSummary>,
}

/// `/archive/`: every published post by year, newest year first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Archive {
    pub years: Vec<ArchiveYear>,
}
