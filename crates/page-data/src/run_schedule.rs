//! A demo's bookkeeping of its runs on a worker: which request is on the
//! worker, which waits, which answer to show. Pure (time comes in as a
//! number), so that it is tested natively; `src/demos/live_run` posts and
//! listens.
//!
//! The rules:
//! - one request on the worker at a time; a request made while one runs
//!   waits, and a later one replaces it (a slider dragged across twenty
//!   steps runs the first and the last, not twenty);
//! - an answer to anything but the newest request is dropped;
//! - a request made while the worker has been busy for longer than
//!   [`RESTART_AFTER_MS`] ends that worker and starts another for the new
//!   request: the reader waits for the run they asked for, not for a long
//!   one they have already left behind.

/// How long a run may have been computing before a newer request ends the
/// worker instead of waiting for it (starting a worker costs tens of
/// milliseconds off the page; most runs take less than this).
pub const RESTART_AFTER_MS: f64 = 250.0;

/// What the page must do now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunAction {
    /// Post request `generation` to the worker.
    Post(u64),
    /// End the worker, start a new one, and post `generation` once it is up.
    Restart(u64),
    /// Nothing: the request waits for the worker.
    Wait,
}

/// The state of one demo's runs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunSchedule {
    newest: u64,
    /// The generation on the worker, and when it was posted.
    in_flight: Option<(u64, f64)>,
    /// The generation waiting for the worker (always the newest).
    waiting: Option<u64>,
    shown: Option<u64>,
}

impl RunSchedule {
    pub fn new() -> Self {
        Self::default()
    }

    /// The reader changed something at `now_ms`: a new request, with the
    /// generation it gets and what to do.
    pub fn ask(&mut self, now_ms: f64) -> (u64, RunAction) {
        self.newest += 1;
        let generation = self.newest;
        let action = match self.in_flight {
            None => {
                self.in_flight = Some((generation, now_ms));
                self.waiting = None;
                RunAction::Post(generation)
            }
            Some((_, since)) if now_ms - since > RESTART_AFTER_MS => {
                self.in_flight = Some((generation, now_ms));
                self.waiting = None;
                RunAction::Restart(generation)
            }
            Some(_) => {
                self.waiting = Some(generation);
                RunAction::Wait
            }
        };
        (generation, action)
    }

    /// The worker answered `generation` at `now_ms`: whether to show the
    /// answer, and what to post next.
    pub fn answered(&mut self, generation: u64, now_ms: f64) -> (bool, RunAction) {
        if self.in_flight.map(|(g, _)| g) != Some(generation) {
            // From a worker that was ended, or a duplicate: not ours.
            return (false, RunAction::Wait);
        }
        self.in_flight = None;
        let show = generation == self.newest;
        if show {
            self.shown = Some(generation);
        }
        let next = match self.waiting.take() {
            Some(waiting) => {
                self.in_flight = Some((waiting, now_ms));
                RunAction::Post(waiting)
            }
            None => RunAction::Wait,
        };
        (show, next)
    }

    /// The worker is gone at `now_ms` (it failed to start, or died): the
    /// newest request, if not yet answered, to be computed elsewhere (it is
    /// on that elsewhere now, and its answer is taken like a worker's).
    pub fn lost_worker(&mut self, now_ms: f64) -> Option<u64> {
        self.waiting = None;
        let unanswered = self.newest > 0 && self.shown != Some(self.newest);
        self.in_flight = unanswered.then_some((self.newest, now_ms));
        unanswered.then_some(self.newest)
    }

    /// Whether the run on screen is older than the reader's newest request.
    pub fn updating(&self) -> bool {
        self.newest > 0 && self.shown != Some(self.newest)
    }

    pub fn newest(&self) -> u64 {
        self.newest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_request_is_posted_and_its_answer_shown() {
        let mut s = RunSchedule::new();
        assert!(!s.updating());
        assert_eq!(s.ask(0.0), (1, RunAction::Post(1)));
        assert!(s.updating());
        assert_eq!(s.answered(1, 5.0), (true, RunAction::Wait));
        assert!(!s.updating());
    }

    #[test]
    fn requests_made_while_busy_coalesce_to_the_newest() {
        let mut s = RunSchedule::new();
        s.ask(0.0);
        for t in 1..20 {
            assert_eq!(s.ask(f64::from(t)).1, RunAction::Wait);
        }
        // The first answer is stale: dropped, and the newest goes next.
        assert_eq!(s.answered(1, 30.0), (false, RunAction::Post(20)));
        assert!(s.updating());
        assert_eq!(s.answered(20, 40.0), (true, RunAction::Wait));
        assert!(!s.updating());
    }

    #[test]
    fn a_long_run_is_abandoned_for_a_newer_request() {
        let mut s = RunSchedule::new();
        s.ask(0.0);
        assert_eq!(s.ask(RESTART_AFTER_MS + 1.0), (2, RunAction::Restart(2)));
        // The ended worker's answer, should it still come, is not shown.
        assert_eq!(s.answered(1, 400.0), (false, RunAction::Wait));
        assert_eq!(s.answered(2, 500.0), (true, RunAction::Wait));
    }

    #[test]
    fn a_lost_worker_hands_back_the_newest_unanswered_request() {
        let mut s = RunSchedule::new();
        s.ask(0.0);
        s.ask(1.0);
        assert_eq!(s.lost_worker(2.0), Some(2));
        assert_eq!(
            s.answered(1, 3.0),
            (false, RunAction::Wait),
            "the lost worker's"
        );
        assert_eq!(s.answered(2, 4.0), (true, RunAction::Wait));
        assert!(!s.updating());
        assert_eq!(s.lost_worker(5.0), None);
    }

    #[test]
    fn answers_not_on_the_worker_are_ignored() {
        let mut s = RunSchedule::new();
        s.ask(0.0);
        assert_eq!(s.answered(7, 1.0), (false, RunAction::Wait));
        assert!(s.updating());
        assert_eq!(s.answered(1, 2.0), (true, RunAction::Wait));
        assert_eq!(s.answered(1, 3.0), (false, RunAction::Wait), "a duplicate");
    }
}
