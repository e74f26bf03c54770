//! `site/focus.toml`: the Current Focus page, areas each with a status, a
//! paragraph and focus points.

use std::path::Path;

use page_data::{FocusArea, FocusPage, FocusStatus, PostLink};
use serde::Deserialize;
use toml::Spanned;

use crate::error::ContentError;
use crate::load::source_text::line_of;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFocus {
    title: Spanned<String>,
    intro: Spanned<String>,
    updated: Option<toml::value::Datetime>,
    areas: Vec<RawArea>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArea {
    key: Spanned<String>,
    name: Spanned<String>,
    status: Spanned<String>,
    summary: Spanned<String>,
    points: Spanned<Vec<String>>,
    /// Slugs of posts that follow from this area.
    #[serde(default)]
    posts: Vec<Spanned<String>>,
}

/// Reads and validates `path`.
/// `post` finds a published post by slug, for an area's `posts`.
pub fn load_focus(
    path: &Path,
    post: impl Fn(&str) -> Option<PostLink>,
) -> Result<FocusPage, ContentError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ContentError::new(path, 1, format!("cannot read: {e}")))?;
    parse_focus(path, &text, post)
}

/// Parses and validates focus TOML; errors carry the line.
pub fn parse_focus(
    path: &Path,
    text: &str,
    post: impl Fn(&str) -> Option<PostLink>,
) -> Result<FocusPage, ContentError> {
    let raw: RawFocus = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        ContentError::new(path, line, e.message().trim().to_string())
    })?;
    let err = |span: std::ops::Range<usize>, message: String| {
        ContentError::new(path, line_of(text, span.start), message)
    };
    let not_empty = |field: &Spanned<String>, name: &str| {
        let value = field.get_ref().trim().to_string();
        if value.is_empty() {
            Err(err(field.span(), format!("`{name}` is empty")))
        } else {
            Ok(value)
        }
    };
    let title = not_empty(&raw.title, "title")?;
    let intro = not_empty(&raw.intro, "intro")?;
    let updated = match raw.updated {
        Some(d) if d.time.is_none() && d.offset.is_none() && d.date.is_some() => {
            Some(d.to_string())
        }
        Some(d) => {
            return Err(ContentError::new(
                path,
                crate::load::source_text::line_of_key(text, "updated").unwrap_or(1),
                format!("`updated` must be a date written YYYY-MM-DD, found {d}"),
            ))
        }
        None => None,
    };
    if raw.areas.is_empty() {
        return Err(ContentError::new(
            path,
            1,
            "no `[[areas]]`: the page needs at least one",
        ));
    }
    let mut areas: Vec<FocusArea> = Vec::new();
    for area in raw.areas {
        let key = not_empty(&area.key, "key")?;
        if !key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(err(area.key.span(), format!("`key` `{key}` must be lowercase letters, digits and hyphens (it is the section's anchor)")));
        }
        if areas.iter().any(|a| a.key == key) {
            return Err(err(
                area.key.span(),
                format!("two areas have the key `{key}`"),
            ));
        }
        let status = FocusStatus::from_key(area.status.get_ref()).ok_or_else(|| {
            let known: Vec<_> = FocusStatus::ALL.iter().map(|s| s.key()).collect();
            err(
                area.status.span(),
                format!(
                    "unknown status `{}`; expected one of: {}",
                    area.status.get_ref(),
                    known.join(", ")
                ),
            )
        })?;
        let points: Vec<String> = area
            .points
            .get_ref()
            .iter()
            .map(|p| p.trim().to_string())
            .collect();
        if points.is_empty() || points.iter().any(String::is_empty) {
            return Err(err(
                area.points.span(),
                "`points` must list at least one non-empty focus point".to_string(),
            ));
        }
        let posts = area
            .posts
            .iter()
            .map(|slug| {
                post(slug.get_ref()).ok_or_else(|| {
                    err(
                        slug.span(),
                        format!(
                            "`posts`: no published post has the slug `{}`",
                            slug.get_ref()
                        ),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        areas.push(FocusArea {
            posts,
            name: not_empty(&area.name, "name")?,
            summary: not_empty(&area.summary, "summary")?,
            key,
            status,
            points,
        });
    }
    Ok(FocusPage {
        title,
        intro,
        updated,
        areas,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "title = \"Current focus\"\nintro = \"What I work on.\"\nupdated = 2026-11-20\n\n[[areas]]\nkey = \"async\"\nname = \"Async\"\nstatus = \"active\"\nsummary = \"Queues.\"\npoints = [\"ordering\", \"lag\"]\n";

    fn parse(text: &str) -> Result<FocusPage, String> {
        parse_focus(Path::new("site/focus.toml"), text, |slug| {
            (slug == "a-post").then(|| PostLink {
                slug: slug.into(),
                title: "A post".into(),
                date: "2026-11-20".into(),
            })
        })
        .map_err(|e| e.to_string())
    }

    #[test]
    fn parses() {
        let page = parse(GOOD).expect("valid");
        assert_eq!(page.updated.as_deref(), Some("2026-11-20"));
        assert_eq!(page.areas[0].status, FocusStatus::Active);
        assert_eq!(page.areas[0].points, ["ordering", "lag"]);
    }

    #[test]
    fn unknown_status_names_its_line() {
        assert_eq!(
            parse(&GOOD.replace("\"active\"", "\"busy\"")).unwrap_err(),
            "site/focus.toml:8: unknown status `busy`; expected one of: active, exploring, paused"
        );
    }

    #[test]
    fn unknown_field_names_its_line() {
        let e = parse(&GOOD.replace("summary =", "colour = \"red\"\nsummary =")).unwrap_err();
        assert!(
            e.starts_with("site/focus.toml:9: unknown field `colour`"),
            "{e}"
        );
    }

    #[test]
    fn empty_points_and_duplicate_keys() {
        let e = parse(&GOOD.replace("[\"ordering\", \"lag\"]", "[]")).unwrap_err();
        assert!(e.starts_with("site/focus.toml:10: `points`"), "{e}");
        let twice = format!("{GOOD}\n{}", &GOOD[GOOD.find("[[areas]]").unwrap_or(0)..]);
        let e = parse(&twice).unwrap_err();
        assert!(
            e.starts_with("site/focus.toml:13: two areas have the key `async`"),
            "{e}"
        );
    }

    #[test]
    fn posts_link_to_published_posts_by_slug() {
        let page = parse(&format!("{GOOD}posts = [\"a-post\"]\n")).expect("parses");
        assert_eq!(page.areas[0].posts[0].title, "A post");
        let e = parse(&format!("{GOOD}posts = [\"no-such\"]\n")).unwrap_err();
        assert!(
            e.starts_with("site/focus.toml:11: `posts`: no published post"),
            "{e}"
        );
    }
}
