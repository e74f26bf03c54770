//! How numbers are written for readers. The build (prerendered pages) and
//! the app (live demos) both call these, so the same run reads the same.

/// `0.935` -> `93.5%`.
pub fn percent(fraction: f64) -> String {
    format!("{:.1}%", fraction * 100.0)
}

/// `Some(45.25)` -> `45.3 ms`; `None` -> `n/a`.
pub fn millis(ms: Option<f64>) -> String {
    match ms {
        Some(ms) if ms >= 10_000.0 => format!("{:.1} s", ms / 1000.0),
        Some(ms) => format!("{ms:.1} ms"),
        None => "n/a".to_string(),
    }
}

/// A ratio with two decimals: `1.3245` -> `1.32`.
pub fn ratio(value: f64) -> String {
    format!("{value:.2}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(percent(0.935), "93.5%");
        assert_eq!(millis(Some(45.25)), "45.2 ms");
        assert_eq!(millis(Some(12_345.0)), "12.3 s");
        assert_eq!(millis(None), "n/a");
        assert_eq!(ratio(1.3251), "1.33");
    }
}
