//! Demo directives: a fenced block whose info string is `demo <name>` and
//! whose body is TOML starting parameters, deserialized straight into the
//! sim's scenario type and validated at build time.
//!
//! ````markdown
//! ```demo retry
//! seed = 7
//! [client]
//! backoff = "full_jitter"
//! ```
//! ````
//!
//! `seed` is the only key that is not part of the scenario.

use std::fmt;
use std::path::Path;

use page_data::DemoSpec;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use sim::{
    BreakerScenario, ConsensusScenario, ContentionSweep, DeepSpaceScenario, Demo, QueueScenario,
    RetryScenario, ScenarioError, StormScenario,
};

use crate::error::ContentError;
use crate::load::front_matter::one_line;
use crate::load::source_text::{line_of, line_of_key};

/// Seed used when a directive does not name one.
pub const DEFAULT_SEED: u64 = 1;

/// The demo name in a fence's info string, if the fence is a demo directive.
/// `Some("")` means the word `demo` with no name.
pub fn demo_name(info: &str) -> Option<&str> {
    let mut words = info.split_whitespace();
    (words.next() == Some("demo")).then(|| words.next().unwrap_or(""))
}

/// Parses the body of a `demo <name>` block that starts at `body_line` of
/// `path`.
pub fn parse_demo(
    path: &Path,
    fence_line: usize,
    body_line: usize,
    name: &str,
    body: &str,
) -> Result<DemoSpec, ContentError> {
    // One line per demo: its scenario type and its variant.
    macro_rules! demo {
        ($scenario:ty, $variant:ident) => {
            parse_valid(
                path,
                fence_line,
                body_line,
                name,
                body,
                <$scenario>::validate,
            )
            .map(|(seed, scenario)| DemoSpec::$variant { seed, scenario })
        };
    }
    let Some(demo) = Demo::from_key(name) else {
        let problem = if name.is_empty() {
            "a demo block needs a name, as in ```demo retry".to_string()
        } else {
            format!("unknown demo `{name}`")
        };
        return Err(ContentError::new(
            path,
            fence_line,
            format!("{problem}; known demos: {}", Demo::keys()),
        ));
    };
    match demo {
        Demo::Retry => demo!(RetryScenario, Retry),
        Demo::Storm => demo!(StormScenario, Storm),
        Demo::Breaker => demo!(BreakerScenario, Breaker),
        Demo::Contention => demo!(ContentionSweep, Contention),
        Demo::Queue => demo!(QueueScenario, Queue),
        Demo::DeepSpace => demo!(DeepSpaceScenario, DeepSpace),
        Demo::Consensus => demo!(ConsensusScenario, Consensus),
    }
}

/// Deserializes and validates `body` as demo `name`'s scenario; a range
/// error points at the line of the key it names.
fn parse_valid<T: for<'de> Deserialize<'de>>(
    path: &Path,
    fence_line: usize,
    body_line: usize,
    name: &str,
    body: &str,
    validate: fn(&T) -> Result<(), ScenarioError>,
) -> Result<(u64, T), ContentError> {
    let (seed, scenario) = parse_body::<T>(path, body_line, body)?;
    validate(&scenario).map_err(|e| {
        let key = e.field.rsplit('.').next().unwrap_or(&e.field);
        let key = key.split('[').next().unwrap_or(key);
        let line = line_of_key(body, key).map_or(fence_line, |l| body_line + l - 1);
        ContentError::new(path, line, format!("demo {name}: {e}"))
    })?;
    Ok((seed, scenario))
}

/// Deserializes `body` into `(seed, T)` keeping TOML's spans for errors.
fn parse_body<T: for<'de> Deserialize<'de>>(
    path: &Path,
    body_line: usize,
    body: &str,
) -> Result<(u64, T), ContentError> {
    let parsed: Result<WithSeed<T>, _> = toml::from_str(body);
    parsed
        .map(|w| (w.seed.unwrap_or(DEFAULT_SEED), w.inner))
        .map_err(|e| {
            // An unknown key passes through our map filter, which loses
            // TOML's span of the key itself: look the key up instead.
            let line = unknown_field(e.message())
                .and_then(|key| line_of_key(body, key))
                .or_else(|| e.span().map(|s| line_of(body, s.start)))
                .map_or(body_line, |l| body_line + l - 1);
            let hint = if body.trim_start().starts_with(['{', '[']) && !body.contains(" = ") {
                " (demo parameters are TOML, `key = value` lines, not JSON)"
            } else {
                ""
            };
            ContentError::new(
                path,
                line,
                format!("demo parameters: {}{hint}", one_line(e.message())),
            )
        })
}

/// The key named by serde's "unknown field `key`" message.
fn unknown_field(message: &str) -> Option<&str> {
    let rest = message.trim().strip_prefix("unknown field `")?;
    rest.split('`').next()
}

