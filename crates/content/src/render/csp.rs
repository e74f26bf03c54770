//! The Content-Security-Policy of every page.
//!
//! Scripts: only files from the site's own origin, plus the one inline
//! module trunk writes to start the wasm, allowed by its SHA-256 hash (no
//! `'unsafe-inline'`); `'wasm-unsafe-eval'` lets that module compile the
//! wasm. The critical CSS is an inline `<style>`, allowed by its hash too.
//! Images, fonts and fetches: the site's origin only. Style sheets
//! come from the origin too, but style *attributes* must be allowed
//! (`style-src-attr 'unsafe-inline'`): plotters' canvas backend measures
//! chart text by giving a hidden `<span>` an inline style, and blocked, the
//! labels are measured wrong. An injected style attribute cannot run code.
//! The policy goes into each page as a `<meta>` tag, and into a `_headers` file
//! for hosts that read one, where it can also forbid framing.

use base64::Engine;
use lol_html::{rewrite_str, text, RewriteStrSettings};
use sha2::{Digest, Sha256};

use crate::element_texts::ElementTexts;

/// The `'sha256-...'` source of every inline `<script>` (one without
/// `src`) in `html`, in order.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    inline_hashes(html, "script")
}

/// The `'sha256-...'` source of every `<style>` element in `html`.
pub fn inline_style_hashes(html: &str) -> Vec<String> {
    inline_hashes(html, "style")
}

fn inline_hashes(html: &str, tag_name: &str) -> Vec<String> {
    // The HTML tokenizer finds each element's raw text, as the browser
    // does, so a `</script>` inside a string or a `<script` in a comment
    // cannot shift what is hashed.
    let selector = format!("{tag_name}:not([src])");
    let bodies = ElementTexts::default();
    let collected = rewrite_str(
        html,
        RewriteStrSettings::new().append_element_content_handler(text!(
            selector.as_str(),
            |chunk| {
                bodies.add(chunk);
                Ok(())
            }
        )),
    );
    // The build's own pages are what is read here; a page the tokenizer
    // cannot read has no inline element to allow.
    if collected.is_err() {
        return Vec::new();
    }
    bodies
        .into_texts()
        .into_iter()
        .filter(|b| !b.trim().is_empty())
        .map(|b| {
            let digest = Sha256::digest(b.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect()
}

/// The policy for pages whose inline scripts and style elements have
/// these hashes.
pub fn policy(script_hashes: &[String], style_hashes: &[String]) -> String {
    let mut script_src = vec!["'self'".to_string(), "'wasm-unsafe-eval'".to_string()];
    script_src.extend(script_hashes.iter().cloned());
    let mut style_src = vec!["'self'".to_string()];
    style_src.extend(style_hashes.iter().cloned());
    [
        "default-src 'self'".to_string(),
        format!("script-src {}", script_src.join(" ")),
        format!("style-src {}", style_src.join(" ")),
        "style-src-attr 'unsafe-inline'".to_string(),
        "img-src 'self' data:".to_string(),
        "font-src 'self'".to_string(),
        "connect-src 'self'".to_string(),
        // The demos' sim workers (module workers from the site's files).
        "worker-src 'self'".to_string(),
        "object-src 'none'".to_string(),
        "base-uri 'self'".to_string(),
        "form-action 'self'".to_string(),
    ]
    .join("; ")
}

/// The `<meta>` form (it cannot carry `frame-ancestors`).
pub fn meta_tag(policy: &str) -> String {
    format!(r#"<meta http-equiv="Content-Security-Policy" content="{policy}">"#)
}

/// A `_headers` file (Netlify, Cloudflare Pages): the policy and the
/// usual hardening headers on every path; a year's cache for the files
/// whose names carry a content hash (`immutable_paths`, site-relative);
/// revalidation for everything else, so a new deploy shows at once.
pub fn headers_file(policy: &str, base_path: &str, immutable_paths: &[String]) -> String {
    let mut out = format!(
        "{base_path}*\n  Content-Security-Policy: {policy}; frame-ancestors 'none'\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()\n  Cache-Control: no-cache\n"
    );
    for path in immutable_paths {
        out.push_str(&format!(
            "\n{base_path}{path}\n  ! Cache-Control\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
    }
    out
}

/// Whether a site-relative file name carries trunk's content hash
/// (`site-30284ab402211b1f_bg.wasm`, `main-aa8799cfb388d6fa.css`). The
/// hash is a 64-bit number in hex without leading zeros: 16 digits, or
/// fewer one time in 16.
pub fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (12..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_hashed_and_files_are_not() {
        let html = r#"<script src="/a.js"></script><script type="module">
import init from '/x.js';
</script>"#;
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 1);
        // sha256 of the body, base64, as browsers compute it.
        let expected = base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest(b"\nimport init from '/x.js';\n"));
        assert_eq!(hashes[0], format!("'sha256-{expected}'"));
    }

    #[test]
    fn what_is_hashed_is_what_the_browser_runs() {
        // A closing tag inside a comment or another element's text, single
        // quotes, attributes in any order, and a style element.
        let html = r#"<!-- <script>not this</script> --><p>&lt;script&gt;</p><script type='module' defer>a()</script><script src=/x.js></script><style media="all">p{}</style>"#;
        let hash = |b: &str| {
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b.as_bytes()))
            )
        };
        assert_eq!(inline_script_hashes(html), vec![hash("a()")]);
        assert_eq!(inline_style_hashes(html), vec![hash("p{}")]);
        assert!(inline_script_hashes("<script>  </script>").is_empty());
    }

    #[test]
    fn the_policy_has_no_unsafe_inline() {
        let p = policy(&["'sha256-abc'".to_string()], &["'sha256-css'".to_string()]);
        assert!(p.contains("style-src 'self' 'sha256-css'"));
        assert!(p.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc'"));
        let script_src = p.split("; ").find(|d| d.starts_with("script-src")).unwrap();
        assert!(!script_src.contains("unsafe-inline"));
        assert!(!p.contains("unsafe-eval'") || p.contains("wasm-unsafe-eval"));
        assert!(!p.contains(" 'unsafe-eval'"));
        assert!(p.contains("worker-src 'self';"));
    }

    #[test]
    fn hashed_assets_are_recognised() {
        assert!(is_hashed_asset("site-30284ab402211b1f_bg.wasm"));
        assert!(is_hashed_asset("site-30284ab402211b1f.js"));
        assert!(is_hashed_asset("main-aa8799cfb388d6fa.css"));
        assert!(is_hashed_asset("site-2d8b0291b7cbb68_bg.wasm"), "15 digits");
        assert!(!is_hashed_asset("site.js"));
        assert!(!is_hashed_asset(
            "posts/jitter-is-about-the-crowd/index.html"
        ));
        assert!(!is_hashed_asset("highlight.css"));
    }

    #[test]
    fn headers_cache_hashed_files_for_a_year() {
        let h = headers_file(
            "default-src 'self'",
            "/blog/",
            &["a-0123456789abcdef.js".into()],
        );
        assert!(h.starts_with(
            "/blog/*\n  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'"
        ));
        assert!(h.contains("/blog/a-0123456789abcdef.js\n  ! Cache-Control\n  Cache-Control: public, max-age=31536000, immutable"));
    }
}
