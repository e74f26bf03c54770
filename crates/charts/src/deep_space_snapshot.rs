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
    let hops = light_us.len();
    let mut snap = DeepSpaceSnapshot {
        flights: Vec::new(),
        holding: vec![0; hops + 1],
        delivered: 0,
        retransmissions: 0,
    };
    // Whether node n holds message m awaiting an acknowledgement.
    let mut held: Vec<Vec<bool>> = vec![Vec::new(); hops + 1];
    let mut hold = |node: usize, m: u32, on: bool, holding: &mut [u32]| {
        let row = &mut held[node.min(hops)];
        let m = m as usize;
        if row.len() <= m {
            row.resize(m + 1, false);
        }
        if row[m] != on {
            row[m] = on;
            if on {
                holding[node.min(hops)] += 1;
            } else {
                holding[node.min(hops)] -= 1;
            }
        }
    };
    for (i, e) in trace.iter().enumerate() {
        if e.at > at {
            break;
        }
        match e.kind {
            DeepSpaceEventKind::Transmitted {
                message,
                hop,
                payload,
            } => {
                let light = light_us.get(hop as usize).copied().unwrap_or(0).max(1);
                let elapsed = at - e.at;
                // A sender keeps a message it put on a hop until it hears
                // back; relays without custody keep nothing.
                if payload == Payload::Message && (hop == 0 || custody) {
                    hold(hop as usize, message, true, &mut snap.holding);
                }
                if elapsed < light {
                    let fate = match trace.get(i + 1).map(|n| n.kind) {
                        Some(DeepSpaceEventKind::Lost {
                            message: m,
                            hop: h,
                            payload: p,
                        }) if (m, h, p) == (message, hop, payload)
                            && n_at(trace, i + 1) == e.at =>
                        {
                            Fate::Lost
                        }
                        Some(DeepSpaceEventKind::BlackedOut {
                            message: m,
                            hop: h,
                            payload: p,
                        }) if (m, h, p) == (message, hop, payload)
                            && n_at(trace, i + 1) == e.at =>
                        {
                            Fate::BlackedOut
                        }
                        _ => Fate::Arrives,
                    };
                    snap.flights.push(Flight {
                        message,
                        hop,
                        payload,
                        progress: elapsed as f64 / light as f64,
                        fate,
                    });
                }
            }
            DeepSpaceEventKind::Acknowledged { message, node } => {
                hold(node as usize, message, false, &mut snap.holding);
            }
            DeepSpaceEventKind::Delivered { .. } => snap.delivered += 1,
            DeepSpaceEventKind::Retransmitted { .. } => snap.retransmissions += 1,
            _ => {}
        }
    }
    snap
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
