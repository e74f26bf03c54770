//! The network link between client and server: delay and loss per message.

use serde::{Deserialize, Serialize};

use crate::error::{check_range, ScenarioError};
use crate::rng::SimRng;
use crate::time::{ms_to_micros, Micros};

/// One-way latency of a message on the link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Latency {
    /// Every message takes exactly `ms` milliseconds.
    Constant { ms: f64 },
    /// `ms` milliseconds, plus, with probability `tail_probability`, an extra
    /// exponentially distributed delay with mean `tail_mean_ms` (a long tail:
    /// most messages are fast, a few are very slow).
    LongTail {
        ms: f64,
        tail_probability: f64,
        tail_mean_ms: f64,
    },
}

impl Default for Latency {
    fn default() -> Self {
        Latency::LongTail {
            ms: 20.0,
            tail_probability: 0.05,
            tail_mean_ms: 200.0,
        }
    }
}

impl Latency {
    /// The fixed part of the delay, in milliseconds.
    pub fn base_ms(&self) -> f64 {
        match self {
            Latency::Constant { ms } | Latency::LongTail { ms, .. } => *ms,
        }
    }

    /// The same model with its fixed part set to `ms`.
    pub fn with_base_ms(&self, new_ms: f64) -> Self {
        let mut next = self.clone();
        match &mut next {
            Latency::Constant { ms } | Latency::LongTail { ms, .. } => *ms = new_ms,
        }
        next
    }

    pub fn sample(&self, rng: &mut SimRng) -> Micros {
        match *self {
            Latency::Constant { ms } => ms_to_micros(ms),
            Latency::LongTail {
                ms,
                tail_probability,
                tail_mean_ms,
            } => {
                let base = ms_to_micros(ms);
                if rng.chance(tail_probability) {
                    base.saturating_add(rng.exponential_micros(tail_mean_ms))
                } else {
                    base
                }
            }
        }
    }

    pub fn validate(&self) -> Result<(), ScenarioError> {
        match *self {
            Latency::Constant { ms } => {
                check_range("link.latency.ms", ms, 0.0, 60_000.0, "0 to 60000 ms")
            }
            Latency::LongTail {
                ms,
                tail_probability,
                tail_mean_ms,
            } => {
                check_range("link.latency.ms", ms, 0.0, 60_000.0, "0 to 60000 ms")?;
                check_range(
                    "link.latency.tail_probability",
                    tail_probability,
                    0.0,
                    1.0,
                    "0 to 1",
                )?;
                check_range(
                    "link.latency.tail_mean_ms",
                    tail_mean_ms,
                    0.0,
                    600_000.0,
                    "0 to 600000 ms",
                )
            }
        }
    }
}

/// A link that delays each message and loses some of them, independently in
/// each direction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LinkModel {
    pub latency: Latency,
    /// Probability that a message (request or reply) is lost, 0 to 1.
    pub loss: f64,
}

impl Default for LinkModel {
    fn default() -> Self {
        Self {
            latency: Latency::default(),
            loss: 0.02,
        }
    }
}

impl LinkModel {
    /// Delivers one message: `None` if it is lost, else its delay.
    pub fn transmit(&self, rng: &mut SimRng) -> Option<Micros> {
        if rng.chance(self.loss) {
            None
        } else {
            Some(self.latency.sample(rng))
        }
    }

    pub fn validate(&self) -> Result<(), ScenarioError> {
        self.latency.validate()?;
        check_range("link.loss", self.loss, 0.0, 1.0, "0 to 1")
    }
}
