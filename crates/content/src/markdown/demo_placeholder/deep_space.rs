//! The deep-space demo's placeholder: both ways over the path, side by side.

use page_data::{both_recoveries, deep_space_summary, Stat};
use sim::{DeepSpaceScenario, Recovery};

use super::{figure, legend_html, svg, Figure};
use crate::escape::escape_html;

pub(super) fn deep_space(seed: u64, scenario: &DeepSpaceScenario, index: usize) -> String {
    let runs = both_recoveries(scenario, seed);
    let points: Vec<Vec<(f64, f64)>> = runs
        .iter()
        .map(|r| charts::delivery_points(&r.trace))
        .collect();
    let span = runs.iter().map(|r| r.finished_ms).fold(1.0, f64::max);
    let palette = charts::Palette::NEUTRAL;
    let chart = svg((640, 260), |area| {
        let _ = charts::draw_time_lines(
            area,
            charts::TimeFrame {
                span_ms: span,
                y_max: f64::from(scenario.messages) * 1.05,
                y_desc: "delivered",
                until_ms: span,
            },
            &[
                charts::Line {
                    label: "end to end",
                    color: palette.retried,
                    points: &points[0],
                },
                charts::Line {
                    label: "custody",
                    color: palette.ok,
                    points: &points[1],
                },
            ],
            palette,
            1.0,
        );
    });
    let rows: Vec<(Stat, Stat)> = deep_space_summary(&runs[0], scenario, Recovery::EndToEnd)
        .into_iter()
        .zip(deep_space_summary(&runs[1], scenario, Recovery::Custody))
        .collect();
    let body: String = rows
        .iter()
        .map(|(a, b)| {
            format!(
                r#"<tr><th scope="row">{}</th><td data-run="end_to_end" data-stat="{}">{}</td><td data-run="custody" data-stat="{}">{}</td></tr>"#,
                escape_html(a.label), a.key, escape_html(&a.value), b.key, escape_html(&b.value)
            )
        })
        .collect();
    let hops: Vec<String> = scenario
        .hops
        .iter()
        .map(|h| {
            let blackout = if h.blackouts.is_empty() {
                String::new()
            } else {
                format!(", {} blackout window(s)", h.blackouts.len())
            };
            format!(
                "{} one way, loss {:.0}%{blackout}",
                charts::light_time_label(h.light_ms),
                h.loss * 100.0
            )
        })
        .collect();
    let params = format!(
        "{messages} messages of {bytes} bytes, one every {interval} s; hops: {hops}; timeout {factor} round trips; seed {seed}.",
        messages = scenario.messages,
        bytes = scenario.message_bytes,
        interval = scenario.interval_ms / 1000.0,
        hops = hops.join("; "),
        factor = scenario.timeout_factor,
    );
    figure(Figure {
        index,
        demo: sim::Demo::DeepSpace,
        legend: legend_html(&[("end to end", palette.retried), ("custody", palette.ok)]),
        charts: vec![(chart, "Messages delivered over time, end to end and with custody, default run")],
        stats: format!(
            r#"<table class="demo-compare"><thead><tr><th scope="col">Measure</th><th scope="col">End to end</th><th scope="col">Custody at each hop</th></tr></thead><tbody>{body}</tbody></table>"#
        ),
        params,
        caption: "Deep-space demo: end-to-end retransmission against store-and-forward with custody transfer.",
    })
}
