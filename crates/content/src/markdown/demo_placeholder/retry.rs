//! The retry demo's placeholder: the latency histogram of its default run.

use page_data::retry_summary;
use sim::RetryScenario;

use super::{figure, legend_html, stats_html, svg, Figure};

pub(super) fn retry(seed: u64, scenario: &RetryScenario, index: usize) -> String {
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
        demo: sim::Demo::Retry,
        legend: legend_html(&charts::latency_legend(charts::Palette::NEUTRAL)),
        charts: vec![(chart, "Latency of successful requests, default run")],
        stats: format!(
            r#"<dl class="demo-stats">{}</dl>"#,
            stats_html(&retry_summary(&run.stats))
        ),
        params,
        caption: "Retry demo: requests, timeouts and retries across a lossy link.",
    })
}
