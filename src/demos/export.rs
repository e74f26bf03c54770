//! Download buttons for a demo's run: events as CSV, metrics as CSV, and
//! the whole run as JSON.

use leptos::prelude::*;

use super::download::download;

/// Builds each file only when its button is pressed.
#[component]
pub fn ExportButtons(
    /// File name stem, e.g. `retry-seed-42`.
    #[prop(into)]
    stem: Signal<String>,
    events_csv: Callback<(), String>,
    metrics_csv: Callback<(), String>,
    run_json: Callback<(), String>,
) -> impl IntoView {
    let save = move |suffix: &'static str, mime: &'static str, make: Callback<(), String>| {
        move |_| {
            download(
                &format!("{}-{suffix}", stem.get_untracked()),
                mime,
                &make.run(()),
            )
        }
    };
    view! {
        <div class="export" role="group" aria-label="Export this run">
            <button type="button" data-testid="export-events-csv" on:click=save("events.csv", "text/csv", events_csv)>
                "Events (CSV)"
            </button>
            <button type="button" data-testid="export-metrics-csv" on:click=save("metrics.csv", "text/csv", metrics_csv)>
                "Metrics (CSV)"
            </button>
            <button type="button" data-testid="export-json" on:click=save("run.json", "application/json", run_json)>
                "Run (JSON)"
            </button>
        </div>
    }
}
