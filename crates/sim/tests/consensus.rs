//! Raft's safety, tested rather than assumed: thousands of seeds, each with
//! its own random cluster size, network and schedule of crashes, restarts,
//! partitions, forced timeouts, requests and dropped messages. Every run
//! must keep the four safety properties (the run checks them on every
//! step), and once the disruptions end with every server up and the
//! network whole, a leader must be in charge within `LIVENESS_BOUND_MS` in
//! at least 99% of seeds. A failure prints its seed, and
//! `sim consensus --seed N` with the printed scenario replays it.

use sim::consensus::{
    run_consensus, ConsensusRun, ConsensusScenario, Intervention, Property, Replay,
};
use sim::{Delay, SimRng};

/// Seeds per property (each run is 10 s of a 3- to 7-server cluster).
const SEEDS: u64 = 3_000;

/// How long after the last disruption a leader must be in charge: ten of
/// the longest election timeouts (300 ms), for split votes and a
/// disrupting candidate with a stale log.
const LIVENESS_BOUND_MS: f64 = 3_000.0;

/// When the disruptions end and the cluster is made whole.
const CALM_AT_MS: f64 = 6_000.0;

fn random_schedule(seed: u64) -> ConsensusScenario {
    let mut rng = SimRng::new(seed ^ 0x5eed_0fc0_ffee);
    let servers = [3, 5, 7][rng.up_to(2) as usize];
    let lo = 2.0 + rng.unit() * 20.0;
    let mut interventions = Vec::new();
    let count = rng.up_to(12);
    for _ in 0..count {
        let at_ms = (rng.unit() * CALM_AT_MS).floor();
        let server = 1 + rng.up_to(u64::from(servers) - 1) as u32;
        interventions.push(match rng.up_to(6) {
            0 | 1 => Intervention::Crash { at_ms, server },
            2 => Intervention::Restart { at_ms, server },
            3 => Intervention::Partition {
                at_ms,
                groups: (0..servers).map(|_| rng.up_to(2) as u32).collect(),
            },
            4 => Intervention::Timeout { at_ms, server },
            5 => Intervention::Request { at_ms, server },
            _ => Intervention::Drop {
                at_ms,
                message: rng.up_to(2_000),
            },
        });
    }
    interventions.push(Intervention::Heal { at_ms: CALM_AT_MS });
    for server in 1..=servers {
        interventions.push(Intervention::Restart {
            at_ms: CALM_AT_MS,
            server,
        });
    }
    ConsensusScenario {
        servers,
        latency: Delay::Uniform {
            min_ms: lo,
            max_ms: lo + rng.unit() * 30.0,
        },
        loss: rng.unit() * 0.2,
        client_interval_ms: 50.0 + (rng.unit() * 400.0).floor(),
        interventions,
        ..ConsensusScenario::default()
    }
}

/// How long after `from` (µs) a leader is first in charge, if ever.
fn time_to_leader(run: &ConsensusRun, from: u64) -> Option<u64> {
    let mut replay = Replay::new(run);
    replay.advance_to(from);
    loop {
        if replay.view().led() {
            return Some(replay.view().at - from);
        }
        let next = replay.next_at()?;
        replay.advance_to(next);
    }
}

#[test]
fn raft_stays_safe_under_random_crashes_and_partitions() {
    let mut slow = Vec::new();
    let mut worst = 0;
    for seed in 0..SEEDS {
        let scenario = random_schedule(seed);
        scenario
            .validate()
            .unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        let run = run_consensus(&scenario, seed);
        assert!(
            run.violations.is_empty(),
            "seed {seed}: {:?}\nscenario: {}",
            run.violations,
            serde_json::to_string(&scenario).unwrap_or_default()
        );
        let calm = sim::ms_to_micros(CALM_AT_MS);
        match time_to_leader(&run, calm) {
            Some(us) if us as f64 <= LIVENESS_BOUND_MS * 1000.0 => worst = worst.max(us),
            other => slow.push((seed, other)),
        }
    }
    println!(
        "{SEEDS} seeds: no safety property broken; a leader within {LIVENESS_BOUND_MS} ms of calm in {} (slowest of those {} ms); beyond: {slow:?}",
        SEEDS - slow.len() as u64,
        worst / 1000
    );
    assert!(
        (slow.len() as f64) <= SEEDS as f64 * 0.01,
        "a leader took longer than {LIVENESS_BOUND_MS} ms in {} of {SEEDS} seeds: {slow:?}",
        slow.len()
    );
}

#[test]
fn without_the_log_check_the_preset_loses_a_committed_entry() {
    let raft = broken_preset(true);
    let broken = broken_preset(false);
    let seed = 1;
    let run = run_consensus(&raft, seed);
    assert!(run.violations.is_empty(), "{:?}", run.violations);
    let run = run_consensus(&broken, seed);
    let lost = run
        .violation(Property::LeaderCompleteness)
        .unwrap_or_else(|| panic!("no leader without a committed entry: {:?}", run.violations));
    println!("{}", lost.detail);
    assert!(
        run.violation(Property::StateMachineSafety).is_some(),
        "{:?}",
        run.violations
    );
}

/// The demo's "lose a committed entry" preset, with or without the rule.
fn broken_preset(check_log_on_vote: bool) -> ConsensusScenario {
    let s = ConsensusScenario {
        check_log_on_vote,
        ..ConsensusScenario::lost_entry()
    };
    s.validate().expect("valid");
    s
}

/// `SEED=N cargo test -p sim --test consensus -- --ignored` prints the
/// scenario of seed N, to replay with `sim consensus`.
#[test]
#[ignore]
fn print_the_schedule_of_a_seed() {
    let seed: u64 = std::env::var("SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    println!(
        "{}",
        serde_json::to_string(&random_schedule(seed)).unwrap_or_default()
    );
}
