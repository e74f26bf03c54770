//! Hostile input: the posts in `tests/fixtures/hostile/` (and a few too big
//! to keep there, made here), each added to the fixture site. A mistake
//! fails the build with `file:line: what is wrong` and nothing is written;
//! what is legal builds, in bounded time, with every title and summary
//! escaped wherever it lands: HTML, OpenGraph, Atom and JSON.

use crate::common;

use std::time::Instant;

use atom_syndication::Feed;
use common::{json, text, Fixture};

/// The build's errors for the fixture site plus hostile post `name`.
fn errors_with(name: &str) -> String {
    let f = Fixture::new();
    f.add_hostile(name);
    f.errors()
}

fn assert_lines(errors: &str, expected: &[&str]) {
    let lines: Vec<&str> = errors.lines().collect();
    assert_eq!(
        lines.len(),
        expected.len(),
        "expected {} errors, got:\n{errors}",
        expected.len()
    );
    for (line, start) in lines.iter().zip(expected) {
        assert!(
            line.starts_with(start),
            "expected an error starting with\n  {start}\ngot\n  {line}"
        );
    }
}

#[test]
fn malformed_toml() {
    assert_lines(
        &errors_with("malformed-toml.md"),
        &["posts/malformed-toml.md:2: front matter: invalid basic string"],
    );
}

#[test]
fn wrong_type() {
    assert_lines(
        &errors_with("wrong-type.md"),
        &["posts/wrong-type.md:6: front matter: invalid type: string \"no\", expected a boolean"],
    );
}

#[test]
fn missing_field() {
    assert_lines(
        &errors_with("missing-area.md"),
        &["posts/missing-area.md:2: front matter: missing field `area`"],
    );
}

#[test]
fn impossible_date() {
    // TOML's own date type refuses the 30th of February...
    assert_lines(
        &errors_with("impossible-date.md"),
        &["posts/impossible-date.md:3: front matter: `date` must be a real calendar date written YYYY-MM-DD, found 2026-02-30 (invalid date-time: value is out of range)"],
    );
    // ...and so does the build when the date is a string.
    let f = Fixture::new();
    f.add_hostile("impossible-date.md");
    f.edit("posts/impossible-date.md", "2026-02-30", "\"2026-02-30\"");
    assert_lines(
        &f.errors(),
        &["posts/impossible-date.md:3: `date` must be a real calendar date written YYYY-MM-DD, found \"2026-02-30\""],
    );
}

#[test]
fn yaml_front_matter_is_named() {
    let f = Fixture::new();
    f.write(
        "posts/yaml.md",
        "---\ntitle: A post in another format\n---\n\nBody.\n",
    );
    assert_lines(
        &f.errors(),
        &["posts/yaml.md:1: a post must start with a `+++` line, then TOML front matter, then `+++` (front matter between `---` lines is YAML, which posts do not use)"],
    );
}

#[test]
fn invalid_utf8() {
    assert_lines(
        &errors_with("invalid-utf8.md"),
        &["posts/invalid-utf8.md:8: the file is not valid UTF-8 (byte 0xE9 at column 6): save it as UTF-8"],
    );
}

#[test]
fn raw_html_the_csp_would_block_is_refused_at_its_line() {
    assert_lines(
        &errors_with("raw-script.md"),
        &[
            "posts/raw-script.md:10: raw HTML: <script> is not allowed in a post",
            "posts/raw-script.md:12: raw HTML: the event handler `onerror` on <img> is not allowed",
            "posts/raw-script.md:14: link to a `javascript:` URL",
            "posts/raw-script.md:14: raw HTML: `href` on <a> is a `javascript:` URL",
            "posts/raw-script.md:18: raw HTML: the event handler `onclick` on <div> is not allowed",
            "posts/raw-script.md:20: raw HTML: `src=\"https://www.youtube.com/embed/x\"` on <iframe> loads from another address",
            "posts/raw-script.md:22: raw HTML: <style> is not allowed in a post",
        ],
    );
}

#[test]
fn raw_html_within_the_policy_passes_as_written() {
    let f = Fixture::new();
    f.write(
        "posts/raw-ok.md",
        "+++\ntitle = \"Raw HTML\"\ndate = 2026-01-10\narea = \"systems\"\nkind = \"note\"\n+++\n\n<details><summary>More</summary>\n\nHidden <kbd>Ctrl</kbd>.\n\n</details>\n\n<p style=\"color: gray\">Styled.</p>\n\n<!-- a note to self -->\n",
    );
    let site = f.render(false).expect("builds");
    let page = text(&site, "posts/raw-ok/index.html");
    for kept in [
        "<details><summary>More</summary>",
        "<kbd>Ctrl</kbd>",
        "<p style=\"color: gray\">Styled.</p>",
    ] {
        assert!(page.contains(kept), "{kept} is kept as written");
    }
}

