//! The queue demo's placeholder: the flow picture of its default run.

use page_data::queue_summary;
use sim::QueueScenario;

use super::{figure, legend_html, stats_html, svg, Figure};

pub(super) fn queue(seed: u64, scenario: &QueueScenario, index: usize) -> String {
    let run = sim::run_queue_traced(scenario, seed);
    let span = charts::queue_span_ms(&run.trace, scenario.duration_ms);
    let lag = charts::lag_points(&run.lag);
    let totals = charts::queue_totals(&run.trace, span);
    let lag_max = lag.iter().map(|p| p.1).fold(1.0, f64::max) * 1.1;
    let lag_chart = svg((480, 260), |area| {
        let _ = charts::draw_time_lines(
            area,
            charts::TimeFrame {
                span_ms: span,
                y_max: lag_max,
                y_desc: "messages",
                until_ms: span,
            },
            &[charts::Line {
                label: "consumer lag",
                color: charts::Palette::NEUTRAL.first_try,
                points: &lag,
            }],
            charts::Palette::NEUTRAL,
            1.0,
        );
    });
    let totals_chart = svg((480, 260), |area| {
        let _ = charts::draw_time_lines(
            area,
            charts::TimeFrame {
                span_ms: span,
                y_max: totals.max() * 1.1 + 1.0,
                y_desc: "count",
                until_ms: span,
            },
            &totals.lines(charts::Palette::NEUTRAL),
            charts::Palette::NEUTRAL,
            1.0,
        );
    });
    let params = format!(
        "{rate} messages/s for {duration} s over {keys} keys and {partitions} partitions; {consumers} consumers taking {work} ms typical per message, crash probability {crash}, ack timeout {ack} ms, idempotency store {store}; {late:.0}% of events arrive late, {lateness} ms allowed lateness, late events {late_policy}; seed {seed}.",
        rate = scenario.producer_rate,
        duration = scenario.duration_ms / 1000.0,
        keys = scenario.keys,
        partitions = scenario.partitions,
        consumers = scenario.consumers,
        work = scenario.processing.typical_ms(),
        crash = scenario.crash_probability,
        ack = scenario.ack_timeout_ms,
        store = if scenario.idempotency_store { "on" } else { "off" },
        late = scenario.late_probability * 100.0,
        lateness = scenario.allowed_lateness_ms,
        late_policy = if scenario.drop_late { "dropped" } else { "accepted" },
    );
    figure(Figure {
        index,
        demo: sim::Demo::Queue,
        legend: legend_html(&charts::queue_totals_legend(charts::Palette::NEUTRAL)),
        charts: vec![
            (lag_chart, "Consumer lag over time, default run"),
            (totals_chart, "Duplicates, reorders and late events so far, default run"),
        ],
        stats: format!(
            r#"<dl class="demo-stats">{}</dl>"#,
            stats_html(&queue_summary(&run))
        ),
        params,
        caption: "Queue demo: at-least-once delivery through partitions, with crashes, redeliveries and late events.",
    })
}
