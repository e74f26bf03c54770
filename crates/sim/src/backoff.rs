//! How long to wait before a retry, by the definitions of the AWS
//! Architecture Blog post "Exponential Backoff And Jitter" (Marc Brooker,
//! 2015). `retry` counts from 1 at the first retry:
//!
//! | policy              | wait before retry n                               |
//! |---------------------|---------------------------------------------------|
//! | none                | 0 (retry at once)                                 |
//! | fixed               | base                                              |
//! | exponential         | min(cap, base * 2^n)                              |
//! | full_jitter         | uniform(0, min(cap, base * 2^n))                  |
//! | equal_jitter        | t/2 + uniform(0, t/2), t = min(cap, base * 2^n)   |
//! | decorrelated_jitter | sleep = min(cap, uniform(base, 3 * sleep)), sleep starts at base |

use serde::{Deserialize, Serialize};

use crate::rng::SimRng;
use crate::time::Micros;

/// The shape of the wait between attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BackoffPolicy {
    None,
    Fixed,
    Exponential,
    FullJitter,
    EqualJitter,
    DecorrelatedJitter,
}

impl BackoffPolicy {
    /// Every policy, in the order a reader meets them.
    pub const ALL: [BackoffPolicy; 6] = [
        BackoffPolicy::None,
        BackoffPolicy::Fixed,
        BackoffPolicy::Exponential,
        BackoffPolicy::FullJitter,
        BackoffPolicy::EqualJitter,
        BackoffPolicy::DecorrelatedJitter,
    ];

    /// The name in scenarios and URLs (`full_jitter`).
    pub fn key(self) -> &'static str {
        match self {
            BackoffPolicy::None => "none",
            BackoffPolicy::Fixed => "fixed",
            BackoffPolicy::Exponential => "exponential",
            BackoffPolicy::FullJitter => "full_jitter",
            BackoffPolicy::EqualJitter => "equal_jitter",
            BackoffPolicy::DecorrelatedJitter => "decorrelated_jitter",
        }
    }

    /// The policy named `key`; `-` and `_` are interchangeable
    /// (`full-jitter` on a command line).
    pub fn from_key(key: &str) -> Option<Self> {
        let key = key.trim().replace('-', "_");
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    /// A label for readers.
    pub fn label(self) -> &'static str {
        match self {
            BackoffPolicy::None => "No backoff (retry at once)",
            BackoffPolicy::Fixed => "Fixed delay",
            BackoffPolicy::Exponential => "Exponential",
            BackoffPolicy::FullJitter => "Exponential, full jitter",
            BackoffPolicy::EqualJitter => "Exponential, equal jitter",
            BackoffPolicy::DecorrelatedJitter => "Decorrelated jitter",
        }
    }
}

/// A policy with its base and cap, in µs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub policy: BackoffPolicy,
    pub base: Micros,
    pub cap: Micros,
}

/// What a retrying party remembers between retries (decorrelated jitter
/// grows from its own previous sleep).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BackoffState {
    previous_sleep: Option<Micros>,
}

impl Backoff {
    /// `min(cap, base * 2^retry)`, without overflow.
    pub fn ceiling(&self, retry: u32) -> Micros {
        if retry >= 63 {
            return self.cap;
        }
        self.base.saturating_mul(1u64 << retry).min(self.cap)
    }

    /// The wait before retry number `retry` (1 for the first retry).
    pub fn delay(&self, retry: u32, state: &mut BackoffState, rng: &mut SimRng) -> Micros {
        match self.policy {
            BackoffPolicy::None => 0,
            BackoffPolicy::Fixed => self.base.min(self.cap),
            BackoffPolicy::Exponential => self.ceiling(retry),
            BackoffPolicy::FullJitter => rng.up_to(self.ceiling(retry)),
            BackoffPolicy::EqualJitter => {
                let t = self.ceiling(retry);
                t / 2 + rng.up_to(t / 2)
            }
            BackoffPolicy::DecorrelatedJitter => {
                let previous = state.previous_sleep.unwrap_or(self.base);
                let sleep = rng
                    .between(self.base, previous.saturating_mul(3))
                    .min(self.cap);
                state.previous_sleep = Some(sleep);
                sleep
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn backoff(policy: BackoffPolicy) -> Backoff {
        Backoff {
            policy,
            base: 10,
            cap: 100,
        }
    }

    fn waits(policy: BackoffPolicy, seed: u64) -> Vec<Micros> {
        let b = backoff(policy);
        let mut state = BackoffState::default();
        let mut rng = SimRng::new(seed);
        (1..=8).map(|n| b.delay(n, &mut state, &mut rng)).collect()
    }

    #[test]
    fn none_and_fixed() {
        assert_eq!(waits(BackoffPolicy::None, 0), vec![0; 8]);
        assert_eq!(waits(BackoffPolicy::Fixed, 0), vec![10; 8]);
    }

    #[test]
    fn exponential_doubles_from_base_times_two_up_to_the_cap() {
        assert_eq!(
            waits(BackoffPolicy::Exponential, 0),
            vec![20, 40, 80, 100, 100, 100, 100, 100]
        );
        assert_eq!(backoff(BackoffPolicy::Exponential).ceiling(500), 100);
    }

    #[test]
    fn full_jitter_is_uniform_under_the_ceiling() {
        let b = backoff(BackoffPolicy::FullJitter);
        for seed in 0..200 {
            for (i, w) in waits(BackoffPolicy::FullJitter, seed)
                .into_iter()
                .enumerate()
            {
                assert!(w <= b.ceiling(i as u32 + 1));
            }
        }
        // Uniform over 0..=20 for the first retry: mean near 10.
        let mut rng = SimRng::new(1);
        let mean = (0..10_000)
            .map(|_| b.delay(1, &mut BackoffState::default(), &mut rng))
            .sum::<u64>() as f64
            / 10_000.0;
        assert!((mean - 10.0).abs() < 0.5, "{mean}");
    }

    #[test]
    fn equal_jitter_keeps_at_least_half_the_ceiling() {
        let b = backoff(BackoffPolicy::EqualJitter);
        for seed in 0..200 {
            for (i, w) in waits(BackoffPolicy::EqualJitter, seed)
                .into_iter()
                .enumerate()
            {
                let t = b.ceiling(i as u32 + 1);
                assert!(w >= t / 2 && w <= t, "{w} vs {t}");
            }
        }
    }

    #[test]
    fn decorrelated_jitter_grows_from_its_own_last_sleep() {
        let b = backoff(BackoffPolicy::DecorrelatedJitter);
        for seed in 0..200 {
            let mut state = BackoffState::default();
            let mut rng = SimRng::new(seed);
            let mut previous = b.base;
            for n in 1..=10 {
                let w = b.delay(n, &mut state, &mut rng);
                assert!(w >= b.base.min(b.cap) && w <= b.cap, "{w}");
                assert!(w <= (previous * 3).min(b.cap), "{w} after {previous}");
                previous = w;
            }
        }
    }

    #[test]
    fn keys_round_trip_and_accept_dashes() {
        for p in BackoffPolicy::ALL {
            assert_eq!(BackoffPolicy::from_key(p.key()), Some(p));
        }
        assert_eq!(
            BackoffPolicy::from_key("full-jitter"),
            Some(BackoffPolicy::FullJitter)
        );
        assert_eq!(BackoffPolicy::from_key("bogus"), None);
    }
}
