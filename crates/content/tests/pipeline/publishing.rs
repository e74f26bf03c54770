//! The publishing files of the fixture site: the Atom feed checked against
//! the rules of RFC 4287, the sitemap, and the same site under a sub-path.

use crate::common;

use std::collections::HashSet;

use atom_syndication::Feed;
use common::{text, Fixture};
use content::BuildOptions;

fn feed_of(site: &content::RenderedSite) -> Feed {
    Feed::read_from(text(site, "feed.xml").as_bytes()).expect("feed.xml parses as Atom")
}

/// An IRI as RFC 4287 wants an id: absolute, with a scheme.
fn is_absolute(iri: &str) -> bool {
    iri.starts_with("https://") || iri.starts_with("http://")
}

#[test]
fn the_feed_follows_rfc_4287() {
    let site = Fixture::new().render(false).expect("builds");
    let feed = feed_of(&site);
    // 4.1.1: a feed has exactly one id, title and updated; an author
    // unless every entry has one; a self link is recommended.
    assert!(is_absolute(&feed.id), "feed id {}", feed.id);
    assert!(!feed.title.value.is_empty());
    assert!(!feed.authors.is_empty(), "the feed names its author");
    assert!(feed
        .links
        .iter()
        .any(|l| l.rel == "self" && l.href.ends_with("/feed.xml")));
    // Every published post is an entry; drafts are not.
    let index: serde_json::Value =
        serde_json::from_str(&text(&site, "data/index.json")).expect("index");
    let published = index["posts"].as_array().expect("posts").len();
    assert_eq!(feed.entries.len(), published);
    let mut ids = HashSet::new();
    for entry in &feed.entries {
        // 4.1.2: each entry has a unique, absolute id, a title, updated,
        // and (with no content src) an alternate link.
        assert!(is_absolute(&entry.id), "entry id {}", entry.id);
        assert!(
            ids.insert(entry.id.clone()),
            "duplicate entry id {}",
            entry.id
        );
        assert!(!entry.title.value.is_empty());
        assert!(entry.updated >= entry.published.expect("published"));
        assert!(entry.updated <= feed.updated, "feed updated is the latest");
        assert!(entry
            .links
            .iter()
            .any(|l| l.rel == "alternate" && l.href == entry.id));
        let content = entry.content.as_ref().expect("full content");
        assert_eq!(content.content_type.as_deref(), Some("html"));
        let html = content.value.as_deref().expect("content");
        assert!(html.len() > 40, "{}: content", entry.id);
        // Links in content are absolute: a feed reader has no site root.
        assert!(
            !html.contains("href=\"/"),
            "{}: root-relative link",
            entry.id
        );
        assert!(!html.contains("src=\"/"), "{}: root-relative src", entry.id);
    }
}

#[test]
fn the_sitemap_lists_every_page_and_robots_points_to_it() {
    let site = Fixture::new().render(false).expect("builds");
    let sitemap = text(&site, "sitemap.xml");
    let pages: Vec<&String> = site
        .files
        .keys()
        .filter(|p| p.ends_with("index.html"))
        .collect();
    for page in &pages {
        let route = page.trim_end_matches("index.html");
        let loc = format!("<loc>https://example.org/{route}</loc>");
        assert!(sitemap.contains(&loc), "{loc} missing from the sitemap");
    }
    assert_eq!(sitemap.matches("<loc>").count(), pages.len());
    assert!(!sitemap.contains("404"));
    assert!(text(&site, "robots.txt").contains("Sitemap: https://example.org/sitemap.xml"));
}

#[test]
fn under_a_sub_path_every_link_carries_it() {
    let fixture = Fixture::new();
    let options = BuildOptions {
        base_url: Some("https://example.org/blog/".into()),
        public_url: Some("/blog/".into()),
        ..fixture.options(false)
    };
    let site = content::render_site(&options).expect("builds under /blog/");
    for (path, bytes) in &site.files {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        for attr in ["href=\"/", "src=\"/", "action=\"/"] {
            for (at, _) in html.match_indices(attr) {
                let rest = &html[at + attr.len() - 1..];
                assert!(
                    rest.starts_with("/blog/"),
                    "{path}: {}",
                    &rest[..rest.len().min(60)]
                );
            }
        }
        assert!(html.contains(r#"<meta name="site-base" content="/blog/">"#));
    }
    let article = text(&site, "data/posts/first-note.json");
    assert!(
        article.contains(r#"href=\"/blog/posts/long-essay/#costs\""#),
        "article data is rebased"
    );
    assert!(article.contains(r#"src=\"/blog/logo.png\""#), "{article}");
    let feed = feed_of(&site);
    assert!(feed
        .entries
        .iter()
        .all(|e| e.id.starts_with("https://example.org/blog/posts/")));
}

#[test]
fn a_public_url_that_disagrees_with_the_base_url_fails_the_build() {
    let fixture = Fixture::new();
    let options = BuildOptions {
        base_url: Some("https://example.org/blog/".into()),
        public_url: Some("/".into()),
        ..fixture.options(false)
    };
    let errors = content::render_site(&options)
        .err()
        .expect("the build should fail")
        .to_string();
    assert!(errors.contains("site/site.toml"), "{errors}");
    assert!(errors.contains("--public-url /blog/"), "{errors}");
}

#[test]
fn a_bad_base_url_fails_the_build_naming_the_line() {
    let fixture = Fixture::new();
    let config = fixture.read("site/site.toml");
    fixture.write(
        "site/site.toml",
        &config.replace("https://example.org/", "example.org/"),
    );
    let errors = fixture.errors();
    assert!(errors.contains("site/site.toml:"), "{errors}");
    assert!(errors.contains("must start with https://"), "{errors}");
}
