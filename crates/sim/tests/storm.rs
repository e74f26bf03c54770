//! The storm scenario: retries turn a blip into a lasting outage unless
//! something limits them.

use sim::{run_storm, BreakerConfig, RunEnd, StormScenario, StormVerdict};

fn verdict(s: &StormScenario) -> StormVerdict {
    let run = run_storm(s, 1);
    assert_eq!(run.end, RunEnd::Completed);
    run.verdict
}

#[test]
fn without_a_blip_the_default_is_healthy() {
    let mut s = StormScenario::default();
    s.server.outages.clear();
    let run = run_storm(&s, 1);
    assert_eq!(run.verdict, StormVerdict::NoBlip);
    assert!(run.stats.success_rate() > 0.98, "{:?}", run.stats);
}

#[test]
fn unlimited_retries_keep_the_system_down_after_the_blip() {
    let s = StormScenario::default();
    assert_eq!(verdict(&s), StormVerdict::Metastable);
    let run = run_storm(&s, 1);
    assert!(run.stats.attempts_per_request() > 3.0, "{:?}", run.stats);
}

#[test]
fn a_retry_budget_lets_it_recover() {
    let s = StormScenario::default().with_retry_budget(0.1);
    assert!(matches!(verdict(&s), StormVerdict::Recovered { .. }));
}

#[test]
fn a_circuit_breaker_lets_it_recover_fast() {
    let mut s = StormScenario::default();
    s.client.breaker = Some(BreakerConfig::default());
    match verdict(&s) {
        StormVerdict::Recovered { after_ms } => assert!(after_ms < 3000.0, "{after_ms}"),
        other => panic!("expected recovery, got {other:?}"),
    }
    let run = run_storm(&s, 1);
    assert!(!run.breaker.is_empty());
    assert!(run.breaker.iter().all(|t| t.from.may_become(t.to)));
}

#[test]
fn the_series_adds_up_to_the_totals() {
    let run = run_storm(&StormScenario::default(), 2);
    let issued: u32 = run.series.iter().map(|p| p.issued).sum();
    let attempts: u64 = run.series.iter().map(|p| u64::from(p.attempts)).sum();
    let succeeded: u32 = run.series.iter().map(|p| p.succeeded).sum();
    assert_eq!(issued, run.stats.requests);
    assert_eq!(attempts, run.stats.attempts);
    assert_eq!(succeeded, run.stats.succeeded);
    assert_eq!(run.stats.succeeded + run.stats.failed, run.stats.requests);
}

#[test]
fn storms_are_deterministic() {
    let s = StormScenario::default().with_retry_budget(0.2);
    assert_eq!(run_storm(&s, 5), run_storm(&s, 5));
    assert_ne!(run_storm(&s, 5).stats, run_storm(&s, 6).stats);
}
