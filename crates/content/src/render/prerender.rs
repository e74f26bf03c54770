//! Prerendered pages: every route as a real HTML file, readable before (and
//! without) the wasm, built on the app shell that trunk produced.

use crate::escape::escape_html;
use crate::load::site_config::SiteConfig;
use crate::render::csp;
use crate::render::rebase::rebase_urls;

/// Marker in `index.html` replaced by the page's title and meta tags.
pub const HEAD_MARKER: &str = "<!-- prerender:head -->";
/// Marker in `index.html` replaced by the page's content.
pub const BODY_MARKER: &str = "<!-- prerender:body -->";
/// Marker at the end of `index.html`'s body replaced by the style sheets
/// only some content needs (code highlighting, diagrams), for a page whose
/// content has it (`page_data::late_stylesheets`): linked there, they do
/// not hold up the first paint of the text above them.
pub const LATE_STYLES_MARKER: &str = "<!-- prerender:late-styles -->";

/// The app shell (trunk's `index.html`), with its two markers, and the
/// Content-Security-Policy its inline scripts need.
#[derive(Debug, Clone)]
pub struct Shell {
    html: String,
    policy: String,
}

impl Shell {
    /// Checks that `html` has both markers exactly once, and the head
    /// marker before any script (the policy must precede what it governs).
    pub fn new(html: String) -> Result<Self, String> {
        for marker in [HEAD_MARKER, BODY_MARKER, LATE_STYLES_MARKER] {
            if html.matches(marker).count() != 1 {
                return Err(format!(
                    "the app shell must contain `{marker}` exactly once (was it already prerendered?)"
                ));
            }
        }
        let head_at = html.find(HEAD_MARKER).unwrap_or(0);
        if html.find("<script").is_some_and(|s| s < head_at) {
            return Err(format!(
                "`{HEAD_MARKER}` must come before the first <script> in index.html: the Content-Security-Policy it becomes must precede the scripts"
            ));
        }
        let policy = csp::policy(
            &csp::inline_script_hashes(&html),
            &csp::inline_style_hashes(&html),
        );
        Ok(Shell { html, policy })
    }

    /// The shell with `css` added at the end of its inline `<style>` (the
    /// critical CSS, style/main.css, which trunk inlines), or in a `<style>`
    /// of its own at the end of the head; its policy allows the new style by
    /// its hash.
    pub fn with_critical_css(self, css: &str) -> Result<Self, String> {
        let mut html = self.html;
        if let Some(end) = html.find("</style>") {
            html.insert_str(end, css);
        } else if let Some(end) = html.find("</head>") {
            html.insert_str(end, &format!("<style>{css}</style>"));
        } else {
            return Err("the app shell has no </head> to add the site's generated CSS to".into());
        }
        Shell::new(html)
    }

    /// The Content-Security-Policy of every page.
    pub fn policy(&self) -> &str {
        &self.policy
    }

    /// The site-relative paths of the files the shell links (trunk's CSS,
    /// JS, wasm, icon), given the base path they were written under.
    pub fn asset_paths(&self, base_path: &str) -> Vec<String> {
        let mut paths = Vec::new();
        for attr in ["href=\"", "src=\"", "data-wasm=\"", "from '"] {
            for (i, _) in self.html.match_indices(attr) {
                let value = &self.html[i + attr.len()..];
                let end = value.find(['"', '\'']).unwrap_or(0);
                if let Some(rel) = value[..end].strip_prefix(base_path) {
                    if !rel.is_empty() && !paths.iter().any(|p| p == rel) {
                        paths.push(rel.to_string());
                    }
                }
            }
        }
        paths
    }

