//! Where the build puts each file, relative to the site root. The build and
//! the app both call these, so the two cannot disagree.

/// The list of posts.
pub fn index_data_path() -> String {
    "data/index.json".to_string()
}

/// One post's article data.
pub fn article_data_path(slug: &str) -> String {
    format!("data/posts/{slug}.json")
}

/// The wasm module of the demo keyed `demo_key` (`deep-space` ->
/// `demo_deep_space`): the name of its bin (`src/bin/`), of its link in
/// index.html and of the JS glue trunk writes at the site root. The shell
/// imports `<name>.js` on a page with that demo; the demo's worker loads
/// the same module.
pub fn demo_module(demo_key: &str) -> String {
    format!("demo_{}", demo_key.replace('-', "_"))
}

/// The route (and prerendered folder) of a post, relative to the site root.
pub fn post_route(slug: &str) -> String {
    format!("posts/{slug}/")
}

/// The URL form of a tag: lowercase ASCII letters and digits, every other
/// run of characters one hyphen ("Circuit breaker" -> `circuit-breaker`).
pub fn tag_slug(tag: &str) -> String {
    let mut slug = String::with_capacity(tag.len());
    for c in tag.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// The route of the list of tags.
pub fn tags_route() -> String {
    "tags/".to_string()
}

/// The list of tags' data: a `TagIndex`.
pub fn tag_index_data_path() -> String {
    "data/tags.json".to_string()
}

/// The route of one tag's page; `slug` is `tag_slug(tag)`.
pub fn tag_route(slug: &str) -> String {
    format!("tags/{slug}/")
}

/// One tag's data: a `TagPage`.
pub fn tag_data_path(slug: &str) -> String {
    format!("data/tags/{slug}.json")
}

/// The route of one area's page; `key` is the area's key in site.toml.
pub fn area_route(key: &str) -> String {
    format!("areas/{key}/")
}

/// One area's data: an `AreaPage`.
pub fn area_data_path(key: &str) -> String {
    format!("data/areas/{key}.json")
}

/// The route of the archive by year.
pub fn archive_route() -> String {
    "archive/".to_string()
}

/// The archive's data: an `Archive`.
pub fn archive_data_path() -> String {
    "data/archive.json".to_string()
}

/// The route of the About page.
pub fn about_route() -> String {
    "about/".to_string()
}

/// The About page's data: an `AboutPage`.
pub fn about_data_path() -> String {
    "data/about.json".to_string()
}

/// The route of the Current Focus page.
pub fn focus_route() -> String {
    "focus/".to_string()
}

/// The Current Focus page's data: a `FocusPage`.
pub fn focus_data_path() -> String {
    "data/focus.json".to_string()
}

/// The posts' words for search's typo tolerance: a `SearchWords`, fetched
/// when a query has a word it may need to correct.
pub fn search_words_path() -> String {
    "search-words.json".to_string()
}

/// Where the build writes Pagefind's search bundle (`pagefind.js` and its
/// index), under the site's base path.
pub fn search_bundle_dir() -> String {
    "pagefind/".to_string()
}

/// The Atom feed of every published post.
pub fn feed_path() -> String {
    "feed.xml".to_string()
}

/// The stylesheet of highlighted code (light and dark), written by the build.
pub fn highlight_css_path() -> String {
    "highlight.css".to_string()
}

/// The stylesheet of Mermaid diagrams (their styles, moved out of the SVG).
pub fn diagrams_css_path() -> String {
    "diagrams.css".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every demo has its module: a bin of the site (`src/bin/`) and a
    /// link in index.html that trunk builds it from, under the name the
    /// shell imports.
    #[test]
    fn every_demo_has_its_module() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let index = std::fs::read_to_string(root.join("index.html")).expect("index.html");
        for demo in sim::Demo::ALL {
            let module = demo_module(demo.key());
            let bin = root.join(format!("src/bin/{module}.rs"));
            let source =
                std::fs::read_to_string(&bin).unwrap_or_else(|e| panic!("{}: {e}", bin.display()));
            assert!(
                source.contains(&format!("sim::Demo::{demo:?},")),
                "{} builds another demo",
                bin.display()
            );
            assert!(
                index.contains(&format!("data-bin=\"{module}\"")),
                "index.html has no link for {module}"
            );
        }
        assert_eq!(demo_module("deep-space"), "demo_deep_space");
    }

    #[test]
    fn tag_slugs() {
        assert_eq!(tag_slug("circuit breaker"), "circuit-breaker");
        assert_eq!(tag_slug("  C++ / Rust! "), "c-rust");
        assert_eq!(tag_slug("retries"), "retries");
        assert_eq!(tag_slug("--"), "");
    }
}
