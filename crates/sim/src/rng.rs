//! The one source of randomness of a run: a seeded ChaCha8 stream.
//!
//! ChaCha8 is portable (the same stream on every platform and in wasm) and
//! named (its output will not change under us, unlike `SmallRng`). The
//! samplers are written here over `libm` rather than taken from a
//! distributions crate (rand_distr calls the platform's `ln` and `exp`), so
//! that every transcendental function is the same bit for bit natively and
//! in wasm, which the browser tests check.

use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

use crate::time::{ms_to_micros, Micros};

/// A seeded generator, passed by `&mut` to whatever needs randomness.
pub struct SimRng {
    inner: ChaCha8Rng,
}

impl SimRng {
    /// The stream for `seed`.
    pub fn new(seed: u64) -> Self {
        Self {
            inner: ChaCha8Rng::seed_from_u64(seed),
        }
    }

    /// A uniform float in `[0, 1)` with 53 random bits.
    pub fn unit(&mut self) -> f64 {
        (self.inner.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// True with probability `p` (no draw is made for p <= 0 or p >= 1).
    pub fn chance(&mut self, p: f64) -> bool {
        if p <= 0.0 {
            return false;
        }
        if p >= 1.0 {
            return true;
        }
        self.unit() < p
    }

    /// A uniform integer in `0..=max`, without modulo bias (Lemire's method).
    pub fn up_to(&mut self, max: u64) -> u64 {
        if max == u64::MAX {
            return self.inner.next_u64();
        }
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

    /// A uniform integer in `lo..=hi` (`lo` if `hi < lo`).
    pub fn between(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            return lo;
        }
        lo + self.up_to(hi - lo)
    }

    /// A standard normal deviate (ziggurat method).
    pub fn standard_normal(&mut self) -> f64 {
        let inner = &mut self.inner;
        crate::ziggurat::standard_normal(|| inner.next_u64())
    }

    /// An exponential duration with the given mean, in µs.
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
    fn up_to_and_between_stay_in_range() {
        let mut r = SimRng::new(1);
        for _ in 0..1000 {
            assert!(r.up_to(9) <= 9);
            assert!((5..=8).contains(&r.between(5, 8)));
        }
        assert_eq!(r.up_to(0), 0);
        assert_eq!(r.between(4, 2), 4);
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

    #[test]
    fn normal_has_mean_zero_and_unit_variance() {
        let mut r = SimRng::new(5);
        let n = 50_000;
        let xs: Vec<f64> = (0..n).map(|_| r.standard_normal()).collect();
        let mean = xs.iter().sum::<f64>() / n as f64;
        let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n as f64;
        assert!(mean.abs() < 0.02, "mean {mean}");
        assert!((var - 1.0).abs() < 0.03, "variance {var}");
    }
}
