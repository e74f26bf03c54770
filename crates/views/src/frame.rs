//! Header, main and footer around every page.

use leptos::prelude::*;

use crate::site::{href, site};

/// The site's sections: path under the base, label.
pub const NAV: [(&str, &str); 6] = [
    ("", "Posts"),
    ("archive/", "Archive"),
    ("tags/", "Tags"),
    ("focus/", "Focus"),
    ("about/", "About"),
    ("search/", "Search"),
];

/// The theme button works through `js/theme-and-copy.js` (before and
/// without the wasm), so it is only markup here.
#[component]
pub fn Frame(children: Children) -> impl IntoView {
    let site = site();
    let title = site.title.clone();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <a class="site-title" href=href("")>{site.title}</a>
            <nav aria-label="Site">
                {NAV.into_iter().map(|(path, label)| view! { <a href=href(path)>{label}</a> }).collect_view()}
            </nav>
            <button type="button" class="theme-toggle" data-theme-toggle="" aria-pressed="false">"Dark theme"</button>
        </header>
        <main id="main">{children()}</main>
        <footer class="site-footer">
            <p>
                <a href=href("")>{title}</a>
                {site.author.map(|a| format!(", by {a}"))}
                " · "<a href=href(&page_data::feed_path())>"Atom feed"</a>" · "
                {page_data::FOOTER_NOTE}
            </p>
        </footer>
    }
}
