//! Markdown to article blocks: HTML runs, split at demo directives, with
//! heading anchors, highlighted code, Mermaid diagrams as SVG and sized
//! images, all done here at build time.

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;

use page_data::Block;
use pulldown_cmark::{html, CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

pub(crate) mod code_block_size;
pub(crate) mod demo_directive;
pub(crate) mod demo_placeholder;
mod footnotes;
pub(crate) mod headings;
pub(crate) mod highlight;
pub(crate) mod images;
mod maths;
pub(crate) mod mermaid;
pub(crate) mod raw_html;
pub(crate) mod reading_time;
pub(crate) mod svg_styles;
pub(crate) mod toc;

use crate::error::ContentError;
use crate::load::source_text::{line_of, LineIndex};
use crate::markdown::code_block_size::line_count;
use crate::markdown::demo_directive::{demo_name, parse_demo};
use crate::markdown::headings::{heading_html, slugify, Heading, HeadingIds};
use crate::markdown::highlight::{check_language, code_block_html, fence_language};
use crate::markdown::images::{resolve_image, Asset, ImageContext};
use crate::markdown::mermaid::render_mermaid;
use crate::markdown::raw_html::{check_link_url, check_raw_html};
use crate::markdown::reading_time::count_words;
use footnotes::{Footnotes, OpenNote};
use maths::render_formula;

/// A post body rendered once, at build time.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderedBody {
    pub blocks: Vec<Block>,
    /// Plain text of the first paragraph (a summary when none is given).
    pub first_paragraph: Option<String>,
    /// Every heading, in order, with its unique id.
    pub headings: Vec<Heading>,
    /// Every link, with its line, for the internal-link check.
    pub links: Vec<LinkRef>,
    /// Images beside the post, to copy into the site.
    pub assets: Vec<Asset>,
    /// CSS rules the page's diagrams need (selector -> declarations).
    pub diagram_css: BTreeMap<String, String>,
    /// The line counts of its code blocks (`code_block_size::block_sizes`
    /// sizes them).
    pub code_line_counts: BTreeSet<usize>,
    /// The text a reader reads (prose and code), for reading time and search.
    pub plain_text: String,
    pub words: usize,
}

/// A link in the source, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    pub url: String,
    pub line: usize,
}

/// Where a body comes from and what it may refer to.
#[derive(Debug, Clone)]
pub struct MarkdownContext {
    pub path: PathBuf,
    /// Line of the file where the body starts.
    pub body_line: usize,
    pub images: ImageContext,
    /// Unique on the site, e.g. the slug: prefixes diagram ids.
    pub page_key: String,
}

/// The Markdown extensions posts may use.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_MATH
}

struct OpenDemo {
    name: String,
    fence_line: usize,
    text: String,
}

struct OpenCode {
    lang: String,
    /// Line of the first line of code.
    first_line: usize,
    text: String,
}

struct OpenHeading<'a> {
    level: u8,
    id: Option<String>,
    classes: Vec<String>,
    events: Vec<Event<'a>>,
    text: String,
}

struct OpenImage {
    src: String,
    title: String,
    alt: String,
    line: usize,
}

/// Renders `body` (which starts at line `body_line` of `path`), with
/// images beside `path` and in `public/`. See `render_markdown_in`.
#[cfg(test)]
pub fn render_markdown(
    path: &std::path::Path,
    body: &str,
    body_line: usize,
) -> Result<RenderedBody, Vec<ContentError>> {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("page");
    let ctx = MarkdownContext {
        path: path.to_path_buf(),
        body_line,
        images: ImageContext {
            source_dir: path
                .parent()
                .unwrap_or(std::path::Path::new("."))
                .to_path_buf(),
            route: page_data::post_route(stem),
            public_dir: PathBuf::from("public"),
        },
        page_key: stem.to_string(),
    };
    render_markdown_in(&ctx, body)
}

/// Renders `body`. Every demo directive is parsed into its typed spec,
/// every Mermaid block drawn, every image sized; all the bad ones are
/// reported, each at its line.
///
/// A panic in the libraries this calls (a bug, whatever the input) is
/// caught and reported at the line being rendered, so one post cannot take
/// the whole build down with a backtrace. (Only where panics unwind: the
/// content build runs in the dev profile; `panic = "abort"` in the release
/// profile would end the process instead.)
pub fn render_markdown_in(
    ctx: &MarkdownContext,
    body: &str,
) -> Result<RenderedBody, Vec<ContentError>> {
    let at = Cell::new(ctx.body_line);
    std::panic::catch_unwind(AssertUnwindSafe(|| render_body(ctx, body, &at))).unwrap_or_else(
        |panic| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".to_string());
            Err(vec![ContentError::new(
                &ctx.path,
                at.get(),
                format!("the build failed on this part of the page (an internal error, please report it): {what}"),
            )])
        },
    )
}

