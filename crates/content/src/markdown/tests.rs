//! Markdown rendering, as an author writes it.

use super::*;
use page_data::DemoSpec;
use std::path::Path;

fn render(body: &str) -> Result<RenderedBody, Vec<ContentError>> {
    render_markdown(Path::new("posts/p.md"), body, 8)
}

fn only_html(r: &RenderedBody) -> &str {
    let [Block::Html { html }] = r.blocks.as_slice() else {
        panic!("one html block: {:?}", r.blocks);
    };
    html
}

#[test]
fn renders_extensions() {
    let r = render("Hello \"world\" -- *now*.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~ and [^1]\n\n- [x] done\n- [ ] todo\n\n[^1]: note\n")
        .expect("renders");
    let html = only_html(&r);
    assert!(html.contains("<table>"), "{html}");
    assert!(html.contains("<del>x</del>"), "{html}");
    assert!(
        html.contains("\u{201c}world\u{201d} \u{2013} <em>now</em>"),
        "{html}"
    );
    assert!(html.contains(r#"<li id="fn-1">"#), "{html}");
    assert!(
        html.contains(r#"<input disabled="" type="checkbox" checked=""/>"#),
        "{html}"
    );
    assert_eq!(
        r.first_paragraph.as_deref(),
        Some("Hello \u{201c}world\u{201d} \u{2013} now.")
    );
}

#[test]
fn headings_get_unique_ids_and_anchor_links() {
    let r =
        render("## Why *this*\n\n### Costs\n\n## Costs\n\n## Custom {#own}\n").expect("renders");
    let ids: Vec<_> = r
        .headings
        .iter()
        .map(|h| (h.level, h.id.as_str(), h.text.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            (2, "why-this", "Why this"),
            (3, "costs", "Costs"),
            (2, "costs-1", "Costs"),
            (2, "own", "Custom")
        ]
    );
    let html = only_html(&r);
    assert!(html.contains(r##"<h2 id="why-this">Why <em>this</em><span data-pagefind-ignore> <a class="anchor" href="#why-this" aria-label="Link to this section" data-pagefind-ignore>#</a></span></h2>"##), "{html}");
}

#[test]
fn code_is_highlighted_and_counted() {
    let r = render("Some words here.\n\n```rust\nlet x = 1;\n```\n").expect("renders");
    let html = only_html(&r);
    assert!(html.contains(r#"<div class="code-block" data-lines="1"><pre class="code hl-code" tabindex="0" data-lang="rust"><code><span class="hl-source hl-rust">"#), "{html}");
    assert_eq!(r.words, 6, "{:?}", r.plain_text);
}

#[test]
fn an_unknown_code_language_fails_at_its_fence() {
    let errors = render("Text.\n\n```rsut\nfn main() {}\n```\n").unwrap_err();
    let e = errors[0].to_string();
    assert!(
        e.starts_with("posts/p.md:10: unknown code language `rsut`; nearest known: "),
        "{e}"
    );
    assert!(render("```text\nplain\n```\n").is_ok());
}

#[test]
fn mermaid_blocks_become_svg() {
    let r = render("```mermaid\nflowchart LR\n  A --> B\n```\n").expect("renders");
    let html = only_html(&r);
    assert!(
        html.starts_with(r#"<figure class="diagram mermaid"><svg id="mermaid-p-1""#),
        "{html}"
    );
    assert!(!r.diagram_css.is_empty());
}

#[test]
fn bad_mermaid_fails_at_its_line() {
    // Body starts at line 8: fence on 10, the bad line is 12.
    let errors = render("Text.\n\n```mermaid\nflowchart LR\n  A --> ]]] ((\n```\n").unwrap_err();
    assert_eq!(errors.len(), 1);
    let e = errors[0].to_string();
    assert!(e.starts_with("posts/p.md:12: Mermaid diagram: "), "{e}");
}

#[test]
fn links_are_recorded_with_their_lines() {
    let r = render("See [a](/posts/a/) and\n[b](#x).\n").expect("renders");
    assert_eq!(
        r.links,
        [
            LinkRef {
                url: "/posts/a/".into(),
                line: 8
            },
            LinkRef {
                url: "#x".into(),
                line: 9
            }
        ]
    );
}

#[test]
fn missing_image_fails_at_its_line() {
    let errors = render("Text.\n\n![a cat](cat.png)\n").unwrap_err();
    assert!(
        errors[0]
            .to_string()
            .starts_with("posts/p.md:10: image `cat.png` not found"),
        "{errors:?}"
    );
}

#[test]
fn splits_at_demo_directives() {
    let r =
        render("Before.\n\n```demo retry\nseed = 3\n```\n\nAfter.\n\n```rust\nfn main() {}\n```\n")
            .expect("renders");
    assert_eq!(r.blocks.len(), 3, "{:?}", r.blocks);
    assert!(matches!(&r.blocks[0], Block::Html { html } if html.contains("Before.")));
    assert!(
        matches!(&r.blocks[1], Block::Demo { demo, .. } if matches!(**demo, DemoSpec::Retry { seed: 3, .. }))
    );
    assert!(
        matches!(&r.blocks[2], Block::Html { html } if html.contains("After.") && html.contains(r#"data-lang="rust""#))
    );
}

#[test]
fn demo_errors_carry_the_file_line() {
    // Body starts at line 8: the fence is on line 10, the bad key on 12.
    let errors =
        render("Text.\n\n```demo retry\nrequests = 5\nbogus = 1\n```\n\n```demo nope\n```\n")
            .unwrap_err();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].starts_with("posts/p.md:12: demo parameters: unknown field `bogus`"),
        "{messages:?}"
    );
    assert!(
        messages[1].starts_with(
            "posts/p.md:15: unknown demo `nope`; known demos: retry, storm, breaker, contention"
        ),
        "{messages:?}"
    );
}

#[test]
fn footnotes_link_both_ways_in_citation_order() {
    let r = render(
        "First[^b], then[^a], again[^b].\n\n[^a]: Note a.\n[^b]: Note *b*.\n\n    More of b.\n",
    )
    .expect("renders");
    let html = only_html(&r);
    // b is cited first: note 1, cited twice; a is note 2.
    assert!(
        html.contains(r##"First<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" role="doc-noteref">1</a></sup>"##),
        "{html}"
    );
    assert!(html.contains(r##"then<sup class="footnote-ref"><a href="#fn-2" id="fnref-2" role="doc-noteref">2</a></sup>"##), "{html}");
    assert!(html.contains(r##"again<sup class="footnote-ref"><a href="#fn-1" id="fnref-1-2" role="doc-noteref">1</a></sup>"##), "{html}");
    let notes = &html[html
        .find(r#"<section class="footnotes""#)
        .expect("notes section")..];
    let one = notes
        .find(r#"<li id="fn-1"><p>Note <em>b</em>.</p>"#)
        .expect("note 1");
    let two = notes
        .find(r##"<li id="fn-2"><p>Note a.&#160;<a href="#fnref-2" class="footnote-back""##)
        .expect("note 2");
    assert!(one < two, "{notes}");
    // The back-links end the note's last paragraph, one per citation.
    assert!(
        notes.contains(r##"More of b.&#160;<a href="#fnref-1" class="footnote-back" role="doc-backlink" aria-label="Back to citation 1 of note 1">↩</a>&#160;<a href="#fnref-1-2" class="footnote-back" role="doc-backlink" aria-label="Back to citation 2 of note 1">↩<sup>2</sup></a></p></li>"##),
        "{notes}"
    );
    // The note's words are the post's words (reading time, search).
    assert!(r.plain_text.contains("Note a."), "{:?}", r.plain_text);
    assert_eq!(r.first_paragraph.as_deref(), Some("First, then, again."));
}

#[test]
fn a_footnote_never_cited_fails_at_its_line() {
    let errors = render("Text.\n\n[^lost]: Nobody cites me.\n").unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "posts/p.md:10: footnote `[^lost]` is defined but never cited"
    );
}

#[test]
fn maths_becomes_mathml_and_a_bad_formula_fails_at_its_line() {
    let r = render("Little's law, $L = \\lambda W$:\n\n$$\nW = \\frac{L}{\\lambda}\n$$\n")
        .expect("renders");
    let html = only_html(&r);
    assert!(html.contains("Little\u{2019}s law, <math>"), "{html}");
    assert!(
        html.contains(r#"<span class="math-display" tabindex="0"><math display="block">"#),
        "{html}"
    );
    // Body starts at line 8: the bad command is on line 12.
    let errors = render("Text.\n\n$$\n\\frac{1}{2} +\n\\nosuch x\n$$\n").unwrap_err();
    let e = errors[0].to_string();
    assert!(e.starts_with("posts/p.md:12: maths `"), "{e}");
}
