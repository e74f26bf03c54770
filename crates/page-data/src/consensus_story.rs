//! A consensus run told in plain language, event by event: who timed out,
//! who won which term with whose votes, what was committed, what the
//! reader did, and when a safety property broke. The demo shows the lines
//! up to its playhead in a live region; the tests read them too.

use std::collections::BTreeSet;

use sim::consensus::{ConsensusRun, Fate, RaftEventKind, Role};
use sim::Micros;

/// One line of the story.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryLine {
    pub at: Micros,
    /// The server it is about (0 for the network or the cluster).
    pub server: u32,
    pub text: String,
}

/// `S1, S2 and S4`.
pub fn server_list(ids: &[u32]) -> String {
    let names: Vec<String> = ids.iter().map(|i| format!("S{i}")).collect();
    match names.as_slice() {
        [] => "nobody".into(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The groups of a partition, as `S1, S2 | S3, S4 and S5`.
pub fn partition_text(groups: &[u32]) -> String {
    let distinct: BTreeSet<u32> = groups.iter().copied().collect();
    distinct
        .iter()
        .map(|&g| {
            let members: Vec<u32> = (1..=groups.len() as u32)
                .filter(|&s| groups[s as usize - 1] == g)
                .collect();
            server_list(&members)
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Every line of `run`'s story up to and including `until`, oldest first.
pub fn consensus_story(run: &ConsensusRun, until: Micros) -> Vec<StoryLine> {
    let mut lines = Vec::new();
    let mut roles = vec![Role::Follower; run.servers as usize];
    let mut up = vec![true; run.servers as usize];
    let mut committed: BTreeSet<u64> = BTreeSet::new();
    let mut violations = run.violations.iter().peekable();
    let mut drops = run.dropped.iter().peekable();
    for e in run.events.iter().take_while(|e| e.at <= until) {
        while let Some(v) = violations.next_if(|v| v.at < e.at) {
            lines.push(violation_line(v));
        }
        while let Some(&(id, at)) = drops.next_if(|(_, at)| *at <= e.at) {
            lines.push(drop_line(run, id, at));
        }
        let s = e.server;
        let text = match &e.kind {
            RaftEventKind::Candidate => Some(format!(
                "S{s} timed out and stood for election in term {}",
                e.term
            )),
            RaftEventKind::Leader { votes } => Some(format!(
                "S{s} is leader for term {} with votes from {}",
                e.term,
                server_list(votes)
            )),
            RaftEventKind::Follower => match roles[s as usize - 1] {
                Role::Leader => Some(format!(
                    "S{s} saw term {} and stepped down as leader",
                    e.term
                )),
                Role::Candidate => Some(format!(
                    "S{s} gave up its candidacy: term {} has a leader or a newer candidate",
                    e.term
                )),
                Role::Follower => None,
            },
            RaftEventKind::Commit { index, command } if committed.insert(*index) => Some(format!(
                "Entry {index} (command {command}) is committed: a majority holds it"
            )),
            RaftEventKind::Truncate { from } => Some(format!(
                "S{s} discarded its entries from {from} on: they conflict with the leader's log"
            )),
            RaftEventKind::Crash => Some(format!("S{s} stopped")),
            RaftEventKind::Restart => Some(format!(
                "S{s} restarted as a follower of term {}, its log intact",
                e.term
            )),
            RaftEventKind::Request {
                command,
                accepted: true,
            } => Some(format!("S{s} took command {command} from a client")),
            RaftEventKind::Request {
                command,
                accepted: false,
            } => Some(if up[s as usize - 1] {
                format!("S{s} refused command {command}: it is not the leader")
            } else {
                format!("Command {command} went unanswered: S{s} is stopped")
            }),
            RaftEventKind::Partition { groups } => {
                Some(format!("The network split: {}", partition_text(groups)))
            }
            RaftEventKind::Heal => {
                Some("The network healed: every server hears every other".into())
            }
            _ => None,
        };
        match e.kind {
            RaftEventKind::Candidate => roles[s as usize - 1] = Role::Candidate,
            RaftEventKind::Leader { .. } => roles[s as usize - 1] = Role::Leader,
            RaftEventKind::Follower => roles[s as usize - 1] = Role::Follower,
            RaftEventKind::Crash => {
                roles[s as usize - 1] = Role::Follower;
                up[s as usize - 1] = false;
            }
            RaftEventKind::Restart => up[s as usize - 1] = true,
            _ => {}
        }
        if let Some(text) = text {
            lines.push(StoryLine {
                at: e.at,
                server: s,
                text,
            });
        }
    }
    for v in violations.take_while(|v| v.at <= until) {
        lines.push(violation_line(v));
    }
    for &(id, at) in drops.take_while(|(_, at)| *at <= until) {
        lines.push(drop_line(run, id, at));
    }
    lines.sort_by_key(|l| l.at);
    lines
}

fn violation_line(v: &sim::consensus::Violation) -> StoryLine {
    StoryLine {
        at: v.at,
        server: 0,
        text: format!("{} broken: {}", v.property.label(), v.detail),
    }
}

fn drop_line(run: &ConsensusRun, id: u64, at: Micros) -> StoryLine {
    let text = match run.messages.get(id as usize) {
        Some(m) if m.fate == Fate::Dropped => format!(
            "You dropped a {} from S{} to S{}",
            m.body.label(),
            m.from,
            m.to
        ),
        _ => format!("You dropped message {id}"),
    };
    StoryLine {
        at,
        server: 0,
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim::consensus::{run_consensus, ConsensusScenario, Intervention};

    #[test]
    fn the_story_names_the_election_and_the_winner() {
        let run = run_consensus(&ConsensusScenario::default(), 1);
        let story = consensus_story(&run, run.end);
        let first = story
            .iter()
            .position(|l| l.text.contains("stood for election"));
        let won = story
            .iter()
            .position(|l| l.text.contains("is leader for term 1"));
        assert!(first < won && won.is_some(), "{story:#?}");
        assert!(story.iter().any(|l| l.text.contains("is committed")));
        assert!(story.windows(2).all(|w| w[0].at <= w[1].at));
    }

    #[test]
    fn the_readers_actions_are_told() {
        let s = ConsensusScenario {
            interventions: vec![
                Intervention::Partition {
                    at_ms: 1000.0,
                    groups: vec![1, 1, 2, 2, 2],
                },
                Intervention::Heal { at_ms: 2000.0 },
                Intervention::Crash {
                    at_ms: 2500.0,
                    server: 3,
                },
            ],
            ..ConsensusScenario::default()
        };
        let run = run_consensus(&s, 2);
        let text: Vec<String> = consensus_story(&run, run.end)
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert!(text.contains(&"The network split: S1 and S2 | S3, S4 and S5".to_string()));
        assert!(text.iter().any(|t| t.starts_with("The network healed")));
        assert!(text.contains(&"S3 stopped".to_string()));
    }

    #[test]
    fn lists_read_as_english() {
        assert_eq!(server_list(&[1]), "S1");
        assert_eq!(server_list(&[1, 2, 4]), "S1, S2 and S4");
        assert_eq!(partition_text(&[0, 0, 1]), "S1 and S2 | S3");
    }
}
