//! The server at the far end of the link.

use serde::{Deserialize, Serialize};

use crate::error::{check_range, ScenarioError};
use crate::rng::SimRng;
use crate::time::{ms_to_micros, Micros};

/// A server that takes `service_ms` to handle a request and answers with an
/// error with probability `failure_rate`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerModel {
    /// Probability that handling a request fails, 0 to 1.
    pub failure_rate: f64,
    /// Time to handle one request, in milliseconds.
    pub service_ms: f64,
}

impl Default for ServerModel {
    fn default() -> Self {
        Self {
            failure_rate: 0.1,
            service_ms: 5.0,
        }
    }
}

impl ServerModel {
    /// Handles one request: its service time and whether it succeeded.
    pub fn handle(&self, rng: &mut SimRng) -> (Micros, bool) {
        let ok = !rng.chance(self.failure_rate);
        (ms_to_micros(self.service_ms), ok)
    }

    pub fn validate(&self) -> Result<(), ScenarioError> {
        check_range("server.failure_rate", self.failure_rate, 0.0, 1.0, "0 to 1")?;
        check_range(
            "server.service_ms",
            self.service_ms,
            0.0,
            60_000.0,
            "0 to 60000 ms",
        )
    }
}
