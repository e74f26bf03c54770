//! Every content mistake fails the build with `file:line: what is wrong`,
//! and nothing is written.

use crate::common;

use common::Fixture;

fn assert_error(f: &Fixture, expected_start: &str) {
    let errors = f.errors();
    assert!(
        errors.starts_with(expected_start),
        "expected an error starting with\n  {expected_start}\ngot\n  {errors}"
    );
}

#[test]
fn unknown_front_matter_key() {
    let f = Fixture::new();
    f.edit(
        "posts/first-note.md",
        "kind = \"note\"\n",
        "kind = \"note\"\nauthor = \"me\"\n",
    );
    assert_error(
        &f,
        "posts/first-note.md:7: front matter: unknown field `author`",
    );
}

#[test]
fn missing_title() {
    let f = Fixture::new();
    f.edit("posts/first-note.md", "title = \"A first note\"\n", "");
    assert_error(
        &f,
        "posts/first-note.md:2: front matter: missing field `title`",
    );
}

#[test]
fn missing_date() {
    let f = Fixture::new();
    f.edit("posts/first-note.md", "date = 2026-01-10\n", "");
    assert_error(
        &f,
        "posts/first-note.md:2: front matter: missing field `date`",
    );
}

#[test]
fn bad_date() {
    let f = Fixture::new();
    f.edit("posts/first-note.md", "2026-01-10", "\"2026-13-01\"");
    assert_error(&f, "posts/first-note.md:3: `date` must be a real calendar date written YYYY-MM-DD, found \"2026-13-01\"");
}

#[test]
fn bad_updated_date() {
    let f = Fixture::new();
    f.edit(
        "posts/long-essay/index.md",
        "updated = 2026-01-25",
        "updated = 2025-01-25",
    );
    assert_error(
        &f,
        "posts/long-essay/index.md:4: `updated` (2025-01-25) is before `date` (2026-01-20)",
    );
}

#[test]
fn unknown_area() {
    let f = Fixture::new();
    f.edit(
        "posts/first-note.md",
        "area = \"systems\"",
        "area = \"cooking\"",
    );
    assert_error(&f, "posts/first-note.md:5: unknown area `cooking`; the site's areas are: systems, leadership, growth");
}

#[test]
fn unknown_kind() {
    let f = Fixture::new();
    f.edit("posts/first-note.md", "kind = \"note\"", "kind = \"rant\"");
    assert_error(&f, "posts/first-note.md:6: unknown kind `rant`; expected one of: note, essay, design-doc, correction");
}

#[test]
fn duplicate_slug() {
    let f = Fixture::new();
    let text = f.read("posts/first-note.md");
    f.write("posts/first-note/index.md", &text);
    assert_error(
        &f,
        "posts/first-note.md:1: duplicate slug `first-note`: posts/first-note/index.md has it too",
    );
}

#[test]
fn correction_pointing_at_no_post() {
    let f = Fixture::new();
    f.edit(
        "posts/a-correction.md",
        "corrects = \"old-belief\"",
        "corrects = \"old-beleif\"",
    );
    assert_error(&f, "posts/a-correction.md:7: `corrects = \"old-beleif\"` names no published post (is it a draft, or misspelled?)");
}

#[test]
fn correction_pointing_at_a_draft_in_release() {
    let f = Fixture::new();
    f.edit(
        "posts/a-correction.md",
        "corrects = \"old-belief\"",
        "corrects = \"work-in-progress\"",
    );
    assert_error(
        &f,
        "posts/a-correction.md:7: `corrects = \"work-in-progress\"` names no published post",
    );
    assert!(
        f.render(true).is_ok(),
        "with drafts the draft is there to correct"
    );
}

#[test]
fn correction_without_corrects() {
    let f = Fixture::new();
    f.edit("posts/a-correction.md", "corrects = \"old-belief\"\n", "");
    assert_error(&f, "posts/a-correction.md:6: a post of kind `correction` needs `corrects = \"<slug>\"`: the post it corrects");
}

