//! Field overrides by dotted path (`client.max_attempts` = `3`), applied
//! to a scenario through its serde form: every field of every scenario is
//! settable by the name it has in a post. The `sim` CLI takes them as
//! `--path value`; the demos keep a reader's changes in the URL as
//! `path=value` pairs.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

/// A value as typed on the command line: JSON if it parses (numbers,
/// booleans, tables), else a string; `-` in names becomes `_`
/// (`full-jitter` is the policy `full_jitter`).
fn parse_value(text: &str) -> Value {
    match serde_json::from_str::<Value>(text) {
        Ok(v) => v,
        Err(_)
            if text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
        {
            Value::String(text.replace('-', "_"))
        }
        Err(_) => Value::String(text.to_string()),
    }
}

fn set_path(root: &mut Value, path: &str, value: Value) -> Result<(), String> {
    let mut node = root;
    let mut parts = path.split('.').peekable();
    while let Some(part) = parts.next() {
        if part.is_empty() {
            return Err(format!("--{path}: empty name in the path"));
        }
        if node.is_null() {
            *node = Value::Object(Map::new());
        }
        let Value::Object(map) = node else {
            return Err(format!(
                "--{path}: `{part}` is inside a value that is not a table"
            ));
        };
        if parts.peek().is_none() {
            map.insert(part.to_string(), value);
            return Ok(());
        }
        node = map.entry(part.to_string()).or_insert(Value::Null);
    }
    Ok(())
}

/// `base` with every `(path, value)` applied; the first bad one fails.
pub fn apply<T: Serialize + DeserializeOwned>(
    base: &T,
    overrides: &[(String, String)],
) -> Result<T, String> {
    let mut value = serde_json::to_value(base).map_err(|e| e.to_string())?;
    for (path, text) in overrides {
        set_path(&mut value, path, parse_value(text))?;
    }
    serde_json::from_value(value).map_err(|e| format!("bad parameter: {e}"))
}

/// Most overrides [`apply_valid`] looks at; the rest are skipped (a URL
/// can be megabytes long).
pub const MAX_OVERRIDES: usize = 256;

/// Passes [`apply_valid`] makes over the overrides it could not apply yet.
const PASSES: usize = 4;

/// `base` with each `(path, value)` applied that keeps it valid by
/// `validate`; the others are skipped and returned (a garbled or
/// out-of-range value in a URL is ignored, never trusted).
///
/// One value may only be valid once another is set (a sweep's
/// `clients_from = 4000` needs `clients_to` raised first), so the skipped
/// ones get a few more passes, then one try all together: the order of a
/// link's pairs does not matter.
pub fn apply_valid<T: Serialize + DeserializeOwned>(
    base: &T,
    overrides: &[(String, String)],
    validate: impl Fn(&T) -> Result<(), crate::ScenarioError>,
) -> (T, Vec<(String, String)>) {
    let mut current = serde_json::to_value(base).unwrap_or(Value::Null);
    let (considered, too_many) = overrides.split_at(overrides.len().min(MAX_OVERRIDES));
    let mut pending: Vec<&(String, String)> = considered.iter().collect();
    for _ in 0..PASSES {
        let before = pending.len();
        pending.retain(|(path, text)| {
            let mut next = current.clone();
            let ok = set_path(&mut next, path, parse_value(text)).is_ok()
                && serde_json::from_value::<T>(next.clone())
                    .ok()
                    .is_some_and(|t| validate(&t).is_ok());
            if ok {
                current = next;
            }
            !ok
        });
        if pending.is_empty() || pending.len() == before {
            break;
        }
    }
    // Some only make sense together (a sweep moved to 4000 clients needs
    // `clients_from` and `clients_to` at once): try what is left as one.
    if pending.len() > 1 {
        let mut next = current.clone();
        let ok = pending
            .iter()
            .all(|(path, text)| set_path(&mut next, path, parse_value(text)).is_ok())
            && serde_json::from_value::<T>(next.clone())
                .ok()
                .is_some_and(|t| validate(&t).is_ok());
        if ok {
            current = next;
            pending.clear();
        }
    }
    let mut skipped: Vec<(String, String)> = pending.into_iter().cloned().collect();
    skipped.extend(too_many.iter().cloned());
    match serde_json::from_value(current) {
        Ok(t) => (t, skipped),
        Err(_) => (
            serde_json::from_value(serde_json::to_value(base).unwrap_or(Value::Null))
                .unwrap_or_else(|_| unreachable!("a value round-trips through its own JSON")),
            overrides.to_vec(),
        ),
    }
}

