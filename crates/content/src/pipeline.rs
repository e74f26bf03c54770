//! The whole build: load, validate, render everything in memory, and only
//! then write, so a failed build leaves the output folder as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use page_data::{article_data_path, index_data_path, post_route, PostIndex};

use crate::error::{ContentError, ContentErrors};
use crate::post::{load_post, Post};
use crate::prerender::{home_main, layout, not_found_main, post_main, PageMeta, Shell};
use crate::site_config::SiteConfig;

/// Where to read content and where to write the site.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Project root: holds `posts/` and `site/site.toml`.
    pub root: PathBuf,
    /// Output folder: holds trunk's `index.html` (the app shell).
    pub out: PathBuf,
    /// Whether draft posts are published (under the serve command).
    pub include_drafts: bool,
}

/// What a build wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct BuildReport {
    pub posts: usize,
    pub drafts_skipped: usize,
    pub files: Vec<String>,
}

/// Builds the content into `options.out`.
pub fn build_site(options: &BuildOptions) -> Result<BuildReport, ContentErrors> {
    let site = SiteConfig::load(&options.root.join("site/site.toml"))?;
    let shell_path = options.out.join("index.html");
    let shell_html = std::fs::read_to_string(&shell_path).map_err(|e| {
        ContentError::new(&shell_path, 0, format!("cannot read the app shell: {e}"))
    })?;
    let shell = Shell::new(shell_html).map_err(|m| ContentError::new(&shell_path, 0, m))?;

    let posts = load_posts(&options.root.join("posts"), &site)?;
    let total = posts.len();
    let published: Vec<&Post> = posts
        .iter()
        .filter(|p| options.include_drafts || !p.meta().draft)
        .collect();

    let files = render_files(&site, &shell, &published)?;
    for (rel, contents) in &files {
        let path = options.out.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| ContentError::new(dir, 0, format!("cannot create folder: {e}")))?;
        }
        std::fs::write(&path, contents)
            .map_err(|e| ContentError::new(&path, 0, format!("cannot write: {e}")))?;
    }
    Ok(BuildReport {
        posts: published.len(),
        drafts_skipped: total - published.len(),
        files: files.into_keys().collect(),
    })
}

/// Loads every `*.md` in `dir`, newest first; reports every bad post.
pub fn load_posts(dir: &Path, site: &SiteConfig) -> Result<Vec<Post>, ContentErrors> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| ContentError::new(dir, 0, format!("cannot read the posts folder: {e}")))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();

    let mut posts = Vec::new();
    let mut errors = Vec::new();
    for path in &paths {
        match load_post(path, site) {
            Ok(post) => posts.push(post),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if !errors.is_empty() {
        return Err(ContentErrors(errors));
    }
    posts.sort_by(|a, b| {
        b.meta()
            .date
            .cmp(&a.meta().date)
            .then_with(|| a.slug().cmp(b.slug()))
    });
    Ok(posts)
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, ContentError> {
    serde_json::to_string(value)
        .map_err(|e| ContentError::new(Path::new("<data>"), 0, format!("cannot serialize: {e}")))
}

/// Every output file, by path relative to the site root.
fn render_files(
    site: &SiteConfig,
    shell: &Shell,
    posts: &[&Post],
) -> Result<BTreeMap<String, String>, ContentError> {
    let mut files = BTreeMap::new();
    let index = PostIndex {
        description: site.description.clone(),
        posts: posts.iter().map(|p| p.meta().clone()).collect(),
    };
    files.insert(index_data_path(), json(&index)?);

    let home = PageMeta {
        title: site.title.clone(),
        description: site.description.clone(),
        canonical: site.base_url.clone(),
    };
    files.insert(
        "index.html".to_string(),
        shell.page(site, &home, &layout(site, &home_main(site, posts))),
    );

    for post in posts {
        files.insert(article_data_path(post.slug()), json(&post.article)?);
        let meta = PageMeta {
            title: format!("{} · {}", post.meta().title, site.title),
            description: post.meta().summary.clone(),
            canonical: format!("{}{}", site.base_url, post_route(post.slug())),
        };
        files.insert(
            format!("{}index.html", post_route(post.slug())),
            shell.page(site, &meta, &layout(site, &post_main(post))),
        );
    }

    let not_found = PageMeta {
        title: format!("Page not found · {}", site.title),
        description: site.description.clone(),
        canonical: site.base_url.clone(),
    };
    files.insert(
        "404.html".to_string(),
        shell.page(site, &not_found, &layout(site, &not_found_main())),
    );
    Ok(files)
}
