//! Saving a demo's run as a file: a Blob, an object URL and a click.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a download named `filename` of type `mime`. Does
/// nothing if the browser refuses (no DOM, no Blob support).
pub fn download(filename: &str, mime: &str, text: &str) {
    let _ = try_download(filename, mime, text);
}

fn try_download(filename: &str, mime: &str, text: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    web_sys::Url::revoke_object_url(&url).ok()
}
