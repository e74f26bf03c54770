//! Invariants of the client-server engine (retry scenario) over random
//! scenarios and seeds: determinism, conservation, causality, bounds and
//! legal breaker transitions. A failure prints the scenario and the seed.

mod common;

use proptest::prelude::*;
use sim::{
    run_retry, AttemptOutcome, BreakerState, GiveUpReason, Leg, RequestOutcome, RetryRun,
    RetryScenario, RunEnd, TraceKind,
};

fn scenario() -> impl Strategy<Value = RetryScenario> {
    (
        1u32..200,
        0.0f64..50.0,
        common::link(3000.0),
        common::server(3000.0),
        common::client(),
    )
        .prop_map(
            |(requests, interval_ms, link, server, client)| RetryScenario {
                requests,
                interval_ms,
                link,
                server,
                client,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Same scenario and seed: the same run, event for event.
    #[test]
    fn a_run_is_a_function_of_scenario_and_seed(s in scenario(), seed in any::<u64>()) {
        prop_assert!(s.validate().is_ok(), "{:?}", s.validate());
        prop_assert_eq!(run_retry(&s, seed), run_retry(&s, seed));
    }

    /// Every request ends exactly once, every attempt ends exactly once, and
    /// the counts add up.
    #[test]
    fn nothing_is_lost_or_counted_twice(s in scenario(), seed in any::<u64>()) {
        let run = run_retry(&s, seed);
        prop_assert_eq!(run.end, RunEnd::Completed);
        let mut ids: Vec<u32> = run.requests.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        prop_assert_eq!(ids, (0..s.requests).collect::<Vec<_>>());

        let mut per_request = vec![0u32; s.requests as usize];
        for a in &run.attempts {
            per_request[a.request as usize] += 1;
            prop_assert!(a.ended_at >= a.sent_at);
        }
        for r in &run.requests {
            prop_assert_eq!(per_request[r.id as usize], r.attempts);
            let last = run.attempts.iter().filter(|a| a.request == r.id).max_by_key(|a| a.number);
            match r.outcome {
                RequestOutcome::Succeeded => {
                    prop_assert_eq!(last.map(|a| a.outcome), Some(AttemptOutcome::Succeeded));
                }
                RequestOutcome::Failed(GiveUpReason::AttemptsExhausted) => {
                    prop_assert_eq!(r.attempts, s.client.max_attempts);
                    prop_assert_ne!(last.map(|a| a.outcome), Some(AttemptOutcome::Succeeded));
                }
                RequestOutcome::Failed(_) => {
                    prop_assert_ne!(last.map(|a| a.outcome), Some(AttemptOutcome::Succeeded));
                }
            }
        }
        let st = &run.stats;
        prop_assert_eq!(st.succeeded + st.failed, s.requests);
        prop_assert_eq!(st.unfinished, 0);
        prop_assert_eq!(st.attempts as usize, run.attempts.len());
        let ends = run.trace.iter().filter(|e| matches!(e.kind, TraceKind::Succeeded { .. } | TraceKind::Failed { .. })).count();
        prop_assert_eq!(ends, s.requests as usize);
    }

    /// Nothing arrives before it was sent plus the link's least latency;
    /// no reply comes before its request was delivered.
    #[test]
    fn causality(s in scenario(), seed in any::<u64>()) {
        let run = run_retry(&s, seed);
        let min = s.link.latency.min_micros();
        let mut sent = std::collections::BTreeMap::new();
        let mut delivered = std::collections::BTreeMap::new();
        let mut last_at = 0;
        for e in &run.trace {
            prop_assert!(e.at >= last_at, "the log is in time order");
            last_at = e.at;
            match e.kind {
                TraceKind::Sent { request, attempt } => { sent.insert((request, attempt), e.at); }
                TraceKind::Delivered { request, attempt } => {
                    let at = sent.get(&(request, attempt)).copied();
                    prop_assert!(at.is_some_and(|t| e.at >= t + min), "{:?} before send + {}", e, min);
                    delivered.insert((request, attempt), e.at);
                }
                TraceKind::Replied { request, attempt, .. } => {
                    let at = delivered.get(&(request, attempt)).copied();
                    prop_assert!(at.is_some_and(|t| e.at >= t + min), "{:?}", e);
                }
                TraceKind::Lost { request, attempt, leg: Leg::Reply } => {
                    prop_assert!(delivered.contains_key(&(request, attempt)));
                }
                _ => {}
            }
        }
    }

    /// Attempts never exceed the limit; retries never exceed the budget.
    #[test]
    fn bounds(s in scenario(), seed in any::<u64>()) {
        let run = run_retry(&s, seed);
        prop_assert!(run.attempts.iter().all(|a| a.number <= s.client.max_attempts));
        if let Some(budget) = s.client.retry_budget {
            let retries = run.stats.attempts as f64 - f64::from(run.requests.iter().filter(|r| r.attempts > 0).count() as u32);
            let allowed = budget.max_tokens + budget.ratio * f64::from(s.requests);
            prop_assert!(retries <= allowed + 1e-9, "{} retries, {} allowed", retries, allowed);
        }
    }

    /// The breaker moves only along its four edges, one step at a time.
    #[test]
    fn breaker_transitions_are_legal(s in scenario(), seed in any::<u64>()) {
        let run = run_retry(&s, seed);
        check_breaker(&run)?;
    }
}

fn check_breaker(run: &RetryRun) -> Result<(), TestCaseError> {
    let mut state = BreakerState::Closed;
    let mut last = 0;
    for t in &run.breaker {
        prop_assert_eq!(t.from, state);
        prop_assert!(t.from.may_become(t.to), "{:?} -> {:?}", t.from, t.to);
        prop_assert!(t.at >= last);
        state = t.to;
        last = t.at;
    }
    Ok(())
}

/// A golden summary of one run: if this changes, every published number may
/// have changed too (and the browser test checks wasm against the build's
/// native numbers). Update it deliberately, never casually.
#[test]
fn golden_default_run() {
    let run = run_retry(&RetryScenario::default(), 42);
    let st = &run.stats;
    let summary = format!(
        "{} ok, {} failed, {} attempts, p50 {:?} ms, p99 {:?} ms, {} events, {} trace",
        st.succeeded,
        st.failed,
        st.attempts,
        st.p50_ms,
        st.p99_ms,
        run.events,
        run.trace.len()
    );
    assert_eq!(summary, GOLDEN, "golden run changed");
}

const GOLDEN: &str = "200 ok, 0 failed, 254 attempts, p50 Some(45.023) ms, p99 Some(321.279) ms, 1253 events, 1488 trace";
