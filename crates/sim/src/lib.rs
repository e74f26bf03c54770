//! Deterministic simulation of software under latency and failure.
//!
//! Nothing here knows about the web, the wall clock or a global random
//! generator: time is an integer number of microseconds advanced by an event
//! queue, randomness comes from one seeded [`SimRng`] passed in, and a run is a
//! pure function of `(scenario, seed)`. The same inputs give the same events,
//! bit for bit, natively and in wasm (transcendental functions come from
//! `libm`, never the platform's maths library).
//!
//! Layers, from the bottom: time, randomness and the event queue
//! ([`time`], [`SimRng`], [`EventQueue`]); models ([`Delay`], [`LinkModel`],
//! [`ServerModel`], [`ClientPolicy`] with [`Backoff`], [`RetryBudget`] and
//! [`Breaker`]); scenarios that put models together and run them
//! ([`RetryScenario`], [`StormScenario`], [`ContentionScenario`],
//! [`QueueScenario`], [`DeepSpaceScenario`]).

mod backoff;
mod breaker;
mod breaker_scenario;
pub mod consensus;
mod contention;
mod contention_sweep;
mod deep_space;
mod delay;
mod demo;
mod digest;
mod error;
mod event_queue;
mod flat_event;
mod histogram;
mod link;
pub mod overrides;
mod policy;
mod queue;
mod records;
mod retry;
mod retry_budget;
mod rng;
mod rpc;
mod seed;
mod series;
mod server;
mod storm;
pub mod time;
mod trace;
mod window;
pub mod workloads;
mod ziggurat;

pub use backoff::{Backoff, BackoffPolicy, BackoffState};
pub use breaker::{Breaker, BreakerConfig, BreakerState, BreakerTransition};
pub use breaker_scenario::{run_breaker, BreakerScenario};
pub use consensus::{run_consensus, ConsensusRun, ConsensusScenario};
pub use contention::{
    run_contention, run_contention_traced, summarize_contention, summarize_runs, ContentionEvent,
    ContentionEventKind, ContentionRun, ContentionScenario, ContentionSummary, MeanSd,
    CONTENTION_EVENT_BUDGET,
};
pub use contention_sweep::ContentionSweep;
pub use deep_space::{
    run_deep_space, run_deep_space_traced, DeepSpaceEvent, DeepSpaceEventKind, DeepSpaceRun,
    DeepSpaceScenario, Hop, Payload, Recovery, DEEP_SPACE_EVENT_BUDGET, EARTH_MARS_FAR_MS,
    EARTH_MARS_NEAR_MS, EARTH_MOON_MS,
};
pub use delay::Delay;
pub use demo::Demo;
pub use digest::{default_run_digest, digest};
pub use error::ScenarioError;
pub use event_queue::EventQueue;
pub use histogram::LatencyHistogram;
pub use link::LinkModel;
pub use policy::ClientPolicy;
pub use queue::{
    run_queue, run_queue_traced, LagPoint, QueueEvent, QueueEventKind, QueueRun, QueueScenario,
    QueueStats, QUEUE_EVENT_BUDGET,
};
pub use records::{
    AttemptOutcome, AttemptRecord, RequestOutcome, RequestRecord, RequestStats, RunEnd,
};
pub use retry::{run_retry, RetryRun, RetryScenario, RETRY_EVENT_BUDGET};
pub use retry_budget::{RetryBudget, RetryTokens};
pub use rng::SimRng;
pub use seed::{next_seed, SEED_BOUND};
pub use series::{Series, SeriesPoint, MAX_SERIES_POINTS};
pub use server::{Admission, Server, ServerModel};
pub use storm::{
    run_storm, run_storm_traced, StormRun, StormScenario, StormVerdict, STORM_EVENT_BUDGET,
};
pub use time::{micros_to_ms, ms_to_micros, Micros};
pub use trace::{GiveUpReason, Leg, Trace, TraceEvent, TraceKind};
pub use window::Window;
