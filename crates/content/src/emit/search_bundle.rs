//! The search index: Pagefind (the static-site search engine Hugo, Astro
//! and Eleventy sites use; the npm package `pagefind` ships its binary)
//! indexes the prerendered posts once they are written. It reads each
//! post's `data-pagefind-body` article, skips what is marked
//! `data-pagefind-ignore` (table of contents, demo pictures, the meta line)
//! and keeps the `data-pagefind-meta` date and area; it writes its bundle
//! to `pagefind/` beside the pages, chunked so that a query fetches only
//! the parts of the index it needs. PERFORMANCE.md has the measurements
//! that chose it over the site's former in-house index.

use std::path::Path;
use std::process::Command;

use page_data::search_bundle_dir;

/// The Pagefind binary: `$PAGEFIND`, or `pagefind` on PATH (scripts/env.sh
/// puts node_modules/.bin there).
fn pagefind() -> String {
    std::env::var("PAGEFIND").unwrap_or_else(|_| "pagefind".to_string())
}

/// Files of Pagefind's bundle that only its own UIs use.
const UNUSED_UI: [&str; 7] = [
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
];

/// Indexes the site in `out` into `out/pagefind/`; returns Pagefind's
/// summary line.
pub fn build_search_bundle(out: &Path) -> Result<String, String> {
    let subdir = search_bundle_dir();
    let output = Command::new(pagefind())
        .arg("--site")
        .arg(out)
        .args(["--output-subdir", subdir.trim_end_matches('/')])
        .args(["--force-language", "en"])
        .output()
        .map_err(|e| {
            format!(
                "cannot run `{}` to build the search index ({e}): run scripts/setup, which installs it from npm",
                pagefind()
            )
        })?;
    let log = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!(
            "pagefind failed ({}):\n{log}{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    // Pagefind's ready-made UIs: the search page has its own (Leptos).
    let bundle = out.join(subdir.trim_end_matches('/'));
    for unused in UNUSED_UI {
        let path = bundle.join(unused);
        if path.exists() {
            std::fs::remove_file(&path)
                .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
        }
    }
    let pages = log
        .lines()
        .find(|l| l.trim_start().starts_with("Indexed") && l.contains("pages"))
        .map_or("pages indexed", str::trim);
    Ok(pages.to_string())
}
