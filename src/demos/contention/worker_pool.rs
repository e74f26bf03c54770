//! The web workers that compute a sweep's cells off the main thread, one
//! per core up to four, each running the contention demo's own module
//! (`src/bin/demo_contention.rs`; `crate::demos::sim_worker` starts them).
//! This only starts them, posts tasks and reports what they say; what to
//! ask is the runner's business.

use std::rc::Rc;

use page_data::sweep_protocol::{SweepAnswer, SweepTask, WORKER_READY};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// Most workers a page starts (more cores than this rarely help a sweep of
/// about a hundred cells, and each worker holds its own module).
const MAX_WORKERS: usize = 4;

/// Something a worker said.
pub enum WorkerNews {
    /// Its module is loaded: it takes tasks from now on.
    Ready(usize),
    Answer(usize, SweepAnswer),
    /// It failed to start or died (a panic aborts it): why.
    Failed(usize, String),
}

type Handlers = (
    Closure<dyn FnMut(MessageEvent)>,
    Closure<dyn FnMut(ErrorEvent)>,
);

/// Running workers; dropping the pool ends them.
pub struct WorkerPool {
    workers: Vec<Worker>,
    _handlers: Vec<Handlers>,
}

/// How many workers to start: one per logical core, 1 to [`MAX_WORKERS`].
pub fn worker_count() -> usize {
    let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency());
    (cores as usize).clamp(1, MAX_WORKERS)
}

impl WorkerPool {
    /// Starts `count` workers; `on_news` hears from them. `None` if the
    /// browser will not start one (no Worker, or a policy forbids it).
    pub fn spawn(count: usize, on_news: impl Fn(WorkerNews) + 'static) -> Option<Self> {
        let on_news: Rc<dyn Fn(WorkerNews)> = Rc::new(on_news);
        // Filled as workers start: if one cannot, dropping the pool ends
        // the ones already started.
        let mut pool = Self {
            workers: Vec::with_capacity(count),
            _handlers: Vec::with_capacity(count),
        };
        for index in 0..count {
            let worker = crate::demos::sim_worker::start()?;
            let news = Rc::clone(&on_news);
            let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                let text = e.data().as_string().unwrap_or_default();
                if text == WORKER_READY {
                    news(WorkerNews::Ready(index));
                } else if let Some(answer) = SweepAnswer::from_message(&text) {
                    news(WorkerNews::Answer(index, answer));
                } else {
                    news(WorkerNews::Failed(index, text));
                }
            });
            let news = Rc::clone(&on_news);
            let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |e: ErrorEvent| {
                // Handled: the page carries on without this worker.
                e.prevent_default();
                news(WorkerNews::Failed(index, e.message()));
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            pool.workers.push(worker);
            pool._handlers.push((on_message, on_error));
        }
        Some(pool)
    }

    pub fn len(&self) -> usize {
        self.workers.len()
    }

    /// Sends a task; false if the worker is gone.
    pub fn post(&self, worker: usize, task: &SweepTask) -> bool {
        self.workers.get(worker).is_some_and(|w| {
            w.post_message(&JsValue::from_str(&task.to_message()))
                .is_ok()
        })
    }
}

impl Drop for WorkerPool {
    fn drop(&mut self) {
        for worker in &self.workers {
            worker.set_onmessage(None);
            worker.set_onerror(None);
            worker.terminate();
        }
    }
}
