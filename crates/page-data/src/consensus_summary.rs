//! The headline numbers of a consensus run, up to the playhead where they
//! change with it.

use sim::consensus::ConsensusRun;
use sim::Micros;

use crate::retry_summary::Stat;

/// The numbers shown under the consensus demo at `at`, in order.
pub fn consensus_summary(run: &ConsensusRun, at: Micros) -> Vec<Stat> {
    let view = run.view_at(at);
    let leader = view.leader().map(|l| (l.id, l.term));
    let committed = view.servers.iter().map(|s| s.commit).max().unwrap_or(0);
    let term = view.servers.iter().map(|s| s.term).max().unwrap_or(0);
    let elections = run
        .events
        .iter()
        .take_while(|e| e.at <= at)
        .filter(|e| matches!(e.kind, sim::consensus::RaftEventKind::Candidate))
        .count();
    let messages = run.messages.partition_point(|m| m.sent <= at);
    vec![
        Stat {
            key: "leader",
            label: "Leader",
            value: leader.map_or("none".into(), |(id, t)| format!("S{id} (term {t})")),
        },
        Stat {
            key: "term",
            label: "Highest term",
            value: term.to_string(),
        },
        Stat {
            key: "elections",
            label: "Elections",
            value: elections.to_string(),
        },
        Stat {
            key: "committed",
            label: "Committed entries",
            value: committed.to_string(),
        },
        Stat {
            key: "messages",
            label: "Messages sent",
            value: messages.to_string(),
        },
    ]
}
