//! Subresource integrity of the app shell's links, computed again from the
//! files that were shipped.
//!
//! trunk runs its wasm pipelines (the shell, each demo's module, search) at once,
//! and each copies the library's JS snippets into the same staging folder
//! and hashes them there. One pipeline can hash a snippet while another has
//! just truncated it for its own copy, and then the page names the digest of
//! an empty file and the browser refuses the script (seen: the shell's
//! `demo-loader.js` preload with sha384 of "", every demo dead). The build's
//! content step runs after every pipeline has finished, so it recomputes
//! each local `integrity` from the bytes on disk, in the digest trunk chose.

use std::path::Path;

use base64::Engine;
use lol_html::{element, rewrite_str, RewriteStrSettings};
use sha2::{Digest, Sha256, Sha384, Sha512};

/// `html` with every `integrity` of a `<link href>` or `<script src>` under
/// `base_path` computed from the file it names in `out`, and the
/// `data-integrity` of the app's start script from the wasm it fetches
/// (`data-wasm`; Trunk.toml, `pattern_script`).
pub fn reseal(html: &str, out: &Path, base_path: &str) -> Result<String, String> {
    let settings = RewriteStrSettings::new().append_element_content_handler(element!(
        "link[integrity][href], script[integrity][src], script[data-integrity][data-wasm]",
        |el| {
            let (url, integrity) = match el.get_attribute("data-wasm") {
                Some(wasm) => (wasm, "data-integrity"),
                None => (
                    el.get_attribute("href")
                        .or_else(|| el.get_attribute("src"))
                        .unwrap_or_default(),
                    "integrity",
                ),
            };
            let Some(relative) = url.strip_prefix(base_path) else {
                return Ok(());
            };
            let old = el.get_attribute(integrity).unwrap_or_default();
            let path = out.join(relative);
            let bytes = std::fs::read(&path).map_err(|e| {
                format!(
                    "the shell links {url} with an integrity, but {} cannot be read: {e}",
                    path.display()
                )
            })?;
            el.set_attribute(integrity, &digest(&old, &bytes)?)?;
            Ok(())
        }
    ));
    rewrite_str(html, settings).map_err(|e| format!("the app shell's integrity attributes: {e}"))
}

/// The SRI value of `bytes` with the algorithm `old` names (`sha384-...`).
fn digest(old: &str, bytes: &[u8]) -> Result<String, String> {
    let encode = |d: &[u8]| base64::engine::general_purpose::STANDARD.encode(d);
    let algorithm = old.split('-').next().unwrap_or_default();
    let value = match algorithm {
        "sha256" => encode(&Sha256::digest(bytes)),
        "sha384" => encode(&Sha384::digest(bytes)),
        "sha512" => encode(&Sha512::digest(bytes)),
        _ => return Err(format!("unknown integrity algorithm in {old:?}")),
    };
    Ok(format!("{algorithm}-{value}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_digest_of_a_truncated_file_is_replaced_by_the_file_on_disk() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("snippets/x")).expect("dir");
        std::fs::write(dir.path().join("snippets/x/a.js"), "export const a = 1;\n").expect("write");
        // sha384 of the empty string: what the race leaves.
        let empty = "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb";
        let html = format!(
            r#"<link rel="modulepreload" href="/blog/snippets/x/a.js" integrity="{empty}"><link rel="stylesheet" href="https://elsewhere.example/s.css" integrity="sha256-kept">"#
        );
        let sealed = reseal(&html, dir.path(), "/blog/").expect("reseals");
        let expected = digest("sha384", b"export const a = 1;\n").expect("digest");
        assert!(
            sealed.contains(&format!(r#"integrity="{expected}""#)),
            "{sealed}"
        );
        assert!(!sealed.contains(empty), "{sealed}");
        assert!(sealed.contains(r#"integrity="sha256-kept""#), "{sealed}");
        assert_eq!(
            expected,
            "sha384-".to_string()
                + &base64::engine::general_purpose::STANDARD
                    .encode(Sha384::digest(b"export const a = 1;\n"))
        );
    }

    #[test]
    fn the_start_scripts_wasm_integrity_is_computed_from_the_wasm() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("app_bg.wasm"), b"\0asm").expect("write");
        let html = r#"<script type="module" data-wasm="/blog/app_bg.wasm" data-integrity="sha384-">import x from '/blog/app.js';</script>"#;
        let sealed = reseal(html, dir.path(), "/blog/").expect("reseals");
        let expected = digest("sha384", b"\0asm").expect("digest");
        assert!(
            sealed.contains(&format!(r#"data-integrity="{expected}""#)),
            "{sealed}"
        );
    }

    #[test]
    fn a_missing_file_is_an_error_that_names_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let e = reseal(
            r#"<script src="/gone.js" integrity="sha384-x"></script>"#,
            dir.path(),
            "/",
        )
        .expect_err("missing");
        assert!(e.contains("/gone.js") && e.contains("gone.js"), "{e}");
    }
}
