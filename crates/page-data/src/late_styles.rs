//! The stylesheets only some markup needs, and the classes that say so: the
//! content build writes markup with these classes and links a page's sheets
//! at the end of its body; the app adds the same sheets when it shows markup
//! that needs them. A page without code, diagrams or maths fetches neither.

use crate::paths::{diagrams_css_path, highlight_css_path};

/// The class of a highlighted code block (`highlight.css`).
pub const CODE_BLOCK_CLASS: &str = "code-block";

/// The class of a Mermaid diagram's figure (`diagrams.css` holds each
/// diagram's own rules).
pub const DIAGRAM_CLASS: &str = "mermaid";

/// How a class that stands for a moved `style` attribute (a diagram's or a
/// formula's; the CSP forbids them inline) begins (`diagrams.css`).
pub const MOVED_STYLE_PREFIX: &str = "mms-";

/// The site-relative paths of the stylesheets `html` needs, in a fixed
/// order.
pub fn late_stylesheets(html: &str) -> Vec<String> {
    let mut sheets = Vec::new();
    if classes(html).any(|c| c == CODE_BLOCK_CLASS) {
        sheets.push(highlight_css_path());
    }
    if classes(html).any(|c| c == DIAGRAM_CLASS || c.starts_with(MOVED_STYLE_PREFIX)) {
        sheets.push(diagrams_css_path());
    }
    sheets
}

/// Every class named in a `class="..."` attribute of `html` (text cannot
/// hold one: its `"` are escaped). Split on a character, not searched for
/// a string: this runs in the shell, where a string searcher costs 1 KB.
fn classes(html: &str) -> impl Iterator<Item = &str> {
    let mut pieces = html.split('"');
    let mut previous = pieces.next().unwrap_or("");
    pieces
        .filter_map(move |piece| {
            let value = previous.ends_with(" class=").then_some(piece);
            previous = piece;
            value
        })
        .flat_map(|value| value.split(' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_sheet_only_where_its_markup_is() {
        assert!(late_stylesheets(r#"<p class="note">words</p>"#).is_empty());
        assert_eq!(
            late_stylesheets(r#"<div class="code-block" data-lines="1"><pre></pre></div>"#),
            vec![highlight_css_path()]
        );
        assert_eq!(
            late_stylesheets(
                r#"<figure class="diagram mermaid"><svg></svg></figure><div class="code-block">"#
            ),
            vec![highlight_css_path(), diagrams_css_path()]
        );
        assert_eq!(
            late_stylesheets(r#"<math><mspace class="mms-0123456789ab"/></math>"#),
            vec![diagrams_css_path()]
        );
        // Prose that names a class is not markup with it.
        assert!(late_stylesheets("<p>the code-block and mermaid classes</p>").is_empty());
    }
}
