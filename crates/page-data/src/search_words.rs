//! Typo tolerance for the site's search. The engine (Pagefind, which the
//! build runs over the prerendered pages) matches word forms and folds
//! accents but has no typo tolerance: a misspelt word finds nothing. The
//! build writes every word of the posts to `search-words.json`; when a
//! query word of five letters or more is not among them, the search page
//! offers, and searches, the nearest word one edit away.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

/// Format version of `search-words.json`.
pub const SEARCH_WORDS_VERSION: u32 = 1;

/// The shortest query word that is corrected: shorter words have too many
/// neighbours one edit away for a guess to be useful.
pub const MIN_CORRECTED_LEN: usize = 5;

/// `search-words.json`: the posts' words, folded (lowercase, accents
/// dropped), of `MIN_CORRECTED_LEN - 1` letters or more (a correction is
/// at most one letter shorter), most frequent first, then alphabetical.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchWords {
    pub version: u32,
    pub words: Vec<String>,
}

/// The words of a query: runs of letters and digits, in order.
pub fn query_words(query: &str) -> impl Iterator<Item = &str> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// English words too common to say what a query is about. The engine
/// indexes them like any word, so a query keeps them only when it has
/// nothing else: "retries and timeouts" searches "retries timeouts" (and
/// no excerpt marks "and"), while "the" alone still searches "the".
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "do", "does", "for", "from", "has",
    "have", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of", "on",
    "or", "so", "than", "that", "the", "their", "then", "there", "these", "they", "this", "to",
    "was", "we", "were", "what", "when", "where", "which", "who", "why", "will", "with", "you",
    "your",
];

/// Whether `word` is a stop word (in any case). The stop words are ASCII,
/// so ASCII case folding is enough (`to_lowercase` would bring Unicode's
/// case tables into every page's wasm: 6 KB brotli).
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// What to ask the engine for `query`: its words without the stop words,
/// or every word when all of them are stop words.
pub fn search_terms(query: &str) -> String {
    let words: Vec<&str> = query_words(query).collect();
    let kept: Vec<&str> = words.iter().copied().filter(|w| !is_stop_word(w)).collect();
    if kept.is_empty() {
        words.join(" ")
    } else {
        kept.join(" ")
    }
}

/// A vocabulary ready to ask: membership and the words by frequency.
pub struct Vocabulary<'a> {
    known: HashSet<&'a str>,
    by_frequency: &'a [String],
}

impl<'a> Vocabulary<'a> {
    pub fn new(words: &'a SearchWords) -> Self {
        Vocabulary {
            known: words.words.iter().map(String::as_str).collect(),
            by_frequency: &words.words,
        }
    }

    /// The most frequent known word one edit (insertion, deletion,
    /// substitution or swap of neighbours) from `folded`, when `folded` is
    /// long enough and unknown.
    pub fn correction(&self, folded: &str) -> Option<&'a str> {
        if folded.chars().count() < MIN_CORRECTED_LEN || self.known.contains(folded) {
            return None;
        }
        self.by_frequency
            .iter()
            .map(String::as_str)
            .find(|w| one_edit_apart(folded, w))
    }

    /// `query` with each unknown long word replaced by its correction, or
    /// `None` when no word changes. `fold` spells a word as the vocabulary
    /// does. Words keep their order; what separated them becomes a space.
    pub fn corrected_query(&self, query: &str, fold: impl Fn(&str) -> String) -> Option<String> {
        let mut changed = false;
        let words: Vec<String> = query_words(query)
            .map(|w| match self.correction(&fold(w)) {
                Some(c) => {
                    changed = true;
                    c.to_string()
                }
                None => w.to_string(),
            })
            .collect();
        changed.then(|| words.join(" "))
    }
}

/// Whether `a` and `b` differ by exactly one edit: one character inserted,
/// deleted or substituted, or two neighbours swapped (the optimal string
/// alignment distance is 1).
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    match (a.len(), b.len()) {
        (1, 1) | (0, 1) | (1, 0) => true,
        (2, 2) => a[0] == b[1] && a[1] == b[0],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> SearchWords {
        SearchWords {
            version: SEARCH_WORDS_VERSION,
            words: list.iter().map(|w| w.to_string()).collect(),
        }
    }

    #[test]
    fn one_edit_is_an_insertion_a_deletion_a_substitution_or_a_swap() {
        assert!(one_edit_apart("brekaer", "breaker"), "swap");
        assert!(one_edit_apart("retrys", "retry"), "insertion");
        assert!(one_edit_apart("timout", "timeout"), "deletion");
        assert!(one_edit_apart("jotter", "jitter"), "substitution");
        assert!(one_edit_apart("zurich", "zurichx"));
        assert!(
            !one_edit_apart("breaker", "breaker"),
            "the same word is no edit"
        );
        assert!(!one_edit_apart("brkaeer", "breaker"), "two edits");
        assert!(!one_edit_apart("abc", "cba"));
        assert!(one_edit_apart("zürich", "zürch"), "characters, not bytes");
    }

    #[test]
    fn only_unknown_long_words_are_corrected_to_the_most_frequent_neighbour() {
        let w = words(&["retry", "breaker", "breaks", "timeout", "queue"]);
        let v = Vocabulary::new(&w);
        assert_eq!(v.correction("brekaer"), Some("breaker"));
        assert_eq!(v.correction("breaker"), None, "known");
        assert_eq!(v.correction("quue"), None, "four letters are too few");
        assert_eq!(v.correction("paxos"), None, "nothing near");
        let w = words(&["timeouts", "timeout"]);
        assert_eq!(
            Vocabulary::new(&w).correction("timeoutz"),
            Some("timeouts"),
            "the more frequent first"
        );
    }

    #[test]
    fn stop_words_are_left_out_unless_they_are_all_the_query_has() {
        assert_eq!(search_terms("retries and timeouts"), "retries timeouts");
        assert_eq!(search_terms("What is the backoff, then?"), "backoff");
        assert_eq!(search_terms("The"), "The");
        assert_eq!(search_terms("to be or not to be"), "to be or not to be");
        assert_eq!(search_terms("  "), "");
        assert!(is_stop_word("AND"));
        assert!(!is_stop_word("retry"));
    }

    #[test]
    fn a_query_is_corrected_word_by_word() {
        let w = words(&["retry", "breaker", "timeout"]);
        let v = Vocabulary::new(&w);
        let fold = |s: &str| s.to_lowercase();
        assert_eq!(
            v.corrected_query("Brekaer and timout", fold).as_deref(),
            Some("breaker and timeout")
        );
        assert_eq!(v.corrected_query("breaker, retry", fold), None);
        assert_eq!(
            query_words("Earth–Mars, p99!").collect::<Vec<_>>(),
            ["Earth", "Mars", "p99"]
        );
    }
}
