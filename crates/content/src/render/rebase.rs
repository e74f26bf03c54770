//! Root-relative URLs under a base path.
//!
//! Every page, post body and template writes site links root-relative
//! (`href="/posts/x/"`): that is what authors write in Markdown and what the
//! link checker resolves. When the site lives under a sub-path
//! (`https://example.org/blog/`), one pass over the generated HTML prefixes
//! them, as Hugo's `canonifyURLs` does. The same pass with an absolute
//! prefix makes a feed entry's links absolute.
//!
//! The HTML is read by lol_html (the same rewriter as the integrity and
//! SVG-style passes), so every way an author may write an attribute is
//! seen: quoted either way or unquoted (`src=/x.png`), in HTML or inside an
//! SVG (`xlink:href`). What is rebased, when it starts with a single `/`:
//! every URL attribute ([`URL_ATTRIBUTES`]), each candidate of a `srcset`
//! or `imagesrcset`, and each `url(...)` in a `style` attribute. `//host`
//! (protocol-relative), `#anchor`, `https://...` and relative URLs stay as
//! they are, and text is never touched (`<code>href="/x"</code>` is text).

use lol_html::{element, rewrite_str, RewriteStrSettings};
use page_data::{Article, Block};

/// The attributes whose whole value is one URL.
const URL_ATTRIBUTES: [&str; 7] = [
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "cite",
    "xlink:href",
];

/// The attributes whose value is a list of image candidates (`url 2x, ...`).
const SRCSET_ATTRIBUTES: [&str; 2] = ["srcset", "imagesrcset"];

/// `html` with every root-relative URL prefixed by `prefix` (which ends in
/// `/`): `href="/a"` becomes `href="{prefix}a"`. A prefix of `/` returns
/// `html` unchanged.
pub fn rebase_urls(html: &str, prefix: &str) -> String {
    if prefix == "/" {
        return html.to_string();
    }
    let settings = RewriteStrSettings::new().append_element_content_handler(element!("*", |el| {
        let mut changes = Vec::new();
        for attribute in el.attributes() {
            let (name, value) = (attribute.name(), attribute.value());
            let rebased = if URL_ATTRIBUTES.contains(&name.as_str()) {
                rebase_one(&value, prefix)
            } else if SRCSET_ATTRIBUTES.contains(&name.as_str()) {
                rebase_srcset(&value, prefix)
            } else if name == "style" {
                rebase_css_urls(&value, prefix)
            } else {
                None
            };
            if let Some(rebased) = rebased {
                changes.push((name, rebased));
            }
        }
        for (name, value) in changes {
            el.set_attribute(&name, &value)?;
        }
        Ok(())
    }));
    // The handler fails only on an attribute name lol_html rejects, and it
    // sets only names it has just read; no memory limit is set. Were it to
    // fail, the links would keep their root-relative form, which the
    // sub-path browser test and check-published would report.
    rewrite_str(html, settings).unwrap_or_else(|_| html.to_string())
}

/// `url` under `prefix` if it is root-relative (leading spaces, which a
/// browser strips, are kept).
fn rebase_one(url: &str, prefix: &str) -> Option<String> {
    let trimmed = url.trim_start();
    let rest = trimmed.strip_prefix('/').filter(|r| !r.starts_with('/'))?;
    Some(format!(
        "{}{prefix}{rest}",
        &url[..url.len() - trimmed.len()]
    ))
}

/// A `srcset` with each candidate's URL rebased (the HTML standard's
/// parse: a candidate is a URL, then descriptors up to the next comma; a
/// URL that ends in commas has no descriptors).
fn rebase_srcset(srcset: &str, prefix: &str) -> Option<String> {
    let mut out = String::with_capacity(srcset.len() + prefix.len() * 2);
    let mut changed = false;
    let mut rest = srcset;
    while !rest.is_empty() {
        // Separators before the URL.
        let start = rest
            .find(|c: char| !(c.is_ascii_whitespace() || c == ','))
            .unwrap_or(rest.len());
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let url_end = rest
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let url = rest[..url_end].trim_end_matches(',');
        match rebase_one(url, prefix) {
            Some(rebased) => {
                out.push_str(&rebased);
                changed = true;
            }
            None => out.push_str(url),
        }
        rest = &rest[url.len()..];
        if !rest.starts_with(',') {
            // Descriptors, to the next comma outside parentheses.
            let mut depth = 0i32;
            let end = rest
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => {}
                    }
                    c == ',' && depth <= 0
                })
                .map_or(rest.len(), |(i, _)| i);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        }
    }
    changed.then_some(out)
}

