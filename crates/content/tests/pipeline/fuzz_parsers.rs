//! Property tests standing in for a fuzzer (cargo-fuzz needs nightly): the
//! post parser (front matter and body, from any bytes), the demo-directive
//! parser and the raw-HTML check take arbitrary input, and input built
//! from their own grammar, and never panic; every error names a line of
//! the file.
//!
//! `cargo test` runs 256 cases per property (the short run in CI). A longer
//! run: `PROPTEST_CASES=1000000 cargo test -p content --test pipeline fuzz_parsers
//! -- --test-threads=1`. Last long run (2026-11-23, dev profile, one thread
//! of the 2-core CI kind of machine): 1,000,000 cases of each of the 7
//! properties, no failure, 341 s in all (from 7 s for the raw-HTML check to
//! 103 s for bodies under good front matter).

use std::path::Path;

use content::check_raw_html;
use content::parse_demo;
use content::post_from_bytes;
use content::ContentError;
use content::SiteConfig;
use page_data::DemoSpec;
use proptest::prelude::*;

fn site() -> SiteConfig {
    SiteConfig::parse(
        Path::new("site.toml"),
        "title = \"T\"\nauthor = \"A\"\ndescription = \"D\"\nbase_url = \"https://example.org/\"\nareas = [{ key = \"systems\", name = \"Systems\" }]\n",
    )
    .expect("site config")
}

/// No error is the safety net's report of a caught panic.
fn no_panic_reported(errors: &[ContentError]) -> Result<(), TestCaseError> {
    for e in errors {
        prop_assert!(!e.message.contains("internal error"), "a panic: {e}");
    }
    Ok(())
}

/// Every error is at a line of a file of `lines` lines.
fn lines_in_range(errors: &[ContentError], lines: usize) -> Result<(), TestCaseError> {
    for e in errors {
        prop_assert!(
            e.line >= 1 && e.line <= lines + 1,
            "line {} of a {lines}-line file: {e}",
            e.line
        );
    }
    Ok(())
}

fn line_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count() + 1
}

/// A TOML basic string holding `s`.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Values in TOML syntax: the edges of every type, and noise.
fn toml_value() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "0",
            "-0",
            "-1",
            "1",
            "0.5",
            "0.001",
            "1e-300",
            "1e300",
            "nan",
            "inf",
            "-inf",
            "4294967295",
            "4294967296",
            "18446744073709551615",
            "99999999999999999999",
            "true",
            "false",
            "[]",
            "{}",
            "\"\"",
            "2026-02-29",
            "2024-02-29",
            "0000-00-00",
            "9999-12-31",
            "2026-01-10T10:00:00Z",
            "\"none\"",
            "\"full_jitter\"",
            "\"constant\"",
            "\"custody\"",
            "\"systems\"",
            "\"note\"",
            "\"correction\"",
            "[{ start_ms = 0, end_ms = 1e12 }]",
            "[{ start_ms = 5, end_ms = 1 }]",
            "{ kind = \"constant\", ms = 1e9 }",
            "{ kind = \"log_normal\", median_ms = 1, sigma = 99 }",
            "[\"full_jitter\", \"full_jitter\"]",
            "[[[[]]]]",
        ])
        .prop_map(str::to_string),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|f| format!("{f:?}")),
        any::<String>().prop_map(|s| toml_string(&s)),
        (0u32..10_000, 0u32..14, 0u32..33).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        (0u32..10_000, 0u32..14, 0u32..33)
            .prop_map(|(y, m, d)| format!("\"{y:04}-{m:02}-{d:02}\"")),
        prop::collection::vec(any::<String>(), 0..4).prop_map(|v| format!(
            "[{}]",
            v.iter()
                .map(|s| toml_string(s))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        "[\\[\\]{}=,\"a-z0-9 .+-]{0,24}",
    ]
}

