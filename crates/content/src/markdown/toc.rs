//! A table of contents for long posts, as data (crates/views renders it).

use page_data::TocEntry;

use crate::markdown::headings::Heading;

/// A post gets a table of contents from this many `##` headings.
pub const TOC_MIN_H2: usize = 3;

/// The h2 and h3 headings, or nothing when the post has fewer than
/// `TOC_MIN_H2` h2s.
pub fn table_of_contents(headings: &[Heading]) -> Vec<TocEntry> {
    let h2s = headings.iter().filter(|h| h.level == 2).count();
    if h2s < TOC_MIN_H2 {
        return Vec::new();
    }
    headings
        .iter()
        .filter(|h| h.level == 2 || h.level == 3)
        .map(|h| TocEntry {
            level: h.level,
            id: h.id.clone(),
            text: h.text.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(level: u8, id: &str) -> Heading {
        Heading {
            level,
            id: id.to_string(),
            text: id.to_uppercase(),
        }
    }

    #[test]
    fn short_posts_have_no_toc() {
        assert!(table_of_contents(&[h(2, "a"), h(3, "b"), h(2, "c")]).is_empty());
    }

    #[test]
    fn long_posts_list_h2_and_h3() {
        let toc = table_of_contents(&[h(2, "a"), h(3, "b"), h(4, "x"), h(2, "c"), h(2, "d")]);
        let ids: Vec<_> = toc.iter().map(|e| (e.level, e.id.as_str())).collect();
        assert_eq!(ids, [(2, "a"), (3, "b"), (2, "c"), (2, "d")]);
    }
}
