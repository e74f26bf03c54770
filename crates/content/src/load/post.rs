//! One post: `posts/<slug>.md` or `posts/<slug>/index.md` (with its images
//! beside it), loaded, validated and rendered.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use page_data::{Article, Block, PostSummary};

use crate::error::ContentError;
use crate::load::front_matter::{parse_front_matter, split_post, FieldLines};
use crate::load::site_config::SiteConfig;
use crate::markdown::headings::Heading;
use crate::markdown::images::{Asset, ImageContext};
use crate::markdown::reading_time::reading_minutes;
use crate::markdown::toc::table_of_contents;
use crate::markdown::{render_markdown_in, LinkRef, MarkdownContext};

/// A post ready to be written out.
#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    pub source: PathBuf,
    pub article: Article,
    /// For a correction: the slug of the post it corrects.
    pub corrects: Option<String>,
    pub lines: FieldLines,
    pub headings: Vec<Heading>,
    pub links: Vec<LinkRef>,
    pub assets: Vec<Asset>,
    pub diagram_css: BTreeMap<String, String>,
    pub code_line_counts: BTreeSet<usize>,
    /// Title, headings, prose and code as text, for the search index.
    pub plain_text: String,
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

/// The slug of `posts/<slug>.md` or `posts/<slug>/index.md`: lowercase
/// ASCII letters, digits and single hyphens, so it is the same URL on every
/// host and file system.
pub fn slug_of(path: &Path) -> Result<String, ContentError> {
    let is_folder_post = path.file_name().is_some_and(|n| n == "index.md");
    let name = if is_folder_post {
        path.parent().and_then(|p| p.file_name())
    } else {
        path.file_stem()
    };
    let stem = name
        .and_then(|s| s.to_str())
        .ok_or_else(|| ContentError::new(path, 1, "file name is not valid UTF-8"))?;
    if is_slug(stem) {
        return Ok(stem.to_string());
    }
    // Only lowercase ASCII, so two names that differ by case or by Unicode
    // normalisation (`é` as one character or two) can never be two posts
    // at one address on a case-insensitive or normalising file system.
    let why = if is_slug(&stem.to_ascii_lowercase()) {
        format!(
            "capital letters would make its address clash with `{}` on hosts that ignore case; rename it `{}`",
            stem.to_ascii_lowercase(),
            stem.to_ascii_lowercase()
        )
    } else if !stem.is_ascii() {
        "letters outside ASCII (accents, other scripts) can be written in more than one way (Unicode normalisation) and would give one post several addresses; spell it in ASCII".to_string()
    } else {
        "use lowercase letters, digits and single hyphens".to_string()
    };
    Err(ContentError::new(
        path,
        1,
        format!(
            "`{stem}` is not a valid slug: {why}, e.g. `retry-budgets.md` or `retry-budgets/index.md`"
        ),
    ))
}

/// Lowercase ASCII letters, digits and single hyphens inside.
fn is_slug(stem: &str) -> bool {
    !stem.is_empty()
        && !stem.starts_with('-')
        && !stem.ends_with('-')
        && !stem.contains("--")
        && stem
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Loads and renders the post at `path`; `public_dir` holds the site's
/// static files (for `/...` images).
pub fn load_post(
    path: &Path,
    site: &SiteConfig,
    public_dir: &Path,
) -> Result<Post, Vec<ContentError>> {
    post_from_bytes(path, read_post_file(path)?, site, public_dir)
}

/// A post file's bytes, or the error at its first line.
pub(crate) fn read_post_file(path: &Path) -> Result<Vec<u8>, Vec<ContentError>> {
    std::fs::read(path).map_err(|e| vec![ContentError::new(path, 1, format!("cannot read: {e}"))])
}

/// Validates and renders the post file `path` whose contents are `bytes`
/// (any bytes: every problem is an error at its line, never a panic).
pub fn post_from_bytes(
    path: &Path,
    bytes: Vec<u8>,
    site: &SiteConfig,
    public_dir: &Path,
) -> Result<Post, Vec<ContentError>> {
    let slug = slug_of(path).map_err(|e| vec![e])?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let line_start = bytes[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        // Only the valid prefix is decoded: a line count over it is exact.
        let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
        let line = crate::load::source_text::line_of(valid, at);
        let column = valid[line_start..].chars().count() + 1;
        vec![ContentError::new(
            path,
            line,
            format!(
                "the file is not valid UTF-8 (byte 0x{:02X} at column {column}): save it as UTF-8",
                bytes[at]
            ),
        )]
    })?;
    let split = split_post(path, &text).map_err(|e| vec![e])?;
    let front = parse_front_matter(path, &split, site).map_err(|e| vec![e])?;
    let ctx = MarkdownContext {
        path: path.to_path_buf(),
        body_line: split.body_line,
        images: ImageContext {
            source_dir: path.parent().unwrap_or(Path::new(".")).to_path_buf(),
            route: page_data::post_route(&slug),
            public_dir: public_dir.to_path_buf(),
        },
        page_key: slug.clone(),
    };
    let body = render_markdown_in(&ctx, split.body)?;
    let summary = front.summary.or(body.first_paragraph).unwrap_or_default();
    let area_name = site
        .area(&front.area)
        .map(|a| a.name.clone())
        .unwrap_or_default();
    let plain_text = format!("{}\n{}", front.title, body.plain_text);
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
                updated: front.updated,
                reading_minutes: reading_minutes(body.words),
            },
            blocks: body.blocks,
            toc: table_of_contents(&body.headings),
            corrected_by: Vec::new(),
            corrects: None,
            previous: None,
            next: None,
            related: Vec::new(),
        },
        corrects: front.corrects,
        lines: front.lines,
        headings: body.headings,
        links: body.links,
        assets: body.assets,
        diagram_css: body.diagram_css,
        code_line_counts: body.code_line_counts,
        plain_text,
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
        assert_eq!(
            slug_of(Path::new("posts/retry-budgets/index.md")).unwrap(),
            "retry-budgets"
        );
        for bad in [
            "Retry.md",
            "a--b.md",
            "-a.md",
            "a_b.md",
            "café.md",
            "posts/A/index.md",
        ] {
            assert!(slug_of(Path::new(bad)).is_err(), "{bad}");
        }
    }
}