/// Every field path of `value` that [`apply`] accepts, tables and their
/// fields alike (`client`, `client.max_attempts`), sorted. Fields that are
/// `None` in `value` have no path here (their inner fields are unknown).
pub fn field_paths<T: Serialize>(value: &T) -> Vec<String> {
    fn walk(value: &Value, prefix: &str, out: &mut Vec<String>) {
        if let Value::Object(map) = value {
            for (k, v) in map {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                walk(v, &path, out);
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    if let Ok(json) = serde_json::to_value(value) {
        walk(&json, "", &mut out);
    }
    out.sort();
    out
}

/// The leaves of `value` that differ from `base`, as `(path, value)` pairs
/// in path order: what to write in a URL so that [`apply_valid`] on `base`
/// gives `value` back.
pub fn diff<T: Serialize>(base: &T, value: &T) -> Vec<(String, String)> {
    let (Ok(a), Ok(b)) = (serde_json::to_value(base), serde_json::to_value(value)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    diff_values("", &a, &b, &mut out);
    out
}

fn diff_values(path: &str, a: &Value, b: &Value, out: &mut Vec<(String, String)>) {
    if a == b {
        return;
    }
    match (a, b) {
        // A tagged table (a delay) changes as a whole when its kind does.
        (Value::Object(x), Value::Object(y)) if x.get("kind") == y.get("kind") => {
            let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            for k in keys {
                let sub = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                diff_values(
                    &sub,
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                    out,
                );
            }
        }
        _ => {
            let text = match b {
                Value::String(s) => s.clone(),
                // 400.0 reads back as 400: keep URLs short.
                Value::Number(n) => match n.as_f64() {
                    Some(f) if f.fract() == 0.0 && f.abs() < 1e15 && !n.is_i64() && !n.is_u64() => {
                        format!("{f:.0}")
                    }
                    _ => n.to_string(),
                },
                other => other.to_string(),
            };
            out.push((path.to_string(), text));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BackoffPolicy, ContentionScenario, RetryScenario};

    #[test]
    fn field_paths_are_what_apply_accepts() {
        let base = RetryScenario::default();
        let paths = field_paths(&base);
        for expected in ["client", "client.max_attempts", "link.latency", "requests"] {
            assert!(
                paths.iter().any(|p| p == expected),
                "{expected} in {paths:?}"
            );
        }
        assert!(paths.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        let json = serde_json::to_value(&base).unwrap();
        for path in &paths {
            // Each path set to the value it has gives the same scenario.
            let value = path.split('.').fold(&json, |v, k| &v[k]);
            let same = apply(&base, &[(path.clone(), value.to_string())]);
            assert_eq!(same.as_ref(), Ok(&base), "{path}");
        }
    }

    fn o(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn sets_nested_fields_and_enum_names() {
        let s = apply(
            &RetryScenario::default(),
            &o(&[
                ("client.backoff", "decorrelated-jitter"),
                ("server.concurrency", "3"),
                ("client.retry_budget.ratio", "0.2"),
            ]),
        )
        .expect("applies");
        assert_eq!(s.client.backoff, BackoffPolicy::DecorrelatedJitter);
        assert_eq!(s.server.concurrency, 3);
        assert_eq!(s.client.retry_budget.map(|b| b.ratio), Some(0.2));
        let c = apply(
            &ContentionScenario::default(),
            &o(&[("strategy", "full-jitter"), ("clients", "7")]),
        )
        .expect("applies");
        assert_eq!((c.clients, c.strategy), (7, BackoffPolicy::FullJitter));
    }

    #[test]
    fn unknown_names_and_bad_values_fail() {
        let e = apply(&RetryScenario::default(), &o(&[("client.retries", "3")])).unwrap_err();
        assert!(e.contains("unknown field `retries`"), "{e}");
        let e = apply(&RetryScenario::default(), &o(&[("requests", "many")])).unwrap_err();
        assert!(e.contains("bad parameter"), "{e}");
    }

    #[test]
    fn a_diff_round_trips_and_bad_values_are_skipped() {
        let base = RetryScenario::default();
        let mut changed = base.clone();
        changed.client.max_attempts = 7;
        changed.client.backoff = BackoffPolicy::EqualJitter;
        changed.link.latency = crate::Delay::Exponential { mean_ms: 12.0 };
        changed.client.deadline_ms = Some(900.0);
        let pairs = diff(&base, &changed);
        assert!(
            pairs.contains(&("client.max_attempts".into(), "7".into())),
            "{pairs:?}"
        );
        let (back, skipped) = apply_valid(&base, &pairs, RetryScenario::validate);
        assert_eq!(back, changed);
        assert!(skipped.is_empty());

        let garbled = o(&[
            ("client.max_attempts", "9999"),
            ("link.loss", "lots"),
            ("nope", "1"),
            ("requests", "20"),
        ]);
        let (got, skipped) = apply_valid(&base, &garbled, RetryScenario::validate);
        assert_eq!(got.requests, 20);
        assert_eq!(got.client.max_attempts, base.client.max_attempts);
        assert_eq!(skipped.len(), 3);
    }

    #[test]
    fn the_order_of_dependent_overrides_does_not_matter() {
        use crate::ContentionSweep;
        let pairs = o(&[
            ("clients_from", "4000"),
            ("clients_to", "4000"),
            ("runs", "1"),
        ]);
        let mut reversed = pairs.clone();
        reversed.reverse();
        for order in [pairs, reversed] {
            let (got, skipped) = apply_valid(
                &ContentionSweep::default(),
                &order,
                ContentionSweep::validate,
            );
            assert!(skipped.is_empty(), "{skipped:?}");
            assert_eq!(
                (got.clients_from, got.clients_to, got.runs),
                (4000, 4000, 1)
            );
        }
    }

    #[test]
    fn at_most_so_many_overrides_are_read() {
        let many: Vec<(String, String)> = (0..MAX_OVERRIDES + 10)
            .map(|i| ("requests".to_string(), (i % 100 + 1).to_string()))
            .collect();
        let (_, skipped) = apply_valid(&RetryScenario::default(), &many, RetryScenario::validate);
        assert_eq!(skipped.len(), 10);
    }
}
