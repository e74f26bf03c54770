//! The Atom feed (`feed.xml`): every published post with its full content,
//! written by `atom_syndication`. Links in the content are absolute, and
//! `xml:base` is the post's address so heading anchors resolve too. A demo
//! cannot run in a feed reader: its place holds a link to the live one.

use atom_syndication::{
    Category, Content, Entry, Feed, FixedDateTime, Generator, Link, Person, Text,
};
use page_data::{post_route, Block, PostSummary};

use crate::escape::escape_html;
use crate::load::post::Post;
use crate::load::site_config::SiteConfig;
use crate::render::rebase::rebase_urls;

/// Midnight UTC of a checked `YYYY-MM-DD` front-matter date.
fn day(date: &str) -> Result<FixedDateTime, String> {
    FixedDateTime::parse_from_rfc3339(&format!("{date}T00:00:00Z"))
        .map_err(|e| format!("date `{date}` is not a calendar date: {e}"))
}

/// When a post last changed: `updated`, else `date`.
fn last_change(meta: &PostSummary) -> &str {
    meta.updated.as_deref().unwrap_or(&meta.date)
}

/// The post's body for a feed reader.
fn entry_html(site: &SiteConfig, post: &Post, url: &str) -> String {
    let mut html = String::new();
    let mut demo = 0;
    for block in &post.article.blocks {
        match block {
            Block::Html { html: part } => html.push_str(part),
            Block::Demo { .. } => {
                demo += 1;
                html.push_str(&format!(
                    r#"<p><em>This post has a live simulation here: <a href="{url}#demo-{demo}">run it on the site</a>.</em></p>"#,
                    url = escape_html(url)
                ));
            }
        }
    }
    rebase_urls(&html, &site.base_url)
}

fn entry(site: &SiteConfig, post: &Post) -> Result<Entry, String> {
    let meta = post.meta();
    let url = site.absolute_url(&post_route(post.slug()));
    Ok(Entry {
        title: Text::plain(meta.title.clone()),
        id: url.clone(),
        updated: day(last_change(meta))?,
        published: Some(day(&meta.date)?),
        links: vec![Link {
            href: url.clone(),
            rel: "alternate".into(),
            mime_type: Some("text/html".into()),
            ..Link::default()
        }],
        summary: Some(Text::plain(meta.summary.clone())),
        categories: meta
            .tags
            .iter()
            .map(|t| Category {
                term: t.clone(),
                ..Category::default()
            })
            .collect(),
        content: Some(Content {
            base: Some(url.clone()),
            value: Some(entry_html(site, post, &url)),
            content_type: Some("html".into()),
            ..Content::default()
        }),
        ..Entry::default()
    })
}

/// The feed of `posts` (newest first), as XML.
pub fn atom_feed(site: &SiteConfig, posts: &[Post]) -> Result<String, String> {
    let updated = match posts.iter().map(|p| last_change(p.meta())).max() {
        Some(latest) => day(latest)?,
        None => day("2000-01-01")?,
    };
    let feed = Feed {
        title: Text::plain(site.title.clone()),
        subtitle: Some(Text::plain(site.description.clone())),
        id: site.base_url.clone(),
        updated,
        authors: vec![Person {
            // Atom requires a feed author: the site's name stands in
            // when site.toml names no author.
            name: site.author.clone().unwrap_or_else(|| site.title.clone()),
            uri: Some(site.base_url.clone()),
            ..Person::default()
        }],
        links: vec![
            Link {
                href: site.absolute_url(&page_data::feed_path()),
                rel: "self".into(),
                mime_type: Some("application/atom+xml".into()),
                ..Link::default()
            },
            Link {
                href: site.base_url.clone(),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Link::default()
            },
        ],
        generator: Some(Generator {
            value: "build-content".into(),
            ..Generator::default()
        }),
        lang: Some("en".into()),
        entries: posts
            .iter()
            .map(|p| entry(site, p))
            .collect::<Result<_, _>>()?,
        ..Feed::default()
    };
    Ok(feed.to_string())
}
