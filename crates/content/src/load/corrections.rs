//! Corrections: a post of kind `correction` names the post it corrects
//! (`corrects = "<slug>"`); that post then carries a banner pointing at
//! the correction.

use std::collections::BTreeMap;

use crate::error::ContentError;
use crate::load::post::Post;
use crate::load::taxonomy::post_link;

/// Checks every `corrects` against the published posts and fills both
/// sides: `corrects` on the correction, `corrected_by` (oldest first) on
/// the corrected post.
pub fn link_corrections(posts: &mut [Post]) -> Result<(), Vec<ContentError>> {
    let by_slug: BTreeMap<String, usize> = posts
        .iter()
        .enumerate()
        .map(|(i, p)| (p.slug().to_string(), i))
        .collect();
    let mut errors = Vec::new();
    let mut pairs = Vec::new();
    for (i, post) in posts.iter().enumerate() {
        let Some(target) = &post.corrects else {
            continue;
        };
        match by_slug.get(target) {
            None => errors.push(ContentError::new(
                &post.source,
                post.lines.corrects,
                format!("`corrects = \"{target}\"` names no published post (is it a draft, or misspelled?)"),
            )),
            Some(&j) if j == i => errors.push(ContentError::new(
                &post.source,
                post.lines.corrects,
                "a correction cannot correct itself",
            )),
            Some(&j) => pairs.push((i, j)),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Posts are newest first: walk backwards so banners list oldest first.
    for &(i, j) in pairs.iter().rev() {
        let correction = post_link(posts[i].meta());
        let corrected = post_link(posts[j].meta());
        posts[i].article.corrects = Some(corrected);
        posts[j].article.corrected_by.push(correction);
    }
    Ok(())
}
