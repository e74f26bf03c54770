//! The simulation stays pure: no web, no wall clock, no global randomness.

use std::fs;
use std::path::Path;

const FORBIDDEN: [&str; 8] = [
    "leptos",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "Instant::now",
    "SystemTime",
    "thread_rng",
    "HashMap",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable src dir") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn sim_source_names_nothing_impure() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("Cargo.toml")];
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 3, "found the sources");
    for file in files {
        let text = fs::read_to_string(&file).expect("readable source");
        for word in FORBIDDEN {
            for (n, line) in text.lines().enumerate() {
                assert!(
                    !line.contains(word),
                    "{}:{}: the pure sim crate must not mention `{word}`",
                    file.display(),
                    n + 1
                );
            }
        }
    }
}
