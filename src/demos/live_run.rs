//! A demo's run, computed off the page's main thread: the demo says what to
//! run (its [`RunRequest`], read from its signals), a web worker computes it,
//! and the answer becomes the run on screen. While a newer request
//! computes, the previous run stays on screen and [`LiveRun::updating`] is
//! true. Which request goes to the worker, which waits and which answer is
//! shown is `page_data::run_schedule`'s business (pure, tested natively);
//! this posts and listens. Where no worker starts, the page computes the
//! runs itself: the demo's module is the one the worker runs.

use std::ops::Deref;
use std::sync::Arc;

use super::sim_worker::{Heard, RunWorker};
use super::state::DemoState;
use leptos::prelude::*;
use page_data::run_protocol::{self, RunRequest};
use page_data::run_reply::{self, ReplyReader};
use page_data::run_schedule::{RunAction, RunSchedule};

/// A demo whose runs come from its worker: `request` says what to run
/// for the demo's seed and state, and `figure` draws the live demo once the
/// first run has arrived (until then the slot's static picture stays).
pub fn live_demo<S, R, V>(
    state: DemoState<S>,
    index: usize,
    request: fn(u64, S) -> R,
    figure: fn(DemoState<S>, LiveRun<R>, usize) -> V,
) -> impl IntoView
where
    S: Clone + Send + Sync + 'static,
    R: RunRequest,
    V: IntoView + 'static,
{
    let (seed, scenario) = (state.seed, state.scenario);
    let live = LiveRun::new(move || request(seed.get(), scenario.get()));
    view! {
        <Show when=move || live.ready()>
            {figure(state.clone(), live, index)}
        </Show>
    }
}

