//! A copy of the fixture site in a temporary folder, to build and to break.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use content::{render_site, BuildOptions, ContentErrors, RenderedSite};

pub struct Fixture {
    dir: tempfile::TempDir,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read fixture folder") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy fixture file");
        }
    }
}

impl Default for Fixture {
    fn default() -> Self {
        Self::new()
    }
}

impl Fixture {
    pub fn new() -> Self {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let dir = tempfile::tempdir().expect("tempdir");
        copy_dir(&fixtures.join("site"), &dir.path().join("root"));
        std::fs::create_dir_all(dir.path().join("out")).expect("out");
        std::fs::copy(
            fixtures.join("shell.html"),
            dir.path().join("out/index.html"),
        )
        .expect("shell");
        Fixture { dir }
    }

    pub fn root(&self) -> PathBuf {
        self.dir.path().join("root")
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("out")
    }

    pub fn options(&self, include_drafts: bool) -> BuildOptions {
        BuildOptions {
            include_drafts,
            ..BuildOptions::new(self.root(), self.out())
        }
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    /// Copies `tests/fixtures/hostile/<name>` into the site's `posts/`.
    pub fn add_hostile(&self, name: &str) {
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/hostile")
            .join(name);
        std::fs::copy(from, self.root().join("posts").join(name)).expect("copy hostile post");
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root().join(rel)).expect("read")
    }

    /// Replaces `from` (which must be there) by `to` in `rel`.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} has no `{from}`");
        self.write(rel, &text.replacen(from, to, 1));
    }

    pub fn render(&self, include_drafts: bool) -> Result<RenderedSite, ContentErrors> {
        render_site(&self.options(include_drafts))
    }

    /// A release build's errors, one a line, paths relative to the root.
    pub fn errors(&self) -> String {
        let errors = self.render(false).err().expect("the build should fail");
        let root = format!("{}/", self.root().display());
        errors.to_string().replace(&root, "")
    }
}

/// A rendered file as text.
pub fn text(site: &RenderedSite, rel: &str) -> String {
    let bytes = site.files.get(rel).unwrap_or_else(|| {
        panic!(
            "no file {rel}; files: {:?}",
            site.files.keys().collect::<Vec<_>>()
        )
    });
    String::from_utf8(bytes.clone()).expect("utf-8")
}

/// A rendered file as JSON.
pub fn json(site: &RenderedSite, rel: &str) -> serde_json::Value {
    serde_json::from_str(&text(site, rel)).expect("json")
}

/// The `<main>` of a page, with each SVG cut to its opening tag.
pub fn main_of(html: &str) -> String {
    let start = html.find("<main id=\"main\">").expect("main");
    let end = html.find("</main>").expect("end of main");
    let mut main = html[start..end + "</main>".len()].to_string();
    while let Some(at) = main.find("<svg ") {
        let open_end = main[at..].find('>').map_or(main.len(), |e| at + e + 1);
        let close = main[at..]
            .find("</svg>")
            .map_or(main.len(), |e| at + e + "</svg>".len());
        let open = main[at..open_end].replacen("<svg ", "<SVG ", 1);
        main.replace_range(at..close, &format!("{open}…</SVG>"));
    }
    main.replace("><", ">\n<")
}

/// One post's data file and page.
pub struct BuiltPost {
    pub article: serde_json::Value,
    pub page: String,
}

/// Every file and folder under `dir`, relative, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("ls") {
            let path = entry.expect("entry").path();
            let rel = path.strip_prefix(root).expect("under root");
            out.push(rel.display().to_string());
            if path.is_dir() {
                walk(root, &path, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}
pub mod post_claims;
