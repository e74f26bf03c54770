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

use crate::common::post_claims;

use std::collections::{BTreeMap, BTreeSet};

use page_data::{both_recoveries, resends, time_open};
use post_claims::{claim, post_slugs, PostUnderTest};
use sim::{
    ms_to_micros, run_breaker, run_queue, run_queue_traced, run_retry, run_storm, BackoffPolicy,
    DeepSpaceEventKind, DeepSpaceRun, Payload, QueueEventKind, QueueRun, QueueScenario, Recovery,
    RetryBudget, RetryRun, RetryScenario, StormScenario, StormVerdict, TraceKind,
};

/// Posts whose simulation numbers are checked below, one test each.
const CHECKED: &[&str] = &[
    "a-breaker-is-a-decision-to-fail-fast",
    "a-retry-that-succeeds-is-still-noticed",
    "a-timeout-shorter-than-the-tail",
    "at-least-once-means-duplicates",
    "jitter-is-about-the-crowd",
    // Checked in consensus_post_numbers.rs.
    "leader-election-is-a-timeout-and-a-vote",
    "order-is-promised-per-key",
    "retries-are-a-bet",
    "retry-policy-for-the-payment-client",
    "talking-to-mars",
    "when-retries-become-the-outage",
];

/// Posts that state no number about a simulation (no demo, no percentages).
const WITHOUT_SIM_NUMBERS: &[&str] = &["on-call-is-where-the-design-gets-reviewed", "why-this-log"];

/// `base` changed by `change`: a variant the prose asks the reader to try.
fn with<T: Clone>(base: &T, change: impl FnOnce(&mut T)) -> T {
    let mut variant = base.clone();
    change(&mut variant);
    variant
}

