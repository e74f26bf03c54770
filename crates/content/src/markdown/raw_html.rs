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
//! The scanner reads tags as a browser would (attribute values unquoted or
//! quoted, character references decoded, tabs and newlines ignored inside a
//! URL's scheme) but is no full HTML parser: it errs towards reporting.

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
    let bytes = html.as_bytes();
    let mut problems = Vec::new();
    let mut i = 0;
    while let Some(found) = html[i..].find('<') {
        let at = i + found;
        let rest = &html[at..];
        if rest.starts_with("<!--") {
            let Some(end) = rest.find("-->") else {
                problems.push(RawHtmlProblem {
                    offset: at,
                    message: "raw HTML: this comment is never closed by `-->`: it would hide the rest of the page".to_string(),
                });
                break;
            };
            i = at + end + 3;
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i = at + rest.find('>').map_or(rest.len(), |e| e + 1);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = at + if closing { 2 } else { 1 };
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            i = at + 1;
            continue;
        }
        let name_end = scan(bytes, name_start, |b| {
            !b.is_ascii_whitespace() && b != b'>' && b != b'/'
        });
        let name = html[name_start..name_end].to_ascii_lowercase();
        let (attributes, tag_end) = attributes(html, name_end);
        i = tag_end;
        if closing {
            continue;
        }
        if let Some(why) = refused_element(&name) {
            problems.push(RawHtmlProblem {
                offset: at,
                message: format!("raw HTML: <{name}> is not allowed in a post: {why}"),
            });
            if name == "script" || name == "style" {
                // Their content is text, not tags: skip to the end tag.
                let close = format!("</{name}");
                i = find_ascii_ci(html, i, &close).unwrap_or(html.len());
            }
            continue;
        }
        for attr in &attributes {
            if let Some(message) = check_attribute(&name, attr) {
                problems.push(RawHtmlProblem {
                    offset: attr.offset,
                    message,
                });
            }
        }
    }
    problems
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
    offset: usize,
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

/// The attributes of a tag whose name ends at `from`, and the offset after
/// its `>` (or the end of `html`).
fn attributes(html: &str, from: usize) -> (Vec<Attribute>, usize) {
    let bytes = html.as_bytes();
    let mut attrs = Vec::new();
    let mut i = from;
    loop {
        i = scan(bytes, i, |b| b.is_ascii_whitespace() || b == b'/');
        match bytes.get(i) {
            None => return (attrs, html.len()),
            Some(b'>') => return (attrs, i + 1),
            Some(_) => {}
        }
        let name_start = i;
        // A name runs to a space, `/`, `>` or `=` (not counting a first `=`).
        i = scan(bytes, i + 1, |b| {
            !b.is_ascii_whitespace() && !matches!(b, b'/' | b'>' | b'=')
        });
        let name = html[name_start..i].to_ascii_lowercase();
        let after_name = scan(bytes, i, |b| b.is_ascii_whitespace());
        let mut value = String::new();
        if bytes.get(after_name) == Some(&b'=') {
            i = scan(bytes, after_name + 1, |b| b.is_ascii_whitespace());
            match bytes.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let end = html[i + 1..]
                        .find(q as char)
                        .map_or(html.len(), |e| i + 1 + e);
                    value = html[i + 1..end].to_string();
                    i = (end + 1).min(html.len());
                }
                Some(_) => {
                    let end = scan(bytes, i, |b| !b.is_ascii_whitespace() && b != b'>');
                    value = html[i..end].to_string();
                    i = end;
                }
                None => {}
            }
        }
        attrs.push(Attribute {
            name,
            value,
            offset: name_start,
        });
    }
}

/// The first offset at or after `from` whose byte fails `keep`.
fn scan(bytes: &[u8], from: usize, keep: impl Fn(u8) -> bool) -> usize {
    let mut i = from;
    while bytes.get(i).is_some_and(|&b| keep(b)) {
        i += 1;
    }
    i
}

