//! The messages between the contention demo and its web workers: the page
//! hands a worker one cell of a sweep, the worker answers with that cell's
//! summary. Both sides are here, pure, so that a native test can check
//! that a worker's answer is exactly the cell the page would have computed.
//!
//! Messages are JSON strings (serde_json with `float_roundtrip`, so every
//! mean and deviation comes back bit for bit).

use serde::{Deserialize, Serialize};
use sim::{ContentionSummary, ContentionSweep};

/// What a worker posts once its module is ready to take tasks (messages
/// posted to a worker before then would be lost).
pub const WORKER_READY: &str = "ready";

/// One cell of a sweep to compute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SweepTask {
    /// Which sweep of the page this belongs to: answers to a superseded
    /// sweep are recognised and dropped.
    pub generation: u64,
    /// The cell's index in [`ContentionSweep::cells`].
    pub cell: usize,
    pub seed: u64,
    pub sweep: ContentionSweep,
}

/// A worker's answer to a [`SweepTask`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SweepAnswer {
    pub generation: u64,
    pub cell: usize,
    /// The cell's summary, or why it could not be computed.
    pub result: Result<ContentionSummary, String>,
}

impl SweepTask {
    /// The message to post.
    pub fn to_message(&self) -> String {
        // A struct of numbers and enums: serializing it cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Computes the cell (what the worker does).
    pub fn answer(&self) -> SweepAnswer {
        let result = match self.sweep.validate() {
            Err(e) => Err(e.to_string()),
            Ok(()) => match self.sweep.cells().get(self.cell) {
                Some(&(strategy, clients)) => Ok(self.sweep.cell(strategy, clients, self.seed)),
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
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a worker's message (`None` for anything else, such as
    /// [`WORKER_READY`]).
    pub fn from_message(message: &str) -> Option<Self> {
        serde_json::from_str(message).ok()
    }
}

/// The worker's whole job: a task message in, an answer message out. A
/// message that is not a task is answered with an error for cell
/// `usize::MAX`, which no sweep has.
pub fn answer_message(message: &str) -> String {
    match serde_json::from_str::<SweepTask>(message) {
        Ok(task) => task.answer().to_message(),
        Err(e) => SweepAnswer {
            generation: 0,
            cell: usize::MAX,
            result: Err(format!("not a sweep task: {e}")),
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
            seed: 42,
            sweep: ContentionSweep {
                runs: 3,
                clients_to: 40,
                ..ContentionSweep::default()
            },
        }
    }

    #[test]
    fn a_worker_answers_exactly_the_cell_the_page_would_compute() {
        let t = task(5);
        let answer = SweepAnswer::from_message(&answer_message(&t.to_message())).unwrap();
        let (strategy, clients) = t.sweep.cells()[5];
        assert_eq!(answer.generation, 3);
        assert_eq!(answer.cell, 5);
        // Bit for bit, through two JSON trips.
        assert_eq!(answer.result, Ok(t.sweep.cell(strategy, clients, 42)));
    }

    #[test]
    fn every_cell_of_a_sweep_comes_back_identical() {
        let t = task(0);
        let direct = t.sweep.run(42);
        for (i, expected) in direct.iter().enumerate() {
            let message = answer_message(&task(i).to_message());
            let answer = SweepAnswer::from_message(&message).unwrap();
            assert_eq!(answer.result.as_ref(), Ok(expected), "cell {i}");
        }
    }

    #[test]
    fn bad_tasks_are_answered_with_the_reason() {
        let out_of_range = SweepAnswer::from_message(&answer_message(&task(999).to_message()));
        let err = out_of_range.unwrap().result.unwrap_err();
        assert!(err.contains("cell 999 of a sweep with 20 cells"), "{err}");

        let mut invalid = task(0);
        invalid.sweep.runs = 0;
        let err = invalid.answer().result.unwrap_err();
        assert!(err.contains("runs"), "{err}");

        let garbage = SweepAnswer::from_message(&answer_message("{\"cell\": \"x\"")).unwrap();
        assert_eq!(garbage.cell, usize::MAX);
        assert!(garbage.result.unwrap_err().starts_with("not a sweep task"));
        assert_eq!(SweepAnswer::from_message(WORKER_READY), None);
    }
}
