//! Root-relative URLs under a base path.
//!
//! Every page, post body and template writes site links root-relative
//! (`href="/posts/x/"`): that is what authors write in Markdown and what the
//! link checker resolves. When the site lives under a sub-path
//! (`https://example.org/blog/`), one pass over the generated HTML prefixes
//! them, as Hugo's `canonifyURLs` does. The same pass with an absolute
//! prefix makes a feed entry's links absolute.
//!
//! Only attribute values that start with a single `/` are touched:
//! `//host` (protocol-relative), `#anchor`, `https://...` and relative URLs
//! stay as they are. Text is not touched: in rendered Markdown a literal
//! `href="/` outside a tag is escaped (`href=&quot;/`).

use page_data::{Article, Block};

/// The attributes that carry URLs in the HTML we generate.
const URL_ATTRIBUTES: [&str; 4] = ["href", "src", "action", "poster"];

/// `html` with every root-relative URL attribute prefixed by `prefix`
/// (which ends in `/`): `href="/a"` becomes `href="{prefix}a"`. A prefix
/// of `/` returns `html` unchanged.
pub fn rebase_urls(html: &str, prefix: &str) -> String {
    if prefix == "/" {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some((at, len)) = next_root_relative(rest) {
        // Keep everything up to and including the opening quote; drop
        // the leading `/` of the URL, which the prefix replaces.
        out.push_str(&rest[..at + len]);
        out.push_str(prefix);
        rest = &rest[at + len + 1..];
    }
    out.push_str(rest);
    out
}

/// The position and length of the next ` attr="` or ` attr='` whose value
/// starts with exactly one `/`.
fn next_root_relative(html: &str) -> Option<(usize, usize)> {
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(eq) = html[from..].find('=').map(|i| i + from) {
        from = eq + 1;
        let &quote = bytes.get(eq + 1)?;
        if quote != b'"' && quote != b'\'' {
            continue;
        }
        let value = eq + 2;
        let single_slash = bytes.get(value) == Some(&b'/') && bytes.get(value + 1) != Some(&b'/');
        if !single_slash {
            continue;
        }
        for name in URL_ATTRIBUTES {
            let Some(start) = eq.checked_sub(name.len()) else {
                continue;
            };
            let preceded_by_space = start
                .checked_sub(1)
                .and_then(|i| bytes.get(i))
                .is_some_and(u8::is_ascii_whitespace);
            if preceded_by_space && html[start..eq].eq_ignore_ascii_case(name) {
                return Some((start, value - start));
            }
        }
    }
    None
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
        let html =
            r#"<a href="/posts/x/">x</a><img src="/img/a.png" alt=""><form action="/search/">"#;
        assert_eq!(
            rebase_urls(html, "/blog/"),
            r#"<a href="/blog/posts/x/">x</a><img src="/blog/img/a.png" alt=""><form action="/blog/search/">"#
        );
        assert_eq!(
            rebase_urls(r#"<a href='/'>home</a>"#, "https://example.org/blog/"),
            r#"<a href='https://example.org/blog/'>home</a>"#
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
            r#"<p>a=b and x="/y" in text</p>"#,
            "trailing =",
        ] {
            assert_eq!(rebase_urls(html, "/blog/"), html);
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
