//! A retry budget as a token bucket, after the Google SRE book's chapter
//! "Handling Overload": retries may be at most `ratio` of requests. Every
//! request adds `ratio` tokens (up to `max_tokens`); every retry takes one;
//! a retry without a token is not made. The bucket starts full.

use serde::{Deserialize, Serialize};

use crate::error::{check_range, field, ScenarioError};

/// The budget's configuration.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RetryBudget {
    /// Retries allowed per request, over time (0 to 10; 0.1 = 10%).
    pub ratio: f64,
    /// Most tokens saved up for a burst of retries (1 to 100000).
    pub max_tokens: f64,
}

impl Default for RetryBudget {
    fn default() -> Self {
        Self {
            ratio: 0.1,
            max_tokens: 10.0,
        }
    }
}

impl RetryBudget {
    pub fn validate(&self, at: &str) -> Result<(), ScenarioError> {
        check_range(&field(at, "ratio"), self.ratio, 0.0, 10.0, "")?;
        check_range(
            &field(at, "max_tokens"),
            self.max_tokens,
            1.0,
            100_000.0,
            "",
        )
    }
}

/// Tokens, in thousandths so that the arithmetic is exact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryTokens {
    milli: u64,
    per_request: u64,
    cap: u64,
}

const ONE: u64 = 1000;

impl RetryTokens {
    /// A full bucket for `budget`.
    pub fn new(budget: &RetryBudget) -> Self {
        let cap = (budget.max_tokens.max(1.0) * ONE as f64) as u64;
        Self {
            milli: cap,
            per_request: (budget.ratio.max(0.0) * ONE as f64) as u64,
            cap,
        }
    }

    /// A new request was issued.
    pub fn on_request(&mut self) {
        self.milli = (self.milli + self.per_request).min(self.cap);
    }

    /// Takes a token for a retry; false if the budget is spent.
    pub fn try_retry(&mut self) -> bool {
        if self.milli >= ONE {
            self.milli -= ONE;
            true
        } else {
            false
        }
    }

    /// Whole tokens left.
    pub fn tokens(&self) -> f64 {
        self.milli as f64 / ONE as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_are_bounded_by_the_ratio_plus_the_burst() {
        let mut t = RetryTokens::new(&RetryBudget {
            ratio: 0.1,
            max_tokens: 5.0,
        });
        let mut retries = 0;
        for _ in 0..1000 {
            t.on_request();
            while t.try_retry() {
                retries += 1;
            }
        }
        // 5 saved up, then 0.1 per request for the other 999 requests (the
        // first request's deposit overflows the full bucket).
        assert_eq!(retries, 5 + 99);
        assert!(t.tokens() < 1.0);
    }
}
