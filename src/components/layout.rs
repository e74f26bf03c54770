//! Header, main and footer: the same structure as the prerendered pages
//! (crates/content/src/prerender.rs `layout`), so the takeover does not jump.

use leptos::prelude::*;

/// Site title shown in the header (the prerendered pages carry the
/// configured one; the app reads it from the document).
fn site_title() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name='site-title']").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| "Retry until success".to_string())
}

fn site_author() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name='author']").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default()
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <header class="site-header">
            <a class="site-title" href="/">{site_title()}</a>
            <nav aria-label="Site">
                <a href="/">"Posts"</a>
            </nav>
        </header>
        <main id="main">{children()}</main>
        <footer class="site-footer">
            <p>{site_author()} ". No trackers, no cookies: plain files."</p>
        </footer>
    }
}
