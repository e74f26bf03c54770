//! What the storm demo's reader controls: the scenario, and which
//! protections the second run adds on top of it (same seed, side by side).

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
