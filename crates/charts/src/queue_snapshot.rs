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
    QueueReplay::new(partitions, consumers)
        .seek(trace, at, flash_us)
        .clone()
}

/// A replay that moves forward through a run's event log, so that playing
/// the run back costs each event once rather than once per frame (a run of
/// millions of events replayed from the start every frame froze the page).
/// Seeking back starts over.
#[derive(Debug, Clone)]
pub struct QueueReplay {
    keys: Vec<u32>,
    /// Index of the next event to apply.
    next: usize,
    snap: QueueSnapshot,
    /// The latest flash at each consumer, and when.
    flash_at: Vec<Option<(Flash, Micros)>>,
    /// The latest redelivery on each partition.
    redelivered_at: Vec<Option<Micros>>,
}

impl QueueReplay {
    /// A replay at time 0 with nothing applied.
    pub fn new(partitions: u32, consumers: u32) -> Self {
        let (np, nc) = (partitions.max(1) as usize, consumers.max(1) as usize);
        QueueReplay {
            keys: Vec::new(),
            next: 0,
            snap: QueueSnapshot {
                at: 0,
                in_transit: 0,
                partitions: vec![VecDeque::new(); np],
                consumers: vec![ConsumerState::Idle; nc],
                flashes: vec![None; nc],
                redelivered: vec![false; np],
                totals: QueueTotals::default(),
            },
            flash_at: vec![None; nc],
            redelivered_at: vec![None; np],
        }
    }

    /// The run at `at`, from where the replay is (or from the start if
    /// `at` is earlier); flashes last `flash_us`.
    pub fn seek(&mut self, trace: &[QueueEvent], at: Micros, flash_us: Micros) -> &QueueSnapshot {
        if at < self.snap.at {
            *self = QueueReplay::new(
                self.snap.partitions.len() as u32,
                self.snap.consumers.len() as u32,
            );
        }
        while let Some(e) = trace.get(self.next).filter(|e| e.at <= at) {
            self.apply(e);
            self.next += 1;
        }
        self.snap.at = at;
        let recent = |t: Micros| t.saturating_add(flash_us) >= at;
        for (slot, latest) in self.snap.flashes.iter_mut().zip(&self.flash_at) {
            *slot = latest.filter(|&(_, t)| recent(t)).map(|(f, _)| f);
        }
        for (slot, latest) in self.snap.redelivered.iter_mut().zip(&self.redelivered_at) {
            *slot = latest.is_some_and(recent);
        }
        &self.snap
    }

    fn key_of(&self, m: u32) -> u32 {
        self.keys.get(m as usize).copied().unwrap_or(0)
    }

    fn flash(&mut self, consumer: u32, flash: Option<Flash>, t: Micros) {
        if let (Some(slot), Some(flash)) = (self.flash_at.get_mut(consumer as usize), flash) {
            *slot = Some((flash, t));
        }
    }

    fn apply(&mut self, e: &QueueEvent) {
        let np = self.snap.partitions.len();
        match e.kind {
            QueueEventKind::Produced { message, key } => {
                if self.keys.len() <= message as usize {
                    self.keys.resize(message as usize + 1, 0);
                }
                self.keys[message as usize] = key;
                self.snap.totals.produced += 1;
                self.snap.in_transit += 1;
            }
            QueueEventKind::Enqueued { message, partition } => {
                self.snap.in_transit = self.snap.in_transit.saturating_sub(1);
                let key = self.key_of(message);
                if let Some(p) = self.snap.partitions.get_mut(partition as usize) {
                    p.push_back(Waiting {
                        message,
                        key,
                        redelivery: false,
                    });
                }
            }
            QueueEventKind::Redelivered { message } => {
                self.snap.totals.redeliveries += 1;
                let key = self.key_of(message);
                let p = key as usize % np;
                self.snap.partitions[p].push_back(Waiting {
                    message,
                    key,
                    redelivery: true,
                });
                self.redelivered_at[p] = Some(e.at);
            }
            QueueEventKind::Delivered {
                message,
                consumer,
                delivery,
            } => {
                let key = self.key_of(message);
                let p = key as usize % np;
                if let Some(i) = self.snap.partitions[p]
                    .iter()
                    .position(|w| w.message == message)
                {
                    self.snap.partitions[p].remove(i);
                }
                if let Some(c) = self.snap.consumers.get_mut(consumer as usize) {
                    *c = ConsumerState::Busy {
                        message,
                        key,
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
                let t = &mut self.snap.totals;
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
                self.flash(consumer, flash, e.at);
            }
            QueueEventKind::DuplicateSuppressed { consumer, .. } => {
                self.snap.totals.suppressed += 1;
                self.flash(consumer, Some(Flash::Suppressed), e.at);
            }
            QueueEventKind::Late { dropped, .. } => {
                let flash = if dropped {
                    self.snap.totals.late_dropped += 1;
                    Flash::LateDropped
                } else {
                    self.snap.totals.late_accepted += 1;
                    Flash::LateAccepted
                };
                // The consumer that processed it is the busy one holding it.
                if let Some(c) = busy_with(&self.snap.consumers, e.kind) {
                    self.flash(c, Some(flash), e.at);
                }
            }
            QueueEventKind::Acked { message } => {
                for c in self.snap.consumers.iter_mut() {
                    if matches!(*c, ConsumerState::Busy { message: m, .. } if m == message) {
                        *c = ConsumerState::Idle;
                    }
                }
            }
            QueueEventKind::ConsumerCrashed { consumer, .. } => {
                self.snap.totals.crashes += 1;
                if let Some(c) = self.snap.consumers.get_mut(consumer as usize) {
                    *c = ConsumerState::Down;
                }
                self.flash(consumer, Some(Flash::Crashed), e.at);
            }
            QueueEventKind::ConsumerRestarted { consumer } => {
                if let Some(c) = self.snap.consumers.get_mut(consumer as usize) {
                    *c = ConsumerState::Idle;
                }
            }
        }
    }
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
    fn a_replay_moving_forward_agrees_with_a_replay_from_the_start() {
        let s = QueueScenario {
            crash_probability: 0.05,
            ..QueueScenario::default()
        };
        let run = run_queue_traced(&s, 4);
        let mut replay = QueueReplay::new(s.partitions, s.consumers);
        let end = run.trace.last().map_or(0, |e| e.at);
        for at in (0..=end)
            .step_by((end / 37).max(1) as usize)
            .chain([end / 2, end])
        {
            let fresh = queue_snapshot(&run.trace, s.partitions, s.consumers, at, 300_000);
            assert_eq!(replay.seek(&run.trace, at, 300_000), &fresh, "at {at}");
        }
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
