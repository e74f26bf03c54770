//! The network between two parties: latency, loss and partitions.

use serde::{Deserialize, Serialize};

use crate::delay::Delay;
use crate::error::{check_range, field, ScenarioError};
use crate::rng::SimRng;
use crate::time::Micros;
use crate::window::{in_any, validate_windows, Window};

/// One direction of a link (both directions behave alike).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LinkModel {
    /// One-way delay of a message.
    pub latency: Delay,
    /// Probability that a message is lost (0 to 1).
    pub loss: f64,
    /// Windows during which every message sent is lost.
    pub partitions: Vec<Window>,
}

impl Default for LinkModel {
    fn default() -> Self {
        Self {
            latency: Delay::default(),
            loss: 0.02,
            partitions: Vec::new(),
        }
    }
}

impl LinkModel {
    /// A message sent at `now`: its delay, or `None` if it is lost. Draws
    /// the same number of random values whether or not a partition is on,
    /// so that a partition does not reshuffle the rest of the run.
    pub fn transmit(&self, now: Micros, rng: &mut SimRng) -> Option<Micros> {
        let lost = rng.chance(self.loss);
        let delay = self.latency.sample(rng);
        (!lost && !in_any(&self.partitions, now)).then_some(delay)
    }

    /// Checks the parameters; `at` is the link's path (`link`).
    pub fn validate(&self, at: &str) -> Result<(), ScenarioError> {
        self.latency.validate(&field(at, "latency"))?;
        check_range(&field(at, "loss"), self.loss, 0.0, 1.0, "")?;
        validate_windows(&self.partitions, &field(at, "partitions"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partitions_drop_everything_inside_the_window() {
        let link = LinkModel {
            latency: Delay::constant(1.0),
            loss: 0.0,
            partitions: vec![Window {
                start_ms: 10.0,
                end_ms: 20.0,
            }],
        };
        let mut rng = SimRng::new(0);
        assert_eq!(link.transmit(9_999, &mut rng), Some(1000));
        assert_eq!(link.transmit(10_000, &mut rng), None);
        assert_eq!(link.transmit(20_000, &mut rng), Some(1000));
    }

    #[test]
    fn loss_rate_is_respected() {
        let link = LinkModel {
            loss: 0.25,
            ..LinkModel::default()
        };
        let mut rng = SimRng::new(4);
        let lost = (0..10_000)
            .filter(|_| link.transmit(0, &mut rng).is_none())
            .count();
        assert!((2300..2700).contains(&lost), "{lost}");
    }
}
