//! When the wasm panics, the page stays a page.
//!
//! A panic in Rust code (a bug in a demo or the sim) is reported in the
//! console (with `console_error_panic_hook`'s stack) and in every demo box
//! on the page: "This demo stopped: <message>". The release build aborts on
//! panic, so the module cannot run any more code after this hook: every
//! demo stops, not only the one that failed, and the message says so
//! honestly. What the hook does keeps the rest usable without the module:
//!
//! - the article is untouched: the prerendered copy stays on screen when
//!   the panic comes before the app took over, the app's copy otherwise;
//! - each demo box gets the message, and its controls go `inert`, so no
//!   click calls into the stopped module;
//! - every link is marked `rel="external"`, which the router ignores, so
//!   links load their (prerendered) page the ordinary way;
//! - animation loops check [`stopped`] and end.
//!
//! For the browser test, `?demo-panic=<n>` in the URL makes demo `n` panic
//! at the reader's first change to it (`?demo-panic=<n>:mount`: as it
//! mounts). It is harmless in production: it only breaks the page of
//! whoever typed it, exactly as a real bug would, and persists nothing.

use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::JsCast;

static STOPPED: AtomicBool = AtomicBool::new(false);

/// Installs the hook (once, at start).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if STOPPED.swap(true, Ordering::SeqCst) {
            return;
        }
        let message = info.payload_as_str().unwrap_or("an internal error");
        stop_demos(message);
    }));
}

/// Whether the module has panicked (loops end when it has).
pub fn stopped() -> bool {
    STOPPED.load(Ordering::Relaxed)
}

/// When demo `index` is to panic for the test: `Some(true)` as it mounts,
/// `Some(false)` at the first change.
pub fn deliberate_panic(index: usize) -> Option<bool> {
    let query = crate::demos::current_query();
    let pairs = page_data::url_state::query_pairs(&query);
    let (_, value) = pairs.iter().find(|(k, _)| k == "demo-panic")?;
    let (n, at_mount) = match value.strip_suffix(":mount") {
        Some(n) => (n, true),
        None => (value.as_str(), false),
    };
    (n.trim().parse::<usize>().ok()? == index).then_some(at_mount)
}

fn stop_demos(message: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("data-wasm-stopped", "true");
    }
    for figure in elements(&doc, "figure[data-demo]") {
        let _ = figure.set_attribute("data-stopped", "true");
        let children = figure.children();
        for i in 0..children.length() {
            if let Some(child) = children.item(i) {
                let _ = child.set_attribute("inert", "");
            }
        }
        if let Ok(note) = doc.create_element("p") {
            note.set_class_name("demo-stopped");
            let _ = note.set_attribute("role", "alert");
            note.set_text_content(Some(&format!(
                "This demo stopped: {message}. Every demo on this page has stopped with it; the article is all here, and reloading the page starts the demos again."
            )));
            let _ = figure.prepend_with_node_1(&note);
        }
    }
    for link in elements(&doc, "a[href]") {
        let rel = link.get_attribute("rel").unwrap_or_default();
        if !rel.split_whitespace().any(|r| r == "external") {
            let _ = link.set_attribute("rel", format!("{rel} external").trim());
        }
    }
}

fn elements(doc: &web_sys::Document, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = doc.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
        .collect()
}
