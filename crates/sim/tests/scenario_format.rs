//! The scenarios' text form: what an author writes in a post.

use sim::{BackoffPolicy, ContentionScenario, Delay, RetryScenario, StormScenario};

#[test]
fn missing_fields_take_defaults() {
    let s: RetryScenario =
        toml::from_str("requests = 10\n[client]\nbackoff = \"exponential\"\n").expect("parses");
    assert_eq!(s.requests, 10);
    assert_eq!(s.client.backoff, BackoffPolicy::Exponential);
    assert_eq!(s.server, RetryScenario::default().server);
}

#[test]
fn every_delay_kind_parses() {
    for (text, want) in [
        (
            r#"{ kind = "constant", ms = 3 }"#,
            Delay::Constant { ms: 3.0 },
        ),
        (
            r#"{ kind = "uniform", min_ms = 1, max_ms = 2 }"#,
            Delay::Uniform {
                min_ms: 1.0,
                max_ms: 2.0,
            },
        ),
        (
            r#"{ kind = "normal", mean_ms = 10, sd_ms = 2 }"#,
            Delay::Normal {
                mean_ms: 10.0,
                sd_ms: 2.0,
            },
        ),
        (
            r#"{ kind = "exponential", mean_ms = 4 }"#,
            Delay::Exponential { mean_ms: 4.0 },
        ),
        (
            r#"{ kind = "log_normal", median_ms = 20, sigma = 0.5 }"#,
            Delay::LogNormal {
                median_ms: 20.0,
                sigma: 0.5,
            },
        ),
        (
            r#"{ kind = "bimodal", fast_ms = 5, slow_ms = 200, slow_probability = 0.01 }"#,
            Delay::Bimodal {
                fast_ms: 5.0,
                slow_ms: 200.0,
                slow_probability: 0.01,
            },
        ),
    ] {
        let s: RetryScenario = toml::from_str(&format!("[link]\nlatency = {text}\n")).expect(text);
        assert_eq!(s.link.latency, want);
    }
}

#[test]
fn optional_policies_parse() {
    let s: StormScenario = toml::from_str(
        "[client]\ndeadline_ms = 2000\nretry_budget = { ratio = 0.1 }\nbreaker = { cooldown_ms = 500 }\n\
         [server]\noutages = [{ start_ms = 100, end_ms = 200 }]\n",
    )
    .expect("parses");
    assert_eq!(s.client.deadline_ms, Some(2000.0));
    assert_eq!(s.client.retry_budget.map(|b| b.max_tokens), Some(10.0));
    assert_eq!(s.client.breaker.map(|b| b.cooldown_ms), Some(500.0));
    assert_eq!(s.server.outages.len(), 1);
    s.validate().expect("valid");
}

#[test]
fn unknown_keys_are_rejected() {
    let err = toml::from_str::<RetryScenario>("[client]\nretries = 3\n").unwrap_err();
    assert!(err.to_string().contains("unknown field `retries`"), "{err}");
    let err = toml::from_str::<RetryScenario>(
        "[link]\nlatency = { kind = \"constant\", ms = 3, jitter = 1 }\n",
    )
    .unwrap_err();
    assert!(err.to_string().contains("jitter"), "{err}");
    let err = toml::from_str::<ContentionScenario>("clients = 3\nstrategy = \"sometimes\"\n")
        .unwrap_err();
    assert!(err.to_string().contains("sometimes"), "{err}");
}

#[test]
fn out_of_range_values_name_the_field_and_range() {
    let cases = [
        (
            "[server]\nfailure_rate = 1.5\n",
            "`server.failure_rate` is 1.5, but must be 0 to 1",
        ),
        ("requests = 0\n", "`requests` is 0, but must be 1 to 10000"),
        (
            "[client]\nretry_budget = { ratio = -1 }\n",
            "`client.retry_budget.ratio` is -1, but must be 0 to 10",
        ),
        (
            "[client]\nbreaker = { window = 0 }\n",
            "`client.breaker.window` is 0, but must be 1 to 10000",
        ),
        (
            "[link]\nlatency = { kind = \"uniform\", min_ms = 5, max_ms = 1 }\n",
            "`link.latency.max_ms` is 1, but must be 5 to 3600000 ms",
        ),
    ];
    for (text, want) in cases {
        let s: RetryScenario = toml::from_str(text).expect(text);
        assert_eq!(s.validate().unwrap_err().to_string(), want);
    }
}

#[test]
fn round_trips_through_json() {
    let s = StormScenario::default().with_retry_budget(0.2);
    let json = serde_json::to_string(&s).expect("serializes");
    let back: StormScenario = serde_json::from_str(&json).expect("parses");
    assert_eq!(s, back);
}
