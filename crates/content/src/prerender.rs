//! Prerendered pages: every route as a real HTML file, readable before (and
//! without) the wasm, built on the app shell that trunk produced.

use page_data::{
    area_route, post_route, tag_route, tag_slug, Article, Block, PostLink, PostSummary,
};

use crate::csp;
use crate::escape::escape_html;
use crate::post::Post;
use crate::rebase::rebase_urls;
use crate::site_config::SiteConfig;
use crate::toc::toc_html;

/// Marker in `index.html` replaced by the page's title and meta tags.
pub const HEAD_MARKER: &str = "<!-- prerender:head -->";
/// Marker in `index.html` replaced by the page's content.
pub const BODY_MARKER: &str = "<!-- prerender:body -->";
/// Marker at the end of `index.html`'s body replaced by the style sheets
/// only some content needs (code highlighting, diagrams): linked there,
/// they do not hold up the first paint of the text above them.
pub const LATE_STYLES_MARKER: &str = "<!-- prerender:late-styles -->";

/// The app shell (trunk's `index.html`), with its two markers, and the
/// Content-Security-Policy its inline scripts need.
#[derive(Debug, Clone)]
pub struct Shell {
    html: String,
    policy: String,
}

impl Shell {
    /// Checks that `html` has both markers exactly once, and the head
    /// marker before any script (the policy must precede what it governs).
    pub fn new(html: String) -> Result<Self, String> {
        for marker in [HEAD_MARKER, BODY_MARKER, LATE_STYLES_MARKER] {
            if html.matches(marker).count() != 1 {
                return Err(format!(
                    "the app shell must contain `{marker}` exactly once (was it already prerendered?)"
                ));
            }
        }
        let head_at = html.find(HEAD_MARKER).unwrap_or(0);
        if html.find("<script").is_some_and(|s| s < head_at) {
            return Err(format!(
                "`{HEAD_MARKER}` must come before the first <script> in index.html: the Content-Security-Policy it becomes must precede the scripts"
            ));
        }
        let policy = csp::policy(
            &csp::inline_script_hashes(&html),
            &csp::inline_style_hashes(&html),
        );
        Ok(Shell { html, policy })
    }

    /// The Content-Security-Policy of every page.
    pub fn policy(&self) -> &str {
        &self.policy
    }

    /// The site-relative paths of the files the shell links (trunk's CSS,
    /// JS, wasm, icon), given the base path they were written under.
    pub fn asset_paths(&self, base_path: &str) -> Vec<String> {
        let mut paths = Vec::new();
        for attr in ["href=\"", "src=\"", "module_or_path: '", "from '"] {
            for (i, _) in self.html.match_indices(attr) {
                let value = &self.html[i + attr.len()..];
                let end = value.find(['"', '\'']).unwrap_or(0);
                if let Some(rel) = value[..end].strip_prefix(base_path) {
                    if !rel.is_empty() && !paths.iter().any(|p| p == rel) {
                        paths.push(rel.to_string());
                    }
                }
            }
        }
        paths
    }

    /// A whole page: the shell with `meta` in the head and `body` inside,
    /// every root-relative link under the site's base path.
    pub fn page(&self, site: &SiteConfig, meta: &PageMeta, body: &str) -> String {
        let head = format!(
            "{csp}\n    <title>{title}</title>\n    <meta name=\"description\" content=\"{description}\">\n    <link rel=\"canonical\" href=\"{canonical}\">\n    <meta name=\"site-title\" content=\"{site_title}\">\n    <meta name=\"site-base\" content=\"{base}\">\n{author}{social}    <link rel=\"alternate\" type=\"application/atom+xml\" title=\"{site_title}\" href=\"/{feed}\">",
            csp = csp::meta_tag(&self.policy),
            feed = page_data::feed_path(),
            base = escape_html(site.base_path()),
            site_title = escape_html(&site.title),
            author = site.author.as_ref().map_or(String::new(), |a| format!(
                "    <meta name=\"author\" content=\"{}\">\n",
                escape_html(a)
            )),
            title = escape_html(&meta.title),
            description = escape_html(&meta.description),
            canonical = escape_html(&meta.canonical),
            social = social_tags(site, meta),
        );
        let late_styles = format!(
            "<link rel=\"stylesheet\" href=\"/{highlight}\"><link rel=\"stylesheet\" href=\"/{diagrams}\">",
            highlight = page_data::highlight_css_path(),
            diagrams = page_data::diagrams_css_path(),
        );
        let base = site.base_path();
        self.html
            .replace(HEAD_MARKER, &rebase_urls(&head, base))
            .replace(BODY_MARKER, &rebase_urls(body, base))
            .replace(LATE_STYLES_MARKER, &rebase_urls(&late_styles, base))
    }
}

