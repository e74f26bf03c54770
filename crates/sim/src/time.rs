//! Simulated time: integer microseconds since the start of a run.

/// A point in, or a span of, simulated time, in microseconds.
pub type Micros = u64;

/// Milliseconds (as written in scenarios) to µs, rounded to the nearest;
/// negative, NaN and infinite inputs clamp to the ends of the range.
pub fn ms_to_micros(ms: f64) -> Micros {
    if ms.is_nan() || ms <= 0.0 {
        return 0;
    }
    let us = libm::round(ms * 1000.0);
    if us >= u64::MAX as f64 {
        u64::MAX
    } else {
        us as u64
    }
}

/// µs to milliseconds, for display.
pub fn micros_to_ms(us: Micros) -> f64 {
    us as f64 / 1000.0
}

/// `us * factor`, rounded, saturating.
pub fn scale(us: Micros, factor: f64) -> Micros {
    ms_to_micros(us as f64 * factor / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_and_rounds() {
        assert_eq!(ms_to_micros(1.0), 1000);
        assert_eq!(ms_to_micros(0.0004), 0);
        assert_eq!(ms_to_micros(0.0006), 1);
        assert_eq!(ms_to_micros(-3.0), 0);
        assert_eq!(ms_to_micros(f64::NAN), 0);
        assert_eq!(ms_to_micros(f64::INFINITY), u64::MAX);
        assert_eq!(micros_to_ms(2500), 2.5);
        assert_eq!(scale(2000, 1.5), 3000);
    }
}
