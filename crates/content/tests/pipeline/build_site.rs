//! The fixture site built: pages, data files, and snapshots of the
//! rendered HTML (`INSTA_UPDATE=always cargo test -p content` rewrites
//! them; review the diff).

use crate::common;

use common::{json, main_of, text, Fixture};

fn site() -> content::RenderedSite {
    Fixture::new()
        .render(false)
        .expect("the fixture site builds")
}

fn slugs(list: &serde_json::Value) -> Vec<String> {
    list.as_array()
        .expect("array")
        .iter()
        .map(|p| p["slug"].as_str().expect("slug").to_string())
        .collect()
}

#[test]
fn snapshots_of_every_kind_of_page() {
    let site = site();
    for (name, file) in [
        ("home", "index.html"),
        ("post_long_essay", "posts/long-essay/index.html"),
        ("post_first_note", "posts/first-note/index.html"),
        ("post_corrected", "posts/old-belief/index.html"),
        ("post_correction", "posts/a-correction/index.html"),
        ("tags", "tags/index.html"),
        ("tag_retries", "tags/retries/index.html"),
        ("area_growth", "areas/growth/index.html"),
        ("area_leadership_empty", "areas/leadership/index.html"),
        ("archive", "archive/index.html"),
        ("about", "about/index.html"),
        ("focus", "focus/index.html"),
    ] {
        insta::assert_snapshot!(name, main_of(&text(&site, file)));
    }
}

