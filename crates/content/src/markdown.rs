//! Markdown to article blocks: HTML runs, split at demo directives.

use std::path::Path;

use page_data::Block;
use pulldown_cmark::{html, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use crate::demo_directive::{demo_name, parse_demo};
use crate::error::ContentError;
use crate::source_text::line_of;

/// A post body rendered once, at build time.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderedBody {
    pub blocks: Vec<Block>,
    /// Plain text of the first paragraph (a summary when none is given).
    pub first_paragraph: Option<String>,
}

/// The Markdown extensions posts may use.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

struct OpenDemo {
    name: String,
    fence_line: usize,
    text: String,
}

/// Renders `body` (which starts at line `body_line` of `path`). Every demo
/// directive is parsed into its typed spec; all bad ones are reported.
pub fn render_markdown(
    path: &Path,
    body: &str,
    body_line: usize,
) -> Result<RenderedBody, Vec<ContentError>> {
    let mut blocks = Vec::new();
    let mut errors = Vec::new();
    let mut pending: Vec<Event<'_>> = Vec::new();
    let mut demo: Option<OpenDemo> = None;
    let mut first_paragraph: Option<String> = None;
    let mut in_first_paragraph = false;

    for (event, range) in Parser::new_ext(body, markdown_options()).into_offset_iter() {
        if let Some(open) = demo.as_mut() {
            match event {
                Event::Text(t) => open.text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let open = demo.take().expect("open demo");
                    match parse_demo(
                        path,
                        open.fence_line,
                        open.fence_line + 1,
                        &open.name,
                        &open.text,
                    ) {
                        Ok(spec) => {
                            flush_html(&mut pending, &mut blocks);
                            blocks.push(Block::Demo {
                                demo: Box::new(spec),
                            });
                        }
                        Err(e) => errors.push(e),
                    }
                }
                _ => {}
            }
            continue;
        }
        match &event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                if let Some(name) = demo_name(info) {
                    demo = Some(OpenDemo {
                        name: name.to_string(),
                        fence_line: body_line + line_of(body, range.start) - 1,
                        text: String::new(),
                    });
                    continue;
                }
            }
            Event::Start(Tag::Paragraph) if first_paragraph.is_none() => {
                in_first_paragraph = true;
                first_paragraph = Some(String::new());
            }
            Event::End(TagEnd::Paragraph) => in_first_paragraph = false,
            Event::Text(t) | Event::Code(t) if in_first_paragraph => {
                if let Some(p) = first_paragraph.as_mut() {
                    p.push_str(t);
                }
            }
            Event::SoftBreak if in_first_paragraph => {
                if let Some(p) = first_paragraph.as_mut() {
                    p.push(' ');
                }
            }
            _ => {}
        }
        pending.push(event);
    }
    flush_html(&mut pending, &mut blocks);
    if errors.is_empty() {
        Ok(RenderedBody {
            blocks,
            first_paragraph: first_paragraph.map(|p| p.trim().to_string()),
        })
    } else {
        Err(errors)
    }
}

fn flush_html(pending: &mut Vec<Event<'_>>, blocks: &mut Vec<Block>) {
    if pending.is_empty() {
        return;
    }
    let mut out = String::new();
    html::push_html(&mut out, pending.drain(..));
    if !out.trim().is_empty() {
        blocks.push(Block::Html { html: out });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use page_data::DemoSpec;

    fn render(body: &str) -> Result<RenderedBody, Vec<ContentError>> {
        render_markdown(Path::new("posts/p.md"), body, 8)
    }

    #[test]
    fn renders_extensions() {
        let r = render("Hello \"world\" -- *now*.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~ and [^1]\n\n[^1]: note\n")
            .expect("renders");
        let [Block::Html { html }] = r.blocks.as_slice() else {
            panic!("one html block: {:?}", r.blocks);
        };
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<del>x</del>"), "{html}");
        assert!(
            html.contains("\u{201c}world\u{201d} \u{2013} <em>now</em>"),
            "{html}"
        );
        assert!(html.contains("footnote-definition"), "{html}");
        assert_eq!(
            r.first_paragraph.as_deref(),
            Some("Hello \u{201c}world\u{201d} \u{2013} now.")
        );
    }

    #[test]
    fn splits_at_demo_directives() {
        let r = render(
            "Before.\n\n```demo retry\nseed = 3\n```\n\nAfter.\n\n```rust\nfn main() {}\n```\n",
        )
        .expect("renders");
        assert_eq!(r.blocks.len(), 3, "{:?}", r.blocks);
        assert!(matches!(&r.blocks[0], Block::Html { html } if html.contains("Before.")));
        assert!(
            matches!(&r.blocks[1], Block::Demo { demo } if matches!(**demo, DemoSpec::Retry { seed: 3, .. }))
        );
        assert!(
            matches!(&r.blocks[2], Block::Html { html } if html.contains("After.") && html.contains("language-rust"))
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
        assert_eq!(
            messages[1],
            "posts/p.md:15: unknown demo `nope`; known demos: retry, storm, breaker, contention"
        );
    }
}
