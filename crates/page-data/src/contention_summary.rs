//! The headline numbers of a contention sweep: work and completion time of
//! each strategy at the largest client count.

use sim::{ContentionSummary, ContentionSweep};

use crate::retry_summary::Stat;

/// One stat per strategy and metric, at the sweep's largest client count,
/// from the cells computed so far (absent ones are skipped).
pub fn contention_summary(sweep: &ContentionSweep, results: &[ContentionSummary]) -> Vec<Stat> {
    let Some(&max) = sweep.client_counts().last() else {
        return Vec::new();
    };
    let mut stats = Vec::new();
    for &strategy in &sweep.strategies {
        let Some(cell) = results
            .iter()
            .find(|r| r.strategy == strategy && r.clients == max)
        else {
            continue;
        };
        stats.push(Stat {
            key: calls_key(strategy.key()),
            label: strategy.label(),
            value: format!(
                "{:.0} calls, {:.0} ms",
                cell.calls.mean, cell.completion_ms.mean
            ),
        });
    }
    stats
}

/// Stat keys are `'static`; the strategies are a fixed set.
fn calls_key(strategy: &str) -> &'static str {
    match strategy {
        "none" => "none",
        "fixed" => "fixed",
        "exponential" => "exponential",
        "full_jitter" => "full_jitter",
        "equal_jitter" => "equal_jitter",
        _ => "decorrelated_jitter",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_stat_per_strategy_at_the_largest_count() {
        let sweep = ContentionSweep {
            clients_to: 30,
            runs: 2,
            ..ContentionSweep::default()
        };
        let results = sweep.run(1);
        let stats = contention_summary(&sweep, &results);
        assert_eq!(stats.len(), 5);
        assert_eq!(stats[2].key, "full_jitter");
        assert!(stats[2].value.ends_with(" ms"));
        assert!(
            contention_summary(&sweep, &results[..2]).is_empty(),
            "nothing at 30 clients yet"
        );
    }
}
