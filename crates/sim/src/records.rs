//! Per-request and per-attempt records of a client-server run, and the
//! summary numbers computed from them.

use serde::{Deserialize, Serialize};

use crate::histogram::LatencyHistogram;
use crate::time::Micros;
use crate::trace::GiveUpReason;

/// How one attempt ended, from the client's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttemptOutcome {
    /// A success reply arrived before the timeout.
    Succeeded,
    /// An error reply (a failure or a shed) arrived before the timeout.
    Failed,
    /// No reply before the timeout (lost, queued or too slow).
    TimedOut,
    /// The request's deadline passed while it was in flight.
    Abandoned,
}

/// One attempt as it happened, for timelines and exports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptRecord {
    pub request: u32,
    /// 1 for the first attempt of a request.
    pub number: u32,
    pub sent_at: Micros,
    /// When the server received it; `None` if it was lost on the way.
    pub server_received_at: Option<Micros>,
    /// Whether the reply was lost on the way back.
    pub reply_lost: bool,
    pub outcome: AttemptOutcome,
    /// When the client learnt the outcome (reply, timeout or deadline).
    pub ended_at: Micros,
}

/// How a request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", content = "reason", rename_all = "snake_case")]
pub enum RequestOutcome {
    Succeeded,
    Failed(GiveUpReason),
}

/// One request from issue to its end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestRecord {
    pub id: u32,
    pub issued_at: Micros,
    pub finished_at: Micros,
    pub attempts: u32,
    pub outcome: RequestOutcome,
}

impl RequestRecord {
    /// Time from issue to the end, in µs.
    pub fn latency(&self) -> Micros {
        self.finished_at - self.issued_at
    }
}

/// Whether the run processed every event or stopped at the budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunEnd {
    Completed,
    /// The run hit its event budget and stopped: a scenario that would
    /// otherwise explode (or hang a browser tab).
    BudgetExceeded,
}

/// Summary of a client-server run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestStats {
    /// Requests issued.
    pub requests: u32,
    pub succeeded: u32,
    /// Requests that ended without success, for any reason.
    pub failed: u32,
    /// Requests still open when the run stopped at its budget.
    pub unfinished: u32,
    /// Failed because every attempt was used.
    pub exhausted: u32,
    /// Failed because the retry budget was spent.
    pub budget_denied: u32,
    /// Failed fast because the breaker was open.
    pub breaker_rejected: u32,
    /// Failed at the overall deadline.
    pub deadline_passed: u32,
    /// Attempts sent (first tries and retries).
    pub attempts: u64,
    /// Attempts the server shed.
    pub shed: u64,
    /// Attempts that timed out.
    pub timed_out: u64,
    /// Messages lost on the link, either way.
    pub lost: u64,
    /// Requests the server served (including ones nobody waited for).
    pub served: u64,
    /// Latency of successful requests, from issue to success, in ms.
    pub p50_ms: Option<f64>,
    pub p90_ms: Option<f64>,
    pub p95_ms: Option<f64>,
    pub p99_ms: Option<f64>,
    pub max_ms: Option<f64>,
}

impl RequestStats {
    /// Share of requests that succeeded (0 to 1).
    pub fn success_rate(&self) -> f64 {
        ratio(self.succeeded as f64, self.requests as f64)
    }

    /// Attempts per request: the load amplification of retries.
    pub fn attempts_per_request(&self) -> f64 {
        ratio(self.attempts as f64, self.requests as f64)
    }
}

fn ratio(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        0.0
    } else {
        a / b
    }
}

/// Counts built up during a run.
#[derive(Debug, Clone, Default)]
pub(crate) struct StatsBuilder {
    pub requests: u32,
    pub succeeded: u32,
    pub failed_by: [u32; 4],
    pub attempts: u64,
    pub shed: u64,
    pub timed_out: u64,
    pub lost: u64,
    pub served: u64,
    pub latency: LatencyHistogram,
}

impl StatsBuilder {
    pub fn failed(&mut self, reason: GiveUpReason) {
        self.failed_by[reason as usize] += 1;
    }

    pub fn finish(self) -> RequestStats {
        let failed: u32 = self.failed_by.iter().sum();
        RequestStats {
            requests: self.requests,
            succeeded: self.succeeded,
            failed,
            unfinished: self.requests - self.succeeded - failed,
            exhausted: self.failed_by[GiveUpReason::AttemptsExhausted as usize],
            budget_denied: self.failed_by[GiveUpReason::BudgetSpent as usize],
            breaker_rejected: self.failed_by[GiveUpReason::BreakerOpen as usize],
            deadline_passed: self.failed_by[GiveUpReason::DeadlinePassed as usize],
            attempts: self.attempts,
            shed: self.shed,
            timed_out: self.timed_out,
            lost: self.lost,
            served: self.served,
            p50_ms: self.latency.quantile_ms(0.50),
            p90_ms: self.latency.quantile_ms(0.90),
            p95_ms: self.latency.quantile_ms(0.95),
            p99_ms: self.latency.quantile_ms(0.99),
            max_ms: self.latency.max_ms(),
        }
    }
}
