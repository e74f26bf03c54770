//! The contention demo's placeholder: the sweep's two charts.

use page_data::contention_summary;
use sim::ContentionSweep;

use super::{figure, legend_html, stats_html, svg, Figure};

pub(super) fn contention(seed: u64, sweep: &ContentionSweep, index: usize) -> String {
    let results = sweep.run(seed);
    let max = sweep.client_counts().last().copied().unwrap_or(1);
    let chart = |metric| {
        svg((480, 300), |area| {
            let _ = charts::draw_contention_sweep(
                area,
                &results,
                &sweep.strategies,
                max,
                metric,
                charts::Palette::NEUTRAL,
                1.0,
            );
        })
    };
    let names: Vec<&str> = sweep.strategies.iter().map(|p| p.label()).collect();
    let params = format!(
        "{runs} runs per point; {from} to {to} clients in steps of {step}; backoff base {base} ms, cap {cap} ms; strategies: {names}; seed {seed}.",
        runs = sweep.runs,
        from = sweep.clients_from,
        to = sweep.clients_to,
        step = sweep.clients_step,
        base = sweep.base_ms,
        cap = sweep.cap_ms,
        names = names.join(", "),
    );
    figure(Figure {
        index,
        demo: sim::Demo::Contention,
        legend: legend_html(&charts::sweep_legend(
            &sweep.strategies,
            charts::Palette::NEUTRAL,
        )),
        charts: vec![
            (
                chart(charts::SweepMetric::Calls),
                "Work (write calls) against clients, per strategy",
            ),
            (
                chart(charts::SweepMetric::CompletionMs),
                "Completion time against clients, per strategy",
            ),
        ],
        stats: format!(
            r#"<dl class="demo-stats">{}</dl>"#,
            stats_html(&contention_summary(sweep, &results))
        ),
        params,
        caption: "Contention demo: the 2015 backoff-with-jitter experiment, computed in the page.",
    })
}
