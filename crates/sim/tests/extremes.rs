//! Every scenario with its parameters at the edges of their documented
//! ranges (0 and 100% failure, zero and huge latency, one client and the
//! most, no backoff) ends within its event budget, with counts that add up
//! and no NaN: a demo driven to an extreme shows a sensible result, never a
//! hung tab. A run that would explode stops at its budget and says so.

use std::time::Instant;

use sim::{
    run_breaker, run_contention, run_deep_space, run_queue, run_retry, run_storm, BackoffPolicy,
    BreakerConfig, BreakerScenario, ClientPolicy, ContentionScenario, ContentionSweep,
    DeepSpaceScenario, Delay, Hop, LinkModel, QueueScenario, Recovery, RequestStats, RetryBudget,
    RetryScenario, RunEnd, ServerModel, StormScenario, Window, CONTENTION_EVENT_BUDGET,
    DEEP_SPACE_EVENT_BUDGET, QUEUE_EVENT_BUDGET, RETRY_EVENT_BUDGET, STORM_EVENT_BUDGET,
};

/// Longest (simulated) time a scenario may describe: an hour of latency, a
/// day of deadline.
const HOUR_MS: f64 = 3_600_000.0;

/// Runs `f`, printing how long it took. Not asserted: a busy machine must
/// not fail a test, and the event budgets (`check_end`) are what end a run.
fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    eprintln!("{what}: {:?}", started.elapsed());
    out
}

/// The run ended within its budget, and stopped exactly at it if it said so.
fn check_end(what: &str, end: RunEnd, events: u64, budget: u64) {
    assert!(events <= budget, "{what}: {events} events over {budget}");
    if end == RunEnd::BudgetExceeded {
        assert_eq!(events, budget, "{what}: stopped at the budget");
    }
}

/// Requests add up; numbers are numbers.
fn check_stats(what: &str, end: RunEnd, s: &RequestStats) {
    assert_eq!(
        s.succeeded + s.failed + s.unfinished,
        s.requests,
        "{what}: {s:?}"
    );
    if end == RunEnd::Completed {
        assert_eq!(s.unfinished, 0, "{what}: {s:?}");
    }
    assert!(s.attempts >= u64::from(s.succeeded), "{what}: {s:?}");
    for q in [s.p50_ms, s.p90_ms, s.p95_ms, s.p99_ms, s.max_ms]
        .into_iter()
        .flatten()
    {
        assert!(q.is_finite() && q >= 0.0, "{what}: {s:?}");
    }
    assert!((0.0..=1.0).contains(&s.success_rate()), "{what}: {s:?}");
    assert!(s.attempts_per_request().is_finite(), "{what}: {s:?}");
}

fn retry(what: &str, s: &RetryScenario) -> sim::RetryRun {
    s.validate().unwrap_or_else(|e| panic!("{what}: {e}"));
    let run = timed(what, || run_retry(s, 7));
    check_end(what, run.end, run.events, RETRY_EVENT_BUDGET);
    check_stats(what, run.end, &run.stats);
    run
}

fn instant() -> Delay {
    Delay::constant(0.0)
}

fn no_retries_client() -> ClientPolicy {
    ClientPolicy {
        backoff: BackoffPolicy::None,
        base_ms: 0.0,
        cap_ms: 0.0,
        max_attempts: 1,
        timeout_ms: 0.001,
        ..ClientPolicy::default()
    }
}

#[test]
fn retry_with_no_failure_and_no_latency_succeeds_at_once() {
    let s = RetryScenario {
        requests: 10_000,
        interval_ms: 0.0,
        link: LinkModel {
            latency: instant(),
            loss: 0.0,
            partitions: Vec::new(),
        },
        server: ServerModel {
            concurrency: 10_000,
            queue_capacity: 1_000_000,
            service: instant(),
            failure_rate: 0.0,
            queue_slowdown: 0.0,
            outages: Vec::new(),
        },
        client: no_retries_client(),
    };
    let run = retry("zero latency", &s);
    assert_eq!(run.end, RunEnd::Completed);
    assert_eq!(run.stats.succeeded, 10_000, "{:?}", run.stats);
    // Zero, to the histogram's precision of a microsecond.
    assert!(run.stats.max_ms <= Some(0.001), "{:?}", run.stats);
}

