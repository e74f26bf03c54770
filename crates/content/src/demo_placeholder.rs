//! A demo before the wasm runs: the chart of its default run (drawn by the
//! same plotters code as the live canvas, to SVG), its headline numbers
//! (the same `data-stat` keys the live demo shows), and its parameters in
//! text. Readable without JavaScript.

use page_data::{
    breaker_summary, contention_summary, retry_summary, storm_summary, DemoSpec, Stat,
};
use plotters::prelude::*;
use sim::{BreakerScenario, ContentionSweep, RetryScenario, StormScenario};

use crate::escape::escape_html;

/// The placeholder of demo number `index` on its page.
pub fn demo_placeholder(spec: &DemoSpec, index: usize) -> String {
    match spec {
        DemoSpec::Retry { seed, scenario } => retry(*seed, scenario, index),
        DemoSpec::Storm { seed, scenario } => storm(*seed, scenario, index),
        DemoSpec::Breaker { seed, scenario } => breaker(*seed, scenario, index),
        DemoSpec::Contention { seed, scenario } => contention(*seed, scenario, index),
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
