//! The queue charts' numbers as a table, one row per second, for readers
//! who do not see the canvas.

use leptos::prelude::*;
use sim::QueueRun;

use crate::demos::data_table::DataTable;
use crate::demos::live_run::Shared;

/// The value of a step series at `t_ms` (its last point at or before).
fn at(points: &[(f64, f64)], t_ms: f64) -> f64 {
    points
        .iter()
        .take_while(|p| p.0 <= t_ms)
        .last()
        .map_or(0.0, |p| p.1)
}

/// The rows: one a second, with the highest lag in that second and the
/// running totals at its end.
fn rows(run: &QueueRun, span_ms: f64) -> Vec<Vec<String>> {
    let totals = charts::queue_totals(&run.trace, span_ms);
    let seconds = (span_ms / 1000.0).ceil() as usize;
    (1..=seconds.max(1))
        .map(|k| {
            let (from, to) = ((k - 1) as f64 * 1000.0, k as f64 * 1000.0);
            let lag = run
                .lag
                .iter()
                .filter(|p| p.t_ms >= from && p.t_ms < to)
                .map(|p| p.lag_max)
                .max()
                .unwrap_or(0);
            vec![
                k.to_string(),
                lag.to_string(),
                at(&totals.duplicates, to).to_string(),
                at(&totals.suppressed, to).to_string(),
                at(&totals.reordered, to).to_string(),
                at(&totals.late, to).to_string(),
            ]
        })
        .collect()
}

#[component]
pub fn QueueTable(run: Memo<Shared<QueueRun>>, span: Memo<f64>) -> impl IntoView {
    let rows = Signal::derive(move || {
        let span_ms = span.get();
        run.with(|r| rows(r, span_ms))
    });
    view! {
        <DataTable
            summary="The charts' numbers as a table (one row per second)"
            caption="Consumer lag and running totals"
            columns=&["Time (s)", "Highest lag", "Duplicates processed", "Duplicates suppressed", "Out of order", "Late events"]
            rows
        />
    }
}
