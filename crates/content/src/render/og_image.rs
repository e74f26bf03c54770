//! Link previews: every post's OpenGraph image, a 1200x630 PNG drawn at
//! build time. A post with a demo shows its demo's build-time chart under
//! the title; any other post gets a title card in the site's colours.
//!
//! The card is an SVG written here and rasterised by resvg (the renderer
//! the Rust ecosystem uses; no browser at build time). Text is set in the
//! DejaVu Sans Bold that ships in `assets/`, so every machine draws the
//! same picture; the title is wrapped by measuring its glyphs in that font.

use std::sync::{Arc, OnceLock};

use base64::Engine;
use resvg::{tiny_skia, usvg};

use page_data::Block;

use crate::error::ContentError;
use crate::escape::escape_html;
use crate::load::post::Post;
use crate::load::site_config::SiteConfig;
use crate::render::build_cache::BuildCache;
use crate::render::prerender::SocialImage;

pub const OG_WIDTH: u32 = 1200;
pub const OG_HEIGHT: u32 = 630;

const FONT: &[u8] = include_bytes!("../../assets/DejaVuSans-Bold.ttf");
const FONT_FAMILY: &str = "DejaVu Sans";

/// The site's light palette (style/main.css `:root`).
const BG: &str = "#fdfdfc";
const FG: &str = "#1d1f21";
const MUTED: &str = "#5b6068";
const ACCENT: &str = "#1f6fb2";
const RULE: &str = "#d9dbde";

const MARGIN: f32 = 64.0;

/// What a card shows.
pub struct Card<'a> {
    pub site_title: &'a str,
    pub title: &'a str,
    /// Under the title: the date and the area.
    pub byline: &'a str,
    /// The demo's chart (an SVG document), for a post with a demo.
    pub picture: Option<&'a str>,
}

/// The path of a post's image, relative to the site root.
pub fn og_image_path(slug: &str) -> String {
    format!("og/{slug}.png")
}

/// The image's alt text (`og:image:alt`).
pub fn og_image_alt(card: &Card<'_>) -> String {
    match card.picture {
        Some(_) => format!(
            "{}: the chart of the post's simulation, under its title",
            card.title
        ),
        None => format!("{} · {}", card.title, card.site_title),
    }
}

fn options() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut fonts = usvg::fontdb::Database::new();
        fonts.load_font_data(FONT.to_vec());
        // Whatever family an embedded chart names, it is drawn in ours.
        fonts.set_sans_serif_family(FONT_FAMILY);
        fonts.set_serif_family(FONT_FAMILY);
        fonts.set_monospace_family(FONT_FAMILY);
        usvg::Options {
            font_family: FONT_FAMILY.to_string(),
            fontdb: Arc::new(fonts),
            ..usvg::Options::default()
        }
    })
}

/// The width of `text` at `size` px in the card's font.
fn text_width(text: &str, size: f32) -> f32 {
    static FACE: OnceLock<Option<ttf_parser::Face<'static>>> = OnceLock::new();
    let Some(face) = FACE.get_or_init(|| ttf_parser::Face::parse(FONT, 0).ok()) else {
        return text.chars().count() as f32 * size * 0.62;
    };
    let scale = size / f32::from(face.units_per_em());
    text.chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(size * 0.62, |a| f32::from(a) * scale)
        })
        .sum()
}

/// `text` in lines no wider than `width`, at most `max_lines` (the last one
/// cut with an ellipsis when the text does not fit).
fn wrap(text: &str, size: f32, width: f32, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size) <= width || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && text_width(&format!("{last}…"), size) > width {
                last.pop();
            }
            *last = format!("{}…", last.trim_end());
        }
    }
    lines
}

fn text_lines(lines: &[String], x: f32, first_baseline: f32, size: f32, fill: &str) -> String {
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            format!(
                r#"<text x="{x}" y="{y}" font-size="{size}" fill="{fill}">{}</text>"#,
                escape_html(line),
                y = first_baseline + i as f32 * size * 1.2,
            )
        })
        .collect()
}

/// The width / height of an SVG document's root element.
fn aspect(svg: &str) -> Option<f32> {
    let root = &svg[..svg.find('>')?];
    let number = |name: &str| -> Option<f32> {
        let at = root.find(&format!(" {name}=\""))? + name.len() + 3;
        root[at..].split('"').next()?.parse().ok()
    };
    Some(number("width")? / number("height")?.max(1.0))
}

