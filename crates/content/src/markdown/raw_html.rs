//! The policy for raw HTML in posts (README, "Raw HTML in posts").
//!
//! The author is trusted, so raw HTML passes through as written: no
//! sanitizer rewrites it. But a page must work under the site's
//! Content-Security-Policy (`crate::render::csp`), and what the policy would block
//! fails silently in a reader's browser. So the build refuses, at its line,
//! what the CSP would block or what would take over the page:
//!
//! - elements: `<script>` (script-src allows the site's own files only),
//!   `<style>` (style-src: the site's style sheets only), `<object>` and
//!   `<embed>` (object-src 'none'), and the head's `<base>`, `<meta>` and
//!   `<link>`, which the build writes itself;
//! - event-handler attributes (`onclick`, `onerror`, ...) and `javascript:`
//!   or `vbscript:` URLs, in raw HTML and in Markdown links;
//! - resources from another origin (`src`, `srcset`, `poster`, `data`, an
//!   SVG `href`, a form's `action`, `url(...)` in a `style` attribute);
//!   `data:` URLs only for images (img-src allows `data:`).
//!
//! Everything else is allowed, including `style="..."` attributes
//! (style-src-attr 'unsafe-inline').
//!
//! The HTML is read by lol_html's tokenizer, as a browser reads it (tags,
//! comments, raw text in `<script>` and `<style>`, attribute values quoted
//! or not); attribute values then have their character references decoded
//! and tabs and newlines dropped inside a URL's scheme, as a browser does
//! before it looks at the scheme.

use std::cell::RefCell;

use lol_html::{doc_comments, element, rewrite_str, RewriteStrSettings};

/// Something in raw HTML the policy refuses, at a byte offset of the
/// scanned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawHtmlProblem {
    pub offset: usize,
    pub message: String,
}

/// Elements refused, with why.
fn refused_element(name: &str) -> Option<&'static str> {
    Some(match name {
        "script" => "the site's Content-Security-Policy runs no script from a page (script-src 'self'): put interactive parts in a demo",
        "style" => "the site's Content-Security-Policy applies no <style> element (style-src 'self'): use a style=\"...\" attribute or the site's style sheets",
        "object" | "embed" => "the site's Content-Security-Policy loads no plugin content (object-src 'none'): use <img>, <video> or a link",
        "base" | "meta" | "link" => "it belongs in the page's <head>, which the build writes",
        "plaintext" | "xmp" => "it is obsolete, and would swallow the rest of the page: use <pre>",
        _ => return None,
    })
}

/// Attributes whose value is a URL, where a `javascript:` URL would run.
const URL_ATTRIBUTES: [&str; 9] = [
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "cite",
    "background",
];

/// Whether attribute `attr` of element `element` makes the page load a
/// resource, and whether that resource may be a `data:` URL.
fn loads_resource(element: &str, attr: &str) -> Option<bool> {
    let image = matches!(element, "img" | "source" | "image" | "input");
    match attr {
        "src" | "srcset" => Some(image),
        "poster" | "data" | "background" => Some(attr == "background"),
        "href" | "xlink:href" if matches!(element, "image" | "use" | "feimage") => Some(true),
        "action" | "formaction" => Some(false),
        _ => None,
    }
}

/// Every problem in `html` (raw HTML from a post), in order.
pub fn check_raw_html(html: &str) -> Vec<RawHtmlProblem> {
    let problems = RefCell::new(Vec::new());
    let report = |offset: usize, message: String| {
        problems
            .borrow_mut()
            .push(RawHtmlProblem { offset, message });
    };
    let read = rewrite_str(
        html,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("*", |el| {
                let name = el.tag_name();
                let tag = el.source_location().bytes();
                if let Some(why) = refused_element(&name) {
                    report(
                        tag.start,
                        format!("raw HTML: <{name}> is not allowed in a post: {why}"),
                    );
                    return Ok(());
                }
                for attr in el.attributes() {
                    let attr_name = attr.name();
                    let offset = attribute_at(html, tag.clone(), &attr_name)
                        .or_else(|| attr.value_source_location().map(|l| l.bytes().start))
                        .unwrap_or(tag.start);
                    let attribute = Attribute {
                        name: attr_name,
                        value: attr.value(),
                    };
                    if let Some(message) = check_attribute(&name, &attribute) {
                        report(offset, message);
                    }
                }
                Ok(())
            }))
            .append_document_content_handler(doc_comments!(|c| {
                let at = c.source_location().bytes();
                if !html.get(at.clone()).is_some_and(|raw| raw.ends_with("-->")) {
                    report(at.start, "raw HTML: this comment is never closed by `-->`: it would hide the rest of the page".to_string());
                }
                Ok(())
            })),
    );
    let mut problems = problems.into_inner();
    if let Err(e) = read {
        problems.push(RawHtmlProblem {
            offset: 0,
            message: format!(
                "raw HTML: the build cannot read this HTML as a browser would ({e}): simplify it"
            ),
        });
    }
    problems.sort_by_key(|p| p.offset);
    problems
}

