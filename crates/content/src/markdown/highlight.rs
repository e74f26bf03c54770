//! Code blocks highlighted at build time: class names only (no inline
//! styles, for the Content-Security-Policy), and a stylesheet with a light
//! and a dark theme. The grammars are bat's curated set (two-face: TOML,
//! TypeScript, Dockerfile, HCL, Nix, Zig... beyond syntect's defaults).

use std::sync::OnceLock;

use syntect::highlighting::ThemeSet;
use syntect::html::{css_for_theme_with_class_style, ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::contrast::{hex_rgb, readable_on};
use crate::escape::escape_html;
use crate::markdown::code_block_size::{line_count, LINES_ATTR};

/// Every highlight class starts with this prefix: `hl-keyword`, ...
pub const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };
/// The theme for light mode.
pub const LIGHT_THEME: &str = "InspiredGitHub";
/// The theme for dark mode.
pub const DARK_THEME: &str = "base16-ocean.dark";

/// Fence words that mean "no highlighting".
pub const PLAIN_LANGUAGES: [&str; 2] = ["text", "txt"];

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(two_face::syntax::extra_newlines)
}

/// Every word a fence may name: each grammar's file extensions and its
/// one-word name, lowercased, sorted.
fn known_languages() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names: Vec<String> = syntaxes()
            .syntaxes()
            .iter()
            .flat_map(|s| {
                let name = (!s.name.contains(' ')).then(|| s.name.to_lowercase());
                s.file_extensions
                    .iter()
                    .map(|e| e.to_lowercase())
                    .chain(name)
            })
            .chain(PLAIN_LANGUAGES.map(String::from))
            .collect();
        names.sort();
        names.dedup();
        names
    })
}

/// Checks a fence's language: known to the highlighter, `text`, or none.
/// An unknown one is an author's mistake (a typo would silently drop the
/// highlighting), reported with the nearest names the highlighter knows.
pub fn check_language(lang: &str) -> Result<(), String> {
    if lang.is_empty()
        || PLAIN_LANGUAGES.contains(&lang)
        || syntaxes().find_syntax_by_token(lang).is_some()
    {
        return Ok(());
    }
    let wanted = lang.to_lowercase();
    let mut near: Vec<(usize, &str)> = known_languages()
        .iter()
        .map(|k| (strsim::levenshtein(&wanted, k), k.as_str()))
        .collect();
    near.sort();
    let near: Vec<&str> = near.iter().take(3).map(|(_, k)| *k).collect();
    Err(format!(
        "unknown code language `{lang}`; nearest known: {}; write `text` for plain text",
        near.join(", ")
    ))
}

/// The language word of a fence's info string (` ```rust,ignore ` -> rust).
pub fn fence_language(info: &str) -> &str {
    info.split(|c: char| c.is_whitespace() || c == ',' || c == '{')
        .next()
        .unwrap_or("")
}