/// The card as an SVG document. A wide chart goes under the title; a
/// squarer one beside it, so it is drawn as large as the card allows.
pub fn card_svg(card: &Card<'_>) -> String {
    let (w, h) = (OG_WIDTH as f32, OG_HEIGHT as f32);
    let inner = w - 2.0 * MARGIN;
    let beside = card.picture.and_then(aspect).is_some_and(|a| a < 1.6);
    let (title_size, max_lines, title_width) = match (card.picture, beside) {
        (None, _) => (68.0, 4, inner),
        (Some(_), false) => (50.0, 2, inner),
        (Some(_), true) => (52.0, 5, 520.0),
    };
    let title = wrap(card.title, title_size, title_width, max_lines);
    let title_top = 150.0;
    let title_svg = text_lines(&title, MARGIN, title_top + title_size, title_size, FG);
    let below_title = title_top + title_size * 1.2 * title.len() as f32 + 10.0;
    let byline_y = below_title + 34.0;
    let byline = wrap(card.byline, 28.0, title_width, 2);
    let byline_svg = text_lines(&byline, MARGIN, byline_y, 28.0, MUTED);
    let mut body = format!(
        r#"<rect width="{w}" height="{h}" fill="{BG}"/><rect width="{w}" height="14" fill="{ACCENT}"/><text x="{MARGIN}" y="100" font-size="32" fill="{ACCENT}">{site}</text>{title_svg}{byline_svg}"#,
        site = escape_html(card.site_title),
    );
    if let Some(picture) = card.picture {
        let (x, top, width) = if beside {
            (
                MARGIN + title_width + 24.0,
                64.0,
                inner - title_width - 24.0,
            )
        } else {
            let top = byline_y + 28.0 * 1.2 * (byline.len() as f32 - 1.0) + 30.0;
            (MARGIN, top, inner)
        };
        let height = h - top - 40.0;
        let data = base64::engine::general_purpose::STANDARD.encode(picture);
        body.push_str(&format!(
            r##"<rect x="{x}" y="{top}" width="{width}" height="{height}" rx="10" fill="#ffffff" stroke="{RULE}" stroke-width="2"/><image x="{ix}" y="{iy}" width="{iw}" height="{ih}" preserveAspectRatio="xMidYMid meet" href="data:image/svg+xml;base64,{data}"/>"##,
            ix = x + 12.0,
            iy = top + 12.0,
            iw = width - 24.0,
            ih = height - 24.0,
        ));
    } else {
        body.push_str(&format!(
            r#"<rect x="{MARGIN}" y="{y}" width="120" height="8" fill="{ACCENT}"/>"#,
            y = h - 80.0
        ));
    }
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}" font-weight="bold">{body}</svg>"#
    )
}

/// The card as a PNG.
#[cfg(test)]
pub fn render_card(card: &Card<'_>) -> Result<Vec<u8>, String> {
    draw_svg(&card_svg(card))
}

/// A card's SVG as a PNG.
fn draw_svg(svg: &str) -> Result<Vec<u8>, String> {
    let tree = usvg::Tree::from_str(svg, options())
        .map_err(|e| format!("cannot draw the link preview image: {e}"))?;
    let mut pixmap = tiny_skia::Pixmap::new(OG_WIDTH, OG_HEIGHT)
        .ok_or("cannot allocate the link preview image")?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| format!("cannot encode the link preview image: {e}"))
}

/// The first chart in a demo's placeholder HTML: its largest `<svg>` (the
/// legend's swatches are small ones), as a standalone SVG document.
pub fn chart_of(figure_html: &str) -> Option<String> {
    let mut best: Option<&str> = None;
    let mut rest = figure_html;
    while let Some(start) = rest.find("<svg") {
        let from = &rest[start..];
        let end = from.find("</svg>")? + "</svg>".len();
        let svg = &from[..end];
        if best.is_none_or(|b| svg.len() > b.len()) {
            best = Some(svg);
        }
        rest = &from[end..];
    }
    let svg = best?;
    Some(if svg.contains("xmlns=") {
        svg.to_string()
    } else {
        svg.replacen("<svg", r#"<svg xmlns="http://www.w3.org/2000/svg""#, 1)
    })
}

/// A post's OpenGraph image: its path in the site, the PNG, and how the
/// page's head names it. A post with a demo shows its first demo's chart
/// under the title; any other post a title card.
pub fn post_preview(
    site: &SiteConfig,
    post: &Post,
    cache: &mut BuildCache,
) -> Result<(String, Vec<u8>, SocialImage), ContentError> {
    let meta = post.meta();
    let chart = post.blocks().iter().find_map(|b| match b {
        Block::Demo { figure, .. } => chart_of(figure),
        Block::Html { .. } => None,
    });
    let byline = format!("{} · {} · {}", meta.date, meta.area_name, meta.kind.label());
    let card = Card {
        site_title: &site.title,
        title: &meta.title,
        byline: &byline,
        picture: chart.as_deref(),
    };
    let png = cache
        .card(card_svg(&card), draw_svg)
        .map_err(|m| ContentError::new(&post.source, 0, m))?;
    let path = og_image_path(post.slug());
    let image = SocialImage {
        url: site.absolute_url(&path),
        alt: og_image_alt(&card),
        width: OG_WIDTH,
        height: OG_HEIGHT,
    };
    Ok((path, png, image))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(picture: Option<&str>) -> Card<'_> {
        Card {
            site_title: "Retry until success",
            title: "When retries become the outage: a storm in a hundred clients, step by step",
            byline: "21 November 2026 · Systems and craft",
            picture,
        }
    }

    #[test]
    fn a_title_card_is_a_1200_by_630_png() {
        let png = render_card(&card(None)).expect("draws");
        assert_eq!(&png[1..4], b"PNG");
        let size = imagesize::blob_size(&png).expect("a PNG");
        assert_eq!((size.width, size.height), (1200, 630));
    }

    #[test]
    fn long_titles_wrap_inside_the_margins() {
        let lines = wrap(&"word ".repeat(40), 68.0, 1072.0, 4);
        assert_eq!(lines.len(), 4);
        assert!(lines[3].ends_with('…'), "{lines:?}");
        for line in &lines {
            assert!(text_width(line, 68.0) <= 1072.0, "{line}");
        }
        assert_eq!(wrap("Short", 68.0, 1072.0, 4), ["Short"]);
    }

    #[test]
    fn the_demo_chart_is_the_largest_svg_of_the_figure() {
        let figure = r#"<figure><svg width="14"><rect/></svg><svg width="600" height="300" viewBox="0 0 600 300"><text>chart</text><line/></svg></figure>"#;
        let chart = chart_of(figure).expect("a chart");
        assert!(
            chart.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="600""#),
            "{chart}"
        );
        let png = render_card(&card(Some(&chart))).expect("draws with the chart");
        assert_eq!(&png[1..4], b"PNG");
        assert!(card_svg(&card(Some(&chart))).contains("data:image/svg+xml;base64,"));
        assert_eq!(aspect(&chart), Some(2.0));
    }
}
