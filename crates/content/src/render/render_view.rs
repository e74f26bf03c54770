//! The prerendered pages' markup comes from the same Leptos components the
//! app renders live (crates/views), rendered here to HTML
//! (`RenderHtml::to_html`). The site's title and author go in as context;
//! the base path as `/`, because `Shell::page` puts every root-relative
//! link under the real base path afterwards (as it does for post bodies).

use leptos::prelude::*;
use lol_html::{doc_comments, rewrite_str, RewriteStrSettings};

use crate::load::site_config::SiteConfig;

/// `main` inside the site's frame (header, main, footer), as HTML.
pub fn render_page<V: IntoView + 'static>(
    site: &SiteConfig,
    main: impl FnOnce() -> V + Send + 'static,
) -> String {
    render(site, move || {
        view! { <views::Frame>{main()}</views::Frame> }
    })
}

/// A view as HTML, with the site in its context.
pub fn render<V: IntoView + 'static>(site: &SiteConfig, view: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    let html = owner.with(|| {
        views::provide_site(views::Site {
            title: site.title.clone(),
            author: site.author.clone(),
            base: "/".to_string(),
        });
        view().into_view().to_html()
    });
    without_markers(&html)
}

/// Leptos marks where dynamic children begin and end with empty comments
/// (`<!>`) for hydration; the app renders afresh instead of hydrating, so
/// the static page drops them.
fn without_markers(html: &str) -> String {
    rewrite_str(
        html,
        RewriteStrSettings::new().append_document_content_handler(doc_comments!(|c| {
            if c.text().is_empty() {
                c.remove();
            }
            Ok(())
        })),
    )
    .unwrap_or_else(|_| html.replace("<!>", ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> SiteConfig {
        toml::from_str(
            r#"title = "A & B"
description = "d"
base_url = "https://example.org/"
[[areas]]
key = "systems"
name = "Systems"
"#,
        )
        .expect("site")
    }

    #[test]
    fn the_frame_holds_the_page_and_no_hydration_markers() {
        let html = render_page(&site(), || view! { <p>"x " {"y".to_string()} " z"</p> });
        assert!(
            html.contains(r#"<a href="/" class="site-title">A &amp; B</a>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<main id="main"><p>x y z</p></main>"#),
            "{html}"
        );
        assert!(!html.contains("<!>"), "{html}");
    }

    #[test]
    fn raw_html_blocks_go_in_as_written() {
        let html = render(&site(), || {
            views::blocks_view::<()>(
                vec![page_data::Block::Html {
                    html: "<p>a <!-- note --> <b>b</b></p>".to_string(),
                }],
                |_, _, _| ().into_any(),
            )
        });
        assert_eq!(
            html,
            r#"<div class="html-block"><p>a <!-- note --> <b>b</b></p></div>"#
        );
    }
}
