//! The simulations' web worker: every demo's runs (`page_data::run_protocol`)
//! and the contention sweep's cells (`page_data::sweep_protocol`) are
//! computed here, off the page's main thread. It links the simulation and
//! the protocols, not the app, so its module is small and starts fast.
//!
//! Started by `js/sim-worker.js` (a module worker that wires messages to
//! these two functions); where no worker can start, the demos module imports
//! this same module on the page and calls [`answer_run`] itself. trunk
//! builds it from the `data-type="worker"` link in index.html (web target,
//! no hash, so the page can find it). A panic aborts the module; the page
//! sees the worker's `error` event and carries on without it.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// An encoded run task in, the encoded reply out.
    #[wasm_bindgen]
    pub fn answer_run(task: &[u8]) -> Vec<u8> {
        page_data::run_reply::answer_run(task)
    }

    /// A sweep task in, its answer out (both text).
    #[wasm_bindgen]
    pub fn answer_sweep(task: &str) -> String {
        page_data::sweep_protocol::answer_message(task)
    }
}

/// Nothing runs at start: the script that loads the module wires messages.
fn main() {}