/// A post file from the grammar: the required fields, each mostly valid,
/// sometimes noise or missing; optional keys (and unknown ones) with any
/// value; a fence missing now and then; a body.
fn post_text() -> impl Strategy<Value = String> {
    let required = |key: &'static str, good: &'static str| {
        prop_oneof![
            6 => Just(format!("{key} = {good}\n")),
            2 => toml_value().prop_map(move |v| format!("{key} = {v}\n")),
            1 => Just(String::new()),
        ]
    };
    let optional_key = prop_oneof![
        prop::sample::select(vec!["summary", "tags", "draft", "updated", "corrects"])
            .prop_map(str::to_string),
        "[a-z_]{1,8}",
    ];
    let optional = prop_oneof![
        prop::sample::select(vec![
            "summary = \"S\"\n",
            "tags = [\"a\", \"B c\"]\n",
            "draft = true\n",
            "updated = 2026-02-01\n",
        ])
        .prop_map(str::to_string),
        (optional_key, toml_value()).prop_map(|(k, v)| format!("{k} = {v}\n")),
    ];
    (
        (
            required("title", "\"A title\""),
            required("date", "2026-01-10"),
            required("area", "\"systems\""),
            required("kind", "\"note\""),
        ),
        prop::collection::vec(optional, 0..4),
        prop::bool::weighted(0.95),
        prop::bool::weighted(0.95),
        prop_oneof![2 => "\n[a-zA-Z .,]{0,60}\n", 1 => markdown()],
    )
        .prop_map(|((title, date, area, kind), extra, open, close, body)| {
            let mut text = String::new();
            if open {
                text.push_str("+++\n");
            }
            for line in [title, date, area, kind].into_iter().chain(extra) {
                text.push_str(&line);
            }
            if close {
                text.push_str("+++\n");
            }
            text.push_str(&body);
            text
        })
}

/// Markdown from pieces that make structure: headings, lists, quotes,
/// fences (code, demo, mermaid), links, raw HTML, emphasis, and noise.
fn markdown() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(vec![
            "# ",
            "## Heading\n",
            "### Same\n",
            "- ",
            "  - ",
            "1. ",
            "> ",
            "\n",
            "\n\n",
            "```\n",
            "```rust\n",
            "```demo retry\n",
            "```demo nope\n",
            "```mermaid\n",
            "flowchart LR\n  A --> B\n",
            "[a](#x)",
            "[b](/posts/none/)",
            "[c](javascript:x)",
            "![i](missing.png)",
            "<div onclick=x>",
            "</div>",
            "<!--",
            "-->",
            "<script>",
            "*",
            "_",
            "`",
            "|a|b|\n|-|-|\n",
            "[^1]",
            "[^1]: note\n",
            "{#id}",
            "&amp;",
            "<details>",
            "requests = 5\n",
            "[client]\n",
            "seed = -1\n",
            "~~",
            "\\",
        ])
        .prop_map(str::to_string),
        "[a-z ]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|p| p.concat())
}

fn demo_paths() -> Vec<String> {
    let mut out = vec![
        "seed".to_string(),
        "client.retry_budget.ratio".into(),
        "client.retry_budget.max_tokens".into(),
        "client.breaker.failure_threshold".into(),
        "client.breaker.window".into(),
        "client.breaker.cooldown_ms".into(),
        "client.deadline_ms".into(),
        "hops".into(),
    ];
    for spec in sim::Demo::ALL.map(|d| DemoSpec::default_for(d, 1)) {
        let json = serde_json::to_value(&spec).expect("json");
        out.extend(sim::overrides::field_paths(&json["scenario"]));
    }
    out.sort();
    out.dedup();
    out
}

/// A demo block's body from the grammar: dotted keys of real fields (or
/// not), a table header now and then, values at the edges.
fn demo_body() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        4 => prop::sample::select(demo_paths()),
        1 => "[a-z_.]{1,10}".prop_map(|s| s),
    ];
    let line = prop_oneof![
        8 => (key, toml_value()).prop_map(|(k, v)| format!("{k} = {v}\n")),
        1 => prop::sample::select(vec!["[client]\n", "[server]\n", "[link.latency]\n", "[[hops]]\n", "{\"requests\": 5}\n"])
            .prop_map(str::to_string),
        1 => any::<String>().prop_map(|s| s + "\n"),
    ];
    prop::collection::vec(line, 0..10).prop_map(|l| l.concat())
}

fn demo_name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(sim::Demo::ALL.map(sim::Demo::key).to_vec()).prop_map(str::to_string),
        1 => any::<String>(),
    ]
}

