//! The code in the posts works: every ```rust block of posts/ and site/
//! compiles as a test crate and its tests pass; every ```python block runs
//! without an error (its asserts are its tests). A block marked
//! ```rust,ignore (rustdoc's word) is only highlighted.

use std::path::{Path, PathBuf};
use std::process::Command;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

struct Block {
    post: PathBuf,
    line: usize,
    lang: String,
    code: String,
}

fn blocks(path: &Path) -> Vec<Block> {
    let text = std::fs::read_to_string(path).expect("read post");
    let mut found = Vec::new();
    let mut open: Option<Block> = None;
    for (event, range) in Parser::new_ext(&text, Options::all()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let words: Vec<&str> = info.split([',', ' ']).collect();
                if words.contains(&"ignore") {
                    continue;
                }
                let line = 1 + text[..range.start].matches('\n').count();
                open = Some(Block {
                    post: path.to_path_buf(),
                    line,
                    lang: words[0].to_string(),
                    code: String::new(),
                });
            }
            Event::Text(t) => {
                if let Some(b) = open.as_mut() {
                    b.code.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => found.extend(open.take()),
            _ => {}
        }
    }
    found
        .into_iter()
        .filter(|b| matches!(b.lang.as_str(), "rust" | "python"))
        .collect()
}

fn markdown_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in ["posts", "site"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("read folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn run(block: &Block, dir: &Path, n: usize) -> Result<(), String> {
    let output = match block.lang.as_str() {
        "rust" => {
            let source = dir.join(format!("block{n}.rs"));
            let binary = dir.join(format!("block{n}"));
            std::fs::write(&source, &block.code).expect("write source");
            let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string());
            let built = Command::new(rustc)
                .args(["--edition", "2021", "--test", "-D", "warnings", "-o"])
                .arg(&binary)
                .arg(&source)
                .output()
                .expect("run rustc");
            if !built.status.success() {
                return Err(String::from_utf8_lossy(&built.stderr).into_owned());
            }
            Command::new(&binary).output().expect("run the tests")
        }
        _ => Command::new("python3")
            .arg("-c")
            .arg(&block.code)
            .output()
            .expect("run python3"),
    };
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

#[test]
fn every_rust_and_python_block_in_the_posts_runs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let all: Vec<Block> = markdown_files().iter().flat_map(|p| blocks(p)).collect();
    assert!(
        all.iter().filter(|b| b.lang == "rust").count() >= 2,
        "the posts show Rust code"
    );
    let failures: Vec<String> = all
        .iter()
        .enumerate()
        .filter_map(|(n, b)| {
            run(b, dir.path(), n).err().map(|e| {
                format!(
                    "{}:{}: {} block fails:\n{e}",
                    b.post.display(),
                    b.line,
                    b.lang
                )
            })
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