/// OpenGraph and Twitter card tags: how a shared link previews.
fn social_tags(site: &SiteConfig, meta: &PageMeta) -> String {
    let mut tags = vec![
        ("property", "og:type", meta.og_type.to_string()),
        ("property", "og:site_name", site.title.clone()),
        ("property", "og:title", meta.title.clone()),
        ("property", "og:description", meta.description.clone()),
        ("property", "og:url", meta.canonical.clone()),
    ];
    let card = match &meta.image {
        Some(image) => {
            tags.extend([
                ("property", "og:image", image.url.clone()),
                ("property", "og:image:type", "image/png".to_string()),
                ("property", "og:image:width", image.width.to_string()),
                ("property", "og:image:height", image.height.to_string()),
                ("property", "og:image:alt", image.alt.clone()),
                ("name", "twitter:image", image.url.clone()),
                ("name", "twitter:image:alt", image.alt.clone()),
            ]);
            "summary_large_image"
        }
        None => "summary",
    };
    tags.extend([
        ("name", "twitter:card", card.to_string()),
        ("name", "twitter:title", meta.title.clone()),
        ("name", "twitter:description", meta.description.clone()),
    ]);
    tags.iter()
        .map(|(attr, name, content)| {
            format!(
                "    <meta {attr}=\"{name}\" content=\"{}\">\n",
                escape_html(content)
            )
        })
        .collect()
}

/// A page's link-preview picture (OpenGraph), at an absolute URL.
pub struct SocialImage {
    pub url: String,
    pub alt: String,
    pub width: u32,
    pub height: u32,
}

/// What goes in a page's head.
pub struct PageMeta {
    pub image: Option<SocialImage>,
    pub title: String,
    pub description: String,
    pub canonical: String,
    /// `website`, or `article` for a post.
    pub og_type: &'static str,
}

/// Header, main and footer around `main`: the same structure the app's
/// `Layout` component renders, so the swap to the live app does not jump.
pub fn layout(site: &SiteConfig, main: &str) -> String {
    format!(
        r##"<a class="skip-link" href="#main">Skip to content</a><header class="site-header"><a class="site-title" href="/">{title}</a><nav aria-label="Site"><a href="/">Posts</a><a href="/archive/">Archive</a><a href="/tags/">Tags</a><a href="/focus/">Focus</a><a href="/about/">About</a><a href="/search/">Search</a></nav><button type="button" class="theme-toggle" data-theme-toggle aria-pressed="false">Dark theme</button></header>
<main id="main">{main}</main>
<footer class="site-footer"><p><a href="/">{title}</a>{author} · <a href="/{feed}">Atom feed</a> · {note}</p></footer>"##,
        title = escape_html(&site.title),
        author = site
            .author
            .as_ref()
            .map_or(String::new(), |a| format!(", by {}", escape_html(a))),
        feed = page_data::feed_path(),
        note = page_data::FOOTER_NOTE,
    )
}

/// The date (and updated date), area, kind, reading time and tags of a
/// post, tags and area linking to their pages.
pub fn post_meta_line(meta: &PostSummary) -> String {
    let tags: String = meta
        .tags
        .iter()
        .map(|t| {
            format!(
                r#"<li class="tag"><a href="/{route}">{tag}</a></li>"#,
                route = tag_route(&tag_slug(t)),
                tag = escape_html(t)
            )
        })
        .collect();
    let updated = meta.updated.as_ref().map_or(String::new(), |u| {
        format!(
            r#" · <span class="updated">updated <time datetime="{u}">{u}</time></span>"#,
            u = escape_html(u)
        )
    });
    let reading = if meta.reading_minutes > 0 {
        format!(
            r#" · <span class="reading-time">{} min read</span>"#,
            meta.reading_minutes
        )
    } else {
        String::new()
    };
    format!(
        r#"<p class="post-meta" data-pagefind-ignore><time datetime="{date}" data-pagefind-meta="date">{date}</time>{updated} · <a class="area" href="/{area_route}" data-pagefind-meta="area">{area}</a> · <span class="kind">{kind}</span>{reading}</p><ul class="tags" aria-label="Tags" data-pagefind-ignore>{tags}</ul>"#,
        date = escape_html(&meta.date),
        area_route = area_route(&meta.area),
        area = escape_html(&meta.area_name),
        kind = meta.kind.label(),
    )
}

