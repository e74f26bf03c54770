//! Printing runs as JSON or CSV.

use serde_json::{json, Value};
use sim::{ContentionRun, ContentionSummary, RetryRun, StormRun, StormVerdict};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
}

/// The scalar metrics of one run, in a stable column order.
pub type Row = Vec<(&'static str, Value)>;

fn request_columns(seed: u64, events: u64, end: Value, stats: &sim::RequestStats) -> Row {
    vec![
        ("seed", json!(seed)),
        ("end", end),
        ("events", json!(events)),
        ("requests", json!(stats.requests)),
        ("succeeded", json!(stats.succeeded)),
        ("failed", json!(stats.failed)),
        ("success_rate", json!(stats.success_rate())),
        ("attempts", json!(stats.attempts)),
        ("attempts_per_request", json!(stats.attempts_per_request())),
        ("shed", json!(stats.shed)),
        ("timed_out", json!(stats.timed_out)),
        ("p50_ms", json!(stats.p50_ms)),
        ("p90_ms", json!(stats.p90_ms)),
        ("p99_ms", json!(stats.p99_ms)),
        ("max_ms", json!(stats.max_ms)),
    ]
}

pub fn retry_row(run: &RetryRun) -> Row {
    request_columns(run.seed, run.events, json!(run.end), &run.stats)
}

/// A breaker run: a retry run's columns and how often the breaker turned
/// away a request or changed state.
pub fn breaker_row(run: &RetryRun) -> Row {
    let mut row = retry_row(run);
    row.push(("breaker_rejected", json!(run.stats.breaker_rejected)));
    row.push(("breaker_transitions", json!(run.breaker.len())));
    row
}

/// A consensus run: elections, leaders, commands and messages, and how
/// many safety properties broke.
pub fn consensus_row(run: &sim::ConsensusRun) -> Row {
    let s = &run.stats;
    vec![
        ("seed", json!(run.seed)),
        ("end", json!(run.end)),
        ("servers", json!(run.servers)),
        ("elections", json!(s.elections)),
        ("leaders", json!(s.leaders)),
        (
            "first_leader_ms",
            json!(s.first_leader_at.map(sim::micros_to_ms)),
        ),
        ("max_term", json!(s.max_term)),
        ("accepted", json!(s.accepted)),
        ("committed", json!(s.committed)),
        ("messages", json!(s.messages)),
        ("undelivered", json!(s.undelivered)),
        ("safety_checks", json!(s.checks)),
        ("violations", json!(run.violations.len())),
    ]
}

/// The run's event log as JSON lines: role changes, commits, crashes and
/// restarts, each with `t_ms`, `server`, `kind` and `term` (and `index` and
/// `command` for a commit), for checking a run with one's own script.
pub fn print_consensus_events(run: &sim::ConsensusRun) {
    use sim::consensus::RaftEventKind as K;
    for e in &run.events {
        let (kind, extra) = match &e.kind {
            K::Follower => ("follower", None),
            K::Candidate => ("candidate", None),
            K::Leader { .. } => ("leader", None),
            K::Commit { index, command } => ("commit", Some((*index, *command))),
            K::Crash => ("crash", None),
            K::Restart => ("restart", None),
            _ => continue,
        };
        let mut line = json!({
            "t_ms": sim::micros_to_ms(e.at),
            "server": e.server,
            "kind": kind,
            "term": e.term,
        });
        if let Some((index, command)) = extra {
            line["index"] = json!(index);
            line["command"] = json!(command);
        }
        println!("{line}");
    }
}

pub fn storm_row(run: &StormRun) -> Row {
    let mut row = request_columns(run.seed, run.events, json!(run.end), &run.stats);
    let (verdict, after) = match run.verdict {
        StormVerdict::NoBlip => ("no_blip", None),
        StormVerdict::Recovered { after_ms } => ("recovered", Some(after_ms)),
        StormVerdict::Metastable => ("metastable", None),
    };
    row.push(("verdict", json!(verdict)));
    row.push(("recovered_after_ms", json!(after)));
    row.push(("breaker_transitions", json!(run.breaker.len())));
    row
}

pub fn contention_row(run: &ContentionRun) -> Row {
    vec![
        ("seed", json!(run.seed)),
        ("end", json!(run.end)),
        ("events", json!(run.events)),
        ("completion_ms", json!(run.completion_ms)),
        ("calls", json!(run.calls)),
        ("done", json!(run.done)),
    ]
}

fn csv_cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Prints rows: a JSON array (one object per run), or CSV with a header.
pub fn print_rows(rows: &[Row], format: Format) {
    match format {
        Format::Json => {
            let runs: Vec<Value> = rows
                .iter()
                .map(|r| Value::Object(r.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()))
                .collect();
            println!("{}", Value::Array(runs));
        }
        Format::Csv => {
            if let Some(first) = rows.first() {
                let header: Vec<&str> = first.iter().map(|(k, _)| *k).collect();
                println!("{}", header.join(","));
            }
            for row in rows {
                let cells: Vec<String> = row.iter().map(|(_, v)| csv_cell(v)).collect();
                println!("{}", cells.join(","));
            }
        }
    }
}

/// Prints the contention summary (means and standard deviations).
pub fn print_contention_summary(summary: &ContentionSummary, format: Format) {
    match format {
        Format::Json => println!("{}", json!(summary)),
        Format::Csv => {
            println!("clients,strategy,runs,seed,completion_ms_mean,completion_ms_sd,calls_mean,calls_sd,budget_exceeded");
            println!(
                "{},{},{},{},{},{},{},{},{}",
                summary.clients,
                summary.strategy.key(),
                summary.runs,
                summary.seed,
                summary.completion_ms.mean,
                summary.completion_ms.sd,
                summary.calls.mean,
                summary.calls.sd,
                summary.budget_exceeded
            );
        }
    }
}

/// One bucket of a storm's time series.
pub fn series_row(p: &sim::SeriesPoint) -> Row {
    vec![
        ("t_ms", json!(p.t_ms)),
        ("issued", json!(p.issued)),
        ("attempts", json!(p.attempts)),
        ("succeeded", json!(p.succeeded)),
        ("failed", json!(p.failed)),
        ("shed", json!(p.shed)),
        ("timed_out", json!(p.timed_out)),
        ("queue_max", json!(p.queue_max)),
        ("breaker", json!(p.breaker)),
    ]
}

pub fn queue_row(run: &sim::QueueRun) -> Row {
    let st = &run.stats;
    vec![
        ("seed", json!(run.seed)),
        ("end", json!(run.end)),
        ("events", json!(run.events)),
        ("produced", json!(st.produced)),
        ("processed_once", json!(st.processed_once)),
        ("duplicates_processed", json!(st.duplicates_processed)),
        ("duplicates_suppressed", json!(st.duplicates_suppressed)),
        ("out_of_order", json!(st.out_of_order)),
        ("late_dropped", json!(st.late_dropped)),
        ("late_accepted", json!(st.late_accepted)),
        ("redeliveries", json!(st.redeliveries)),
        ("crashes", json!(st.crashes)),
        ("unacked", json!(st.unacked)),
        ("max_lag", json!(run.lag.iter().map(|p| p.lag_max).max())),
        ("p50_latency_ms", json!(st.p50_latency_ms)),
        ("p99_latency_ms", json!(st.p99_latency_ms)),
    ]
}

pub fn deep_space_row(run: &sim::DeepSpaceRun) -> Row {
    vec![
        ("seed", json!(run.seed)),
        ("end", json!(run.end)),
        ("events", json!(run.events)),
        ("delivered", json!(run.delivered)),
        ("p50_delivery_ms", json!(run.p50_delivery_ms)),
        ("p99_delivery_ms", json!(run.p99_delivery_ms)),
        ("max_delivery_ms", json!(run.max_delivery_ms)),
        ("transmissions", json!(run.transmissions)),
        ("bytes_sent", json!(run.bytes_sent)),
        ("bytes_per_delivered", json!(run.bytes_per_delivered)),
        ("finished_ms", json!(run.finished_ms)),
    ]
}
