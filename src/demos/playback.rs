//! Playing a finished run back over time, as RaftScope does: the view only
//! decides how far the playhead has got; the run itself is already decided
//! by the sim. Wall-clock gaps over 500 ms (a background tab) are ignored,
//! and the playhead moves only while the demo is on the screen
//! ([`OnScreen`]): scrolled away, it waits where it was, still playing.

use leptos::prelude::*;
use sim::{micros_to_ms, Micros};

use super::motion::prefers_reduced_motion;
use super::on_screen::OnScreen;

/// Longest wall-clock step honoured between two frames, in ms.
const MAX_FRAME_GAP_MS: f64 = 500.0;

/// Speeds offered: simulated milliseconds per wall-clock millisecond.
pub const SPEEDS: [f64; 5] = [0.1, 0.25, 0.5, 1.0, 2.0];

/// The playhead and how it moves.
#[derive(Clone, Copy)]
pub struct Playback {
    pub playhead: RwSignal<Micros>,
    pub playing: RwSignal<bool>,
    pub speed: RwSignal<f64>,
    end: Signal<Micros>,
    on_screen: Option<OnScreen>,
    generation: StoredValue<u64>,
}

impl Playback {
    /// A playback over `[0, end]`: playing from 0, or, for a reader who
    /// prefers reduced motion, at the end and still.
    pub fn new(end: Signal<Micros>) -> Self {
        let reduced = prefers_reduced_motion();
        let pb = Self {
            playhead: RwSignal::new(if reduced { end.get_untracked() } else { 0 }),
            playing: RwSignal::new(!reduced),
            speed: RwSignal::new(1.0),
            end,
            on_screen: OnScreen::current(),
            generation: StoredValue::new(0),
        };
        // A new run (parameters changed) keeps the playhead where it was,
        // clamped; with reduced motion it jumps to the end.
        Effect::new(move |_| {
            let end = pb.end.get();
            pb.playhead
                .update(|p| *p = if reduced { end } else { (*p).min(end) });
        });
        // Playing, and on the screen: frames run (again, from now).
        Effect::new(move |_| {
            if pb.playing.get() && pb.on_screen.is_none_or(OnScreen::get) {
                pb.start_loop();
            }
        });
        pb
    }

    fn start_loop(self) {
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        self.frame(generation, js_sys::Date::now());
    }

    fn frame(self, generation: u64, last: f64) {
        request_animation_frame(move || {
            // The demo may have been unmounted (the reader navigated away):
            // its signals are gone, and so is this loop.
            if crate::panic_report::stopped() {
                return;
            }
            let current = self.generation.try_get_value() == Some(generation);
            let shown = self
                .on_screen
                .is_none_or(|s| s.try_get_untracked() == Some(true));
            if !current || !shown || self.playing.try_get_untracked() != Some(true) {
                return;
            }
            let (Some(speed), Some(end), Some(at)) = (
                self.speed.try_get_untracked(),
                self.end.try_get_untracked(),
                self.playhead.try_get_untracked(),
            ) else {
                return;
            };
            let now = js_sys::Date::now();
            let wall_ms = (now - last).clamp(0.0, MAX_FRAME_GAP_MS);
            let advance = (wall_ms * 1000.0 * speed) as Micros;
            let next = at.saturating_add(advance.max(1)).min(end);
            self.playhead.set(next);
            if next >= end {
                self.playing.set(false);
            } else {
                self.frame(generation, now);
            }
        });
    }

    /// The same playback at `speed` (a demo whose clock runs in minutes).
    pub fn at_speed(self, speed: f64) -> Self {
        self.speed.set(speed);
        self
    }

    /// Plays from the start if at the end, else resumes; or pauses.
    pub fn toggle(&self) {
        if self.playing.get_untracked() {
            self.playing.set(false);
        } else {
            if self.playhead.get_untracked() >= self.end.get_untracked() {
                self.playhead.set(0);
            }
            self.playing.set(true);
        }
    }

    /// Pauses and moves to the first time in `times` (sorted) after the
    /// playhead, or the end.
    pub fn step(&self, times: &[Micros]) {
        self.playing.set(false);
        let at = self.playhead.get_untracked();
        let next = times
            .get(times.partition_point(|&t| t <= at))
            .copied()
            .unwrap_or_else(|| self.end.get_untracked());
        self.playhead.set(next);
    }

    /// Back to the start, paused.
    pub fn restart(&self) {
        self.playing.set(false);
        self.playhead.set(0);
    }
}

/// Play or pause, step, restart, speed and where the playhead is.
#[component]
pub fn PlaybackControls(
    playback: Playback,
    /// Sorted event times, for "step".
    #[prop(into)]
    times: Signal<Vec<Micros>>,
    /// Ids are derived from this (unique on the page).
    id: String,
    /// Speeds offered instead of [`SPEEDS`].
    #[prop(optional)]
    speeds: Option<&'static [f64]>,
    /// How the playhead is written instead of `t = N ms`.
    #[prop(optional)]
    clock: Option<fn(Micros) -> String>,
) -> impl IntoView {
    let speed_id = format!("{id}-speed");
    let speeds: &'static [f64] = speeds.unwrap_or(&SPEEDS);
    let clock = clock.unwrap_or(|at| format!("t = {:.0} ms", micros_to_ms(at)));
    view! {
        <div class="playback" role="group" aria-label="Playback">
            <button
                type="button"
                data-testid="play"
                aria-pressed=move || playback.playing.get().to_string()
                on:click=move |_| playback.toggle()
            >
                {move || if playback.playing.get() { "Pause" } else { "Play" }}
            </button>
            <button type="button" data-testid="step" on:click=move |_| times.with(|t| playback.step(t))>
                "Step"
            </button>
            <button type="button" on:click=move |_| playback.restart()>"Restart"</button>
            // The label and its list wrap together on a narrow screen.
            <span class="speed">
            <label for=speed_id.clone()>"Speed"</label>
            <select
                id=speed_id
                on:change=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                        if speeds.contains(&v) {
                            playback.speed.set(v);
                        }
                    }
                }
            >
                {speeds
                    .iter()
                    .copied()
                    .map(|s| {
                        view! {
                            <option value=s.to_string() selected=move || playback.speed.get() == s>
                                {format!("{s}×")}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            </span>
            <output class="playhead" aria-live="off">
                {move || clock(playback.playhead.get())}
            </output>
        </div>
    }
}
