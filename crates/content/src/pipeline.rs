//! The whole build: load, validate, render everything in memory, check the
//! links, and only then write (see `output`), so a failed build leaves the
//! output folder as it was.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use page_data::{about_route, post_route};

use crate::emit::compress::compressed_copies;
use crate::emit::output::write_site;
use crate::emit::publishing::{add_publishing_files, check_public_url};
use crate::error::{ContentError, ContentErrors};
use crate::load::about::load_about;
use crate::load::corrections::link_corrections;
use crate::load::focus::load_focus;
use crate::load::post::Post;
use crate::load::site_config::SiteConfig;
use crate::load::taxonomy::link_neighbours;
use crate::markdown::code_block_size::block_sizes;
use crate::render::build_cache::BuildCache;
use crate::render::links::{check_links, PageLinks};
use crate::render::prerender::Shell;
use crate::render::site_files::render_files;

/// Where to read content and where to write the site.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Project root: holds `posts/`, `public/` and `site/` (`site.toml`,
    /// and optionally `about.md` and `focus.toml`).
    pub root: PathBuf,
    /// Output folder: holds trunk's `index.html` (the app shell).
    pub out: PathBuf,
    /// Whether draft posts are published (under the serve command).
    pub include_drafts: bool,
    /// Publish at this address instead of site.toml's `base_url` (the
    /// same site built for another host or sub-path).
    pub base_url: Option<String>,
    /// trunk's `--public-url`, whose path must be the base URL's: trunk
    /// writes the wasm and JS links, the build everything else.
    pub public_url: Option<String>,
    /// Write `.br` and `.gz` copies beside each text and wasm file.
    pub compress: bool,
    /// Where trunk's app shell is, when not `out/index.html` (the dev
    /// server keeps it apart, since each build overwrites `out/index.html`
    /// with the prerendered home page).
    pub shell: Option<PathBuf>,
}

impl BuildOptions {
    /// Build `root` into `out`: no drafts, site.toml's base URL, no
    /// compressed copies.
    pub fn new(root: impl Into<PathBuf>, out: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            out: out.into(),
            include_drafts: false,
            base_url: None,
            public_url: None,
            compress: false,
            shell: None,
        }
    }
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
    build_site_with(options, &mut BuildCache::default())
}

/// Builds the content into `options.out`, reusing what `cache` kept from
/// earlier builds in this process (and keeping this build's work in it).
pub fn build_site_with(
    options: &BuildOptions,
    cache: &mut BuildCache,
) -> Result<BuildReport, ContentErrors> {
    let mut files = render_site_with(options, cache)?;
    if options.compress {
        let copies = compressed_copies(&options.out, &files.files)?;
        files.files.extend(copies);
    }
    write_site(&options.out, &files.files)?;
    Ok(BuildReport {
        posts: files.posts,
        drafts_skipped: files.drafts_skipped,
        files: files.files.into_keys().collect(),
    })
}

/// Every output file in memory, before anything is written.
pub struct RenderedSite {
    pub posts: usize,
    pub drafts_skipped: usize,
    /// Path relative to the site root -> contents.
    pub files: BTreeMap<String, Vec<u8>>,
}

/// Loads, validates and renders the site in memory; checks its links.
pub fn render_site(options: &BuildOptions) -> Result<RenderedSite, ContentErrors> {
    render_site_with(options, &mut BuildCache::default())
}

