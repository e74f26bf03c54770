//! The deep-space path as the demo's controls see it: the first hop is
//! Earth to the Moon relay, the last is the long one to Mars; a
//! conjunction is one blackout window on that last hop.

use sim::{DeepSpaceScenario, Window};

/// When a conjunction blackout starts, in ms from the first message.
pub const BLACKOUT_START_MS: f64 = 20.0 * 60_000.0;

/// Names of the path's nodes, Earth first.
pub fn node_names(s: &DeepSpaceScenario) -> Vec<&'static str> {
    match s.hops.len() {
        1 => vec!["Earth", "Mars"],
        2 => vec!["Earth", "Moon relay", "Mars"],
        n => std::iter::once("Earth")
            .chain(std::iter::repeat_n("relay", n - 1))
            .chain(std::iter::once("Mars"))
            .collect(),
    }
}

/// One-way light time of the last hop, in minutes.
pub fn mars_light_min(s: &DeepSpaceScenario) -> f64 {
    s.hops.last().map_or(0.0, |h| h.light_ms / 60_000.0)
}

pub fn set_mars_light_min(s: &mut DeepSpaceScenario, minutes: f64) {
    if let Some(h) = s.hops.last_mut() {
        h.light_ms = minutes * 60_000.0;
    }
}

/// Loss on hop `i` (0 to 1), or 0 if the path is shorter.
pub fn loss(s: &DeepSpaceScenario, i: usize) -> f64 {
    s.hops.get(i).map_or(0.0, |h| h.loss)
}

pub fn set_loss(s: &mut DeepSpaceScenario, i: usize, loss: f64) {
    if let Some(h) = s.hops.get_mut(i) {
        h.loss = loss;
    }
}

/// Length of the conjunction blackout on the last hop, in minutes.
pub fn blackout_min(s: &DeepSpaceScenario) -> f64 {
    s.hops
        .last()
        .and_then(|h| h.blackouts.first())
        .map_or(0.0, |w| (w.end_ms - w.start_ms) / 60_000.0)
}

pub fn set_blackout_min(s: &mut DeepSpaceScenario, minutes: f64) {
    if let Some(h) = s.hops.last_mut() {
        let start = h
            .blackouts
            .first()
            .map_or(BLACKOUT_START_MS, |w| w.start_ms);
        h.blackouts = if minutes > 0.0 {
            vec![Window {
                start_ms: start,
                end_ms: start + minutes * 60_000.0,
            }]
        } else {
            Vec::new()
        };
    }
}

/// `t = 1 h 02 min 05 s` for a playhead in µs.
pub fn clock(at: sim::Micros) -> String {
    let total = at / 1_000_000;
    let (h, m, s) = (total / 3600, (total / 60) % 60, total % 60);
    if h > 0 {
        format!("t = {h} h {m:02} min {s:02} s")
    } else {
        format!("t = {m} min {s:02} s")
    }
}
