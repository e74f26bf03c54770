//! A circuit breaker: closed (calls flow), open (calls fail fast), half-open
//! (a few probe calls test the dependency).
//!
//! Closed -> Open when, over the last `window` outcomes (and at least
//! `min_calls` of them), the share of failures reaches `failure_threshold`.
//! Open -> HalfOpen once `cooldown_ms` has passed since it opened.
//! HalfOpen -> Closed after `half_open_probes` successes in a row;
//! HalfOpen -> Open on any failure. No other transition exists.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use crate::error::{check_count, check_range, field, ScenarioError};
use crate::time::{ms_to_micros, Micros};

/// The breaker's configuration.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BreakerConfig {
    /// Share of failures over the window that opens the breaker (0 to 1).
    pub failure_threshold: f64,
    /// Outcomes remembered while closed (1 to 10000).
    pub window: u32,
    /// Fewest outcomes in the window before it may open (1 to 10000).
    pub min_calls: u32,
    /// Time spent open before probing, in milliseconds.
    pub cooldown_ms: f64,
    /// Probe calls allowed while half-open, all of which must succeed to
    /// close (1 to 100).
    pub half_open_probes: u32,
}

impl Default for BreakerConfig {
    fn default() -> Self {
        Self {
            failure_threshold: 0.5,
            window: 20,
            min_calls: 10,
            cooldown_ms: 1000.0,
            half_open_probes: 3,
        }
    }
}

impl BreakerConfig {
    pub fn validate(&self, at: &str) -> Result<(), ScenarioError> {
        check_range(
            &field(at, "failure_threshold"),
            self.failure_threshold,
            0.0,
            1.0,
            "",
        )?;
        check_count(&field(at, "window"), self.window, 1, 10_000)?;
        check_count(&field(at, "min_calls"), self.min_calls, 1, 10_000)?;
        check_range(
            &field(at, "cooldown_ms"),
            self.cooldown_ms,
            0.0,
            3_600_000.0,
            "ms",
        )?;
        check_count(
            &field(at, "half_open_probes"),
            self.half_open_probes,
            1,
            100,
        )
    }
}

/// Where the breaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakerState {
    Closed,
    Open,
    HalfOpen,
}

impl BreakerState {
    /// Whether `self -> to` is one of the four legal edges.
    pub fn may_become(self, to: BreakerState) -> bool {
        matches!(
            (self, to),
            (BreakerState::Closed, BreakerState::Open)
                | (BreakerState::Open, BreakerState::HalfOpen)
                | (BreakerState::HalfOpen, BreakerState::Closed)
                | (BreakerState::HalfOpen, BreakerState::Open)
        )
    }
}

/// A change of state, for the event log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreakerTransition {
    pub at: Micros,
    pub from: BreakerState,
    pub to: BreakerState,
}

/// A breaker at run time.
#[derive(Debug, Clone)]
pub struct Breaker {
    config: BreakerConfig,
    cooldown: Micros,
    state: BreakerState,
    outcomes: VecDeque<bool>,
    failures: u32,
    opened_at: Micros,
    probes_sent: u32,
    probe_successes: u32,
}

impl Breaker {
    pub fn new(config: BreakerConfig) -> Self {
        Self {
            config,
            cooldown: ms_to_micros(config.cooldown_ms),
            state: BreakerState::Closed,
            outcomes: VecDeque::with_capacity(config.window as usize),
            failures: 0,
            opened_at: 0,
            probes_sent: 0,
            probe_successes: 0,
        }
    }

    pub fn state(&self) -> BreakerState {
        self.state
    }

    fn move_to(&mut self, now: Micros, to: BreakerState) -> BreakerTransition {
        let from = self.state;
        self.state = to;
        match to {
            BreakerState::Open => self.opened_at = now,
            BreakerState::HalfOpen => {
                self.probes_sent = 0;
                self.probe_successes = 0;
            }
            BreakerState::Closed => {
                self.outcomes.clear();
                self.failures = 0;
            }
        }
        BreakerTransition { at: now, from, to }
    }

