//! The state of a queue run at one instant, replayed from its event log:
//! what waits on each partition, what each consumer holds, what is still
//! in transit, and what just happened (for the animation's flashes).

use std::collections::VecDeque;

use sim::{Micros, QueueEvent, QueueEventKind};

/// A message waiting on a partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Waiting {
    pub message: u32,
    pub key: u32,
    /// Put back after a crash or an ack timeout.
    pub redelivery: bool,
}

/// What a consumer is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsumerState {
    Idle,
    Busy {
        message: u32,
        key: u32,
        delivery: u32,
    },
    Down,
}

/// Something that just happened at a consumer (shown for a moment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flash {
    Duplicate,
    Suppressed,
    OutOfOrder,
    LateDropped,
    LateAccepted,
    Crashed,
}

impl Flash {
    pub fn label(self) -> &'static str {
        match self {
            Flash::Duplicate => "duplicate!",
            Flash::Suppressed => "dup suppressed",
            Flash::OutOfOrder => "out of order",
            Flash::LateDropped => "late: dropped",
            Flash::LateAccepted => "late: accepted",
            Flash::Crashed => "crashed",
        }
    }
}

/// Running totals up to the instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QueueTotals {
    pub produced: u32,
    pub processed: u32,
    pub duplicates: u32,
    pub suppressed: u32,
    pub out_of_order: u32,
    pub late_dropped: u32,
    pub late_accepted: u32,
    pub redeliveries: u32,
    pub crashes: u32,
}

/// A queue run at one instant.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueSnapshot {
    pub at: Micros,
    /// Produced but still on the way to the broker (delayed events).
    pub in_transit: u32,
    pub partitions: Vec<VecDeque<Waiting>>,
    pub consumers: Vec<ConsumerState>,
    /// The latest flash per consumer, if it is recent.
    pub flashes: Vec<Option<Flash>>,
    /// A redelivery happened recently on these partitions.
    pub redelivered: Vec<bool>,
    pub totals: QueueTotals,
}

/// Replays `trace` up to `at` (inclusive); flashes last `flash_us`.
pub fn queue_snapshot(
    trace: &[QueueEvent],
    partitions: u32,
    consumers: u32,
    at: Micros,
    flash_us: Micros,
) -> QueueSnapshot {
    let (np, nc) = (partitions.max(1) as usize, consumers.max(1) as usize);
    let mut keys: Vec<u32> = Vec::new();
    let key_of = |keys: &Vec<u32>, m: u32| keys.get(m as usize).copied().unwrap_or(0);
    let mut snap = QueueSnapshot {
        at,
        in_transit: 0,
        partitions: vec![VecDeque::new(); np],
        consumers: vec![ConsumerState::Idle; nc],
        flashes: vec![None; nc],
        redelivered: vec![false; np],
        totals: QueueTotals::default(),
    };
    let recent = |t: Micros| t + flash_us >= at;
    for e in trace.iter().take_while(|e| e.at <= at) {
        let t = &mut snap.totals;
        match e.kind {
            QueueEventKind::Produced { message, key } => {
                if keys.len() <= message as usize {
                    keys.resize(message as usize + 1, 0);
                }
                keys[message as usize] = key;
                t.produced += 1;
                snap.in_transit += 1;
            }
            QueueEventKind::Enqueued { message, partition } => {
                snap.in_transit = snap.in_transit.saturating_sub(1);
                if let Some(p) = snap.partitions.get_mut(partition as usize) {
                    p.push_back(Waiting {
                        message,
                        key: key_of(&keys, message),
                        redelivery: false,
                    });
                }
            }
            QueueEventKind::Redelivered { message } => {
                t.redeliveries += 1;
                let p = key_of(&keys, message) as usize % np;
                snap.partitions[p].push_back(Waiting {
                    message,
                    key: key_of(&keys, message),
                    redelivery: true,
                });
                snap.redelivered[p] |= recent(e.at);
            }
            QueueEventKind::Delivered {
                message,
                consumer,
                delivery,
            } => {
                let p = key_of(&keys, message) as usize % np;
                if let Some(i) = snap.partitions[p].iter().position(|w| w.message == message) {
                    snap.partitions[p].remove(i);
                }
                if let Some(c) = snap.consumers.get_mut(consumer as usize) {
                    *c = ConsumerState::Busy {
                        message,
                        key: key_of(&keys, message),
                        delivery,
                    };
                }
            }
            QueueEventKind::Processed {
                consumer,
                duplicate,
                out_of_order,
                ..
            } => {
                t.processed += 1;
                t.duplicates += u32::from(duplicate);
                t.out_of_order += u32::from(out_of_order);
                let flash = if duplicate {
                    Some(Flash::Duplicate)
                } else if out_of_order {
                    Some(Flash::OutOfOrder)
                } else {
                    None
                };
                set_flash(&mut snap, consumer, flash.filter(|_| recent(e.at)));
            }
            QueueEventKind::DuplicateSuppressed { consumer, .. } => {
                t.suppressed += 1;
                set_flash(
                    &mut snap,
                    consumer,
                    recent(e.at).then_some(Flash::Suppressed),
                );
            }
            QueueEventKind::Late { dropped, .. } => {
                if dropped {
                    t.late_dropped += 1;
                } else {
                    t.late_accepted += 1;
                }
                let flash = if dropped {
                    Flash::LateDropped
                } else {
                    Flash::LateAccepted
                };
                // The consumer that processed it is the busy one holding it.
                if let Some(c) = busy_with(&snap.consumers, e.kind) {
                    set_flash(&mut snap, c, recent(e.at).then_some(flash));
                }
            }
            QueueEventKind::Acked { message } => {
                for c in snap.consumers.iter_mut() {
                    if matches!(*c, ConsumerState::Busy { message: m, .. } if m == message) {
                        *c = ConsumerState::Idle;
                    }
                }
            }
            QueueEventKind::ConsumerCrashed { consumer, .. } => {
                t.crashes += 1;
                if let Some(c) = snap.consumers.get_mut(consumer as usize) {
                    *c = ConsumerState::Down;
                }
                set_flash(&mut snap, consumer, recent(e.at).then_some(Flash::Crashed));
            }
            QueueEventKind::ConsumerRestarted { consumer } => {
                if let Some(c) = snap.consumers.get_mut(consumer as usize) {
                    *c = ConsumerState::Idle;
                }
            }
        }
    }
    snap
}

