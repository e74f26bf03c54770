//! A deep-space run at one instant, replayed from its event log: what is in
//! flight on each hop (and whether it will arrive), what each node holds
//! while it waits for an acknowledgement, and how many were delivered.

use sim::{DeepSpaceEvent, DeepSpaceEventKind, Micros, Payload};

/// How a transmission ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Arrives,
    Lost,
    BlackedOut,
}

/// Something crossing a hop.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Flight {
    pub message: u32,
    pub hop: u32,
    pub payload: Payload,
    /// How far across, 0 to 1 (messages go outward, acks come back).
    pub progress: f64,
    pub fate: Fate,
}

/// The run at one instant.
#[derive(Debug, Clone, PartialEq)]
pub struct DeepSpaceSnapshot {
    pub flights: Vec<Flight>,
    /// Per node: messages it has sent or received and still waits to have
    /// acknowledged (what it must keep in store).
    pub holding: Vec<u32>,
    pub delivered: u32,
    pub retransmissions: u32,
}

/// Replays `trace` (of a path with one-way `light_us` per hop) up to `at`.
/// With `custody`, relays keep what they forward until it is acknowledged;
/// end to end, only the source does.
pub fn deep_space_snapshot(
    trace: &[DeepSpaceEvent],
    light_us: &[Micros],
    custody: bool,
    at: Micros,
) -> DeepSpaceSnapshot {
    DeepSpaceReplay::new(light_us, custody)
        .seek(trace, at)
        .clone()
}

/// A replay that moves forward through a run's event log, so that playing
/// the run back costs each event once rather than once per frame. Seeking
/// back starts over.
#[derive(Debug, Clone)]
pub struct DeepSpaceReplay {
    light_us: Vec<Micros>,
    custody: bool,
    /// Index of the next event to apply.
    next: usize,
    at: Micros,
    snap: DeepSpaceSnapshot,
    /// Per node, per message: held (waiting for an acknowledgement).
    held: Vec<Vec<bool>>,
    /// Indices of transmissions that may still be in flight.
    flying: Vec<usize>,
}

impl DeepSpaceReplay {
    pub fn new(light_us: &[Micros], custody: bool) -> Self {
        let hops = light_us.len();
        DeepSpaceReplay {
            light_us: light_us.to_vec(),
            custody,
            next: 0,
            at: 0,
            snap: DeepSpaceSnapshot {
                flights: Vec::new(),
                holding: vec![0; hops + 1],
                delivered: 0,
                retransmissions: 0,
            },
            held: vec![Vec::new(); hops + 1],
            flying: Vec::new(),
        }
    }

    fn light(&self, hop: u32) -> Micros {
        self.light_us.get(hop as usize).copied().unwrap_or(0).max(1)
    }

    fn hold(&mut self, node: usize, m: u32, on: bool) {
        let node = node.min(self.light_us.len());
        let row = &mut self.held[node];
        let m = m as usize;
        if row.len() <= m {
            row.resize(m + 1, false);
        }
        if row[m] != on {
            row[m] = on;
            if on {
                self.snap.holding[node] += 1;
            } else {
                self.snap.holding[node] -= 1;
            }
        }
    }

    /// The run at `at`, from where the replay is (or from the start if
    /// `at` is earlier).
    pub fn seek(&mut self, trace: &[DeepSpaceEvent], at: Micros) -> &DeepSpaceSnapshot {
        if at < self.at {
            *self = DeepSpaceReplay::new(&self.light_us, self.custody);
        }
        while let Some(e) = trace.get(self.next).filter(|e| e.at <= at) {
            match e.kind {
                DeepSpaceEventKind::Transmitted {
                    message,
                    hop,
                    payload,
                } => {
                    if payload == Payload::Message && (hop == 0 || self.custody) {
                        self.hold(hop as usize, message, true);
                    }
                    self.flying.push(self.next);
                }
                DeepSpaceEventKind::Acknowledged { message, node } => {
                    self.hold(node as usize, message, false);
                }
                DeepSpaceEventKind::Delivered { .. } => self.snap.delivered += 1,
                DeepSpaceEventKind::Retransmitted { .. } => self.snap.retransmissions += 1,
                _ => {}
            }
            self.next += 1;
        }
        self.at = at;
        // What has landed by now has landed for good: time only moves on.
        let light_us = &self.light_us;
        let landed = |i: &usize| match trace[*i].kind {
            DeepSpaceEventKind::Transmitted { hop, .. } => {
                let light = light_us.get(hop as usize).copied().unwrap_or(0).max(1);
                at - trace[*i].at >= light
            }
            _ => true,
        };
        self.flying.retain(|i| !landed(i));
        let flights = self
            .flying
            .iter()
            .filter_map(|&i| {
                let e = &trace[i];
                let DeepSpaceEventKind::Transmitted {
                    message,
                    hop,
                    payload,
                } = e.kind
                else {
                    return None;
                };
                let fate = match trace.get(i + 1).map(|n| n.kind) {
                    Some(DeepSpaceEventKind::Lost {
                        message: m,
                        hop: h,
                        payload: p,
                    }) if (m, h, p) == (message, hop, payload) && n_at(trace, i + 1) == e.at => {
                        Fate::Lost
                    }
                    Some(DeepSpaceEventKind::BlackedOut {
                        message: m,
                        hop: h,
                        payload: p,
                    }) if (m, h, p) == (message, hop, payload) && n_at(trace, i + 1) == e.at => {
                        Fate::BlackedOut
                    }
                    _ => Fate::Arrives,
                };
                Some(Flight {
                    message,
                    hop,
                    payload,
                    progress: (at - e.at) as f64 / self.light(hop) as f64,
                    fate,
                })
            })
            .collect();
        self.snap.flights = flights;
        &self.snap
    }
}

