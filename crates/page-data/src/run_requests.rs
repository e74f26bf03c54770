//! Each demo's run request ([`RunRequest`]): its scenario and seed, the run
//! the sim answers with, and how that run travels to the page (cut to the
//! page's trace limit, its long lists in parts).

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use sim::{
    BreakerScenario, ConsensusRun, ConsensusScenario, DeepSpaceRun, DeepSpaceScenario, QueueRun,
    QueueScenario, RetryRun, RetryScenario, StormRun,
};

use crate::run_parts::{cut, ConsensusPart, DeepSpacePart, NoPart, RetryPart};
use crate::run_protocol::{RunRequest, PAGE_TRACE_LIMIT};
use crate::{resends, Resends, StormSetup, RECOVERIES};

/// The retry demo's run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RetryRequest {
    pub seed: u64,
    pub scenario: RetryScenario,
}

/// The breaker demo's run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BreakerRequest {
    pub seed: u64,
    pub scenario: BreakerScenario,
}

/// The storm as configured and with the reader's protections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StormRequest {
    pub seed: u64,
    pub setup: StormSetup,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueRequest {
    pub seed: u64,
    pub scenario: QueueScenario,
}

/// Both recoveries (end to end, custody) on the same seed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeepSpaceRequest {
    pub seed: u64,
    pub scenario: DeepSpaceScenario,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsensusRequest {
    pub seed: u64,
    pub scenario: ConsensusScenario,
}

/// The storm demo's two runs on one seed, each shared on its own (the page
/// draws each from its own memo without copying it out).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StormRuns {
    pub configured: Arc<StormRun>,
    pub protected: Arc<StormRun>,
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

/// A retry or breaker run as the page receives it: its trace cut, and
/// without its attempt records, which no demo shows (the trace has every
/// attempt, the stats count them; they were half of what the page decoded).
fn retry_run_for_page(mut run: RetryRun) -> RetryRun {
    run.trace.truncate(PAGE_TRACE_LIMIT);
    run.attempts.clear();
    run
}

fn retry_parts(run: &mut RetryRun) -> Vec<RetryPart> {
    let mut parts = Vec::new();
    cut(&mut run.trace, &mut parts, RetryPart::Trace);
    cut(&mut run.requests, &mut parts, RetryPart::Requests);
    parts
}

fn put_back_retry(run: &mut RetryRun, part: RetryPart) {
    match part {
        RetryPart::Trace(items) => run.trace.extend(items),
        RetryPart::Requests(items) => run.requests.extend(items),
    }
}

impl RunRequest for RetryRequest {
    type Run = RetryRun;
    type Part = RetryPart;

    fn run(&self) -> RetryRun {
        sim::run_retry(&self.scenario, self.seed)
    }

    fn run_for_page(&self) -> RetryRun {
        retry_run_for_page(self.run())
    }

    fn take_parts(run: &mut RetryRun) -> Vec<RetryPart> {
        retry_parts(run)
    }

    fn put_back(run: &mut RetryRun, part: RetryPart) -> Result<(), String> {
        put_back_retry(run, part);
        Ok(())
    }
}

impl RunRequest for BreakerRequest {
    type Run = RetryRun;
    type Part = RetryPart;

    fn run(&self) -> RetryRun {
        sim::run_breaker(&self.scenario, self.seed)
    }

    fn run_for_page(&self) -> RetryRun {
        retry_run_for_page(self.run())
    }

    fn take_parts(run: &mut RetryRun) -> Vec<RetryPart> {
        retry_parts(run)
    }

    fn put_back(run: &mut RetryRun, part: RetryPart) -> Result<(), String> {
        put_back_retry(run, part);
        Ok(())
    }
}

impl RunRequest for StormRequest {
    type Run = StormRuns;
    /// A storm run has no trace on the page (its series are short).
    type Part = NoPart;

    fn run(&self) -> StormRuns {
        StormRuns {
            configured: Arc::new(sim::run_storm(&self.setup.scenario, self.seed)),
            protected: Arc::new(sim::run_storm(&self.setup.protected(), self.seed)),
        }
    }

    fn run_for_page(&self) -> StormRuns {
        self.run()
    }

    fn take_parts(_: &mut StormRuns) -> Vec<NoPart> {
        Vec::new()
    }

    fn put_back(_: &mut StormRuns, part: NoPart) -> Result<(), String> {
        match part {}
    }
}

impl RunRequest for QueueRequest {
    type Run = QueueRun;
    type Part = Vec<sim::QueueEvent>;

    fn run(&self) -> QueueRun {
        sim::run_queue_traced(&self.scenario, self.seed)
    }

    fn run_for_page(&self) -> QueueRun {
        let mut run = self.run();
        run.trace.truncate(PAGE_TRACE_LIMIT);
        run
    }

