//! The whole build: load, validate, render everything in memory, check the
//! links, and only then write (see `output`), so a failed build leaves the
//! output folder as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use page_data::{
    about_data_path, about_route, archive_data_path, archive_route, area_data_path, area_route,
    article_data_path, diagrams_css_path, focus_data_path, focus_route, highlight_css_path,
    index_data_path, post_route, search_words_path, tag_data_path, tag_index_data_path, tag_route,
    tags_route, PostIndex,
};

use crate::emit::compress::compressed_copies;
use crate::emit::output::write_site;
use crate::emit::publishing::{add_publishing_files, check_public_url};
use crate::error::{ContentError, ContentErrors};
use crate::load::about::{load_about, About};
use crate::load::corrections::link_corrections;
use crate::load::focus::load_focus;
use crate::load::post::Post;
use crate::load::site_config::SiteConfig;
use crate::load::taxonomy::{archive, area_pages, link_neighbours, tag_index, tag_pages};
use crate::markdown::highlight::highlight_css;
use crate::markdown::mermaid::diagrams_css;
use crate::render::build_cache::BuildCache;
use crate::render::links::{check_links, PageLinks};
use crate::render::og_image;
use crate::render::prerender::{PageMeta, Shell, SocialImage};
use crate::render::rebase::{rebase_article, rebase_blocks};
use crate::render::render_view::render_page;
use crate::render::search_words::search_words;
use leptos::prelude::*;
use page_data::format::count_label;
use views::{
    about_view, article_view, ArchiveView, AreaPostsView, DemoFigure, FocusView, HomeView,
    NotFoundView, TagPostsView, TagsIndexView,
};

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

fn json<T: serde::Serialize>(value: &T) -> Result<Vec<u8>, ContentError> {
    serde_json::to_vec(value)
        .map_err(|e| ContentError::new(Path::new("<data>"), 0, format!("cannot serialize: {e}")))
}

/// Adds a route's prerendered page; `body` is the framed page
/// (`render_page`).
fn page(
    files: &mut BTreeMap<String, Vec<u8>>,
    site: &SiteConfig,
    shell: &Shell,
    route: &str,
    title: &str,
    description: &str,
    body: &str,
) {
    page_with_image(files, site, shell, route, title, description, body, None);
}

/// Adds a route's prerendered page, with its link-preview image.
#[allow(clippy::too_many_arguments)]
fn page_with_image(
    files: &mut BTreeMap<String, Vec<u8>>,
    site: &SiteConfig,
    shell: &Shell,
    route: &str,
    title: &str,
    description: &str,
    body: &str,
    image: Option<SocialImage>,
) {
    let meta = PageMeta {
        image,
        title: if title.is_empty() {
            site.title.clone()
        } else {
            format!("{title} · {}", site.title)
        },
        description: description.to_string(),
        canonical: site.absolute_url(route),
        og_type: if route.starts_with("posts/") {
            "article"
        } else {
            "website"
        },
    };
    files.insert(
        format!("{route}index.html"),
        shell.page(site, &meta, body).into_bytes(),
    );
}

/// A demo in a prerendered page: its static figure in its slot (the app
/// mounts the live demo into the same slot).
fn static_figure<D>(_index: usize, _spec: D, figure: String) -> AnyView {
    view! { <DemoFigure figure node_ref=NodeRef::new() /> }.into_any()
}

