//! The breaker scenario: one client calls a dependency that fails for a
//! while, through a circuit breaker. It is the retry scenario's engine with
//! other defaults: no retries, a breaker always present, and an outage in
//! the middle of the run.

use serde::{Deserialize, Serialize};

use crate::breaker::BreakerConfig;
use crate::delay::Delay;
use crate::error::{check_count, check_range, ScenarioError};
use crate::link::LinkModel;
use crate::policy::ClientPolicy;
use crate::retry::{run_retry, RetryRun, RetryScenario};
use crate::server::ServerModel;
use crate::window::Window;
use crate::BackoffPolicy;

/// A validated description of one breaker experiment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BreakerScenario {
    /// Calls the client makes (1 to 10000).
    pub requests: u32,
    /// Time between two calls, in milliseconds.
    pub interval_ms: f64,
    /// The dependency's failure rate while it is up (0 to 1).
    pub failure_rate: f64,
    /// When the dependency is down: calls to it hang until they time out.
    pub outages: Vec<Window>,
    /// The client's timeout per call, in milliseconds.
    pub timeout_ms: f64,
    /// The breaker.
    pub breaker: BreakerConfig,
}

impl Default for BreakerScenario {
    fn default() -> Self {
        Self {
            requests: 400,
            interval_ms: 25.0,
            failure_rate: 0.02,
            outages: vec![Window {
                start_ms: 3000.0,
                end_ms: 6000.0,
            }],
            timeout_ms: 100.0,
            breaker: BreakerConfig {
                failure_threshold: 0.5,
                window: 20,
                min_calls: 10,
                cooldown_ms: 1000.0,
                half_open_probes: 3,
            },
        }
    }
}

impl BreakerScenario {
    /// Checks every field against its documented range.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        check_count("requests", self.requests, 1, 10_000)?;
        check_range("interval_ms", self.interval_ms, 1.0, 60_000.0, "ms")?;
        check_range("failure_rate", self.failure_rate, 0.0, 1.0, "")?;
        check_range("timeout_ms", self.timeout_ms, 1.0, 600_000.0, "ms")?;
        self.breaker.validate("breaker")?;
        self.as_retry().validate()
    }

    /// The same experiment as a retry scenario (no retries, a fast link).
    pub fn as_retry(&self) -> RetryScenario {
        RetryScenario {
            requests: self.requests,
            interval_ms: self.interval_ms,
            link: LinkModel {
                latency: Delay::constant(5.0),
                loss: 0.0,
                partitions: Vec::new(),
            },
            server: ServerModel {
                concurrency: 100,
                queue_capacity: 10_000,
                service: Delay::Exponential { mean_ms: 10.0 },
                failure_rate: self.failure_rate,
                queue_slowdown: 0.0,
                outages: self.outages.clone(),
            },
            client: ClientPolicy {
                backoff: BackoffPolicy::None,
                base_ms: 0.0,
                cap_ms: 0.0,
                max_attempts: 1,
                timeout_ms: self.timeout_ms,
                deadline_ms: None,
                retry_budget: None,
                breaker: Some(self.breaker),
            },
        }
    }
}

/// Runs `scenario` with `seed` (with its full event log).
pub fn run_breaker(scenario: &BreakerScenario, seed: u64) -> RetryRun {
    run_retry(&scenario.as_retry(), seed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BreakerState;

    #[test]
    fn the_default_opens_during_the_outage_and_closes_after() {
        let run = run_breaker(&BreakerScenario::default(), 1);
        let states: Vec<BreakerState> = run.breaker.iter().map(|t| t.to).collect();
        assert_eq!(states.first(), Some(&BreakerState::Open));
        assert_eq!(states.last(), Some(&BreakerState::Closed));
        assert!(states.contains(&BreakerState::HalfOpen));
        assert!(run.stats.breaker_rejected > 0);
        let first_open = run.breaker[0].at;
        assert!((3_000_000..6_000_000).contains(&first_open), "{first_open}");
    }
}
