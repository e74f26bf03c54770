//! Generators of random, valid scenarios for the property tests.

use proptest::option;
use proptest::prelude::*;
use sim::{
    BackoffPolicy, BreakerConfig, ClientPolicy, Delay, LinkModel, RetryBudget, ServerModel, Window,
};

pub fn delay(max_ms: f64) -> impl Strategy<Value = Delay> {
    prop_oneof![
        (0.0..max_ms).prop_map(|ms| Delay::Constant { ms }),
        (0.0..max_ms, 0.0..max_ms).prop_map(|(a, b)| Delay::Uniform {
            min_ms: a.min(b),
            max_ms: a.max(b)
        }),
        (0.0..max_ms, 0.0..max_ms / 4.0)
            .prop_map(|(mean_ms, sd_ms)| Delay::Normal { mean_ms, sd_ms }),
        (0.0..max_ms).prop_map(|mean_ms| Delay::Exponential { mean_ms }),
        (0.0..max_ms, 0.0..1.5f64)
            .prop_map(|(median_ms, sigma)| Delay::LogNormal { median_ms, sigma }),
        (0.0..max_ms, 0.0..max_ms * 5.0, 0.0..=1.0f64).prop_map(
            |(fast_ms, slow_ms, slow_probability)| {
                Delay::Bimodal {
                    fast_ms,
                    slow_ms,
                    slow_probability,
                }
            }
        ),
        (0.0..max_ms, 0.0..=1.0f64, 0.0..max_ms * 5.0).prop_map(
            |(ms, tail_probability, tail_mean_ms)| {
                Delay::LongTail {
                    ms,
                    tail_probability,
                    tail_mean_ms,
                }
            }
        ),
    ]
}

pub fn windows(horizon_ms: f64) -> impl Strategy<Value = Vec<Window>> {
    prop::collection::vec(
        (0.0..horizon_ms, 0.0..horizon_ms / 4.0).prop_map(|(start_ms, len)| Window {
            start_ms,
            end_ms: start_ms + len,
        }),
        0..3,
    )
}

pub fn link(horizon_ms: f64) -> impl Strategy<Value = LinkModel> {
    (delay(100.0), 0.0..=0.5f64, windows(horizon_ms)).prop_map(|(latency, loss, partitions)| {
        LinkModel {
            latency,
            loss,
            partitions,
        }
    })
}

pub fn server(horizon_ms: f64) -> impl Strategy<Value = ServerModel> {
    (
        1u32..16,
        0u32..64,
        delay(20.0),
        0.0..=1.0f64,
        0.0..=0.1f64,
        windows(horizon_ms),
    )
        .prop_map(
            |(concurrency, queue_capacity, service, failure_rate, queue_slowdown, outages)| {
                ServerModel {
                    concurrency,
                    queue_capacity,
                    service,
                    failure_rate,
                    queue_slowdown,
                    outages,
                }
            },
        )
}

pub fn policy() -> impl Strategy<Value = BackoffPolicy> {
    prop::sample::select(BackoffPolicy::ALL.to_vec())
}

pub fn client() -> impl Strategy<Value = ClientPolicy> {
    (
        policy(),
        0.0..50.0f64,
        0.0..1000.0f64,
        1u32..8,
        1.0..400.0f64,
        option::of(1.0..3000.0f64),
        option::of(
            (0.0..=1.0f64, 1.0..20.0f64)
                .prop_map(|(ratio, max_tokens)| RetryBudget { ratio, max_tokens }),
        ),
        option::of(
            (0.0..=1.0f64, 1u32..20, 1u32..20, 0.0..500.0f64, 1u32..4).prop_map(
                |(failure_threshold, window, min_calls, cooldown_ms, half_open_probes)| {
                    BreakerConfig {
                        failure_threshold,
                        window,
                        min_calls,
                        cooldown_ms,
                        half_open_probes,
                    }
                },
            ),
        ),
    )
        .prop_map(
            |(
                backoff,
                base_ms,
                cap_ms,
                max_attempts,
                timeout_ms,
                deadline_ms,
                retry_budget,
                breaker,
            )| {
                ClientPolicy {
                    backoff,
                    base_ms,
                    cap_ms,
                    max_attempts,
                    timeout_ms,
                    deadline_ms,
                    retry_budget,
                    breaker,
                }
            },
        )
}
