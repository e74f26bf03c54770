//! Every number a post states about a simulation, checked against the
//! simulation.
//!
//! One test per post: it loads the post through the content build (so the
//! demo block is parsed and validated exactly as for the site), runs the sim
//! with the post's preset and seed, and with the variants the prose
//! describes ("tick drop late events", "set max attempts to 1"), then checks
//! a table of claims:
//!
//! ```text
//! claim(fragment of the post, number as written, tolerance, what the sim gives)
//! ```
//!
//! The fragment must still be in the post and the sim's value must be within
//! the tolerance of the written number, so a change to the sim (or to a
//! preset) that makes a post wrong fails the build, naming the post, the
//! fragment, and the stated against the actual value. Tolerances are in the
//! stated unit: half the last written digit for a number given as the demo
//! shows it, more where the post says "about".
//!
//! Numbers come from the same fields the demo's summary shows (page-data's
//! `*_summary` functions format them): percentages are `success_rate() *
//! 100`, times in ms unless the fragment says otherwise.

#[path = "common/post_claims.rs"]
mod post_claims;

use post_claims::{claim, post_slugs, PostUnderTest};
use std::collections::{BTreeMap, BTreeSet};

use sim::{
    run_queue, run_retry, run_storm, BackoffPolicy, QueueScenario, RetryBudget, RetryRun,
    RetryScenario, StormScenario, TraceKind,
};

/// Posts whose simulation numbers are checked below, one test each.
const CHECKED: &[&str] = &[
    "a-timeout-shorter-than-the-tail",
    "order-is-promised-per-key",
    "retry-policy-for-the-payment-client",
];

/// Posts that state no number about a simulation (no demo, no percentages).
const WITHOUT_SIM_NUMBERS: &[&str] = &["on-call-is-where-the-design-gets-reviewed", "why-this-log"];

/// Posts written before this test, whose numbers are not checked yet.
const NOT_CHECKED_YET: &[&str] = &[
    "a-breaker-is-a-decision-to-fail-fast",
    "a-retry-that-succeeds-is-still-noticed",
    "at-least-once-means-duplicates",
    "jitter-is-about-the-crowd",
    "retries-are-a-bet",
    "talking-to-mars",
    "when-retries-become-the-outage",
];

/// `base` changed by `change`: a variant the prose asks the reader to try.
fn with<T: Clone>(base: &T, change: impl FnOnce(&mut T)) -> T {
    let mut variant = base.clone();
    change(&mut variant);
    variant
}

/// The storm demo's second run: the first with its default protections
/// switched on (full jitter, and a 10% retry budget unless the scenario has
/// one), as `Protections::default()` and `StormSetup::protected` in
/// src/demos/storm/setup.rs build it.
fn storm_protected(scenario: &StormScenario) -> StormScenario {
    with(scenario, |s| {
        s.client.backoff = BackoffPolicy::FullJitter;
        s.client
            .retry_budget
            .get_or_insert_with(RetryBudget::default);
    })
}

/// Requests of a retry run that the server served successfully more than
/// once: without an idempotency key, a payment charged twice.
fn served_ok_more_than_once(run: &RetryRun) -> usize {
    served_ok(run).values().filter(|&&n| n > 1).count()
}

/// Requests that ended in failure although the server had served one of
/// their attempts successfully: charged, and told it failed.
fn served_ok_but_failed(run: &RetryRun) -> usize {
    let failed: BTreeSet<u32> = run
        .trace
        .iter()
        .filter_map(|e| match e.kind {
            TraceKind::Failed { request, .. } => Some(request),
            _ => None,
        })
        .collect();
    served_ok(run).keys().filter(|r| failed.contains(r)).count()
}

/// Successful services per request.
fn served_ok(run: &RetryRun) -> BTreeMap<u32, u32> {
    let mut served = BTreeMap::new();
    for e in &run.trace {
        if let TraceKind::Served {
            request, ok: true, ..
        } = e.kind
        {
            *served.entry(request).or_insert(0) += 1;
        }
    }
    served
}

