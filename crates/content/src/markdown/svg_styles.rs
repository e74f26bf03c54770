//! Makes a rendered Mermaid SVG fit to inline in a page: under a strict
//! Content-Security-Policy (`style-src 'self'`, no inline styles) and valid
//! HTML (the W3C checker).
//!
//! - each `<style>` element's CSS goes to a stylesheet, each `style="..."`
//!   attribute becomes a class whose rule (marked `!important`, as inline
//!   styles win) goes there too;
//! - `name` attributes on SVG shapes (merman writes the participant's name
//!   on sequence diagrams' `rect` and `line`), which SVG does not define,
//!   are dropped;
//! - a label's `<span>` in a `foreignObject` becomes a `<div>`, as it holds
//!   a `<p>` (flow content inside phrasing content is invalid HTML). The
//!   diagrams' CSS selects by class, so the drawing is the same.
//!
//! The rewriting is lol_html's (a streaming HTML rewriter that knows SVG's
//! foreign content), not a hand-written scanner.

use std::cell::RefCell;
use std::collections::BTreeMap;

use lol_html::{element, rewrite_str, text, RewriteStrSettings};

use crate::element_texts::ElementTexts;

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

/// Strips `<style>` elements and `style` attributes from `svg`, and mends
/// what the HTML checker rejects (see the module's note).
pub fn unstyle(svg: &str) -> Unstyled {
    let rules = RefCell::new(BTreeMap::new());
    let sheets = ElementTexts::default();
    let handlers = [
        element!("style", |el| {
            el.remove();
            Ok(())
        }),
        text!("style", |chunk| {
            sheets.add(chunk);
            Ok(())
        }),
        element!("[style]", |el| {
            let style = el.get_attribute("style").unwrap_or_default();
            el.remove_attribute("style");
            if let Some(class) = style_class(&unescape(&style), &mut rules.borrow_mut()) {
                let classes = match el.get_attribute("class") {
                    Some(old) if !old.trim().is_empty() => format!("{old} {class}"),
                    _ => class,
                };
                el.set_attribute("class", &classes)?;
            }
            Ok(())
        }),
        element!("rect[name], line[name]", |el| {
            el.remove_attribute("name");
            Ok(())
        }),
        element!("foreignObject span", |el| {
            el.set_tag_name("div")?;
            Ok(())
        }),
    ];
    let settings = handlers
        .into_iter()
        .fold(RewriteStrSettings::new(), |settings, handler| {
            settings.append_element_content_handler(handler)
        });
    // The rewriter fails only on its memory limit or on a handler's error,
    // and merman's SVG is small and well formed; the SVG as it came is the
    // honest fallback (the HTML check in the tests would name it).
    let svg = rewrite_str(svg, settings).unwrap_or_else(|_| svg.to_string());
    Unstyled {
        svg,
        attribute_rules: rules.into_inner(),
        style_sheets: sheets.into_texts(),
    }
}

/// The class for a `style` attribute's declarations, its rule recorded in
/// `rules`; `None` when there are none.
fn style_class(style: &str, rules: &mut BTreeMap<String, String>) -> Option<String> {
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
    (!declarations.is_empty()).then(|| {
        let body = format!("{};", declarations.join("; "));
        let name = format!(
            "{}{:012x}",
            page_data::MOVED_STYLE_PREFIX,
            fnv1a(&body) & 0xffff_ffff_ffff
        );
        rules.insert(name.clone(), body);
        name
    })
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
            u.svg.contains(r#"<rect class="mms-"#) && u.svg.contains("/></g>"),
            "{}",
            u.svg
        );
    }

    #[test]
    fn mends_what_the_html_checker_rejects() {
        let u = unstyle(
            r#"<svg id="s"><rect x="1" name="P" width="2"/><line name="C" x1="0"/><foreignObject width="9"><div xmlns="http://www.w3.org/1999/xhtml" class="labelBkg"><span class="edgeLabel"><p>keys 0, 4</p></span></div></foreignObject><text name="kept">a</text></svg>"#,
        );
        assert!(
            !u.svg.contains(r#"name="P""#) && !u.svg.contains(r#"name="C""#),
            "{}",
            u.svg
        );
        assert!(u.svg.contains(r#"<rect x="1" width="2"#), "{}", u.svg);
        assert!(
            u.svg
                .contains(r#"<div class="edgeLabel"><p>keys 0, 4</p></div></div></foreignObject>"#),
            "{}",
            u.svg
        );
        assert!(u.svg.contains(r#"<text name="kept">a</text>"#), "{}", u.svg);
    }
}
