//! `site/about.md`: the About page, Markdown through the same pipeline as
//! posts. A first line `# Title` is the page's title.

use std::path::Path;

use page_data::AboutPage;

use crate::error::ContentError;
use crate::markdown::images::ImageContext;
use crate::markdown::{render_markdown_in, MarkdownContext, RenderedBody};

/// The About page and what its body refers to.
pub struct About {
    pub source: std::path::PathBuf,
    pub page: AboutPage,
    pub body: RenderedBody,
}

/// Reads and renders `path`; `public_dir` is for `/...` images.
pub fn load_about(path: &Path, public_dir: &Path) -> Result<About, Vec<ContentError>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| vec![ContentError::new(path, 1, format!("cannot read: {e}"))])?;
    let (title, body, body_line) = split_title(&text);
    let ctx = MarkdownContext {
        path: path.to_path_buf(),
        body_line,
        images: ImageContext {
            source_dir: path.parent().unwrap_or(Path::new(".")).to_path_buf(),
            route: page_data::about_route(),
            public_dir: public_dir.to_path_buf(),
        },
        page_key: "about".to_string(),
    };
    let rendered = render_markdown_in(&ctx, body)?;
    Ok(About {
        source: path.to_path_buf(),
        page: AboutPage {
            title: title.unwrap_or_else(|| "About".to_string()),
            description: rendered.first_paragraph.clone().unwrap_or_default(),
            blocks: rendered.blocks.clone(),
        },
        body: rendered,
    })
}

/// `(title, rest, line where rest starts)` when the first non-blank line
/// is `# Title`.
fn split_title(text: &str) -> (Option<String>, &str, usize) {
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if line.trim().is_empty() {
            offset += line.len();
            continue;
        }
        if let Some(title) = line.trim_end().strip_prefix("# ") {
            return (
                Some(title.trim().to_string()),
                &text[offset + line.len()..],
                i + 2,
            );
        }
        break;
    }
    (None, text, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_line_is_split_off() {
        assert_eq!(
            split_title("\n# About me\nHello\n"),
            (Some("About me".into()), "Hello\n", 3)
        );
        assert_eq!(split_title("Hello\n"), (None, "Hello\n", 1));
    }
}
