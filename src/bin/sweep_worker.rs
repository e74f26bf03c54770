//! The contention sweep's web worker: takes one cell of a sweep at a time
//! from the page and posts back its summary (see
//! `page_data::sweep_protocol`). It links the simulation and the protocol,
//! not the app, so its module is small and starts fast.
//!
//! Loaded by `js/sweep-worker-loader.js`, which reports a module that fails
//! to load; trunk builds it from the `data-type="worker"` link in
//! index.html. A panic here aborts the worker; the page sees its `error`
//! event and computes the rest of the sweep itself.

#[cfg(target_arch = "wasm32")]
fn main() {
    use page_data::sweep_protocol::{answer_message, WORKER_READY};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let message = event.data().as_string().unwrap_or_default();
        // Posting a string to our own page cannot fail.
        let _ = reply_to.post_message(&JsValue::from_str(&answer_message(&message)));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(WORKER_READY));
}

/// Natively there is nothing to run: `cargo test` builds every binary.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