/// Retries scheduled in `[from_ms, to_ms)` of a retry run.
fn retries_between(run: &RetryRun, from_ms: f64, to_ms: f64) -> usize {
    let (from, to) = (sim::ms_to_micros(from_ms), sim::ms_to_micros(to_ms));
    run.trace
        .iter()
        .filter(|e| matches!(e.kind, TraceKind::RetryScheduled { .. }))
        .filter(|e| e.at >= from && e.at < to)
        .count()
}

/// A share (0 to 1) as the percentage a post writes.
fn percent(share: f64) -> f64 {
    share * 100.0
}

#[test]
fn every_post_is_accounted_for() {
    let slugs = post_slugs();
    let mut problems = Vec::new();
    for slug in &slugs {
        let checked = CHECKED.contains(&slug.as_str());
        let without = WITHOUT_SIM_NUMBERS.contains(&slug.as_str());
        if NOT_CHECKED_YET.contains(&slug.as_str()) {
            continue;
        }
        if checked == without {
            problems.push(format!(
                "posts/{slug}.md: list it in exactly one of CHECKED (and add a test of its numbers) or WITHOUT_SIM_NUMBERS"
            ));
        }
        if without {
            let post = PostUnderTest::load(slug);
            if !post.demos().is_empty() || post.says("%") {
                problems.push(format!(
                    "{}: has a demo or a percentage, so it belongs in CHECKED with a test of its numbers",
                    post.file
                ));
            }
        }
    }
    for listed in CHECKED.iter().chain(WITHOUT_SIM_NUMBERS) {
        if !slugs.iter().any(|s| s == listed) {
            problems.push(format!("`{listed}` is listed but there is no such post"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// Systems: queues -------------------------------------------------------

#[test]
fn order_is_promised_per_key() {
    let post = PostUnderTest::load("order-is-promised-per-key");
    let (seed, scenario) = post.queue();
    let run = |s: &QueueScenario| run_queue(s, seed).stats;
    let as_set = run(&scenario);
    let dropped = run(&with(&scenario, |s| s.drop_late = true));
    let tight = run(&with(&scenario, |s| {
        s.drop_late = true;
        s.allowed_lateness_ms = 250.0;
    }));
    let loose = run(&with(&scenario, |s| {
        s.drop_late = true;
        s.allowed_lateness_ms = 5000.0;
    }));
    let n = f64::from;
    let ms = |p: Option<f64>| p.unwrap_or(f64::NAN);
    #[rustfmt::skip]
    post.check(&[
        // The run as set: late events accepted, 1 s allowed lateness.
        claim("the producer writes 1984 events", "1984", 0.0, n(as_set.produced)),
        claim("106 of them are processed out of order", "106", 0.0, n(as_set.out_of_order)),
        claim("57 were already behind the watermark when they arrived", "57", 0.0, n(as_set.late_accepted)),
        claim("The consumers crash three times", "three", 0.0, n(as_set.crashes)),
        claim("which puts three messages back", "three", 0.0, n(as_set.redeliveries)),
        claim("processing is 2977.8 ms", "2977.8", 0.05, ms(as_set.p99_latency_ms)),
        // Drop late events.
        claim("The same 57 events are now discarded", "57", 0.0, n(dropped.late_dropped)),
        claim("Reorders fall to 49", "49", 0.0, n(dropped.out_of_order)),
        claim("the p99 falls to 641.5 ms", "641.5", 0.05, ms(dropped.p99_latency_ms)),
        claim("at a 1-second watermark, 49 events still arrive", "49", 0.0, n(dropped.out_of_order)),
        // A 250 ms watermark, late events dropped.
        claim("100 events are dropped", "100", 0.0, n(tight.late_dropped)),
        claim("5.0% of everything produced", "5.0", 0.05, 100.0 * n(tight.late_dropped) / n(tight.produced)),
        claim("Reorders fall to 9", "9", 0.0, n(tight.out_of_order)),
        claim("the p99 to 165.4 ms", "165.4", 0.05, ms(tight.p99_latency_ms)),
        // A 5 s watermark, late events dropped.
        claim("Only 3 events are dropped", "3", 0.0, n(loose.late_dropped)),
        claim("103 are still processed out of order", "103", 0.0, n(loose.out_of_order)),
    ]);
}

// Systems: retries, timeouts and overload -------------------------------

#[test]
fn a_timeout_shorter_than_the_tail() {
    let post = PostUnderTest::load("a-timeout-shorter-than-the-tail");
    let (seed, scenario) = post.storm();
    let run = |s: &StormScenario| run_storm(s, seed).stats;
    let as_set = run(&scenario);
    let protected = run(&storm_protected(&scenario));
    let generous = run(&with(&scenario, |s| s.client.timeout_ms = 250.0));
    let at_60 = run(&with(&scenario, |s| s.client.timeout_ms = 60.0));
    let at_75 = run(&with(&scenario, |s| s.client.timeout_ms = 75.0));
    let deadline = run(&with(&scenario, |s| s.client.deadline_ms = Some(100.0)));
    let budget = |ratio| {
        run(&with(&scenario, |s| {
            s.client.retry_budget = Some(RetryBudget {
                ratio,
                ..RetryBudget::default()
            })
        }))
    };
    let (budget_5, budget_10, budget_20) = (budget(0.05), budget(0.1), budget(0.2));
    let one_attempt = run(&with(&scenario, |s| s.client.max_attempts = 1));
    let two_attempts = run(&with(&scenario, |s| s.client.max_attempts = 2));
    // The arithmetic of the setting itself: capacity is workers over the
    // mean service time.
    let rate = scenario.arrival_rate;
    let capacity =
        f64::from(scenario.server.concurrency) * 1000.0 / scenario.server.service.typical_ms();
    #[rustfmt::skip]
    post.check(&[
        // The setting.
        claim("roughly 1,000 requests a second at most", "1,000", 0.0, capacity),
        claim("Clients send 850 a second", "850", 0.0, rate),
        claim("850 a second, 85% of that", "85", 0.5, percent(rate / capacity)),
        claim("this server's p99 is 76.2 ms", "76.2", 0.05, generous.p99_ms.unwrap_or(f64::NAN)),
        claim("clients make 1.01 attempts per request: only the 1%", "1.01", 0.005, generous.attempts_per_request()),
        // The demo: as configured, and with the demo's protections.
        claim("only 5.5% of requests succeed", "5.5", 0.05, percent(as_set.success_rate())),
        claim("clients make 4.78 attempts per request", "4.78", 0.005, as_set.attempts_per_request()),
        claim("95.7% succeed at 1.06 attempts per request", "95.7", 0.05, percent(protected.success_rate())),
        claim("95.7% succeed at 1.06 attempts per request", "1.06", 0.005, protected.attempts_per_request()),
        // The cliff.
        claim("With the timeout at 60 ms, 61.5% succeed", "61.5", 0.05, percent(at_60.success_rate())),
        claim("at 75 ms, 100.0% do", "100.0", 0.05, percent(at_75.success_rate())),
        // A deadline protects the caller, not the server.
        claim("Add a 100 ms deadline to each request here and 3.0% succeed", "3.0", 0.05, percent(deadline.success_rate())),
        // Retry budgets.
        claim("unchanged, 94.1% of requests succeed", "94.1", 0.05, percent(budget_10.success_rate())),
        claim("94.1% of requests succeed at 1.05 attempts per request", "1.05", 0.005, budget_10.attempts_per_request()),
        claim("a 10% budget allows at most 935 attempts a second", "935", 0.5, rate * 1.1),
        claim("A 20% budget allows 1,020, over it", "1,020", 0.5, rate * 1.2),
        claim("with that budget only 36.6% succeed", "36.6", 0.05, percent(budget_20.success_rate())),
        claim("better than 10%, at 96.3%", "96.3", 0.05, percent(budget_5.success_rate())),
        // No retries, and one retry.
        claim("With no retries, 95.7% of requests succeed", "95.7", 0.05, percent(one_attempt.success_rate())),
        claim("(max attempts 2) and 3.3% succeed", "3.3", 0.05, percent(two_attempts.success_rate())),
    ]);
}

#[test]
fn retry_policy_for_the_payment_client() {
    let post = PostUnderTest::load("retry-policy-for-the-payment-client");
    let (seed, scenario) = post.retry();
    let run = |s: &RetryScenario| run_retry(s, seed);
    // D, the decision: the preset itself.
    let chosen = run(&scenario);
    // A: one attempt.
    let no_retries = run(&with(&scenario, |s| s.client.max_attempts = 1));
    // B: no backoff, five attempts, no deadline.
    let immediate = run(&with(&scenario, |s| {
        s.client.backoff = BackoffPolicy::None;
        s.client.max_attempts = 5;
        s.client.deadline_ms = None;
    }));
    // C: a 250 ms timeout per attempt.
    let short = run(&with(&scenario, |s| s.client.timeout_ms = 250.0));
    let outage = scenario
        .link
        .partitions
        .first()
        .expect("the preset has a network outage");
    let deadline_ms = scenario
        .client
        .deadline_ms
        .expect("the preset has a deadline");
    let retries = chosen.stats.attempts - u64::from(chosen.stats.requests);
    let n = |x: usize| x as f64;
    #[rustfmt::skip]
    post.check(&[
        claim("The demo stands in for one checkout server: 400 payments", "400", 0.0, f64::from(scenario.requests)),
        // A.
        claim("But only 81.8% of payments succeed", "81.8", 0.05, percent(no_retries.stats.success_rate())),
        claim("17 of the payments reported as failed were in fact charged", "17", 0.0, n(served_ok_but_failed(&no_retries))),
        // B.
        claim("In this run every payment succeeds, 100.0%", "100.0", 0.05, percent(immediate.stats.success_rate())),
        claim("but the slowest takes 3.5 s", "3.5", 0.05, immediate.stats.max_ms.unwrap_or(f64::NAN) / 1000.0),
        // C.
        claim("87.5% succeed, at 1.69 attempts per payment", "87.5", 0.05, percent(short.stats.success_rate())),
        claim("87.5% succeed, at 1.69 attempts per payment", "1.69", 0.005, short.stats.attempts_per_request()),
        claim("139 payments are charged more than once", "139", 0.0, n(served_ok_more_than_once(&short))),
        // D.
        claim("98.2% of payments succeed", "98.2", 0.05, percent(chosen.stats.success_rate())),
        claim("the p99 of successful payments is 2244.6 ms", "2244.6", 0.05, chosen.stats.p99_ms.unwrap_or(f64::NAN)),
        claim("the client makes 1.24 attempts per payment", "1.24", 0.005, chosen.stats.attempts_per_request()),
        claim("76 of its 96 retries", "96", 0.0, retries as f64),
        claim("76 of its 96 retries", "76", 0.0, n(retries_between(&chosen, outage.start_ms, outage.end_ms + deadline_ms))),
        claim("Seven payments reach the deadline", "Seven", 0.0, f64::from(chosen.stats.deadline_passed)),
        claim("The provider charges 15 payments more than once", "15", 0.0, n(served_ok_more_than_once(&chosen))),
        claim("they are 15 double charges in 400 payments", "15", 0.0, n(served_ok_more_than_once(&chosen))),
        claim("5 of the 7 pending payments had in fact been charged", "5", 0.0, n(served_ok_but_failed(&chosen))),
        claim("5 of the 7 pending payments", "7", 0.0, f64::from(chosen.stats.failed)),
    ]);
}