/// CSS with each `url(/x)`, `url("/x")` or `url('/x')` rebased.
fn rebase_css_urls(css: &str, prefix: &str) -> Option<String> {
    let lower = css.to_ascii_lowercase();
    let mut out = String::with_capacity(css.len() + prefix.len());
    let mut changed = false;
    let mut at = 0;
    while let Some(found) = lower[at..].find("url(") {
        let open = at + found + "url(".len();
        let inner = &css[open..];
        let skip = inner.len() - inner.trim_start().len();
        let quote = inner[skip..].starts_with(['"', '\'']) as usize;
        let url_at = open + skip + quote;
        out.push_str(&css[at..url_at]);
        let url = &css[url_at..];
        if url.starts_with('/') && !url.starts_with("//") {
            out.push_str(prefix);
            at = url_at + 1;
            changed = true;
        } else {
            at = url_at;
        }
    }
    out.push_str(&css[at..]);
    changed.then_some(out)
}

/// The blocks with their HTML rebased (demo blocks carry no URLs).
pub fn rebase_blocks(blocks: &[Block], prefix: &str) -> Vec<Block> {
    blocks
        .iter()
        .map(|block| match block {
            Block::Html { html } => Block::Html {
                html: rebase_urls(html, prefix),
            },
            other => other.clone(),
        })
        .collect()
}

/// An article as the app receives it under `prefix`.
pub fn rebase_article(article: &Article, prefix: &str) -> Article {
    Article {
        blocks: rebase_blocks(&article.blocks, prefix),
        ..article.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::rebase_urls;

    #[test]
    fn root_relative_attributes_get_the_prefix() {
        // A tag with a rebased URL is written again by lol_html, its
        // values in double quotes.
        let html =
            r#"<a href="/posts/x/">x</a><img src="/img/a.png" alt=""><form action="/search/">"#;
        assert_eq!(
            rebase_urls(html, "/blog/"),
            r#"<a href="/blog/posts/x/">x</a><img src="/blog/img/a.png" alt=""><form action="/blog/search/">"#
        );
        assert_eq!(
            rebase_urls(r#"<a href='/'>home</a>"#, "https://example.org/blog/"),
            r#"<a href="https://example.org/blog/">home</a>"#
        );
    }

    #[test]
    fn other_urls_and_text_are_left_alone() {
        for html in [
            r##"<a href="#top">t</a>"##,
            r#"<a href="//cdn.example/x">x</a>"#,
            r#"<a href="https://example.org/">x</a>"#,
            r#"<a href="posts/x/">relative</a>"#,
            r#"<code>href=&quot;/x&quot;</code>"#,
            r#"<a data-href="/x">not a URL attribute</a>"#,
            r#"<img srcset="//cdn.example/a.png 2x, b.png 1x" alt="">"#,
            r#"<p style="background: url(https://example.org/a.png)">x</p>"#,
            r#"<p>a=b and x="/y" in text</p>"#,
            "trailing =",
        ] {
            assert_eq!(rebase_urls(html, "/blog/"), html);
        }
    }

    #[test]
    fn every_url_an_author_can_write_is_rebased() {
        let cases = [
            (
                r#"<img src=/a.png alt="">"#,
                r#"<img src="/blog/a.png" alt="">"#,
            ),
            (
                r#"<img srcset="/a.png 1x, /a@2x.png 2x" src="/a.png" alt="">"#,
                r#"<img srcset="/blog/a.png 1x, /blog/a@2x.png 2x" src="/blog/a.png" alt="">"#,
            ),
            (
                r#"<source srcset="/w400.png 400w,/w800.png 800w, https://x.org/y.png 1200w">"#,
                r#"<source srcset="/blog/w400.png 400w,/blog/w800.png 800w, https://x.org/y.png 1200w">"#,
            ),
            (
                r##"<svg><image xlink:href="/m.png"/><use href="#s"/></svg>"##,
                r##"<svg><image xlink:href="/blog/m.png" /><use href="#s"/></svg>"##,
            ),
            (
                r#"<div style="background: URL( '/bg.png' ) no-repeat; mask: url(/m.svg)">x</div>"#,
                r#"<div style="background: URL( '/blog/bg.png' ) no-repeat; mask: url(/blog/m.svg)">x</div>"#,
            ),
            (
                r#"<blockquote cite='/posts/x/'><button formaction=/go>go</button></blockquote>"#,
                r#"<blockquote cite="/blog/posts/x/"><button formaction="/blog/go">go</button></blockquote>"#,
            ),
            (r#"<a href=" /x/">x</a>"#, r#"<a href=" /blog/x/">x</a>"#),
        ];
        for (html, expected) in cases {
            assert_eq!(rebase_urls(html, "/blog/"), expected, "{html}");
        }
    }

    #[test]
    fn the_root_prefix_changes_nothing() {
        let html = r#"<a href="/posts/x/">x</a>"#;
        assert_eq!(rebase_urls(html, "/"), html);
    }

    #[test]
    fn a_prefix_is_applied_once() {
        let once = rebase_urls(r#"<a href="/x/">x</a><a href="/y/">y</a>"#, "/blog/");
        assert_eq!(once, r#"<a href="/blog/x/">x</a><a href="/blog/y/">y</a>"#);
    }
}
