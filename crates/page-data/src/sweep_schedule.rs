//! Which cells of a contention sweep are waiting, being computed (by which
//! worker, or by the page itself) or done, and which of the done ones the
//! reader has been shown. The page decides when things happen; this decides
//! what, so the bookkeeping is tested natively.
//!
//! Workers finish out of order; results are always shown in cell order
//! (strategy by strategy, clients ascending), and a paused sweep shows
//! nothing new until the reader steps or plays, even if a worker answers.

use std::collections::VecDeque;

use sim::{BackoffPolicy, ContentionSummary, ContentionSweep};

use crate::sweep_protocol::{SweepAnswer, SweepTask};

/// What became of a worker's answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Accepted {
    /// Stored (not yet shown).
    Stored,
    /// For an earlier sweep, or a cell this worker was not computing.
    Stale,
    /// The worker could not compute it; the cell is waiting again.
    Refused(String),
}

/// The state of one sweep.
#[derive(Debug, Clone)]
pub struct SweepSchedule {
    generation: u64,
    seed: u64,
    sweep: ContentionSweep,
    cells: Vec<(BackoffPolicy, u32)>,
    waiting: VecDeque<usize>,
    /// Per worker: the cell it is computing for this sweep.
    in_flight: Vec<Option<usize>>,
    results: Vec<Option<ContentionSummary>>,
    shown: Vec<bool>,
}