#[test]
fn every_page_has_its_own_title_and_description() {
    let site = site();
    let head = |file: &str| {
        let html = text(&site, file);
        let title = html
            .split("<title>")
            .nth(1)
            .and_then(|t| t.split("</title>").next())
            .expect("title")
            .to_string();
        let description = html
            .split("name=\"description\" content=\"")
            .nth(1)
            .and_then(|t| t.split('"').next())
            .expect("description")
            .to_string();
        (title, description)
    };
    assert_eq!(head("index.html").0, "Fixture log");
    assert_eq!(
        head("posts/long-essay/index.html"),
        (
            "A long essay · Fixture log".into(),
            "Three sections, a table, a footnote, code and a diagram.".into()
        )
    );
    assert_eq!(
        head("tags/retries/index.html").0,
        "Tagged “retries” · Fixture log"
    );
    assert_eq!(
        head("areas/growth/index.html").0,
        "Growth and meaning · Fixture log"
    );
    assert_eq!(head("archive/index.html").0, "Archive · Fixture log");
    assert_eq!(
        head("about/index.html"),
        (
            "About this log · Fixture log".into(),
            "A fixture About page, rendered like a post.".into()
        )
    );
    assert_eq!(
        head("focus/index.html"),
        (
            "Current focus · Fixture log".into(),
            "What the fixture studies now.".into()
        )
    );
    // A page links only the stylesheets its content needs.
    let html = text(&site, "tags/index.html");
    assert!(!html.contains(r#"href="/highlight.css""#), "{html}");
    assert!(!html.contains(r#"href="/diagrams.css""#), "{html}");
}

#[test]
fn drafts_only_with_the_drafts_option() {
    let release = site();
    assert!(!release
        .files
        .contains_key("posts/work-in-progress/index.html"));
    assert!(!release
        .files
        .contains_key("data/posts/work-in-progress.json"));
    assert!(!release.files.contains_key("tags/drafts/index.html"));
    assert!(!text(&release, "search-words.json").contains("progress"));
    assert_eq!(release.drafts_skipped, 1);
    let serve = Fixture::new().render(true).expect("builds with drafts");
    assert!(serve
        .files
        .contains_key("posts/work-in-progress/index.html"));
    assert_eq!(
        json(&serve, "data/areas/leadership.json")["posts"][0]["draft"],
        true
    );
}

#[test]
fn tag_area_and_archive_pages_list_the_right_posts() {
    let site = site();
    let tags = json(&site, "data/tags.json");
    let names: Vec<_> = tags["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .map(|t| {
            (
                t["slug"].as_str().unwrap_or(""),
                t["count"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("jitter", 1),
            ("queues", 1),
            ("retries", 4),
            ("timeouts", 1)
        ]
    );
    assert_eq!(
        slugs(&json(&site, "data/tags/retries.json")["posts"]),
        ["a-correction", "long-essay", "first-note", "old-belief"]
    );
    assert_eq!(
        slugs(&json(&site, "data/areas/growth.json")["posts"]),
        ["a-correction", "old-belief"]
    );
    assert_eq!(
        slugs(&json(&site, "data/areas/leadership.json")["posts"]),
        Vec::<String>::new()
    );
    let archive = json(&site, "data/archive.json");
    let years: Vec<_> = archive["years"]
        .as_array()
        .expect("years")
        .iter()
        .map(|y| {
            (
                y["year"].as_str().unwrap_or("").to_string(),
                slugs(&y["posts"]),
            )
        })
        .collect();
    assert_eq!(
        years,
        [
            (
                "2026".to_string(),
                vec![
                    "a-correction".to_string(),
                    "long-essay".into(),
                    "first-note".into()
                ]
            ),
            ("2025".to_string(), vec!["old-belief".to_string()])
        ]
    );
}

#[test]
fn previous_next_and_related() {
    let site = site();
    let essay = json(&site, "data/posts/long-essay.json");
    assert_eq!(essay["next"]["slug"], "a-correction");
    assert_eq!(essay["previous"]["slug"], "first-note");
    assert_eq!(
        slugs(&essay["related"]),
        ["a-correction", "first-note", "old-belief"]
    );
    let newest = json(&site, "data/posts/a-correction.json");
    assert!(newest["next"].is_null());
    let oldest = json(&site, "data/posts/old-belief.json");
    assert!(oldest["previous"].is_null());
}

#[test]
fn corrections_link_both_ways() {
    let site = site();
    let old = json(&site, "data/posts/old-belief.json");
    assert_eq!(
        old["corrected_by"],
        serde_json::json!([{"slug": "a-correction", "title": "I was wrong about backoff", "date": "2026-02-01"}])
    );
    let fix = json(&site, "data/posts/a-correction.json");
    assert_eq!(fix["corrects"]["slug"], "old-belief");
    let html = text(&site, "posts/old-belief/index.html");
    assert!(html.contains(r#"<aside role="note" class="correction-banner"><p>Corrected on <time datetime="2026-02-01">2026-02-01</time>: see <a href="/posts/a-correction/">I was wrong about backoff</a>.</p></aside>"#), "{html}");
}

#[test]
fn toc_reading_time_and_heading_ids() {
    let site = site();
    let essay = json(&site, "data/posts/long-essay.json");
    let toc: Vec<_> = essay["toc"]
        .as_array()
        .expect("toc")
        .iter()
        .map(|e| {
            (
                e["level"].as_u64().unwrap_or(0),
                e["id"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        toc,
        [
            (2, "why-retries".to_string()),
            (3, "in-detail".into()),
            (2, "costs".into()),
            (2, "costs-1".into())
        ]
    );
    assert_eq!(essay["meta"]["reading_minutes"], 1);
    assert_eq!(essay["meta"]["updated"], "2026-01-25");
    let short = json(&site, "data/posts/first-note.json");
    assert_eq!(short["toc"], serde_json::json!([]));
}

#[test]
fn images_are_sized_and_copied() {
    let site = site();
    let html = text(&site, "posts/long-essay/index.html");
    assert!(html.contains(r#"<img src="/posts/long-essay/diagram.png" alt="A diagram" width="12" height="5" loading="lazy" decoding="async">"#), "{html}");
    assert!(site.files.contains_key("posts/long-essay/diagram.png"));
    let note = text(&site, "posts/first-note/index.html");
    assert!(
        note.contains(r#"<img src="/logo.png" alt="The logo" title="Logo" width="4" height="3""#),
        "{note}"
    );
    assert!(
        !site.files.contains_key("logo.png"),
        "public files are trunk's to copy"
    );
}

#[test]
fn code_is_highlighted_and_diagrams_are_svg() {
    let site = site();
    let html = text(&site, "posts/long-essay/index.html");
    assert!(html.contains(r#"<div class="code-block" data-lines="1"><pre class="code hl-code" tabindex="0" data-lang="rust"><code><span class="hl-source hl-rust">"#));
    assert!(html.contains(r#"<figure class="diagram mermaid"><svg id="mermaid-long-essay-1""#));
    // No inline styles but the shell's critical CSS, which sizes the
    // post's one-line block before it is laid out.
    assert_eq!(html.matches("<style").count(), 1, "{html}");
    assert!(!html.contains(" style=\""), "no style attributes");
    assert!(
        html.contains(".code-block[data-lines=\"1\"] { --lines: 1; }"),
        "{html}"
    );
    assert!(html.contains(
        r#"<link rel="stylesheet" href="/highlight.css"><link rel="stylesheet" href="/diagrams.css">"#
    ));
    let css = text(&site, "diagrams.css");
    assert!(css.contains("#mermaid-long-essay-1{"), "{css}");
    let highlight = text(&site, "highlight.css");
    assert!(highlight.contains(":root[data-theme=\"dark\"] .hl-keyword"));
}

#[test]
fn search_words_hold_every_long_word_folded_most_frequent_first() {
    let site = site();
    let vocabulary = json(&site, "search-words.json");
    assert_eq!(vocabulary["version"], 1);
    let words: Vec<&str> = vocabulary["words"]
        .as_array()
        .expect("words")
        .iter()
        .map(|w| w.as_str().expect("a word"))
        .collect();
    assert!(words.contains(&"jitter"), "{words:?}");
    assert!(words.contains(&"footnote"), "{words:?}");
    assert!(
        !words.contains(&"the"),
        "three letters are below a correction's reach"
    );
    assert!(words.iter().all(|w| *w == w.to_lowercase()), "{words:?}");
    let position = |w: &str| words.iter().position(|x| *x == w);
    assert!(
        position("jitter") < position("footnote") && position("jitter") < position("wrong"),
        "more frequent first: {words:?}"
    );
    assert!(
        position("about") < position("alone"),
        "as frequent: alphabetical: {words:?}"
    );
}

#[test]
fn the_build_writes_every_file() {
    let f = Fixture::new();
    let report = content::build_site(&f.options(false)).expect("builds");
    assert_eq!(report.posts, 4);
    for file in [
        "index.html",
        "404.html",
        "posts/long-essay/index.html",
        "posts/long-essay/diagram.png",
        "tags/index.html",
        "tags/retries/index.html",
        "areas/systems/index.html",
        "archive/index.html",
        "about/index.html",
        "focus/index.html",
        "data/about.json",
        "data/focus.json",
        "search-words.json",
        "highlight.css",
        "diagrams.css",
    ] {
        assert!(f.out().join(file).is_file(), "{file}");
    }
}
