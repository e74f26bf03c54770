//! `$...$` and `$$...$$` in Markdown: TeX maths rendered at build time to
//! MathML Core, which Chromium, Firefox and Safari draw natively. The page
//! ships no KaTeX or MathJax and fetches nothing for it.
//!
//! math-core does the conversion. A few constructs (sizes, spacing, wide
//! tables) come out with `style` attributes, which the site's CSP forbids:
//! they move to classes in `diagrams.css`, as Mermaid's do.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use math_core::{LatexToMathML, MathCoreConfig, MathDisplay};

use crate::markdown::svg_styles::unstyle;

/// A formula as MathML, and the CSS rules its styles moved to.
#[derive(Debug)]
pub(super) struct Formula {
    pub html: String,
    pub css: BTreeMap<String, String>,
}

/// A formula that does not parse: the message and the character in the
/// formula where it went wrong.
#[derive(Debug)]
pub(super) struct FormulaError {
    pub message: String,
    pub offset: usize,
}

fn converter() -> &'static LatexToMathML {
    static CONVERTER: OnceLock<LatexToMathML> = OnceLock::new();
    CONVERTER.get_or_init(|| {
        let config = MathCoreConfig {
            // The TeX source goes with the MathML (`<annotation>`): copy
            // and paste, and assistive tools that read it, get the formula.
            annotation: true,
            ..MathCoreConfig::default()
        };
        // Only custom macros can fail to parse, and there are none.
        LatexToMathML::new(config).unwrap_or_default()
    })
}

/// `tex` as `<math>`, inline or as a block (`display`).
pub(super) fn render_formula(tex: &str, display: bool) -> Result<Formula, FormulaError> {
    let mode = if display {
        MathDisplay::Block
    } else {
        MathDisplay::Inline
    };
    let result = converter()
        .convert_with_local_state(tex, mode)
        .map_err(|e| FormulaError {
            message: format!("maths `{}`: {}", tex.trim(), e.error_message()),
            offset: e.0.start.min(tex.len()),
        })?;
    let unstyled = unstyle(&result.mathml);
    let css = unstyled
        .attribute_rules
        .into_iter()
        .map(|(class, body)| (format!(".{class}"), body))
        .collect();
    let html = if display {
        // Focusable: a formula wider than a phone scrolls, by keyboard too.
        format!(
            r#"<span class="math-display" tabindex="0">{}</span>"#,
            unstyled.svg
        )
    } else {
        unstyled.svg
    };
    Ok(Formula { html, css })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn littles_law_inline_and_block() {
        let inline = render_formula(r"L = \lambda W", false).expect("renders");
        assert!(inline.html.starts_with("<math>"), "{}", inline.html);
        assert!(inline.html.contains("<mi>λ</mi>"), "{}", inline.html);
        assert!(
            inline
                .html
                .contains(r#"<annotation encoding="application/x-tex">"#),
            "{}",
            inline.html
        );
        let block = render_formula(r"\frac{1}{2}", true).expect("renders");
        assert!(
            block
                .html
                .starts_with(r#"<span class="math-display" tabindex="0"><math display="block">"#),
            "{}",
            block.html
        );
        assert!(block.html.contains("<mfrac>"), "{}", block.html);
    }

    #[test]
    fn styles_move_to_classes() {
        let f = render_formula(r"a \hspace{-1em} {\color{red} b}", false).expect("renders");
        assert!(!f.html.contains("style="), "{}", f.html);
        assert_eq!(f.css.len(), 2, "{:?}", f.css);
        assert!(
            f.css.values().any(|d| d == "color:#FF0000 !important;"),
            "{:?}",
            f.css
        );
    }

    #[test]
    fn a_bad_formula_says_what_and_where() {
        let e = render_formula(r"x = \frac{1}{", false).unwrap_err();
        assert!(e.message.starts_with(r"maths `x = \frac{1}{`: "), "{e:?}");
        let e = render_formula(r"a + \nosuchcommand", false).unwrap_err();
        assert_eq!(e.offset, 4, "{e:?}");
    }
}
