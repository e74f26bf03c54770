//! A demo's state in the page's query string, so a link reproduces a run:
//! `?d1.seed=7&d1.client.max_attempts=3` for the first demo of a post.
//! Only what differs from the post's starting parameters is written; what
//! is read back goes through `sim::overrides::apply_valid`, so a garbled or
//! out-of-range value is ignored, never trusted.

use wasm_bindgen::JsValue;
use web_sys::UrlSearchParams;

/// The query prefix of demo number `index` on its page.
pub fn prefix(index: usize) -> String {
    format!("d{index}.")
}

fn current_params() -> Option<UrlSearchParams> {
    let search = web_sys::window()?.location().search().ok()?;
    UrlSearchParams::new_with_str(&search).ok()
}

/// The `(path, value)` pairs under `prefix` in the current URL, in order.
pub fn read(prefix: &str) -> Vec<(String, String)> {
    let Some(params) = current_params() else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    let entries = js_sys::try_iter(&params.entries()).ok().flatten();
    for entry in entries.into_iter().flatten().flatten() {
        let pair = js_sys::Array::from(&entry);
        let (Some(key), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) else {
            continue;
        };
        if let Some(path) = key.strip_prefix(prefix) {
            pairs.push((path.to_string(), value));
        }
    }
    pairs
}

/// Replaces the pairs under `prefix` in the URL with `pairs` (in place: no
/// new history entry for every slider step).
pub fn write(prefix: &str, pairs: &[(String, String)]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(params) = current_params() else {
        return;
    };
    let stale: Vec<String> = read(prefix)
        .into_iter()
        .map(|(k, _)| format!("{prefix}{k}"))
        .collect();
    for key in stale {
        params.delete(&key);
    }
    for (path, value) in pairs {
        params.append(&format!("{prefix}{path}"), value);
    }
    let location = window.location();
    let (Ok(path), Ok(hash)) = (location.pathname(), location.hash()) else {
        return;
    };
    let query = String::from(params.to_string());
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}
