//! The messages between a demo and the web worker that runs its scenario:
//! the page asks for the run of a (scenario, seed), the worker answers with
//! the run. Both sides are here, pure, so that a native test checks that
//! what a worker answers is exactly the run the page would have computed.
//!
//! Messages are MessagePack (rmp-serde): binary, so floats travel as their
//! bits (exact, unlike a decimal float read back by a fast JSON parser) and
//! a run of a hundred thousand events decodes in milliseconds; and
//! self-describing, so the sim's own types travel as they are (their
//! `#[serde(flatten)]` and tagged enums need a format that names fields).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sim::{
    BreakerScenario, ConsensusRun, ConsensusScenario, DeepSpaceRun, DeepSpaceScenario, QueueRun,
    QueueScenario, RetryRun, RetryScenario, StormRun,
};

use crate::{resends, Resends, StormSetup, RECOVERIES};

/// Most trace events a run brings to the page: the
/// pictures and playback show the first this many; every number is the
/// sim's count over the whole run (computed on the worker). A run to its
/// event budget (millions of events) would otherwise take seconds to
/// decode and draw on the main thread. No post's run comes near it.
pub const PAGE_TRACE_LIMIT: usize = 20_000;

/// A run a demo asks for: its scenario and seed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RunRequest {
    Retry {
        seed: u64,
        scenario: RetryScenario,
    },
    Breaker {
        seed: u64,
        scenario: BreakerScenario,
    },
    /// The storm as configured and with the reader's protections.
    Storm {
        seed: u64,
        setup: StormSetup,
    },
    Queue {
        seed: u64,
        scenario: QueueScenario,
    },
    /// Both recoveries (end to end, custody) on the same seed.
    DeepSpace {
        seed: u64,
        scenario: DeepSpaceScenario,
    },
    Consensus {
        seed: u64,
        scenario: ConsensusScenario,
    },
}

/// The storm demo's two runs on one seed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StormRuns {
    pub configured: StormRun,
    pub protected: StormRun,
}

/// The deep-space demo's two runs (end to end, custody) on one seed, with
/// the resends counted over each whole run (their traces may be cut to
/// [`PAGE_TRACE_LIMIT`] on the way to the page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeepSpaceRuns {
    pub runs: [DeepSpaceRun; 2],
    pub resends: [Resends; 2],
}

impl std::ops::Index<usize> for DeepSpaceRuns {
    type Output = DeepSpaceRun;
    fn index(&self, which: usize) -> &DeepSpaceRun {
        &self.runs[which]
    }
}

/// What a run request gives: the sim's own run types.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RunAnswer {
    Retry(RetryRun),
    Breaker(RetryRun),
    Storm(Box<StormRuns>),
    Queue(QueueRun),
    DeepSpace(Box<DeepSpaceRuns>),
    Consensus(Box<ConsensusRun>),
}

impl RunAnswer {
    pub fn retry(self) -> Option<RetryRun> {
        match self {
            RunAnswer::Retry(run) => Some(run),
            _ => None,
        }
    }

    pub fn breaker(self) -> Option<RetryRun> {
        match self {
            RunAnswer::Breaker(run) => Some(run),
            _ => None,
        }
    }

    pub fn storm(self) -> Option<StormRuns> {
        match self {
            RunAnswer::Storm(runs) => Some(*runs),
            _ => None,
        }
    }

    pub fn queue(self) -> Option<QueueRun> {
        match self {
            RunAnswer::Queue(run) => Some(run),
            _ => None,
        }
    }

    pub fn consensus(self) -> Option<ConsensusRun> {
        match self {
            RunAnswer::Consensus(run) => Some(*run),
            _ => None,
        }
    }

    pub fn deep_space(self) -> Option<DeepSpaceRuns> {
        match self {
            RunAnswer::DeepSpace(runs) => Some(*runs),
            _ => None,
        }
    }
}

impl RunRequest {
    /// Runs it: what the worker does, and the page where no worker starts.
    pub fn run(&self) -> RunAnswer {
        match self {
            RunRequest::Retry { seed, scenario } => {
                RunAnswer::Retry(sim::run_retry(scenario, *seed))
            }
            RunRequest::Breaker { seed, scenario } => {
                RunAnswer::Breaker(sim::run_breaker(scenario, *seed))
            }
            RunRequest::Storm { seed, setup } => RunAnswer::Storm(Box::new(StormRuns {
                configured: sim::run_storm(&setup.scenario, *seed),
                protected: sim::run_storm(&setup.protected(), *seed),
            })),
            RunRequest::Queue { seed, scenario } => {
                RunAnswer::Queue(sim::run_queue_traced(scenario, *seed))
            }
            RunRequest::DeepSpace { seed, scenario } => {
                let runs = crate::both_recoveries(scenario, *seed);
                let resends = [0, 1].map(|i| resends(&runs[i], scenario, RECOVERIES[i]));
                RunAnswer::DeepSpace(Box::new(DeepSpaceRuns { runs, resends }))
            }
            RunRequest::Consensus { seed, scenario } => {
                RunAnswer::Consensus(Box::new(sim::run_consensus(scenario, *seed)))
            }
        }
    }

