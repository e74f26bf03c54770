//! The simulations' module (`src/bin/sim_worker.rs`) as the demos reach it:
//! started as a module worker by `js/sim-worker.js`, or, where no worker can
//! start, imported on the page by `js/sim-here.js`.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

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

/// What a demo's worker tells the page.
pub enum Heard {
    /// An encoded reply (`page_data::run_protocol`).
    Reply(Vec<u8>),
    /// The worker stopped or could not load its module: the page computes
    /// without it.
    Failed(String),
}

type Handlers = (
    Closure<dyn FnMut(MessageEvent)>,
    Closure<dyn FnMut(ErrorEvent)>,
);

/// A worker computing a demo's runs; dropping it ends it.
pub struct RunWorker {
    worker: Worker,
    _handlers: Handlers,
}

impl RunWorker {
    /// Starts a worker whose messages go to `heard`, or `None` if none will
    /// start.
    pub fn start(heard: impl Fn(Heard) + 'static) -> Option<Self> {
        let worker = start()?;
        let heard = Rc::new(heard);
        let on_message = {
            let heard = Rc::clone(&heard);
            Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                let data = e.data();
                match data.as_string() {
                    Some(text) if text.starts_with("failed") => heard(Heard::Failed(text)),
                    // "ready": runs are posted without waiting for it.
                    Some(_) => {}
                    None => heard(Heard::Reply(js_sys::Uint8Array::new(&data).to_vec())),
                }
            })
        };
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |e: ErrorEvent| {
            // Handled: the page computes without the worker.
            e.prevent_default();
            heard(Heard::Failed(e.message()));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Self {
            worker,
            _handlers: (on_message, on_error),
        })
    }

    /// Posts an encoded task (its buffer transferred, not copied); false if
    /// the worker refused it.
    pub fn post(&self, task: &[u8]) -> bool {
        let bytes = js_sys::Uint8Array::from(task);
        let transfer = js_sys::Array::of1(&bytes.buffer());
        self.worker
            .post_message_with_transfer(&bytes.buffer(), &transfer)
            .is_ok()
    }
}

impl Drop for RunWorker {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}
