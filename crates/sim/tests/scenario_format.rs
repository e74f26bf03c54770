//! The scenario's text form: what an author writes in a post.

use sim::{BackoffPolicy, Latency, RetryScenario};

#[test]
fn missing_fields_take_defaults() {
    let s: RetryScenario =
        toml::from_str("requests = 10\n[client]\nbackoff = \"exponential\"\n").expect("parses");
    assert_eq!(s.requests, 10);
    assert_eq!(s.client.backoff, BackoffPolicy::Exponential);
    assert_eq!(s.server, RetryScenario::default().server);
}

#[test]
fn latency_is_tagged_by_kind() {
    let s: RetryScenario =
        toml::from_str("[link]\nlatency = { kind = \"constant\", ms = 3 }\n").expect("parses");
    assert_eq!(s.link.latency, Latency::Constant { ms: 3.0 });
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
}

#[test]
fn out_of_range_values_name_the_field_and_range() {
    let s: RetryScenario = toml::from_str("[server]\nfailure_rate = 1.5\n").expect("parses");
    let err = s.validate().unwrap_err();
    assert_eq!(err.field, "server.failure_rate");
    assert_eq!(
        err.to_string(),
        "`server.failure_rate` is 1.5, but must be 0 to 1"
    );
}

#[test]
fn round_trips_through_json() {
    let s = RetryScenario::default();
    let json = serde_json::to_string(&s).expect("serializes");
    let back: RetryScenario = serde_json::from_str(&json).expect("parses");
    assert_eq!(s, back);
}