#[test]
fn retry_with_total_failure_and_no_backoff_stops_at_its_budget() {
    let s = RetryScenario {
        requests: 10_000,
        interval_ms: 0.0,
        link: LinkModel {
            latency: instant(),
            loss: 0.0,
            partitions: Vec::new(),
        },
        server: ServerModel {
            failure_rate: 1.0,
            service: instant(),
            ..ServerModel::default()
        },
        client: ClientPolicy {
            backoff: BackoffPolicy::None,
            base_ms: 0.0,
            cap_ms: 0.0,
            max_attempts: 100,
            timeout_ms: HOUR_MS,
            ..ClientPolicy::default()
        },
    };
    let run = retry("total failure", &s);
    assert_eq!(run.stats.succeeded, 0);
    assert_eq!(run.end, RunEnd::BudgetExceeded, "{:?}", run.stats);
    assert!(run.stats.unfinished > 0);
    // The same with a link that loses everything.
    let lossy = RetryScenario {
        link: LinkModel {
            loss: 1.0,
            ..s.link.clone()
        },
        server: ServerModel::default(),
        client: ClientPolicy {
            timeout_ms: 0.001,
            ..s.client.clone()
        },
        ..s.clone()
    };
    let run = retry("total loss", &lossy);
    assert_eq!(run.stats.succeeded, 0);
    assert_eq!(run.stats.lost, run.stats.attempts);
}

#[test]
fn retry_with_an_hour_of_latency_times_out_every_attempt() {
    let s = RetryScenario {
        requests: 10_000,
        interval_ms: 60_000.0,
        link: LinkModel {
            latency: Delay::constant(HOUR_MS),
            loss: 0.0,
            partitions: Vec::new(),
        },
        server: ServerModel::default(),
        client: ClientPolicy {
            backoff: BackoffPolicy::Exponential,
            base_ms: 60_000.0,
            cap_ms: HOUR_MS,
            max_attempts: 100,
            timeout_ms: HOUR_MS,
            deadline_ms: Some(86_400_000.0),
            ..ClientPolicy::default()
        },
    };
    let run = retry("an hour each way", &s);
    assert_eq!(run.stats.succeeded, 0, "{:?}", run.stats);
    assert!(run.stats.timed_out > 0);
    if run.end == RunEnd::Completed {
        assert_eq!(run.stats.failed, 10_000);
    }
}

#[test]
fn retry_with_one_request_and_every_delay_at_its_edges() {
    let delays = [
        Delay::constant(HOUR_MS),
        Delay::Uniform {
            min_ms: 0.0,
            max_ms: HOUR_MS,
        },
        Delay::Uniform {
            min_ms: HOUR_MS,
            max_ms: HOUR_MS,
        },
        Delay::Normal {
            mean_ms: 0.0,
            sd_ms: HOUR_MS,
        },
        Delay::Exponential { mean_ms: HOUR_MS },
        Delay::LogNormal {
            median_ms: HOUR_MS,
            sigma: 3.0,
        },
        Delay::Bimodal {
            fast_ms: 0.0,
            slow_ms: HOUR_MS,
            slow_probability: 1.0,
        },
        Delay::LongTail {
            ms: HOUR_MS,
            tail_probability: 1.0,
            tail_mean_ms: HOUR_MS,
        },
    ];
    let impatient = ClientPolicy {
        backoff: BackoffPolicy::DecorrelatedJitter,
        base_ms: 60_000.0,
        cap_ms: HOUR_MS,
        max_attempts: 100,
        timeout_ms: 0.001,
        deadline_ms: Some(0.001),
        retry_budget: Some(RetryBudget {
            ratio: 10.0,
            max_tokens: 100_000.0,
        }),
        breaker: Some(BreakerConfig {
            failure_threshold: 0.0,
            window: 1,
            min_calls: 1,
            cooldown_ms: 0.0,
            half_open_probes: 100,
        }),
    };
    let patient = ClientPolicy {
        backoff: BackoffPolicy::EqualJitter,
        base_ms: 0.0,
        cap_ms: HOUR_MS,
        max_attempts: 100,
        timeout_ms: HOUR_MS,
        deadline_ms: None,
        retry_budget: None,
        breaker: None,
    };
    for (delay, client, requests) in delays
        .iter()
        .flat_map(|d| [(d, &impatient), (d, &patient)])
        .flat_map(|(d, c)| [(d, c, 1), (d, c, 2_000)])
    {
        {
            let s = RetryScenario {
                requests,
                interval_ms: 0.0,
                link: LinkModel {
                    latency: delay.clone(),
                    loss: 0.5,
                    partitions: vec![Window {
                        start_ms: 0.0,
                        end_ms: HOUR_MS,
                    }],
                },
                server: ServerModel {
                    concurrency: 1,
                    queue_capacity: 0,
                    service: delay.clone(),
                    failure_rate: 0.5,
                    queue_slowdown: 1.0,
                    outages: Vec::new(),
                },
                client: client.clone(),
            };
            retry(&format!("{delay:?}, {requests} requests, {client:?}"), &s);
        }
    }
}

