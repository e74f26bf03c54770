//! A short fingerprint of a run: FNV-1a (64 bits) over its JSON form. Two
//! runs with the same digest produced the same events, numbers and log, so
//! native and wasm runs can be compared without shipping the logs around.

use serde::Serialize;

use crate::Demo;

/// The hex FNV-1a digest of `value`'s JSON, or of the error text if it
/// cannot be serialized (which the scenario types never fail to be).
pub fn digest<T: Serialize>(value: &T) -> String {
    let bytes = serde_json::to_vec(value).unwrap_or_else(|e| e.to_string().into_bytes());
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The digest of the traced run of `demo`'s scenario at its defaults with
/// `seed` (the contention demo's: one run of its default contention
/// scenario, not the whole sweep). The wasm check in the browser tests
/// calls this through crates/wasm-bench and compares with the native CLI.
pub fn default_run_digest(demo: Demo, seed: u64) -> String {
    use crate::*;
    match demo {
        Demo::Retry => digest(&run_retry(&RetryScenario::default(), seed)),
        Demo::Storm => digest(&run_storm_traced(&StormScenario::default(), seed)),
        Demo::Breaker => digest(&run_breaker(&BreakerScenario::default(), seed)),
        Demo::Contention => digest(&run_contention_traced(&ContentionScenario::default(), seed)),
        Demo::Queue => digest(&run_queue_traced(&QueueScenario::default(), seed)),
        Demo::DeepSpace => digest(&run_deep_space_traced(&DeepSpaceScenario::default(), seed)),
        Demo::Consensus => digest(&run_consensus(&ConsensusScenario::default(), seed)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_are_stable_and_differ_by_seed() {
        for demo in Demo::ALL {
            let a = default_run_digest(demo, 1);
            assert_eq!(a, default_run_digest(demo, 1), "{demo}");
            assert_ne!(a, default_run_digest(demo, 2), "{demo}");
            assert_eq!(a.len(), 16);
        }
    }
}
