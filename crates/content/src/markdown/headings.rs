//! Heading anchors: stable, slugified ids, unique within a page, and the
//! `#` link readers use to share a section.

use std::collections::{BTreeMap, BTreeSet};

use unicode_normalization::UnicodeNormalization;

use crate::escape::escape_html;

/// The id a heading's text gets: lowercase letters and digits (any
/// script), every other run of characters one hyphen.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    // NFC: a heading typed with a combining accent gets the same id as one
    // typed with the accented letter.
    for c in text.nfc() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        "section".to_string()
    } else {
        slug
    }
}

/// Hands out ids unique within one page: `costs`, `costs-1`, `costs-2`.
#[derive(Debug, Default)]
pub struct HeadingIds {
    used: BTreeSet<String>,
    /// The next N to try for each base, so that 10,000 headings of the same
    /// text cost 10,000 claims, not 50 million.
    next: BTreeMap<String, usize>,
}

impl HeadingIds {
    /// Reserves `base` (or `base-N`, the first free) and returns it.
    pub fn claim(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        if self.used.contains(&id) {
            let mut n = self.next.get(base).copied().unwrap_or(1);
            loop {
                id = format!("{base}-{n}");
                n += 1;
                if !self.used.contains(&id) {
                    break;
                }
            }
            self.next.insert(base.to_string(), n);
        }
        self.used.insert(id.clone());
        id
    }
}

/// One rendered heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// `<hN id="id">inner<span data-pagefind-ignore> <a class="anchor" ...>#</a></span></hN>`.
///
/// The space before the link is in a span that search skips: Pagefind ends
/// a heading's sentence with a period only when its text ends in a letter
/// or digit, so with the space outside, a search excerpt ran the heading
/// into the next paragraph ("...in the same time A 250 ms timeout"). The
/// space stays in the page, so the heading's accessible name is still "A
/// b Link to this section", not "A bLink...". The link is skipped on its
/// own too: Pagefind's section titles skip only an element marked itself.
pub fn heading_html(level: u8, id: &str, classes: &[String], inner_html: &str) -> String {
    let class = if classes.is_empty() {
        String::new()
    } else {
        format!(r#" class="{}""#, escape_html(&classes.join(" ")))
    };
    format!(
        r##"<h{level} id="{id}"{class}>{inner}<span data-pagefind-ignore> <a class="anchor" href="#{id}" aria-label="Link to this section" data-pagefind-ignore>#</a></span></h{level}>
"##,
        id = escape_html(id),
        inner = inner_html.trim_end(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_stable_and_readable() {
        assert_eq!(
            slugify("Why retries amplify load"),
            "why-retries-amplify-load"
        );
        assert_eq!(slugify("  p99 & the tail!  "), "p99-the-tail");
        assert_eq!(slugify("Éte à Zürich"), "éte-à-zürich");
        assert_eq!(slugify("???"), "section");
        assert_eq!(slugify("Cafe\u{301}"), slugify("Caf\u{e9}"));
    }

    #[test]
    fn ids_are_unique_within_a_page() {
        let mut ids = HeadingIds::default();
        assert_eq!(ids.claim("costs"), "costs");
        assert_eq!(ids.claim("costs"), "costs-1");
        assert_eq!(ids.claim("costs"), "costs-2");
        assert_eq!(ids.claim("costs-1"), "costs-1-1");
    }

    #[test]
    fn anchor_link_inside_the_heading() {
        assert_eq!(
            heading_html(2, "a-b", &[], "A <em>b</em>"),
            "<h2 id=\"a-b\">A <em>b</em><span data-pagefind-ignore> <a class=\"anchor\" href=\"#a-b\" aria-label=\"Link to this section\" data-pagefind-ignore>#</a></span></h2>\n"
        );
    }
}