    fn take_parts(run: &mut QueueRun) -> Vec<Self::Part> {
        let mut parts = Vec::new();
        cut(&mut run.trace, &mut parts, |events| events);
        parts
    }

    fn put_back(run: &mut QueueRun, part: Self::Part) -> Result<(), String> {
        run.trace.extend(part);
        Ok(())
    }
}

impl RunRequest for DeepSpaceRequest {
    type Run = DeepSpaceRuns;
    type Part = DeepSpacePart;

    fn run(&self) -> DeepSpaceRuns {
        let runs = crate::both_recoveries(&self.scenario, self.seed);
        let resends = [0, 1].map(|i| resends(&runs[i], &self.scenario, RECOVERIES[i]));
        DeepSpaceRuns { runs, resends }
    }

    fn run_for_page(&self) -> DeepSpaceRuns {
        let mut runs = self.run();
        for run in &mut runs.runs {
            run.trace.truncate(PAGE_TRACE_LIMIT);
        }
        runs
    }

    fn take_parts(runs: &mut DeepSpaceRuns) -> Vec<DeepSpacePart> {
        let mut parts = Vec::new();
        for (i, run) in runs.runs.iter_mut().enumerate() {
            let run_index = i as u8;
            cut(&mut run.trace, &mut parts, |events| DeepSpacePart {
                run: run_index,
                events,
            });
        }
        parts
    }

    fn put_back(runs: &mut DeepSpaceRuns, part: DeepSpacePart) -> Result<(), String> {
        let DeepSpacePart { run, events } = part;
        runs.runs
            .get_mut(usize::from(run))
            .ok_or_else(|| format!("a trace of deep-space run {run}, which is not one"))?
            .trace
            .extend(events);
        Ok(())
    }
}

impl RunRequest for ConsensusRequest {
    type Run = ConsensusRun;
    type Part = ConsensusPart;

    fn run(&self) -> ConsensusRun {
        sim::run_consensus(&self.scenario, self.seed)
    }

    fn run_for_page(&self) -> ConsensusRun {
        let mut run = self.run();
        cut_consensus(&mut run, PAGE_TRACE_LIMIT);
        run
    }

    fn take_parts(run: &mut ConsensusRun) -> Vec<ConsensusPart> {
        let mut parts = Vec::new();
        cut(&mut run.events, &mut parts, ConsensusPart::Events);
        cut(&mut run.messages, &mut parts, ConsensusPart::Messages);
        parts
    }

    fn put_back(run: &mut ConsensusRun, part: ConsensusPart) -> Result<(), String> {
        match part {
            ConsensusPart::Events(items) => run.events.extend(items),
            ConsensusPart::Messages(items) => run.messages.extend(items),
        }
        Ok(())
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

/// A retry run longer than the page's trace limit (10,000 requests, half
/// failing): for the tests of how runs reach the page.
#[cfg(test)]
pub(crate) fn long_retry_request() -> RetryRequest {
    let mut scenario = RetryScenario {
        requests: 10_000,
        ..RetryScenario::default()
    };
    scenario.server.failure_rate = 0.5;
    RetryRequest { seed: 3, scenario }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_run_reaches_the_page_cut_to_the_limit_with_whole_run_numbers() {
        let request = long_retry_request();
        let (full, page) = (request.run(), request.run_for_page());
        assert!(full.trace.len() > PAGE_TRACE_LIMIT, "{}", full.trace.len());
        assert_eq!(page.trace.len(), PAGE_TRACE_LIMIT);
        assert_eq!(page.trace[..], full.trace[..PAGE_TRACE_LIMIT]);
        assert_eq!(page.stats, full.stats, "the numbers count the whole run");
        assert_eq!(page.requests, full.requests);
    }

    #[test]
    fn deep_space_resends_are_counted_over_the_whole_run() {
        let scenario = DeepSpaceScenario::default();
        let request = DeepSpaceRequest {
            seed: 5,
            scenario: scenario.clone(),
        };
        let runs = request.run_for_page();
        for i in 0..2 {
            assert_eq!(runs.resends[i], resends(&runs[i], &scenario, RECOVERIES[i]));
        }
    }

    #[test]
    fn a_deep_space_part_for_a_third_run_is_refused() {
        let mut runs = DeepSpaceRequest {
            seed: 1,
            scenario: DeepSpaceScenario::default(),
        }
        .run_for_page();
        let part = DeepSpacePart {
            run: 2,
            events: Vec::new(),
        };
        assert_eq!(
            DeepSpaceRequest::put_back(&mut runs, part).unwrap_err(),
            "a trace of deep-space run 2, which is not one"
        );
    }
}
