//! The one source of randomness in a run: a seeded, portable ChaCha8 stream.

use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

use crate::time::{ms_to_micros, Micros};

/// A seeded generator with the few draws the models need. Every draw is
/// computed with integer arithmetic or `libm`, so a seed gives the same
/// numbers on every platform.
pub struct SimRng {
    inner: ChaCha8Rng,
}

impl SimRng {
    pub fn new(seed: u64) -> Self {
        Self {
            inner: ChaCha8Rng::seed_from_u64(seed),
        }
    }

    /// Uniform in `[0, 1)` with 53 bits of precision.
    pub fn unit(&mut self) -> f64 {
        (self.inner.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// True with probability `p` (`p <= 0` never, `p >= 1` always).
    pub fn chance(&mut self, p: f64) -> bool {
        if p <= 0.0 {
            return false;
        }
        if p >= 1.0 {
            return true;
        }
        self.unit() < p
    }

    /// Uniform integer in `0..=max`.
    pub fn up_to(&mut self, max: u64) -> u64 {
        if max == u64::MAX {
            return self.inner.next_u64();
        }
        // Lemire's multiply-shift with rejection: unbiased.
        let range = max + 1;
        let threshold = range.wrapping_neg() % range;
        loop {
            let x = self.inner.next_u64();
            let m = (x as u128) * (range as u128);
            if (m as u64) >= threshold {
                return (m >> 64) as u64;
            }
        }
    }

    /// Exponentially distributed duration with the given mean, in µs.
    pub fn exponential_micros(&mut self, mean_ms: f64) -> Micros {
        let u = 1.0 - self.unit(); // (0, 1]
        ms_to_micros(-mean_ms * libm::log(u))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream() {
        let mut a = SimRng::new(7);
        let mut b = SimRng::new(7);
        for _ in 0..100 {
            assert_eq!(a.unit().to_bits(), b.unit().to_bits());
        }
    }

    #[test]
    fn up_to_stays_in_range() {
        let mut r = SimRng::new(1);
        for _ in 0..1000 {
            assert!(r.up_to(9) <= 9);
        }
        assert_eq!(r.up_to(0), 0);
    }

    #[test]
    fn chance_extremes() {
        let mut r = SimRng::new(3);
        assert!(!r.chance(0.0));
        assert!(r.chance(1.0));
    }

    #[test]
    fn exponential_mean_is_close() {
        let mut r = SimRng::new(11);
        let n = 20_000;
        let total: u64 = (0..n).map(|_| r.exponential_micros(10.0)).sum();
        let mean_ms = total as f64 / n as f64 / 1000.0;
        assert!((mean_ms - 10.0).abs() < 0.5, "mean {mean_ms}");
    }
}
