//! The queue scenario's parameters and their ranges.

use serde::{Deserialize, Serialize};

use crate::delay::Delay;
use crate::error::{check_count, check_range, ScenarioError};

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
