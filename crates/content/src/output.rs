//! Writing the site: every file goes first into a staging folder beside
//! the output folder, and is moved into place only when all were written,
//! so a failed write leaves the output folder as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::ContentError;

/// Writes `files` (path relative to `out` -> contents) into `out`.
pub fn write_site(out: &Path, files: &BTreeMap<String, Vec<u8>>) -> Result<(), ContentError> {
    let staging = staging_dir(out);
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(|e| {
            ContentError::new(&staging, 0, format!("cannot clear the staging folder: {e}"))
        })?;
    }
    let written = write_all(&staging, files);
    let moved = written.and_then(|()| move_all(&staging, out, files));
    // The staging folder is ours alone; leaving it behind is harmless.
    let _ = std::fs::remove_dir_all(&staging);
    moved
}

/// `<parent of out>/.<name of out>.content-staging-<pid>`.
fn staging_dir(out: &Path) -> PathBuf {
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = out
        .file_name()
        .map_or("site".into(), |n| n.to_string_lossy());
    parent.join(format!(".{name}.content-staging-{}", std::process::id()))
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

fn move_all(
    staging: &Path,
    out: &Path,
    files: &BTreeMap<String, Vec<u8>>,
) -> Result<(), ContentError> {
    for rel in files.keys() {
        let from = staging.join(rel);
        let to = out.join(rel);
        if let Some(dir) = to.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| ContentError::new(dir, 0, format!("cannot create folder: {e}")))?;
        }
        if std::fs::rename(&from, &to).is_err() {
            std::fs::copy(&from, &to)
                .map_err(|e| ContentError::new(&to, 0, format!("cannot write: {e}")))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_files_and_cleans_up() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("dist");
        std::fs::create_dir_all(&out).expect("mkdir");
        let files: BTreeMap<String, Vec<u8>> = [("a/b.txt".to_string(), b"x".to_vec())].into();
        write_site(&out, &files).expect("written");
        assert_eq!(std::fs::read(out.join("a/b.txt")).expect("read"), b"x");
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("ls").collect();
        assert_eq!(left.len(), 1, "staging folder removed");
    }
}
