//! The offline search index: one static file the app loads only when a
//! reader opens search.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One searchable post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchDoc {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub date: String,
}

/// `search-index.json`: documents and an inverted index.
///
/// Terms are lowercase ASCII-folded words of 2+ characters (stop words
/// dropped, no stemming: match a query word as a prefix of terms). Each
/// posting is `[doc, weight]`: the index in `docs` and a score that counts
/// the word's occurrences, title x8, tags x5, summary x3, headings x3,
/// body x1. Score a query by summing the weights of its words' postings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchIndex {
    pub version: u32,
    pub docs: Vec<SearchDoc>,
    pub terms: BTreeMap<String, Vec<[u32; 2]>>,
}