/// The storm demo's second run: the first with the protections the demo
/// switches on by default (the demo's own code, from page-data).
fn storm_protected(scenario: &StormScenario) -> StormScenario {
    page_data::StormSetup::new(scenario.clone()).protected()
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

/// The shortest wait, in ms, between a transmission of a message by `node`
/// and that node's next retransmission of it: the retransmission timeout
/// as it played out. NaN if the node never retransmitted.
fn shortest_retransmission_wait_ms(run: &DeepSpaceRun, node: u32) -> f64 {
    let mut last_sent: BTreeMap<u32, u64> = BTreeMap::new();
    let mut shortest = f64::NAN;
    for e in &run.trace {
        match e.kind {
            DeepSpaceEventKind::Transmitted {
                message,
                hop,
                payload: Payload::Message,
            } if hop == node => {
                last_sent.insert(message, e.at);
            }
            DeepSpaceEventKind::Retransmitted { message, node: n } if n == node => {
                if let Some(&sent) = last_sent.get(&message) {
                    shortest = shortest.min(sim::micros_to_ms(e.at - sent));
                }
            }
            _ => {}
        }
    }
    shortest
}

/// Messages of a traced queue run that reached the broker later than they
/// were produced: the ones that took the detour.
fn delayed_on_the_way(run: &QueueRun) -> usize {
    let mut produced_at = BTreeMap::new();
    let mut delayed = 0;
    for e in &run.trace {
        match e.kind {
            QueueEventKind::Produced { message, .. } => {
                produced_at.insert(message, e.at);
            }
            QueueEventKind::Enqueued { message, .. } => {
                // Only the first arrival: a redelivery is enqueued again.
                if let Some(at) = produced_at.remove(&message) {
                    delayed += usize::from(e.at > at);
                }
            }
            _ => {}
        }
    }
    delayed
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

// Retries, timeouts and overload ----------------------------------------

#[test]
fn retries_are_a_bet() {
    let post = PostUnderTest::load("retries-are-a-bet");
    let (seed, scenario) = post.retry();
    let as_set = run_retry(&scenario, seed).stats;
    let one_attempt = run_retry(&with(&scenario, |s| s.client.max_attempts = 1), seed).stats;
    let ms = |p: Option<f64>| p.unwrap_or(f64::NAN);
    #[rustfmt::skip]
    post.check(&[
        claim("all 200 requests succeed", "200", 0.0, f64::from(as_set.succeeded)),
        claim("all 200 requests succeed", "200", 0.0, f64::from(as_set.requests)),
        claim("at 1.27 attempts per request", "1.27", 0.005, as_set.attempts_per_request()),
        claim("The median request takes 45.0 ms", "45.0", 0.05, ms(as_set.p50_ms)),
        claim("the p99 takes 321.3 ms", "321.3", 0.05, ms(as_set.p99_ms)),
        claim("The success rate drops to 80.0%", "80.0", 0.05, percent(one_attempt.success_rate())),
        claim("the p99 latency collapses to 66.1 ms", "66.1", 0.05, ms(one_attempt.p99_ms)),
    ]);
}

/// The correction states numbers of the demo in the post it corrects.
#[test]
fn a_retry_that_succeeds_is_still_noticed() {
    let post = PostUnderTest::load("a-retry-that-succeeds-is-still-noticed");
    let (seed, scenario) = PostUnderTest::load("retries-are-a-bet").retry();
    let stats = run_retry(&scenario, seed).stats;
    let (p50, p99) = (
        stats.p50_ms.unwrap_or(f64::NAN),
        stats.p99_ms.unwrap_or(f64::NAN),
    );
    #[rustfmt::skip]
    post.check(&[
        claim("every one of the 200 requests succeeds", "200", 0.0, f64::from(stats.succeeded)),
        claim("the median takes 45.0 ms", "45.0", 0.05, p50),
        claim("p99 takes 321.3 ms", "321.3", 0.05, p99),
        claim("321.3 ms, seven times as long", "seven", 0.5, p99 / p50),
    ]);
}

#[test]
fn jitter_is_about_the_crowd() {
    let post = PostUnderTest::load("jitter-is-about-the-crowd");
    let (seed, sweep) = post.contention();
    let most = *sweep
        .client_counts()
        .last()
        .expect("a sweep has client counts");
    // One cell of the sweep, as the demo computes it (`ContentionSweep::run`).
    let cell = |strategy, clients| sweep.cell(strategy, clients, seed);
    let exponential = cell(BackoffPolicy::Exponential, most);
    let full = cell(BackoffPolicy::FullJitter, most);
    let equal = cell(BackoffPolicy::EqualJitter, most);
    let decorrelated = cell(BackoffPolicy::DecorrelatedJitter, most);
    let exponential_20 = cell(BackoffPolicy::Exponential, 20);
    let full_20 = cell(BackoffPolicy::FullJitter, 20);
    #[rustfmt::skip]
    post.check(&[
        claim("the largest crowd, 200 clients", "200", 0.0, f64::from(most)),
        claim("makes the database process 5622 write calls", "5622", 0.5, exponential.calls.mean),
        claim("full jitter needs 1895, a third as many", "1895", 0.5, full.calls.mean),
        claim("and equal jitter 1870", "1870", 0.5, equal.calls.mean),
        claim("Decorrelated jitter sits between them, at 2598", "2598", 0.5, decorrelated.calls.mean),
        claim("at 20 clients, exponential backoff makes 144 calls", "144", 0.5, exponential_20.calls.mean),
        claim("and full jitter 99", "99", 0.5, full_20.calls.mean),
        claim("the last of the 200 clients is done after about 106 seconds", "106", 0.5, exponential.completion_ms.mean / 1000.0),
        claim("with full jitter, after 7.8 seconds", "7.8", 0.05, full.completion_ms.mean / 1000.0),
        claim("reach the two-second cap together", "two", 0.0, sweep.cap_ms / 1000.0),
    ]);
    // "a third as many": 1895 of 5622.
    let share = full.calls.mean / exponential.calls.mean;
    assert!(
        post.says("a third as many") && (0.3..0.37).contains(&share),
        "{}: \"a third as many\": full jitter makes {share:.3} of exponential backoff's calls",
        post.file
    );
}

#[test]
fn when_retries_become_the_outage() {
    let post = PostUnderTest::load("when-retries-become-the-outage");
    let (seed, scenario) = post.storm();
    let run = |s: &StormScenario| run_storm(s, seed);
    let as_set = run(&scenario);
    let protected = run(&storm_protected(&scenario));
    let budget_only = run(&with(&scenario, |s| {
        s.client.retry_budget = Some(RetryBudget::default())
    }));
    let jitter_only = run(&with(&scenario, |s| {
        s.client.backoff = BackoffPolicy::FullJitter
    }));
    let one_attempt = run(&with(&scenario, |s| s.client.max_attempts = 1));
    let recovered_s = |v: StormVerdict| match v {
        StormVerdict::Recovered { after_ms } => after_ms / 1000.0,
        other => panic!("expected a recovery, the run ended {other:?}"),
    };
    #[rustfmt::skip]
    post.check(&[
        claim("only 16.5% of requests succeed", "16.5", 0.05, percent(as_set.stats.success_rate())),
        claim("at 4.34 attempts per request", "4.34", 0.005, as_set.stats.attempts_per_request()),
        claim("73.9% of requests succeed", "73.9", 0.05, percent(protected.stats.success_rate())),
        claim("at 1.03 attempts per request, and goodput", "1.03", 0.005, protected.stats.attempts_per_request()),
        claim("back 6.0 s after the blip ends", "6.0", 0.05, recovered_s(protected.verdict)),
        claim("goodput returns: 74.4% succeed", "74.4", 0.05, percent(budget_only.stats.success_rate())),
        claim("the run is healthy again 4.2 s after it", "4.2", 0.05, recovered_s(one_attempt.verdict)),
        claim("with full jitter and nothing else, 16.7% of requests succeed", "16.7", 0.05, percent(jitter_only.stats.success_rate())),
    ]);
    // "the run ends still down": the first run never recovers.
    assert_eq!(
        as_set.verdict,
        StormVerdict::Metastable,
        "{}: the configured run should stay down",
        post.file
    );
    assert_eq!(
        jitter_only.verdict,
        StormVerdict::Metastable,
        "{}: jitter alone should not save it",
        post.file
    );
}

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
fn a_breaker_is_a_decision_to_fail_fast() {
    let post = PostUnderTest::load("a-breaker-is-a-decision-to-fail-fast");
    let (seed, scenario) = post.breaker();
    let run = run_breaker(&scenario, seed);
    // The demo's span: the calls' issue times.
    let end = ms_to_micros(f64::from(scenario.requests) * scenario.interval_ms);
    let st = &run.stats;
    #[rustfmt::skip]
    post.check(&[
        claim("the breaker is open for 3.0 s in all", "3.0", 0.05, sim::micros_to_ms(time_open(&run, end)) / 1000.0),
        claim("121 of the 400 calls fail fast", "121", 0.0, f64::from(st.breaker_rejected)),
        claim("121 of the 400 calls fail fast", "400", 0.0, f64::from(st.requests)),
        claim("only 25 fail at the dependency", "25", 0.0, f64::from(st.failed - st.breaker_rejected)),
        claim("63.5% succeed", "63.5", 0.05, percent(st.success_rate())),
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
        claim("5 of the 7 pending payments", "7", 0.0, f64::from(chosen.stats.deadline_passed)),
    ]);
}

// Queues ----------------------------------------------------------------

#[test]
fn at_least_once_means_duplicates() {
    let post = PostUnderTest::load("at-least-once-means-duplicates");
    let (seed, scenario) = post.queue();
    let as_set = run_queue(&scenario, seed).stats;
    let with_store = run_queue(&with(&scenario, |s| s.idempotency_store = true), seed).stats;
    let short_ack = run_queue(&with(&scenario, |s| s.ack_timeout_ms = 10.0), seed).stats;
    let n = f64::from;
    #[rustfmt::skip]
    post.check(&[
        claim("the producer writes 1955 messages", "1955", 0.0, n(as_set.produced)),
        claim("The consumers crash three times", "three", 0.0, n(as_set.crashes)),
        claim("the broker redelivers 9 messages", "9", 0.0, n(as_set.redeliveries)),
        claim("and 6 of them have their effect applied twice", "6", 0.0, n(as_set.duplicates_processed)),
        claim("the 6 duplicates are now *suppressed*", "6", 0.0, n(with_store.duplicates_suppressed)),
        claim("At 10 ms, 127 messages are applied twice", "127", 0.0, n(short_ack.duplicates_processed)),
    ]);
    assert_eq!(
        with_store.duplicates_processed, 0,
        "{}: the store should leave no duplicate applied",
        post.file
    );
}

#[test]
fn order_is_promised_per_key() {
    let post = PostUnderTest::load("order-is-promised-per-key");
    let (seed, scenario) = post.queue();
    let run = |s: &QueueScenario| run_queue(s, seed).stats;
    let as_set = run(&scenario);
    let delayed = delayed_on_the_way(&run_queue_traced(&scenario, seed));
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
        claim("and 100 of the 111 events that took the detour", "100", 0.0, n(tight.late_dropped)),
        claim("and 100 of the 111 events that took the detour", "111", 0.0, delayed as f64),
        claim("Reorders fall to 9", "9", 0.0, n(tight.out_of_order)),
        claim("the p99 to 165.4 ms", "165.4", 0.05, ms(tight.p99_latency_ms)),
        // A 5 s watermark, late events dropped.
        claim("Only 3 events are dropped", "3", 0.0, n(loose.late_dropped)),
        claim("103 are still processed out of order", "103", 0.0, n(loose.out_of_order)),
    ]);
}

