//! The engine under the retry and storm scenarios: requests arrive at a
//! client, cross a link to a server and back, and are retried by the
//! client's policy. Models decide what happens; the event queue decides
//! when; the one generator decides by chance.
mod engine;

use crate::breaker::BreakerTransition;
use crate::link::LinkModel;
use crate::policy::ClientPolicy;
use crate::records::{AttemptRecord, RequestRecord, RequestStats, RunEnd};
use crate::series::SeriesPoint;
use crate::server::ServerModel;
use crate::time::Micros;
use crate::trace::TraceEvent;

/// When requests begin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Arrivals {
    /// `count` requests, one every `interval` µs from time 0.
    Every { interval: Micros, count: u32 },
    /// A Poisson process with a mean gap of `mean_gap_ms`, from time 0
    /// until `until` µs.
    Poisson { mean_gap_ms: f64, until: Micros },
}

/// What a run needs, borrowed from a scenario.
pub(crate) struct RpcSetup<'a> {
    pub link: &'a LinkModel,
    pub server: &'a ServerModel,
    pub client: &'a ClientPolicy,
    pub arrivals: Arrivals,
    /// Width of the time-series buckets, if a series is wanted.
    pub bucket: Option<Micros>,
    /// Keep the typed event log.
    pub trace: bool,
    /// Keep a record per request and per attempt.
    pub records: bool,
    /// Most events the run may process.
    pub event_budget: u64,
}

/// What a run produced.
#[derive(Debug, Clone)]
pub(crate) struct RpcOutput {
    pub end: RunEnd,
    pub events: u64,
    pub stats: RequestStats,
    pub requests: Vec<RequestRecord>,
    pub attempts: Vec<AttemptRecord>,
    pub series: Vec<SeriesPoint>,
    pub trace: Vec<TraceEvent>,
    pub breaker: Vec<BreakerTransition>,
}

/// Runs the setup with `seed`.
pub(crate) fn run_rpc(setup: &RpcSetup<'_>, seed: u64) -> RpcOutput {
    engine::Engine::run(setup, seed)
}
