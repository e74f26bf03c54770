//! The client's retry policy: timeout per attempt, how many attempts, and how
//! long to wait between them.

use serde::{Deserialize, Serialize};

use crate::error::{check_count, check_range, ScenarioError};
use crate::rng::SimRng;
use crate::time::{ms_to_micros, Micros};

/// How long to wait before the next attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BackoffPolicy {
    /// Never retry: one attempt per request.
    None,
    /// Wait `min(cap, base * 2^(n-1))` after the n-th failed attempt.
    Exponential,
    /// Wait a uniform random time in `[0, min(cap, base * 2^(n-1))]`
    /// ("full jitter", AWS Architecture Blog, 2015).
    FullJitter,
}

impl BackoffPolicy {
    pub const ALL: [BackoffPolicy; 3] = [
        BackoffPolicy::None,
        BackoffPolicy::Exponential,
        BackoffPolicy::FullJitter,
    ];

    /// The name used in Markdown, URLs and selects.
    pub fn key(self) -> &'static str {
        match self {
            BackoffPolicy::None => "none",
            BackoffPolicy::Exponential => "exponential",
            BackoffPolicy::FullJitter => "full_jitter",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            BackoffPolicy::None => "No retries",
            BackoffPolicy::Exponential => "Exponential backoff",
            BackoffPolicy::FullJitter => "Exponential, full jitter",
        }
    }
}

/// The client's side of a request: per-attempt timeout and retry policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ClientPolicy {
    pub backoff: BackoffPolicy,
    /// Backoff base, in milliseconds.
    pub base_ms: f64,
    /// Longest backoff, in milliseconds.
    pub cap_ms: f64,
    /// Attempts per request, including the first (1 to 100).
    pub max_attempts: u32,
    /// Time the client waits for a reply to one attempt, in milliseconds.
    pub timeout_ms: f64,
}

impl Default for ClientPolicy {
    fn default() -> Self {
        Self {
            backoff: BackoffPolicy::FullJitter,
            base_ms: 20.0,
            cap_ms: 1000.0,
            max_attempts: 4,
            timeout_ms: 100.0,
        }
    }
}

impl ClientPolicy {
    /// Attempts the policy allows per request.
    pub fn attempt_limit(&self) -> u32 {
        match self.backoff {
            BackoffPolicy::None => 1,
            _ => self.max_attempts,
        }
    }

    /// The wait before attempt `failed + 1`, after `failed` (>= 1) attempts
    /// have failed.
    pub fn backoff(&self, failed: u32, rng: &mut SimRng) -> Micros {
        let base = ms_to_micros(self.base_ms);
        let cap = ms_to_micros(self.cap_ms);
        let shift = failed.saturating_sub(1);
        let ceiling = if shift >= 63 {
            cap
        } else {
            base.saturating_mul(1u64 << shift).min(cap)
        };
        match self.backoff {
            BackoffPolicy::None => 0,
            BackoffPolicy::Exponential => ceiling,
            BackoffPolicy::FullJitter => rng.up_to(ceiling),
        }
    }

    pub fn validate(&self) -> Result<(), ScenarioError> {
        check_range(
            "client.base_ms",
            self.base_ms,
            0.0,
            60_000.0,
            "0 to 60000 ms",
        )?;
        check_range(
            "client.cap_ms",
            self.cap_ms,
            0.0,
            3_600_000.0,
            "0 to 3600000 ms",
        )?;
        check_count("client.max_attempts", self.max_attempts, 1, 100, "1 to 100")?;
        check_range(
            "client.timeout_ms",
            self.timeout_ms,
            0.001,
            600_000.0,
            "0.001 to 600000 ms",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(backoff: BackoffPolicy) -> ClientPolicy {
        ClientPolicy {
            backoff,
            base_ms: 10.0,
            cap_ms: 50.0,
            ..ClientPolicy::default()
        }
    }

    #[test]
    fn exponential_doubles_up_to_the_cap() {
        let p = policy(BackoffPolicy::Exponential);
        let mut rng = SimRng::new(0);
        let waits: Vec<_> = (1..=5).map(|n| p.backoff(n, &mut rng)).collect();
        assert_eq!(waits, vec![10_000, 20_000, 40_000, 50_000, 50_000]);
        assert_eq!(p.backoff(200, &mut rng), 50_000);
    }

    #[test]
    fn full_jitter_stays_under_the_exponential_ceiling() {
        let p = policy(BackoffPolicy::FullJitter);
        let mut rng = SimRng::new(1);
        for n in 1..10 {
            let ceiling = policy(BackoffPolicy::Exponential).backoff(n, &mut rng);
            assert!(p.backoff(n, &mut rng) <= ceiling);
        }
    }

    #[test]
    fn no_retries_means_one_attempt() {
        assert_eq!(policy(BackoffPolicy::None).attempt_limit(), 1);
        assert_eq!(policy(BackoffPolicy::Exponential).attempt_limit(), 4);
    }

    #[test]
    fn keys_round_trip() {
        for p in BackoffPolicy::ALL {
            assert_eq!(BackoffPolicy::from_key(p.key()), Some(p));
        }
        assert_eq!(BackoffPolicy::from_key("bogus"), None);
    }
}