// Deep space ------------------------------------------------------------

#[test]
fn talking_to_mars() {
    let post = PostUnderTest::load("talking-to-mars");
    let (seed, scenario) = post.deep_space();
    // Both runs of the demo's comparison table, traced.
    let [end_to_end, custody] = both_recoveries(&scenario, seed);
    let e2e = resends(&end_to_end, &scenario, Recovery::EndToEnd);
    let cus = resends(&custody, &scenario, Recovery::Custody);
    let per_message = |r: &DeepSpaceRun| r.transmissions as f64 / f64::from(r.delivered);
    let minutes = |ms: Option<f64>| ms.unwrap_or(f64::NAN) / 60_000.0;
    let hours = |ms: f64| ms / 3_600_000.0;
    let moon = scenario.hops.first().expect("a Moon hop");
    #[rustfmt::skip]
    post.check(&[
        claim("Both ways deliver all 40 messages", "40", 0.0, f64::from(end_to_end.delivered)),
        claim("Both ways deliver all 40 messages", "40", 0.0, f64::from(custody.delivered)),
        claim("the median delivery takes the same 12.5 min", "12.5", 0.05, minutes(end_to_end.p50_delivery_ms)),
        claim("the median delivery takes the same 12.5 min", "12.5", 0.05, minutes(custody.p50_delivery_ms)),
        claim("End to end, the path carries 113 transmissions", "113", 0.0, end_to_end.transmissions as f64),
        claim("113 transmissions, 2.83 per delivered message", "2.83", 0.005, per_message(&end_to_end)),
        claim("Mars receives 10 duplicate copies", "10", 0.0, f64::from(e2e.duplicate_arrivals)),
        claim("With custody it carries 89, 2.23 per message", "89", 0.0, custody.transmissions as f64),
        claim("With custody it carries 89, 2.23 per message", "2.23", 0.005, per_message(&custody)),
        claim("and Mars receives 1 duplicate", "1", 0.0, f64::from(cus.duplicate_arrivals)),
        claim("The last acknowledgement is in after 3.2 h end to end", "3.2", 0.05, hours(end_to_end.finished_ms)),
        claim("and after 1.1 h with custody", "1.1", 0.05, hours(custody.finished_ms)),
        // Noticing a loss on the Moon hop.
        claim("a message lost in the first 1.3 seconds", "1.3", 0.05, moon.light_ms / 1000.0),
        claim("37.6 minutes later with these settings", "37.6", 0.05, shortest_retransmission_wait_ms(&end_to_end, 0) / 60_000.0),
        claim("with custody the Earth node notices after 3.8 seconds", "3.8", 0.05, shortest_retransmission_wait_ms(&custody, 0) / 1000.0),
    ]);
}
