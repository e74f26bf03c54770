//! Taking over a prerendered page.
//!
//! Every route arrives as a real HTML page: `#prerendered` holds the content,
//! `#app` is empty and hidden. The app renders into `#app` while the reader
//! keeps reading the prerendered copy; once the route's data has rendered,
//! [`reveal`] removes the copy and shows the app, so nothing flashes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::App;
use crate::components::on_built;

const APP_ID: &str = "app";

/// The window event that says the app's layout changed (the app shown in
/// place of the prerendered copy): demos redraw their charts at their size.
pub const LAYOUT_EVENT: &str = "site:layout";
const PRERENDERED_ID: &str = "prerendered";

/// Mounts [`App`] into `#app` (or the body, if the page has no shell).
pub fn mount_app() {
    let target = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(APP_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match target {
        Some(el) => leptos::mount::mount_to(el, App).forget(),
        None => leptos::mount::mount_to_body(App),
    }
}

/// Shows the app in place of the prerendered content. Idempotent.
pub fn reveal() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(pre) = doc.get_element_by_id(PRERENDERED_ID) {
        pre.remove();
    }
    if let Some(app) = doc.get_element_by_id(APP_ID) {
        let _ = app.remove_attribute("hidden");
        let _ = app.set_attribute("data-ready", "true");
    }
}

/// Render inside a route after its content: reveals the app once that
/// content is built ([`on_built`]).
#[component]
pub fn RouteReady() -> impl IntoView {
    on_built(|| {
        reveal();
        if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(LAYOUT_EVENT)) {
            let _ = window.dispatch_event(&event);
        }
    })
}
