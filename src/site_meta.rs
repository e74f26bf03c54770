//! Site-wide facts the content build wrote into every page's head
//! (`<meta name="site-title">`, `<meta name="author">`): the app reads them
//! from the document instead of carrying its own copy.

const FALLBACK_TITLE: &str = "Retry until success";

fn document_meta(name: &str) -> Option<String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("meta[name='{name}']"))
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
}

/// The site's title.
pub fn site_title() -> String {
    document_meta("site-title").unwrap_or_else(|| FALLBACK_TITLE.to_string())
}

/// The site's author, when site.toml names one.
pub fn site_author() -> Option<String> {
    document_meta("author")
}

/// A page's `<title>`, the same as the prerendered page's.
pub fn page_title(page: &str) -> String {
    format!("{page} · {}", site_title())
}

/// Sets the document's `<title>` to `text` while a route is shown. The
/// prerendered page already carries every other head tag (description,
/// feed, canonical link), and every route names its title, so the app needs
/// no head management beyond this: leptos_meta's, which did it before, was
/// about 2 KB brotli of the shell that every page fetches (PERFORMANCE.md).
#[leptos::component]
pub fn PageTitle(text: String) -> impl leptos::IntoView {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&text);
    }
}
