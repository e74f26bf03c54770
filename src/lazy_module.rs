//! The shell's way to its other wasm modules: each demo's
//! (`src/bin/demo_<key>.rs`) and the search page's (`src/bin/search.rs`). Each is an ES module trunk
//! builds beside the shell, named without a hash, which the shell imports
//! by name the first time a page needs it (`js/module-loader.js`), once
//! per page load: a page fetches only the code it shows.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/js/module-loader.js")]
extern "C" {
    #[wasm_bindgen(js_name = loadModule)]
    fn load_module(url: &str) -> js_sys::Promise;
}

/// The module whose JS glue is the site-relative `file`, started.
pub async fn load(file: &str) -> Result<JsValue, JsValue> {
    JsFuture::from(load_module(&crate::data::site_url(file))).await
}

/// Resolves in a task of its own (a zero timeout): starting a module (its
/// wasm instantiated in the task its fetch finished) and mounting what it
/// shows are then two tasks, not one that holds the page for both.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Calls the module's export `name` with `args`: its answer, or what it
/// threw.
pub fn call(module: &JsValue, name: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let export: js_sys::Function = js_sys::Reflect::get(module, &JsValue::from_str(name))?
        .dyn_into()
        .map_err(|_| JsValue::from_str(&format!("the module has no {name}")))?;
    let args: js_sys::Array = args.iter().copied().collect();
    export.apply(&JsValue::NULL, &args)
}

/// Takes what an export mounted off the page: its `unmount()`, then
/// `free()` (wasm-bindgen's, for the Rust value behind it).
pub fn unmount(handle: &JsValue) {
    for method in ["unmount", "free"] {
        if let Ok(f) = js_sys::Reflect::get(handle, &JsValue::from_str(method)) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                let _ = f.call0(handle);
            }
        }
    }
}
