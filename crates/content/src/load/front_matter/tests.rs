//! Tests of `front_matter`.

use super::*;

fn site() -> SiteConfig {
    SiteConfig::parse(
        Path::new("site.toml"),
        r#"
title = "T"
author = "A"
description = "D"
base_url = "https://example.org/"
areas = [{ key = "systems", name = "Systems and craft" }]
"#,
    )
    .expect("valid site config")
}

fn parse(text: &str) -> Result<FrontMatter, ContentError> {
    let path = Path::new("posts/p.md");
    let split = split_post(path, text)?;
    parse_front_matter(path, &split, &site())
}

const GOOD: &str = "+++\ntitle = \"Hello\"\ndate = 2026-01-05\ntags = [\"a\"]\narea = \"systems\"\nkind = \"note\"\n+++\nBody\n";

#[test]
fn parses_a_good_post() {
    let fm = parse(GOOD).expect("valid");
    assert_eq!(fm.title, "Hello");
    assert_eq!(fm.date, "2026-01-05");
    assert_eq!(fm.kind, PostKind::Note);
    assert!(!fm.draft);
    let split = split_post(Path::new("p.md"), GOOD).expect("splits");
    assert_eq!(split.body, "Body\n");
    assert_eq!(split.body_line, 8);
}

#[test]
fn accepts_crlf_and_string_dates() {
    let text = GOOD
        .replace("2026-01-05", "\"2024-02-29\"")
        .replace('\n', "\r\n");
    assert_eq!(parse(&text).expect("valid").date, "2024-02-29");
}

fn error(text: &str) -> String {
    parse(text).expect_err("invalid").to_string()
}

#[test]
fn missing_fences() {
    assert_eq!(
        error("title = 1\n"),
        "posts/p.md:1: a post must start with a `+++` line, then TOML front matter, then `+++`"
    );
    assert!(error("+++\ntitle = \"x\"\n").contains("never closed"));
}

#[test]
fn unknown_key_names_its_line() {
    let e = error(&GOOD.replace("kind = \"note\"", "kind = \"note\"\nauthor = \"me\""));
    assert!(
        e.starts_with("posts/p.md:7: front matter: unknown field `author`"),
        "{e}"
    );
}

#[test]
fn missing_title() {
    let e = error(&GOOD.replace("title = \"Hello\"\n", ""));
    assert!(e.contains("missing field `title`"), "{e}");
}

#[test]
fn impossible_date() {
    let e = error(&GOOD.replace("2026-01-05", "\"2026-02-30\""));
    assert_eq!(
        e,
        "posts/p.md:3: `date` must be a real calendar date written YYYY-MM-DD, found \"2026-02-30\""
    );
}

#[test]
fn unknown_area_and_kind() {
    let e = error(&GOOD.replace("\"systems\"", "\"cooking\""));
    assert_eq!(
        e,
        "posts/p.md:5: unknown area `cooking`; the site's areas are: systems"
    );
    let e = error(&GOOD.replace("\"note\"", "\"rant\""));
    assert!(e.starts_with("posts/p.md:6: unknown kind `rant`"), "{e}");
}

#[test]
fn wrong_type() {
    let e = error(&GOOD.replace("tags = [\"a\"]", "tags = \"a\""));
    assert!(
        e.starts_with("posts/p.md:4: front matter: invalid type"),
        "{e}"
    );
}
