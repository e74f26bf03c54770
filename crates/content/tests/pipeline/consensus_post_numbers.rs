//! "Leader election is a timeout and a vote" states what its two consensus
//! demos do; each number is checked here against the sim, run from the
//! post's own demo blocks.

use crate::common::post_claims;

use page_data::consensus_story;
use post_claims::{claim, PostUnderTest};
use sim::consensus::{run_consensus, ConsensusRun, ConsensusScenario, Property, RaftEventKind};
use sim::{ms_to_micros, Micros};

fn ms(us: Micros) -> f64 {
    us as f64 / 1000.0
}

/// When `server` first did something matching `kind` at or after `from`.
fn first(
    run: &ConsensusRun,
    from: Micros,
    server: u32,
    kind: fn(&RaftEventKind) -> bool,
) -> Micros {
    run.events
        .iter()
        .find(|e| e.at >= from && e.server == server && kind(&e.kind))
        .map(|e| e.at)
        .unwrap_or_else(|| panic!("S{server} never did it after {from} µs"))
}

fn is_candidate(k: &RaftEventKind) -> bool {
    matches!(k, RaftEventKind::Candidate)
}
fn is_leader(k: &RaftEventKind) -> bool {
    matches!(k, RaftEventKind::Leader { .. })
}
fn is_follower(k: &RaftEventKind) -> bool {
    matches!(k, RaftEventKind::Follower)
}

#[test]
fn leader_election_is_a_timeout_and_a_vote() {
    let post = PostUnderTest::load("leader-election-is-a-timeout-and-a-vote");
    let demos = post.consensus();
    assert_eq!(demos.len(), 2, "two consensus demos");

    // The partition.
    let (seed, scenario) = &demos[0];
    let run = run_consensus(scenario, *seed);
    assert!(run.violations.is_empty(), "{:?}", run.violations);
    let s2_leads = first(&run, 0, 2, is_leader);
    let votes = run.events.iter().find_map(|e| match &e.kind {
        RaftEventKind::Leader { votes } if e.server == 2 => Some(votes.clone()),
        _ => None,
    });
    assert_eq!(votes, Some(vec![1, 2, 3]), "votes from S1, S2 and S3");
    let s4_times_out = first(&run, 0, 4, is_candidate);
    let split = ms_to_micros(3000.0);
    let heal = ms_to_micros(6000.0);
    let s1_leads = first(&run, split, 1, is_leader);
    let s2_steps_down = first(&run, heal, 2, is_follower);
    let s2_term = run
        .events
        .iter()
        .find(|e| e.at == s1_leads && e.server == 1)
        .map(|e| e.term);
    assert_eq!(s2_term, Some(2), "S1 leads term 2");
    let story: Vec<String> = consensus_story(&run, run.end)
        .into_iter()
        .map(|l| l.text)
        .collect();
    assert!(
        story.contains(&"S2 took command 8 from a client".to_string()),
        "{story:#?}"
    );
    assert!(story.contains(
        &"S2 discarded its entries from 6 on: they conflict with the leader's log".to_string()
    ));
    let applied_7 = run
        .events
        .iter()
        .any(|e| matches!(e.kind, RaftEventKind::Commit { command: 8, .. }));
    assert!(!applied_7, "no server applies command 8");

    // The broken rule, and the rule put back.
    let (seed, broken) = &demos[1];
    assert_eq!(
        broken.interventions,
        ConsensusScenario::lost_entry().interventions,
        "the demo's preset"
    );
    let run = run_consensus(broken, *seed);
    let heal = ms_to_micros(3000.0);
    let completeness = run.violation(Property::LeaderCompleteness).expect("broken");
    let smr = run.violation(Property::StateMachineSafety).expect("broken");
    let s4_leads = first(&run, heal, 4, is_leader);
    let s4_log = run.view_at(heal).servers[3].log.len();
    let committed_before = run
        .events
        .iter()
        .filter(|e| e.at < heal)
        .filter_map(|e| match e.kind {
            RaftEventKind::Commit { index, .. } => Some(index),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    assert_eq!(completeness.at, s4_leads);
    assert!(
        completeness.detail.contains("without committed entry 5"),
        "{}",
        completeness.detail
    );
    assert!(
        smr.detail
            .contains("command 16 at index 5, where command 5"),
        "{}",
        smr.detail
    );
    let fixed = run_consensus(
        &ConsensusScenario {
            check_log_on_vote: true,
            ..broken.clone()
        },
        *seed,
    );
    assert!(fixed.violations.is_empty(), "{:?}", fixed.violations);
    let s3_leads = first(&fixed, heal, 3, is_leader);
    let s3_term = fixed
        .events
        .iter()
        .find(|e| e.at == s3_leads && e.server == 3)
        .map(|e| e.term);
    let s4_term = run
        .events
        .iter()
        .find(|e| e.at == s4_leads && e.server == 4)
        .map(|e| e.term);

    #[rustfmt::skip]
    post.check(&[
        claim("In this run S2 is leader after 197 ms", "197", 0.5, ms(s2_leads)),
        claim("S4 timed out too, 21 ms after S2", "21", 0.5, ms(s4_times_out - first(&run_consensus(scenario, *seed), 0, 2, is_candidate))),
        claim("elect S1 for term 2, 242 ms after the split", "242", 0.5, ms(s1_leads - split)),
        claim("reaches S2 63 ms later", "63", 0.5, ms(s2_steps_down - ms_to_micros(6000.0))),
        claim("asks for votes in term 12", "12", 0.0, s4_term.unwrap_or(0) as f64),
        claim("but its log stops at entry 4", "4", 0.0, s4_log as f64),
        claim("turns red 51 ms after the heal", "51", 0.5, ms(completeness.at - heal)),
        claim("discard entries 5 to 14, ten commands", "14", 0.0, committed_before as f64),
        claim("discard entries 5 to 14, ten commands", "ten", 0.0, (committed_before - s4_log as u64) as f64),
        claim("242 ms after the heal *state machine safety* turns red", "242", 0.5, ms(smr.at - heal)),
        claim("S3 becomes leader of term 14, 405 ms", "14", 0.0, s3_term.unwrap_or(0) as f64),
        claim("S3 becomes leader of term 14, 405 ms", "405", 0.5, ms(s3_leads - heal)),
    ]);
}
