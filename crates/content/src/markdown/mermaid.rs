//! Mermaid code blocks rendered to SVG at build time (merman, pure Rust),
//! with their styles moved to a stylesheet (see `svg_styles`).

use std::collections::BTreeMap;

use merman::{OperationControl, RenderError, RenderOutput, RenderRequest, Renderer, SvgRequest};

use crate::markdown::svg_styles::unstyle;

/// A diagram ready to inline, and the CSS it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagram {
    /// `<figure class="diagram mermaid">` around the SVG.
    pub html: String,
    /// Rules for the site's `diagrams.css` (deduplicated across diagrams).
    pub css: BTreeMap<String, String>,
}

/// Why a block did not render: a message and, when known, the byte offset
/// in the block's source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MermaidError {
    pub offset: Option<usize>,
    pub message: String,
}

/// Renders `source`. The `<style>` CSS stays scoped by merman to
/// `#<diagram id>`, so ids must be unique on the site (they are:
/// `mermaid-<page>-<n>`); it is not shared between diagrams because some
/// rules refer to the diagram's own filters by id.
pub fn render_mermaid(source: &str, diagram_id: &str) -> Result<Diagram, MermaidError> {
    let id = merman::svg::sanitize_svg_id(diagram_id);
    let request = SvgRequest {
        options: merman::svg::SvgRenderOptions {
            diagram_id: Some(id.clone()),
            ..Default::default()
        },
        ..Default::default()
    };
    let output = Renderer::new()
        .render(RenderRequest::svg(source, OperationControl::new(), request))
        .map_err(|e| {
            let offset = match &e {
                RenderError::Parse(d) => d.terminal_diagnostic_details().span.map(|s| s.start),
                _ => None,
            };
            MermaidError {
                offset,
                message: e.to_string(),
            }
        })?;
    let RenderOutput::Svg(Some(svg)) = output else {
        return Err(MermaidError {
            offset: None,
            message: "no Mermaid diagram found in the block".to_string(),
        });
    };
    let unstyled = unstyle(svg.svg());
    let mut css = unstyled
        .attribute_rules
        .into_iter()
        .map(|(class, body)| (format!(".{class}"), body))
        .collect::<BTreeMap<_, _>>();
    let sheet = unstyled.style_sheets.concat();
    if !sheet.is_empty() {
        // One entry per diagram: the key sorts the sheets, the value is whole.
        css.insert(format!("/* #{id} */"), sheet);
    }
    Ok(Diagram {
        html: format!(
            r#"<figure class="diagram {}">{}</figure>"#,
            page_data::DIAGRAM_CLASS,
            unstyled.svg
        ),
        css,
    })
}

/// The stylesheet of every diagram's rules.
pub fn diagrams_css(rules: &BTreeMap<String, String>) -> String {
    let mut css = String::from("/* Mermaid diagram styles, moved out of the SVGs by the content build (CSP: no inline styles). */\n");
    for (selector, body) in rules {
        if selector.starts_with("/*") {
            css.push_str(selector);
            css.push('\n');
            css.push_str(body);
            css.push('\n');
        } else {
            css.push_str(&format!("{selector} {{ {body} }}\n"));
        }
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flowchart_renders_to_svg_without_inline_styles() {
        let d = render_mermaid("flowchart LR\n  A[Client] -->|request| B(Server)\n", "m-1")
            .expect("renders");
        assert!(
            d.html
                .starts_with(r#"<figure class="diagram mermaid"><svg id="m-1""#),
            "{}",
            &d.html[..200]
        );
        assert!(d.html.contains("Client") && d.html.contains("Server"));
        assert!(!d.html.contains("<style"));
        assert!(!d.html.contains("style=\""));
        let css = diagrams_css(&d.css);
        assert!(css.contains("/* #m-1 */\n#m-1{"), "{css}");
        assert!(css.contains(".mms-"), "{css}");
    }

    #[test]
    fn sequence_renders() {
        let d = render_mermaid(
            "sequenceDiagram\n  participant C as Client\n  participant S as Server\n  C->>S: request\n  S-->>C: timeout\n",
            "m-2",
        )
        .expect("renders");
        assert!(d.html.contains("<svg") && d.html.contains("timeout"));
    }

    #[test]
    fn parse_errors_have_an_offset() {
        let e = render_mermaid("flowchart LR\n  A --> \n  ]]] ((\n", "x").expect_err("bad");
        assert!(e.offset.is_some(), "{e:?}");
        assert!(e.message.contains("parse"), "{e:?}");
    }
}
