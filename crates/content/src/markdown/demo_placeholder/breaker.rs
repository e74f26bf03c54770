//! The breaker demo's placeholder: its default run's outcomes and states.

use page_data::breaker_summary;
use sim::BreakerScenario;

use super::{figure, stats_html, svg, Figure};

pub(super) fn breaker(seed: u64, scenario: &BreakerScenario, index: usize) -> String {
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
        demo: sim::Demo::Breaker,
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