/// `render_markdown_in` without the safety net; `at` follows the line
/// being rendered.
fn render_body(
    ctx: &MarkdownContext,
    body: &str,
    at: &Cell<usize>,
) -> Result<RenderedBody, Vec<ContentError>> {
    let path = ctx.path.as_path();
    let lines = LineIndex::new(body);
    let line_at = |offset: usize| ctx.body_line + lines.line(offset) - 1;
    let mut blocks = Vec::new();
    let mut errors = Vec::new();
    let mut pending: Vec<Event<'_>> = Vec::new();
    let mut demo: Option<OpenDemo> = None;
    let mut code: Option<OpenCode> = None;
    let mut heading: Option<OpenHeading<'_>> = None;
    let mut notes = Footnotes::default();
    let mut note: Option<OpenNote<'_>> = None;
    let mut image: Option<OpenImage> = None;
    let mut first_paragraph: Option<String> = None;
    let mut in_first_paragraph = false;
    let mut ids = HeadingIds::default();
    let mut headings = Vec::new();
    let mut links = Vec::new();
    let mut assets = Vec::new();
    let mut diagram_css = BTreeMap::new();
    let mut code_line_counts = BTreeSet::new();
    let mut plain_text = String::new();
    let mut diagrams = 0;
    // A raw HTML block arrives a line at a time: checked whole, at its end.
    let mut raw_block: Option<(usize, String)> = None;
    let check_raw = |start: usize, html: &str, errors: &mut Vec<ContentError>| {
        let problems = check_raw_html(html);
        let lines = LineIndex::new(if problems.is_empty() { "" } else { html });
        for problem in problems {
            let line = line_at(start) + lines.line(problem.offset) - 1;
            errors.push(ContentError::new(path, line, problem.message));
        }
    };

    for (event, range) in Parser::new_ext(body, markdown_options()).into_offset_iter() {
        at.set(line_at(range.start));
        match &event {
            Event::Html(t) => raw_block
                .get_or_insert_with(|| (range.start, String::new()))
                .1
                .push_str(t),
            _ => {
                if let Some((start, html)) = raw_block.take() {
                    check_raw(start, &html, &mut errors);
                }
                if let Event::InlineHtml(t) = &event {
                    check_raw(range.start, t, &mut errors);
                }
            }
        }
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
                            let index = 1 + blocks
                                .iter()
                                .filter(|b| matches!(b, Block::Demo { .. }))
                                .count();
                            blocks.push(Block::Demo {
                                figure: crate::markdown::demo_placeholder::demo_placeholder(
                                    &spec, index,
                                ),
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
        if let Some(open) = code.as_mut() {
            match event {
                Event::Text(t) => open.text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let open = code.take().expect("open code");
                    let html = if open.lang == "mermaid" {
                        diagrams += 1;
                        let id = format!("mermaid-{}-{diagrams}", ctx.page_key);
                        match render_mermaid(&open.text, &id) {
                            Ok(diagram) => {
                                diagram_css.extend(diagram.css);
                                diagram.html
                            }
                            Err(e) => {
                                let line = open.first_line
                                    + e.offset.map_or(0, |o| line_of(&open.text, o) - 1);
                                errors.push(ContentError::new(
                                    path,
                                    line,
                                    format!("Mermaid diagram: {}", e.message),
                                ));
                                String::new()
                            }
                        }
                    } else {
                        plain_text.push_str(&open.text);
                        plain_text.push('\n');
                        code_line_counts.insert(line_count(&open.text));
                        code_block_html(&open.lang, &open.text)
                    };
                    emit(
                        &mut heading,
                        &mut note,
                        &mut pending,
                        Event::Html(CowStr::from(html)),
                    );
                }
                _ => {}
            }
            continue;
        }
        if let Some(open) = image.as_mut() {
            match &event {
                Event::Text(t) | Event::Code(t) => open.alt.push_str(t),
                Event::End(TagEnd::Image) => {
                    let open = image.take().expect("open image");
                    match resolve_image(&ctx.images, &open.src, &open.alt, &open.title) {
                        Ok(img) => {
                            assets.extend(img.asset);
                            emit(
                                &mut heading,
                                &mut note,
                                &mut pending,
                                Event::InlineHtml(img.html.into()),
                            );
                        }
                        Err(message) => errors.push(ContentError::new(path, open.line, message)),
                    }
                }
                _ => {}
            }
            continue;
        }
        match &event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let first_line = line_at(range.start) + 1;
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        if let Some(name) = demo_name(info) {
                            demo = Some(OpenDemo {
                                name: name.to_string(),
                                fence_line: line_at(range.start),
                                text: String::new(),
                            });
                            continue;
                        }
                        let lang = fence_language(info);
                        if lang != "mermaid" {
                            if let Err(message) = check_language(lang) {
                                errors.push(ContentError::new(path, line_at(range.start), message));
                            }
                        }
                        lang.to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                let first_line = match kind {
                    CodeBlockKind::Indented => first_line - 1,
                    CodeBlockKind::Fenced(_) => first_line,
                };
                code = Some(OpenCode {
                    lang,
                    first_line,
                    text: String::new(),
                });
                continue;
            }
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => {
                heading = Some(OpenHeading {
                    level: *level as u8,
                    id: id.as_ref().map(|i| i.to_string()),
                    classes: classes.iter().map(|c| c.to_string()).collect(),
                    events: Vec::new(),
                    text: String::new(),
                });
                continue;
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(open) = heading.take() {
                    let text = open.text.trim().to_string();
                    let id = ids.claim(&open.id.unwrap_or_else(|| slugify(&text)));
                    let mut inner = String::new();
                    html::push_html(&mut inner, open.events.into_iter());
                    let html = heading_html(open.level, &id, &open.classes, &inner);
                    emit(&mut None, &mut note, &mut pending, Event::Html(html.into()));
                    plain_text.push_str(&text);
                    plain_text.push('\n');
                    headings.push(Heading {
                        level: open.level,
                        id,
                        text,
                    });
                }
                continue;
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                image = Some(OpenImage {
                    src: dest_url.to_string(),
                    title: title.to_string(),
                    alt: String::new(),
                    line: line_at(range.start),
                });
                continue;
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let line = line_at(range.start);
                if let Some(message) = check_link_url(dest_url) {
                    errors.push(ContentError::new(path, line, message));
                }
                links.push(LinkRef {
                    url: dest_url.to_string(),
                    line,
                });
            }
            Event::InlineMath(tex) | Event::DisplayMath(tex) => {
                let display = matches!(event, Event::DisplayMath(_));
                match render_formula(tex, display) {
                    Ok(formula) => {
                        diagram_css.extend(formula.css);
                        emit(
                            &mut heading,
                            &mut note,
                            &mut pending,
                            Event::InlineHtml(formula.html.into()),
                        );
                    }
                    Err(e) => {
                        // The formula starts after its `$` or `$$`.
                        let opening = if display { 2 } else { 1 };
                        let start = (range.start + opening + e.offset).min(body.len());
                        errors.push(ContentError::new(path, line_at(start), e.message));
                    }
                }
                continue;
            }
            Event::FootnoteReference(label) => {
                let html = notes.cite(label);
                emit(
                    &mut heading,
                    &mut note,
                    &mut pending,
                    Event::InlineHtml(html.into()),
                );
                continue;
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                note = Some(Footnotes::open(label, line_at(range.start)));
                continue;
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some(open) = note.take() {
                    notes.close(open);
                }
                continue;
            }
            Event::Start(Tag::Paragraph) if first_paragraph.is_none() && note.is_none() => {
                in_first_paragraph = true;
                first_paragraph = Some(String::new());
            }
            Event::End(TagEnd::Paragraph) => {
                in_first_paragraph = false;
                plain_text.push('\n');
            }
            _ => {}
        }
        match &event {
            Event::Text(t) | Event::Code(t) => {
                if let Some(open) = heading.as_mut() {
                    open.text.push_str(t);
                } else {
                    plain_text.push_str(t);
                }
                if in_first_paragraph {
                    if let Some(p) = first_paragraph.as_mut() {
                        p.push_str(t);
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                plain_text.push(' ');
                if in_first_paragraph {
                    if let Some(p) = first_paragraph.as_mut() {
                        p.push(' ');
                    }
                }
            }
            Event::End(TagEnd::Item | TagEnd::TableCell) => plain_text.push(' '),
            _ => {}
        }
        emit(&mut heading, &mut note, &mut pending, event);
    }
    if let Some((start, html)) = raw_block.take() {
        check_raw(start, &html, &mut errors);
    }
    let (notes_html, uncited) = notes.finish();
    for (line, message) in uncited {
        errors.push(ContentError::new(path, line, message));
    }
    pending.push(Event::Html(notes_html.into()));
    flush_html(&mut pending, &mut blocks);
    if errors.is_empty() {
        let words = count_words(&plain_text);
        Ok(RenderedBody {
            blocks,
            first_paragraph: first_paragraph.map(|p| p.trim().to_string()),
            headings,
            links,
            assets,
            diagram_css,
            code_line_counts,
            plain_text,
            words,
        })
    } else {
        Err(errors)
    }
}

/// Sends `event` into the open heading, else the open footnote, else the
/// page.
fn emit<'a>(
    heading: &mut Option<OpenHeading<'a>>,
    note: &mut Option<OpenNote<'a>>,
    pending: &mut Vec<Event<'a>>,
    event: Event<'a>,
) {
    match (heading.as_mut(), note.as_mut()) {
        (Some(open), _) => open.events.push(event),
        (None, Some(open)) => open.push(event),
        (None, None) => pending.push(event),
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
mod tests;
