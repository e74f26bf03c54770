//! Moves the styles out of a rendered SVG so a strict Content-Security-Policy
//! (`style-src 'self'`, no inline styles) lets it draw: each `<style>`
//! element's CSS goes to a stylesheet, each `style="..."` attribute becomes
//! a class whose rule (marked `!important`, as inline styles win) goes there
//! too.

use std::collections::BTreeMap;

/// An SVG without inline styles, and the CSS rules it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unstyled {
    pub svg: String,
    /// Class name -> declarations, for `style` attributes moved out.
    pub attribute_rules: BTreeMap<String, String>,
    /// The contents of the `<style>` elements, in order.
    pub style_sheets: Vec<String>,
}

/// 64-bit FNV-1a: stable across builds and toolchains, for class names.
pub fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Strips `<style>` elements and `style` attributes from `svg`.
pub fn unstyle(svg: &str) -> Unstyled {
    let mut style_sheets = Vec::new();
    let mut rest = svg;
    let mut without_style_elements = String::with_capacity(svg.len());
    while let Some(start) = rest.find("<style") {
        without_style_elements.push_str(&rest[..start]);
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            rest = "";
            break;
        };
        let body = &after[open_end + 1..];
        match body.find("</style>") {
            Some(close) => {
                style_sheets.push(body[..close].to_string());
                rest = &body[close + "</style>".len()..];
            }
            None => {
                rest = "";
            }
        }
    }
    without_style_elements.push_str(rest);

    let mut attribute_rules = BTreeMap::new();
    let svg = rewrite_tags(&without_style_elements, &mut attribute_rules);
    Unstyled {
        svg,
        attribute_rules,
        style_sheets,
    }
}

/// Rewrites every start tag that has a `style` attribute.
fn rewrite_tags(svg: &str, rules: &mut BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let tag_and_after = &rest[lt..];
        let end = tag_end(tag_and_after).unwrap_or(tag_and_after.len());
        let tag = &tag_and_after[..end];
        if tag.contains(" style=") && !tag.starts_with("</") && !tag.starts_with("<!") {
            out.push_str(&rewrite_tag(tag, rules));
        } else {
            out.push_str(tag);
        }
        rest = &tag_and_after[end..];
    }
    out.push_str(rest);
    out
}

/// Byte length of the tag at the start of `text`, through its `>`, skipping
/// quoted attribute values.
fn tag_end(text: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

fn rewrite_tag(tag: &str, rules: &mut BTreeMap<String, String>) -> String {
    let attrs = attributes(tag);
    let style = attrs
        .iter()
        .find(|a| a.name == "style")
        .map(|a| unescape(&tag[a.value.clone()]))
        .unwrap_or_default();
    let declarations: Vec<String> = style
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            if d.ends_with("!important") {
                d.to_string()
            } else {
                format!("{d} !important")
            }
        })
        .collect();
    let class = (!declarations.is_empty()).then(|| {
        let body = format!("{};", declarations.join("; "));
        let name = format!("mms-{:012x}", fnv1a(&body) & 0xffff_ffff_ffff);
        rules.insert(name.clone(), body);
        name
    });
    // Rebuild: drop `style`, append the class to `class` (or add one).
    let mut out = String::with_capacity(tag.len());
    let mut cursor = 0;
    let mut had_class = false;
    for a in &attrs {
        if a.name == "style" {
            out.push_str(tag[cursor..a.whole.start].trim_end());
            cursor = a.whole.end;
        } else if a.name == "class" {
            had_class = true;
            if let Some(class) = &class {
                out.push_str(&tag[cursor..a.value.end]);
                if !tag[a.value.clone()].trim().is_empty() {
                    out.push(' ');
                }
                out.push_str(class);
                cursor = a.value.end;
            }
        }
    }
    let tail = &tag[cursor..];
    match (&class, had_class) {
        (Some(class), false) => {
            let close = if tail.ends_with("/>") { 2 } else { 1 };
            let (body, end) = tail.split_at(tail.len() - close);
            out.push_str(body.trim_end());
            out.push_str(&format!(r#" class="{class}""#));
            out.push_str(end);
        }
        _ => out.push_str(tail),
    }
    out
}

struct Attribute {
    name: String,
    /// Byte range of ` name="value"` in the tag, leading space included.
    whole: std::ops::Range<usize>,
    /// Byte range of `value`.
    value: std::ops::Range<usize>,
}

/// The quoted attributes of a start tag.
fn attributes(tag: &str) -> Vec<Attribute> {
    let bytes = tag.as_bytes();
    let mut attrs = Vec::new();
    let mut i = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
    while i < bytes.len() {
        let ws_start = i;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let name_start = i;
        while i < bytes.len()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
            && !bytes[i].is_ascii_whitespace()
        {
            i += 1;
        }
        if i == name_start {
            i += 1;
            continue;
        }
        let name = tag[name_start..i].to_ascii_lowercase();
        if i < bytes.len()
            && bytes[i] == b'='
            && i + 1 < bytes.len()
            && matches!(bytes[i + 1], b'"' | b'\'')
        {
            let quote = bytes[i + 1];
            let value_start = i + 2;
            let value_end = tag[value_start..]
                .bytes()
                .position(|b| b == quote)
                .map_or(tag.len(), |p| value_start + p);
            i = (value_end + 1).min(tag.len());
            attrs.push(Attribute {
                name,
                whole: ws_start..i,
                value: value_start..value_end,
            });
        }
    }
    attrs
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_style_elements_and_attributes_out() {
        let u = unstyle(
            r#"<svg id="d" class="flowchart" style="max-width: 9px;"><style>#d{fill:red}</style><g style=""><path d="M0" class="a" style="fill: none;;"/><rect style="stroke: rgb(1, 2, 3)"/></g></svg>"#,
        );
        assert_eq!(u.style_sheets, ["#d{fill:red}"]);
        assert!(!u.svg.contains("style"), "{}", u.svg);
        let names: Vec<_> = u.attribute_rules.keys().cloned().collect();
        assert_eq!(names.len(), 3);
        assert!(u
            .attribute_rules
            .values()
            .any(|b| b == "fill: none !important;"));
        assert!(
            u.svg.starts_with(r#"<svg id="d" class="flowchart mms-"#),
            "{}",
            u.svg
        );
        assert!(u.svg.contains(r#"<g>"#), "{}", u.svg);
        assert!(u.svg.contains(r#"<path d="M0" class="a mms-"#), "{}", u.svg);
        assert!(
            u.svg.contains(r#"<rect class="mms-"#) && u.svg.contains("\"/></g>"),
            "{}",
            u.svg
        );
    }
}
