//! Deterministic simulation of software under latency and failure.
//!
//! Nothing here knows about the web, the wall clock or a global random
//! generator: time is an integer number of microseconds advanced by an event
//! queue, randomness comes from one seeded [`SimRng`] passed in, and a run is a
//! pure function of `(scenario, seed)`. The same inputs give the same events,
//! bit for bit, natively and in wasm (transcendental functions come from
//! `libm`, never the platform's maths library).

mod error;
mod event_queue;
mod link;
mod policy;
mod retry;
mod rng;
mod seed;
mod server;
mod stats;
mod time;

pub use error::ScenarioError;
pub use event_queue::EventQueue;
pub use link::{Latency, LinkModel};
pub use policy::{BackoffPolicy, ClientPolicy};
pub use retry::{
    run_retry, AttemptOutcome, AttemptRecord, RequestOutcome, RequestRecord, RetryRun,
    RetryScenario, RunEnd,
};
pub use rng::SimRng;
pub use seed::{next_seed, SEED_BOUND};
pub use server::ServerModel;
pub use stats::{percentile, RetryStats};
pub use time::{micros_to_ms, ms_to_micros, Micros};