#[test]
fn corrects_on_a_post_that_is_not_a_correction() {
    let f = Fixture::new();
    f.edit(
        "posts/old-belief.md",
        "kind = \"essay\"\n",
        "kind = \"essay\"\ncorrects = \"first-note\"\n",
    );
    assert_error(&f, "posts/old-belief.md:7: `corrects` is only for posts of kind `correction`, this one is `essay`");
}

#[test]
fn broken_internal_link() {
    let f = Fixture::new();
    f.edit(
        "posts/first-note.md",
        "(/posts/long-essay/#costs)",
        "(/posts/missing/)",
    );
    assert_error(
        &f,
        "posts/first-note.md:11: broken link `/posts/missing/`: no page or file at that address",
    );
}

#[test]
fn link_to_a_missing_anchor() {
    let f = Fixture::new();
    f.edit(
        "posts/first-note.md",
        "/posts/long-essay/#costs",
        "/posts/long-essay/#benefits",
    );
    assert_error(&f, "posts/first-note.md:11: broken link `/posts/long-essay/#benefits`: page /posts/long-essay/ has no heading or element with id `benefits`");
}

#[test]
fn link_to_a_draft_is_broken_in_release() {
    let f = Fixture::new();
    f.edit(
        "posts/first-note.md",
        "/posts/long-essay/#costs",
        "/posts/work-in-progress/",
    );
    assert_error(
        &f,
        "posts/first-note.md:11: broken link `/posts/work-in-progress/`",
    );
    assert!(f.render(true).is_ok());
}

#[test]
fn broken_link_in_the_about_page() {
    let f = Fixture::new();
    f.edit("site/about.md", "(/focus/)", "(/fokus/)");
    assert_error(
        &f,
        "site/about.md:7: broken link `/fokus/`: no page or file at that address",
    );
}

#[test]
fn unparseable_mermaid() {
    let f = Fixture::new();
    f.edit(
        "posts/long-essay/index.md",
        "  Server-->>Client: timeout",
        "  Server-->>>>Client",
    );
    assert_error(&f, "posts/long-essay/index.md:37: Mermaid diagram: ");
}

#[test]
fn missing_image() {
    let f = Fixture::new();
    f.edit(
        "posts/long-essay/index.md",
        "(diagram.png)",
        "(diagrams.png)",
    );
    assert_error(
        &f,
        "posts/long-essay/index.md:32: image `diagrams.png` not found",
    );
}

#[test]
fn unknown_focus_status() {
    let f = Fixture::new();
    f.edit(
        "site/focus.toml",
        "status = \"exploring\"",
        "status = \"someday\"",
    );
    assert_error(
        &f,
        "site/focus.toml:15: unknown status `someday`; expected one of: active, exploring, paused",
    );
}

#[test]
fn unknown_focus_field() {
    let f = Fixture::new();
    f.edit(
        "site/focus.toml",
        "points = [\"Consensus\"]",
        "points = [\"Consensus\"]\nowner = \"me\"",
    );
    assert_error(&f, "site/focus.toml:18: unknown field `owner`");
}

#[test]
fn every_bad_post_is_reported_at_once() {
    let f = Fixture::new();
    f.edit("posts/first-note.md", "kind = \"note\"", "kind = \"rant\"");
    f.edit("posts/old-belief.md", "area = \"growth\"", "area = \"x\"");
    assert_eq!(f.errors().lines().count(), 2, "{}", f.errors());
}

#[test]
fn a_failed_build_writes_nothing() {
    let f = Fixture::new();
    f.edit(
        "posts/first-note.md",
        "(/posts/long-essay/#costs)",
        "(/posts/missing/)",
    );
    let before: Vec<_> = std::fs::read_dir(f.out())
        .expect("ls")
        .map(|e| e.expect("e").file_name())
        .collect();
    assert!(content::build_site(&f.options(false)).is_err());
    let after: Vec<_> = std::fs::read_dir(f.out())
        .expect("ls")
        .map(|e| e.expect("e").file_name())
        .collect();
    assert_eq!(before, after);
    let parent: Vec<_> = std::fs::read_dir(f.out().parent().expect("parent"))
        .expect("ls")
        .collect();
    assert_eq!(parent.len(), 2, "no staging folder left behind");
}
