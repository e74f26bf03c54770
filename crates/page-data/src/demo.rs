//! Demos a post can embed, each with the sim's own scenario type.

use serde::{Deserialize, Serialize};
use sim::{
    BreakerScenario, ConsensusScenario, ContentionSweep, DeepSpaceScenario, Demo, QueueScenario,
    RetryScenario, ScenarioError, StormScenario,
};

/// A demo and its starting parameters, as validated at build time. Its
/// variants are [`Demo`]'s, keyed with the same keys (`{"deep-space":
/// {...}}`; the `registry_and_specs_agree` test checks it). Externally
/// tagged: an internally tagged enum is read through serde's buffered
/// `Content`, which cost the demos' code 2.9 KB brotli (PERFORMANCE.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
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
    Consensus {
        seed: u64,
        scenario: ConsensusScenario,
    },
}

impl DemoSpec {
    /// Checks the scenario against its documented ranges.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        match self {
            DemoSpec::Retry { scenario, .. } => scenario.validate(),
            DemoSpec::Storm { scenario, .. } => scenario.validate(),
            DemoSpec::Breaker { scenario, .. } => scenario.validate(),
            DemoSpec::Contention { scenario, .. } => scenario.validate(),
            DemoSpec::Queue { scenario, .. } => scenario.validate(),
            DemoSpec::DeepSpace { scenario, .. } => scenario.validate(),
            DemoSpec::Consensus { scenario, .. } => scenario.validate(),
        }
    }

    /// Which demo this is.
    pub fn demo(&self) -> Demo {
        match self {
            DemoSpec::Retry { .. } => Demo::Retry,
            DemoSpec::Storm { .. } => Demo::Storm,
            DemoSpec::Breaker { .. } => Demo::Breaker,
            DemoSpec::Contention { .. } => Demo::Contention,
            DemoSpec::Queue { .. } => Demo::Queue,
            DemoSpec::DeepSpace { .. } => Demo::DeepSpace,
            DemoSpec::Consensus { .. } => Demo::Consensus,
        }
    }

    /// `demo` at its default scenario with `seed` (what ```demo <key>```
    /// with an empty body gives).
    pub fn default_for(demo: Demo, seed: u64) -> DemoSpec {
        match demo {
            Demo::Retry => DemoSpec::Retry {
                seed,
                scenario: Default::default(),
            },
            Demo::Storm => DemoSpec::Storm {
                seed,
                scenario: Default::default(),
            },
            Demo::Breaker => DemoSpec::Breaker {
                seed,
                scenario: Default::default(),
            },
            Demo::Contention => DemoSpec::Contention {
                seed,
                scenario: Default::default(),
            },
            Demo::Queue => DemoSpec::Queue {
                seed,
                scenario: Default::default(),
            },
            Demo::DeepSpace => DemoSpec::DeepSpace {
                seed,
                scenario: Default::default(),
            },
            Demo::Consensus => DemoSpec::Consensus {
                seed,
                scenario: Default::default(),
            },
        }
    }

    /// The demo's key (`Demo::key`).
    pub fn name(&self) -> &'static str {
        self.demo().key()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_and_specs_agree() {
        let specs = Demo::ALL.map(|d| DemoSpec::default_for(d, 1));
        assert_eq!(specs.each_ref().map(|s| s.demo()), Demo::ALL);
        for spec in specs {
            let json = serde_json::to_value(&spec).expect("serializes");
            let keys: Vec<&String> = json.as_object().expect("an object").keys().collect();
            assert_eq!(keys, [spec.name()], "the page data's key is the demo's");
        }
    }
}
