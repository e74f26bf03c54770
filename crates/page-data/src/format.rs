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

/// A span that may be seconds or hours: `Some(90_000.0)` -> `1.5 min`.
pub fn duration_ms(ms: Option<f64>) -> String {
    match ms {
        None => "n/a".to_string(),
        Some(ms) if ms < 1_000.0 => format!("{ms:.0} ms"),
        Some(ms) if ms < 60_000.0 => format!("{:.1} s", ms / 1000.0),
        Some(ms) if ms < 3_600_000.0 => format!("{:.1} min", ms / 60_000.0),
        Some(ms) => format!("{:.1} h", ms / 3_600_000.0),
    }
}

/// `N posts` / `1 post`.
pub fn count_label(n: usize) -> String {
    if n == 1 {
        "1 post".to_string()
    } else {
        format!("{n} posts")
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
        assert_eq!(duration_ms(Some(250.0)), "250 ms");
        assert_eq!(duration_ms(Some(1_280.0)), "1.3 s");
        assert_eq!(duration_ms(Some(90_000.0)), "1.5 min");
        assert_eq!(duration_ms(Some(5_400_000.0)), "1.5 h");
    }
}
