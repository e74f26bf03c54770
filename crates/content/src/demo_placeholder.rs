//! A demo before the wasm runs: the chart of its default run (drawn by the
//! same plotters code as the live canvas, to SVG), its headline numbers
//! (the same `data-stat` keys the live demo shows), and its parameters in
//! text. Readable without JavaScript.

use page_data::{
    both_recoveries, breaker_summary, contention_summary, deep_space_summary, queue_summary,
    retry_summary, storm_summary, DemoSpec, Stat,
};
use plotters::prelude::*;
use sim::{
    BreakerScenario, ContentionSweep, DeepSpaceScenario, QueueScenario, Recovery, RetryScenario,
    StormScenario,
};

use crate::escape::escape_html;

/// The placeholder of demo number `index` on its page.
pub fn demo_placeholder(spec: &DemoSpec, index: usize) -> String {
    match spec {
        DemoSpec::Retry { seed, scenario } => retry(*seed, scenario, index),
        DemoSpec::Storm { seed, scenario } => storm(*seed, scenario, index),
        DemoSpec::Breaker { seed, scenario } => breaker(*seed, scenario, index),
        DemoSpec::Contention { seed, scenario } => contention(*seed, scenario, index),
        DemoSpec::Queue { seed, scenario } => queue(*seed, scenario, index),
        DemoSpec::DeepSpace { seed, scenario } => deep_space(*seed, scenario, index),
    }
}

/// An SVG of `size` drawn by `draw` (a chart that fails to draw leaves an
/// empty picture; the numbers and text still stand).
fn svg(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>),
) -> String {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw(&area);
    }
    out
}

