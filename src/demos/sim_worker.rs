//! The web worker that runs a demo's simulation: `js/sim-worker.js`, a
//! module worker, given the demo's own wasm module (the one this code runs
//! in), compiled, as its first message, so the module is fetched and
//! compiled once for the page and its workers.

use std::rc::Rc;
use std::sync::OnceLock;

use sim::Demo;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

/// The worker's script, at the site root (copied by trunk).
const WORKER_SCRIPT: &str = "sim-worker.js";

/// The module this code runs in: the demo it was built for.
static MODULE_DEMO: OnceLock<Demo> = OnceLock::new();

/// Says which demo this module is (its module's name follows,
/// `page_data::demo_module`); called as the module mounts its demo.
pub fn set_module_demo(demo: Demo) {
    let _ = MODULE_DEMO.set(demo);
}

/// Starts a worker running this module, or `None` if the browser will not
/// (no Worker, or a policy forbids it). Its module may still fail to load:
/// it then posts "failed: ..." or fires `error`.
pub fn start() -> Option<Worker> {
    let Some(demo) = MODULE_DEMO.get() else {
        leptos::logging::warn!("no demo mounted in this module: no worker to start");
        return None;
    };
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let script = format!(
        "{WORKER_SCRIPT}?module={}",
        page_data::demo_module(demo.key())
    );
    let worker = Worker::new_with_options(&crate::data::site_url(&script), &options).ok()?;
    // The compiled module, shared, not copied; the worker's first message.
    if worker.post_message(&wasm_bindgen::module()).is_err() {
        worker.terminate();
        return None;
    }
    Some(worker)
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
