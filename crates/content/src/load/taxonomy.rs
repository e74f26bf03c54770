//! How posts group and point at each other: tags, areas, the archive by
//! year, previous/next and related posts.

use std::collections::BTreeMap;

use page_data::{
    tag_slug, Archive, ArchiveYear, AreaPage, PostLink, PostSummary, TagCount, TagIndex, TagPage,
};

use crate::error::ContentError;
use crate::load::post::Post;
use crate::load::site_config::SiteConfig;

/// How many related posts a post lists.
pub const RELATED_MAX: usize = 3;

/// A link to `post`.
pub fn post_link(post: &PostSummary) -> PostLink {
    PostLink {
        slug: post.slug.clone(),
        title: post.title.clone(),
        date: post.date.clone(),
    }
}

/// One page per tag (posts newest first, as given), by tag slug. Two
/// spellings of one slug ("Retries", "retries") fail at the later post.
pub fn tag_pages(posts: &[Post]) -> Result<BTreeMap<String, TagPage>, ContentError> {
    let mut pages: BTreeMap<String, TagPage> = BTreeMap::new();
    for post in posts {
        for tag in &post.meta().tags {
            let slug = tag_slug(tag);
            let page = pages.entry(slug.clone()).or_insert_with(|| TagPage {
                tag: tag.clone(),
                slug,
                posts: Vec::new(),
            });
            if &page.tag != tag {
                return Err(ContentError::new(
                    &post.source,
                    post.lines.tags,
                    format!(
                        "tag `{tag}` has the same URL as tag `{}` of another post: spell it the same way",
                        page.tag
                    ),
                ));
            }
            page.posts.push(post.meta().clone());
        }
    }
    Ok(pages)
}

/// Every tag with its count, by name.
pub fn tag_index(pages: &BTreeMap<String, TagPage>) -> TagIndex {
    TagIndex {
        tags: pages
            .values()
            .map(|p| TagCount {
                tag: p.tag.clone(),
                slug: p.slug.clone(),
                count: p.posts.len(),
            })
            .collect(),
    }
}

/// One page per area of the site, in site order, even an empty one.
pub fn area_pages(site: &SiteConfig, posts: &[Post]) -> Vec<AreaPage> {
    site.areas
        .iter()
        .map(|area| AreaPage {
            key: area.key.clone(),
            name: area.name.clone(),
            posts: posts
                .iter()
                .filter(|p| p.meta().area == area.key)
                .map(|p| p.meta().clone())
                .collect(),
        })
        .collect()
}

/// Posts by year, newest year first (posts are given newest first).
pub fn archive(posts: &[Post]) -> Archive {
    let mut years: Vec<ArchiveYear> = Vec::new();
    for post in posts {
        let year = post.meta().date.get(..4).unwrap_or_default().to_string();
        match years.last_mut() {
            Some(last) if last.year == year => last.posts.push(post.meta().clone()),
            _ => years.push(ArchiveYear {
                year,
                posts: vec![post.meta().clone()],
            }),
        }
    }
    Archive { years }
}

/// Fills each post's previous (older), next (newer) and related posts;
/// `posts` is newest first.
pub fn link_neighbours(posts: &mut [Post]) {
    let metas: Vec<PostSummary> = posts.iter().map(|p| p.meta().clone()).collect();
    for (i, post) in posts.iter_mut().enumerate() {
        post.article.next = i.checked_sub(1).map(|j| post_link(&metas[j]));
        post.article.previous = metas.get(i + 1).map(post_link);
        post.article.related = related(&metas[i], &metas);
    }
}

/// Up to `RELATED_MAX` posts sharing the most tags with `post`, then the
/// newest (`all` is newest first).
fn related(post: &PostSummary, all: &[PostSummary]) -> Vec<PostLink> {
    let mut scored: Vec<(usize, usize)> = all
        .iter()
        .enumerate()
        .filter(|(_, other)| other.slug != post.slug)
        .map(|(i, other)| {
            let shared = other.tags.iter().filter(|t| post.tags.contains(t)).count();
            (shared, i)
        })
        .filter(|(shared, _)| *shared > 0)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .take(RELATED_MAX)
        .map(|(_, i)| post_link(&all[i]))
        .collect()
}
