//! The benchmark workloads, named once so that the native benchmark
//! (benches/scenarios.rs) and the wasm one (crates/wasm-bench) time exactly
//! the same runs.

use crate::{BackoffPolicy, ContentionScenario, RetryScenario, StormScenario};

/// The default storm: 30 s at 800 requests/s with a 2 s blip and
/// unlimited exponential retries (it goes metastable: about 430,000 events).
pub fn storm() -> StormScenario {
    StormScenario::default()
}

/// The contention experiment at 100 clients with plain exponential backoff.
pub fn contention() -> ContentionScenario {
    ContentionScenario {
        clients: 100,
        strategy: BackoffPolicy::Exponential,
        ..ContentionScenario::default()
    }
}

/// The same at 1000 clients: about 300,000 events, long enough that the
/// fixed cost of a run (seeding, allocation) does not dominate.
pub fn contention_1000() -> ContentionScenario {
    ContentionScenario {
        clients: 1000,
        ..contention()
    }
}

/// 10,000 requests of the default retry scenario, with the full event log.
pub fn retry() -> RetryScenario {
    RetryScenario {
        requests: 10_000,
        ..RetryScenario::default()
    }
}
