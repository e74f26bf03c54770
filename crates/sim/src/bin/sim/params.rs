//! `--path.to.field value` overrides applied to a scenario through its
//! serde form, so every field of every scenario is settable by the name
//! it has in a post, and unknown names fail as they would there.

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

/// `base` with every `(path, value)` applied.
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

#[cfg(test)]
mod tests {
    use super::*;
    use sim::{BackoffPolicy, ContentionScenario, RetryScenario};

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
}