/// `<div class="code-block" data-lines="N"><pre class="code hl-code" tabindex="0" data-lang=".."><code>`
/// (focusable, so a keyboard can scroll a long line)
/// with highlighted spans; `text`, no language, or one that `check_language`
/// refuses is escaped as plain text. `data-lines` lets the stylesheet size a
/// block it has not laid out yet (`code_block_size`).
pub fn code_block_html(lang: &str, code: &str) -> String {
    let set = syntaxes();
    let syntax = (!lang.is_empty())
        .then(|| set.find_syntax_by_token(lang))
        .flatten();
    let body = match syntax {
        Some(syntax) => {
            let mut generator =
                ClassedHTMLGenerator::new_with_class_style(syntax, set, CLASS_STYLE);
            let mut ok = true;
            for line in LinesWithEndings::from(code) {
                if generator
                    .parse_html_for_line_which_includes_newline(line)
                    .is_err()
                {
                    ok = false;
                    break;
                }
            }
            if ok {
                generator.finalize()
            } else {
                escape_html(code)
            }
        }
        None => escape_html(code),
    };
    let lang_attr = if lang.is_empty() {
        String::new()
    } else {
        format!(r#" data-lang="{}""#, escape_html(lang))
    };
    let lines = line_count(code);
    format!(
        r#"<div class="{block}" {attr}="{lines}"><pre class="code hl-code" tabindex="0"{lang_attr}><code>{body}</code></pre></div>
"#,
        block = page_data::CODE_BLOCK_CLASS,
        attr = LINES_ATTR,
    )
}

/// The stylesheet for highlighted code (its background is the one the page
/// shows, so the contrast `legible` ensures is the contrast a reader sees):
/// the light theme unless the system is dark (and the reader did not
/// choose dark) and under `:root[data-theme="light"]`, the dark theme under
/// `prefers-color-scheme: dark` (unless the reader chose light) and under
/// `:root[data-theme="dark"]`.
pub fn highlight_css() -> Result<String, String> {
    let themes = ThemeSet::load_defaults();
    let theme_css = |name: &str| {
        let theme = themes
            .themes
            .get(name)
            .ok_or_else(|| format!("syntect has no theme `{name}`"))?;
        css_for_theme_with_class_style(theme, CLASS_STYLE)
            .map_err(|e| format!("cannot make the CSS of theme `{name}`: {e}"))
    };
    let light = legible(css_rules(&theme_css(LIGHT_THEME)?));
    let dark = legible(css_rules(&theme_css(DARK_THEME)?));
    let mut css = format!(
        "/* Code highlighting, generated by the content build: {LIGHT_THEME} (light), {DARK_THEME} (dark). */\n"
    );
    // The two themes never both apply (a rule of one would otherwise show
    // through where the other has none: a light blue on the dark ground).
    css.push_str("@media not (prefers-color-scheme: dark) {\n");
    css.push_str(&scoped(&light, &[r#":root:not([data-theme="dark"]) "#]));
    css.push_str("}\n");
    css.push_str(&scoped(&light, &[r#":root[data-theme="light"] "#]));
    css.push_str("@media (prefers-color-scheme: dark) {\n");
    css.push_str(&scoped(&dark, &[r#":root:not([data-theme="light"]) "#]));
    css.push_str("}\n");
    css.push_str(&scoped(&dark, &[r#":root[data-theme="dark"] "#]));
    Ok(css)
}

/// The theme with every text colour readable on its background: the
/// themes' comments (InspiredGitHub's #969896 on white is 2.9:1) would
/// fail WCAG AA, so they are darkened (or, in the dark theme, lightened)
/// until they pass, keeping their hue.
fn legible(mut rules: Vec<(Vec<String>, String)>) -> Vec<(Vec<String>, String)> {
    let background = rules
        .iter()
        .filter(|(selectors, _)| selectors.iter().any(|s| s == ".hl-code"))
        .find_map(|(_, body)| {
            body.split(';')
                .find_map(|d| d.trim().strip_prefix("background-color:"))
                .and_then(|v| hex_rgb(v.trim()))
        });
    let Some(background) = background else {
        return rules;
    };
    for (_, body) in &mut rules {
        let declarations: Vec<String> = body
            .split(';')
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(
                |d| match d.strip_prefix("color:").and_then(|v| hex_rgb(v.trim())) {
                    Some(rgb) => {
                        let [r, g, b] = readable_on(rgb, background);
                        format!("color: #{:02x}{:02x}{:02x}", r as u8, g as u8, b as u8)
                    }
                    None => d.to_string(),
                },
            )
            .collect();
        *body = format!("{};", declarations.join("; "));
    }
    rules
}

/// `(selectors, declarations)` of each rule of syntect's flat CSS.
fn css_rules(css: &str) -> Vec<(Vec<String>, String)> {
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    text.push_str(rest);
    text.split('}')
        .filter_map(|rule| {
            let (selectors, body) = rule.split_once('{')?;
            let selectors: Vec<String> = selectors
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            let body: Vec<&str> = body
                .split(';')
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .collect();
            (!selectors.is_empty() && !body.is_empty())
                .then(|| (selectors, format!("{};", body.join("; "))))
        })
        .collect()
}

/// Each rule once, its selectors under every scope.
fn scoped(rules: &[(Vec<String>, String)], scopes: &[&str]) -> String {
    rules
        .iter()
        .map(|(selectors, body)| {
            let list: Vec<String> = scopes
                .iter()
                .flat_map(|scope| selectors.iter().map(move |s| format!("{scope}{s}")))
                .collect();
            format!("{} {{ {body} }}\n", list.join(", "))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contrast::{contrast, MIN_CONTRAST};

    #[test]
    fn rust_gets_prefixed_classes_and_no_styles() {
        let html = code_block_html("rust", "fn main() { let x = 1; }\n");
        assert!(
            html.starts_with(r#"<div class="code-block" data-lines="1"><pre class="code hl-code" tabindex="0" data-lang="rust"><code><span class="hl-source hl-rust">"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<span class="hl-storage hl-type hl-function hl-rust">fn</span>"#),
            "{html}"
        );
        assert!(!html.contains("style="), "{html}");
    }

    #[test]
    fn unknown_language_is_escaped_text() {
        let html = code_block_html("klingon", "a < b\n");
        assert!(
            html.contains(r#"data-lang="klingon"><code>a &lt; b"#),
            "{html}"
        );
        let plain = code_block_html("", "x\n");
        assert!(
            plain.contains(r#"<pre class="code hl-code" tabindex="0"><code>x"#),
            "{plain}"
        );
    }

    #[test]
    fn the_languages_posts_need_are_known() {
        for lang in [
            "rust",
            "go",
            "toml",
            "typescript",
            "ts",
            "dockerfile",
            "hcl",
            "nix",
            "zig",
            "python",
            "sh",
            "bash",
            "json",
            "yaml",
            "sql",
            "text",
        ] {
            assert_eq!(check_language(lang), Ok(()), "{lang}");
        }
        let toml = code_block_html("toml", "seed = 3\n");
        assert!(toml.contains("hl-toml"), "{toml}");
    }

    #[test]
    fn an_unknown_language_names_the_nearest() {
        let e = check_language("rsut").unwrap_err();
        assert!(
            e.starts_with("unknown code language `rsut`; nearest known: "),
            "{e}"
        );
        assert!(e.contains("rust") || e.contains("rs"), "{e}");
        assert!(e.ends_with("write `text` for plain text"), "{e}");
        assert!(check_language("klingon").is_err());
    }

    #[test]
    fn every_colour_of_code_meets_aa_contrast_in_both_themes() {
        let themes = ThemeSet::load_defaults();
        for name in [LIGHT_THEME, DARK_THEME] {
            let css = css_for_theme_with_class_style(&themes.themes[name], CLASS_STYLE)
                .expect("theme css");
            let rules = legible(css_rules(&css));
            let background = hex_rgb(
                rules
                    .iter()
                    .find(|(s, _)| s.iter().any(|s| s == ".hl-code"))
                    .and_then(|(_, b)| b.split("background-color: ").nth(1))
                    .map(|v| &v[..7])
                    .expect("a background"),
            )
            .expect("hex");
            let mut checked = 0;
            for (selectors, body) in &rules {
                for colour in body
                    .split(';')
                    .filter_map(|d| d.trim().strip_prefix("color: "))
                {
                    let rgb = hex_rgb(colour).expect("hex colour");
                    let ratio = contrast(rgb, background);
                    assert!(
                        ratio >= MIN_CONTRAST,
                        "{name} {selectors:?} {colour}: {ratio:.2}"
                    );
                    checked += 1;
                }
            }
            assert!(checked > 10, "{name}: {checked} colours");
        }
        // InspiredGitHub's comment grey is darkened, not replaced.
        let grey = readable_on([150.0, 152.0, 150.0], [255.0; 3]);
        assert!(grey[0] < 150.0 && grey[0] > 90.0, "{grey:?}");
    }

    #[test]
    fn fence_words() {
        assert_eq!(fence_language("rust,ignore"), "rust");
        assert_eq!(fence_language("toml {.x}"), "toml");
        assert_eq!(fence_language(""), "");
    }

    #[test]
    fn stylesheet_has_both_themes_in_every_scope() {
        let css = highlight_css().expect("css");
        assert!(
            css.contains("@media not (prefers-color-scheme: dark) {\n:root:not([data-theme=\"dark\"]) .hl-code { "),
            "{css}"
        );
        // No rule applies in both themes: every selector is under a scope.
        assert!(
            css.lines().filter(|l| l.starts_with(".hl-")).count() == 0,
            "{css}"
        );
        assert!(css.contains(r#":root[data-theme="light"] .hl-keyword"#));
        assert!(css.contains(
            "@media (prefers-color-scheme: dark) {\n:root:not([data-theme=\"light\"]) .hl-code"
        ));
        assert!(css.contains(r#":root[data-theme="dark"] .hl-code { color: #c0c5ce; background-color: #2b303b; }"#), "{css}");
        assert!(!css.contains("/*  "));
    }
}
