//! Answering a query from the offline search index: every query word must
//! match (as a prefix of an indexed term); documents rank by the summed
//! weights of what matched.

use std::collections::BTreeMap;

use crate::search::SearchIndex;

/// One result: the document's index in `SearchIndex::docs` and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchHit {
    pub doc: usize,
    pub score: u32,
}

/// The words of a query as the index spells its terms: lowercase, split
/// at anything not a letter or digit, two characters or more.
pub fn query_words(query: &str) -> Vec<String> {
    let lower = query.to_lowercase();
    let mut words: Vec<String> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_string)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// The best `limit` documents for `query`, best first (ties: index order,
/// which is newest first).
pub fn search(index: &SearchIndex, query: &str, limit: usize) -> Vec<SearchHit> {
    let words = query_words(query);
    if words.is_empty() {
        return Vec::new();
    }
    let mut scores: BTreeMap<usize, (u32, usize)> = BTreeMap::new();
    for (i, word) in words.iter().enumerate() {
        let mut seen = Vec::new();
        for (term, postings) in index.terms.range(word.clone()..) {
            if !term.starts_with(word.as_str()) {
                break;
            }
            for &[doc, weight] in postings {
                let doc = doc as usize;
                if doc >= index.docs.len() {
                    continue;
                }
                let entry = scores.entry(doc).or_insert((0, 0));
                entry.0 = entry.0.saturating_add(weight);
                if !seen.contains(&doc) {
                    seen.push(doc);
                    // Count each word once per document.
                    if entry.1 == i {
                        entry.1 += 1;
                    }
                }
            }
        }
    }
    let mut hits: Vec<SearchHit> = scores
        .into_iter()
        .filter(|(_, (_, matched))| *matched == words.len())
        .map(|(doc, (score, _))| SearchHit { doc, score })
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.doc.cmp(&b.doc)));
    hits.truncate(limit);
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::SearchDoc;

    fn index() -> SearchIndex {
        let doc = |slug: &str| SearchDoc {
            slug: slug.into(),
            title: slug.into(),
            summary: String::new(),
            date: "2026-01-01".into(),
        };
        SearchIndex {
            version: 1,
            docs: vec![doc("retries"), doc("queues"), doc("mars")],
            terms: [
                ("retry".to_string(), vec![[0, 8], [1, 1]]),
                ("retries".to_string(), vec![[0, 3]]),
                ("queue".to_string(), vec![[1, 8]]),
                ("mars".to_string(), vec![[2, 8], [0, 1]]),
            ]
            .into(),
        }
    }

    #[test]
    fn prefixes_match_and_every_word_must() {
        let idx = index();
        let hits = search(&idx, "Retr", 10);
        assert_eq!(hits.iter().map(|h| h.doc).collect::<Vec<_>>(), vec![0, 1]);
        assert_eq!(hits[0].score, 11);
        let both = search(&idx, "retry mars", 10);
        assert_eq!(both.iter().map(|h| h.doc).collect::<Vec<_>>(), vec![0]);
        assert!(search(&idx, "x", 10).is_empty(), "one letter is not a word");
        assert!(search(&idx, "paxos", 10).is_empty());
        assert_eq!(query_words("Earth–Mars, earth!"), vec!["earth", "mars"]);
    }
}
