//! What the runner does on animation frames: computing cells in the page
//! when no worker is left, and measuring the gaps between frames.

use leptos::prelude::*;
use page_data::sweep_schedule::SweepSchedule;

use super::super::local_cell::LocalCell;
use super::{now_ms, SweepRunner, FRAME_BUDGET_MS};

impl SweepRunner {
    /// Computes cells in the page, as much as fits in each animation frame.
    pub(super) fn compute_here(self, generation: u64) {
        request_animation_frame(move || {
            if crate::panic_report::stopped() {
                return;
            }
            let (Some(playing), Some(speed)) = (
                self.playing.try_get_untracked(),
                self.speed.try_get_untracked(),
            ) else {
                return;
            };
            let go_on = self.engine.try_update_value(|e| {
                let run = e
                    .run
                    .as_mut()
                    .filter(|r| r.schedule.generation() == generation)?;
                if !playing || run.done {
                    run.local_loop = false;
                    return None;
                }
                let t0 = now_ms();
                while now_ms() - t0 < FRAME_BUDGET_MS * speed {
                    let Some(mut cell) = run
                        .local
                        .take()
                        .or_else(|| LocalCell::claim(&mut run.schedule))
                    else {
                        break;
                    };
                    match cell.run_next(&run.schedule) {
                        Some((i, summary)) => run.schedule.store(i, summary),
                        None => run.local = Some(cell),
                    }
                }
                let more = run.local.is_some() || run.schedule.has_waiting();
                run.local_loop = more;
                Some(more)
            });
            self.show(SweepSchedule::reveal_all);
            if go_on == Some(Some(true)) {
                self.compute_here(generation);
            }
        });
    }

    /// Records the longest gap between animation frames while a sweep runs.
    pub(super) fn watch_frames(self, generation: u64) {
        request_animation_frame(move || {
            let now = now_ms();
            let playing = self.playing.try_get_untracked().unwrap_or(false);
            let go_on = self.engine.try_update_value(|e| {
                let run = e
                    .run
                    .as_mut()
                    .filter(|r| r.schedule.generation() == generation)?;
                if run.done {
                    return None;
                }
                if let (Some(last), true) = (run.last_frame, playing) {
                    run.longest_frame = run.longest_frame.max(now - last);
                }
                // While paused, only frames of a running sweep count.
                run.last_frame = playing.then_some(now);
                Some(())
            });
            if go_on == Some(Some(())) {
                self.watch_frames(generation);
            }
        });
    }
}
