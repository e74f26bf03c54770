//! Header, main and footer (the views crate's `Frame`, which the
//! prerendered pages are rendered with too, so the takeover does not jump),
//! with the site from the page's head as the views' context, and the `/`
//! shortcut to search.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::data::{site_base, site_url};
use crate::site_meta::{site_author, site_title};

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
    views::provide_site(views::Site {
        title: site_title(),
        author: site_author(),
        base: site_base(),
    });
    search_shortcut();
    view! { <views::Frame>{children()}</views::Frame> }
}
