//! The queue scenario: a producer, a broker with partitions, and consumers,
//! with at-least-once delivery. A consumer that crashes or runs past the
//! ack (visibility) timeout gets its message redelivered; without an
//! idempotency store a redelivery is processed twice. Events carry an event
//! time; a delayed ("late") event may arrive after the watermark has moved
//! past it, and is then dropped or accepted.

use std::collections::{BTreeSet, VecDeque};

use serde::{Deserialize, Serialize};

use crate::delay::Delay;
use crate::error::{check_count, check_range, ScenarioError};
use crate::event_queue::EventQueue;
use crate::records::RunEnd;
use crate::rng::SimRng;
use crate::time::{micros_to_ms, ms_to_micros, Micros};

/// Most events one queue run may process.
pub const QUEUE_EVENT_BUDGET: u64 = 10_000_000;

/// A validated description of one queue experiment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QueueScenario {
    /// Messages produced per second (Poisson).
    pub producer_rate: f64,
    /// How long the producer runs, in milliseconds.
    pub duration_ms: f64,
    /// Distinct keys; order is promised per key (1 to 100000).
    pub keys: u32,
    /// Partitions; a key always maps to the same one (1 to 1000).
    pub partitions: u32,
    /// Consumers; partition p is read by consumer p mod consumers (1 to 1000).
    pub consumers: u32,
    /// Time a consumer takes for one message.
    pub processing: Delay,
    /// Probability that a consumer crashes while processing a message
    /// (0 to 1); it restarts after `restart_ms`.
    pub crash_probability: f64,
    /// Time a crashed consumer is down, in milliseconds.
    pub restart_ms: f64,
    /// Time the broker waits for an ack before redelivering, in ms.
    pub ack_timeout_ms: f64,
    /// Whether consumers keep a store of processed message ids and skip
    /// duplicates.
    pub idempotency_store: bool,
    /// Probability that a message reaches the broker late (0 to 1).
    pub late_probability: f64,
    /// How late such a message is.
    pub late_delay: Delay,
    /// How far behind the newest event time seen the watermark trails, in
    /// ms; an event older than the watermark is late.
    pub allowed_lateness_ms: f64,
    /// Whether late events are dropped (true) or accepted (false).
    pub drop_late: bool,
    /// Width of one lag-series bucket, in milliseconds.
    pub bucket_ms: f64,
}

impl Default for QueueScenario {
    fn default() -> Self {
        Self {
            producer_rate: 200.0,
            duration_ms: 10_000.0,
            keys: 20,
            partitions: 4,
            consumers: 2,
            processing: Delay::LogNormal {
                median_ms: 4.0,
                sigma: 0.8,
            },
            crash_probability: 0.005,
            restart_ms: 500.0,
            ack_timeout_ms: 20.0,
            idempotency_store: false,
            late_probability: 0.02,
            late_delay: Delay::Exponential { mean_ms: 2000.0 },
            allowed_lateness_ms: 1000.0,
            drop_late: true,
            bucket_ms: 250.0,
        }
    }
}

impl QueueScenario {
    /// Checks every field against its documented range.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        check_range(
            "producer_rate",
            self.producer_rate,
            0.1,
            100_000.0,
            "per second",
        )?;
        check_range("duration_ms", self.duration_ms, 1.0, 600_000.0, "ms")?;
        check_count("keys", self.keys, 1, 100_000)?;
        check_count("partitions", self.partitions, 1, 1000)?;
        check_count("consumers", self.consumers, 1, 1000)?;
        self.processing.validate("processing")?;
        check_range("crash_probability", self.crash_probability, 0.0, 1.0, "")?;
        check_range("restart_ms", self.restart_ms, 0.0, 3_600_000.0, "ms")?;
        check_range(
            "ack_timeout_ms",
            self.ack_timeout_ms,
            1.0,
            3_600_000.0,
            "ms",
        )?;
        check_range("late_probability", self.late_probability, 0.0, 1.0, "")?;
        self.late_delay.validate("late_delay")?;
        check_range(
            "allowed_lateness_ms",
            self.allowed_lateness_ms,
            0.0,
            86_400_000.0,
            "ms",
        )?;
        check_range("bucket_ms", self.bucket_ms, 10.0, 60_000.0, "ms")
    }
}

/// One thing that happened to a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QueueEventKind {
    Produced {
        message: u32,
        key: u32,
    },
    /// The broker handed a message to a consumer (`delivery` counts from 1).
    Delivered {
        message: u32,
        consumer: u32,
        delivery: u32,
    },
    /// The consumer applied the message's effect.
    Processed {
        message: u32,
        consumer: u32,
        duplicate: bool,
        out_of_order: bool,
    },
    /// The idempotency store recognised a message already processed.
    DuplicateSuppressed {
        message: u32,
        consumer: u32,
    },
    /// The message's event time was behind the watermark.
    Late {
        message: u32,
        dropped: bool,
    },
    Acked {
        message: u32,
    },
    /// No ack in time: the message goes back on its partition.
    Redelivered {
        message: u32,
    },
    ConsumerCrashed {
        consumer: u32,
        message: u32,
    },
    ConsumerRestarted {
        consumer: u32,
    },
}

/// A [`QueueEventKind`] at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueEvent {
    pub at: Micros,
    #[serde(flatten)]
    pub kind: QueueEventKind,
}

/// Consumer lag in one bucket of time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LagPoint {
    pub t_ms: f64,
    /// Most messages produced but not yet acked during the bucket.
    pub lag_max: u32,
}

/// The counts of a queue run.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct QueueStats {
    pub produced: u32,
    /// Messages whose effect was applied at least once.
    pub processed_once: u32,
    /// Extra applications of a message already applied.
    pub duplicates_processed: u32,
    pub duplicates_suppressed: u32,
    /// Applications of a key's message after a later one of the same key.
    pub out_of_order: u32,
    pub late_dropped: u32,
    pub late_accepted: u32,
    pub redeliveries: u32,
    pub crashes: u32,
    /// Messages never acked when the run ended.
    pub unacked: u32,
    /// Time from production to the first application, in ms.
    pub p50_latency_ms: Option<f64>,
    pub p99_latency_ms: Option<f64>,
}

/// Everything a queue run produced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueRun {
    pub seed: u64,
    pub end: RunEnd,
    pub events: u64,
    pub stats: QueueStats,
    pub lag: Vec<LagPoint>,
    pub trace: Vec<QueueEvent>,
}

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
        let index = (now / self.bucket) as usize;
        while self.lag.len() <= index {
            let t_ms = micros_to_ms(self.lag.len() as u64 * self.bucket);
            self.lag.push(LagPoint { t_ms, lag_max: 0 });
        }
        let lag = self.stats.produced - self.acked;
        let point = &mut self.lag[index];
        point.lag_max = point.lag_max.max(lag);
    }
}