#[test]
fn the_about_page_follows_the_same_policy() {
    let f = Fixture::new();
    let about = f.read("site/about.md");
    f.write(
        "site/about.md",
        &format!("{about}\n<button onclick=\"x()\">Hi</button>\n"),
    );
    let errors = f.errors();
    assert!(
        errors.starts_with("site/about.md:") && errors.contains("event handler `onclick`"),
        "{errors}"
    );
}

#[test]
fn an_unclosed_comment_would_hide_the_page() {
    let f = Fixture::new();
    f.write(
        "posts/comment.md",
        "+++\ntitle = \"Comment\"\ndate = 2026-01-10\narea = \"systems\"\nkind = \"note\"\n+++\n\nText.\n\n<!-- draft notes\n\nMore text.\n",
    );
    assert_lines(
        &f.errors(),
        &["posts/comment.md:10: raw HTML: this comment is never closed by `-->`"],
    );
}

#[test]
fn demo_block_in_json() {
    assert_lines(
        &errors_with("bad-demo-json.md"),
        &["posts/bad-demo-json.md:11: demo parameters: invalid key (demo parameters are TOML, `key = value` lines, not JSON)"],
    );
}

#[test]
fn demo_parameters_out_of_range_or_of_the_wrong_type() {
    assert_lines(
        &errors_with("bad-demo-parameters.md"),
        &[
            "posts/bad-demo-parameters.md:9: demo retry: `requests` is 0, but must be 1 to 10000",
            "posts/bad-demo-parameters.md:13: demo storm: `arrival_rate` is NaN, but must be 0.1 to 100000 per second",
            "posts/bad-demo-parameters.md:17: demo parameters: invalid type: string \"high\", expected f64",
            "posts/bad-demo-parameters.md:21: demo parameters: number too large to fit in target type",
            "posts/bad-demo-parameters.md:26: demo parameters: unknown variant `gamma`",
            "posts/bad-demo-parameters.md:30: demo deep-space: `hops` is 0, but must be 1 to 8 hops",
        ],
    );
}

#[test]
fn mermaid_that_does_not_parse() {
    assert_lines(
        &errors_with("bad-mermaid.md"),
        &["posts/bad-mermaid.md:11: Mermaid diagram: Diagram parse error"],
    );
}

#[test]
fn link_to_a_missing_anchor_on_the_same_page() {
    assert_lines(
        &errors_with("missing-anchor.md"),
        &["posts/missing-anchor.md:10: broken link `#absent`: this page has no heading or element with id `absent`"],
    );
}

#[test]
fn slug_clash_by_case() {
    let f = Fixture::new();
    let text = f.read("posts/first-note.md");
    f.write("posts/First-Note.md", &text);
    assert_lines(
        &f.errors(),
        &["posts/First-Note.md:1: `First-Note` is not a valid slug: capital letters would make its address clash with `first-note` on hosts that ignore case; rename it `first-note`"],
    );
}

#[test]
fn slug_clash_by_unicode_normalisation() {
    let f = Fixture::new();
    let text = f.read("posts/first-note.md");
    // `é` as one character, and as `e` and a combining accent.
    f.write("posts/caf\u{e9}.md", &text);
    f.write("posts/cafe\u{301}.md", &text);
    let errors = f.errors();
    assert_eq!(errors.lines().count(), 2, "{errors}");
    for line in errors.lines() {
        assert!(
            line.contains(".md:1: `caf") && line.contains("is not a valid slug: letters outside ASCII (accents, other scripts) can be written in more than one way (Unicode normalisation)"),
            "{line}"
        );
    }
}