    /// A whole page: the shell with `meta` in the head and `body` inside,
    /// every root-relative link under the site's base path.
    pub fn page(&self, site: &SiteConfig, meta: &PageMeta, body: &str) -> String {
        let head = format!(
            "{csp}\n    <title>{title}</title>\n    <meta name=\"description\" content=\"{description}\">\n    <link rel=\"canonical\" href=\"{canonical}\">\n    <meta name=\"site-title\" content=\"{site_title}\">\n    <meta name=\"site-base\" content=\"{base}\">\n{author}{social}    <link rel=\"alternate\" type=\"application/atom+xml\" title=\"{site_title}\" href=\"/{feed}\">",
            csp = csp::meta_tag(&self.policy),
            feed = page_data::feed_path(),
            base = escape_html(site.base_path()),
            site_title = escape_html(&site.title),
            author = site.author.as_ref().map_or(String::new(), |a| format!(
                "    <meta name=\"author\" content=\"{}\">\n",
                escape_html(a)
            )),
            title = escape_html(&meta.title),
            description = escape_html(&meta.description),
            canonical = escape_html(&meta.canonical),
            social = social_tags(site, meta),
        );
        let late_styles: String = page_data::late_stylesheets(body)
            .iter()
            .map(|path| format!("<link rel=\"stylesheet\" href=\"/{path}\">"))
            .collect();
        let base = site.base_path();
        self.html
            .replace(HEAD_MARKER, &rebase_urls(&head, base))
            .replace(BODY_MARKER, &rebase_urls(body, base))
            .replace(LATE_STYLES_MARKER, &rebase_urls(&late_styles, base))
    }
}

/// OpenGraph and Twitter card tags: how a shared link previews.
fn social_tags(site: &SiteConfig, meta: &PageMeta) -> String {
    let mut tags = vec![
        ("property", "og:type", meta.og_type.to_string()),
        ("property", "og:site_name", site.title.clone()),
        ("property", "og:title", meta.title.clone()),
        ("property", "og:description", meta.description.clone()),
        ("property", "og:url", meta.canonical.clone()),
    ];
    let card = match &meta.image {
        Some(image) => {
            tags.extend([
                ("property", "og:image", image.url.clone()),
                ("property", "og:image:type", "image/png".to_string()),
                ("property", "og:image:width", image.width.to_string()),
                ("property", "og:image:height", image.height.to_string()),
                ("property", "og:image:alt", image.alt.clone()),
                ("name", "twitter:image", image.url.clone()),
                ("name", "twitter:image:alt", image.alt.clone()),
            ]);
            "summary_large_image"
        }
        None => "summary",
    };
    tags.extend([
        ("name", "twitter:card", card.to_string()),
        ("name", "twitter:title", meta.title.clone()),
        ("name", "twitter:description", meta.description.clone()),
    ]);
    tags.iter()
        .map(|(attr, name, content)| {
            format!(
                "    <meta {attr}=\"{name}\" content=\"{}\">\n",
                escape_html(content)
            )
        })
        .collect()
}

/// A page's link-preview picture (OpenGraph), at an absolute URL.
pub struct SocialImage {
    pub url: String,
    pub alt: String,
    pub width: u32,
    pub height: u32,
}

/// What goes in a page's head.
pub struct PageMeta {
    pub image: Option<SocialImage>,
    pub title: String,
    pub description: String,
    pub canonical: String,
    /// `website`, or `article` for a post.
    pub og_type: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = "<html><head><style>p{}</style><!-- prerender:head --><script>go()</script></head><body><!-- prerender:body --><!-- prerender:late-styles --></body></html>";

    #[test]
    fn critical_css_goes_into_the_inline_style_and_its_hash_into_the_policy() {
        let shell = Shell::new(SHELL.into()).expect("a shell");
        let before = shell.policy().to_string();
        let shell = shell.with_critical_css("q{}").expect("a shell");
        assert!(
            shell.html.contains("<style>p{}q{}</style>"),
            "{}",
            shell.html
        );
        let hash = csp::inline_style_hashes("<style>p{}q{}</style>").remove(0);
        assert!(shell.policy().contains(&hash), "{}", shell.policy());
        assert_ne!(shell.policy(), before);
    }

    #[test]
    fn a_shell_without_an_inline_style_gets_one() {
        let shell = Shell::new(SHELL.replace("<style>p{}</style>", "")).expect("a shell");
        let shell = shell.with_critical_css("q{}").expect("a shell");
        assert!(
            shell.html.contains("<style>q{}</style></head>"),
            "{}",
            shell.html
        );
        let hash = csp::inline_style_hashes("<style>q{}</style>").remove(0);
        assert!(shell.policy().contains(&hash), "{}", shell.policy());
    }
}
