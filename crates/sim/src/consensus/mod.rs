//! Consensus: Raft's leader election and log replication under crashes,
//! restarts, partitions and lost messages.
//!
//! - [`scenario`]: the cluster, the network and the interventions;
//! - `engine`: the servers' rules and the event loop;
//! - `safety`: Raft's four safety properties, checked on every step;
//! - [`replay`]: the cluster at any moment, rebuilt from the events.

mod engine;
mod flat_kinds;
mod node;
pub mod replay;
mod run;
mod safety;
pub mod scenario;

pub use crate::delay::Delay;
pub use engine::{run_consensus, CONSENSUS_MESSAGE_BUDGET};
pub use replay::{ClusterView, Replay, ServerView};
pub use run::{
    ConsensusRun, ConsensusStats, Fate, MessageBody, MessageRecord, Property, RaftEvent,
    RaftEventKind, Role, Violation,
};
pub use scenario::{ConsensusScenario, Intervention, MAX_INTERVENTIONS};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_elects_one_leader_and_commits_everywhere() {
        let run = run_consensus(&ConsensusScenario::default(), 1);
        assert!(run.violations.is_empty(), "{:?}", run.violations);
        let first = run.stats.first_leader_at.expect("a leader");
        assert!(first < 1_000_000, "first leader at {first} µs");
        let end = run.view_at(run.end);
        assert!(end.led());
        let leader = end.leader().expect("a leader at the end");
        assert!(leader.commit >= 15, "{}", leader.commit);
        for s in &end.servers {
            assert!(s.commit + 2 >= leader.commit, "S{} lags", s.id);
        }
    }

    #[test]
    fn a_run_is_a_function_of_scenario_and_seed() {
        let s = ConsensusScenario::default();
        assert_eq!(run_consensus(&s, 3), run_consensus(&s, 3));
        assert_ne!(run_consensus(&s, 3), run_consensus(&s, 4));
    }

    #[test]
    fn acting_at_a_moment_leaves_history_before_it_unchanged() {
        let s = ConsensusScenario::default();
        let base = run_consensus(&s, 5);
        let at = 4_000_000;
        let forked = run_consensus(
            &s.fork_with(Intervention::Crash {
                at_ms: 4000.0,
                server: 2,
            }),
            5,
        );
        let before = |r: &ConsensusRun| r.events.iter().take_while(|e| e.at < at).count();
        assert_eq!(
            base.events[..before(&base)],
            forked.events[..before(&forked)]
        );
        assert_ne!(base.events, forked.events);
    }
}
