//! Loading the data files the content build wrote.

use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The name of the `<meta>` tag that carries the site's base path: the build
/// writes `<meta name="site-base" content="/blog/">` into every page.
const BASE_META: &str = "site-base";

thread_local! {
    static SITE_BASE: String = read_site_base();
}

/// The base path from the page's `site-base` meta tag: starts and ends with
/// `/`; `/` when the tag is missing or odd.
fn read_site_base() -> String {
    let content = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("meta[name=\"{BASE_META}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"));
    normalise_base(content.as_deref().unwrap_or("/"))
}

/// `blog`, `/blog` and `/blog/` all mean `/blog/`; anything with a scheme,
/// a host or a query is not a path and means `/`.
fn normalise_base(raw: &str) -> String {
    let trimmed = raw.trim().trim_matches('/');
    if trimmed.is_empty() || trimmed.contains([':', '?', '#', '\\']) || raw.starts_with("//") {
        return "/".to_string();
    }
    format!("/{trimmed}/")
}

/// The site's base path: `/`, or `/blog/` when it lives under a sub-path.
pub fn site_base() -> String {
    SITE_BASE.with(Clone::clone)
}

/// The base path as the router wants it: `None` at the root, `/blog` below.
pub fn router_base() -> Option<String> {
    let base = site_base();
    (base != "/").then(|| base.trim_end_matches('/').to_string())
}

/// The URL of a site-relative path (the one place that knows the site root).
pub fn site_url(relative: &str) -> String {
    format!("{}{}", site_base(), relative.trim_start_matches('/'))
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

/// A data file's text, as fetched.
#[derive(Debug, Clone)]
pub struct Fetched {
    url: String,
    text: String,
}

impl Fetched {
    /// The file read as JSON, or why it is not what was expected.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T, LoadError> {
        let bad = |reason: String| LoadError {
            url: self.url.clone(),
            reason: format!("bad data: {reason}"),
        };
        let value = js_sys::JSON::parse(&self.text).map_err(|e| bad(js_reason(e)))?;
        from_js(value).map_err(bad)
    }
}

/// A JavaScript value (a parsed data file, an answer from `js/`) read as
/// `T`. The text is parsed by the browser's `JSON.parse` and read with
/// serde-wasm-bindgen rather than by serde_json: serde_json's parser, with
/// its number parsing, was about 40 KB of the shell's wasm (PERFORMANCE.md).
pub fn from_js<T: DeserializeOwned>(value: wasm_bindgen::JsValue) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// Fetches the file at the site-relative `path` as text. Not generic: the
/// shell has one copy of it whatever the file holds.
pub async fn fetch_text(path: String) -> Result<Fetched, LoadError> {
    let url = site_url(&path);
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
    Ok(Fetched { url, text })
}

/// Fetches and decodes the JSON file at the site-relative `path`.
pub async fn fetch_json<T: DeserializeOwned>(path: &str) -> Result<T, LoadError> {
    fetch_text(path.to_string()).await?.decode()
}

#[cfg(test)]
mod tests {
    use super::normalise_base;

    #[test]
    fn bases_are_paths_with_both_slashes() {
        assert_eq!(normalise_base("/"), "/");
        assert_eq!(normalise_base(""), "/");
        assert_eq!(normalise_base("/blog/"), "/blog/");
        assert_eq!(normalise_base("blog"), "/blog/");
        assert_eq!(normalise_base("/a/b"), "/a/b/");
        assert_eq!(normalise_base("https://evil.example/"), "/");
        assert_eq!(normalise_base("//evil.example/"), "/");
    }
}