/// A run as shown: shared, not copied, and equal only to itself (a new
/// answer is a new run, and comparing two runs event by event would cost
/// as much as drawing them).
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    /// A run shared out of a larger answer.
    pub fn from_arc(run: Arc<T>) -> Self {
        Self(run)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

struct Engine<R> {
    schedule: RunSchedule,
    /// The reader's newest request (the only one that may still be posted).
    newest: Option<R>,
    worker: Option<RunWorker>,
    /// No worker will start on this page: the page computes.
    no_workers: bool,
    /// The generation whose reply is being read, part by part.
    reading: Option<u64>,
}

impl<R> Default for Engine<R> {
    fn default() -> Self {
        Self {
            schedule: RunSchedule::default(),
            newest: None,
            worker: None,
            no_workers: false,
            reading: None,
        }
    }
}

/// How long one task reads a reply's parts before it lets the page do
/// something else (a part is a few milliseconds; the whole reply of a run
/// at its most expensive link took 60-95 ms in one task on a loaded
/// machine).
const READ_SLICE_MS: f64 = 10.0;

/// The run of a demo (the run its request `R` answers with), as computed
/// off the page.
pub struct LiveRun<R: RunRequest> {
    shown: RwSignal<Option<Shared<R::Run>>>,
    /// A newer run than the one on screen is computing.
    pub updating: RwSignal<bool>,
    engine: StoredValue<Engine<R>, LocalStorage>,
}

impl<R: RunRequest> Clone for LiveRun<R> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<R: RunRequest> Copy for LiveRun<R> {}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

impl<R: RunRequest> LiveRun<R> {
    /// Asks for `request()` now and whenever the signals it reads change.
    /// The worker ends when the demo unmounts (with the reactive owner).
    pub fn new(request: impl Fn() -> R + 'static) -> Self {
        let live = Self {
            shown: RwSignal::new(None),
            updating: RwSignal::new(true),
            engine: StoredValue::new_local(Engine::default()),
        };
        Effect::new(move |_| {
            let request = request();
            live.ask(request);
        });
        live
    }

    /// Whether a run has arrived (until then the static picture stays).
    pub fn ready(self) -> bool {
        self.shown.with(Option::is_some)
    }

    /// The run on screen. Read it only where [`ready`](Self::ready) holds
    /// (inside a `Show` on it): before the first answer there is no run.
    pub fn run(self) -> Memo<Shared<R::Run>> {
        Memo::new(move |previous: Option<&Shared<R::Run>>| {
            self.shown
                .get()
                .or_else(|| previous.cloned())
                .expect("LiveRun::run is read only once a run has arrived")
        })
    }

    fn ask(self, request: R) {
        if crate::panic_report::stopped() {
            return;
        }
        let now = now_ms();
        let Some(action) = self.engine.try_update_value(|e| {
            e.newest = Some(request);
            e.schedule.ask(now).1
        }) else {
            return;
        };
        self.publish_updating();
        self.act(action);
    }

    fn act(self, action: RunAction) {
        match action {
            RunAction::Wait => {}
            RunAction::Post(generation) => self.post(generation),
            RunAction::Restart(generation) => {
                // Ends the busy worker (its answer would be stale anyway).
                self.engine.update_value(|e| e.worker = None);
                self.post(generation);
            }
        }
    }

    fn task(self, generation: u64) -> Option<Vec<u8>> {
        self.engine
            .try_with_value(|e| {
                e.newest
                    .as_ref()
                    .map(|request| run_protocol::encode_task(generation, request))
            })
            .flatten()
    }

    fn post(self, generation: u64) {
        let starting = self
            .engine
            .try_with_value(|e| e.worker.is_none() && !e.no_workers);
        if starting != Some(true) {
            self.post_now(generation);
            return;
        }
        // Starting a worker holds the page about 10 ms (measured): not in
        // the task that mounts the demo or reads a run.
        set_timeout(
            move || {
                if self.engine.try_with_value(|_| ()).is_some() {
                    self.post_now(generation);
                }
            },
            std::time::Duration::ZERO,
        );
    }

    fn post_now(self, generation: u64) {
        let Some(task) = self.task(generation) else {
            return;
        };
        if !self.ensure_worker() {
            self.compute_here(task);
            return;
        }
        let posted = self
            .engine
            .with_value(|e| e.worker.as_ref().is_some_and(|w| w.post(&task)));
        if !posted {
            self.lose_worker("it refused a message".to_string());
        }
    }

    /// Starts the worker if there is none; false if none will start.
    fn ensure_worker(self) -> bool {
        if self
            .engine
            .with_value(|e| e.worker.is_some() || e.no_workers)
        {
            return self.engine.with_value(|e| e.worker.is_some());
        }
        let worker = self.spawn();
        let started = worker.is_some();
        self.engine.update_value(|e| {
            e.no_workers = !started;
            e.worker = worker;
        });
        started
    }

    fn spawn(self) -> Option<RunWorker> {
        RunWorker::start(move |heard| match heard {
            Heard::Reply(reply) => self.hear(reply),
            Heard::Failed(reason) => self.lose_worker(reason),
        })
    }

    /// A reply, from the worker or from the page's own computing.
    fn hear(self, reply: Vec<u8>) {
        if crate::panic_report::stopped() {
            return;
        }
        let Some(generation) = run_reply::reply_generation(&reply) else {
            return;
        };
        let now = now_ms();
        let Some((show, next)) = self
            .engine
            .try_update_value(|e| e.schedule.answered(generation, now))
        else {
            return;
        };
        // The next run starts before this one is read.
        self.act(next);
        if show {
            match ReplyReader::<R>::new(reply) {
                Ok(reader) => {
                    // A reply still being read is superseded by this one.
                    self.engine.update_value(|e| e.reading = Some(generation));
                    // The parts are read from the next task on: the first
                    // reading of a run also compiles its decoder (the
                    // browser compiles wasm functions when first called),
                    // 15 ms for the head and 30 for a first part, measured.
                    self.read_later(generation, reader);
                }
                Err(reason) => leptos::logging::warn!("a run could not be read: {reason}"),
            }
        }
        self.publish_updating();
    }

    /// Reads a reply's parts for [`READ_SLICE_MS`], then goes on in a task
    /// of its own (dropped if a newer reply came meanwhile); the run goes
    /// on screen when the last part is in.
    fn read_on(self, generation: u64, mut reader: ReplyReader<R>) {
        let start = now_ms();
        while !reader.done() && now_ms() - start < READ_SLICE_MS {
            if let Err(reason) = reader.read_part() {
                leptos::logging::warn!("a run could not be read: {reason}");
                self.stop_reading(generation);
                return;
            }
        }
        if !reader.done() {
            self.read_later(generation, reader);
            return;
        }
        self.stop_reading(generation);
        self.show(Shared(Arc::new(reader.run())));
    }

    /// Reads on in a task of its own, unless a newer reply came meanwhile.
    fn read_later(self, generation: u64, reader: ReplyReader<R>) {
        set_timeout(
            move || {
                let current = self
                    .engine
                    .try_with_value(|e| e.reading == Some(generation));
                if current == Some(true) && !crate::panic_report::stopped() {
                    self.read_on(generation, reader);
                }
            },
            std::time::Duration::ZERO,
        );
    }

    fn stop_reading(self, generation: u64) {
        self.engine.try_update_value(|e| {
            if e.reading == Some(generation) {
                e.reading = None;
            }
        });
        self.publish_updating();
    }

    /// Puts a run on screen. The first one builds the whole live figure,
    /// so it waits for a task of its own instead of adding to the one that
    /// decoded it (together, one long task that holds the page); later
    /// runs only redraw, at once.
    fn show(self, run: Shared<R::Run>) {
        if self.shown.with_untracked(Option::is_some) {
            self.shown.set(Some(run));
            return;
        }
        set_timeout(
            move || {
                self.shown.try_set(Some(run));
            },
            std::time::Duration::ZERO,
        );
    }

    fn lose_worker(self, reason: String) {
        leptos::logging::warn!(
            "the demo's worker stopped: {reason}; the page computes the runs itself"
        );
        let now = now_ms();
        let lost = self
            .engine
            .try_update_value(|e| {
                e.worker = None;
                e.no_workers = true;
                e.schedule.lost_worker(now)
            })
            .flatten();
        if let Some(task) = lost.and_then(|generation| self.task(generation)) {
            self.compute_here(task);
        }
    }

    /// Computes a task on the page, in a task of its own (the worker would
    /// have run the same code, from the same module).
    fn compute_here(self, task: Vec<u8>) {
        set_timeout(
            move || {
                if self.engine.try_with_value(|_| ()).is_some() {
                    self.hear(run_reply::answer_run::<R>(&task));
                }
            },
            std::time::Duration::ZERO,
        );
    }

    fn publish_updating(self) {
        let updating = self
            .engine
            .try_with_value(|e| e.schedule.updating() || e.reading.is_some());
        if let Some(updating) = updating {
            self.updating.try_set(updating);
        }
    }
}
