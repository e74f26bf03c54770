//! Invariants of the retry scenario over many random scenarios and seeds.

use proptest::prelude::*;
use sim::{
    run_retry, AttemptOutcome, BackoffPolicy, ClientPolicy, Latency, LinkModel, RequestOutcome,
    RetryScenario, RunEnd, ServerModel,
};

fn scenario() -> impl Strategy<Value = RetryScenario> {
    (
        1u32..300,
        0.0f64..100.0,
        0.0f64..200.0,
        0.0f64..=1.0,
        0.0f64..=1.0,
        0.0f64..=1.0,
        prop_oneof![
            Just(BackoffPolicy::None),
            Just(BackoffPolicy::Exponential),
            Just(BackoffPolicy::FullJitter)
        ],
        1u32..8,
        1.0f64..500.0,
    )
        .prop_map(
            |(
                requests,
                interval_ms,
                ms,
                tail,
                loss,
                failure_rate,
                backoff,
                max_attempts,
                timeout_ms,
            )| {
                RetryScenario {
                    requests,
                    interval_ms,
                    link: LinkModel {
                        latency: Latency::LongTail {
                            ms,
                            tail_probability: tail,
                            tail_mean_ms: 300.0,
                        },
                        loss,
                    },
                    server: ServerModel {
                        failure_rate,
                        service_ms: 2.0,
                    },
                    client: ClientPolicy {
                        backoff,
                        base_ms: 10.0,
                        cap_ms: 400.0,
                        max_attempts,
                        timeout_ms,
                    },
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Same scenario and seed: the same run, bit for bit.
    #[test]
    fn a_run_is_a_function_of_scenario_and_seed(s in scenario(), seed in any::<u64>()) {
        prop_assert!(s.validate().is_ok());
        prop_assert_eq!(run_retry(&s, seed), run_retry(&s, seed));
    }

    /// Every request ends exactly once; every attempt ends exactly once, in
    /// success, failure or timeout; attempts respect the policy's limit.
    #[test]
    fn nothing_is_lost_or_counted_twice(s in scenario(), seed in any::<u64>()) {
        let run = run_retry(&s, seed);
        prop_assert_eq!(run.end, RunEnd::Completed);
        let mut ids: Vec<u32> = run.requests.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        prop_assert_eq!(ids, (0..s.requests).collect::<Vec<_>>());

        let limit = s.client.attempt_limit();
        let mut per_request = vec![0u32; s.requests as usize];
        for a in &run.attempts {
            per_request[a.request as usize] += 1;
            prop_assert!(a.ended_at >= a.sent_at);
            prop_assert!(a.number >= 1 && a.number <= limit);
        }
        for r in &run.requests {
            prop_assert_eq!(per_request[r.id as usize], r.attempts);
            let last = run.attempts.iter().filter(|a| a.request == r.id).max_by_key(|a| a.number).unwrap();
            match r.outcome {
                RequestOutcome::Succeeded => prop_assert_eq!(last.outcome, AttemptOutcome::Succeeded),
                RequestOutcome::GaveUp => {
                    prop_assert_ne!(last.outcome, AttemptOutcome::Succeeded);
                    prop_assert_eq!(r.attempts, limit);
                }
            }
        }
        let st = &run.stats;
        prop_assert_eq!(st.succeeded + st.gave_up + st.unfinished, s.requests);
        prop_assert_eq!(st.attempts as usize, run.attempts.len());
    }
}

#[test]
fn a_perfect_network_needs_one_attempt() {
    let s = RetryScenario {
        link: LinkModel {
            latency: Latency::Constant { ms: 10.0 },
            loss: 0.0,
        },
        server: ServerModel {
            failure_rate: 0.0,
            service_ms: 5.0,
        },
        ..RetryScenario::default()
    };
    let run = run_retry(&s, 1);
    assert_eq!(run.stats.succeeded, s.requests);
    assert_eq!(run.stats.attempts, s.requests as u64);
    // 10 ms there, 5 ms service, 10 ms back.
    assert_eq!(run.stats.p50_ms, Some(25.0));
    assert_eq!(run.stats.p99_ms, Some(25.0));
}

#[test]
fn a_dead_server_exhausts_every_attempt() {
    let s = RetryScenario {
        server: ServerModel {
            failure_rate: 1.0,
            service_ms: 0.0,
        },
        ..RetryScenario::default()
    };
    let run = run_retry(&s, 9);
    assert_eq!(run.stats.succeeded, 0);
    assert_eq!(run.stats.gave_up, s.requests);
    assert_eq!(run.stats.attempts, 4 * s.requests as u64);
    assert_eq!(run.stats.p50_ms, None);
}

#[test]
fn retries_raise_the_success_rate() {
    let base = RetryScenario::default();
    let none = RetryScenario {
        client: ClientPolicy {
            backoff: BackoffPolicy::None,
            ..base.client.clone()
        },
        ..base.clone()
    };
    let with = run_retry(&base, 5).stats.success_rate();
    let without = run_retry(&none, 5).stats.success_rate();
    assert!(
        with > without + 0.05,
        "with retries {with}, without {without}"
    );
}

#[test]
fn a_huge_scenario_stops_at_the_event_budget() {
    let s = RetryScenario {
        requests: 10_000,
        server: ServerModel {
            failure_rate: 1.0,
            service_ms: 0.0,
        },
        client: ClientPolicy {
            backoff: BackoffPolicy::Exponential,
            base_ms: 0.0,
            max_attempts: 100,
            ..ClientPolicy::default()
        },
        ..RetryScenario::default()
    };
    let run = run_retry(&s, 3);
    assert_eq!(run.end, RunEnd::BudgetExceeded);
    assert!(run.stats.unfinished > 0);
}

/// A golden summary of one run: if this changes, every published number may
/// have changed too. Update it deliberately, never casually.
#[test]
fn golden_default_run() {
    let run = run_retry(&RetryScenario::default(), 42);
    let st = &run.stats;
    let summary = format!(
        "{} ok, {} gave up, {} attempts, p50 {:?} ms, p99 {:?} ms, {} events",
        st.succeeded, st.gave_up, st.attempts, st.p50_ms, st.p99_ms, run.events
    );
    assert_eq!(summary, GOLDEN, "golden run changed");
}

const GOLDEN: &str =
    "200 ok, 0 gave up, 243 attempts, p50 Some(45.0) ms, p99 Some(270.884) ms, 959 events";
