//! The simulations' module (`src/bin/sim_worker.rs`) as the demos reach it:
//! started as a module worker by `js/sim-worker.js`, or, where no worker can
//! start, imported on the page by `js/sim-here.js`.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Worker, WorkerOptions, WorkerType};

/// The worker's script, beside the module (copied by trunk).
const WORKER_SCRIPT: &str = "sim-worker.js";
/// The module's JS glue (trunk's output for the worker bin).
const MODULE: &str = "sim_worker.js";

#[wasm_bindgen(module = "/js/sim-here.js")]
extern "C" {
    #[wasm_bindgen(js_name = answerRunHere)]
    fn answer_run_here(url: &str, task: &[u8]) -> js_sys::Promise;
}

/// Starts a worker, or `None` if the browser will not (no Worker, or a
/// policy forbids it). Its module may still fail to load: it then posts
/// "failed: ..." or fires `error`.
pub fn start() -> Option<Worker> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    Worker::new_with_options(&crate::data::site_url(WORKER_SCRIPT), &options).ok()
}

/// Computes an encoded run task on the page (the reply, encoded).
pub async fn answer_here(task: &[u8]) -> Result<Vec<u8>, String> {
    let reply = JsFuture::from(answer_run_here(&crate::data::site_url(MODULE), task))
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&reply).to_vec())
}