/// A chart's legend in HTML (SVG swatches: no inline styles).
fn legend_html(items: &[(&str, plotters::style::RGBColor)]) -> String {
    let items: String = items
        .iter()
        .map(|(label, color)| {
            format!(
                r#"<li><svg width="14" height="10" aria-hidden="true"><rect width="14" height="10" rx="2" fill="{}"></rect></svg>{}</li>"#,
                charts::css_color(*color),
                escape_html(label)
            )
        })
        .collect();
    format!(r#"<ul class="legend">{items}</ul>"#)
}

fn stats_html(stats: &[Stat]) -> String {
    stats
        .iter()
        .map(|s| {
            format!(
                r#"<div><dt>{}</dt><dd data-stat="{}">{}</dd></div>"#,
                escape_html(s.label),
                s.key,
                escape_html(&s.value)
            )
        })
        .collect()
}

struct Figure<'a> {
    index: usize,
    name: &'a str,
    /// HTML before the charts (a legend), or empty.
    legend: String,
    charts: Vec<(String, &'a str)>,
    stats: String,
    params: String,
    caption: &'a str,
}

fn figure(f: Figure<'_>) -> String {
    let charts: String = f
        .charts
        .iter()
        .map(|(svg, label)| {
            format!(
                r#"<div class="chart" role="img" aria-label="{}">{svg}</div>"#,
                escape_html(label)
            )
        })
        .collect();
    format!(
        r#"<figure class="demo" id="demo-{index}" data-demo="{name}"><div class="demo-static">{legend}{charts}{stats}<p class="demo-params">{params}</p><p class="demo-note">A static picture of the default run; the interactive demo loads with the page's WebAssembly.</p></div><figcaption>{caption}</figcaption></figure>"#,
        index = f.index,
        name = f.name,
        legend = f.legend,
        stats = f.stats,
        params = escape_html(&f.params),
        caption = escape_html(f.caption),
    )
}

fn retry(seed: u64, scenario: &RetryScenario, index: usize) -> String {
    let run = sim::run_retry(scenario, seed);
    let chart = svg((640, 300), |area| {
        let _ = charts::draw_latency_histogram(area, &run, charts::Palette::NEUTRAL, 1.0);
    });
    let c = &scenario.client;
    let params = format!(
        "{requests} requests, one every {interval} ms; link latency {latency} ms one way ({kind}), loss {loss}; server failure rate {failure}; {policy}, base {base} ms, cap {cap} ms, up to {attempts} attempts, timeout {timeout} ms; seed {seed}.",
        requests = scenario.requests,
        interval = scenario.interval_ms,
        latency = scenario.link.latency.typical_ms(),
        kind = sim::Delay::kind_label(scenario.link.latency.kind()),
        loss = scenario.link.loss,
        failure = scenario.server.failure_rate,
        policy = c.backoff.label(),
        base = c.base_ms,
        cap = c.cap_ms,
        attempts = c.max_attempts,
        timeout = c.timeout_ms,
    );
    figure(Figure {
        index,
        name: "retry",
        legend: String::new(),
        charts: vec![(chart, "Latency of successful requests, default run")],
        stats: format!(
            r#"<dl class="demo-stats">{}</dl>"#,
            stats_html(&retry_summary(&run.stats))
        ),
        params,
        caption: "Retry demo: requests, timeouts and retries across a lossy link.",
    })
}

fn storm(seed: u64, scenario: &StormScenario, index: usize) -> String {
    let run = sim::run_storm(scenario, seed);
    let rates = charts::storm_rates(&run.series, scenario.bucket_ms);
    let outages: Vec<(f64, f64)> = scenario
        .server
        .outages
        .iter()
        .map(|w| (w.start_ms, w.end_ms))
        .collect();
    let chart = svg((640, 320), |area| {
        let _ = charts::draw_storm_series(
            area,
            &rates,
            charts::StormAxes::fit(scenario.duration_ms, &[&rates]),
            f64::MAX,
            &outages,
            "As configured",
            charts::Palette::NEUTRAL,
            1.0,
        );
    });
    let c = &scenario.client;
    let s = &scenario.server;
    let blips: Vec<String> = outages
        .iter()
        .map(|(a, b)| format!("{:.1}-{:.1} s", a / 1000.0, b / 1000.0))
        .collect();
    let params = format!(
        "{rate} requests/s for {duration} s; server: {workers} workers, queue of {queue}, service {service} ms typical, failure rate {failure}; outage {blips}; client: {policy}, up to {attempts} attempts, timeout {timeout} ms{budget}{breaker}; seed {seed}.",
        rate = scenario.arrival_rate,
        duration = scenario.duration_ms / 1000.0,
        workers = s.concurrency,
        queue = s.queue_capacity,
        service = s.service.typical_ms(),
        failure = s.failure_rate,
        blips = if blips.is_empty() { "none".to_string() } else { blips.join(", ") },
        policy = c.backoff.label(),
        attempts = c.max_attempts,
        timeout = c.timeout_ms,
        budget = c.retry_budget.map_or(String::new(), |b| format!(", retry budget {:.0}%", b.ratio * 100.0)),
        breaker = if c.breaker.is_some() { ", circuit breaker" } else { "" },
    );
    figure(Figure {
        index,
        name: "storm",
        legend: legend_html(&charts::storm_legend(charts::Palette::NEUTRAL)),
        charts: vec![(
            chart,
            "Offered load, attempts, goodput and queue over time, default run",
        )],
        stats: format!(
            r#"<dl class="demo-stats" data-run="configured">{}</dl>"#,
            stats_html(&storm_summary(&run))
        ),
        params,
        caption:
            "Storm demo: retries against a server of finite capacity, before and after a blip.",
    })
}

fn breaker(seed: u64, scenario: &BreakerScenario, index: usize) -> String {
    let run = sim::run_breaker(scenario, seed);
    let span_ms = f64::from(scenario.requests) * scenario.interval_ms;
    let end = sim::ms_to_micros(span_ms);
    let outages: Vec<(f64, f64)> = scenario
        .outages
        .iter()
        .map(|w| (w.start_ms, w.end_ms))
        .collect();
    let chart = svg((640, 240), |area| {
        let _ = charts::draw_breaker_timeline(
            area,
            &run,
            span_ms,
            end,
            &outages,
            charts::Palette::NEUTRAL,
            1.0,
        );
    });
    let b = &scenario.breaker;
    let blips: Vec<String> = outages
        .iter()
        .map(|(a, z)| format!("{:.1}-{:.1} s", a / 1000.0, z / 1000.0))
        .collect();
    let params = format!(
        "{requests} calls, one every {interval} ms, timeout {timeout} ms; the dependency fails {failure} of calls and is down {blips}; the breaker opens at {threshold:.0}% failures over the last {window} calls (at least {min_calls}), cools down for {cooldown} ms, then lets {probes} probe calls through; seed {seed}.",
        requests = scenario.requests,
        interval = scenario.interval_ms,
        timeout = scenario.timeout_ms,
        failure = scenario.failure_rate,
        blips = if blips.is_empty() { "never".to_string() } else { blips.join(", ") },
        threshold = b.failure_threshold * 100.0,
        window = b.window,
        min_calls = b.min_calls,
        cooldown = b.cooldown_ms,
        probes = b.half_open_probes,
    );
    figure(Figure {
        index,
        name: "breaker",
        legend: String::new(),
        charts: vec![(
            chart,
            "Calls by outcome over time, with the breaker's state, default run",
        )],
        stats: format!(
            r#"<dl class="demo-stats">{}</dl>"#,
            stats_html(&breaker_summary(&run, end))
        ),
        params,
        caption: "Breaker demo: a circuit breaker in front of a dependency that goes down.",
    })
}

fn contention(seed: u64, sweep: &ContentionSweep, index: usize) -> String {
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
        name: "contention",
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

fn queue(seed: u64, scenario: &QueueScenario, index: usize) -> String {
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
        name: "queue",
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

fn deep_space(seed: u64, scenario: &DeepSpaceScenario, index: usize) -> String {
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
        name: "deep-space",
        legend: legend_html(&[("end to end", palette.retried), ("custody", palette.ok)]),
        charts: vec![(chart, "Messages delivered over time, end to end and with custody, default run")],
        stats: format!(
            r#"<table class="demo-compare"><thead><tr><th scope="col">Measure</th><th scope="col">End to end</th><th scope="col">Custody at each hop</th></tr></thead><tbody>{body}</tbody></table>"#
        ),
        params,
        caption: "Deep-space demo: end-to-end retransmission against store-and-forward with custody transfer.",
    })
}