fn busy_with(consumers: &[ConsumerState], kind: QueueEventKind) -> Option<u32> {
    let QueueEventKind::Late { message, .. } = kind else {
        return None;
    };
    consumers
        .iter()
        .position(|c| matches!(*c, ConsumerState::Busy { message: m, .. } if m == message))
        .map(|i| i as u32)
}

fn set_flash(snap: &mut QueueSnapshot, consumer: u32, flash: Option<Flash>) {
    if let (Some(slot), Some(flash)) = (snap.flashes.get_mut(consumer as usize), flash) {
        *slot = Some(flash);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim::{run_queue_traced, QueueScenario};

    #[test]
    fn the_final_snapshot_agrees_with_the_run_totals() {
        let s = QueueScenario {
            crash_probability: 0.02,
            ..QueueScenario::default()
        };
        let run = run_queue_traced(&s, 3);
        let snap = queue_snapshot(&run.trace, s.partitions, s.consumers, u64::MAX, 0);
        let st = &run.stats;
        assert_eq!(snap.totals.produced, st.produced);
        assert_eq!(snap.totals.duplicates, st.duplicates_processed);
        assert_eq!(snap.totals.out_of_order, st.out_of_order);
        assert_eq!(snap.totals.redeliveries, st.redeliveries);
        assert_eq!(snap.totals.crashes, st.crashes);
        assert_eq!(snap.in_transit, 0);
        let waiting: usize = snap.partitions.iter().map(VecDeque::len).sum();
        assert_eq!(waiting, 0, "everything was delivered by the end");
    }

    #[test]
    fn mid_run_there_is_work_in_flight() {
        let s = QueueScenario {
            producer_rate: 800.0,
            ..QueueScenario::default()
        };
        let run = run_queue_traced(&s, 1);
        let snap = queue_snapshot(&run.trace, s.partitions, s.consumers, 5_000_000, 250_000);
        let busy = snap
            .consumers
            .iter()
            .filter(|c| matches!(c, ConsumerState::Busy { .. }))
            .count();
        let waiting: usize = snap.partitions.iter().map(VecDeque::len).sum();
        assert!(busy + waiting > 0);
        assert!(snap.totals.produced > 3000);
    }
}
