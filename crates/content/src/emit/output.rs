//! Writing the site without ever leaving it half-written.
//!
//! The output folder already holds what trunk wrote (the app shell, wasm,
//! styles). The build copies it to a folder beside it, writes every file
//! into the copy, and only then swaps the copy in with two renames: the
//! output folder is at every moment the old site whole or the new one whole
//! (absent only for the instant between the renames). A failure before the
//! swap removes the copy and leaves the output folder as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::ContentError;

/// Writes `files` (path relative to `out` -> contents) into `out`.
pub fn write_site(out: &Path, files: &BTreeMap<String, Vec<u8>>) -> Result<(), ContentError> {
    let next = sibling(out, "next");
    let old = sibling(out, "old");
    for dir in [&next, &old] {
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|e| {
                ContentError::new(dir, 0, format!("cannot clear the staging folder: {e}"))
            })?;
        }
    }
    let built = if out.exists() {
        copy_tree(out, &next)
    } else {
        std::fs::create_dir_all(&next)
            .map_err(|e| ContentError::new(&next, 0, format!("cannot create folder: {e}")))
    }
    .and_then(|()| write_all(&next, files));
    if let Err(e) = built {
        // The staging folder is ours alone; leaving it behind is harmless.
        let _ = std::fs::remove_dir_all(&next);
        return Err(e);
    }
    swap_in(&next, out, &old)
}

/// `<parent of out>/.<name of out>.content-<what>-<pid>`.
fn sibling(out: &Path, what: &str) -> PathBuf {
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = out
        .file_name()
        .map_or("site".into(), |n| n.to_string_lossy());
    parent.join(format!(".{name}.content-{what}-{}", std::process::id()))
}

/// Puts the complete `next` where `out` is; the old `out` goes to `old`
/// and is removed.
fn swap_in(next: &Path, out: &Path, old: &Path) -> Result<(), ContentError> {
    let had_out = out.exists();
    if had_out {
        if let Err(e) = std::fs::rename(out, old) {
            // A folder that cannot move (a mount point): fall back to
            // moving the files in one by one, all written already.
            let moved = move_files(next, out);
            let _ = std::fs::remove_dir_all(next);
            return moved.map_err(|m| {
                ContentError::new(out, 0, format!("cannot swap in the new site ({e}): {m}"))
            });
        }
    }
    if let Err(e) = std::fs::rename(next, out) {
        if had_out {
            let _ = std::fs::rename(old, out);
        }
        let _ = std::fs::remove_dir_all(next);
        return Err(ContentError::new(
            out,
            0,
            format!("cannot swap in the new site: {e}"),
        ));
    }
    let _ = std::fs::remove_dir_all(old);
    Ok(())
}

fn write_all(root: &Path, files: &BTreeMap<String, Vec<u8>>) -> Result<(), ContentError> {
    for (rel, contents) in files {
        let path = root.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| ContentError::new(dir, 0, format!("cannot create folder: {e}")))?;
        }
        std::fs::write(&path, contents)
            .map_err(|e| ContentError::new(&path, 0, format!("cannot write: {e}")))?;
    }
    Ok(())
}

/// Copies the folder `from` to `to` (which must not exist); symbolic links
/// stay links.
fn copy_tree(from: &Path, to: &Path) -> Result<(), ContentError> {
    std::fs::create_dir_all(to)
        .map_err(|e| ContentError::new(to, 0, format!("cannot create folder: {e}")))?;
    let entries = std::fs::read_dir(from)
        .map_err(|e| ContentError::new(from, 0, format!("cannot read folder: {e}")))?;
    for entry in entries {
        let entry = entry.map_err(|e| ContentError::new(from, 0, format!("cannot read: {e}")))?;
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        let kind = entry
            .file_type()
            .map_err(|e| ContentError::new(&source, 0, format!("cannot read: {e}")))?;
        let copied = if kind.is_dir() {
            copy_tree(&source, &target)
        } else if kind.is_symlink() {
            copy_link(&source, &target)
        } else {
            std::fs::copy(&source, &target)
                .map(drop)
                .map_err(|e| ContentError::new(&source, 0, format!("cannot copy: {e}")))
        };
        copied?;
    }
    Ok(())
}

#[cfg(unix)]
fn copy_link(source: &Path, target: &Path) -> Result<(), ContentError> {
    let link = std::fs::read_link(source)
        .map_err(|e| ContentError::new(source, 0, format!("cannot read link: {e}")))?;
    std::os::unix::fs::symlink(link, target)
        .map_err(|e| ContentError::new(target, 0, format!("cannot copy link: {e}")))
}

#[cfg(not(unix))]
fn copy_link(source: &Path, target: &Path) -> Result<(), ContentError> {
    std::fs::copy(source, target)
        .map(drop)
        .map_err(|e| ContentError::new(source, 0, format!("cannot copy: {e}")))
}

/// Moves every file under `from` to the same place under `to`.
fn move_files(from: &Path, to: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(from).map_err(|e| e.to_string())?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            std::fs::create_dir_all(&target).map_err(|e| e.to_string())?;
            move_files(&source, &target)?;
        } else if std::fs::rename(&source, &target).is_err() {
            std::fs::copy(&source, &target).map_err(|e| format!("{}: {e}", target.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(pairs: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn writes_files_keeps_the_rest_and_cleans_up() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("dist");
        std::fs::create_dir_all(out.join("a")).expect("mkdir");
        std::fs::write(out.join("shell.wasm"), "wasm").expect("write");
        std::fs::write(out.join("a/b.txt"), "old").expect("write");
        write_site(&out, &files(&[("a/b.txt", "x"), ("c/d.txt", "y")])).expect("written");
        assert_eq!(std::fs::read(out.join("a/b.txt")).expect("read"), b"x");
        assert_eq!(std::fs::read(out.join("c/d.txt")).expect("read"), b"y");
        assert_eq!(
            std::fs::read(out.join("shell.wasm")).expect("read"),
            b"wasm"
        );
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("ls").collect();
        assert_eq!(left.len(), 1, "staging folders removed");
    }

    #[test]
    fn a_failed_write_leaves_the_folder_as_it_was() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("dist");
        std::fs::create_dir_all(&out).expect("mkdir");
        std::fs::write(out.join("index.html"), "shell").expect("write");
        // `a` is written as a file, so the folder `a/` cannot be made.
        let clash = files(&[("a", "file"), ("a/b.txt", "x"), ("index.html", "new")]);
        let e = write_site(&out, &clash).expect_err("cannot write a/b.txt");
        assert!(e.message.starts_with("cannot create folder"), "{e}");
        let names: Vec<_> = std::fs::read_dir(&out)
            .expect("ls")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["index.html"]);
        assert_eq!(
            std::fs::read(out.join("index.html")).expect("read"),
            b"shell"
        );
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("ls").collect();
        assert_eq!(left.len(), 1, "staging folder removed");
    }

    #[test]
    fn a_missing_output_folder_is_made() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("new/dist");
        std::fs::create_dir_all(dir.path().join("new")).expect("mkdir");
        write_site(&out, &files(&[("x.txt", "x")])).expect("written");
        assert_eq!(std::fs::read(out.join("x.txt")).expect("read"), b"x");
    }
}
