//! What a deep-space run reports: its event log and delivery figures.

use serde::{Deserialize, Serialize};

use crate::flat_event::field;
use crate::records::RunEnd;
use crate::time::Micros;

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
#[serde(try_from = "FlatDeepSpaceEvent")]
pub struct DeepSpaceEvent {
    pub at: Micros,
    #[serde(flatten)]
    pub kind: DeepSpaceEventKind,
}

/// The names of [`DeepSpaceEventKind`]'s variants, as written in `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum DeepSpaceTag {
    Transmitted,
    Lost,
    BlackedOut,
    Arrived,
    Delivered,
    Acknowledged,
    Retransmitted,
}

/// A [`DeepSpaceEvent`] as written, read in one pass (see `flat_event`).
#[derive(Deserialize)]
struct FlatDeepSpaceEvent {
    at: Micros,
    #[serde(rename = "type")]
    tag: DeepSpaceTag,
    message: Option<u32>,
    hop: Option<u32>,
    payload: Option<Payload>,
    node: Option<u32>,
}

impl TryFrom<FlatDeepSpaceEvent> for DeepSpaceEvent {
    type Error = String;

    fn try_from(e: FlatDeepSpaceEvent) -> Result<Self, String> {
        let message = || field(e.message, "message");
        let hop = || field(e.hop, "hop");
        let payload = || field(e.payload, "payload");
        let node = || field(e.node, "node");
        let kind = match e.tag {
            DeepSpaceTag::Transmitted => DeepSpaceEventKind::Transmitted {
                message: message()?,
                hop: hop()?,
                payload: payload()?,
            },
            DeepSpaceTag::Lost => DeepSpaceEventKind::Lost {
                message: message()?,
                hop: hop()?,
                payload: payload()?,
            },
            DeepSpaceTag::BlackedOut => DeepSpaceEventKind::BlackedOut {
                message: message()?,
                hop: hop()?,
                payload: payload()?,
            },
            DeepSpaceTag::Arrived => DeepSpaceEventKind::Arrived {
                message: message()?,
                node: node()?,
            },
            DeepSpaceTag::Delivered => DeepSpaceEventKind::Delivered {
                message: message()?,
            },
            DeepSpaceTag::Acknowledged => DeepSpaceEventKind::Acknowledged {
                message: message()?,
                node: node()?,
            },
            DeepSpaceTag::Retransmitted => DeepSpaceEventKind::Retransmitted {
                message: message()?,
                node: node()?,
            },
        };
        Ok(DeepSpaceEvent { at: e.at, kind })
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flat_event::{assert_reads_back, flat_reference};

    flat_reference!(DeepSpaceEvent, DeepSpaceEventKind);

    /// Every kind's tag: a new kind does not compile until it has one.
    fn tag(kind: &DeepSpaceEventKind) -> DeepSpaceTag {
        match kind {
            DeepSpaceEventKind::Transmitted { .. } => DeepSpaceTag::Transmitted,
            DeepSpaceEventKind::Lost { .. } => DeepSpaceTag::Lost,
            DeepSpaceEventKind::BlackedOut { .. } => DeepSpaceTag::BlackedOut,
            DeepSpaceEventKind::Arrived { .. } => DeepSpaceTag::Arrived,
            DeepSpaceEventKind::Delivered { .. } => DeepSpaceTag::Delivered,
            DeepSpaceEventKind::Acknowledged { .. } => DeepSpaceTag::Acknowledged,
            DeepSpaceEventKind::Retransmitted { .. } => DeepSpaceTag::Retransmitted,
        }
    }

    #[test]
    fn every_kind_reads_back_as_written() {
        let (message, hop, node) = (9, 1, 2);
        let kinds = [
            DeepSpaceEventKind::Transmitted {
                message,
                hop,
                payload: Payload::Message,
            },
            DeepSpaceEventKind::Lost {
                message,
                hop,
                payload: Payload::Ack,
            },
            DeepSpaceEventKind::BlackedOut {
                message,
                hop,
                payload: Payload::Message,
            },
            DeepSpaceEventKind::Arrived { message, node },
            DeepSpaceEventKind::Delivered { message },
            DeepSpaceEventKind::Acknowledged { message, node },
            DeepSpaceEventKind::Retransmitted { message, node },
        ];
        let tags: std::collections::HashSet<_> = kinds.iter().map(|k| tag(k) as u8).collect();
        assert_eq!(tags.len(), kinds.len(), "one of each kind");
        let events: Vec<DeepSpaceEvent> = kinds
            .into_iter()
            .enumerate()
            .map(|(i, kind)| DeepSpaceEvent {
                at: 1_000 * i as u64,
                kind,
            })
            .collect();
        assert_reads_back::<_, Reference>(&events);
    }
}
