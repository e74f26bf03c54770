//! The deep-space scenario's parameters and their ranges.

use serde::{Deserialize, Serialize};

use crate::error::{check_count, check_range, field, ScenarioError};
use crate::window::{validate_windows, Window};

/// Most events one deep-space run may process.
pub const DEEP_SPACE_EVENT_BUDGET: u64 = 5_000_000;

/// Shortest retransmission timeout, in round trips.
pub const MIN_TIMEOUT_FACTOR: f64 = 0.1;

/// Earth to the Moon, one way, in milliseconds (about 1.28 light seconds).
pub const EARTH_MOON_MS: f64 = 1_280.0;
/// Earth to Mars at closest approach, one way (about 3 light minutes).
pub const EARTH_MARS_NEAR_MS: f64 = 182_000.0;
/// Earth to Mars at its farthest, one way (about 22 light minutes).
pub const EARTH_MARS_FAR_MS: f64 = 1_342_000.0;

/// One hop of the path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Hop {
    /// One-way light time, in milliseconds.
    pub light_ms: f64,
    /// Probability that one transmission over this hop is lost (0 to 1).
    pub loss: f64,
    /// Windows during which nothing crosses this hop.
    pub blackouts: Vec<Window>,
}

impl Default for Hop {
    fn default() -> Self {
        Self {
            light_ms: EARTH_MOON_MS,
            loss: 0.1,
            blackouts: Vec::new(),
        }
    }
}

/// How lost messages are recovered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recovery {
    EndToEnd,
    Custody,
}

/// A validated description of one deep-space experiment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DeepSpaceScenario {
    /// The hops from Earth to the destination (1 to 8).
    pub hops: Vec<Hop>,
    pub recovery: Recovery,
    /// Messages sent (1 to 100000).
    pub messages: u32,
    /// Time between two messages at the source, in milliseconds.
    pub interval_ms: f64,
    /// Size of one message, in bytes.
    pub message_bytes: u32,
    /// Size of one acknowledgement, in bytes.
    pub ack_bytes: u32,
    /// Retransmission timeout, in round trips (of the path, or of the hop
    /// with custody): 0.1 to 100. Under 1 the sender gives up waiting
    /// before an acknowledgement could possibly be back, and every such
    /// resend is spurious.
    pub timeout_factor: f64,
}

impl Default for DeepSpaceScenario {
    fn default() -> Self {
        Self {
            hops: vec![
                Hop {
                    light_ms: 600_000.0,
                    loss: 0.05,
                    blackouts: Vec::new(),
                },
                Hop {
                    light_ms: 10.0,
                    loss: 0.2,
                    blackouts: Vec::new(),
                },
            ],
            recovery: Recovery::EndToEnd,
            messages: 100,
            interval_ms: 10_000.0,
            message_bytes: 10_000,
            ack_bytes: 100,
            timeout_factor: 1.5,
        }
    }
}

impl DeepSpaceScenario {
    /// Checks every field against its documented range.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        if self.hops.is_empty() || self.hops.len() > 8 {
            return Err(ScenarioError::new("hops", self.hops.len(), "1 to 8 hops"));
        }
        for (i, hop) in self.hops.iter().enumerate() {
            let at = format!("hops[{i}]");
            check_range(
                &field(&at, "light_ms"),
                hop.light_ms,
                0.0,
                3_600_000.0,
                "ms",
            )?;
            check_range(&field(&at, "loss"), hop.loss, 0.0, 0.99, "")?;
            validate_windows(&hop.blackouts, &field(&at, "blackouts"))?;
        }
        check_count("messages", self.messages, 1, 100_000)?;
        check_range("interval_ms", self.interval_ms, 0.0, 86_400_000.0, "ms")?;
        check_count("message_bytes", self.message_bytes, 1, 1_000_000_000)?;
        check_count("ack_bytes", self.ack_bytes, 1, 1_000_000)?;
        check_range(
            "timeout_factor",
            self.timeout_factor,
            MIN_TIMEOUT_FACTOR,
            100.0,
            "round trips",
        )
    }
}