    /// Whether a call may go out at `now`, and the transition to half-open
    /// if the cool-down has just ended.
    pub fn allow(&mut self, now: Micros) -> (bool, Option<BreakerTransition>) {
        let mut transition = None;
        if self.state == BreakerState::Open && now >= self.opened_at.saturating_add(self.cooldown) {
            transition = Some(self.move_to(now, BreakerState::HalfOpen));
        }
        let allowed = match self.state {
            BreakerState::Closed => true,
            BreakerState::Open => false,
            BreakerState::HalfOpen => {
                let probe = self.probes_sent < self.config.half_open_probes;
                self.probes_sent += u32::from(probe);
                probe
            }
        };
        (allowed, transition)
    }

    /// Records the outcome of a call that was allowed.
    pub fn record(&mut self, now: Micros, success: bool) -> Option<BreakerTransition> {
        match self.state {
            BreakerState::Closed => {
                self.outcomes.push_back(success);
                self.failures += u32::from(!success);
                if self.outcomes.len() > self.config.window as usize {
                    let dropped = self.outcomes.pop_front().unwrap_or(true);
                    self.failures -= u32::from(!dropped);
                }
                let calls = self.outcomes.len() as u32;
                let tripped = calls >= self.config.min_calls
                    && f64::from(self.failures) >= self.config.failure_threshold * f64::from(calls);
                tripped.then(|| self.move_to(now, BreakerState::Open))
            }
            BreakerState::HalfOpen if !success => Some(self.move_to(now, BreakerState::Open)),
            BreakerState::HalfOpen => {
                self.probe_successes += 1;
                (self.probe_successes >= self.config.half_open_probes)
                    .then(|| self.move_to(now, BreakerState::Closed))
            }
            // A late answer to a call made before the breaker opened.
            BreakerState::Open => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> BreakerConfig {
        BreakerConfig {
            failure_threshold: 0.5,
            window: 4,
            min_calls: 4,
            cooldown_ms: 1.0,
            half_open_probes: 2,
        }
    }

    #[test]
    fn opens_cools_down_probes_and_closes() {
        let mut b = Breaker::new(config());
        for ok in [true, true, false] {
            assert_eq!(b.record(0, ok), None);
        }
        let t = b.record(10, false).expect("opens at 2 of 4 failures");
        assert_eq!((t.from, t.to), (BreakerState::Closed, BreakerState::Open));
        assert_eq!(b.allow(500), (false, None));
        let (allowed, t) = b.allow(1010);
        assert!(allowed);
        assert_eq!(t.map(|t| t.to), Some(BreakerState::HalfOpen));
        assert!(b.allow(1011).0);
        assert!(!b.allow(1012).0, "only two probes");
        assert_eq!(b.record(1020, true), None);
        assert_eq!(
            b.record(1030, true).map(|t| t.to),
            Some(BreakerState::Closed)
        );
        assert!(b.allow(1040).0);
    }

    #[test]
    fn a_failed_probe_reopens() {
        let mut b = Breaker::new(config());
        for _ in 0..4 {
            b.record(0, false);
        }
        assert_eq!(b.state(), BreakerState::Open);
        b.allow(2000);
        assert_eq!(
            b.record(2001, false).map(|t| t.to),
            Some(BreakerState::Open)
        );
        assert_eq!(b.allow(2500), (false, None), "a new cool-down started");
    }

    #[test]
    fn only_four_edges_are_legal() {
        use BreakerState::*;
        let legal: Vec<_> = [Closed, Open, HalfOpen]
            .into_iter()
            .flat_map(|a| [Closed, Open, HalfOpen].map(move |b| (a, b)))
            .filter(|(a, b)| a.may_become(*b))
            .collect();
        assert_eq!(
            legal,
            vec![
                (Closed, Open),
                (Open, HalfOpen),
                (HalfOpen, Closed),
                (HalfOpen, Open)
            ]
        );
    }
}
