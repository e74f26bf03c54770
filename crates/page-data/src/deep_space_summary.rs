//! The deep-space demo's comparison: the same path and seed, recovered end
//! to end and with custody at each hop, and the numbers of each.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sim::{ms_to_micros, DeepSpaceEventKind, DeepSpaceRun, DeepSpaceScenario, Micros, Recovery};

use crate::format::{duration_ms, ratio};
use crate::retry_summary::Stat;

/// The two recoveries the demo compares, in the order of its runs.
pub const RECOVERIES: [Recovery; 2] = [Recovery::EndToEnd, Recovery::Custody];

/// Both recoveries of `scenario` on `seed`, traced, in [`RECOVERIES`] order.
pub fn both_recoveries(scenario: &DeepSpaceScenario, seed: u64) -> [DeepSpaceRun; 2] {
    RECOVERIES.map(|recovery| {
        let s = DeepSpaceScenario {
            recovery,
            ..scenario.clone()
        };
        sim::run_deep_space_traced(&s, seed)
    })
}

/// Counts read off a traced run's events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Resends {
    /// Every retransmission, by any node.
    pub retransmissions: u32,
    /// Retransmissions the sender would not have made had it waited one
    /// round trip: its acknowledgement (from an earlier copy) arrived
    /// sooner than the new copy's could have.
    pub spurious: u32,
    /// Copies that reached the destination after the first.
    pub duplicate_arrivals: u32,
}

/// Counts resends in `run` (traced) of `scenario` recovered by `recovery`.
pub fn resends(run: &DeepSpaceRun, scenario: &DeepSpaceScenario, recovery: Recovery) -> Resends {
    let hops = scenario.hops.len();
    let dest = hops as u32;
    let light: Vec<Micros> = scenario
        .hops
        .iter()
        .map(|h| ms_to_micros(h.light_ms))
        .collect();
    // The round trip a node waits on: the whole path, or its own hop.
    let round_trip = |node: u32| -> Micros {
        match recovery {
            Recovery::EndToEnd => 2 * light.iter().sum::<Micros>(),
            Recovery::Custody => 2 * light.get(node as usize).copied().unwrap_or(0),
        }
    };
    let mut acked: BTreeMap<(u32, u32), Micros> = BTreeMap::new();
    let mut arrived: BTreeMap<(u32, u32), u32> = BTreeMap::new();
    for e in &run.trace {
        match e.kind {
            DeepSpaceEventKind::Acknowledged { message, node } => {
                acked.entry((node, message)).or_insert(e.at);
            }
            DeepSpaceEventKind::Arrived { message, node } if node == dest => {
                *arrived.entry((node, message)).or_default() += 1;
            }
            _ => {}
        }
    }
    let mut out = Resends {
        duplicate_arrivals: arrived.values().map(|n| n.saturating_sub(1)).sum(),
        ..Resends::default()
    };
    for e in &run.trace {
        if let DeepSpaceEventKind::Retransmitted { message, node } = e.kind {
            out.retransmissions += 1;
            let early = acked
                .get(&(node, message))
                .is_some_and(|&at| at < e.at.saturating_add(round_trip(node)));
            out.spurious += u32::from(early);
        }
    }
    out
}

/// The numbers shown for `run` (of `scenario` recovered by `recovery`), in
/// order.
pub fn deep_space_summary(
    run: &DeepSpaceRun,
    scenario: &DeepSpaceScenario,
    recovery: Recovery,
) -> Vec<Stat> {
    deep_space_stats(run, scenario, resends(run, scenario, recovery))
}

/// [`deep_space_summary`] with the resends already counted (the page's run
/// may carry only the start of its trace).
pub fn deep_space_stats(run: &DeepSpaceRun, scenario: &DeepSpaceScenario, r: Resends) -> Vec<Stat> {
    let stat = |key, label, value: String| Stat { key, label, value };
    vec![
        stat(
            "delivered",
            "Delivered",
            format!("{} of {}", run.delivered, scenario.messages),
        ),
        stat(
            "p50",
            "Median time to deliver",
            duration_ms(run.p50_delivery_ms),
        ),
        stat("max", "Slowest delivery", duration_ms(run.max_delivery_ms)),
        stat(
            "sent_per_message",
            "Transmissions per delivered message",
            if run.delivered == 0 {
                "n/a".into()
            } else {
                ratio(run.transmissions as f64 / f64::from(run.delivered))
            },
        ),
        stat(
            "bytes",
            "Bytes sent per delivered message",
            run.bytes_per_delivered
                .map_or("n/a".into(), |b| format!("{b:.0}")),
        ),
        stat(
            "spurious",
            "Spurious retransmissions",
            r.spurious.to_string(),
        ),
        stat(
            "duplicates",
            "Duplicate copies at the destination",
            r.duplicate_arrivals.to_string(),
        ),
        stat(
            "finished",
            "All acknowledged after",
            duration_ms(Some(run.finished_ms)),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timeout_shorter_than_the_round_trip_resends_spuriously() {
        let short = DeepSpaceScenario {
            timeout_factor: 0.5,
            ..DeepSpaceScenario::default()
        };
        let [e2e, custody] = both_recoveries(&short, 1);
        let r = resends(&e2e, &short, Recovery::EndToEnd);
        assert!(r.spurious > 0 && r.retransmissions >= r.spurious, "{r:?}");
        assert!(r.duplicate_arrivals > 0);
        assert_eq!(
            deep_space_summary(&custody, &short, Recovery::Custody).len(),
            8
        );

        // A patient sender resends only what was lost: a message lost on
        // the second hop was never at the destination.
        let patient = DeepSpaceScenario {
            timeout_factor: 1.5,
            ..short
        };
        let [e2e, custody] = both_recoveries(&patient, 1);
        for (run, recovery) in [(e2e, Recovery::EndToEnd), (custody, Recovery::Custody)] {
            let r = resends(&run, &patient, recovery);
            assert!(r.retransmissions > 0, "{recovery:?} {r:?}");
            assert_eq!(r.spurious, 0, "{recovery:?} {r:?}");
        }
    }
}
