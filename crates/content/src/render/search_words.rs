//! `search-words.json`: every word of the published posts, for the search
//! page's typo tolerance (see `page_data::SearchWords`). The search index
//! itself is Pagefind's, built from the prerendered pages after this step
//! (scripts/build).

use std::collections::HashMap;

use page_data::{SearchWords, MIN_CORRECTED_LEN, SEARCH_WORDS_VERSION};
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

use crate::load::post::Post;

/// `word` as the vocabulary spells it: lowercase, accents dropped
/// (canonical decomposition, combining marks removed: "Zürich" -> "zurich").
/// The search page folds a reader's words the same way (`js/search.js`,
/// with the browser's `String.prototype.normalize`).
pub fn fold(word: &str) -> String {
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The vocabulary of `posts`: folded words of `MIN_CORRECTED_LEN - 1`
/// letters or more, most frequent first, ties alphabetical.
pub fn search_words(posts: &[Post]) -> SearchWords {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for post in posts {
        let meta = post.meta();
        let texts = [
            meta.title.as_str(),
            meta.summary.as_str(),
            post.plain_text.as_str(),
        ];
        for text in texts
            .into_iter()
            .chain(meta.tags.iter().map(String::as_str))
        {
            for word in page_data::query_words(text) {
                if word.chars().count() + 1 >= MIN_CORRECTED_LEN {
                    *counts.entry(fold(word)).or_default() += 1;
                }
            }
        }
    }
    let mut words: Vec<(String, usize)> = counts.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    SearchWords {
        version: SEARCH_WORDS_VERSION,
        words: words.into_iter().map(|(w, _)| w).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_lowercases_and_drops_accents() {
        assert_eq!(fold("Zürich"), "zurich");
        assert_eq!(fold("CAFÉ"), "cafe");
        assert_eq!(fold("naïve"), "naive");
        assert_eq!(fold("p99"), "p99");
    }
}
