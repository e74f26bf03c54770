//! The messages between the contention demo and its web workers: the page
//! hands a worker one cell of a sweep, the worker answers with that cell's
//! numbers. Both sides are here, pure, so that a native test checks that a
//! worker's answer is exactly the cell the page would have computed.
//!
//! Messages are JSON strings in which every float travels as its bit
//! pattern (a `u64`, which JSON parsers read exactly): a decimal float read
//! back by serde_json's default parser may be one unit in the last place
//! off, and a worker computing with a `base_ms` one ulp away from the
//! page's would be a different experiment.

use serde::{Deserialize, Serialize};
use sim::{BackoffPolicy, ContentionSummary, ContentionSweep, MeanSd};

/// What a worker posts once its module is ready to take tasks (messages
/// posted to a worker before then would be lost).
pub const WORKER_READY: &str = "ready";

/// One cell of a sweep to compute.
#[derive(Debug, Clone, PartialEq)]
pub struct SweepTask {
    /// Which sweep of the page this belongs to: answers to a superseded
    /// sweep are recognised and dropped.
    pub generation: u64,
    /// The cell's index in [`ContentionSweep::cells`].
    pub cell: usize,
    pub seed: u64,
    pub sweep: ContentionSweep,
}

/// What a cell gives, besides what the page already knows of it (its
/// strategy, clients, runs and seed).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellNumbers {
    pub completion_ms: MeanSd,
    pub calls: MeanSd,
    pub budget_exceeded: u32,
}

/// A worker's answer to a [`SweepTask`].
#[derive(Debug, Clone, PartialEq)]
pub struct SweepAnswer {
    pub generation: u64,
    pub cell: usize,
    /// The cell's numbers, or why they could not be computed.
    pub result: Result<CellNumbers, String>,
}

#[derive(Serialize, Deserialize)]
struct WireTask {
    generation: u64,
    cell: usize,
    seed: u64,
    strategies: Vec<BackoffPolicy>,
    clients: [u32; 3],
    runs: u32,
    base_ms: u64,
    cap_ms: u64,
}

#[derive(Serialize, Deserialize)]
struct WireAnswer {
    generation: u64,
    cell: usize,
    /// Completion mean and sd, calls mean and sd, as bit patterns.
    numbers: Option<[u64; 4]>,
    budget_exceeded: u32,
    error: Option<String>,
}

impl CellNumbers {
    fn of(summary: &ContentionSummary) -> Self {
        Self {
            completion_ms: summary.completion_ms,
            calls: summary.calls,
            budget_exceeded: summary.budget_exceeded,
        }
    }

    /// The summary of cell `cell` of `sweep` run from `seed`.
    pub fn summary(
        &self,
        sweep: &ContentionSweep,
        cell: usize,
        seed: u64,
    ) -> Option<ContentionSummary> {
        let &cell = sweep.cells().get(cell)?;
        Some(self.summary_of(cell, sweep.runs, seed))
    }

    /// The summary of the cell `(strategy, clients)` of `runs` runs from
    /// `seed` (for a caller that holds the sweep's cells already).
    pub fn summary_of(
        &self,
        (strategy, clients): (BackoffPolicy, u32),
        runs: u32,
        seed: u64,
    ) -> ContentionSummary {
        ContentionSummary {
            clients,
            strategy,
            runs,
            seed,
            completion_ms: self.completion_ms,
            calls: self.calls,
            budget_exceeded: self.budget_exceeded,
        }
    }
}

impl SweepTask {
    /// The message to post.
    pub fn to_message(&self) -> String {
        let s = &self.sweep;
        let wire = WireTask {
            generation: self.generation,
            cell: self.cell,
            seed: self.seed,
            strategies: s.strategies.clone(),
            clients: [s.clients_from, s.clients_to, s.clients_step],
            runs: s.runs,
            base_ms: s.base_ms.to_bits(),
            cap_ms: s.cap_ms.to_bits(),
        };
        // Numbers and enums only: serializing cannot fail.
        serde_json::to_string(&wire).unwrap_or_default()
    }

    /// Reads a task message.
    pub fn from_message(message: &str) -> Result<Self, String> {
        let w: WireTask =
            serde_json::from_str(message).map_err(|e| format!("not a sweep task: {e}"))?;
        Ok(Self {
            generation: w.generation,
            cell: w.cell,
            seed: w.seed,
            sweep: ContentionSweep {
                strategies: w.strategies,
                clients_from: w.clients[0],
                clients_to: w.clients[1],
                clients_step: w.clients[2],
                runs: w.runs,
                base_ms: f64::from_bits(w.base_ms),
                cap_ms: f64::from_bits(w.cap_ms),
            },
        })
    }

