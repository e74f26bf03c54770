//! The page computing a sweep cell itself, a run at a time, so that a cell
//! can be spread over several animation frames: used when no worker can
//! start (and by "step" when every worker is busy).

use sim::{run_contention, summarize_runs, ContentionRun, ContentionSummary};

use page_data::sweep_schedule::SweepSchedule;

/// A cell being computed in the page: its index and the runs made so far.
#[derive(Debug, Clone)]
pub struct LocalCell {
    cell: usize,
    runs: Vec<ContentionRun>,
}

impl LocalCell {
    /// The schedule's next waiting cell, if any.
    pub fn claim(schedule: &mut SweepSchedule) -> Option<Self> {
        schedule.claim_next().map(|cell| Self {
            cell,
            runs: Vec::new(),
        })
    }

    /// Makes the next run; the cell's summary once it has all its runs.
    pub fn run_next(&mut self, schedule: &SweepSchedule) -> Option<(usize, ContentionSummary)> {
        let (strategy, clients) = schedule.cell(self.cell)?;
        let scenario = schedule.sweep().scenario(strategy, clients);
        let seed = schedule.seed();
        let i = self.runs.len() as u64;
        self.runs
            .push(run_contention(&scenario, seed.wrapping_add(i)));
        (self.runs.len() as u32 >= schedule.sweep().runs)
            .then(|| (self.cell, summarize_runs(&scenario, seed, &self.runs)))
    }

    /// Makes every remaining run.
    pub fn finish(mut self, schedule: &SweepSchedule) -> Option<(usize, ContentionSummary)> {
        loop {
            if let Some(done) = self.run_next(schedule) {
                return Some(done);
            }
            schedule.cell(self.cell)?;
        }
    }
}
