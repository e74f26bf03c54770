//! Front matter: TOML between `+++` lines at the top of a post.

use std::path::Path;

use page_data::PostKind;
use serde::Deserialize;
use toml::Spanned;
use unicode_normalization::UnicodeNormalization;

use crate::error::ContentError;
use crate::load::site_config::SiteConfig;
use crate::load::source_text::line_of;

/// A post file cut into its front matter and its Markdown body.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitPost<'a> {
    pub front: &'a str,
    /// Line of the file where `front` starts.
    pub front_line: usize,
    pub body: &'a str,
    /// Line of the file where `body` starts.
    pub body_line: usize,
}

/// Cuts `text` at its `+++` fences.
pub fn split_post<'a>(path: &Path, text: &'a str) -> Result<SplitPost<'a>, ContentError> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "+++" {
        let hint = if first.trim_end() == "---" {
            " (front matter between `---` lines is YAML, which posts do not use)"
        } else {
            ""
        };
        return Err(ContentError::new(
            path,
            1,
            format!(
                "a post must start with a `+++` line, then TOML front matter, then `+++`{hint}"
            ),
        ));
    }
    let front_start = first.len();
    let mut offset = front_start;
    for (line, l) in (2..).zip(lines) {
        if l.trim_end() == "+++" {
            return Ok(SplitPost {
                front: &text[front_start..offset],
                front_line: 2,
                body: &text[offset + l.len()..],
                body_line: line + 1,
            });
        }
        offset += l.len();
    }
    Err(ContentError::new(
        path,
        1,
        "front matter opened with `+++` is never closed by a second `+++` line",
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrontMatter {
    title: Spanned<String>,
    date: Spanned<toml::Value>,
    summary: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    area: Spanned<String>,
    kind: Spanned<String>,
    #[serde(default)]
    draft: bool,
    updated: Option<Spanned<toml::Value>>,
    corrects: Option<Spanned<String>>,
}

/// A post's validated front matter.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter {
    pub title: String,
    /// `YYYY-MM-DD`, checked to be a real date.
    pub date: String,
    pub summary: Option<String>,
    pub tags: Vec<String>,
    /// Key of one of the site's areas.
    pub area: String,
    pub kind: PostKind,
    pub draft: bool,
    /// `YYYY-MM-DD` of the last substantive edit, not before `date`.
    pub updated: Option<String>,
    /// For a correction: the slug of the post it corrects.
    pub corrects: Option<String>,
    /// Lines of the file where fields are, for errors found later.
    pub lines: FieldLines,
}

/// Lines of front matter fields, for errors found once every post is loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FieldLines {
    pub kind: usize,
    pub tags: usize,
    /// The `corrects` line, or the `kind` line when there is none.
    pub corrects: usize,
}

