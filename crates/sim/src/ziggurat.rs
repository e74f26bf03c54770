//! Standard normal deviates by the ziggurat method (Marsaglia and Tsang,
//! 2000), 256 layers as in `rand_distr`: most draws cost one random word,
//! a multiply and a compare, with no transcendental function. The tables
//! and the rare slow paths use `libm`, so the stream is the same bit for bit
//! natively and in wasm.

use std::sync::OnceLock;

/// Start of the tail (the right edge of the base layer).
const R: f64 = 3.654_152_885_361_009;
/// Area of each layer.
const V: f64 = 0.004_928_673_233_99;
const LAYERS: usize = 256;

struct Tables {
    x: [f64; LAYERS + 1],
    f: [f64; LAYERS + 1],
}

fn pdf(x: f64) -> f64 {
    libm::exp(-x * x / 2.0)
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut x = [0.0; LAYERS + 1];
        x[0] = V / pdf(R);
        x[1] = R;
        for i in 1..LAYERS - 1 {
            x[i + 1] = libm::sqrt(-2.0 * libm::log(V / x[i] + pdf(x[i])));
        }
        x[LAYERS] = 0.0;
        let mut f = [0.0; LAYERS + 1];
        for i in 0..=LAYERS {
            f[i] = pdf(x[i]);
        }
        Tables { x, f }
    })
}

/// One standard normal deviate from `next_u64` (and, rarely, `unit` for
/// uniforms in [0, 1)).
pub fn standard_normal(mut next_u64: impl FnMut() -> u64) -> f64 {
    let t = tables();
    let unit = |bits: u64| (bits >> 11) as f64 * (1.0 / (1u64 << 53) as f64);
    loop {
        let bits = next_u64();
        let i = (bits & 0xff) as usize;
        let u = 2.0 * unit(bits) - 1.0;
        let x = u * t.x[i];
        if x.abs() < t.x[i + 1] {
            return x;
        }
        if i == 0 {
            // The tail beyond R (Marsaglia's method).
            let (mut tail, mut y) = (1.0f64, 0.0f64);
            while -2.0 * y < tail * tail {
                tail = libm::log(1.0 - unit(next_u64())) / R;
                y = libm::log(1.0 - unit(next_u64()));
            }
            return if u < 0.0 { tail - R } else { R - tail };
        }
        if t.f[i + 1] + (t.f[i] - t.f[i + 1]) * unit(next_u64()) < pdf(x) {
            return x;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_shrink_to_zero() {
        let t = tables();
        assert!(t.x.windows(2).skip(1).all(|w| w[0] > w[1]), "decreasing");
        assert_eq!(t.x[LAYERS], 0.0);
        // The last computed layer ends close to zero, as the construction
        // with these constants should.
        assert!(t.x[LAYERS - 1] < 0.3, "{}", t.x[LAYERS - 1]);
    }

    #[test]
    fn tails_have_the_normal_mass() {
        let mut rng = crate::SimRng::new(12);
        let n = 400_000;
        let draws: Vec<f64> = (0..n).map(|_| rng.standard_normal()).collect();
        let share = |k: f64| draws.iter().filter(|z| z.abs() > k).count() as f64 / n as f64;
        // P(|Z| > 1) = 0.3173, P(|Z| > 2) = 0.0455, P(|Z| > 3) = 0.0027.
        assert!((share(1.0) - 0.3173).abs() < 0.004, "{}", share(1.0));
        assert!((share(2.0) - 0.0455).abs() < 0.0015, "{}", share(2.0));
        assert!((share(3.0) - 0.0027).abs() < 0.0004, "{}", share(3.0));
        assert!(share(3.7) > 0.0, "the tail beyond R is reached");
    }
}
