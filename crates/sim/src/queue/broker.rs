//! The queue run: producer, partitions, consumers, acks and redelivery.

use std::collections::{BTreeSet, VecDeque};

use super::outcome::{LagPoint, QueueEvent, QueueEventKind, QueueRun, QueueStats};
use super::scenario::{QueueScenario, QUEUE_EVENT_BUDGET};
use crate::event_queue::EventQueue;
use crate::records::RunEnd;
use crate::rng::SimRng;
use crate::time::{micros_to_ms, ms_to_micros, Micros};

#[derive(Debug, Clone, Copy)]
struct Message {
    key: u32,
    key_seq: u32,
    produced_at: Micros,
}

#[derive(Debug, Clone, Copy)]
enum Event {
    Produce,
    ReachBroker {
        message: u32,
    },
    Done {
        consumer: u32,
        message: u32,
        delivery: u32,
    },
    Crash {
        consumer: u32,
        message: u32,
    },
    AckTimeout {
        message: u32,
        delivery: u32,
    },
    Restart {
        consumer: u32,
    },
}

struct MessageState {
    message: Message,
    deliveries: u32,
    acked: bool,
    applied: u32,
}

#[derive(Clone, Copy, Default)]
struct Consumer {
    busy: bool,
    down: bool,
}

/// Runs `scenario` with `seed`, without the event log.
pub fn run_queue(scenario: &QueueScenario, seed: u64) -> QueueRun {
    run(scenario, seed, false)
}

/// Runs `scenario` with `seed`, keeping every event.
pub fn run_queue_traced(scenario: &QueueScenario, seed: u64) -> QueueRun {
    run(scenario, seed, true)
}

struct World<'a> {
    s: &'a QueueScenario,
    rng: SimRng,
    queue: EventQueue<Event>,
    messages: Vec<MessageState>,
    partitions: Vec<VecDeque<u32>>,
    consumers: Vec<Consumer>,
    next_key_seq: Vec<u32>,
    last_applied_seq: Vec<Option<u32>>,
    idempotency: BTreeSet<u32>,
    newest_event_time: Micros,
    stats: QueueStats,
    latency: crate::histogram::LatencyHistogram,
    acked: u32,
    bucket: Micros,
    lag: Vec<LagPoint>,
    trace: Option<Vec<QueueEvent>>,
}

fn run(s: &QueueScenario, seed: u64, keep_trace: bool) -> QueueRun {
    let partitions = s.partitions.clamp(1, 1000) as usize;
    let consumers = s.consumers.clamp(1, 1000) as usize;
    let mut w = World {
        s,
        rng: SimRng::new(seed),
        queue: EventQueue::new(),
        messages: Vec::new(),
        partitions: vec![VecDeque::new(); partitions],
        consumers: vec![Consumer::default(); consumers],
        next_key_seq: vec![0; s.keys.clamp(1, 100_000) as usize],
        last_applied_seq: vec![None; s.keys.clamp(1, 100_000) as usize],
        idempotency: BTreeSet::new(),
        newest_event_time: 0,
        stats: QueueStats::default(),
        latency: crate::histogram::LatencyHistogram::new(),
        acked: 0,
        bucket: ms_to_micros(s.bucket_ms).max(1000),
        lag: Vec::new(),
        trace: keep_trace.then(Vec::new),
    };
    w.queue.schedule_at(0, Event::Produce);
    let until = ms_to_micros(s.duration_ms);
    let mean_gap_ms = 1000.0 / s.producer_rate.clamp(0.1, 100_000.0);

    let mut events = 0u64;
    let mut end = RunEnd::Completed;
    while let Some((now, event)) = w.queue.pop() {
        if events >= QUEUE_EVENT_BUDGET {
            end = RunEnd::BudgetExceeded;
            break;
        }
        events += 1;
        match event {
            Event::Produce => {
                w.produce(now);
                let next = now.saturating_add(w.rng.exponential_micros(mean_gap_ms).max(1));
                if next < until {
                    w.queue.schedule_at(next, Event::Produce);
                }
            }
            Event::ReachBroker { message } => {
                let p = w.partition_of(message);
                w.note(
                    now,
                    QueueEventKind::Enqueued {
                        message,
                        partition: p as u32,
                    },
                );
                w.partitions[p].push_back(message);
                w.deliver(now, p);
            }
            Event::Done {
                consumer,
                message,
                delivery,
            } => w.done(now, consumer, message, delivery),
            Event::Crash { consumer, message } => {
                w.stats.crashes += 1;
                w.consumers[consumer as usize] = Consumer {
                    busy: false,
                    down: true,
                };
                w.note(now, QueueEventKind::ConsumerCrashed { consumer, message });
                w.queue
                    .schedule_in(ms_to_micros(s.restart_ms), Event::Restart { consumer });
            }
            Event::Restart { consumer } => {
                w.consumers[consumer as usize].down = false;
                w.note(now, QueueEventKind::ConsumerRestarted { consumer });
                w.deliver_to(now, consumer);
            }
            Event::AckTimeout { message, delivery } => {
                let m = &w.messages[message as usize];
                if !m.acked && m.deliveries == delivery {
                    w.stats.redeliveries += 1;
                    w.note(now, QueueEventKind::Redelivered { message });
                    let p = w.partition_of(message);
                    w.partitions[p].push_back(message);
                    w.deliver(now, p);
                }
            }
        }
        w.sample_lag(now);
    }
    w.stats.unacked = w.stats.produced - w.acked;
    w.stats.p50_latency_ms = w.latency.quantile_ms(0.5);
    w.stats.p99_latency_ms = w.latency.quantile_ms(0.99);
    QueueRun {
        seed,
        end,
        events,
        stats: w.stats,
        lag: w.lag,
        trace: w.trace.unwrap_or_default(),
    }
}

