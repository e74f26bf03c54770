//! Header, main and footer: the same structure as the prerendered pages
//! (crates/content/src/prerender.rs `layout`), so the takeover does not jump.
//! The theme button works through `js/theme-and-copy.js` (before and without the
//! wasm), so the app only renders it.

use leptos::prelude::*;

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

#[component]
pub fn Layout(children: Children) -> impl IntoView {
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
            <p>{site_author()} ". No trackers, no cookies: plain files."</p>
        </footer>
    }
}