/// Every output file but copied images, by path relative to the site root.
fn render_files(
    site: &SiteConfig,
    shell: &Shell,
    posts: &[Post],
    about: Option<&About>,
    focus: Option<&page_data::FocusPage>,
    cache: &mut BuildCache,
) -> Result<BTreeMap<String, Vec<u8>>, ContentErrors> {
    let mut files = BTreeMap::new();
    let summaries: Vec<_> = posts.iter().map(|p| p.meta().clone()).collect();
    let index = PostIndex {
        description: site.description.clone(),
        posts: summaries.clone(),
    };
    files.insert(index_data_path(), json(&index)?);
    page(
        &mut files,
        site,
        shell,
        "",
        "",
        &site.description,
        &render_page(site, {
            let index = index.clone();
            move || view! { <HomeView index /> }
        }),
    );

    let mut diagram_rules = BTreeMap::new();
    for post in posts {
        let article = rebase_article(&post.article, site.base_path());
        files.insert(article_data_path(post.slug()), json(&article)?);
        let (image_path, png, image) = og_image::post_preview(site, post, cache)?;
        files.insert(image_path, png);
        page_with_image(
            &mut files,
            site,
            shell,
            &post_route(post.slug()),
            &post.meta().title,
            &post.meta().summary,
            &render_page(site, {
                let article = post.article.clone();
                move || article_view(article, static_figure)
            }),
            Some(image),
        );
        diagram_rules.extend(post.diagram_css.clone());
    }

    let tags = tag_pages(posts)?;
    let tag_list = tag_index(&tags);
    files.insert(tag_index_data_path(), json(&tag_list)?);
    page(
        &mut files,
        site,
        shell,
        &tags_route(),
        "Tags",
        &format!("Every tag on {}.", site.title),
        &render_page(site, {
            let index = tag_list.clone();
            move || view! { <TagsIndexView index /> }
        }),
    );
    for tag in tags.values() {
        files.insert(tag_data_path(&tag.slug), json(tag)?);
        page(
            &mut files,
            site,
            shell,
            &tag_route(&tag.slug),
            &format!("Tagged “{}”", tag.tag),
            &format!(
                "Posts tagged “{}” ({}).",
                tag.tag,
                count_label(tag.posts.len())
            ),
            &render_page(site, {
                let page = tag.clone();
                move || view! { <TagPostsView page /> }
            }),
        );
    }
    for area in area_pages(site, posts) {
        files.insert(area_data_path(&area.key), json(&area)?);
        page(
            &mut files,
            site,
            shell,
            &area_route(&area.key),
            &area.name,
            &format!(
                "Posts in {} ({}).",
                area.name,
                count_label(area.posts.len())
            ),
            &render_page(site, {
                let page = area.clone();
                move || view! { <AreaPostsView page /> }
            }),
        );
    }
    let archive = archive(posts);
    files.insert(archive_data_path(), json(&archive)?);
    page(
        &mut files,
        site,
        shell,
        &archive_route(),
        "Archive",
        &format!("Every post on {}, by year.", site.title),
        &render_page(site, {
            let archive = archive.clone();
            move || view! { <ArchiveView archive /> }
        }),
    );

    if let Some(about) = about {
        let about_page = page_data::AboutPage {
            blocks: rebase_blocks(&about.page.blocks, site.base_path()),
            ..about.page.clone()
        };
        files.insert(about_data_path(), json(&about_page)?);
        page(
            &mut files,
            site,
            shell,
            &about_route(),
            &about.page.title,
            &about.page.description,
            &render_page(site, {
                let page = about.page.clone();
                move || about_view(page, static_figure)
            }),
        );
        diagram_rules.extend(about.body.diagram_css.clone());
    }
    if let Some(focus) = focus {
        files.insert(focus_data_path(), json(focus)?);
        page(
            &mut files,
            site,
            shell,
            &focus_route(),
            &focus.title,
            &focus.intro,
            &render_page(site, {
                let page = focus.clone();
                move || view! { <FocusView page /> }
            }),
        );
    }

    files.insert(search_words_path(), json(&search_words(posts))?);
    page(
        &mut files,
        site,
        shell,
        "search/",
        "Search",
        &format!("Search every post on {}.", site.title),
        &render_page(site, || view! { <views::SearchWithoutScript /> }),
    );
    let highlight =
        highlight_css().map_err(|m| ContentError::new(Path::new(&highlight_css_path()), 0, m))?;
    files.insert(highlight_css_path(), highlight.into_bytes());
    files.insert(
        diagrams_css_path(),
        diagrams_css(&diagram_rules).into_bytes(),
    );

    let not_found = PageMeta {
        image: None,
        title: format!("Page not found · {}", site.title),
        description: site.description.clone(),
        canonical: site.base_url.clone(),
        og_type: "website",
    };
    files.insert(
        "404.html".to_string(),
        shell
            .page(
                site,
                &not_found,
                &render_page(site, || view! { <NotFoundView /> }),
            )
            .into_bytes(),
    );
    Ok(files)
}
