//! The offline full-text search index: documents and an inverted index
//! (term -> [doc, weight]), small enough for a static file at 10-100 posts.

use std::collections::BTreeMap;

use page_data::{SearchDoc, SearchIndex};

use crate::post::Post;

/// Format version of `search-index.json`.
pub const SEARCH_INDEX_VERSION: u32 = 1;

const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "do", "for", "from", "has", "have",
    "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of",
    "on", "or", "our", "so", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "to", "was", "we", "were", "what", "when", "which", "who", "will", "with", "you",
    "your",
];

/// Lowercase words of 2+ letters or digits, stop words dropped.
pub fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
}

/// The index of `posts` (in the order given: newest first).
pub fn search_index(posts: &[Post]) -> SearchIndex {
    let mut terms: BTreeMap<String, Vec<[u32; 2]>> = BTreeMap::new();
    let mut docs = Vec::with_capacity(posts.len());
    for (doc, post) in (0u32..).zip(posts) {
        let meta = post.meta();
        let mut weights: BTreeMap<String, u32> = BTreeMap::new();
        let mut add = |text: &str, weight: u32| {
            for t in tokens(text) {
                *weights.entry(t).or_default() += weight;
            }
        };
        // plain_text holds title and headings once already (weight 1).
        add(&meta.title, 7);
        for tag in &meta.tags {
            add(tag, 5);
        }
        add(&meta.summary, 3);
        for h in &post.headings {
            add(&h.text, 2);
        }
        add(&post.plain_text, 1);
        for (term, weight) in weights {
            terms.entry(term).or_default().push([doc, weight]);
        }
        docs.push(SearchDoc {
            slug: meta.slug.clone(),
            title: meta.title.clone(),
            summary: meta.summary.clone(),
            date: meta.date.clone(),
        });
    }
    SearchIndex {
        version: SEARCH_INDEX_VERSION,
        docs,
        terms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_lowercase_words_without_stop_words() {
        let t: Vec<_> = tokens("The p99 of a Retry-Budget, in Zürich!").collect();
        assert_eq!(t, ["p99", "retry", "budget", "zürich"]);
    }
}