fn n_at(trace: &[DeepSpaceEvent], i: usize) -> Micros {
    trace.get(i).map_or(Micros::MAX, |e| e.at)
}

/// `(t_ms, delivered so far)` points, stepping at each delivery.
pub fn delivery_points(trace: &[DeepSpaceEvent]) -> Vec<(f64, f64)> {
    let mut out = vec![(0.0, 0.0)];
    let mut n = 0.0;
    for e in trace {
        if let DeepSpaceEventKind::Delivered { .. } = e.kind {
            let t = sim::micros_to_ms(e.at);
            out.push((t, n));
            n += 1.0;
            out.push((t, n));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim::{ms_to_micros, run_deep_space_traced, DeepSpaceScenario, Recovery};

    fn light(s: &DeepSpaceScenario) -> Vec<Micros> {
        s.hops.iter().map(|h| ms_to_micros(h.light_ms)).collect()
    }

    #[test]
    fn a_replay_moving_forward_agrees_with_a_replay_from_the_start() {
        for custody in [false, true] {
            let s = DeepSpaceScenario {
                recovery: if custody {
                    Recovery::Custody
                } else {
                    Recovery::EndToEnd
                },
                ..DeepSpaceScenario::default()
            };
            let run = run_deep_space_traced(&s, 2);
            let mut replay = DeepSpaceReplay::new(&light(&s), custody);
            let end = run.trace.last().map_or(0, |e| e.at);
            for at in (0..=end)
                .step_by((end / 41).max(1) as usize)
                .chain([end / 3, end])
            {
                let fresh = deep_space_snapshot(&run.trace, &light(&s), custody, at);
                assert_eq!(replay.seek(&run.trace, at), &fresh, "at {at}");
            }
        }
    }

    #[test]
    fn flights_are_in_progress_and_the_end_state_matches_the_run() {
        let s = DeepSpaceScenario::default();
        let run = run_deep_space_traced(&s, 1);
        let mid = deep_space_snapshot(&run.trace, &light(&s), false, ms_to_micros(700_000.0));
        assert!(!mid.flights.is_empty());
        assert!(mid.flights.iter().all(|f| (0.0..1.0).contains(&f.progress)));
        assert!(mid.holding[0] > 0, "the source waits for acknowledgements");
        let end = deep_space_snapshot(&run.trace, &light(&s), false, u64::MAX);
        assert_eq!(end.delivered, run.delivered);
        assert_eq!(end.holding[0], 0, "everything acknowledged in the end");
        assert!(end.flights.is_empty());
        let points = delivery_points(&run.trace);
        assert_eq!(points.last().map(|p| p.1), Some(f64::from(run.delivered)));
    }

    #[test]
    fn custody_relays_hold_what_they_forward() {
        let s = DeepSpaceScenario {
            recovery: Recovery::Custody,
            ..DeepSpaceScenario::default()
        };
        let run = run_deep_space_traced(&s, 1);
        let snaps: Vec<_> = (1..40)
            .map(|k| {
                deep_space_snapshot(
                    &run.trace,
                    &light(&s),
                    true,
                    ms_to_micros(k as f64 * 30_000.0),
                )
            })
            .collect();
        assert!(snaps.iter().any(|sn| sn.holding[1] > 0));
    }
}