proptest! {
    #[test]
    fn any_bytes_as_a_post(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let lines = line_count(&bytes);
        if let Err(errors) = post_from_bytes(Path::new("posts/p.md"), bytes, &site(), Path::new("/nonexistent")) {
            no_panic_reported(&errors)?;
            lines_in_range(&errors, lines)?;
        }
    }

    #[test]
    fn any_text_as_a_post(text in any::<String>()) {
        let lines = line_count(text.as_bytes());
        if let Err(errors) = post_from_bytes(Path::new("posts/p.md"), text.into_bytes(), &site(), Path::new("/nonexistent")) {
            no_panic_reported(&errors)?;
            lines_in_range(&errors, lines)?;
        }
    }

    #[test]
    fn posts_from_the_grammar(text in post_text()) {
        let lines = line_count(text.as_bytes());
        match post_from_bytes(Path::new("posts/p.md"), text.into_bytes(), &site(), Path::new("/nonexistent")) {
            Ok(post) => {
                let meta = post.meta();
                prop_assert!(!meta.title.trim().is_empty());
                prop_assert_eq!(&meta.area, "systems");
                let date: Vec<u32> = meta.date.split('-').filter_map(|p| p.parse().ok()).collect();
                prop_assert_eq!(date.len(), 3, "{}", meta.date);
                prop_assert!((1..=12).contains(&date[1]) && (1..=31).contains(&date[2]), "{}", meta.date);
                for block in post.blocks() {
                    if let page_data::Block::Demo { demo, .. } = block {
                        prop_assert!(demo.validate().is_ok(), "{:?}", demo);
                    }
                }
            }
            Err(errors) => {
                no_panic_reported(&errors)?;
                lines_in_range(&errors, lines)?;
            }
        }
    }

    #[test]
    fn bodies_under_good_front_matter(body in markdown()) {
        let text = format!("+++\ntitle = \"T\"\ndate = 2026-01-10\narea = \"systems\"\nkind = \"note\"\n+++\n{body}");
        let lines = line_count(text.as_bytes());
        match post_from_bytes(Path::new("posts/p.md"), text.into_bytes(), &site(), Path::new("/nonexistent")) {
            Ok(post) => {
                let ids: Vec<&str> = post.headings.iter().map(|h| h.id.as_str()).collect();
                let mut unique = ids.clone();
                unique.sort_unstable();
                unique.dedup();
                prop_assert_eq!(ids.len(), unique.len(), "heading ids are unique");
            }
            Err(errors) => {
                no_panic_reported(&errors)?;
                lines_in_range(&errors, lines)?;
            }
        }
    }

    #[test]
    fn demo_directives_from_the_grammar(name in demo_name(), body in demo_body()) {
        // The fence on line 10, the body from line 11.
        let lines = line_count(body.as_bytes());
        match parse_demo(Path::new("posts/p.md"), 10, 11, &name, &body) {
            Ok(spec) => {
                prop_assert!(spec.validate().is_ok(), "{:?}", spec);
                prop_assert_eq!(spec.name(), name.as_str());
            }
            Err(e) => prop_assert!(
                (10..=10 + lines).contains(&e.line),
                "line {} for a body of {} lines: {}", e.line, lines, e
            ),
        }
    }

    #[test]
    fn demo_directives_from_any_text(name in any::<String>(), body in any::<String>()) {
        let lines = line_count(body.as_bytes());
        if let Err(e) = parse_demo(Path::new("posts/p.md"), 10, 11, &name, &body) {
            prop_assert!((10..=10 + lines).contains(&e.line), "{}", e);
        }
    }

    #[test]
    fn raw_html_checks_any_text(html in prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(vec![
            "<", ">", "</", "<a", "<script", "<img", " src=", " onclick=", " href=", "\"", "'",
            "javascript:", "&#106;", "&#x", "&colon;", "<!--", "-->", "<!", "=", " ", "\n",
            "//x", "data:", "url(", "é", "<style>", "</script>",
        ]), 0..30).prop_map(|p| p.concat()),
    ]) {
        for problem in check_raw_html(&html) {
            prop_assert!(problem.offset <= html.len());
            prop_assert!(html.is_char_boundary(problem.offset));
            prop_assert!(problem.message.starts_with("raw HTML: "));
        }
    }
}

#[test]
#[ignore = "prints how often the generators reach a valid post and demo"]
fn generator_coverage() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::default();
    let (mut posts, mut demos) = (0, 0);
    for _ in 0..2000 {
        let text = post_text().new_tree(&mut runner).expect("tree").current();
        posts += post_from_bytes(
            Path::new("posts/p.md"),
            text.into_bytes(),
            &site(),
            Path::new("/x"),
        )
        .is_ok() as u32;
        let (name, body) = (demo_name(), demo_body())
            .new_tree(&mut runner)
            .expect("tree")
            .current();
        demos += parse_demo(Path::new("p.md"), 1, 2, &name, &body).is_ok() as u32;
    }
    println!("valid posts: {posts}/2000, valid demos: {demos}/2000");
}