impl SweepSchedule {
    /// A sweep with every cell waiting, for a page with `workers` workers.
    pub fn new(generation: u64, sweep: ContentionSweep, seed: u64, workers: usize) -> Self {
        let cells = sweep.cells();
        let n = cells.len();
        Self {
            generation,
            seed,
            sweep,
            cells,
            waiting: (0..n).collect(),
            in_flight: vec![None; workers],
            results: vec![None; n],
            shown: vec![false; n],
        }
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn sweep(&self) -> &ContentionSweep {
        &self.sweep
    }

    /// The `(strategy, clients)` of a cell.
    pub fn cell(&self, index: usize) -> Option<(BackoffPolicy, u32)> {
        self.cells.get(index).copied()
    }

    /// Cells in the sweep.
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// Whether a cell is still waiting to be handed out.
    pub fn has_waiting(&self) -> bool {
        !self.waiting.is_empty()
    }

    /// The next waiting cell as a task for `worker` (an idle one).
    pub fn hand_out(&mut self, worker: usize) -> Option<SweepTask> {
        if worker >= self.in_flight.len() {
            self.in_flight.resize(worker + 1, None);
        }
        let cell = self.waiting.pop_front()?;
        self.in_flight[worker] = Some(cell);
        Some(SweepTask {
            generation: self.generation,
            cell,
            seed: self.seed,
            sweep: self.sweep.clone(),
        })
    }

    /// The next waiting cell, for the page to compute itself.
    pub fn claim_next(&mut self) -> Option<usize> {
        self.waiting.pop_front()
    }

    /// A worker's answer.
    pub fn accept(&mut self, worker: usize, answer: SweepAnswer) -> Accepted {
        let mine = self.in_flight.get(worker).copied().flatten();
        if answer.generation != self.generation || mine != Some(answer.cell) {
            return Accepted::Stale;
        }
        self.in_flight[worker] = None;
        match answer.result {
            Ok(numbers) => match self.cell(answer.cell) {
                Some(cell) => {
                    let summary = numbers.summary_of(cell, self.sweep.runs, self.seed);
                    self.store(answer.cell, summary);
                    Accepted::Stored
                }
                None => Accepted::Stale,
            },
            Err(reason) => {
                self.waiting.push_front(answer.cell);
                Accepted::Refused(reason)
            }
        }
    }

    /// A worker has gone: the cell it was computing waits again.
    pub fn lose(&mut self, worker: usize) {
        if let Some(cell) = self.in_flight.get_mut(worker).and_then(Option::take) {
            self.waiting.push_front(cell);
        }
    }

    /// A computed cell (by the page, or a worker through [`Self::accept`]).
    pub fn store(&mut self, cell: usize, summary: ContentionSummary) {
        if let Some(slot) = self.results.get_mut(cell) {
            *slot = Some(summary);
        }
    }

    /// Shows every stored cell; true if anything new is shown.
    pub fn reveal_all(&mut self) -> bool {
        let mut any = false;
        for (shown, result) in self.shown.iter_mut().zip(&self.results) {
            if result.is_some() && !*shown {
                *shown = true;
                any = true;
            }
        }
        any
    }

    /// Shows the first stored cell not yet shown; true if there was one.
    pub fn reveal_one(&mut self) -> bool {
        let next = (0..self.results.len()).find(|&i| self.results[i].is_some() && !self.shown[i]);
        if let Some(i) = next {
            self.shown[i] = true;
        }
        next.is_some()
    }

    /// The cells shown so far, in cell order.
    pub fn shown(&self) -> Vec<ContentionSummary> {
        self.results
            .iter()
            .zip(&self.shown)
            .filter(|(_, &shown)| shown)
            .filter_map(|(r, _)| r.clone())
            .collect()
    }

    /// Every cell computed and shown.
    pub fn finished(&self) -> bool {
        self.shown.iter().all(|&s| s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schedule(workers: usize) -> SweepSchedule {
        let sweep = ContentionSweep {
            runs: 2,
            clients_to: 30,
            ..ContentionSweep::default()
        };
        SweepSchedule::new(1, sweep, 9, workers)
    }

    /// What a worker would answer, through the messages.
    fn answer_for(task: &SweepTask) -> SweepAnswer {
        let message = crate::sweep_protocol::answer_message(&task.to_message());
        SweepAnswer::from_message(&message).unwrap()
    }

    #[test]
    fn out_of_order_answers_are_shown_in_cell_order_and_equal_a_direct_run() {
        let mut s = schedule(2);
        let direct = s.sweep().run(9);
        let mut tasks = Vec::new();
        while let Some(t) = s.hand_out(tasks.len() % 2) {
            // Two workers: hand out a pair, answer the second first.
            tasks.push(t);
            if tasks.len() % 2 == 0 {
                let (a, b) = (&tasks[tasks.len() - 2], &tasks[tasks.len() - 1]);
                assert_eq!(s.accept(1, answer_for(b)), Accepted::Stored);
                assert_eq!(s.accept(0, answer_for(a)), Accepted::Stored);
            }
        }
        // An odd count: the last one went to worker 0 alone.
        let last = tasks.last().unwrap();
        assert_eq!(s.accept(0, answer_for(last)), Accepted::Stored);
        assert!(s.reveal_all());
        assert!(s.finished());
        assert_eq!(s.shown(), direct);
    }

    #[test]
    fn a_paused_sweep_shows_one_cell_per_step_in_order() {
        let mut s = schedule(2);
        let second = s.hand_out(0).unwrap();
        let first_cell = second.cell;
        let third = s.hand_out(1).unwrap();
        assert_eq!(s.accept(1, answer_for(&third)), Accepted::Stored);
        assert!(s.shown().is_empty(), "nothing shown until revealed");
        assert!(s.reveal_one());
        assert_eq!(s.shown().len(), 1);
        assert_eq!(s.accept(0, answer_for(&second)), Accepted::Stored);
        assert!(s.reveal_one());
        let shown = s.shown();
        assert_eq!(shown.len(), 2);
        let (strategy, clients) = s.cell(first_cell).unwrap();
        assert_eq!((shown[0].strategy, shown[0].clients), (strategy, clients));
        assert!(!s.reveal_one());
    }

    #[test]
    fn stale_and_foreign_answers_are_ignored() {
        let mut s = schedule(2);
        let task = s.hand_out(0).unwrap();
        let mut old = answer_for(&task);
        old.generation = 0;
        assert_eq!(s.accept(0, old), Accepted::Stale);
        assert_eq!(
            s.accept(1, answer_for(&task)),
            Accepted::Stale,
            "not worker 1's cell"
        );
        assert_eq!(s.accept(0, answer_for(&task)), Accepted::Stored);
        assert_eq!(
            s.accept(0, answer_for(&task)),
            Accepted::Stale,
            "already answered"
        );
    }

    #[test]
    fn a_lost_or_refusing_worker_puts_its_cell_back_first() {
        let mut s = schedule(2);
        let a = s.hand_out(0).unwrap();
        let b = s.hand_out(1).unwrap();
        s.lose(0);
        assert_eq!(s.claim_next(), Some(a.cell));
        let mut refused = answer_for(&b);
        refused.result = Err("no memory".into());
        assert_eq!(s.accept(1, refused), Accepted::Refused("no memory".into()));
        assert_eq!(s.hand_out(1).map(|t| t.cell), Some(b.cell));
    }

    #[test]
    fn the_page_can_compute_cells_itself() {
        let mut s = schedule(0);
        let direct = s.sweep().run(9);
        while let Some(cell) = s.claim_next() {
            let (strategy, clients) = s.cell(cell).unwrap();
            let summary = s.sweep().cell(strategy, clients, s.seed());
            s.store(cell, summary);
        }
        assert!(!s.finished());
        s.reveal_all();
        assert!(s.finished());
        assert_eq!(s.shown(), direct);
        assert_eq!(s.len(), 15);
        assert!(!s.has_waiting());
    }
}
