//! The deep-space run: messages and acknowledgements hop by hop, with
//! end-to-end or custody retransmission.

use super::outcome::{DeepSpaceEvent, DeepSpaceEventKind, DeepSpaceRun, Payload};
use super::scenario::{DeepSpaceScenario, Recovery, DEEP_SPACE_EVENT_BUDGET, MIN_TIMEOUT_FACTOR};
use crate::event_queue::EventQueue;
use crate::histogram::LatencyHistogram;
use crate::records::RunEnd;
use crate::rng::SimRng;
use crate::time::{ms_to_micros, Micros};
use crate::window::in_any;

#[derive(Debug, Clone, Copy)]
enum Event {
    /// The source sends message `m` for the first time.
    Originate { m: u32 },
    /// `m` arrives at node `node` (0 = Earth, hops.len() = destination).
    Arrive { m: u32, node: u32 },
    /// An acknowledgement for `m` arrives at node `node`.
    Ack { m: u32, node: u32 },
    /// Node `node` sends `m` if it still lacks an acknowledgement, and
    /// looks again after its timeout.
    Timer { m: u32, node: u32 },
}

/// The hops at run time: light times, byte counts and the log.
struct Net<'a> {
    s: &'a DeepSpaceScenario,
    light: Vec<Micros>,
    rng: SimRng,
    queue: EventQueue<Event>,
    bytes: u64,
    transmissions: u64,
    trace: Option<Vec<DeepSpaceEvent>>,
}

impl Net<'_> {
    fn note(&mut self, at: Micros, kind: DeepSpaceEventKind) {
        if let Some(trace) = &mut self.trace {
            trace.push(DeepSpaceEvent { at, kind });
        }
    }

    /// Puts `payload` for message `m` on hop `hop` at `now`: its arrival
    /// time at the far end, or `None` if lost or blacked out at either end
    /// of the flight.
    fn cross(&mut self, hop: usize, now: Micros, m: u32, payload: Payload) -> Option<Micros> {
        let (size, hop_no) = match payload {
            Payload::Message => (self.s.message_bytes, hop as u32),
            Payload::Ack => (self.s.ack_bytes, hop as u32),
        };
        self.bytes += u64::from(size);
        if payload == Payload::Message {
            self.transmissions += 1;
        }
        self.note(
            now,
            DeepSpaceEventKind::Transmitted {
                message: m,
                hop: hop_no,
                payload,
            },
        );
        let h = &self.s.hops[hop];
        let lost = self.rng.chance(h.loss);
        let arrive = now.saturating_add(self.light[hop]);
        if in_any(&h.blackouts, now) || in_any(&h.blackouts, arrive) {
            self.note(
                now,
                DeepSpaceEventKind::BlackedOut {
                    message: m,
                    hop: hop_no,
                    payload,
                },
            );
            None
        } else if lost {
            self.note(
                now,
                DeepSpaceEventKind::Lost {
                    message: m,
                    hop: hop_no,
                    payload,
                },
            );
            None
        } else {
            Some(arrive)
        }
    }

    /// Sends an acknowledgement for `m` from node `from` back to node `to`,
    /// hop by hop (relays pass acknowledgements straight on).
    fn send_ack(&mut self, m: u32, from: u32, to: u32, now: Micros) {
        let mut at = now;
        for hop in (to..from).rev() {
            match self.cross(hop as usize, at, m, Payload::Ack) {
                Some(next) => at = next,
                None => return,
            }
        }
        self.queue.schedule_at(at, Event::Ack { m, node: to });
    }
}

/// Runs `scenario` with `seed`, without the event log.
pub fn run_deep_space(s: &DeepSpaceScenario, seed: u64) -> DeepSpaceRun {
    run(s, seed, false)
}

/// Runs `scenario` with `seed`, keeping every event.
pub fn run_deep_space_traced(s: &DeepSpaceScenario, seed: u64) -> DeepSpaceRun {
    run(s, seed, true)
}