#[test]
fn every_backoff_policy_at_zero_and_at_its_cap() {
    for policy in BackoffPolicy::ALL {
        for (base_ms, cap_ms) in [(0.0, 0.0), (60_000.0, HOUR_MS), (60_000.0, 0.0)] {
            let s = RetryScenario {
                requests: 200,
                server: ServerModel {
                    failure_rate: 1.0,
                    ..ServerModel::default()
                },
                client: ClientPolicy {
                    backoff: policy,
                    base_ms,
                    cap_ms,
                    max_attempts: 100,
                    ..ClientPolicy::default()
                },
                ..RetryScenario::default()
            };
            let run = retry(&format!("{policy:?} {base_ms}..{cap_ms}"), &s);
            assert_eq!(run.stats.succeeded, 0);
        }
    }
}

fn storm(what: &str, s: &StormScenario) -> sim::StormRun {
    s.validate().unwrap_or_else(|e| panic!("{what}: {e}"));
    let run = timed(what, || run_storm(s, 3));
    check_end(what, run.end, run.events, STORM_EVENT_BUDGET);
    check_stats(what, run.end, &run.stats);
    let issued: u32 = run.series.iter().map(|p| p.issued).sum();
    assert_eq!(issued, run.stats.requests, "{what}: the series adds up");
    run
}

#[test]
fn storm_at_its_most_load_stops_at_the_budget() {
    let s = StormScenario {
        duration_ms: 600_000.0,
        arrival_rate: 100_000.0,
        bucket_ms: 10.0,
        client: ClientPolicy {
            backoff: BackoffPolicy::None,
            base_ms: 0.0,
            max_attempts: 100,
            ..StormScenario::default().client
        },
        ..StormScenario::default()
    };
    let run = storm("most load", &s);
    assert_eq!(run.end, RunEnd::BudgetExceeded);
    assert!(run.stats.unfinished > 0);
}

#[test]
fn storm_at_its_least_load() {
    let s = StormScenario {
        duration_ms: 1.0,
        arrival_rate: 0.1,
        bucket_ms: 60_000.0,
        ..StormScenario::default()
    };
    let run = storm("least load", &s);
    assert_eq!(run.end, RunEnd::Completed);
    assert!(run.stats.requests <= 1);
}

