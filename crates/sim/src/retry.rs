//! The retry scenario: one client sends a fixed number of requests, one
//! every `interval_ms`, across a link to a server, with a per-attempt
//! timeout and a retry policy. The demo a reader meets first.

use serde::{Deserialize, Serialize};

use crate::breaker::BreakerTransition;
use crate::error::{check_count, check_range, ScenarioError};
use crate::link::LinkModel;
use crate::policy::ClientPolicy;
use crate::records::{AttemptRecord, RequestRecord, RequestStats, RunEnd};
use crate::rpc::{run_rpc, Arrivals, RpcSetup};
use crate::server::ServerModel;
use crate::time::ms_to_micros;
use crate::trace::TraceEvent;

/// Most events one retry run may process.
pub const RETRY_EVENT_BUDGET: u64 = 2_000_000;

/// A validated description of one retry experiment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RetryScenario {
    /// Requests the client issues (1 to 10000).
    pub requests: u32,
    /// Time between the start of one request and the next, in milliseconds.
    pub interval_ms: f64,
    pub link: LinkModel,
    pub server: ServerModel,
    pub client: ClientPolicy,
}

impl Default for RetryScenario {
    fn default() -> Self {
        Self {
            requests: 200,
            interval_ms: 50.0,
            link: LinkModel::default(),
            server: ServerModel::default(),
            client: ClientPolicy::default(),
        }
    }
}

impl RetryScenario {
    /// Checks every field against its documented range.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        check_count("requests", self.requests, 1, 10_000)?;
        check_range("interval_ms", self.interval_ms, 0.0, 60_000.0, "ms")?;
        self.link.validate("link")?;
        self.server.validate("server")?;
        self.client.validate("client")
    }
}

/// Everything a retry run produced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RetryRun {
    pub seed: u64,
    pub end: RunEnd,
    pub events: u64,
    /// Requests that finished, in the order they finished.
    pub requests: Vec<RequestRecord>,
    /// Attempts that finished, in the order they finished.
    pub attempts: Vec<AttemptRecord>,
    /// The typed event log.
    pub trace: Vec<TraceEvent>,
    pub breaker: Vec<BreakerTransition>,
    pub stats: RequestStats,
}

/// Runs `scenario` with `seed`. The scenario should have passed
/// [`RetryScenario::validate`]; out-of-range values are clamped by the
/// models rather than trusted, so this never panics.
pub fn run_retry(scenario: &RetryScenario, seed: u64) -> RetryRun {
    let setup = RpcSetup {
        link: &scenario.link,
        server: &scenario.server,
        client: &scenario.client,
        arrivals: Arrivals::Every {
            interval: ms_to_micros(scenario.interval_ms),
            count: scenario.requests.min(10_000),
        },
        bucket: None,
        trace: true,
        records: true,
        event_budget: RETRY_EVENT_BUDGET,
    };
    let out = run_rpc(&setup, seed);
    RetryRun {
        seed,
        end: out.end,
        events: out.events,
        requests: out.requests,
        attempts: out.attempts,
        trace: out.trace,
        breaker: out.breaker,
        stats: out.stats,
    }
}