    /// The run as the page receives it: [`run`](Self::run) with its traces
    /// cut to [`PAGE_TRACE_LIMIT`], and without the retry runs' attempt
    /// records, which no demo shows.
    pub fn run_for_page(&self) -> RunAnswer {
        let mut answer = self.run();
        match &mut answer {
            RunAnswer::Retry(run) | RunAnswer::Breaker(run) => {
                run.trace.truncate(PAGE_TRACE_LIMIT);
                // No demo reads the attempt records (the trace has every
                // attempt, the stats count them); they were half of what
                // the page decoded.
                run.attempts.clear();
            }
            RunAnswer::Queue(run) => run.trace.truncate(PAGE_TRACE_LIMIT),
            RunAnswer::DeepSpace(runs) => {
                for run in &mut runs.runs {
                    run.trace.truncate(PAGE_TRACE_LIMIT);
                }
            }
            RunAnswer::Consensus(run) => cut_consensus(run, PAGE_TRACE_LIMIT),
            RunAnswer::Storm(_) => {}
        }
        answer
    }
}

/// A consensus run's first `limit` events and messages, whichever ends
/// sooner, whole up to that moment (so that the cluster replays right at
/// every instant shown): the run's `end` moves there. The numbers stay the
/// whole run's.
fn cut_consensus(run: &mut ConsensusRun, limit: usize) {
    let at = |t: Option<sim::Micros>| t.unwrap_or(run.end);
    let cut =
        at(run.events.get(limit).map(|e| e.at)).min(at(run.messages.get(limit).map(|m| m.sent)));
    if cut < run.end {
        run.events.retain(|e| e.at < cut);
        run.messages.retain(|m| m.sent < cut);
        run.dropped.retain(|&(_, t)| t < cut);
        run.violations.retain(|v| v.at < cut);
        run.end = cut;
    }
}

/// A request as posted: `generation` tells the page which of its requests
/// an answer belongs to (answers to superseded ones are dropped).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunTask {
    pub generation: u64,
    pub request: RunRequest,
}

/// Encodes a message (structs as maps with their field names: as arrays,
/// serde's adjacently tagged enums would not read back).
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    // Writing to a Vec cannot fail for these types (every key is a string).
    rmp_serde::to_vec_named(message).unwrap_or_default()
}

/// Decodes a message, or says why it is not one.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    rmp_serde::from_slice(bytes).map_err(|e| e.to_string())
}

/// A retry run longer than the page's trace limit (10,000 requests, half
/// failing): for the tests of how runs reach the page.
#[cfg(test)]
pub(crate) fn long_retry_request() -> RunRequest {
    let mut scenario = RetryScenario {
        requests: 10_000,
        ..RetryScenario::default()
    };
    scenario.server.failure_rate = 0.5;
    RunRequest::Retry { seed: 3, scenario }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_run_reaches_the_page_cut_to_the_limit_with_whole_run_numbers() {
        let request = long_retry_request();
        let (RunAnswer::Retry(full), RunAnswer::Retry(page)) =
            (request.run(), request.run_for_page())
        else {
            panic!("retry runs");
        };
        assert!(full.trace.len() > PAGE_TRACE_LIMIT, "{}", full.trace.len());
        assert_eq!(page.trace.len(), PAGE_TRACE_LIMIT);
        assert_eq!(page.trace[..], full.trace[..PAGE_TRACE_LIMIT]);
        assert_eq!(page.stats, full.stats, "the numbers count the whole run");
        assert_eq!(page.requests, full.requests);
    }

    #[test]
    fn deep_space_resends_are_counted_over_the_whole_run() {
        let scenario = DeepSpaceScenario::default();
        let request = RunRequest::DeepSpace {
            seed: 5,
            scenario: scenario.clone(),
        };
        let RunAnswer::DeepSpace(runs) = request.run_for_page() else {
            panic!("deep-space runs");
        };
        for i in 0..2 {
            assert_eq!(runs.resends[i], resends(&runs[i], &scenario, RECOVERIES[i]));
        }
    }

    #[test]
    fn floats_travel_as_their_bits() {
        let mut scenario = RetryScenario::default();
        scenario.server.failure_rate = 0.1 + 0.2; // 0.30000000000000004
        let request = RunRequest::Retry { seed: 1, scenario };
        let back: RunRequest = decode(&encode(&request)).expect("decodes");
        assert_eq!(back, request);
    }
}
