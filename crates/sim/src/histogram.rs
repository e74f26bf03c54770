//! Latency percentiles from an HDR histogram (3 significant digits: a
//! percentile is within 0.1% of the exact value), so that long runs do not
//! keep every sample.

use hdrhistogram::Histogram;

use crate::time::{micros_to_ms, Micros};

/// Recorded durations, in µs.
#[derive(Debug, Clone)]
pub struct LatencyHistogram {
    inner: Histogram<u64>,
}

impl Default for LatencyHistogram {
    fn default() -> Self {
        Self::new()
    }
}

impl LatencyHistogram {
    pub fn new() -> Self {
        // Auto-resizing from 1 µs: no value is ever out of range.
        let mut inner = Histogram::new(3).unwrap_or_else(|_| unreachable!("3 digits is valid"));
        inner.auto(true);
        Self { inner }
    }

    pub fn record(&mut self, us: Micros) {
        // Auto-resize means recording cannot fail for a u64.
        let _ = self.inner.record(us.max(1));
    }

    pub fn count(&self) -> u64 {
        self.inner.len()
    }

    /// The `q` quantile (0 to 1) in milliseconds; `None` if empty.
    pub fn quantile_ms(&self, q: f64) -> Option<f64> {
        (!self.inner.is_empty())
            .then(|| micros_to_ms(self.inner.value_at_quantile(q.clamp(0.0, 1.0))))
    }

    /// The largest value recorded, in milliseconds.
    pub fn max_ms(&self) -> Option<f64> {
        (!self.inner.is_empty()).then(|| micros_to_ms(self.inner.max()))
    }

    /// The mean, in milliseconds.
    pub fn mean_ms(&self) -> Option<f64> {
        (!self.inner.is_empty()).then(|| self.inner.mean() / 1000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_within_a_tenth_of_a_percent() {
        let mut h = LatencyHistogram::new();
        for us in 1..=100_000 {
            h.record(us);
        }
        let p50 = h.quantile_ms(0.5).expect("has values");
        let p99 = h.quantile_ms(0.99).expect("has values");
        assert!((p50 - 50.0).abs() <= 0.05, "{p50}");
        assert!((p99 - 99.0).abs() <= 0.1, "{p99}");
        assert_eq!(h.count(), 100_000);
        assert_eq!(LatencyHistogram::new().quantile_ms(0.5), None);
    }
}
