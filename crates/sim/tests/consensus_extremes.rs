//! The consensus scenario at its extremes: every message lost, an hour of
//! latency, the fastest heartbeat for the longest run (the message budget),
//! the widest cluster with every intervention at once. Each run ends,
//! keeps Raft's safety, and says when it was cut short.

use sim::consensus::{
    run_consensus, ConsensusRun, ConsensusScenario, Intervention, CONSENSUS_MESSAGE_BUDGET,
};
use sim::Delay;

fn run(what: &str, s: &ConsensusScenario) -> ConsensusRun {
    s.validate().unwrap_or_else(|e| panic!("{what}: {e}"));
    let run = run_consensus(s, 9);
    assert!(run.violations.is_empty(), "{what}: {:?}", run.violations);
    assert!(
        run.events.windows(2).all(|w| w[0].at <= w[1].at),
        "{what}: events in order"
    );
    assert!(
        run.events.iter().all(|e| e.at < run.end.max(1)),
        "{what}: nothing after the end"
    );
    run
}

#[test]
fn every_message_lost_elects_no_one() {
    let s = ConsensusScenario {
        loss: 1.0,
        ..ConsensusScenario::default()
    };
    let r = run("loss 1", &s);
    assert_eq!(r.stats.leaders, 0);
    assert_eq!(r.stats.undelivered, r.stats.messages);
    assert!(
        r.stats.elections > 10,
        "servers keep trying: {}",
        r.stats.elections
    );
}

#[test]
fn an_hour_of_latency_delivers_nothing_within_the_run() {
    let s = ConsensusScenario {
        latency: Delay::constant(3_600_000.0),
        ..ConsensusScenario::default()
    };
    let r = run("an hour of latency", &s);
    assert_eq!(r.stats.leaders, 0);
    assert!(r
        .messages
        .iter()
        .all(|m| m.fate == sim::consensus::Fate::InFlight));
}

#[test]
fn the_fastest_heartbeat_for_the_longest_run_stops_at_the_budget() {
    let s = ConsensusScenario {
        servers: 7,
        duration_ms: 120_000.0,
        heartbeat_ms: 1.0,
        election_timeout_min_ms: 10.0,
        election_timeout_max_ms: 10.0,
        latency: Delay::constant(0.0),
        client_interval_ms: 10.0,
        ..ConsensusScenario::default()
    };
    let r = run("heartbeat 1 ms, 120 s, 7 servers", &s);
    assert!(r.cut_short);
    assert!(r.messages.len() <= CONSENSUS_MESSAGE_BUDGET + 6);
    assert!(r.end < 120_000_000);
}

#[test]
fn a_seven_server_cluster_under_every_intervention_stays_safe() {
    let mut interventions = Vec::new();
    for k in 0..50u32 {
        let at_ms = f64::from(k) * 190.0;
        let server = 1 + k % 7;
        interventions.push(match k % 7 {
            0 => Intervention::Crash { at_ms, server },
            1 => Intervention::Restart { at_ms, server },
            2 => Intervention::Timeout { at_ms, server },
            3 => Intervention::Request { at_ms, server },
            4 => Intervention::Partition {
                at_ms,
                groups: (0..7).map(|i| (i + k) % 3).collect(),
            },
            5 => Intervention::Heal { at_ms },
            _ => Intervention::Drop {
                at_ms,
                message: u64::from(k) * 37,
            },
        });
    }
    for server in 1..=7 {
        interventions.push(Intervention::Restart {
            at_ms: 9_500.0,
            server,
        });
    }
    let s = ConsensusScenario {
        servers: 7,
        loss: 0.2,
        interventions,
        ..ConsensusScenario::default()
    };
    let r = run("seven servers, everything at once", &s);
    assert!(r.stats.leaders > 0);
    assert!(r.stats.committed > 0);
}

#[test]
fn an_intervention_that_does_not_fit_the_cluster_changes_nothing() {
    // Validation refuses these; a run handed one anyway must not panic.
    let base = ConsensusScenario::default();
    let odd = ConsensusScenario {
        interventions: vec![
            Intervention::Crash {
                at_ms: 100.0,
                server: 9,
            },
            Intervention::Partition {
                at_ms: 200.0,
                groups: vec![1, 2],
            },
            Intervention::Drop {
                at_ms: 300.0,
                message: u64::MAX,
            },
        ],
        ..base.clone()
    };
    assert!(odd.validate().is_err());
    assert_eq!(
        run_consensus(&odd, 4).events,
        run_consensus(&base, 4).events
    );
}
