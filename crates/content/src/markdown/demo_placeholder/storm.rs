//! The storm demo's placeholder: load, goodput and queue of its default run.

use page_data::storm_summary;
use sim::StormScenario;

use super::{figure, legend_html, stats_html, svg, Figure};

pub(super) fn storm(seed: u64, scenario: &StormScenario, index: usize) -> String {
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
        demo: sim::Demo::Storm,
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
