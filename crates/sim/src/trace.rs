//! The typed event log of a run: what happened, when, to which request.
//! Fit for animation (a timeline draws one mark per event) and export.

use serde::{Deserialize, Serialize};

use crate::breaker::BreakerState;
use crate::time::Micros;

/// Which way a message was going.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Leg {
    /// Client to server.
    Request,
    /// Server to client.
    Reply,
}

/// Why a request ended without success.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GiveUpReason {
    /// Every allowed attempt failed or timed out.
    AttemptsExhausted,
    /// The retry budget had no token for another retry.
    BudgetSpent,
    /// The circuit breaker was open.
    BreakerOpen,
    /// The overall deadline passed.
    DeadlinePassed,
}

/// One thing that happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TraceKind {
    /// A new request began.
    Issued { request: u32 },
    /// An attempt left the client.
    Sent { request: u32, attempt: u32 },
    /// A message was lost on the way.
    Lost {
        request: u32,
        attempt: u32,
        leg: Leg,
    },
    /// An attempt reached the server.
    Delivered { request: u32, attempt: u32 },
    /// It waits for a worker.
    Queued { request: u32, attempt: u32 },
    /// The queue was full: rejected with an error reply at once.
    Shed { request: u32, attempt: u32 },
    /// The server finished serving it.
    Served {
        request: u32,
        attempt: u32,
        ok: bool,
    },
    /// The reply reached the client in time.
    Replied {
        request: u32,
        attempt: u32,
        ok: bool,
    },
    /// The client stopped waiting for this attempt.
    TimedOut { request: u32, attempt: u32 },
    /// The next attempt will leave after `wait` µs.
    RetryScheduled {
        request: u32,
        attempt: u32,
        wait: Micros,
    },
    /// The request succeeded.
    Succeeded { request: u32 },
    /// The request ended without success.
    Failed { request: u32, reason: GiveUpReason },
    /// The circuit breaker changed state.
    Breaker {
        from: BreakerState,
        to: BreakerState,
    },
}

/// A [`TraceKind`] at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceEvent {
    pub at: Micros,
    #[serde(flatten)]
    pub kind: TraceKind,
}

/// Collects events when switched on; costs one branch when off (runs for
/// charts and benchmarks do not need the log).
#[derive(Debug, Clone, Default)]
pub struct Trace {
    on: bool,
    events: Vec<TraceEvent>,
}

impl Trace {
    /// A recorder that keeps events if `on`.
    pub fn new(on: bool) -> Self {
        Self {
            on,
            events: Vec::new(),
        }
    }

    #[inline]
    pub fn record(&mut self, at: Micros, kind: TraceKind) {
        if self.on {
            self.events.push(TraceEvent { at, kind });
        }
    }

    pub fn into_events(self) -> Vec<TraceEvent> {
        self.events
    }
}
