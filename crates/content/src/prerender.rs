//! Prerendered pages: every route as a real HTML file, readable before (and
//! without) the wasm, built on the app shell that trunk produced.

use page_data::{Block, PostSummary};

use crate::demo_placeholder::demo_placeholder;
use crate::escape::escape_html;
use crate::post::Post;
use crate::site_config::SiteConfig;

/// Marker in `index.html` replaced by the page's title and meta tags.
pub const HEAD_MARKER: &str = "<!-- prerender:head -->";
/// Marker in `index.html` replaced by the page's content.
pub const BODY_MARKER: &str = "<!-- prerender:body -->";

/// The app shell (trunk's `index.html`), with its two markers.
#[derive(Debug, Clone)]
pub struct Shell(String);

impl Shell {
    /// Checks that `html` has both markers exactly once.
    pub fn new(html: String) -> Result<Self, String> {
        for marker in [HEAD_MARKER, BODY_MARKER] {
            if html.matches(marker).count() != 1 {
                return Err(format!(
                    "the app shell must contain `{marker}` exactly once (was it already prerendered?)"
                ));
            }
        }
        Ok(Shell(html))
    }

    /// A whole page: the shell with `meta` in the head and `body` inside.
    pub fn page(&self, site: &SiteConfig, meta: &PageMeta, body: &str) -> String {
        let head = format!(
            "<title>{title}</title>\n    <meta name=\"description\" content=\"{description}\">\n    <link rel=\"canonical\" href=\"{canonical}\">\n    <meta name=\"site-title\" content=\"{site_title}\">\n    <meta name=\"author\" content=\"{author}\">",
            site_title = escape_html(&site.title),
            author = escape_html(&site.author),
            title = escape_html(&meta.title),
            description = escape_html(&meta.description),
            canonical = escape_html(&meta.canonical),
        );
        self.0
            .replace(HEAD_MARKER, &head)
            .replace(BODY_MARKER, body)
    }
}

/// What goes in a page's head.
pub struct PageMeta {
    pub title: String,
    pub description: String,
    pub canonical: String,
}

/// Header, main and footer around `main`: the same structure the app's
/// `Layout` component renders, so the swap to the live app does not jump.
pub fn layout(site: &SiteConfig, main: &str) -> String {
    format!(
        r#"<header class="site-header"><a class="site-title" href="/">{title}</a><nav aria-label="Site"><a href="/">Posts</a></nav></header>
<main id="main">{main}</main>
<footer class="site-footer"><p>{author}. No trackers, no cookies: plain files.</p></footer>"#,
        title = escape_html(&site.title),
        author = escape_html(&site.author),
    )
}

/// The date, area, kind and tags line of a post.
pub fn post_meta_line(meta: &PostSummary) -> String {
    let tags: String = meta
        .tags
        .iter()
        .map(|t| format!(r#"<li class="tag">{}</li>"#, escape_html(t)))
        .collect();
    format!(
        r#"<p class="post-meta"><time datetime="{date}">{date}</time> · <span class="area">{area}</span> · <span class="kind">{kind}</span></p><ul class="tags" aria-label="Tags">{tags}</ul>"#,
        date = escape_html(&meta.date),
        area = escape_html(&meta.area_name),
        kind = meta.kind.label(),
    )
}

/// The home page's main: every post, newest first.
pub fn home_main(site: &SiteConfig, posts: &[&Post]) -> String {
    let items: String = posts
        .iter()
        .map(|p| {
            let m = p.meta();
            format!(
                r#"<li class="post-item"><h2><a href="/{route}">{title}</a></h2>{meta}<p class="summary">{summary}</p></li>"#,
                route = page_data::post_route(&m.slug),
                title = escape_html(&m.title),
                meta = post_meta_line(m),
                summary = escape_html(&m.summary),
            )
        })
        .collect();
    format!(
        r#"<section class="home"><h1>{title}</h1><p class="lede">{description}</p><ol class="post-list">{items}</ol></section>"#,
        title = escape_html(&site.title),
        description = escape_html(&site.description),
    )
}

/// A post page's main: the article with each demo as a static picture of
/// its default run.
pub fn post_main(post: &Post) -> String {
    let meta = post.meta();
    let mut body = String::new();
    let mut demo_index = 0;
    for block in post.blocks() {
        match block {
            Block::Html { html } => body.push_str(html),
            Block::Demo { demo } => {
                demo_index += 1;
                body.push_str(&demo_placeholder(demo, demo_index));
            }
        }
    }
    format!(
        r#"<article class="post"><header><h1>{title}</h1>{meta}</header><div class="post-body">{body}</div></article>"#,
        title = escape_html(&meta.title),
        meta = post_meta_line(meta),
    )
}

/// The not-found page's main.
pub fn not_found_main() -> String {
    r#"<section class="not-found"><h1>Page not found</h1><p>There is no page at this address. <a href="/">See all posts</a>.</p></section>"#.to_string()
}
