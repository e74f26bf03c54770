//! The prerendered mains of the list pages (tags, a tag, an area, the
//! archive) and of the site's own pages (About, Current Focus).

use page_data::{
    post_route, tag_route, AboutPage, Archive, AreaPage, FocusPage, PostSummary, TagIndex, TagPage,
};

use crate::escape::escape_html;
use crate::prerender::{blocks_html, post_meta_line};

/// `<ol class="post-list">` of posts with their meta line and summary.
pub fn post_list_html(posts: &[PostSummary]) -> String {
    let items: String = posts
        .iter()
        .map(|m| {
            format!(
                r#"<li class="post-item"><h2><a href="/{route}">{title}</a></h2>{meta}<p class="summary">{summary}</p></li>"#,
                route = post_route(&m.slug),
                title = escape_html(&m.title),
                meta = post_meta_line(m),
                summary = escape_html(&m.summary),
            )
        })
        .collect();
    format!(r#"<ol class="post-list">{items}</ol>"#)
}

pub use page_data::format::count_label;

/// `/tags/`.
pub fn tags_main(index: &TagIndex) -> String {
    let items: String = index
        .tags
        .iter()
        .map(|t| {
            format!(
                r#"<li><a href="/{route}">{tag}</a> <span class="count">{count}</span></li>"#,
                route = tag_route(&t.slug),
                tag = escape_html(&t.tag),
                count = count_label(t.count),
            )
        })
        .collect();
    format!(
        r#"<section class="tags-index"><h1>Tags</h1><ul class="tag-list">{items}</ul></section>"#
    )
}

/// `/tags/<slug>/`.
pub fn tag_main(page: &TagPage) -> String {
    format!(
        r#"<section class="tag-page"><h1>Posts tagged “{tag}”</h1><p class="lede">{count}. <a href="/tags/">All tags</a>.</p>{list}</section>"#,
        tag = escape_html(&page.tag),
        count = count_label(page.posts.len()),
        list = post_list_html(&page.posts),
    )
}

/// `/areas/<key>/`.
pub fn area_main(page: &AreaPage) -> String {
    let list = if page.posts.is_empty() {
        r#"<p class="empty">Nothing here yet.</p>"#.to_string()
    } else {
        post_list_html(&page.posts)
    };
    format!(
        r#"<section class="area-page"><h1>{name}</h1><p class="lede">{count} in this area.</p>{list}</section>"#,
        name = escape_html(&page.name),
        count = count_label(page.posts.len()),
    )
}

/// `/archive/`.
pub fn archive_main(archive: &Archive) -> String {
    let years: String = archive
        .years
        .iter()
        .map(|y| {
            let items: String = y
                .posts
                .iter()
                .map(|m| {
                    format!(
                        r#"<li><time datetime="{date}">{date}</time> <a href="/{route}">{title}</a></li>"#,
                        date = escape_html(&m.date),
                        route = post_route(&m.slug),
                        title = escape_html(&m.title),
                    )
                })
                .collect();
            format!(
                r#"<section class="archive-year" aria-labelledby="year-{year}"><h2 id="year-{year}">{year}</h2><ol>{items}</ol></section>"#,
                year = escape_html(&y.year),
            )
        })
        .collect();
    format!(r#"<section class="archive"><h1>Archive</h1>{years}</section>"#)
}

/// `/about/`.
pub fn about_main(page: &AboutPage) -> String {
    format!(
        r#"<article class="page about"><h1>{title}</h1><div class="post-body">{body}</div></article>"#,
        title = escape_html(&page.title),
        body = blocks_html(&page.blocks),
    )
}

/// `/focus/`.
pub fn focus_main(page: &FocusPage) -> String {
    let areas: String = page
        .areas
        .iter()
        .map(|a| {
            let points: String = a
                .points
                .iter()
                .map(|p| format!("<li>{}</li>", escape_html(p)))
                .collect();
            let posts: String = if a.posts.is_empty() {
                String::new()
            } else {
                let links: String = a
                    .posts
                    .iter()
                    .map(|p| {
                        format!(
                            r#"<li><a href="/{}">{}</a></li>"#,
                            escape_html(&post_route(&p.slug)),
                            escape_html(&p.title)
                        )
                    })
                    .collect();
                format!(r#"<p class="focus-posts-label">Posts from here:</p><ul class="focus-posts">{links}</ul>"#)
            };
            format!(
                r#"<section class="focus-area" id="{key}" aria-labelledby="{key}-title"><h2 id="{key}-title">{name} <span class="focus-status status-{status_key}">{status}</span></h2><p>{summary}</p><ul class="focus-points">{points}</ul>{posts}</section>"#,
                key = escape_html(&a.key),
                name = escape_html(&a.name),
                status_key = a.status.key(),
                status = a.status.label(),
                summary = escape_html(&a.summary),
            )
        })
        .collect();
    let updated = page.updated.as_ref().map_or(String::new(), |u| {
        format!(
            r#"<p class="updated">Last revised <time datetime="{u}">{u}</time>.</p>"#,
            u = escape_html(u)
        )
    });
    format!(
        r#"<article class="page focus"><h1>{title}</h1><p class="lede">{intro}</p>{updated}{areas}</article>"#,
        title = escape_html(&page.title),
        intro = escape_html(&page.intro),
    )
}
