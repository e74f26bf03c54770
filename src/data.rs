//! Loading the data files the content build wrote.

use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The URL of a site-relative path (the one place that knows the site root).
pub fn site_url(relative: &str) -> String {
    format!("/{}", relative.trim_start_matches('/'))
}

/// Why a data file could not be loaded: shown to the reader.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub url: String,
    pub reason: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "could not load {}: {}", self.url, self.reason)
    }
}

impl LoadError {
    /// Whether the server answered that the file does not exist.
    pub fn is_not_found(&self) -> bool {
        self.reason == "HTTP 404"
    }
}

fn js_reason(value: wasm_bindgen::JsValue) -> String {
    value
        .as_string()
        .or_else(|| {
            value
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "network error".to_string())
}

/// Fetches and decodes the JSON file at the site-relative `path`.
pub async fn fetch_json<T: DeserializeOwned>(path: &str) -> Result<T, LoadError> {
    let url = site_url(path);
    let fail = |reason: String| LoadError {
        url: url.clone(),
        reason,
    };
    let window = web_sys::window().ok_or_else(|| fail("no window".into()))?;
    let response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|e| fail(js_reason(e)))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| fail("not a response".into()))?;
    if !response.ok() {
        return Err(fail(format!("HTTP {}", response.status())));
    }
    let text = JsFuture::from(response.text().map_err(|e| fail(js_reason(e)))?)
        .await
        .map_err(|e| fail(js_reason(e)))?
        .as_string()
        .ok_or_else(|| fail("body is not text".into()))?;
    serde_json::from_str(&text).map_err(|e| fail(format!("bad data: {e}")))
}
