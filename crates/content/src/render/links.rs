//! The internal-link check: every root-relative link (`/posts/x/`,
//! `/posts/x/#section`, `/tags/y/`) and every `#anchor` must reach a page
//! (or file) the build writes, and an anchor must be an id on that page.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use lol_html::{element, rewrite_str, RewriteStrSettings};
use unicode_normalization::UnicodeNormalization;

use crate::error::ContentError;
use crate::markdown::LinkRef;

/// A page's links, with the file they were written in.
pub struct PageLinks<'a> {
    pub source: &'a Path,
    /// The page's route, e.g. `posts/x/` (`""` for the home page).
    pub route: String,
    pub links: &'a [LinkRef],
}

/// Checks links against the output `files` (path -> contents) and the
/// static files in `public_dir`.
pub fn check_links(
    pages: &[PageLinks<'_>],
    files: &BTreeMap<String, Vec<u8>>,
    public_dir: &Path,
) -> Vec<ContentError> {
    let mut ids_cache: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut errors = Vec::new();
    for page in pages {
        for link in page.links {
            let problem = check_one(&link.url, &page.route, files, public_dir, &mut ids_cache);
            if let Some(problem) = problem {
                errors.push(ContentError::new(
                    page.source,
                    link.line,
                    format!("broken link `{}`: {problem}", link.url),
                ));
            }
        }
    }
    errors
}

fn check_one(
    url: &str,
    route: &str,
    files: &BTreeMap<String, Vec<u8>>,
    public_dir: &Path,
    ids_cache: &mut BTreeMap<String, BTreeSet<String>>,
) -> Option<String> {
    let (target, anchor) = match url.split_once('#') {
        Some((t, a)) => (t, Some(a)),
        None => (url, None),
    };
    let target = target.split('?').next().unwrap_or(target);
    let page_file = if target.is_empty() {
        format!("{route}index.html")
    } else if let Some(path) = target
        .strip_prefix('/')
        .filter(|_| !target.starts_with("//"))
    {
        let candidates = if path.is_empty() || path.ends_with('/') {
            vec![format!("{path}index.html")]
        } else {
            vec![path.to_string(), format!("{path}/index.html")]
        };
        let found = candidates
            .into_iter()
            .find(|c| files.contains_key(c) || public_dir.join(PathBuf::from(c)).is_file());
        match found {
            Some(file) => file,
            None => return Some("no page or file at that address".to_string()),
        }
    } else {
        // External (https:, mailto:) or relative: not checked.
        return None;
    };
    let anchor = anchor.filter(|a| !a.is_empty())?;
    let Some(html) = files.get(&page_file) else {
        return Some(format!(
            "cannot check `#{anchor}`: `{page_file}` is not a page"
        ));
    };
    let ids = ids_cache
        .entry(page_file.clone())
        .or_insert_with(|| ids_in(&String::from_utf8_lossy(html)));
    (!ids.contains(anchor)).then(|| {
        let page = if target.is_empty() {
            "this page".to_string()
        } else {
            format!("page {target}")
        };
        let nfc: String = anchor.nfc().collect();
        if ids.contains(&nfc) {
            format!("{page} has no id `{anchor}` as written: it has `{nfc}`, which looks the same but is spelt with other Unicode characters (an accent typed separately); retype the link")
        } else {
            format!("{page} has no heading or element with id `{anchor}`")
        }
    })
}

/// Every element id in `html`, however the attribute is written (double,
/// single or no quotes, any case), as lol_html reads the tags.
pub fn ids_in(html: &str) -> BTreeSet<String> {
    let ids = std::cell::RefCell::new(BTreeSet::new());
    let settings =
        RewriteStrSettings::new().append_element_content_handler(element!("[id]", |el| {
            if let Some(id) = el.get_attribute("id") {
                ids.borrow_mut().insert(id);
            }
            Ok(())
        }));
    // Reading cannot fail: the handler never errs and no memory limit is
    // set. An id it could not read would be reported as a broken anchor.
    let _ = rewrite_str(html, settings);
    ids.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> BTreeMap<String, Vec<u8>> {
        [
            ("posts/a/index.html", r#"<h2 id="why">Why</h2>"#),
            ("index.html", ""),
            ("data/index.json", "{}"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
        .collect()
    }

    fn check(url: &str) -> Vec<String> {
        let links = [LinkRef {
            url: url.to_string(),
            line: 4,
        }];
        let pages = [PageLinks {
            source: Path::new("posts/b.md"),
            route: "posts/a/".into(),
            links: &links,
        }];
        check_links(&pages, &files(), Path::new("/nonexistent"))
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn good_links_pass() {
        for url in [
            "/posts/a/",
            "/posts/a",
            "/posts/a/#why",
            "#why",
            "/",
            "/data/index.json",
            "https://example.org/x",
            "mailto:a@b",
            "other.html",
        ] {
            assert!(check(url).is_empty(), "{url}: {:?}", check(url));
        }
    }

    #[test]
    fn broken_links_name_file_line_and_problem() {
        assert_eq!(
            check("/posts/missing/"),
            ["posts/b.md:4: broken link `/posts/missing/`: no page or file at that address"]
        );
        assert_eq!(check("/posts/a/#nope"), ["posts/b.md:4: broken link `/posts/a/#nope`: page /posts/a/ has no heading or element with id `nope`"]);
        assert_eq!(check("#nope"), ["posts/b.md:4: broken link `#nope`: this page has no heading or element with id `nope`"]);
    }

    #[test]
    fn an_anchor_in_another_normalisation_is_named() {
        let mut files = files();
        files.insert(
            "posts/c/index.html".into(),
            "<h2 id=\"caf\u{e9}\">".as_bytes().to_vec(),
        );
        let links = [LinkRef {
            url: "/posts/c/#cafe\u{301}".into(),
            line: 2,
        }];
        let pages = [PageLinks {
            source: Path::new("posts/b.md"),
            route: "posts/b/".into(),
            links: &links,
        }];
        let errors = check_links(&pages, &files, Path::new("/nonexistent"));
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0]
                .message
                .contains("looks the same but is spelt with other Unicode characters"),
            "{errors:?}"
        );
    }

    #[test]
    fn every_way_of_writing_an_id_is_found() {
        let ids = ids_in(
            r#"<h2 id="a">A</h2><span id='b'></span><p ID=c>x</p><svg><g id="d"/></svg><code>id="not-an-id"</code>"#,
        );
        let expected: BTreeSet<String> = ["a", "b", "c", "d"].map(String::from).into();
        assert_eq!(ids, expected);
    }
}
