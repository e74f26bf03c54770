//! The contention experiment swept over client counts and strategies: the
//! data of the 2015 post's two charts.

use serde::{Deserialize, Serialize};

use crate::backoff::BackoffPolicy;
use crate::contention::{summarize_contention, ContentionScenario, ContentionSummary};
use crate::error::{check_count, check_range, ScenarioError};

/// The experiment swept over client counts and strategies, as in the post's
/// charts: `runs` runs of every (strategy, clients) cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ContentionSweep {
    /// Strategies compared (1 to 6, no repeats).
    pub strategies: Vec<BackoffPolicy>,
    /// Fewest clients (1 to 10000).
    pub clients_from: u32,
    /// Most clients (at least `clients_from`, at most 10000).
    pub clients_to: u32,
    /// Step between client counts (1 to 10000).
    pub clients_step: u32,
    /// Runs per cell (1 to 1000); run i of a cell uses seed `seed + i`.
    pub runs: u32,
    /// Backoff base and cap, in milliseconds (the post: 5 and 2000).
    pub base_ms: f64,
    pub cap_ms: f64,
}

/// Most work a sweep may ask for ([`ContentionSweep::work`]): two runs at
/// the most clients (10,000), or the largest sweep the demo offers (all
/// six strategies, 10 to 200 clients, 100 runs a point: 1.7e8; the
/// default, 20 runs, is 2.9e7). Sized so that a sweep ends (at the build,
/// and in a page, in about 4 s of work) rather than by its runs' event
/// budgets.
pub const MAX_SWEEP_WORK: f64 = 2e8;

impl Default for ContentionSweep {
    fn default() -> Self {
        Self {
            strategies: vec![
                BackoffPolicy::None,
                BackoffPolicy::Exponential,
                BackoffPolicy::FullJitter,
                BackoffPolicy::EqualJitter,
                BackoffPolicy::DecorrelatedJitter,
            ],
            clients_from: 10,
            clients_to: 200,
            clients_step: 10,
            runs: 20,
            base_ms: 5.0,
            cap_ms: 2000.0,
        }
    }
}

impl ContentionSweep {
    /// Checks every field against its documented range.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        if self.strategies.is_empty() || self.strategies.len() > BackoffPolicy::ALL.len() {
            return Err(ScenarioError::new(
                "strategies",
                self.strategies.len(),
                "1 to 6 strategies",
            ));
        }
        let mut seen = self.strategies.clone();
        seen.sort_by_key(|p| p.key());
        seen.dedup();
        if seen.len() != self.strategies.len() {
            return Err(ScenarioError::new(
                "strategies",
                "a list with repeats",
                "each strategy once",
            ));
        }
        check_count("clients_from", self.clients_from, 1, 10_000)?;
        check_count("clients_to", self.clients_to, self.clients_from, 10_000)?;
        check_count("clients_step", self.clients_step, 1, 10_000)?;
        check_count("runs", self.runs, 1, 1000)?;
        check_range("base_ms", self.base_ms, 0.0, 60_000.0, "ms")?;
        check_range("cap_ms", self.cap_ms, 0.0, 3_600_000.0, "ms")?;
        let work = self.work();
        if work > MAX_SWEEP_WORK {
            return Err(ScenarioError::new(
                "runs",
                format!(
                    "{} (with {} strategies and {} client counts: {work:.1e} units of work)",
                    self.runs,
                    self.strategies.len(),
                    self.client_counts().len()
                ),
                format!("at most {MAX_SWEEP_WORK:.0e} units of work (the sum of clients squared over every run): fewer runs, strategies or client counts"),
            ));
        }
        Ok(())
    }

    /// The sweep's cost: a run's events grow with the square of its
    /// clients (each round of contention, every client retries), so the
    /// sum of clients² over every run of every cell.
    pub fn work(&self) -> f64 {
        let per_strategy: f64 = self
            .client_counts()
            .iter()
            .map(|&c| f64::from(c) * f64::from(c))
            .sum();
        per_strategy * f64::from(self.runs) * self.strategies.len() as f64
    }

    /// The client counts swept, in order.
    pub fn client_counts(&self) -> Vec<u32> {
        let step = self.clients_step.max(1) as usize;
        (self.clients_from..=self.clients_to.min(10_000))
            .step_by(step)
            .collect()
    }

    /// Every `(strategy, clients)` cell, strategy by strategy.
    pub fn cells(&self) -> Vec<(BackoffPolicy, u32)> {
        let counts = self.client_counts();
        self.strategies
            .iter()
            .flat_map(|&p| counts.iter().map(move |&c| (p, c)))
            .collect()
    }

    /// The experiment of one cell.
    pub fn scenario(&self, strategy: BackoffPolicy, clients: u32) -> ContentionScenario {
        ContentionScenario {
            clients,
            strategy,
            base_ms: self.base_ms,
            cap_ms: self.cap_ms,
            ..ContentionScenario::default()
        }
    }

    /// One cell's summary over `runs` runs from `seed`.
    pub fn cell(&self, strategy: BackoffPolicy, clients: u32, seed: u64) -> ContentionSummary {
        summarize_contention(&self.scenario(strategy, clients), seed, self.runs)
    }

    /// The whole sweep at once (the build and the CLI; the browser runs the
    /// cells a few at a time between frames).
    pub fn run(&self, seed: u64) -> Vec<ContentionSummary> {
        self.cells()
            .into_iter()
            .map(|(p, c)| self.cell(p, c, seed))
            .collect()
    }
}
