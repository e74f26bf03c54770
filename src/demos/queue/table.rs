//! The queue charts' numbers as a table, one row per second, for readers
//! who do not see the canvas.

use leptos::prelude::*;
use sim::QueueRun;

/// The value of a step series at `t_ms` (its last point at or before).
fn at(points: &[(f64, f64)], t_ms: f64) -> f64 {
    points
        .iter()
        .take_while(|p| p.0 <= t_ms)
        .last()
        .map_or(0.0, |p| p.1)
}

#[component]
pub fn QueueTable(run: Memo<QueueRun>, span: Memo<f64>) -> impl IntoView {
    view! {
        <details class="data-table">
            <summary>"The charts' numbers as a table (one row per second)"</summary>
            <table>
                <caption>"Consumer lag and running totals"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Time (s)"</th>
                        <th scope="col">"Highest lag"</th>
                        <th scope="col">"Duplicates processed"</th>
                        <th scope="col">"Duplicates suppressed"</th>
                        <th scope="col">"Out of order"</th>
                        <th scope="col">"Late events"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let span_ms = span.get();
                        run.with(|r| {
                            let totals = charts::queue_totals(&r.trace, span_ms);
                            let seconds = (span_ms / 1000.0).ceil() as usize;
                            (1..=seconds.max(1))
                                .map(|k| {
                                    let (from, to) = ((k - 1) as f64 * 1000.0, k as f64 * 1000.0);
                                    let lag = r
                                        .lag
                                        .iter()
                                        .filter(|p| p.t_ms >= from && p.t_ms < to)
                                        .map(|p| p.lag_max)
                                        .max()
                                        .unwrap_or(0);
                                    view! {
                                        <tr>
                                            <td>{k}</td>
                                            <td>{lag}</td>
                                            <td>{at(&totals.duplicates, to)}</td>
                                            <td>{at(&totals.suppressed, to)}</td>
                                            <td>{at(&totals.reordered, to)}</td>
                                            <td>{at(&totals.late, to)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        })
                    }}
                </tbody>
            </table>
        </details>
    }
}