#[test]
fn storm_with_no_failure_and_with_total_failure() {
    let healthy = StormScenario {
        link: LinkModel {
            latency: instant(),
            loss: 0.0,
            partitions: Vec::new(),
        },
        server: ServerModel {
            concurrency: 10_000,
            queue_capacity: 1_000_000,
            service: instant(),
            failure_rate: 0.0,
            queue_slowdown: 0.0,
            outages: Vec::new(),
        },
        ..StormScenario::default()
    };
    let run = storm("no failure", &healthy);
    assert_eq!(run.stats.succeeded, run.stats.requests);
    let broken = StormScenario {
        server: ServerModel {
            failure_rate: 1.0,
            ..healthy.server.clone()
        },
        client: ClientPolicy {
            backoff: BackoffPolicy::None,
            base_ms: 0.0,
            max_attempts: 100,
            breaker: Some(BreakerConfig {
                cooldown_ms: 0.0,
                ..BreakerConfig::default()
            }),
            retry_budget: Some(RetryBudget {
                ratio: 0.0,
                max_tokens: 1.0,
            }),
            ..healthy.client.clone()
        },
        ..healthy.clone()
    };
    let run = storm("total failure", &broken);
    assert_eq!(run.stats.succeeded, 0);
    let down = StormScenario {
        server: ServerModel {
            outages: vec![Window {
                start_ms: 0.0,
                end_ms: 86_400_000.0,
            }],
            ..StormScenario::default().server
        },
        ..StormScenario::default()
    };
    let run = storm("down all along", &down);
    assert_eq!(run.stats.succeeded, 0);
}

fn breaker(what: &str, s: &BreakerScenario) -> sim::RetryRun {
    s.validate().unwrap_or_else(|e| panic!("{what}: {e}"));
    let run = timed(what, || run_breaker(s, 5));
    check_end(what, run.end, run.events, RETRY_EVENT_BUDGET);
    check_stats(what, run.end, &run.stats);
    assert!(
        run.breaker.iter().all(|t| t.from.may_become(t.to)),
        "{what}"
    );
    run
}

#[test]
fn breaker_at_0_and_100_percent_failure() {
    let base = BreakerScenario {
        requests: 10_000,
        interval_ms: 1.0,
        ..BreakerScenario::default()
    };
    let none = breaker(
        "0% failure",
        &BreakerScenario {
            failure_rate: 0.0,
            outages: Vec::new(),
            ..base.clone()
        },
    );
    assert!(
        none.breaker.is_empty(),
        "a healthy dependency never trips it"
    );
    // Only the odd call slower than the timeout fails.
    assert!(none.stats.succeeded > 9_900, "{:?}", none.stats);
    let all = breaker(
        "100% failure",
        &BreakerScenario {
            failure_rate: 1.0,
            ..base.clone()
        },
    );
    assert_eq!(all.stats.succeeded, 0);
    assert!(all.stats.breaker_rejected > 0);
    for config in [
        BreakerConfig {
            failure_threshold: 0.0,
            window: 1,
            min_calls: 1,
            cooldown_ms: 0.0,
            half_open_probes: 1,
        },
        BreakerConfig {
            failure_threshold: 1.0,
            window: 10_000,
            min_calls: 10_000,
            cooldown_ms: HOUR_MS,
            half_open_probes: 100,
        },
    ] {
        for timeout_ms in [1.0, 600_000.0] {
            breaker(
                &format!("{config:?} {timeout_ms}"),
                &BreakerScenario {
                    breaker: config,
                    timeout_ms,
                    failure_rate: 0.5,
                    ..base.clone()
                },
            );
        }
    }
}

fn contention(what: &str, s: &ContentionScenario) -> sim::ContentionRun {
    s.validate().unwrap_or_else(|e| panic!("{what}: {e}"));
    let run = timed(what, || run_contention(s, 11));
    check_end(what, run.end, run.events, CONTENTION_EVENT_BUDGET);
    assert!(run.done <= s.clients, "{what}");
    if run.end == RunEnd::Completed {
        assert_eq!(run.done, s.clients, "{what}");
    }
    assert!(
        run.completion_ms.is_finite() && run.completion_ms >= 0.0,
        "{what}"
    );
    run
}

#[test]
fn contention_with_one_client_and_with_the_most() {
    for strategy in BackoffPolicy::ALL {
        let one = contention(
            &format!("1 client, {strategy:?}"),
            &ContentionScenario {
                clients: 1,
                strategy,
                ..ContentionScenario::default()
            },
        );
        assert_eq!(one.calls, 1, "one client writes once");
    }
    let most = contention(
        "10,000 clients, no backoff",
        &ContentionScenario {
            clients: 10_000,
            strategy: BackoffPolicy::None,
            base_ms: 0.0,
            ..ContentionScenario::default()
        },
    );
    assert!(most.done > 0);
}

