//! What a deep-space run reports: its event log and delivery figures.

use serde::{Deserialize, Serialize};

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