/// `<a href="/posts/slug/">title</a>`.
pub fn post_anchor(link: &PostLink) -> String {
    format!(
        r#"<a href="/{route}">{title}</a>"#,
        route = post_route(&link.slug),
        title = escape_html(&link.title)
    )
}

/// The banners at the top of a corrected post, and the note at the top of
/// a correction.
pub fn correction_notes(article: &Article) -> String {
    let mut html: String = article
        .corrected_by
        .iter()
        .map(|c| {
            format!(
                r#"<aside class="correction-banner" role="note"><p>Corrected on <time datetime="{date}">{date}</time>: see {link}.</p></aside>"#,
                date = escape_html(&c.date),
                link = post_anchor(c),
            )
        })
        .collect();
    if let Some(target) = &article.corrects {
        html.push_str(&format!(
            r#"<aside class="corrects-note" role="note"><p>This corrects {link} (<time datetime="{date}">{date}</time>).</p></aside>"#,
            link = post_anchor(target),
            date = escape_html(&target.date),
        ));
    }
    html
}

/// Previous/next and related posts, after the article.
pub fn post_footer(article: &Article) -> String {
    let mut nav = String::new();
    if let Some(prev) = &article.previous {
        nav.push_str(&format!(
            r#"<a class="previous" rel="prev" href="/{}"><span class="label"><span aria-hidden="true">← </span>Previous</span> <span class="title">{}</span></a>"#,
            post_route(&prev.slug),
            escape_html(&prev.title)
        ));
    }
    if let Some(next) = &article.next {
        nav.push_str(&format!(
            r#"<a class="next" rel="next" href="/{}"><span class="label">Next<span aria-hidden="true"> →</span></span> <span class="title">{}</span></a>"#,
            post_route(&next.slug),
            escape_html(&next.title)
        ));
    }
    let mut html = String::new();
    if !article.related.is_empty() {
        let items: String = article
            .related
            .iter()
            .map(|r| format!("<li>{}</li>", post_anchor(r)))
            .collect();
        html.push_str(&format!(
            r#"<section class="related" aria-labelledby="related-title"><h2 id="related-title">Related posts</h2><ul>{items}</ul></section>"#
        ));
    }
    if !nav.is_empty() {
        html.push_str(&format!(
            r#"<nav class="post-nav" aria-label="Previous and next posts">{nav}</nav>"#
        ));
    }
    html
}

/// The home page's main: every post, newest first.
pub fn home_main(site: &SiteConfig, posts: &[PostSummary]) -> String {
    format!(
        r#"<section class="home"><h1>{title}</h1><p class="lede">{description}</p>{list}</section>"#,
        title = escape_html(&site.title),
        description = escape_html(&site.description),
        list = crate::pages::post_list_html(posts),
    )
}

/// The blocks of a page as HTML, each demo as a static picture of its
/// default run in the slot the live demo mounts into (the same markup the
/// app's `DemoSlot` renders).
pub fn blocks_html(blocks: &[Block]) -> String {
    let mut body = String::new();
    for block in blocks {
        match block {
            Block::Html { html } => body.push_str(html),
            Block::Demo { figure, .. } => {
                body.push_str(r#"<div class="demo-slot" data-pagefind-ignore>"#);
                body.push_str(figure);
                body.push_str("</div>");
            }
        }
    }
    body
}

/// A post page's main: correction notes, title and meta, table of
/// contents, the article, then related and previous/next posts.
pub fn post_main(post: &Post) -> String {
    let article = &post.article;
    format!(
        r#"<article class="post" data-pagefind-body>{notes}<header><h1>{title}</h1>{meta}</header>{toc}<div class="post-body">{body}</div></article>{footer}"#,
        notes = correction_notes(article),
        title = escape_html(&article.meta.title),
        meta = post_meta_line(&article.meta),
        toc = toc_html(&article.toc),
        body = blocks_html(&article.blocks),
        footer = post_footer(article),
    )
}

/// The search page's main: the form; results need the app (the index is
/// searched in the browser).
pub fn search_main() -> String {
    r#"<section class="search"><h1>Search</h1><form role="search" action="/search/" method="get"><label for="search-q">Search the posts</label><input id="search-q" type="search" name="q" autocomplete="off"></form><p class="search-status">Search runs in your browser and needs JavaScript; the <a href="/archive/">archive</a> lists every post.</p></section>"#.to_string()
}

/// The not-found page's main.
pub fn not_found_main() -> String {
    r#"<section class="not-found"><h1>Page not found</h1><p>There is no page at this address. <a href="/">See all posts</a>.</p></section>"#.to_string()
}
