//! The headline numbers of a breaker run.

use sim::{BreakerState, Micros, RetryRun};

use crate::format::percent;
use crate::retry_summary::Stat;

/// Time the breaker spent open over the run, in µs.
pub fn time_open(run: &RetryRun, end: Micros) -> Micros {
    let mut total = 0;
    let mut open_since = None;
    for t in &run.breaker {
        match (t.to, open_since) {
            (BreakerState::Open, None) => open_since = Some(t.at),
            (BreakerState::HalfOpen | BreakerState::Closed, Some(since)) => {
                total += t.at - since;
                open_since = None;
            }
            _ => {}
        }
    }
    total + open_since.map_or(0, |since| end.saturating_sub(since))
}

/// The numbers shown under the breaker demo, in order.
pub fn breaker_summary(run: &RetryRun, end: Micros) -> Vec<Stat> {
    let st = &run.stats;
    vec![
        Stat {
            key: "success",
            label: "Succeeded",
            value: percent(st.success_rate()),
        },
        Stat {
            key: "rejected",
            label: "Failed fast (breaker open)",
            value: st.breaker_rejected.to_string(),
        },
        Stat {
            key: "failed",
            label: "Failed at the dependency",
            value: (st.failed - st.breaker_rejected).to_string(),
        },
        Stat {
            key: "transitions",
            label: "State changes",
            value: run.breaker.len().to_string(),
        },
        Stat {
            key: "open",
            label: "Time open",
            value: format!("{:.1} s", time_open(run, end) as f64 / 1e6),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim::{run_breaker, BreakerScenario};

    #[test]
    fn time_open_adds_up_the_open_spans() {
        let run = run_breaker(&BreakerScenario::default(), 1);
        let open = time_open(&run, 10_000_000);
        assert!(open > 1_000_000 && open < 4_000_000, "{open}");
        assert_eq!(breaker_summary(&run, 10_000_000).len(), 5);
    }
}
