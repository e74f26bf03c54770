//! A short fingerprint of a run: FNV-1a (64 bits) over its JSON form. Two
//! runs with the same digest produced the same events, numbers and log, so
//! native and wasm runs can be compared without shipping the logs around.

use serde::Serialize;

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

/// The digest of the traced run of scenario `name` (`retry`, `storm`,
/// `contention`, `queue`, `deep_space`) at its defaults with `seed`, or
/// `None` for an unknown name. The wasm check in the browser tests calls
/// this through crates/wasm-bench and compares with the native CLI.
pub fn default_run_digest(name: &str, seed: u64) -> Option<String> {
    use crate::*;
    Some(match name {
        "retry" => digest(&run_retry(&RetryScenario::default(), seed)),
        "storm" => digest(&run_storm_traced(&StormScenario::default(), seed)),
        "contention" => digest(&run_contention_traced(&ContentionScenario::default(), seed)),
        "queue" => digest(&run_queue_traced(&QueueScenario::default(), seed)),
        "deep_space" => digest(&run_deep_space_traced(&DeepSpaceScenario::default(), seed)),
        _ => return None,
    })
}

/// The scenario names [`default_run_digest`] knows.
pub const DIGEST_SCENARIOS: [&str; 5] = ["retry", "storm", "contention", "queue", "deep_space"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_are_stable_and_differ_by_seed() {
        for name in DIGEST_SCENARIOS {
            let a = default_run_digest(name, 1).expect("known");
            assert_eq!(a, default_run_digest(name, 1).expect("known"), "{name}");
            assert_ne!(a, default_run_digest(name, 2).expect("known"), "{name}");
            assert_eq!(a.len(), 16);
        }
        assert_eq!(default_run_digest("nope", 1), None);
    }
}
