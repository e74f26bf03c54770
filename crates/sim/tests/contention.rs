//! The contention experiment of "Exponential Backoff And Jitter" (2015).

use sim::{
    run_contention, run_contention_traced, summarize_contention, BackoffPolicy,
    ContentionEventKind, ContentionScenario, RunEnd,
};

fn scenario(clients: u32, strategy: BackoffPolicy) -> ContentionScenario {
    ContentionScenario {
        clients,
        strategy,
        ..ContentionScenario::default()
    }
}

#[test]
fn one_client_writes_once_in_four_messages() {
    let run = run_contention(&scenario(1, BackoffPolicy::Exponential), 3);
    assert_eq!(run.calls, 1);
    assert_eq!(run.done, 1);
    // Four one-way messages of about 10 ms each.
    assert!(
        (30.0..50.0).contains(&run.completion_ms),
        "{}",
        run.completion_ms
    );
}

#[test]
fn every_client_succeeds_exactly_once() {
    for strategy in BackoffPolicy::ALL {
        let run = run_contention_traced(&scenario(20, strategy), 7);
        assert_eq!(run.end, RunEnd::Completed);
        assert_eq!(run.done, 20);
        let applied = run
            .trace
            .iter()
            .filter(|e| matches!(e.kind, ContentionEventKind::WriteApplied { .. }))
            .count();
        assert_eq!(applied, 20, "{strategy:?}: one applied write per client");
        let writes = run
            .trace
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    ContentionEventKind::WriteApplied { .. }
                        | ContentionEventKind::WriteConflicted { .. }
                )
            })
            .count();
        assert_eq!(writes as u64, run.calls);
    }
}

/// The post's result: at 100 clients, jitter does far less work than plain
/// exponential backoff.
#[test]
fn jitter_does_far_less_work_than_exponential_at_100_clients() {
    let calls = |strategy| {
        summarize_contention(&scenario(100, strategy), 1, 10)
            .calls
            .mean
    };
    let exponential = calls(BackoffPolicy::Exponential);
    for jitter in [
        BackoffPolicy::FullJitter,
        BackoffPolicy::EqualJitter,
        BackoffPolicy::DecorrelatedJitter,
    ] {
        let with_jitter = calls(jitter);
        assert!(
            with_jitter * 1.5 < exponential,
            "{jitter:?}: {with_jitter} calls vs exponential {exponential}"
        );
    }
}

#[test]
fn summaries_are_deterministic_and_seeded() {
    let s = scenario(50, BackoffPolicy::FullJitter);
    assert_eq!(
        summarize_contention(&s, 9, 5),
        summarize_contention(&s, 9, 5)
    );
    assert_ne!(
        summarize_contention(&s, 9, 5).calls,
        summarize_contention(&s, 10, 5).calls
    );
}

#[test]
fn a_sweep_is_every_cell_in_order_and_validated() {
    use sim::ContentionSweep;
    let sweep = ContentionSweep {
        clients_from: 10,
        clients_to: 30,
        clients_step: 10,
        runs: 2,
        ..ContentionSweep::default()
    };
    assert_eq!(sweep.client_counts(), vec![10, 20, 30]);
    let results = sweep.run(1);
    assert_eq!(results.len(), 5 * 3);
    assert_eq!(results[0].strategy, BackoffPolicy::None);
    assert_eq!(results[0].clients, 10);
    assert_eq!(results[14].clients, 30);
    assert!(results.iter().all(|r| r.runs == 2));
    let bad = ContentionSweep {
        strategies: vec![BackoffPolicy::Fixed, BackoffPolicy::Fixed],
        ..ContentionSweep::default()
    };
    assert_eq!(bad.validate().unwrap_err().field, "strategies");
    let bad = ContentionSweep {
        clients_to: 5,
        ..ContentionSweep::default()
    };
    assert_eq!(
        bad.validate().unwrap_err().to_string(),
        "`clients_to` is 5, but must be 10 to 10000"
    );
}
