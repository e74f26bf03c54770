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

/// How many times each safety property (in [`Property::ALL`]'s order) had
/// been checked by `at`: the checker looks at election safety and leader
/// completeness when a leader is elected, leader completeness and state
/// machine safety when a server commits an entry (leader completeness only
/// at its first commit anywhere), and log matching whenever a log changes
/// (once per server per step).
pub fn safety_checks(run: &ConsensusRun, at: Micros) -> [u64; 4] {
    use sim::consensus::RaftEventKind as K;
    let mut counts = [0u64; 4];
    let mut first_commits = std::collections::BTreeSet::new();
    let mut last_change: Option<(Micros, u32)> = None;
    for e in run.events.iter().take_while(|e| e.at <= at) {
        match e.kind {
            K::Leader { .. } => {
                counts[0] += 1;
                counts[2] += 1;
            }
            K::Commit { index, .. } => {
                counts[3] += 1;
                if first_commits.insert(index) {
                    counts[2] += 1;
                }
            }
            K::Append { .. } | K::Truncate { .. } if last_change != Some((e.at, e.server)) => {
                counts[1] += 1;
                last_change = Some((e.at, e.server));
            }
            _ => {}
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim::consensus::{run_consensus, ConsensusScenario};

    #[test]
    fn checks_grow_with_the_playhead() {
        let run = run_consensus(&ConsensusScenario::default(), 1);
        let early = safety_checks(&run, 1_000_000);
        let late = safety_checks(&run, run.end);
        assert!(early.iter().zip(late).all(|(a, b)| *a <= b));
        assert!(late.iter().all(|&n| n > 0), "{late:?}");
        assert_eq!(late[0], u64::from(run.stats.leaders));
    }
}
