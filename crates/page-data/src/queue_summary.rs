//! The headline numbers of a queue run.

use sim::QueueRun;

use crate::format::millis;
use crate::retry_summary::Stat;

fn stat(key: &'static str, label: &'static str, value: impl ToString) -> Stat {
    Stat {
        key,
        label,
        value: value.to_string(),
    }
}

/// The numbers shown under the queue demo, in order.
pub fn queue_summary(run: &QueueRun) -> Vec<Stat> {
    let s = &run.stats;
    let max_lag = run.lag.iter().map(|p| p.lag_max).max().unwrap_or(0);
    vec![
        stat("produced", "Messages produced", s.produced),
        stat(
            "duplicates",
            "Duplicates processed (effect applied twice)",
            s.duplicates_processed,
        ),
        stat(
            "suppressed",
            "Duplicates suppressed by the idempotency store",
            s.duplicates_suppressed,
        ),
        stat(
            "reordered",
            "Processed out of order within a key",
            s.out_of_order,
        ),
        stat("late_dropped", "Late events dropped", s.late_dropped),
        stat("late_accepted", "Late events accepted", s.late_accepted),
        stat("redeliveries", "Redeliveries", s.redeliveries),
        stat("crashes", "Consumer crashes", s.crashes),
        stat("lag", "Highest consumer lag (messages)", max_lag),
        stat(
            "p99",
            "p99 produce-to-process time",
            millis(s.p99_latency_ms),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim::{run_queue, QueueScenario};

    #[test]
    fn idempotency_turns_duplicates_into_suppressions() {
        let plain = QueueScenario {
            crash_probability: 0.02,
            ..QueueScenario::default()
        };
        let with_store = QueueScenario {
            idempotency_store: true,
            ..plain.clone()
        };
        let value = |run: &QueueRun, key: &str| {
            queue_summary(run)
                .into_iter()
                .find(|s| s.key == key)
                .map(|s| s.value)
                .unwrap_or_default()
        };
        let a = run_queue(&plain, 1);
        let b = run_queue(&with_store, 1);
        assert_ne!(value(&a, "duplicates"), "0");
        assert_eq!(value(&b, "duplicates"), "0");
        assert_ne!(value(&b, "suppressed"), "0");
    }
}
