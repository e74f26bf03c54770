//! Time series of a run in fixed buckets: what a load chart plots.

use serde::{Deserialize, Serialize};

use crate::breaker::BreakerState;
use crate::time::{micros_to_ms, Micros};

/// Counts within one bucket of time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesPoint {
    /// Start of the bucket, in milliseconds.
    pub t_ms: f64,
    /// New requests (offered load).
    pub issued: u32,
    /// Attempts sent, first tries and retries.
    pub attempts: u32,
    /// Requests that succeeded (goodput).
    pub succeeded: u32,
    /// Requests that ended without success.
    pub failed: u32,
    /// Attempts the server shed.
    pub shed: u32,
    /// Attempts the client stopped waiting for.
    pub timed_out: u32,
    /// Longest queue seen at the server.
    pub queue_max: u32,
    /// The worst breaker state seen (open over half-open over closed).
    pub breaker: BreakerState,
}

/// Most buckets a series keeps: the last one also holds everything after
/// it, so memory stays bounded when a run goes on for simulated days (an
/// hour-long backoff a hundred times over) and the totals still add up.
pub const MAX_SERIES_POINTS: usize = 100_000;

/// Buckets of `width` µs from time 0 (at most [`MAX_SERIES_POINTS`]).
#[derive(Debug, Clone)]
pub struct Series {
    width: Micros,
    points: Vec<SeriesPoint>,
    breaker: BreakerState,
}

impl Series {
    pub fn new(width: Micros) -> Self {
        Self {
            width: width.max(1),
            points: Vec::new(),
            breaker: BreakerState::Closed,
        }
    }

    /// The bucket holding `now` (or the last), creating the buckets before
    /// it.
    pub fn at(&mut self, now: Micros) -> &mut SeriesPoint {
        let index = usize::try_from(now / self.width)
            .unwrap_or(usize::MAX)
            .min(MAX_SERIES_POINTS - 1);
        while self.points.len() <= index {
            let start = self.points.len() as u64 * self.width;
            self.points.push(SeriesPoint {
                t_ms: micros_to_ms(start),
                issued: 0,
                attempts: 0,
                succeeded: 0,
                failed: 0,
                shed: 0,
                timed_out: 0,
                queue_max: 0,
                breaker: self.breaker,
            });
        }
        &mut self.points[index]
    }

    /// Notes the queue length at `now`.
    pub fn queue(&mut self, now: Micros, len: usize) {
        let point = self.at(now);
        point.queue_max = point.queue_max.max(len as u32);
    }

    /// Notes that the breaker entered `state` at `now`.
    pub fn breaker(&mut self, now: Micros, state: BreakerState) {
        self.breaker = state;
        let point = self.at(now);
        if severity(state) > severity(point.breaker) {
            point.breaker = state;
        }
    }

    pub fn width(&self) -> Micros {
        self.width
    }

    pub fn into_points(self) -> Vec<SeriesPoint> {
        self.points
    }
}

fn severity(s: BreakerState) -> u8 {
    match s {
        BreakerState::Closed => 0,
        BreakerState::HalfOpen => 1,
        BreakerState::Open => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_fill_in_and_carry_the_breaker_state() {
        let mut s = Series::new(1000);
        s.at(2500).issued += 1;
        s.breaker(2600, BreakerState::Open);
        s.breaker(2700, BreakerState::HalfOpen);
        s.queue(3100, 7);
        let points = s.into_points();
        assert_eq!(points.len(), 4);
        assert_eq!(points[2].issued, 1);
        assert_eq!(points[2].breaker, BreakerState::Open);
        assert_eq!(points[3].breaker, BreakerState::HalfOpen);
        assert_eq!(points[3].queue_max, 7);
        assert_eq!(points[3].t_ms, 3.0);
    }

    #[test]
    fn a_long_run_keeps_a_bounded_series_whose_last_bucket_holds_the_rest() {
        let mut s = Series::new(1);
        s.at(0).issued += 1;
        s.at(u64::MAX).issued += 1;
        s.at(MAX_SERIES_POINTS as u64 * 7).issued += 1;
        let points = s.into_points();
        assert_eq!(points.len(), MAX_SERIES_POINTS);
        assert_eq!(points.last().map(|p| p.issued), Some(2));
    }
}
