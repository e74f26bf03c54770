//! A demo run as downloadable files: events as CSV (one row per event, a
//! column per field any event has) and the whole run as JSON. Shared by the
//! app's download buttons and the tests that parse what they produce.

use serde::Serialize;
use serde_json::{Map, Value};

/// Flattens one record to `(column, cell)` pairs: nested tables become
/// dotted columns.
fn flatten(prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        Value::Null => out.push((prefix.to_string(), String::new())),
        Value::String(s) => out.push((prefix.to_string(), s.clone())),
        other => out.push((prefix.to_string(), other.to_string())),
    }
}

fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// `records` as CSV: a header with every column in order of first
/// appearance, then one row per record (empty cells where a record has no
/// such field).
pub fn to_csv<T: Serialize>(records: &[T]) -> String {
    let rows: Vec<Vec<(String, String)>> = records
        .iter()
        .map(|r| {
            let mut cells = Vec::new();
            flatten(
                "",
                &serde_json::to_value(r).unwrap_or(Value::Null),
                &mut cells,
            );
            cells
        })
        .collect();
    let mut columns: Vec<String> = Vec::new();
    for row in &rows {
        for (k, _) in row {
            if !columns.contains(k) {
                columns.push(k.clone());
            }
        }
    }
    let mut out = columns
        .iter()
        .map(|c| csv_cell(c))
        .collect::<Vec<_>>()
        .join(",");
    out.push('\n');
    for row in rows {
        let line: Vec<String> = columns
            .iter()
            .map(|c| {
                row.iter()
                    .find(|(k, _)| k == c)
                    .map_or(String::new(), |(_, v)| csv_cell(v))
            })
            .collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

/// Several runs' events as one CSV, with a first column (`column`) naming
/// the run each row came from.
pub fn tagged_csv<E: Serialize>(column: &str, runs: &[(&str, &[E])]) -> String {
    let rows: Vec<Value> = runs
        .iter()
        .flat_map(|(tag, events)| {
            events.iter().map(move |e| {
                let mut row = Map::new();
                row.insert(column.to_string(), Value::String((*tag).to_string()));
                if let Value::Object(fields) = serde_json::to_value(e).unwrap_or(Value::Null) {
                    row.extend(fields);
                }
                Value::Object(row)
            })
        })
        .collect();
    to_csv(&rows)
}

/// A metrics table as two-column CSV (`metric,value`).
pub fn metrics_csv<T: Serialize>(metrics: &T) -> String {
    let mut cells = Vec::new();
    flatten(
        "",
        &serde_json::to_value(metrics).unwrap_or(Value::Null),
        &mut cells,
    );
    let mut out = String::from("metric,value\n");
    for (k, v) in cells {
        out.push_str(&format!("{},{}\n", csv_cell(&k), csv_cell(&v)));
    }
    out
}

/// A whole run as pretty JSON: `{"demo", "seed", "scenario", "metrics",
/// "events"}`.
pub fn run_json<S: Serialize, M: Serialize, E: Serialize>(
    demo: sim::Demo,
    seed: u64,
    scenario: &S,
    metrics: &M,
    events: &[E],
) -> String {
    let mut map = Map::new();
    map.insert("demo".into(), Value::String(demo.key().into()));
    map.insert("seed".into(), Value::from(seed));
    map.insert(
        "scenario".into(),
        serde_json::to_value(scenario).unwrap_or(Value::Null),
    );
    map.insert(
        "metrics".into(),
        serde_json::to_value(metrics).unwrap_or(Value::Null),
    );
    map.insert(
        "events".into(),
        serde_json::to_value(events).unwrap_or(Value::Null),
    );
    serde_json::to_string_pretty(&Value::Object(map)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim::{run_retry, RetryScenario};

    #[test]
    fn events_become_rows_with_a_column_per_field() {
        let run = run_retry(
            &RetryScenario {
                requests: 3,
                ..RetryScenario::default()
            },
            1,
        );
        let csv = to_csv(&run.trace);
        let mut lines = csv.lines();
        let header = lines.next().expect("header");
        for column in ["at", "type", "request", "attempt"] {
            assert!(header.split(',').any(|c| c == column), "{header}");
        }
        assert_eq!(lines.count(), run.trace.len());
        assert!(csv.contains(",issued,"));
    }

    #[test]
    fn cells_are_quoted_when_needed_and_metrics_are_flat() {
        #[derive(Serialize)]
        struct M {
            name: &'static str,
            nested: Inner,
        }
        #[derive(Serialize)]
        struct Inner {
            p50: Option<f64>,
        }
        let csv = metrics_csv(&M {
            name: "a,\"b\"",
            nested: Inner { p50: None },
        });
        assert_eq!(csv, "metric,value\nname,\"a,\"\"b\"\"\"\nnested.p50,\n");
        let json = run_json(sim::Demo::Retry, 3, &1, &2, &[4, 5]);
        let back: Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(back["events"], serde_json::json!([4, 5]));
    }
}
