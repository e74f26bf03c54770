//! Running a contention sweep a few milliseconds at a time between
//! animation frames, with play, pause, step and speed. Which runs happen
//! and what they give is the sim's business; this only decides when.

use leptos::prelude::*;
use sim::{
    run_contention, summarize_runs, BackoffPolicy, ContentionRun, ContentionSummary,
    ContentionSweep,
};

/// Work done per animation frame at full speed, in ms (one run is at most
/// a few ms, so a frame stays well under 50 ms).
const FRAME_BUDGET_MS: f64 = 24.0;

/// How the last sweep went: for the reader, and for measuring.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SweepTiming {
    pub total_ms: f64,
    pub longest_frame_ms: f64,
    pub frames: u32,
}

/// A sweep in progress: which cell and run come next.
#[derive(Clone)]
pub struct Job {
    generation: u64,
    sweep: ContentionSweep,
    cells: Vec<(BackoffPolicy, u32)>,
    cell: usize,
    runs: Vec<ContentionRun>,
    seed: u64,
    started: f64,
    longest: f64,
    frames: u32,
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Makes the job's next run, closing its cell when it has all its runs.
fn run_next(job: &mut Job, finished: &mut Vec<ContentionSummary>) {
    let (strategy, clients) = job.cells[job.cell];
    let scenario = job.sweep.scenario(strategy, clients);
    let i = job.runs.len() as u64;
    job.runs
        .push(run_contention(&scenario, job.seed.wrapping_add(i)));
    if job.runs.len() as u32 >= job.sweep.runs {
        finished.push(summarize_runs(&scenario, job.seed, &job.runs));
        job.runs.clear();
        job.cell += 1;
    }
}

/// The sweep's results and the controls over its progress.
#[derive(Clone, Copy)]
pub struct SweepRunner {
    pub results: RwSignal<Vec<ContentionSummary>>,
    pub timing: RwSignal<Option<SweepTiming>>,
    pub playing: RwSignal<bool>,
    /// Share of the frame budget used (the "speed" control).
    pub speed: RwSignal<f64>,
    generation: StoredValue<u64>,
    /// A paused sweep, waiting for "play" or "step".
    parked: StoredValue<Option<Job>>,
}

impl SweepRunner {
    pub fn new() -> Self {
        Self {
            results: RwSignal::new(Vec::new()),
            timing: RwSignal::new(None),
            playing: RwSignal::new(true),
            speed: RwSignal::new(1.0),
            generation: StoredValue::new(0),
            parked: StoredValue::new(None),
        }
    }

    /// Starts a new sweep, superseding any running one.
    pub fn start(self, sweep: ContentionSweep, seed: u64) {
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        self.results.set(Vec::new());
        self.timing.set(None);
        self.parked.set_value(None);
        let cells = sweep.cells();
        let job = Job {
            generation,
            sweep,
            cells,
            cell: 0,
            runs: Vec::new(),
            seed,
            started: now_ms(),
            longest: 0.0,
            frames: 0,
        };
        if self.playing.get_untracked() {
            self.advance(job);
        } else {
            self.parked.set_value(Some(job));
        }
    }

    /// Play or pause.
    pub fn toggle(self) {
        let playing = !self.playing.get_untracked();
        self.playing.set(playing);
        if playing {
            if let Some(Some(job)) = self.parked.try_update_value(Option::take) {
                self.advance(job);
            }
        }
    }

    /// Pauses, and computes the next point.
    pub fn step(self) {
        self.playing.set(false);
        let Some(Some(mut job)) = self.parked.try_update_value(Option::take) else {
            return; // the running frame parks the job; the next click steps
        };
        let target = (job.cell + 1).min(job.cells.len());
        let mut finished = Vec::new();
        while job.cell < target {
            run_next(&mut job, &mut finished);
        }
        self.publish(job, finished, 0.0, false);
    }

    /// Publishes a frame's results; completes, continues or parks the job.
    fn publish(self, mut job: Job, finished: Vec<ContentionSummary>, frame_ms: f64, go_on: bool) {
        job.longest = job.longest.max(frame_ms);
        job.frames += 1;
        if !finished.is_empty() {
            self.results.update(|r| r.extend(finished));
        }
        if job.cell >= job.cells.len() {
            self.timing.set(Some(SweepTiming {
                total_ms: now_ms() - job.started,
                longest_frame_ms: job.longest,
                frames: job.frames,
            }));
        } else if go_on {
            self.advance(job);
        } else {
            self.parked.set_value(Some(job));
        }
    }

    /// Runs as much of `job` as fits in the next frame.
    fn advance(self, mut job: Job) {
        request_animation_frame(move || {
            // Superseded by a newer sweep, the demo is gone, or the module
            // has stopped on a panic.
            if crate::panic_report::stopped()
                || self.generation.try_get_value() != Some(job.generation)
            {
                return;
            }
            let (Some(playing), Some(speed)) = (
                self.playing.try_get_untracked(),
                self.speed.try_get_untracked(),
            ) else {
                return;
            };
            if !playing {
                self.parked.set_value(Some(job));
                return;
            }
            let t0 = now_ms();
            let mut finished = Vec::new();
            while job.cell < job.cells.len() && now_ms() - t0 < FRAME_BUDGET_MS * speed {
                run_next(&mut job, &mut finished);
            }
            self.publish(job, finished, now_ms() - t0, true);
        });
    }
}
