//! The typed event log of a run: what happened, when, to which request.
//! Fit for animation (a timeline draws one mark per event) and export.

use serde::{Deserialize, Serialize};

use crate::breaker::BreakerState;
use crate::flat_event::field;
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
#[serde(try_from = "FlatTraceEvent")]
pub struct TraceEvent {
    pub at: Micros,
    #[serde(flatten)]
    pub kind: TraceKind,
}

/// The names of [`TraceKind`]'s variants, as written in `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum TraceTag {
    Issued,
    Sent,
    Lost,
    Delivered,
    Queued,
    Shed,
    Served,
    Replied,
    TimedOut,
    RetryScheduled,
    Succeeded,
    Failed,
    Breaker,
}

/// A [`TraceEvent`] as written, read in one pass (see `flat_event`).
#[derive(Deserialize)]
struct FlatTraceEvent {
    at: Micros,
    #[serde(rename = "type")]
    tag: TraceTag,
    request: Option<u32>,
    attempt: Option<u32>,
    leg: Option<Leg>,
    ok: Option<bool>,
    wait: Option<Micros>,
    reason: Option<GiveUpReason>,
    from: Option<BreakerState>,
    to: Option<BreakerState>,
}

impl TryFrom<FlatTraceEvent> for TraceEvent {
    type Error = String;

    fn try_from(e: FlatTraceEvent) -> Result<Self, String> {
        let request = || field(e.request, "request");
        let attempt = || field(e.attempt, "attempt");
        let ok = || field(e.ok, "ok");
        let kind = match e.tag {
            TraceTag::Issued => TraceKind::Issued {
                request: request()?,
            },
            TraceTag::Sent => TraceKind::Sent {
                request: request()?,
                attempt: attempt()?,
            },
            TraceTag::Lost => TraceKind::Lost {
                request: request()?,
                attempt: attempt()?,
                leg: field(e.leg, "leg")?,
            },
            TraceTag::Delivered => TraceKind::Delivered {
                request: request()?,
                attempt: attempt()?,
            },
            TraceTag::Queued => TraceKind::Queued {
                request: request()?,
                attempt: attempt()?,
            },
            TraceTag::Shed => TraceKind::Shed {
                request: request()?,
                attempt: attempt()?,
            },
            TraceTag::Served => TraceKind::Served {
                request: request()?,
                attempt: attempt()?,
                ok: ok()?,
            },
            TraceTag::Replied => TraceKind::Replied {
                request: request()?,
                attempt: attempt()?,
                ok: ok()?,
            },
            TraceTag::TimedOut => TraceKind::TimedOut {
                request: request()?,
                attempt: attempt()?,
            },
            TraceTag::RetryScheduled => TraceKind::RetryScheduled {
                request: request()?,
                attempt: attempt()?,
                wait: field(e.wait, "wait")?,
            },
            TraceTag::Succeeded => TraceKind::Succeeded {
                request: request()?,
            },
            TraceTag::Failed => TraceKind::Failed {
                request: request()?,
                reason: field(e.reason, "reason")?,
            },
            TraceTag::Breaker => TraceKind::Breaker {
                from: field(e.from, "from")?,
                to: field(e.to, "to")?,
            },
        };
        Ok(TraceEvent { at: e.at, kind })
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flat_event::{assert_reads_back, flat_reference};

    flat_reference!(TraceEvent, TraceKind);

    /// Every kind's tag: a new kind does not compile until it has one
    /// (and then a reading in `TryFrom`).
    fn tag(kind: &TraceKind) -> TraceTag {
        match kind {
            TraceKind::Issued { .. } => TraceTag::Issued,
            TraceKind::Sent { .. } => TraceTag::Sent,
            TraceKind::Lost { .. } => TraceTag::Lost,
            TraceKind::Delivered { .. } => TraceTag::Delivered,
            TraceKind::Queued { .. } => TraceTag::Queued,
            TraceKind::Shed { .. } => TraceTag::Shed,
            TraceKind::Served { .. } => TraceTag::Served,
            TraceKind::Replied { .. } => TraceTag::Replied,
            TraceKind::TimedOut { .. } => TraceTag::TimedOut,
            TraceKind::RetryScheduled { .. } => TraceTag::RetryScheduled,
            TraceKind::Succeeded { .. } => TraceTag::Succeeded,
            TraceKind::Failed { .. } => TraceTag::Failed,
            TraceKind::Breaker { .. } => TraceTag::Breaker,
        }
    }

    #[test]
    fn every_kind_reads_back_as_written() {
        let (request, attempt) = (7, 2);
        let kinds = [
            TraceKind::Issued { request },
            TraceKind::Sent { request, attempt },
            TraceKind::Lost {
                request,
                attempt,
                leg: Leg::Reply,
            },
            TraceKind::Delivered { request, attempt },
            TraceKind::Queued { request, attempt },
            TraceKind::Shed { request, attempt },
            TraceKind::Served {
                request,
                attempt,
                ok: false,
            },
            TraceKind::Replied {
                request,
                attempt,
                ok: true,
            },
            TraceKind::TimedOut { request, attempt },
            TraceKind::RetryScheduled {
                request,
                attempt,
                wait: 1_500,
            },
            TraceKind::Succeeded { request },
            TraceKind::Failed {
                request,
                reason: GiveUpReason::BudgetSpent,
            },
            TraceKind::Breaker {
                from: BreakerState::Closed,
                to: BreakerState::Open,
            },
        ];
        let tags: std::collections::HashSet<_> = kinds.iter().map(|k| tag(k) as u8).collect();
        assert_eq!(tags.len(), kinds.len(), "one of each kind");
        let events: Vec<TraceEvent> = kinds
            .into_iter()
            .enumerate()
            .map(|(i, kind)| TraceEvent {
                at: 1_000 * i as u64,
                kind,
            })
            .collect();
        assert_reads_back::<_, Reference>(&events);
    }

    #[test]
    fn a_missing_field_or_an_unknown_kind_is_named() {
        let missing = serde_json::from_str::<TraceEvent>(r#"{"at":1,"type":"sent","request":1}"#)
            .expect_err("no attempt");
        assert!(
            missing.to_string().contains("missing field `attempt`"),
            "{missing}"
        );
        let unknown = serde_json::from_str::<TraceEvent>(r#"{"at":1,"type":"teleported"}"#)
            .expect_err("no such kind");
        assert!(unknown.to_string().contains("teleported"), "{unknown}");
    }
}
