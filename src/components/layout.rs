//! Header, main and footer: the same structure as the prerendered pages
//! (crates/content/src/prerender.rs `layout`), so the takeover does not jump.

use leptos::prelude::*;

use crate::site_meta::{site_author, site_title};

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