/// A TOML table with an optional top-level `seed` beside the fields of `T`.
/// `T` keeps its own `deny_unknown_fields` (which `#[serde(flatten)]` would
/// lose): the map is passed through with `seed` filtered out.
struct WithSeed<T> {
    seed: Option<u64>,
    inner: T,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for WithSeed<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(WithSeedVisitor(std::marker::PhantomData))
    }
}

struct WithSeedVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for WithSeedVisitor<T> {
    type Value = WithSeed<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a table of demo parameters")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let mut filter = SeedFilter { map, seed: None };
        let inner = T::deserialize(de::value::MapAccessDeserializer::new(&mut filter))?;
        Ok(WithSeed {
            seed: filter.seed,
            inner,
        })
    }
}

struct SeedFilter<A> {
    map: A,
    seed: Option<u64>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for &mut SeedFilter<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        key_seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        while let Some(key) = self.map.next_key::<String>()? {
            if key == "seed" {
                self.seed = Some(self.map.next_value::<u64>()?);
                continue;
            }
            let key: de::value::StringDeserializer<A::Error> = key.into_deserializer();
            return key_seed.deserialize(key).map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        value_seed: V,
    ) -> Result<V::Value, Self::Error> {
        self.map.next_value_seed(value_seed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim::BackoffPolicy;

    fn parse(body: &str) -> Result<DemoSpec, ContentError> {
        // The fence is on line 10 of the post, the body starts on line 11.
        parse_demo(Path::new("posts/p.md"), 10, 11, "retry", body)
    }

    #[test]
    fn recognises_demo_fences() {
        assert_eq!(demo_name("demo retry"), Some("retry"));
        assert_eq!(demo_name("demo"), Some(""));
        assert_eq!(demo_name("rust"), None);
        assert_eq!(demo_name("demonstration"), None);
    }

    #[test]
    fn parses_seed_and_scenario() {
        let spec =
            parse("seed = 7\nrequests = 50\n[client]\nbackoff = \"exponential\"\n").expect("valid");
        let DemoSpec::Retry { seed, scenario } = spec else {
            panic!("a retry spec: {spec:?}");
        };
        assert_eq!(seed, 7);
        assert_eq!(scenario.requests, 50);
        assert_eq!(scenario.client.backoff, BackoffPolicy::Exponential);
    }

    #[test]
    fn an_empty_body_is_the_default_run() {
        let spec = parse("").expect("valid");
        let DemoSpec::Retry { seed, scenario } = spec else {
            panic!("a retry spec: {spec:?}");
        };
        assert_eq!(seed, DEFAULT_SEED);
        assert_eq!(scenario, RetryScenario::default());
    }

    #[test]
    fn storm_parameters_are_checked_down_to_a_listed_window() {
        let path = Path::new("posts/s.md");
        let spec = parse_demo(path, 3, 4, "storm", "arrival_rate = 500\n").expect("valid");
        assert!(
            matches!(spec, DemoSpec::Storm { ref scenario, .. } if scenario.arrival_rate == 500.0)
        );
        let body = "[server]\noutages = [{ start_ms = 900, end_ms = 100 }]\n";
        let e = parse_demo(path, 3, 4, "storm", body).unwrap_err();
        assert_eq!(e.to_string(), "posts/s.md:5: demo storm: `server.outages[0].end_ms` is 100, but must be 900 to 86400000 ms");
    }

    #[test]
    fn unknown_key_is_reported_at_its_line() {
        let e = parse("seed = 7\n[client]\nretries = 3\n").unwrap_err();
        assert_eq!(e.line, 13, "{e}");
        assert!(e.message.contains("unknown field `retries`"), "{e}");
    }

    #[test]
    fn bad_value_is_reported_at_its_line() {
        let e = parse("requests = 10\n[client]\nbackoff = \"forever\"\n").unwrap_err();
        assert_eq!(e.line, 13, "{e}");
        assert!(e.message.contains("forever"), "{e}");
        let e = parse("seed = -1\n").unwrap_err();
        assert_eq!(e.line, 11, "{e}");
    }

    #[test]
    fn out_of_range_is_reported_at_its_line() {
        let e = parse("requests = 10\n[server]\nfailure_rate = 2.0\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "posts/p.md:13: demo retry: `server.failure_rate` is 2, but must be 0 to 1"
        );
    }

    #[test]
    fn bad_toml_is_reported_at_its_line() {
        let e = parse("requests = 10\nrequests = = 3\n").unwrap_err();
        assert_eq!(e.line, 12, "{e}");
    }

    #[test]
    fn unknown_demo_names_the_known_ones() {
        let e = parse_demo(Path::new("posts/p.md"), 10, 11, "tetris", "").unwrap_err();
        // Every demo of the registry, in its order.
        assert_eq!(
            e.to_string(),
            format!(
                "posts/p.md:10: unknown demo `tetris`; known demos: {}",
                Demo::keys()
            )
        );
        assert!(e.to_string().ends_with("deep-space, consensus"));
    }
}
