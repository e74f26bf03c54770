//! What the storm demo's reader controls: the scenario, and which
//! protections the second run adds on top of it (same seed, side by side).
//! Here rather than in the app so that the posts' numbers test runs the
//! very second run the demo shows.

use serde::{Deserialize, Serialize};
use sim::{BackoffPolicy, BreakerConfig, RetryBudget, ScenarioError, StormScenario};

/// Protections the second run adds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Protections {
    /// Full jitter instead of the configured backoff.
    pub jitter: bool,
    /// A retry budget of 10% of requests.
    pub budget: bool,
    /// A circuit breaker with default settings.
    pub breaker: bool,
}

impl Default for Protections {
    fn default() -> Self {
        Self {
            jitter: true,
            budget: true,
            breaker: false,
        }
    }
}

/// The demo's whole state besides the seed (this is what the URL keeps).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StormSetup {
    pub scenario: StormScenario,
    pub protect: Protections,
}

impl StormSetup {
    pub fn new(scenario: StormScenario) -> Self {
        Self {
            scenario,
            protect: Protections::default(),
        }
    }

    pub fn validate(&self) -> Result<(), ScenarioError> {
        self.scenario.validate()
    }

    /// The scenario of the second run: the first with the protections on.
    pub fn protected(&self) -> StormScenario {
        let mut s = self.scenario.clone();
        if self.protect.jitter {
            s.client.backoff = BackoffPolicy::FullJitter;
        }
        if self.protect.budget && s.client.retry_budget.is_none() {
            s.client.retry_budget = Some(RetryBudget::default());
        }
        if self.protect.breaker && s.client.breaker.is_none() {
            s.client.breaker = Some(BreakerConfig::default());
        }
        s
    }

    /// The first outage's length in ms (0 if none).
    pub fn blip_ms(&self) -> f64 {
        self.scenario
            .server
            .outages
            .first()
            .map_or(0.0, |w| w.end_ms - w.start_ms)
    }

    /// One outage of `length_ms` starting at `start_ms` (none if 0 long),
    /// kept inside the run.
    pub fn set_blip(&mut self, start_ms: f64, length_ms: f64) {
        let start = start_ms.clamp(0.0, self.scenario.duration_ms);
        let end = (start + length_ms.max(0.0)).min(self.scenario.duration_ms);
        self.scenario.server.outages = if end > start {
            vec![sim::Window {
                start_ms: start,
                end_ms: end,
            }]
        } else {
            Vec::new()
        };
    }

    /// Where the first outage starts (5 s into the run if there is none).
    pub fn blip_start_ms(&self) -> f64 {
        self.scenario
            .server
            .outages
            .first()
            .map_or(5000.0, |w| w.start_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_second_run_adds_jitter_and_a_budget_by_default() {
        let setup = StormSetup::new(StormScenario::default());
        let p = setup.protected();
        assert_eq!(p.client.backoff, BackoffPolicy::FullJitter);
        assert_eq!(p.client.retry_budget, Some(RetryBudget::default()));
        assert_eq!(p.client.breaker, None);
        assert_eq!(p.server, setup.scenario.server, "only the client changes");
    }

    #[test]
    fn protections_keep_what_the_scenario_already_has() {
        let mut scenario = StormScenario::default();
        let own = RetryBudget {
            ratio: 0.5,
            ..RetryBudget::default()
        };
        scenario.client.retry_budget = Some(own);
        let setup = StormSetup {
            scenario,
            protect: Protections {
                jitter: false,
                budget: true,
                breaker: true,
            },
        };
        let p = setup.protected();
        assert_eq!(p.client.retry_budget, Some(own));
        assert_eq!(p.client.backoff, setup.scenario.client.backoff);
        assert_eq!(p.client.breaker, Some(BreakerConfig::default()));
    }

    #[test]
    fn the_blip_stays_inside_the_run() {
        let mut setup = StormSetup::new(StormScenario::default());
        let d = setup.scenario.duration_ms;
        setup.set_blip(d - 100.0, 5_000.0);
        assert_eq!(setup.blip_ms(), 100.0);
        setup.set_blip(1_000.0, 0.0);
        assert_eq!(setup.blip_ms(), 0.0);
        assert_eq!(setup.blip_start_ms(), 5000.0);
    }
}