#[test]
fn contention_with_zero_and_huge_latency() {
    for (mean, sd) in [(0.0, 0.0), (60_000.0, 60_000.0), (0.0, 60_000.0)] {
        for (base_ms, cap_ms) in [(0.0, 0.0), (60_000.0, HOUR_MS)] {
            contention(
                &format!("latency {mean}±{sd}, backoff {base_ms}..{cap_ms}"),
                &ContentionScenario {
                    clients: 200,
                    strategy: BackoffPolicy::Exponential,
                    base_ms,
                    cap_ms,
                    message_mean_ms: mean,
                    message_sd_ms: sd,
                },
            );
        }
    }
}

#[test]
fn a_contention_sweep_too_big_to_finish_is_refused() {
    let huge = ContentionSweep {
        strategies: BackoffPolicy::ALL.to_vec(),
        clients_from: 1,
        clients_to: 10_000,
        clients_step: 1,
        runs: 1000,
        ..ContentionSweep::default()
    };
    let e = huge.validate().expect_err("too much work");
    assert_eq!(e.field, "runs");
    assert!(e.to_string().contains("work"), "{e}");
    // The default, the demo's largest choice, and single extreme runs are
    // fine.
    ContentionSweep::default().validate().expect("the default");
    ContentionSweep {
        strategies: BackoffPolicy::ALL.to_vec(),
        runs: 100,
        ..ContentionSweep::default()
    }
    .validate()
    .expect("six strategies, 10 to 200 clients, 100 runs a point");
    let three_big_runs = ContentionSweep {
        strategies: vec![BackoffPolicy::None],
        clients_from: 10_000,
        clients_to: 10_000,
        runs: 3,
        ..ContentionSweep::default()
    };
    assert!(three_big_runs.validate().is_err(), "three runs of 10,000");
    ContentionSweep {
        strategies: vec![BackoffPolicy::None],
        clients_from: 10_000,
        clients_to: 10_000,
        runs: 1,
        ..ContentionSweep::default()
    }
    .validate()
    .expect("one run at the most clients");
    ContentionSweep {
        clients_from: 1,
        clients_to: 1,
        runs: 1000,
        ..ContentionSweep::default()
    }
    .validate()
    .expect("many runs of one client");
}

fn queue(what: &str, s: &QueueScenario) -> sim::QueueRun {
    s.validate().unwrap_or_else(|e| panic!("{what}: {e}"));
    let run = timed(what, || run_queue(s, 13));
    check_end(what, run.end, run.events, QUEUE_EVENT_BUDGET);
    let st = &run.stats;
    assert!(st.processed_once <= st.produced, "{what}: {st:?}");
    assert!(st.unacked <= st.produced, "{what}: {st:?}");
    if run.end == RunEnd::Completed {
        assert_eq!(st.unacked, 0, "{what}: {st:?}");
    }
    run
}

#[test]
fn queue_at_its_most_load_stops_at_the_budget() {
    let s = QueueScenario {
        producer_rate: 100_000.0,
        duration_ms: 600_000.0,
        keys: 100_000,
        partitions: 1000,
        consumers: 1000,
        bucket_ms: 10.0,
        ..QueueScenario::default()
    };
    let run = queue("most load", &s);
    assert_eq!(run.end, RunEnd::BudgetExceeded);
}

#[test]
fn queue_whose_consumers_always_crash() {
    let s = QueueScenario {
        crash_probability: 1.0,
        restart_ms: 0.0,
        ack_timeout_ms: 1.0,
        duration_ms: 1000.0,
        ..QueueScenario::default()
    };
    let run = queue("always crashing", &s);
    assert_eq!(run.stats.processed_once, 0, "{:?}", run.stats);
    assert!(run.stats.unacked > 0);
}

