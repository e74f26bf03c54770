//! A demo's state in the page's query string (see `page_data::url_state`,
//! which does the parsing, natively tested): this module only reads
//! `location.search` and writes the URL back.

use wasm_bindgen::JsValue;

/// The page's query string (`?a=1`), or "" without a window.
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Replaces the pairs under `prefix` in the URL with `pairs` (in place: no
/// new history entry for every slider step).
pub fn write(prefix: &str, pairs: &[(String, String)]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search), Ok(hash)) =
        (location.pathname(), location.search(), location.hash())
    else {
        return;
    };
    let query = page_data::url_state::with_demo_pairs(&search, prefix, pairs);
    if query == search.trim_start_matches('?') {
        // Nothing to change (a demo's first run, at the post's values):
        // replacing the history entry anyway costs the page a few ms.
        return;
    }
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}
