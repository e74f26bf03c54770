//! The storm scenario: many clients, arriving at a given rate, against one
//! server of finite capacity. Retries amplify load; a blip (a server
//! outage) fills the queue; after it ends the system either drains back to
//! health or stays overloaded by its own retries (a metastable failure),
//! depending on the client policy.

use serde::{Deserialize, Serialize};

use crate::breaker::BreakerTransition;
use crate::error::{check_range, ScenarioError};
use crate::link::LinkModel;
use crate::policy::ClientPolicy;
use crate::records::{RequestStats, RunEnd};
use crate::retry_budget::RetryBudget;
use crate::rpc::{run_rpc, Arrivals, RpcSetup};
use crate::series::SeriesPoint;
use crate::server::ServerModel;
use crate::time::{micros_to_ms, ms_to_micros};
use crate::trace::TraceEvent;
use crate::window::Window;
use crate::{BackoffPolicy, Delay};

/// Most events one storm run may process.
pub const STORM_EVENT_BUDGET: u64 = 20_000_000;

/// Buckets in a row with goodput near the offered load that count as
/// recovered.
const RECOVERY_BUCKETS: usize = 3;
/// Share of the offered load that counts as healthy goodput.
const HEALTHY_GOODPUT: f64 = 0.9;

/// A validated description of one storm experiment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StormScenario {
    /// How long new requests keep arriving, in milliseconds.
    pub duration_ms: f64,
    /// New requests per second, across all clients (Poisson arrivals).
    pub arrival_rate: f64,
    /// Width of one time-series bucket, in milliseconds.
    pub bucket_ms: f64,
    pub link: LinkModel,
    pub server: ServerModel,
    pub client: ClientPolicy,
}

impl Default for StormScenario {
    fn default() -> Self {
        Self {
            duration_ms: 30_000.0,
            arrival_rate: 800.0,
            bucket_ms: 250.0,
            link: LinkModel {
                latency: Delay::constant(5.0),
                loss: 0.0,
                partitions: Vec::new(),
            },
            server: ServerModel {
                concurrency: 10,
                queue_capacity: 1000,
                service: Delay::Exponential { mean_ms: 10.0 },
                failure_rate: 0.01,
                queue_slowdown: 0.0,
                outages: vec![Window {
                    start_ms: 5_000.0,
                    end_ms: 7_000.0,
                }],
            },
            client: ClientPolicy {
                backoff: BackoffPolicy::Exponential,
                base_ms: 20.0,
                cap_ms: 1000.0,
                max_attempts: 5,
                timeout_ms: 250.0,
                deadline_ms: None,
                retry_budget: None,
                breaker: None,
            },
        }
    }
}

impl StormScenario {
    /// Checks every field against its documented range.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        check_range("duration_ms", self.duration_ms, 1.0, 600_000.0, "ms")?;
        check_range(
            "arrival_rate",
            self.arrival_rate,
            0.1,
            100_000.0,
            "per second",
        )?;
        check_range("bucket_ms", self.bucket_ms, 10.0, 60_000.0, "ms")?;
        self.link.validate("link")?;
        self.server.validate("server")?;
        self.client.validate("client")
    }

    /// The same scenario with a retry budget of `ratio` (a convenience
    /// for comparisons).
    pub fn with_retry_budget(mut self, ratio: f64) -> Self {
        self.client.retry_budget = Some(RetryBudget {
            ratio,
            ..RetryBudget::default()
        });
        self
    }
}

/// How the system came out of its blips.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum StormVerdict {
    /// No outage was scheduled inside the run.
    NoBlip,
    /// Goodput came back to the offered load this long after the last
    /// outage ended.
    Recovered { after_ms: f64 },
    /// Goodput stayed below the offered load until arrivals stopped: the
    /// overload outlived its cause.
    Metastable,
}

/// Everything a storm run produced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StormRun {
    pub seed: u64,
    pub end: RunEnd,
    pub events: u64,
    pub stats: RequestStats,
    pub series: Vec<SeriesPoint>,
    pub breaker: Vec<BreakerTransition>,
    pub verdict: StormVerdict,
    /// The typed event log, if asked for.
    pub trace: Vec<TraceEvent>,
}

/// Runs `scenario` with `seed`, without the event log.
pub fn run_storm(scenario: &StormScenario, seed: u64) -> StormRun {
    run(scenario, seed, false)
}

/// Runs `scenario` with `seed`, keeping every event (for animation).
pub fn run_storm_traced(scenario: &StormScenario, seed: u64) -> StormRun {
    run(scenario, seed, true)
}

fn run(scenario: &StormScenario, seed: u64, trace: bool) -> StormRun {
    let rate = scenario.arrival_rate.clamp(0.1, 100_000.0);
    let setup = RpcSetup {
        link: &scenario.link,
        server: &scenario.server,
        client: &scenario.client,
        arrivals: Arrivals::Poisson {
            mean_gap_ms: 1000.0 / rate,
            until: ms_to_micros(scenario.duration_ms),
        },
        bucket: Some(ms_to_micros(scenario.bucket_ms).max(1000)),
        trace,
        records: false,
        event_budget: STORM_EVENT_BUDGET,
    };
    let out = run_rpc(&setup, seed);
    let verdict = verdict(scenario, &out.series);
    StormRun {
        seed,
        end: out.end,
        events: out.events,
        stats: out.stats,
        series: out.series,
        breaker: out.breaker,
        verdict,
        trace: out.trace,
    }
}

/// Whether, and how fast, goodput returned after the last outage that ends
/// before arrivals stop.
fn verdict(scenario: &StormScenario, series: &[SeriesPoint]) -> StormVerdict {
    let Some(blip_end) = scenario
        .server
        .outages
        .iter()
        .map(|w| w.end_ms)
        .filter(|&end| end < scenario.duration_ms)
        .reduce(f64::max)
    else {
        return StormVerdict::NoBlip;
    };
    let healthy = |p: &SeriesPoint| {
        p.issued > 0 && f64::from(p.succeeded) >= HEALTHY_GOODPUT * f64::from(p.issued)
    };
    let bucket_ms = micros_to_ms(ms_to_micros(scenario.bucket_ms).max(1000));
    let window: Vec<&SeriesPoint> = series
        .iter()
        .filter(|p| p.t_ms >= blip_end && p.t_ms + bucket_ms <= scenario.duration_ms)
        .collect();
    window
        .windows(RECOVERY_BUCKETS)
        .find(|run| run.iter().all(|p| healthy(p)))
        .map_or(StormVerdict::Metastable, |run| StormVerdict::Recovered {
            after_ms: run[0].t_ms - blip_end,
        })
}