    /// Computes the cell (what the worker does).
    pub fn answer(&self) -> SweepAnswer {
        let result = match self.sweep.validate() {
            Err(e) => Err(e.to_string()),
            Ok(()) => match self.sweep.cells().get(self.cell) {
                Some(&(strategy, clients)) => Ok(CellNumbers::of(
                    &self.sweep.cell(strategy, clients, self.seed),
                )),
                None => Err(format!(
                    "cell {} of a sweep with {} cells",
                    self.cell,
                    self.sweep.cells().len()
                )),
            },
        };
        SweepAnswer {
            generation: self.generation,
            cell: self.cell,
            result,
        }
    }
}

impl SweepAnswer {
    /// The message to post back.
    pub fn to_message(&self) -> String {
        let (numbers, budget_exceeded, error) = match &self.result {
            Ok(n) => (
                Some([
                    n.completion_ms.mean.to_bits(),
                    n.completion_ms.sd.to_bits(),
                    n.calls.mean.to_bits(),
                    n.calls.sd.to_bits(),
                ]),
                n.budget_exceeded,
                None,
            ),
            Err(e) => (None, 0, Some(e.clone())),
        };
        let wire = WireAnswer {
            generation: self.generation,
            cell: self.cell,
            numbers,
            budget_exceeded,
            error,
        };
        serde_json::to_string(&wire).unwrap_or_default()
    }

    /// Reads a worker's message (`None` for anything else, such as
    /// [`WORKER_READY`]).
    pub fn from_message(message: &str) -> Option<Self> {
        let w: WireAnswer = serde_json::from_str(message).ok()?;
        let result = match (w.numbers, w.error) {
            (Some([cm, cs, km, ks]), None) => Ok(CellNumbers {
                completion_ms: MeanSd {
                    mean: f64::from_bits(cm),
                    sd: f64::from_bits(cs),
                },
                calls: MeanSd {
                    mean: f64::from_bits(km),
                    sd: f64::from_bits(ks),
                },
                budget_exceeded: w.budget_exceeded,
            }),
            (_, Some(e)) => Err(e),
            (None, None) => Err("an answer with neither numbers nor an error".into()),
        };
        Some(Self {
            generation: w.generation,
            cell: w.cell,
            result,
        })
    }
}

/// The worker's whole job: a task message in, an answer message out. A
/// message that is not a task is answered with an error for cell
/// `usize::MAX`, which no sweep has.
pub fn answer_message(message: &str) -> String {
    match SweepTask::from_message(message) {
        Ok(task) => task.answer().to_message(),
        Err(e) => SweepAnswer {
            generation: 0,
            cell: usize::MAX,
            result: Err(e),
        }
        .to_message(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(cell: usize) -> SweepTask {
        SweepTask {
            generation: 3,
            cell,
            seed: u64::MAX - 7,
            sweep: ContentionSweep {
                runs: 3,
                clients_to: 40,
                // Decimals no binary float holds exactly.
                base_ms: 5.1,
                cap_ms: 1999.7,
                ..ContentionSweep::default()
            },
        }
    }

    fn round_trip(t: &SweepTask) -> SweepAnswer {
        SweepAnswer::from_message(&answer_message(&t.to_message())).unwrap()
    }

    #[test]
    fn a_task_travels_exactly() {
        let t = task(5);
        assert_eq!(SweepTask::from_message(&t.to_message()), Ok(t));
    }

    #[test]
    fn every_cell_comes_back_bit_for_bit_what_the_page_would_compute() {
        let t = task(0);
        let direct = t.sweep.run(t.seed);
        assert_eq!(direct.len(), 20);
        for (i, expected) in direct.iter().enumerate() {
            let answer = round_trip(&task(i));
            assert_eq!((answer.generation, answer.cell), (3, i));
            let numbers = answer.result.unwrap();
            let summary = numbers.summary(&t.sweep, i, t.seed).unwrap();
            assert_eq!(&summary, expected, "cell {i}");
            for (a, b) in [
                (summary.completion_ms.mean, expected.completion_ms.mean),
                (summary.completion_ms.sd, expected.completion_ms.sd),
                (summary.calls.mean, expected.calls.mean),
                (summary.calls.sd, expected.calls.sd),
            ] {
                assert_eq!(a.to_bits(), b.to_bits(), "cell {i}");
            }
        }
    }

    #[test]
    fn bad_tasks_are_answered_with_the_reason() {
        let err = round_trip(&task(999)).result.unwrap_err();
        assert!(err.contains("cell 999 of a sweep with 20 cells"), "{err}");

        let mut invalid = task(0);
        invalid.sweep.runs = 0;
        let err = round_trip(&invalid).result.unwrap_err();
        assert!(err.contains("runs"), "{err}");

        let garbage = SweepAnswer::from_message(&answer_message("{\"cell\": \"x\"")).unwrap();
        assert_eq!(garbage.cell, usize::MAX);
        assert!(garbage.result.unwrap_err().starts_with("not a sweep task"));
        assert_eq!(SweepAnswer::from_message(WORKER_READY), None);
        assert!(task(0)
            .answer()
            .result
            .unwrap()
            .summary(&task(0).sweep, 20, 1)
            .is_none());
    }
}
