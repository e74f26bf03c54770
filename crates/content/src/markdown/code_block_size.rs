//! A code block's size before it is laid out: rules added to every page's
//! inline critical CSS skip blocks far from the screen and give each block
//! its line count, from which style/main.css computes its height.

use std::collections::BTreeSet;

/// The attribute that carries a block's line count, in its markup
/// (`code_block_html`) and in the rules that size it.
pub const LINES_ATTR: &str = "data-lines";

/// A code block's lines, as its `data-lines` says and `block_sizes`
/// sizes it.
pub fn line_count(code: &str) -> usize {
    code.lines().count()
}

/// Code far from the screen is not styled or laid out until it nears it
/// (`content-visibility: auto`): showing the app's copy of a post, and
/// every restyle, skip the hundreds of highlight spans below the screen
/// (PERFORMANCE.md). Meanwhile a block is as tall as its lines, so nothing
/// moves when it is laid out: one rule per line count the site's code has
/// gives a block its `--lines`, from which style/main.css computes the
/// height (`.code-block`, beside the font size and padding it depends on).
/// One rule per count rather than `attr(data-lines type(<number>))`: every
/// engine reads it, and so does the HTML checker. The rules go into the
/// inline critical CSS (`Shell::with_critical_css`), so that the page's
/// first layout already skips the code: in `highlight.css`, which arrives
/// after the first paint, they left the first layout of the sweep post
/// 1,641 objects instead of about 440 (PERFORMANCE.md). A site's code has a
/// few dozen line counts at most: a few hundred bytes on every page.
pub fn block_sizes(line_counts: &BTreeSet<usize>) -> String {
    let block = page_data::CODE_BLOCK_CLASS;
    let attr = LINES_ATTR;
    let mut css = format!(
        "\n/* Each code block's height before it is laid out (.{block} above). */\n.{block}[{attr}] {{ content-visibility: auto; }}\n"
    );
    for n in line_counts {
        css.push_str(&format!(".{block}[{attr}=\"{n}\"] {{ --lines: {n}; }}\n"));
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_per_line_count_in_use() {
        let css = block_sizes(&BTreeSet::from([1, 12]));
        assert!(
            css.contains(".code-block[data-lines] { content-visibility: auto; }\n"),
            "{css}"
        );
        assert!(
            css.contains(".code-block[data-lines=\"1\"] { --lines: 1; }\n"),
            "{css}"
        );
        assert!(
            css.contains(".code-block[data-lines=\"12\"] { --lines: 12; }\n"),
            "{css}"
        );
        assert_eq!(css.matches("--lines:").count(), 2, "{css}");
        assert_eq!(line_count("a\nb\n"), 2);
    }
}
