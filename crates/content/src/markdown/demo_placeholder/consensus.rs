//! The consensus demo's placeholder: the cluster at the end of its run,
//! the run's first events in words, and the safety properties as checked.

use page_data::{consensus_story, consensus_summary};
use sim::consensus::{ConsensusScenario, Property};

use super::{figure, legend_html, stats_html, svg, Figure};
use crate::escape::escape_html;

/// Story lines the static picture lists.
const STORY_LINES: usize = 8;

pub(super) fn consensus(seed: u64, scenario: &ConsensusScenario, index: usize) -> String {
    let run = sim::run_consensus(scenario, seed);
    let at = run.end;
    let view = run.view_at(at);
    let chart = svg((560, 420), |area| {
        let flights = charts::ring_flights(&run, at);
        let _ = charts::draw_consensus_ring(area, &view, &flights, charts::Palette::NEUTRAL, 1.0);
    });
    let story: String = consensus_story(&run, run.end)
        .iter()
        .take(STORY_LINES)
        .map(|l| {
            format!(
                "<li><time>{:.3} s</time> {}</li>",
                l.at as f64 / 1e6,
                escape_html(&l.text)
            )
        })
        .collect();
    let safety: String = Property::ALL
        .iter()
        .map(|&p| {
            let (state, word) = match run.violation(p) {
                Some(_) => ("broken", "broken"),
                None => ("held", "held"),
            };
            format!(
                r#"<li data-property="{p:?}" class="{state}">{}: {word} ({})</li>"#,
                escape_html(p.label()),
                escape_html(p.promise())
            )
        })
        .collect();
    let params = format!(
        "{servers} servers; election timeouts {lo} to {hi} ms; heartbeat every {beat} ms; a client command every {client} ms; {loss:.0}% of messages lost; {n} interventions; {rule}; seed {seed}.",
        servers = scenario.servers,
        lo = scenario.election_timeout_min_ms,
        hi = scenario.election_timeout_max_ms,
        beat = scenario.heartbeat_ms,
        client = scenario.client_interval_ms,
        loss = scenario.loss * 100.0,
        n = scenario.interventions.len(),
        rule = if scenario.check_log_on_vote {
            "votes check the candidate's log (Raft)"
        } else {
            "votes do not check the candidate's log (Raft broken on purpose)"
        },
    );
    figure(Figure {
        index,
        demo: sim::Demo::Consensus,
        legend: legend_html(&charts::consensus_legend(charts::Palette::NEUTRAL)),
        charts: vec![(
            chart,
            "The cluster at the end of the default run: servers by role and term, messages in flight",
        )],
        stats: format!(
            r#"<dl class="demo-stats">{}</dl><ol class="consensus-story">{story}</ol><ul class="safety">{safety}</ul>"#,
            stats_html(&consensus_summary(&run, at))
        ),
        params,
        caption: "Consensus demo: Raft elects a leader and replicates its log through crashes and partitions.",
    })
}