/// Parses and validates front matter; errors carry the file's line.
pub fn parse_front_matter(
    path: &Path,
    split: &SplitPost<'_>,
    site: &SiteConfig,
) -> Result<FrontMatter, ContentError> {
    let text = split.front;
    let at = |offset: usize| split.front_line + line_of(text, offset) - 1;
    let raw: RawFrontMatter = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(split.front_line - 1, |s| at(s.start));
        let message = one_line(e.message());
        // TOML refuses `2026-02-30` itself: say which field, in our words.
        let source_line = e
            .span()
            .and_then(|s| text.lines().nth(line_of(text, s.start) - 1))
            .unwrap_or("");
        let message = match source_line.split_once('=') {
            Some((key, value)) if message.starts_with("invalid date-time") => format!(
                "`{}` must be a real calendar date written YYYY-MM-DD, found {} ({message})",
                key.trim(),
                value.trim()
            ),
            _ => message,
        };
        ContentError::new(path, line, format!("front matter: {message}"))
    })?;

    // NFC throughout: `é` typed as one character or as `e` and an accent
    // is one title, one tag, one URL.
    let title: String = raw.title.get_ref().trim().nfc().collect();
    if title.is_empty() {
        return Err(ContentError::new(
            path,
            at(raw.title.span().start),
            "`title` is empty",
        ));
    }
    let date = parse_date(raw.date.get_ref()).ok_or_else(|| {
        ContentError::new(
            path,
            at(raw.date.span().start),
            format!(
                "`date` must be a real calendar date written YYYY-MM-DD, found {}",
                raw.date.get_ref()
            ),
        )
    })?;
    let area = raw.area.get_ref();
    if site.area(area).is_none() {
        let known: Vec<_> = site.areas.iter().map(|a| a.key.as_str()).collect();
        return Err(ContentError::new(
            path,
            at(raw.area.span().start),
            format!(
                "unknown area `{area}`; the site's areas are: {}",
                known.join(", ")
            ),
        ));
    }
    let kind = PostKind::from_key(raw.kind.get_ref()).ok_or_else(|| {
        let known: Vec<_> = PostKind::ALL.iter().map(|k| k.key()).collect();
        ContentError::new(
            path,
            at(raw.kind.span().start),
            format!(
                "unknown kind `{}`; expected one of: {}",
                raw.kind.get_ref(),
                known.join(", ")
            ),
        )
    })?;
    let updated = match &raw.updated {
        None => None,
        Some(value) => {
            let line = at(value.span().start);
            let updated = parse_date(value.get_ref()).ok_or_else(|| {
                ContentError::new(
                    path,
                    line,
                    format!(
                        "`updated` must be a real calendar date written YYYY-MM-DD, found {}",
                        value.get_ref()
                    ),
                )
            })?;
            if updated < date {
                return Err(ContentError::new(
                    path,
                    line,
                    format!("`updated` ({updated}) is before `date` ({date})"),
                ));
            }
            Some(updated)
        }
    };
    let kind_line = at(raw.kind.span().start);
    let corrects =
        match (&raw.corrects, kind) {
            (None, PostKind::Correction) => return Err(ContentError::new(
                path,
                kind_line,
                "a post of kind `correction` needs `corrects = \"<slug>\"`: the post it corrects",
            )),
            (Some(c), k) if k != PostKind::Correction => {
                return Err(ContentError::new(
                    path,
                    at(c.span().start),
                    format!(
                        "`corrects` is only for posts of kind `correction`, this one is `{}`",
                        k.key()
                    ),
                ))
            }
            (c, _) => c.as_ref().map(|c| c.get_ref().trim().to_string()),
        };
    let tags_line = crate::load::source_text::line_of_key(text, "tags")
        .map_or(split.front_line, |l| split.front_line + l - 1);
    let mut tags: Vec<String> = Vec::new();
    for tag in raw.tags {
        let tag: String = tag.trim().nfc().collect();
        if page_data::tag_slug(&tag).is_empty() {
            return Err(ContentError::new(
                path,
                tags_line,
                format!("tag `{tag}` has no letters or digits to put in its URL"),
            ));
        }
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    Ok(FrontMatter {
        title,
        date,
        summary: raw
            .summary
            .map(|s| s.trim().nfc().collect::<String>())
            .filter(|s| !s.is_empty()),
        tags,
        area: area.clone(),
        kind,
        draft: raw.draft,
        updated,
        lines: FieldLines {
            kind: kind_line,
            tags: tags_line,
            corrects: raw
                .corrects
                .as_ref()
                .map_or(kind_line, |c| at(c.span().start)),
        },
        corrects,
    })
}

/// A parser's message on one line (`file:line: message` is one line).
pub fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(": ")
}

/// Accepts a TOML date (`2026-01-05`) or a string of that form.
fn parse_date(value: &toml::Value) -> Option<String> {
    let text = match value {
        toml::Value::Datetime(d) if d.time.is_none() && d.offset.is_none() => d.to_string(),
        toml::Value::String(s) => s.clone(),
        _ => return None,
    };
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some(text)
}

#[cfg(test)]
mod tests;
