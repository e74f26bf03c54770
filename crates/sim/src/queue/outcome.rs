//! What a queue run reports: its event log, lag series and counts.

use serde::{Deserialize, Serialize};

use crate::records::RunEnd;
use crate::time::Micros;

/// One thing that happened to a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QueueEventKind {
    Produced {
        message: u32,
        key: u32,
    },
    /// The message reached the broker and joined the back of its
    /// partition (late events after their delay in transit).
    Enqueued {
        message: u32,
        partition: u32,
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
