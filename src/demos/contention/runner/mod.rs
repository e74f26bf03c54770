//! Runs a contention sweep without holding up the page: its cells go to
//! web workers (one per core), or, where no worker can start, are computed
//! in the page a few milliseconds per animation frame. Play, pause, step
//! and speed act on either. Which cells exist and what they give is the
//! sim's business, and the bookkeeping is `page_data::sweep_schedule`'s;
//! this decides when and where.

use leptos::prelude::*;
use page_data::sweep_schedule::SweepSchedule;
use sim::{ContentionSummary, ContentionSweep};

use super::local_cell::LocalCell;
use super::worker_pool::WorkerPool;

mod frames;
mod workers;

/// Work done in the page per animation frame at full speed, in ms, when it
/// computes cells itself (one run is at most a few ms).
const FRAME_BUDGET_MS: f64 = 24.0;

/// How long workers may take to start before the page computes without
/// the ones that have not.
const WORKER_START_MS: u64 = 5_000;

/// How the last sweep went: for the reader, and for measuring.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SweepTiming {
    pub total_ms: f64,
    /// The longest gap between two animation frames while it ran.
    pub longest_frame_ms: f64,
    /// Workers that computed it (0: the page itself).
    pub workers: usize,
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// One worker, as the runner sees it.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    ready: bool,
    busy: bool,
    failed: bool,
    /// When its current task was posted.
    sent_at: f64,
    /// Not before this time (slower speeds leave gaps between tasks).
    resume_at: f64,
}

impl Slot {
    fn idle(&self, now: f64) -> bool {
        self.ready && !self.busy && !self.failed && now >= self.resume_at
    }
}

/// The sweep in progress.
struct Run {
    schedule: SweepSchedule,
    /// A cell the page is computing itself.
    local: Option<LocalCell>,
    /// An animation-frame loop computing in the page is scheduled.
    local_loop: bool,
    /// Answers to show while paused, one per "step" click.
    steps_owed: u32,
    started: f64,
    last_frame: Option<f64>,
    longest_frame: f64,
    /// Workers that answered for this sweep.
    workers_used: Vec<bool>,
    done: bool,
}

#[derive(Default)]
struct Engine {
    generation: u64,
    run: Option<Run>,
    pool: Option<WorkerPool>,
    slots: Vec<Slot>,
    /// Workers were tried (started, or refused by the browser).
    pool_tried: bool,
}

impl Engine {
    /// Whether any worker may still answer.
    fn has_workers(&self) -> bool {
        self.slots.iter().any(|s| !s.failed)
    }
}

/// The sweep's results and the controls over its progress.
#[derive(Clone, Copy)]
pub struct SweepRunner {
    pub results: RwSignal<Vec<ContentionSummary>>,
    pub timing: RwSignal<Option<SweepTiming>>,
    pub playing: RwSignal<bool>,
    /// Share of full speed (the "speed" control).
    pub speed: RwSignal<f64>,
    engine: StoredValue<Engine, LocalStorage>,
}

impl SweepRunner {
    pub fn new() -> Self {
        Self {
            results: RwSignal::new(Vec::new()),
            timing: RwSignal::new(None),
            playing: RwSignal::new(true),
            speed: RwSignal::new(1.0),
            engine: StoredValue::new_local(Engine::default()),
        }
    }

    /// Starts a new sweep, superseding any running one.
    pub fn start(self, sweep: ContentionSweep, seed: u64) {
        self.start_workers();
        let Some(generation) = self.engine.try_update_value(|e| {
            e.generation += 1;
            e.run = Some(Run {
                schedule: SweepSchedule::new(e.generation, sweep, seed, e.slots.len()),
                local: None,
                local_loop: false,
                steps_owed: 0,
                started: now_ms(),
                last_frame: None,
                longest_frame: 0.0,
                workers_used: vec![false; e.slots.len()],
                done: false,
            });
            e.generation
        }) else {
            return;
        };
        self.results.set(Vec::new());
        self.timing.set(None);
        self.watch_frames(generation);
        self.pump();
    }

    /// Play or pause.
    pub fn toggle(self) {
        let playing = !self.playing.get_untracked();
        self.playing.set(playing);
        if playing {
            self.show(|s| s.reveal_all());
            self.pump();
        }
    }

    /// Pauses, and shows the next point: one already computed, or the next
    /// one to compute.
    pub fn step(self) {
        self.playing.set(false);
        if self.show(SweepSchedule::reveal_one) {
            return;
        }
        let now = now_ms();
        let Some(local) = self.engine.try_update_value(|e| {
            let Engine {
                run, pool, slots, ..
            } = e;
            let run = run.as_mut().filter(|r| !r.done)?;
            if let Some(cell) = run.local.take() {
                return Some(Some(cell)); // the page was computing one: finish it
            }
            if !run.schedule.has_waiting() {
                run.steps_owed += 1; // a worker is computing the last ones
                return None;
            }
            if let (Some(pool), Some(i)) = (pool.as_ref(), slots.iter().position(|s| s.idle(now))) {
                if let Some(task) = run.schedule.hand_out(i) {
                    slots[i].busy = pool.post(i, &task);
                    slots[i].sent_at = now;
                    run.steps_owed += 1;
                    return None;
                }
            }
            if slots.iter().any(|s| !s.failed && (s.busy || !s.ready)) {
                run.steps_owed += 1; // the next answer will be shown
                return None;
            }
            Some(LocalCell::claim(&mut run.schedule))
        }) else {
            return;
        };
        if let Some(cell) = local.flatten() {
            self.finish_locally(cell);
        }
    }

    /// Computes one cell in the page at once (a "step" with no worker).
    fn finish_locally(self, cell: LocalCell) {
        self.engine.update_value(|e| {
            if let Some(run) = e.run.as_mut() {
                if let Some((i, summary)) = cell.finish(&run.schedule) {
                    run.schedule.store(i, summary);
                }
            }
        });
        self.show(SweepSchedule::reveal_one);
    }

    /// Reveals with `reveal` and publishes; true if anything new is shown.
    fn show(self, reveal: impl FnOnce(&mut SweepSchedule) -> bool) -> bool {
        let Some(Some((shown, timing))) = self.engine.try_update_value(|e| {
            let run = e.run.as_mut()?;
            if !reveal(&mut run.schedule) {
                return None;
            }
            let timing = (run.schedule.finished() && !run.done).then(|| {
                run.done = true;
                SweepTiming {
                    total_ms: now_ms() - run.started,
                    longest_frame_ms: run.longest_frame,
                    workers: run.workers_used.iter().filter(|&&u| u).count(),
                }
            });
            Some((run.schedule.shown(), timing))
        }) else {
            return false;
        };
        self.results.set(shown);
        if timing.is_some() {
            self.timing.set(timing);
        }
        true
    }
}
