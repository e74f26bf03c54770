//! `scripts/new-post "A title"`: a new post's file, front matter filled in,
//! as `hugo new` and `zola` start one.

use std::path::{Path, PathBuf};

use page_data::PostKind;

use crate::load::site_config::SiteConfig;
use crate::markdown::headings::slugify;

/// The file a new post titled `title` goes in, under `posts_dir`.
pub fn new_post_path(posts_dir: &Path, title: &str) -> Result<PathBuf, String> {
    if !title.chars().any(char::is_alphanumeric) {
        return Err(format!(
            "the title {title:?} has no letters or digits to make a file name from"
        ));
    }
    Ok(posts_dir.join(format!("{}.md", slugify(title))))
}

/// A draft dated `date` (`YYYY-MM-DD`): the site's first area and the first
/// kind stand in until the author picks.
pub fn new_post_text(site: &SiteConfig, title: &str, date: &str) -> String {
    let area = site.areas.first().map_or("", |a| a.key.as_str());
    let areas: Vec<&str> = site.areas.iter().map(|a| a.key.as_str()).collect();
    let kinds: Vec<&str> = PostKind::ALL.iter().map(|k| k.key()).collect();
    let title = toml::Value::String(title.to_string());
    format!(
        "+++\n\
         title = {title}\n\
         date = {date}\n\
         summary = \"One or two sentences for the home page and the meta description.\"\n\
         tags = []\n\
         area = \"{area}\"      # one of: {areas}\n\
         kind = \"{kind}\"      # one of: {kinds}\n\
         draft = true         # shows under scripts/serve; set false to publish\n\
         +++\n\n\
         The first paragraph.\n",
        areas = areas.join(", "),
        kind = PostKind::ALL[0].key(),
        kinds = kinds.join(", "),
    )
}

/// Writes the new post, never over an existing file; returns its path.
pub fn write_new_post(
    posts_dir: &Path,
    site: &SiteConfig,
    title: &str,
    date: &str,
) -> Result<PathBuf, String> {
    let path = new_post_path(posts_dir, title)?;
    let text = new_post_text(site, title, date);
    std::fs::create_dir_all(posts_dir)
        .map_err(|e| format!("cannot create {}: {e}", posts_dir.display()))?;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                format!("{} already exists; not overwriting it", path.display())
            }
            _ => format!("cannot write {}: {e}", path.display()),
        })?;
    std::io::Write::write_all(&mut file, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::front_matter::{parse_front_matter, split_post};

    fn site() -> SiteConfig {
        SiteConfig::parse(
            Path::new("site/site.toml"),
            "title = \"T\"\ndescription = \"D\"\nbase_url = \"https://example.org/\"\nareas = [{ key = \"systems\", name = \"Systems\" }, { key = \"growth\", name = \"Growth\" }]\n",
        )
        .expect("site parses")
    }

    #[test]
    fn the_new_post_parses_as_a_draft() {
        let text = new_post_text(&site(), "Queues: \"the\" long wait", "2026-12-02");
        let path = Path::new("posts/queues-the-long-wait.md");
        let split = split_post(path, &text).expect("splits");
        let fm = parse_front_matter(path, &split, &site()).expect("front matter is valid");
        assert_eq!(fm.title, "Queues: \"the\" long wait");
        assert_eq!(fm.date, "2026-12-02");
        assert_eq!(fm.area, "systems");
        assert_eq!(fm.kind, PostKind::ALL[0]);
        assert!(fm.draft);
        assert!(text.contains("# one of: systems, growth"), "{text}");
    }

    #[test]
    fn refuses_to_overwrite_and_titles_without_a_slug() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path =
            write_new_post(dir.path(), &site(), "Hello, World", "2026-12-02").expect("writes");
        assert_eq!(path, dir.path().join("hello-world.md"));
        std::fs::write(&path, "mine").expect("edit");
        let e = write_new_post(dir.path(), &site(), "Hello world!", "2026-12-02").unwrap_err();
        assert!(
            e.ends_with("hello-world.md already exists; not overwriting it"),
            "{e}"
        );
        assert_eq!(std::fs::read_to_string(&path).expect("reads"), "mine");
        let e = new_post_path(dir.path(), "?!").unwrap_err();
        assert!(e.contains("no letters or digits"), "{e}");
    }
}
