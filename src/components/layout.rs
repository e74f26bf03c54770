//! Header, main and footer: the same structure as the prerendered pages
//! (crates/content/src/prerender.rs `layout`), so the takeover does not jump.
//! The theme button works through `js/theme-and-copy.js` (before and without the
//! wasm), so the app only renders it.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::data::site_url;
use crate::site_meta::{site_author, site_title};

/// The site's sections, as in the prerendered header.
pub const NAV: [(&str, &str); 6] = [
    ("", "Posts"),
    ("archive/", "Archive"),
    ("tags/", "Tags"),
    ("focus/", "Focus"),
    ("about/", "About"),
    ("search/", "Search"),
];

/// Whether a key press is typing into a field (where `/` is a character).
fn typing(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.is_content_editable()
        })
}

/// `/` from any page opens search with the cursor in its box (as on GitHub,
/// MDN and docs.rs); on the search page it only focuses the box.
fn search_shortcut() {
    let navigate = use_navigate();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "/"
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
            || ev.default_prevented()
            || typing(&ev)
        {
            return;
        }
        ev.prevent_default();
        let search_box = document()
            .get_element_by_id("search-q")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        match search_box {
            Some(b) => {
                let _ = b.focus();
            }
            None => navigate(
                &site_url("search/"),
                NavigateOptions {
                    resolve: false,
                    ..Default::default()
                },
            ),
        }
    });
    on_cleanup(move || handle.remove());
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    search_shortcut();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <a class="site-title" href=site_url("")>{site_title()}</a>
            <nav aria-label="Site">
                {NAV.into_iter().map(|(path, label)| view! { <a href=site_url(path)>{label}</a> }).collect_view()}
            </nav>
            <button type="button" class="theme-toggle" data-theme-toggle aria-pressed="false">"Dark theme"</button>
        </header>
        <main id="main">{children()}</main>
        <footer class="site-footer">
            <p>
                <a href=site_url("")>{site_title()}</a>
                {site_author().map(|a| format!(", by {a}"))}
                " · "<a href=site_url(&page_data::feed_path())>"Atom feed"</a>" · "
                {page_data::FOOTER_NOTE}
            </p>
        </footer>
    }
}
