//! One post: `posts/<slug>.md` loaded, validated and rendered.

use std::path::{Path, PathBuf};

use page_data::{Article, Block, PostSummary};

use crate::error::ContentError;
use crate::front_matter::{parse_front_matter, split_post};
use crate::markdown::render_markdown;
use crate::site_config::SiteConfig;

/// A post ready to be written out.
#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    pub source: PathBuf,
    pub article: Article,
}

impl Post {
    pub fn slug(&self) -> &str {
        &self.article.meta.slug
    }

    pub fn meta(&self) -> &PostSummary {
        &self.article.meta
    }

    pub fn blocks(&self) -> &[Block] {
        &self.article.blocks
    }
}

/// The slug of `posts/<slug>.md`: lowercase ASCII letters, digits and
/// single hyphens, so it is the same URL on every host and file system.
pub fn slug_of(path: &Path) -> Result<String, ContentError> {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .ok_or_else(|| ContentError::new(path, 0, "file name is not valid UTF-8"))?;
    let valid = !stem.is_empty()
        && !stem.starts_with('-')
        && !stem.ends_with('-')
        && !stem.contains("--")
        && stem
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if valid {
        Ok(stem.to_string())
    } else {
        Err(ContentError::new(
            path,
            0,
            format!(
                "file name `{stem}` is not a valid slug: use lowercase letters, digits and single hyphens, e.g. `retry-budgets.md`"
            ),
        ))
    }
}

/// Loads and renders the post at `path`.
pub fn load_post(path: &Path, site: &SiteConfig) -> Result<Post, Vec<ContentError>> {
    let slug = slug_of(path).map_err(|e| vec![e])?;
    let bytes = std::fs::read(path)
        .map_err(|e| vec![ContentError::new(path, 0, format!("cannot read: {e}"))])?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let line = crate::source_text::line_of(
            &String::from_utf8_lossy(e.as_bytes()),
            e.utf8_error().valid_up_to(),
        );
        vec![ContentError::new(path, line, "the file is not valid UTF-8")]
    })?;
    let split = split_post(path, &text).map_err(|e| vec![e])?;
    let front = parse_front_matter(path, &split, site).map_err(|e| vec![e])?;
    let body = render_markdown(path, split.body, split.body_line)?;
    let summary = front.summary.or(body.first_paragraph).unwrap_or_default();
    let area_name = site
        .area(&front.area)
        .map(|a| a.name.clone())
        .unwrap_or_default();
    Ok(Post {
        source: path.to_path_buf(),
        article: Article {
            meta: PostSummary {
                slug,
                title: front.title,
                date: front.date,
                summary,
                tags: front.tags,
                area: front.area,
                area_name,
                kind: front.kind,
                draft: front.draft,
            },
            blocks: body.blocks,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            slug_of(Path::new("posts/retry-budgets.md")).unwrap(),
            "retry-budgets"
        );
        for bad in ["Retry.md", "a--b.md", "-a.md", "a_b.md", "café.md"] {
            assert!(slug_of(Path::new(bad)).is_err(), "{bad}");
        }
    }
}