/// As `render_site`, reusing and filling `cache`.
pub fn render_site_with(
    options: &BuildOptions,
    cache: &mut BuildCache,
) -> Result<RenderedSite, ContentErrors> {
    let root = &options.root;
    let site_path = root.join("site/site.toml");
    let mut site = SiteConfig::load(&site_path)?;
    if let Some(base_url) = &options.base_url {
        site = site.with_base_url(base_url).map_err(|m| {
            ContentError::new(
                &site_path,
                0,
                format!("the base URL given to the build: {m}"),
            )
        })?;
    }
    if let Some(public_url) = &options.public_url {
        check_public_url(&site, public_url).map_err(|m| ContentError::new(&site_path, 0, m))?;
    }
    let shell_path = options
        .shell
        .clone()
        .unwrap_or_else(|| options.out.join("index.html"));
    let shell_html = std::fs::read_to_string(&shell_path).map_err(|e| {
        ContentError::new(&shell_path, 0, format!("cannot read the app shell: {e}"))
    })?;
    let shell_html = crate::render::integrity::reseal(&shell_html, &options.out, site.base_path())
        .map_err(|m| ContentError::new(&shell_path, 0, m))?;
    let shell = Shell::new(shell_html).map_err(|m| ContentError::new(&shell_path, 0, m))?;
    let public_dir = root.join("public");

    let mut errors = Vec::new();
    let posts = match load_posts(&root.join("posts"), &site, &public_dir, cache) {
        Ok(posts) => posts,
        Err(mut e) => {
            errors.append(&mut e.0);
            Vec::new()
        }
    };
    let total = posts.len();
    let mut published: Vec<Post> = posts
        .into_iter()
        .filter(|p| options.include_drafts || !p.meta().draft)
        .collect();
    if let Err(mut e) = link_corrections(&mut published) {
        errors.append(&mut e);
    }
    link_neighbours(&mut published);

    let about_path = root.join("site/about.md");
    let about = if about_path.exists() {
        load_about(&about_path, &public_dir)
            .map_err(|mut e| errors.append(&mut e))
            .ok()
    } else {
        None
    };
    let focus_path = root.join("site/focus.toml");
    let focus = if focus_path.exists() {
        let post = |slug: &str| {
            published
                .iter()
                .find(|p| p.slug() == slug)
                .map(|p| crate::load::taxonomy::post_link(p.meta()))
        };
        load_focus(&focus_path, post)
            .map_err(|e| errors.push(e))
            .ok()
    } else {
        None
    };
    if !errors.is_empty() {
        return Err(ContentErrors(errors));
    }

    let code_line_counts: BTreeSet<usize> = published
        .iter()
        .flat_map(|p| &p.code_line_counts)
        .chain(about.iter().flat_map(|a| &a.body.code_line_counts))
        .copied()
        .collect();
    let shell = shell
        .with_critical_css(&block_sizes(&code_line_counts))
        .map_err(|m| ContentError::new(&shell_path, 0, m))?;
    let mut files = render_files(
        &site,
        &shell,
        &published,
        about.as_ref(),
        focus.as_ref(),
        cache,
    )?;
    add_publishing_files(&site, &shell, &published, &mut files)?;
    for asset in published
        .iter()
        .flat_map(|p| &p.assets)
        .chain(about.iter().flat_map(|a| &a.body.assets))
    {
        let bytes = std::fs::read(&asset.source)
            .map_err(|e| ContentError::new(&asset.source, 0, format!("cannot read: {e}")))?;
        files.insert(asset.output.clone(), bytes);
    }

    let mut pages_links: Vec<PageLinks<'_>> = published
        .iter()
        .map(|p| PageLinks {
            source: &p.source,
            route: post_route(p.slug()),
            links: &p.links,
        })
        .collect();
    if let Some(about) = &about {
        pages_links.push(PageLinks {
            source: &about.source,
            route: about_route(),
            links: &about.body.links,
        });
    }
    let broken = check_links(&pages_links, &files, &public_dir);
    if !broken.is_empty() {
        return Err(ContentErrors(broken));
    }
    Ok(RenderedSite {
        posts: published.len(),
        drafts_skipped: total - published.len(),
        files,
    })
}

/// The post files in `dir`: `<slug>.md` and `<slug>/index.md`.
fn post_paths(dir: &Path) -> Result<Vec<PathBuf>, ContentError> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| ContentError::new(dir, 0, format!("cannot read the posts folder: {e}")))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|p| {
            if p.is_dir() {
                Some(p.join("index.md")).filter(|i| i.is_file())
            } else {
                p.extension().is_some_and(|e| e == "md").then_some(p)
            }
        })
        .collect();
    paths.sort();
    Ok(paths)
}

/// Loads every post in `dir`, newest first (each through `cache`); reports
/// every bad post and every slug used twice.
fn load_posts(
    dir: &Path,
    site: &SiteConfig,
    public_dir: &Path,
    cache: &mut BuildCache,
) -> Result<Vec<Post>, ContentErrors> {
    let mut posts: Vec<Post> = Vec::new();
    let mut errors = Vec::new();
    for path in &post_paths(dir)? {
        match cache.post(path, site, public_dir) {
            Ok(post) => {
                if let Some(first) = posts.iter().find(|p| p.slug() == post.slug()) {
                    errors.push(ContentError::new(
                        path,
                        1,
                        format!(
                            "duplicate slug `{}`: {} has it too",
                            post.slug(),
                            first.source.display()
                        ),
                    ));
                } else {
                    posts.push(post);
                }
            }
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
