//! The deep-space scenario: messages from Earth to a rover on the Moon or
//! Mars across hops whose one-way light time is seconds to minutes, with
//! loss and blackout windows (a solar conjunction). Two ways to get a
//! message through:
//!
//! - **End-to-end retransmission**: the source keeps each message until the
//!   destination's acknowledgement comes all the way back, and resends it
//!   when `timeout_factor` round trips of the whole path pass without one.
//! - **Store-and-forward with custody transfer** (as in DTN's Bundle
//!   Protocol): each hop's receiver takes custody and acknowledges to the
//!   sender of that hop only; a node holds what it cannot forward during a
//!   blackout and resends over one hop when `timeout_factor` round trips of
//!   that hop pass without a custody acknowledgement.

use serde::{Deserialize, Serialize};

use crate::error::{check_count, check_range, field, ScenarioError};
use crate::event_queue::EventQueue;
use crate::histogram::LatencyHistogram;
use crate::records::RunEnd;
use crate::rng::SimRng;
use crate::time::{ms_to_micros, Micros};
use crate::window::{in_any, validate_windows, Window};

/// Most events one deep-space run may process.
pub const DEEP_SPACE_EVENT_BUDGET: u64 = 5_000_000;

/// Earth to the Moon, one way, in milliseconds (about 1.28 light seconds).
pub const EARTH_MOON_MS: f64 = 1_280.0;
/// Earth to Mars at closest approach, one way (about 3 light minutes).
pub const EARTH_MARS_NEAR_MS: f64 = 182_000.0;
/// Earth to Mars at its farthest, one way (about 22 light minutes).
pub const EARTH_MARS_FAR_MS: f64 = 1_342_000.0;

/// One hop of the path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Hop {
    /// One-way light time, in milliseconds.
    pub light_ms: f64,
    /// Probability that one transmission over this hop is lost (0 to 1).
    pub loss: f64,
    /// Windows during which nothing crosses this hop.
    pub blackouts: Vec<Window>,
}

impl Default for Hop {
    fn default() -> Self {
        Self {
            light_ms: EARTH_MOON_MS,
            loss: 0.1,
            blackouts: Vec::new(),
        }
    }
}

/// How lost messages are recovered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recovery {
    EndToEnd,
    Custody,
}

/// A validated description of one deep-space experiment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DeepSpaceScenario {
    /// The hops from Earth to the destination (1 to 8).
    pub hops: Vec<Hop>,
    pub recovery: Recovery,
    /// Messages sent (1 to 100000).
    pub messages: u32,
    /// Time between two messages at the source, in milliseconds.
    pub interval_ms: f64,
    /// Size of one message, in bytes.
    pub message_bytes: u32,
    /// Size of one acknowledgement, in bytes.
    pub ack_bytes: u32,
    /// Retransmission timeout, in round trips (of the path, or of the hop
    /// with custody): 1 to 100.
    pub timeout_factor: f64,
}

impl Default for DeepSpaceScenario {
    fn default() -> Self {
        Self {
            hops: vec![
                Hop {
                    light_ms: 600_000.0,
                    loss: 0.05,
                    blackouts: Vec::new(),
                },
                Hop {
                    light_ms: 10.0,
                    loss: 0.2,
                    blackouts: Vec::new(),
                },
            ],
            recovery: Recovery::EndToEnd,
            messages: 100,
            interval_ms: 10_000.0,
            message_bytes: 10_000,
            ack_bytes: 100,
            timeout_factor: 1.5,
        }
    }
}

impl DeepSpaceScenario {
    /// Checks every field against its documented range.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        if self.hops.is_empty() || self.hops.len() > 8 {
            return Err(ScenarioError::new("hops", self.hops.len(), "1 to 8 hops"));
        }
        for (i, hop) in self.hops.iter().enumerate() {
            let at = format!("hops[{i}]");
            check_range(
                &field(&at, "light_ms"),
                hop.light_ms,
                0.0,
                3_600_000.0,
                "ms",
            )?;
            check_range(&field(&at, "loss"), hop.loss, 0.0, 0.99, "")?;
            validate_windows(&hop.blackouts, &field(&at, "blackouts"))?;
        }
        check_count("messages", self.messages, 1, 100_000)?;
        check_range("interval_ms", self.interval_ms, 0.0, 86_400_000.0, "ms")?;
        check_count("message_bytes", self.message_bytes, 1, 1_000_000_000)?;
        check_count("ack_bytes", self.ack_bytes, 1, 1_000_000)?;
        check_range(
            "timeout_factor",
            self.timeout_factor,
            1.0,
            100.0,
            "round trips",
        )
    }
}

/// What crossed, or failed to cross, a hop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Payload {
    Message,
    /// A custody or end-to-end acknowledgement.
    Ack,
}

/// One thing that happened on the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum DeepSpaceEventKind {
    /// Put on hop `hop` (from node `hop` to node `hop + 1`, or back for an
    /// acknowledgement).
    Transmitted {
        message: u32,
        hop: u32,
        payload: Payload,
    },
    /// Lost on the hop.
    Lost {
        message: u32,
        hop: u32,
        payload: Payload,
    },
    /// The hop was in a blackout at one end of the flight.
    BlackedOut {
        message: u32,
        hop: u32,
        payload: Payload,
    },
    /// A copy of the message reached node `node`.
    Arrived { message: u32, node: u32 },
    /// The destination received the message for the first time.
    Delivered { message: u32 },
    /// Node `node` got the acknowledgement it was waiting for.
    Acknowledged { message: u32, node: u32 },
    /// Node `node` heard nothing in time and sends again.
    Retransmitted { message: u32, node: u32 },
}

/// A [`DeepSpaceEventKind`] at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeepSpaceEvent {
    pub at: Micros,
    #[serde(flatten)]
    pub kind: DeepSpaceEventKind,
}

/// The outcome of a deep-space run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeepSpaceRun {
    pub seed: u64,
    pub end: RunEnd,
    pub events: u64,
    pub delivered: u32,
    /// Delivery time (send to first arrival at the destination), in ms.
    pub p50_delivery_ms: Option<f64>,
    pub p99_delivery_ms: Option<f64>,
    pub max_delivery_ms: Option<f64>,
    /// Transmissions of messages, summed over hops.
    pub transmissions: u64,
    /// Bytes put on any hop (messages and acknowledgements).
    pub bytes_sent: u64,
    /// `bytes_sent / delivered`.
    pub bytes_per_delivered: Option<f64>,
    /// When the source knew every message was through (or the last event,
    /// if the run stopped at its budget), in ms.
    pub finished_ms: f64,
    /// The typed event log, if asked for.
    pub trace: Vec<DeepSpaceEvent>,
}

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
    let factor = s.timeout_factor.max(1.0);
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
