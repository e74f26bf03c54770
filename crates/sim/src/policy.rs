//! The client's side of a request: timeouts, retries and what limits them.

use serde::{Deserialize, Serialize};

use crate::backoff::{Backoff, BackoffPolicy};
use crate::breaker::BreakerConfig;
use crate::error::{check_count, check_range, field, ScenarioError};
use crate::retry_budget::RetryBudget;
use crate::time::ms_to_micros;

/// How a client sends, waits and retries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ClientPolicy {
    /// The wait between attempts.
    pub backoff: BackoffPolicy,
    /// Backoff base, in milliseconds.
    pub base_ms: f64,
    /// Longest backoff, in milliseconds.
    pub cap_ms: f64,
    /// Attempts per request, including the first (1 to 100; 1 = no retries).
    pub max_attempts: u32,
    /// Time the client waits for a reply to one attempt, in milliseconds.
    pub timeout_ms: f64,
    /// Time after which a request is abandoned whatever is in flight, in
    /// milliseconds; none if absent.
    pub deadline_ms: Option<f64>,
    /// A token bucket limiting retries to a share of requests; none if
    /// absent.
    pub retry_budget: Option<RetryBudget>,
    /// A circuit breaker in front of the server; none if absent.
    pub breaker: Option<BreakerConfig>,
}

impl Default for ClientPolicy {
    fn default() -> Self {
        Self {
            backoff: BackoffPolicy::FullJitter,
            base_ms: 20.0,
            cap_ms: 1000.0,
            max_attempts: 4,
            timeout_ms: 100.0,
            deadline_ms: None,
            retry_budget: None,
            breaker: None,
        }
    }
}

impl ClientPolicy {
    /// The backoff in µs.
    pub fn backoff(&self) -> Backoff {
        Backoff {
            policy: self.backoff,
            base: ms_to_micros(self.base_ms),
            cap: ms_to_micros(self.cap_ms),
        }
    }

    /// Checks the parameters; `at` is the policy's path (`client`).
    pub fn validate(&self, at: &str) -> Result<(), ScenarioError> {
        check_range(&field(at, "base_ms"), self.base_ms, 0.0, 60_000.0, "ms")?;
        check_range(&field(at, "cap_ms"), self.cap_ms, 0.0, 3_600_000.0, "ms")?;
        check_count(&field(at, "max_attempts"), self.max_attempts, 1, 100)?;
        check_range(
            &field(at, "timeout_ms"),
            self.timeout_ms,
            0.001,
            3_600_000.0,
            "ms",
        )?;
        if let Some(deadline) = self.deadline_ms {
            check_range(
                &field(at, "deadline_ms"),
                deadline,
                0.001,
                86_400_000.0,
                "ms",
            )?;
        }
        if let Some(budget) = &self.retry_budget {
            budget.validate(&field(at, "retry_budget"))?;
        }
        if let Some(breaker) = &self.breaker {
            breaker.validate(&field(at, "breaker"))?;
        }
        Ok(())
    }
}