/// Offset of `needle` (ASCII) in `html` at or after `from`, ignoring case.
fn find_ascii_ci(html: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = html.as_bytes();
    let needle = needle.as_bytes();
    (from..hay.len().saturating_sub(needle.len() - 1))
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(html: &str) -> Vec<String> {
        check_raw_html(html)
            .into_iter()
            .map(|p| format!("{}: {}", p.offset, p.message))
            .collect()
    }

    #[test]
    fn plain_markup_passes() {
        for ok in [
            "<details><summary>More</summary><p>Text</p></details>",
            r#"<div class="note" style="color: red">x</div>"#,
            r#"<img src="/logo.png" alt="a > b" width=10>"#,
            r#"<img src="data:image/png;base64,AAAA">"#,
            r#"<iframe src="/posts/a/"></iframe>"#,
            r#"<a href="https://example.org/">out</a> <a href="mailto:a@b">mail</a>"#,
            "<!-- <script>alert(1)</script> -->",
            "<svg viewBox=\"0 0 1 1\"><rect width=\"1\" height=\"1\"/></svg>",
            "a < b and 3<4, <br/>",
            r#"<p data-onion="1" title="onclick=">x</p>"#,
            "<kbd>Ctrl</kbd>",
        ] {
            assert!(problems(ok).is_empty(), "{ok}: {:?}", problems(ok));
        }
    }

    #[test]
    fn scripts_and_styles_are_refused() {
        let p = problems("x <SCRIPT type=module>let a = '<img onerror=x>';</script> y");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].starts_with("2: raw HTML: <script> is not allowed"),
            "{p:?}"
        );
        assert!(problems("<style>p{}</style>")[0].contains("<style>"));
        assert!(problems("<object data=x></object>")[0].contains("object-src"));
        assert!(problems("<meta http-equiv=refresh content=0>")[0].contains("<head>"));
        assert!(problems("a\n<!-- never closed\n<p>x</p>")[0]
            .starts_with("2: raw HTML: this comment is never closed"));
    }

    #[test]
    fn event_handlers_are_refused_wherever_they_are() {
        for bad in [
            r#"<img src="/a.png" onerror="alert(1)">"#,
            "<p ONCLICK=go()>x</p>",
            "<svg><circle onload=x /></svg>",
            "<div\n  onmouseover='x'>",
        ] {
            let p = problems(bad);
            assert_eq!(p.len(), 1, "{bad}: {p:?}");
            assert!(p[0].contains("event handler"), "{p:?}");
        }
    }

    #[test]
    fn script_urls_are_refused_even_disguised() {
        for bad in [
            r#"<a href="javascript:alert(1)">x</a>"#,
            r#"<a href=" JaVaScRiPt:alert(1)">x</a>"#,
            "<a href=\"java\tscript:x\">x</a>",
            r#"<a href="&#106;avascript:x">x</a>"#,
            r#"<a href="&#x6A;avascript&colon;x">x</a>"#,
            r#"<form action="vbscript:x"></form>"#,
        ] {
            let p = problems(bad);
            assert_eq!(p.len(), 1, "{bad}: {p:?}");
            assert!(p[0].contains("script:` URL"), "{p:?}");
        }
        assert!(check_link_url("javascript:alert(1)").is_some());
        assert!(check_link_url("/posts/a/").is_none());
        assert!(check_link_url("https://example.org/javascript:").is_none());
    }

    #[test]
    fn foreign_resources_are_refused() {
        for bad in [
            r#"<img src="https://example.org/a.png">"#,
            r#"<img srcset="/a.png 1x, //cdn.example/a.png 2x">"#,
            r#"<video poster="http://x/p.png" src="/v.mp4"></video>"#,
            r#"<iframe src="https://www.youtube.com/embed/x"></iframe>"#,
            r#"<iframe src="data:text/html,hi"></iframe>"#,
            r#"<svg><image href="https://x/y.png"/></svg>"#,
            r#"<form action="https://x/"></form>"#,
            r#"<div style="background: url('https://x/y.png')">x</div>"#,
        ] {
            assert_eq!(problems(bad).len(), 1, "{bad}: {:?}", problems(bad));
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for odd in [
            "<",
            "<a",
            "<a href",
            "<a href=",
            "<a href='",
            "<!--",
            "<!",
            "</",
            "<é onclick=1>",
            "<a é=\"x\" onclick>",
            "<a href=&#x110000;>",
            "<a href=\"&#99999999999999;\">",
            "<script>",
            "<style",
            "<a\u{0}b onload=1>",
        ] {
            let _ = check_raw_html(odd);
        }
        assert_eq!(problems("<a onclick>").len(), 1);
    }
}