fn run(s: &DeepSpaceScenario, seed: u64, keep_trace: bool) -> DeepSpaceRun {
    let hop_count = s.hops.len().clamp(1, 8);
    let n = s.messages.min(100_000) as usize;
    let dest = hop_count as u32;
    let light: Vec<Micros> = s.hops[..s.hops.len().min(8)]
        .iter()
        .map(|h| ms_to_micros(h.light_ms))
        .collect();
    if light.is_empty() {
        // validate() refuses this; an empty path delivers nothing.
        return DeepSpaceRun {
            seed,
            end: RunEnd::Completed,
            events: 0,
            delivered: 0,
            p50_delivery_ms: None,
            p99_delivery_ms: None,
            max_delivery_ms: None,
            transmissions: 0,
            bytes_sent: 0,
            bytes_per_delivered: None,
            finished_ms: 0.0,
            trace: Vec::new(),
        };
    }
    let path_rtt: Micros = light.iter().sum::<Micros>() * 2;
    let factor = s.timeout_factor.max(MIN_TIMEOUT_FACTOR);
    // Timers of a node that holds a message: whole path, or its own hop.
    let timeouts: Vec<Micros> = light
        .iter()
        .map(|&hop| match s.recovery {
            Recovery::EndToEnd => crate::time::scale(path_rtt, factor).max(1),
            Recovery::Custody => crate::time::scale(hop * 2, factor).max(1),
        })
        .collect();
    let mut net = Net {
        s,
        light,
        rng: SimRng::new(seed),
        queue: EventQueue::new(),
        bytes: 0,
        transmissions: 0,
        trace: keep_trace.then(Vec::new),
    };

    let sent_at: Vec<Micros> = (0..n as u64)
        .map(|i| ms_to_micros(s.interval_ms).saturating_mul(i))
        .collect();
    // acked[node][m]: node has its acknowledgement for m.
    let mut acked = vec![vec![false; n]; hop_count + 1];
    // have[node][m]: node has received m; sent[node][m]: it has sent m.
    let mut have = vec![vec![false; n]; hop_count + 1];
    let mut sent = vec![vec![false; n]; hop_count + 1];
    let mut delivered_at: Vec<Option<Micros>> = vec![None; n];
    let (mut delivered_count, mut source_acks) = (0usize, 0usize);
    for (m, &at) in sent_at.iter().enumerate() {
        net.queue.schedule_at(at, Event::Originate { m: m as u32 });
    }

    let mut events = 0u64;
    let mut end = RunEnd::Completed;
    let mut finished = 0;
    while let Some((now, event)) = net.queue.pop() {
        if events >= DEEP_SPACE_EVENT_BUDGET {
            end = RunEnd::BudgetExceeded;
            break;
        }
        events += 1;
        finished = now;
        match event {
            Event::Originate { m } => {
                have[0][m as usize] = true;
                net.queue.schedule_at(now, Event::Timer { m, node: 0 });
            }
            Event::Timer { m, node } => {
                let (mi, ni) = (m as usize, node as usize);
                if acked[ni][mi] {
                    continue;
                }
                if sent[ni][mi] {
                    net.note(now, DeepSpaceEventKind::Retransmitted { message: m, node });
                }
                sent[ni][mi] = true;
                if let Some(at) = net.cross(ni, now, m, Payload::Message) {
                    net.queue
                        .schedule_at(at, Event::Arrive { m, node: node + 1 });
                }
                net.queue
                    .schedule_in(timeouts[ni], Event::Timer { m, node });
            }
            Event::Arrive { m, node } => {
                let (mi, ni) = (m as usize, node as usize);
                let first = !have[ni][mi];
                have[ni][mi] = true;
                net.note(now, DeepSpaceEventKind::Arrived { message: m, node });
                if node == dest {
                    if first {
                        delivered_at[mi] = Some(now);
                        delivered_count += 1;
                        net.note(now, DeepSpaceEventKind::Delivered { message: m });
                    }
                    // The destination acknowledges: end to end, to the
                    // source; with custody, to the previous node.
                    let back_to = match s.recovery {
                        Recovery::EndToEnd => 0,
                        Recovery::Custody => node - 1,
                    };
                    net.send_ack(m, node, back_to, now);
                } else {
                    match s.recovery {
                        // Relays forward every copy at once, keeping nothing.
                        Recovery::EndToEnd => {
                            if let Some(at) = net.cross(ni, now, m, Payload::Message) {
                                net.queue
                                    .schedule_at(at, Event::Arrive { m, node: node + 1 });
                            }
                        }
                        // A custodian acknowledges each copy and forwards the
                        // first under its own timer.
                        Recovery::Custody => {
                            net.send_ack(m, node, node - 1, now);
                            if first {
                                net.queue.schedule_at(now, Event::Timer { m, node });
                            }
                        }
                    }
                }
            }
            Event::Ack { m, node } => {
                let (mi, ni) = (m as usize, node as usize);
                if !acked[ni][mi] {
                    net.note(now, DeepSpaceEventKind::Acknowledged { message: m, node });
                    if node == 0 {
                        source_acks += 1;
                    }
                }
                acked[ni][mi] = true;
            }
        }
        if source_acks == n && delivered_count == n {
            break;
        }
    }

    let mut histogram = LatencyHistogram::new();
    let mut delivered = 0;
    for (m, at) in delivered_at.iter().enumerate() {
        if let Some(at) = at {
            delivered += 1;
            histogram.record(at - sent_at[m]);
        }
    }
    DeepSpaceRun {
        seed,
        end,
        events,
        delivered,
        p50_delivery_ms: histogram.quantile_ms(0.5),
        p99_delivery_ms: histogram.quantile_ms(0.99),
        max_delivery_ms: histogram.max_ms(),
        transmissions: net.transmissions,
        bytes_sent: net.bytes,
        bytes_per_delivered: (delivered > 0).then(|| net.bytes as f64 / f64::from(delivered)),
        finished_ms: crate::time::micros_to_ms(finished),
        trace: net.trace.unwrap_or_default(),
    }
}