impl World<'_> {
    fn note(&mut self, at: Micros, kind: QueueEventKind) {
        if let Some(trace) = &mut self.trace {
            trace.push(QueueEvent { at, kind });
        }
    }

    fn partition_of(&self, message: u32) -> usize {
        self.messages[message as usize].message.key as usize % self.partitions.len()
    }

    fn produce(&mut self, now: Micros) {
        let key = self.rng.up_to(self.next_key_seq.len() as u64 - 1) as u32;
        let key_seq = self.next_key_seq[key as usize];
        self.next_key_seq[key as usize] += 1;
        let id = self.messages.len() as u32;
        self.messages.push(MessageState {
            message: Message {
                key,
                key_seq,
                produced_at: now,
            },
            deliveries: 0,
            acked: false,
            applied: 0,
        });
        self.stats.produced += 1;
        self.note(now, QueueEventKind::Produced { message: id, key });
        let late = self.rng.chance(self.s.late_probability);
        let delay = if late {
            self.s.late_delay.sample(&mut self.rng)
        } else {
            0
        };
        self.queue
            .schedule_in(delay, Event::ReachBroker { message: id });
    }

    fn deliver(&mut self, now: Micros, partition: usize) {
        let consumer = (partition % self.consumers.len()) as u32;
        self.deliver_to(now, consumer);
    }

    /// Gives an idle consumer the next message of its partitions, lowest
    /// partition first.
    fn deliver_to(&mut self, now: Micros, consumer: u32) {
        let c = self.consumers[consumer as usize];
        if c.busy || c.down {
            return;
        }
        let n = self.consumers.len();
        let Some(p) = (consumer as usize..self.partitions.len())
            .step_by(n)
            .find(|&p| !self.partitions[p].is_empty())
        else {
            return;
        };
        let Some(message) = self.partitions[p].pop_front() else {
            return;
        };
        let m = &mut self.messages[message as usize];
        m.deliveries += 1;
        let delivery = m.deliveries;
        self.consumers[consumer as usize].busy = true;
        self.note(
            now,
            QueueEventKind::Delivered {
                message,
                consumer,
                delivery,
            },
        );
        self.queue.schedule_in(
            ms_to_micros(self.s.ack_timeout_ms),
            Event::AckTimeout { message, delivery },
        );
        let work = self.s.processing.sample(&mut self.rng);
        if self.rng.chance(self.s.crash_probability) {
            let at = self.rng.up_to(work);
            self.queue
                .schedule_in(at, Event::Crash { consumer, message });
        } else {
            self.queue.schedule_in(
                work,
                Event::Done {
                    consumer,
                    message,
                    delivery,
                },
            );
        }
    }

    fn done(&mut self, now: Micros, consumer: u32, message: u32, delivery: u32) {
        self.consumers[consumer as usize].busy = false;
        let Message {
            key,
            key_seq,
            produced_at,
        } = self.messages[message as usize].message;
        let event_time = produced_at;
        self.newest_event_time = self.newest_event_time.max(event_time);
        let watermark = self
            .newest_event_time
            .saturating_sub(ms_to_micros(self.s.allowed_lateness_ms));
        let late = event_time < watermark;
        let mut apply = true;
        if late {
            apply = !self.s.drop_late;
            if self.messages[message as usize].deliveries == delivery {
                if self.s.drop_late {
                    self.stats.late_dropped += 1;
                } else {
                    self.stats.late_accepted += 1;
                }
            }
            self.note(
                now,
                QueueEventKind::Late {
                    message,
                    dropped: self.s.drop_late,
                },
            );
        }
        if apply && self.s.idempotency_store && !self.idempotency.insert(message) {
            apply = false;
            self.stats.duplicates_suppressed += 1;
            self.note(
                now,
                QueueEventKind::DuplicateSuppressed { message, consumer },
            );
        }
        if apply {
            let m = &mut self.messages[message as usize];
            m.applied += 1;
            let duplicate = m.applied > 1;
            if duplicate {
                self.stats.duplicates_processed += 1;
            } else {
                self.stats.processed_once += 1;
                self.latency.record(now - produced_at);
            }
            let last = &mut self.last_applied_seq[key as usize];
            let out_of_order = last.is_some_and(|l| key_seq < l);
            if out_of_order {
                self.stats.out_of_order += 1;
            }
            *last = Some(last.map_or(key_seq, |l| l.max(key_seq)));
            self.note(
                now,
                QueueEventKind::Processed {
                    message,
                    consumer,
                    duplicate,
                    out_of_order,
                },
            );
        }
        // An ack for a delivery the broker has already timed out is stale:
        // the copy back on the partition will be delivered again.
        let m = &mut self.messages[message as usize];
        if !m.acked && m.deliveries == delivery {
            m.acked = true;
            self.acked += 1;
            self.note(now, QueueEventKind::Acked { message });
        }
        self.deliver_to(now, consumer);
    }

    fn sample_lag(&mut self, now: Micros) {
        // Bounded like every series: the last point holds the rest.
        let index = usize::try_from(now / self.bucket)
            .unwrap_or(usize::MAX)
            .min(crate::series::MAX_SERIES_POINTS - 1);
        while self.lag.len() <= index {
            let t_ms = micros_to_ms(self.lag.len() as u64 * self.bucket);
            self.lag.push(LagPoint { t_ms, lag_max: 0 });
        }
        let lag = self.stats.produced - self.acked;
        let point = &mut self.lag[index];
        point.lag_max = point.lag_max.max(lag);
    }
}