/// Where attribute `name` (lowercase) starts in the start tag at `tag`.
fn attribute_at(html: &str, tag: std::ops::Range<usize>, name: &str) -> Option<usize> {
    let source = html.get(tag.clone())?.to_ascii_lowercase();
    source
        .match_indices(name)
        .find(|(i, _)| {
            source[..*i]
                .ends_with(|c: char| c.is_ascii_whitespace() || c == '/' || c == '"' || c == '\'')
        })
        .map(|(i, _)| tag.start + i)
}

/// The problem with a Markdown link's destination, if any.
pub fn check_link_url(url: &str) -> Option<String> {
    script_scheme(url).map(|scheme| {
        format!("link to a `{scheme}:` URL: the site's Content-Security-Policy blocks it (no inline script); link to a page instead")
    })
}

struct Attribute {
    name: String,
    value: String,
}

fn check_attribute(element: &str, attr: &Attribute) -> Option<String> {
    let name = attr.name.as_str();
    if name.len() > 2 && name.starts_with("on") {
        return Some(format!(
            "raw HTML: the event handler `{name}` on <{element}> is not allowed in a post: the site's Content-Security-Policy runs no inline script (put interactive parts in a demo)"
        ));
    }
    let value = decode_references(&attr.value);
    if URL_ATTRIBUTES.contains(&name) {
        if let Some(scheme) = script_scheme(&value) {
            return Some(format!(
                "raw HTML: `{name}` on <{element}> is a `{scheme}:` URL, which the site's Content-Security-Policy blocks (no inline script)"
            ));
        }
    }
    if let Some(data_ok) = loads_resource(element, name) {
        let urls: Vec<&str> = if name == "srcset" {
            value
                .split(',')
                .filter_map(|c| c.split_whitespace().next())
                .collect()
        } else {
            vec![value.as_str()]
        };
        for url in urls {
            if let Some(problem) = foreign_resource(url, data_ok) {
                return Some(format!(
                    "raw HTML: `{name}=\"{url}\"` on <{element}> {problem}"
                ));
            }
        }
    }
    if name == "style" {
        let lower = value.to_ascii_lowercase();
        for (at, _) in lower.match_indices("url(") {
            let inner = value[at + 4..].split(')').next().unwrap_or("");
            let url = inner.trim().trim_matches(|c| c == '"' || c == '\'');
            if let Some(problem) = foreign_resource(url, true) {
                return Some(format!(
                    "raw HTML: `url({url})` in the style of <{element}> {problem}"
                ));
            }
        }
    }
    None
}

/// Why loading `url` breaks the policy, if it does.
fn foreign_resource(url: &str, data_ok: bool) -> Option<&'static str> {
    let url = normalise_url(url);
    if url.starts_with("//") || url.starts_with("\\\\") {
        return Some(FOREIGN);
    }
    match scheme(&url) {
        None => None,
        Some("data") if data_ok => None,
        Some("data") => Some(
            "is a `data:` URL, which the site's Content-Security-Policy allows for images only",
        ),
        Some(_) => Some(FOREIGN),
    }
}

const FOREIGN: &str = "loads from another address, which the site's Content-Security-Policy blocks (default-src 'self'): put the file in public/ or beside the post and use its path";

/// `javascript` or `vbscript` when `url` would run script as a browser
/// reads it.
fn script_scheme(url: &str) -> Option<&'static str> {
    match scheme(&normalise_url(url)) {
        Some("javascript") => Some("javascript"),
        Some("vbscript") => Some("vbscript"),
        _ => None,
    }
}

/// A URL as a browser parses it: leading controls and spaces dropped, tabs
/// and newlines removed anywhere, lowercase.
fn normalise_url(url: &str) -> String {
    url.trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The scheme of a normalised URL (`https` in `https://...`), if it has one.
fn scheme(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(scheme)
}

/// Decodes numeric character references (`&#106;`, `&#x6A;`, with or
/// without `;`) and the named ones that can spell a scheme (`&colon;`,
/// `&Tab;`, `&NewLine;`); others stay as written.
fn decode_references(value: &str) -> String {
    if !value.contains('&') {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let (decoded, used) = reference(rest);
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character `text` (starting with `&`) refers to, and its length.
fn reference(text: &str) -> (Option<char>, usize) {
    for (name, c) in [("&colon;", ':'), ("&tab;", '\t'), ("&newline;", '\n')] {
        if text.len() >= name.len()
            && text.as_bytes()[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return (Some(c), name.len());
        }
    }
    let Some(numeric) = text.strip_prefix("&#") else {
        return (None, 0);
    };
    let (radix, digits_at) = if numeric.starts_with(['x', 'X']) {
        (16, 3)
    } else {
        (10, 2)
    };
    let digits = text[digits_at..]
        .bytes()
        .take_while(|b| (*b as char).is_digit(radix))
        .count();
    if digits == 0 {
        return (None, 0);
    }
    let number = u32::from_str_radix(&text[digits_at..digits_at + digits], radix).ok();
    let mut used = digits_at + digits;
    if text[used..].starts_with(';') {
        used += 1;
    }
    (
        Some(
            number
                .and_then(char::from_u32)
                .unwrap_or(char::REPLACEMENT_CHARACTER),
        ),
        used,
    )
}

#[cfg(test)]
mod tests;
