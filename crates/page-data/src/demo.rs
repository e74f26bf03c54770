//! Demos a post can embed, each with the sim's own scenario type.

use serde::{Deserialize, Serialize};
use sim::{
    BreakerScenario, ContentionSweep, DeepSpaceScenario, QueueScenario, RetryScenario,
    ScenarioError, StormScenario,
};

/// A demo and its starting parameters, as validated at build time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "name", rename_all = "snake_case")]
pub enum DemoSpec {
    Retry {
        seed: u64,
        scenario: RetryScenario,
    },
    Storm {
        seed: u64,
        scenario: StormScenario,
    },
    Breaker {
        seed: u64,
        scenario: BreakerScenario,
    },
    Contention {
        seed: u64,
        scenario: ContentionSweep,
    },
    Queue {
        seed: u64,
        scenario: QueueScenario,
    },
    DeepSpace {
        seed: u64,
        scenario: DeepSpaceScenario,
    },
}

impl DemoSpec {
    /// The names an author can write after `demo` in a fenced block.
    pub const NAMES: [&'static str; 6] = [
        "retry",
        "storm",
        "breaker",
        "contention",
        "queue",
        "deep-space",
    ];

    /// Checks the scenario against its documented ranges.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        match self {
            DemoSpec::Retry { scenario, .. } => scenario.validate(),
            DemoSpec::Storm { scenario, .. } => scenario.validate(),
            DemoSpec::Breaker { scenario, .. } => scenario.validate(),
            DemoSpec::Contention { scenario, .. } => scenario.validate(),
            DemoSpec::Queue { scenario, .. } => scenario.validate(),
            DemoSpec::DeepSpace { scenario, .. } => scenario.validate(),
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            DemoSpec::Retry { .. } => "retry",
            DemoSpec::Storm { .. } => "storm",
            DemoSpec::Breaker { .. } => "breaker",
            DemoSpec::Contention { .. } => "contention",
            DemoSpec::Queue { .. } => "queue",
            DemoSpec::DeepSpace { .. } => "deep-space",
        }
    }
}
