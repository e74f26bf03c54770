//! Summary numbers of a run: what a reader compares between policies.

use serde::{Deserialize, Serialize};

use crate::retry::{RequestOutcome, RequestRecord};
use crate::time::{micros_to_ms, Micros};

/// Nearest-rank percentile (`q` in 0..=1) of sorted values.
pub fn percentile(sorted: &[Micros], q: f64) -> Option<Micros> {
    if sorted.is_empty() {
        return None;
    }
    let rank = libm::ceil(q.clamp(0.0, 1.0) * sorted.len() as f64) as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

/// The headline numbers of a retry run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RetryStats {
    pub requests: u32,
    pub succeeded: u32,
    pub gave_up: u32,
    /// Requests not finished when the run stopped (only at the event budget).
    pub unfinished: u32,
    pub attempts: u64,
    /// Latency from issue to success, of the requests that succeeded, in ms.
    pub p50_ms: Option<f64>,
    pub p99_ms: Option<f64>,
}

impl RetryStats {
    pub fn from_run(requests: u32, finished: &[RequestRecord], attempts: usize) -> Self {
        let mut ok: Vec<Micros> = finished
            .iter()
            .filter(|r| r.outcome == RequestOutcome::Succeeded)
            .map(RequestRecord::latency)
            .collect();
        ok.sort_unstable();
        let succeeded = ok.len() as u32;
        let gave_up = finished.len() as u32 - succeeded;
        Self {
            requests,
            succeeded,
            gave_up,
            unfinished: requests.saturating_sub(finished.len() as u32),
            attempts: attempts as u64,
            p50_ms: percentile(&ok, 0.50).map(micros_to_ms),
            p99_ms: percentile(&ok, 0.99).map(micros_to_ms),
        }
    }

    /// Fraction of requests that succeeded, 0 to 1.
    pub fn success_rate(&self) -> f64 {
        if self.requests == 0 {
            0.0
        } else {
            self.succeeded as f64 / self.requests as f64
        }
    }

    /// Attempts made per request issued.
    pub fn attempts_per_request(&self) -> f64 {
        if self.requests == 0 {
            0.0
        } else {
            self.attempts as f64 / self.requests as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let v: Vec<Micros> = (1..=100).collect();
        assert_eq!(percentile(&v, 0.5), Some(50));
        assert_eq!(percentile(&v, 0.99), Some(99));
        assert_eq!(percentile(&v, 1.0), Some(100));
        assert_eq!(percentile(&v, 0.0), Some(1));
        assert_eq!(percentile(&[], 0.5), None);
        assert_eq!(percentile(&[7], 0.99), Some(7));
    }
}
