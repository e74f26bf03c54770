//! The server: workers, a bounded FIFO queue, a service-time distribution,
//! failures, load shedding and outages.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use crate::delay::Delay;
use crate::error::{check_count, check_range, field, ScenarioError};
use crate::rng::SimRng;
use crate::time::Micros;
use crate::window::{validate_windows, Window};

/// A server's configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerModel {
    /// Requests served at once (1 to 10000).
    pub concurrency: u32,
    /// Requests that may wait for a worker (0 to 1000000); an arrival that
    /// finds the queue full is shed: it gets an error reply at once.
    pub queue_capacity: u32,
    /// Time to serve one request.
    pub service: Delay,
    /// Probability that serving a request fails (0 to 1).
    pub failure_rate: f64,
    /// Extra service time per waiting request, as a fraction of the drawn
    /// service time (0 to 1): a busy server gets slower (contention, cache
    /// misses, garbage collection), which is what lets overload persist.
    pub queue_slowdown: f64,
    /// Windows during which the server starts no work (a "blip"): arrivals
    /// queue, or are shed when the queue is full.
    pub outages: Vec<Window>,
}

impl Default for ServerModel {
    fn default() -> Self {
        Self {
            concurrency: 8,
            queue_capacity: 100,
            service: Delay::constant(5.0),
            failure_rate: 0.1,
            queue_slowdown: 0.0,
            outages: Vec::new(),
        }
    }
}

impl ServerModel {
    /// Checks the parameters; `at` is the server's path (`server`).
    pub fn validate(&self, at: &str) -> Result<(), ScenarioError> {
        check_count(&field(at, "concurrency"), self.concurrency, 1, 10_000)?;
        check_count(
            &field(at, "queue_capacity"),
            self.queue_capacity,
            0,
            1_000_000,
        )?;
        self.service.validate(&field(at, "service"))?;
        check_range(&field(at, "failure_rate"), self.failure_rate, 0.0, 1.0, "")?;
        check_range(
            &field(at, "queue_slowdown"),
            self.queue_slowdown,
            0.0,
            1.0,
            "",
        )?;
        validate_windows(&self.outages, &field(at, "outages"))
    }

    /// Draws whether one served request fails.
    pub fn fails(&self, rng: &mut SimRng) -> bool {
        rng.chance(self.failure_rate)
    }
}

/// What happened to an arriving request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// A worker took it; it is done after this long.
    Started { service: Micros },
    /// It waits in the queue.
    Queued,
    /// The queue was full.
    Shed,
}

/// A server at run time, holding jobs of type `J`.
#[derive(Debug, Clone)]
pub struct Server<J> {
    busy: u32,
    queue: VecDeque<J>,
    /// The model's outage windows in µs, converted once.
    outages: Vec<(Micros, Micros)>,
}

impl<J> Server<J> {
    /// An idle server for `model`.
    pub fn new(model: &ServerModel) -> Self {
        Self {
            busy: 0,
            queue: VecDeque::new(),
            outages: model.outages.iter().map(Window::micros).collect(),
        }
    }

    fn is_down(&self, now: Micros) -> bool {
        self.outages
            .iter()
            .any(|&(start, end)| (start..end).contains(&now))
    }

    /// Requests waiting for a worker.
    pub fn queue_len(&self) -> usize {
        self.queue.len()
    }

    /// Workers busy.
    pub fn busy(&self) -> u32 {
        self.busy
    }

    fn service_time(&self, model: &ServerModel, rng: &mut SimRng) -> Micros {
        let drawn = model.service.sample(rng);
        if model.queue_slowdown <= 0.0 || self.queue.is_empty() {
            return drawn;
        }
        let factor = 1.0 + model.queue_slowdown * self.queue.len() as f64;
        crate::time::scale(drawn, factor)
    }

    /// A request arrives at `now`.
    pub fn arrive(
        &mut self,
        model: &ServerModel,
        now: Micros,
        job: J,
        rng: &mut SimRng,
    ) -> Admission {
        if self.busy < model.concurrency && !self.is_down(now) {
            self.busy += 1;
            Admission::Started {
                service: self.service_time(model, rng),
            }
        } else if self.queue.len() < model.queue_capacity as usize {
            self.queue.push_back(job);
            Admission::Queued
        } else {
            Admission::Shed
        }
    }

    /// A worker finished at `now`; it takes the next waiting job, if any
    /// and if the server is not down.
    pub fn finish(
        &mut self,
        model: &ServerModel,
        now: Micros,
        rng: &mut SimRng,
    ) -> Option<(J, Micros)> {
        self.busy = self.busy.saturating_sub(1);
        self.start_next(model, now, rng)
    }

    /// Starts waiting jobs on idle workers (after an outage ends).
    pub fn resume(
        &mut self,
        model: &ServerModel,
        now: Micros,
        rng: &mut SimRng,
    ) -> Vec<(J, Micros)> {
        let mut started = Vec::new();
        while let Some(next) = self.start_next(model, now, rng) {
            started.push(next);
        }
        started
    }

    fn start_next(
        &mut self,
        model: &ServerModel,
        now: Micros,
        rng: &mut SimRng,
    ) -> Option<(J, Micros)> {
        if self.busy >= model.concurrency || self.is_down(now) {
            return None;
        }
        let job = self.queue.pop_front()?;
        self.busy += 1;
        let service = self.service_time(model, rng);
        Some((job, service))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> ServerModel {
        ServerModel {
            concurrency: 1,
            queue_capacity: 1,
            service: Delay::constant(2.0),
            failure_rate: 0.0,
            queue_slowdown: 0.0,
            outages: vec![Window {
                start_ms: 10.0,
                end_ms: 20.0,
            }],
        }
    }

    #[test]
    fn one_worker_one_slot_then_shedding() {
        let m = model();
        let mut s = Server::new(&m);
        let mut rng = SimRng::new(0);
        assert_eq!(
            s.arrive(&m, 0, 'a', &mut rng),
            Admission::Started { service: 2000 }
        );
        assert_eq!(s.arrive(&m, 0, 'b', &mut rng), Admission::Queued);
        assert_eq!(s.arrive(&m, 0, 'c', &mut rng), Admission::Shed);
        assert_eq!(s.finish(&m, 2000, &mut rng), Some(('b', 2000)));
        assert_eq!(s.finish(&m, 4000, &mut rng), None);
        assert_eq!(s.busy(), 0);
    }

    #[test]
    fn an_outage_holds_work_until_it_ends() {
        let m = model();
        let mut s = Server::new(&m);
        let mut rng = SimRng::new(0);
        assert_eq!(s.arrive(&m, 12_000, 'a', &mut rng), Admission::Queued);
        assert!(s.resume(&m, 15_000, &mut rng).is_empty());
        assert_eq!(s.resume(&m, 20_000, &mut rng), vec![('a', 2000)]);
    }

    #[test]
    fn a_long_queue_slows_service() {
        let m = ServerModel {
            queue_slowdown: 0.5,
            queue_capacity: 10,
            ..model()
        };
        let mut s = Server::new(&m);
        let mut rng = SimRng::new(0);
        s.arrive(&m, 0, 0, &mut rng);
        for j in 1..=3 {
            s.arrive(&m, 0, j, &mut rng);
        }
        // Two still waiting when the next one starts: 2 ms * (1 + 0.5 * 2).
        assert_eq!(s.finish(&m, 2000, &mut rng), Some((1, 4000)));
    }
}
