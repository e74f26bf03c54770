//! The runner and its workers: starting them, hearing what they say, and
//! handing them cells.

use leptos::prelude::*;
use page_data::sweep_schedule::Accepted;

use super::super::worker_pool::{worker_count, WorkerNews, WorkerPool};
use super::{now_ms, Engine, Slot, SweepRunner, WORKER_START_MS};

impl SweepRunner {
    /// Starts the workers once (they serve every sweep of this demo).
    pub(super) fn start_workers(self) {
        if self.engine.try_with_value(|e| e.pool_tried) != Some(false) {
            return;
        }
        let count = worker_count();
        let pool = WorkerPool::spawn(count, move |news| self.hear(news));
        let started = pool.is_some();
        self.engine.update_value(|e| {
            e.pool_tried = true;
            e.slots = vec![Slot::default(); pool.as_ref().map_or(0, WorkerPool::len)];
            e.pool = pool;
        });
        if started {
            set_timeout(
                move || self.give_up_on_slow_workers(),
                std::time::Duration::from_millis(WORKER_START_MS),
            );
        }
    }

    pub(super) fn give_up_on_slow_workers(self) {
        self.engine.try_update_value(|e| {
            for slot in e.slots.iter_mut().filter(|s| !s.ready) {
                slot.failed = true;
            }
        });
        self.pump();
    }

    /// What a worker said.
    pub(super) fn hear(self, news: WorkerNews) {
        if crate::panic_report::stopped() {
            return;
        }
        let now = now_ms();
        let speed = self.speed.try_get_untracked().unwrap_or(1.0);
        let playing = self.playing.try_get_untracked().unwrap_or(false);
        let outcome = self.engine.try_update_value(|e| {
            let Engine { run, slots, .. } = e;
            match news {
                WorkerNews::Ready(i) => {
                    if let Some(slot) = slots.get_mut(i) {
                        slot.ready = true;
                    }
                    None
                }
                WorkerNews::Failed(i, reason) => {
                    leptos::logging::warn!(
                        "sweep worker {i} stopped: {reason}; the page computes its share"
                    );
                    if let Some(slot) = slots.get_mut(i) {
                        slot.failed = true;
                        slot.busy = false;
                    }
                    if let Some(run) = run.as_mut() {
                        run.schedule.lose(i);
                    }
                    None
                }
                WorkerNews::Answer(i, answer) => {
                    let slot = slots.get_mut(i)?;
                    slot.busy = false;
                    if speed < 1.0 {
                        slot.resume_at = now + (now - slot.sent_at) * (1.0 / speed - 1.0);
                    }
                    let delay = slot.resume_at - now;
                    let run = run.as_mut()?;
                    match run.schedule.accept(i, answer) {
                        Accepted::Stored => {
                            if let Some(used) = run.workers_used.get_mut(i) {
                                *used = true;
                            }
                            let owed = run.steps_owed > 0;
                            run.steps_owed = run.steps_owed.saturating_sub(1);
                            Some((playing || owed, delay))
                        }
                        Accepted::Stale => Some((false, delay)),
                        Accepted::Refused(reason) => {
                            leptos::logging::warn!("sweep worker {i} refused a cell: {reason}");
                            slot.failed = true;
                            None
                        }
                    }
                }
            }
        });
        if let Some(Some((reveal, delay))) = outcome {
            if reveal {
                let playing = self.playing.get_untracked();
                self.show(|s| {
                    if playing {
                        s.reveal_all()
                    } else {
                        s.reveal_one()
                    }
                });
            }
            if delay > 0.0 {
                set_timeout(
                    move || self.pump(),
                    std::time::Duration::from_millis(delay.ceil() as u64),
                );
                return;
            }
        }
        self.pump();
    }

    /// Hands waiting cells to idle workers, or computes in the page when
    /// no worker is left.
    pub(super) fn pump(self) {
        if crate::panic_report::stopped() || !self.playing.try_get_untracked().unwrap_or(false) {
            return;
        }
        let now = now_ms();
        let Some(compute_here) = self.engine.try_update_value(|e| {
            let workers = e.has_workers();
            let Engine {
                run, pool, slots, ..
            } = e;
            let run = run.as_mut().filter(|r| !r.done)?;
            if workers {
                if let Some(pool) = pool.as_ref() {
                    for (i, slot) in slots.iter_mut().enumerate() {
                        if !slot.idle(now) {
                            continue;
                        }
                        let Some(task) = run.schedule.hand_out(i) else {
                            break;
                        };
                        slot.busy = pool.post(i, &task);
                        slot.sent_at = now;
                        if !slot.busy {
                            slot.failed = true;
                            run.schedule.lose(i);
                        }
                    }
                }
                return None;
            }
            if run.local_loop {
                return None;
            }
            run.local_loop = true;
            Some(run.schedule.generation())
        }) else {
            return;
        };
        if let Some(generation) = compute_here {
            self.compute_here(generation);
        }
    }
}