#[test]
fn queue_at_the_other_edges() {
    let cases = [
        QueueScenario {
            producer_rate: 0.1,
            duration_ms: 1.0,
            keys: 1,
            partitions: 1,
            consumers: 1,
            ..QueueScenario::default()
        },
        QueueScenario {
            processing: instant(),
            crash_probability: 0.0,
            restart_ms: HOUR_MS,
            late_probability: 1.0,
            late_delay: Delay::constant(HOUR_MS),
            allowed_lateness_ms: 0.0,
            ..QueueScenario::default()
        },
        QueueScenario {
            processing: Delay::constant(HOUR_MS),
            ack_timeout_ms: 1.0,
            duration_ms: 1000.0,
            idempotency_store: true,
            drop_late: false,
            allowed_lateness_ms: 86_400_000.0,
            ..QueueScenario::default()
        },
        QueueScenario {
            processing: instant(),
            ack_timeout_ms: HOUR_MS,
            crash_probability: 1.0,
            restart_ms: HOUR_MS,
            ..QueueScenario::default()
        },
    ];
    for (i, s) in cases.iter().enumerate() {
        eprintln!("queue case {i}");
        queue(&format!("case {i}"), s);
    }
}

fn deep_space(what: &str, s: &DeepSpaceScenario) -> sim::DeepSpaceRun {
    s.validate().unwrap_or_else(|e| panic!("{what}: {e}"));
    let run = timed(what, || run_deep_space(s, 17));
    eprintln!("{what}: {} events, {:?}", run.events, run.end);
    check_end(what, run.end, run.events, DEEP_SPACE_EVENT_BUDGET);
    assert!(run.delivered <= s.messages, "{what}");
    if run.end == RunEnd::Completed {
        assert_eq!(run.delivered, s.messages, "{what}: every message arrives");
    }
    assert!(run.finished_ms.is_finite(), "{what}");
    run
}

fn hops(n: usize, light_ms: f64, loss: f64) -> Vec<Hop> {
    vec![
        Hop {
            light_ms,
            loss,
            blackouts: Vec::new(),
        };
        n
    ]
}

#[test]
fn deep_space_with_the_most_messages_over_the_worst_path_stops_at_the_budget() {
    for recovery in [Recovery::EndToEnd, Recovery::Custody] {
        let s = DeepSpaceScenario {
            hops: hops(8, HOUR_MS, 0.99),
            recovery,
            messages: 100_000,
            interval_ms: 0.0,
            message_bytes: 1_000_000_000,
            ack_bytes: 1_000_000,
            timeout_factor: 0.1,
        };
        let run = deep_space(&format!("{recovery:?}, the worst path"), &s);
        assert_eq!(run.end, RunEnd::BudgetExceeded);
        assert!(run.delivered < s.messages);
    }
}

#[test]
fn deep_space_at_its_edges() {
    for recovery in [Recovery::EndToEnd, Recovery::Custody] {
        // (8 hops losing 99% each: the budget test above.)
        for (n, light_ms, loss) in [
            (1, 0.0, 0.0),
            (8, 0.0, 0.5),
            (8, HOUR_MS, 0.5),
            (8, HOUR_MS, 0.0),
            (1, 0.0, 0.99),
            (1, HOUR_MS, 0.99),
        ] {
            for timeout_factor in [0.1, 100.0] {
                let s = DeepSpaceScenario {
                    hops: hops(n, light_ms, loss),
                    recovery,
                    messages: 30,
                    interval_ms: 0.0,
                    message_bytes: 1_000_000_000,
                    ack_bytes: 1_000_000,
                    timeout_factor,
                };
                deep_space(
                    &format!("{recovery:?}, {n} hops of {light_ms} ms, loss {loss}, timeout x{timeout_factor}"),
                    &s,
                );
            }
        }
    }
}

#[test]
fn deep_space_through_a_blackout_all_day() {
    let s = DeepSpaceScenario {
        hops: vec![Hop {
            light_ms: 1280.0,
            loss: 0.0,
            blackouts: vec![Window {
                start_ms: 0.0,
                end_ms: 86_400_000.0,
            }],
        }],
        messages: 1,
        ..DeepSpaceScenario::default()
    };
    let run = deep_space("blackout", &s);
    if run.end == RunEnd::Completed {
        assert!(run.finished_ms >= 86_400_000.0, "{}", run.finished_ms);
    }
}
