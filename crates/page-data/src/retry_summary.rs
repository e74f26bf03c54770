//! The headline numbers of a retry run, as label/value pairs for a reader.

use sim::RequestStats;

use crate::format::{millis, percent, ratio};

/// One headline number: a stable key (for tests and styling), a label and
/// the formatted value.
#[derive(Debug, Clone, PartialEq)]
pub struct Stat {
    pub key: &'static str,
    pub label: &'static str,
    pub value: String,
}

/// The numbers shown under the retry demo, in order.
pub fn retry_summary(stats: &RequestStats) -> Vec<Stat> {
    vec![
        Stat {
            key: "success",
            label: "Succeeded",
            value: percent(stats.success_rate()),
        },
        Stat {
            key: "p50",
            label: "p50 latency",
            value: millis(stats.p50_ms),
        },
        Stat {
            key: "p95",
            label: "p95 latency",
            value: millis(stats.p95_ms),
        },
        Stat {
            key: "p99",
            label: "p99 latency",
            value: millis(stats.p99_ms),
        },
        Stat {
            key: "attempts",
            label: "Attempts per request",
            value: ratio(stats.attempts_per_request()),
        },
    ]
}
