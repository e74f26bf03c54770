//! Windows of time during which something is wrong: a network partition, a
//! server outage (a "blip"), a solar conjunction.

use serde::{Deserialize, Serialize};

use crate::error::{check_range, field, ScenarioError};
use crate::time::{ms_to_micros, Micros};

/// From `start_ms` (inclusive) to `end_ms` (exclusive), in milliseconds
/// since the start of the run.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    pub start_ms: f64,
    pub end_ms: f64,
}

impl Window {
    /// The window in µs, `(start, end)`.
    pub fn micros(&self) -> (Micros, Micros) {
        (ms_to_micros(self.start_ms), ms_to_micros(self.end_ms))
    }

    /// Whether `at` falls inside the window.
    pub fn contains(&self, at: Micros) -> bool {
        let (start, end) = self.micros();
        (start..end).contains(&at)
    }

    fn validate(&self, at: &str) -> Result<(), ScenarioError> {
        check_range(
            &field(at, "start_ms"),
            self.start_ms,
            0.0,
            86_400_000.0,
            "ms",
        )?;
        check_range(
            &field(at, "end_ms"),
            self.end_ms,
            self.start_ms,
            86_400_000.0,
            "ms",
        )
    }
}

/// Whether any of `windows` contains `at`.
pub fn in_any(windows: &[Window], at: Micros) -> bool {
    windows.iter().any(|w| w.contains(at))
}

/// Checks a list of windows (at most 100) found at `at`.
pub fn validate_windows(windows: &[Window], at: &str) -> Result<(), ScenarioError> {
    if windows.len() > 100 {
        return Err(ScenarioError::new(at, windows.len(), "at most 100 windows"));
    }
    windows
        .iter()
        .enumerate()
        .try_for_each(|(i, w)| w.validate(&format!("{at}[{i}]")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_open_interval() {
        let w = Window {
            start_ms: 1.0,
            end_ms: 2.0,
        };
        assert!(!w.contains(999));
        assert!(w.contains(1000));
        assert!(w.contains(1999));
        assert!(!w.contains(2000));
        assert!(in_any(&[w], 1500));
    }

    #[test]
    fn an_inverted_window_names_its_index() {
        let ws = [
            Window {
                start_ms: 0.0,
                end_ms: 1.0,
            },
            Window {
                start_ms: 5.0,
                end_ms: 1.0,
            },
        ];
        let e = validate_windows(&ws, "link.partitions").unwrap_err();
        assert_eq!(e.field, "link.partitions[1].end_ms");
    }
}