#[test]
fn tags_and_titles_are_one_whatever_their_unicode_normalisation() {
    let f = Fixture::new();
    for (slug, spelling) in [("one", "Caf\u{e9}"), ("two", "Cafe\u{301}")] {
        f.write(
            &format!("posts/{slug}.md"),
            &format!("+++\ntitle = \"{spelling}\"\ndate = 2026-01-10\narea = \"systems\"\nkind = \"note\"\ntags = [\"{spelling}\"]\n+++\n\n## {spelling}\n\n[here](#caf\u{e9})\n"),
        );
    }
    let site = f.render(false).expect("builds");
    let tags = json(&site, "data/tags.json");
    let cafe: Vec<_> = tags["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .filter(|t| t["tag"].as_str().is_some_and(|s| s.starts_with("Caf")))
        .collect();
    assert_eq!(cafe.len(), 1, "one tag: {cafe:?}");
    assert_eq!(cafe[0]["tag"], "Caf\u{e9}");
    assert_eq!(cafe[0]["count"], 2);
    for slug in ["one", "two"] {
        let post = json(&site, &format!("data/posts/{slug}.json"));
        assert_eq!(post["meta"]["title"], "Caf\u{e9}", "titles in NFC");
    }
}

#[test]
fn a_title_with_quotes_ampersands_and_end_tags_is_escaped_everywhere() {
    let f = Fixture::new();
    f.add_hostile("hostile-title.md");
    let site = f.render(false).expect("a hostile title is legal");
    let title = "Quotes \"double\" & 'single' </title><script>alert(1)</script>";
    let summary = "A summary with <b>tags</b>, \"quotes\" & ampersands ]]> --> </script>";

    // HTML: the page's title, description, OpenGraph and Twitter tags, the
    // heading; the home page's list; the tag pages.
    let page = text(&site, "posts/hostile-title/index.html");
    let escaped_title = "Quotes &quot;double&quot; &amp; &#39;single&#39; &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;";
    let escaped_summary = "A summary with &lt;b&gt;tags&lt;/b&gt;, &quot;quotes&quot; &amp; ampersands ]]&gt; --&gt; &lt;/script&gt;";
    assert!(
        page.contains(&format!("<title>{escaped_title} · ")),
        "<title>"
    );
    for tag in [
        format!("<meta property=\"og:title\" content=\"{escaped_title} · "),
        format!("<meta name=\"twitter:title\" content=\"{escaped_title} · "),
        format!("<meta property=\"og:description\" content=\"{escaped_summary}\">"),
        format!("<meta name=\"twitter:description\" content=\"{escaped_summary}\">"),
        format!("<meta name=\"description\" content=\"{escaped_summary}\">"),
    ] {
        assert!(page.contains(&tag), "missing {tag}");
    }
    // In text (the page's components), only `<`, `>` and `&` need escaping.
    let text_title =
        "Quotes \"double\" &amp; 'single' &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;";
    assert!(page.contains(&format!(">{text_title}</h1>")), "the h1");
    for html in [
        page.as_str(),
        &text(&site, "index.html"),
        &text(&site, "tags/a-b/index.html"),
        &text(&site, "tags/tag/index.html"),
        &text(&site, "archive/index.html"),
    ] {
        assert!(!html.contains("<script>alert(1)"), "no live script");
        assert!(!html.contains("<b>tags</b>"), "no live markup");
        assert_eq!(html.matches("</title>").count(), 1, "one title element");
    }
    assert!(text(&site, "index.html").contains(text_title));
    assert!(text(&site, "tags/a-b/index.html").contains("a&amp;b"));
    assert!(text(&site, "tags/tag/index.html").contains("&lt;tag&gt;"));

    // JSON: the data files carry the text itself, which the app renders as
    // text.
    let post = json(&site, "data/posts/hostile-title.json");
    assert_eq!(post["meta"]["title"], title);
    assert_eq!(post["meta"]["summary"], summary);
    let index = json(&site, "data/index.json");
    assert!(index["posts"]
        .as_array()
        .expect("posts")
        .iter()
        .any(|p| p["title"] == title && p["summary"] == summary));
    let search = text(&site, "search-words.json");
    serde_json::from_str::<serde_json::Value>(&search).expect("the search words parse");

    // Atom: the feed parses, and gives the title and summary back whole.
    let xml = text(&site, "feed.xml");
    assert!(!xml.contains("<script>alert(1)"), "no raw markup in XML");
    let feed = Feed::read_from(xml.as_bytes()).expect("feed.xml parses");
    let entry = feed
        .entries
        .iter()
        .find(|e| e.id.ends_with("/posts/hostile-title/"))
        .expect("the entry");
    assert_eq!(entry.title.value, title);
    assert_eq!(
        entry.summary.as_ref().map(|s| s.value.as_str()),
        Some(summary)
    );
    let categories: Vec<&str> = entry.categories.iter().map(|c| c.term.as_str()).collect();
    assert_eq!(categories, ["a&b", "<tag>"]);
}

const FRONT: &str =
    "+++\ntitle = \"Big\"\ndate = 2026-01-10\narea = \"systems\"\nkind = \"note\"\n+++\n\n";

/// Builds the fixture site plus `posts/big.md` = FRONT + `body`; returns
/// the article's JSON and page. The build time is printed, not asserted (a
/// busy machine must not fail a test): a quadratic pass (10,000 headings
/// once took minutes) shows as a slow test in `cargo test`'s output.
fn build_big(body: &str) -> common::BuiltPost {
    let f = Fixture::new();
    f.write("posts/big.md", &format!("{FRONT}{body}"));
    let started = Instant::now();
    let site = f.render(false).expect("builds");
    eprintln!(
        "built a {} byte post in {:?}",
        body.len(),
        started.elapsed()
    );
    common::BuiltPost {
        article: json(&site, "data/posts/big.json"),
        page: text(&site, "posts/big/index.html"),
    }
}

#[test]
fn a_five_megabyte_post_builds() {
    let paragraph = "Retries are a bet on the next attempt: *often* a good one, sometimes `not`, as [the note](/posts/first-note/) says.\n\n";
    let body = paragraph.repeat(5_000_000 / paragraph.len() + 1);
    assert!(body.len() >= 5_000_000);
    let post = build_big(&body);
    let html: usize = post.article["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .map(|b| b["html"]["html"].as_str().map_or(0, str::len))
        .sum();
    assert!(html > 5_000_000, "{html}");
    assert!(post.article["meta"]["reading_minutes"].as_u64() > Some(1000));
}

#[test]
fn ten_thousand_headings_get_ten_thousand_ids() {
    let body: String = (0..10_000)
        .map(|i| format!("## Same heading\n\nText {i}.\n\n"))
        .collect();
    let post = build_big(&body);
    assert!(post.page.contains(r#"<h2 id="same-heading">"#));
    assert!(post.page.contains(r#"<h2 id="same-heading-9999">"#));
    let toc = post.article["toc"].as_array().expect("toc");
    assert_eq!(toc.len(), 10_000);
}

#[test]
fn deeply_nested_lists_and_quotes_build() {
    let lists = "- ".repeat(10_000) + "deep\n";
    let post = build_big(&lists);
    let html = post.article["blocks"][0]["html"]["html"]
        .as_str()
        .expect("html");
    assert_eq!(html.matches("<ul>").count(), 10_000);
    assert_eq!(html.matches("</ul>").count(), 10_000);

    let indented: String = (0..1000)
        .map(|depth| format!("{}- level {depth}\n", "  ".repeat(depth)))
        .collect();
    let post = build_big(&indented);
    assert!(post.page.contains("level 999"));

    let quotes = ">".repeat(10_000) + " deep\n";
    let post = build_big(&quotes);
    assert_eq!(post.page.matches("<blockquote>").count(), 10_000);

    let brackets = "[".repeat(50_000) + &"*a_".repeat(20_000) + &"`".repeat(10_000);
    build_big(&brackets);
}

#[test]
fn deeply_nested_toml_is_an_error_not_a_crash() {
    let f = Fixture::new();
    f.write(
        "posts/nested.md",
        &format!(
            "+++\ntitle = \"x\"\ndate = 2026-01-10\narea = \"systems\"\nkind = \"note\"\ntags = {}\n+++\n",
            "[".repeat(100_000)
        ),
    );
    let errors = f.errors();
    assert!(
        errors.starts_with("posts/nested.md:6: front matter: "),
        "{errors}"
    );

    let f = Fixture::new();
    f.write(
        "posts/nested-demo.md",
        &format!(
            "{FRONT}```demo retry\nrequests = {}\n```\n",
            "{ a = ".repeat(100_000)
        ),
    );
    let errors = f.errors();
    assert!(
        errors.starts_with("posts/nested-demo.md:9: demo parameters: "),
        "{errors}"
    );
}

#[test]
fn a_failed_hostile_build_writes_nothing() {
    let f = Fixture::new();
    f.add_hostile("raw-script.md");
    let before = common::listing(&f.out());
    assert!(content::build_site(&f.options(false)).is_err());
    assert_eq!(common::listing(&f.out()), before);
    let beside = std::fs::read_dir(f.out().parent().expect("parent")).expect("ls");
    assert_eq!(beside.count(), 2, "no staging folder left behind");
}
