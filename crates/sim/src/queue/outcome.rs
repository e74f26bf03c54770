//! What a queue run reports: its event log, lag series and counts.

use serde::{Deserialize, Serialize};

use crate::flat_event::field;
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
#[serde(try_from = "FlatQueueEvent")]
pub struct QueueEvent {
    pub at: Micros,
    #[serde(flatten)]
    pub kind: QueueEventKind,
}

/// The names of [`QueueEventKind`]'s variants, as written in `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum QueueTag {
    Produced,
    Enqueued,
    Delivered,
    Processed,
    DuplicateSuppressed,
    Late,
    Acked,
    Redelivered,
    ConsumerCrashed,
    ConsumerRestarted,
}

/// A [`QueueEvent`] as written, read in one pass (see `flat_event`).
#[derive(Deserialize)]
struct FlatQueueEvent {
    at: Micros,
    #[serde(rename = "type")]
    tag: QueueTag,
    message: Option<u32>,
    key: Option<u32>,
    partition: Option<u32>,
    consumer: Option<u32>,
    delivery: Option<u32>,
    duplicate: Option<bool>,
    out_of_order: Option<bool>,
    dropped: Option<bool>,
}

impl TryFrom<FlatQueueEvent> for QueueEvent {
    type Error = String;

    fn try_from(e: FlatQueueEvent) -> Result<Self, String> {
        let message = || field(e.message, "message");
        let consumer = || field(e.consumer, "consumer");
        let kind = match e.tag {
            QueueTag::Produced => QueueEventKind::Produced {
                message: message()?,
                key: field(e.key, "key")?,
            },
            QueueTag::Enqueued => QueueEventKind::Enqueued {
                message: message()?,
                partition: field(e.partition, "partition")?,
            },
            QueueTag::Delivered => QueueEventKind::Delivered {
                message: message()?,
                consumer: consumer()?,
                delivery: field(e.delivery, "delivery")?,
            },
            QueueTag::Processed => QueueEventKind::Processed {
                message: message()?,
                consumer: consumer()?,
                duplicate: field(e.duplicate, "duplicate")?,
                out_of_order: field(e.out_of_order, "out_of_order")?,
            },
            QueueTag::DuplicateSuppressed => QueueEventKind::DuplicateSuppressed {
                message: message()?,
                consumer: consumer()?,
            },
            QueueTag::Late => QueueEventKind::Late {
                message: message()?,
                dropped: field(e.dropped, "dropped")?,
            },
            QueueTag::Acked => QueueEventKind::Acked {
                message: message()?,
            },
            QueueTag::Redelivered => QueueEventKind::Redelivered {
                message: message()?,
            },
            QueueTag::ConsumerCrashed => QueueEventKind::ConsumerCrashed {
                consumer: consumer()?,
                message: message()?,
            },
            QueueTag::ConsumerRestarted => QueueEventKind::ConsumerRestarted {
                consumer: consumer()?,
            },
        };
        Ok(QueueEvent { at: e.at, kind })
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flat_event::{assert_reads_back, flat_reference};

    flat_reference!(QueueEvent, QueueEventKind);

    /// Every kind's tag: a new kind does not compile until it has one.
    fn tag(kind: &QueueEventKind) -> QueueTag {
        match kind {
            QueueEventKind::Produced { .. } => QueueTag::Produced,
            QueueEventKind::Enqueued { .. } => QueueTag::Enqueued,
            QueueEventKind::Delivered { .. } => QueueTag::Delivered,
            QueueEventKind::Processed { .. } => QueueTag::Processed,
            QueueEventKind::DuplicateSuppressed { .. } => QueueTag::DuplicateSuppressed,
            QueueEventKind::Late { .. } => QueueTag::Late,
            QueueEventKind::Acked { .. } => QueueTag::Acked,
            QueueEventKind::Redelivered { .. } => QueueTag::Redelivered,
            QueueEventKind::ConsumerCrashed { .. } => QueueTag::ConsumerCrashed,
            QueueEventKind::ConsumerRestarted { .. } => QueueTag::ConsumerRestarted,
        }
    }

    #[test]
    fn every_kind_reads_back_as_written() {
        let (message, consumer) = (11, 3);
        let kinds = [
            QueueEventKind::Produced { message, key: 5 },
            QueueEventKind::Enqueued {
                message,
                partition: 2,
            },
            QueueEventKind::Delivered {
                message,
                consumer,
                delivery: 2,
            },
            QueueEventKind::Processed {
                message,
                consumer,
                duplicate: true,
                out_of_order: false,
            },
            QueueEventKind::DuplicateSuppressed { message, consumer },
            QueueEventKind::Late {
                message,
                dropped: true,
            },
            QueueEventKind::Acked { message },
            QueueEventKind::Redelivered { message },
            QueueEventKind::ConsumerCrashed { consumer, message },
            QueueEventKind::ConsumerRestarted { consumer },
        ];
        let tags: std::collections::HashSet<_> = kinds.iter().map(|k| tag(k) as u8).collect();
        assert_eq!(tags.len(), kinds.len(), "one of each kind");
        let events: Vec<QueueEvent> = kinds
            .into_iter()
            .enumerate()
            .map(|(i, kind)| QueueEvent {
                at: 1_000 * i as u64,
                kind,
            })
            .collect();
        assert_reads_back::<_, Reference>(&events);
    }
}
