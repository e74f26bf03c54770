//! The request engine: its state, the run loop and the dispatch of each
//! event; what each event does is in `client` (issuing, sending, retrying,
//! giving up), `server_side` (arrival, service, reply, losses) and `records`.

use super::{Arrivals, RpcOutput, RpcSetup};
use crate::backoff::{Backoff, BackoffState};
use crate::breaker::{Breaker, BreakerTransition};
use crate::event_queue::{EventQueue, Lane};
use crate::records::{AttemptOutcome, AttemptRecord, RequestRecord, RunEnd, StatsBuilder};
use crate::retry_budget::RetryTokens;
use crate::rng::SimRng;
use crate::series::Series;
use crate::server::Server;
use crate::time::{ms_to_micros, Micros};
use crate::trace::{Trace, TraceKind};

mod client;
mod records;
mod server_side;

#[derive(Debug, Clone, Copy)]
enum Event {
    Issue {
        request: u32,
    },
    Send {
        request: u32,
    },
    Arrive {
        request: u32,
        attempt: u32,
    },
    ServiceDone {
        request: u32,
        attempt: u32,
    },
    Reply {
        request: u32,
        attempt: u32,
        ok: bool,
    },
    Timeout {
        request: u32,
        attempt: u32,
    },
    Deadline {
        request: u32,
    },
    OutageEnds,
}

#[derive(Clone, Copy)]
struct InFlight {
    number: u32,
    sent_at: Micros,
    server_received_at: Option<Micros>,
    reply_lost: bool,
}

#[derive(Clone, Copy)]
struct RequestState {
    issued_at: Micros,
    attempts: u32,
    in_flight: Option<InFlight>,
    done: bool,
    backoff: BackoffState,
}

pub(super) struct Engine<'a> {
    setup: &'a RpcSetup<'a>,
    rng: SimRng,
    queue: EventQueue<Event>,
    /// Timeouts all have one delay, and deadlines another: FIFO lanes. Link
    /// deliveries too, when the latency is constant (else the lane passes
    /// out-of-order ones to the heap).
    timeouts: Lane,
    deadlines: Lane,
    link: Lane,
    server: Server<(u32, u32)>,
    requests: Vec<RequestState>,
    backoff: Backoff,
    timeout: Micros,
    deadline: Option<Micros>,
    tokens: Option<RetryTokens>,
    breaker: Option<Breaker>,
    stats: StatsBuilder,
    series: Option<Series>,
    trace: Trace,
    request_records: Vec<RequestRecord>,
    attempt_records: Vec<AttemptRecord>,
    transitions: Vec<BreakerTransition>,
}

impl<'a> Engine<'a> {
    /// Runs the setup with `seed` to its end or its event budget.
    pub(super) fn run(setup: &'a RpcSetup<'a>, seed: u64) -> RpcOutput {
        let client = setup.client;
        let mut queue = EventQueue::new();
        let (timeouts, deadlines, link) = (queue.lane(), queue.lane(), queue.lane());
        let mut engine = Engine {
            setup,
            rng: SimRng::new(seed),
            queue,
            timeouts,
            deadlines,
            link,
            server: Server::new(setup.server),
            requests: Vec::new(),
            backoff: client.backoff(),
            timeout: ms_to_micros(client.timeout_ms).max(1),
            deadline: client.deadline_ms.map(|d| ms_to_micros(d).max(1)),
            tokens: client.retry_budget.as_ref().map(RetryTokens::new),
            breaker: client.breaker.map(Breaker::new),
            stats: StatsBuilder::default(),
            series: setup.bucket.map(Series::new),
            trace: Trace::new(setup.trace),
            request_records: Vec::new(),
            attempt_records: Vec::new(),
            transitions: Vec::new(),
        };
        engine.schedule_arrivals();
        for window in &setup.server.outages {
            engine
                .queue
                .schedule_at(window.micros().1, Event::OutageEnds);
        }

        let mut events = 0u64;
        let mut end = RunEnd::Completed;
        while let Some((now, event)) = engine.queue.pop() {
            if events >= setup.event_budget {
                end = RunEnd::BudgetExceeded;
                break;
            }
            events += 1;
            engine.handle(now, event);
        }

        RpcOutput {
            end,
            events,
            stats: engine.stats.finish(),
            requests: engine.request_records,
            attempts: engine.attempt_records,
            series: engine.series.map(Series::into_points).unwrap_or_default(),
            trace: engine.trace.into_events(),
            breaker: engine.transitions,
        }
    }

    fn schedule_arrivals(&mut self) {
        match self.setup.arrivals {
            Arrivals::Every { interval, count } => {
                for i in 0..count {
                    let at = interval.saturating_mul(u64::from(i));
                    self.queue.schedule_at(at, Event::Issue { request: i });
                }
            }
            // One arrival at a time: each Issue schedules the next.
            Arrivals::Poisson { until, .. } => {
                if until > 0 {
                    self.queue.schedule_at(0, Event::Issue { request: 0 });
                }
            }
        }
    }

    fn handle(&mut self, now: Micros, event: Event) {
        match event {
            Event::Issue { request } => self.issue(now, request),
            Event::Send { request } => self.send(now, request),
            Event::Arrive { request, attempt } => self.arrive(now, request, attempt),
            Event::ServiceDone { request, attempt } => self.service_done(now, request, attempt),
            Event::Reply {
                request,
                attempt,
                ok,
            } => {
                self.trace.record(
                    now,
                    TraceKind::Replied {
                        request,
                        attempt,
                        ok,
                    },
                );
                let outcome = if ok {
                    AttemptOutcome::Succeeded
                } else {
                    AttemptOutcome::Failed
                };
                self.end_attempt(now, request, attempt, outcome);
            }
            Event::Timeout { request, attempt } => {
                self.end_attempt(now, request, attempt, AttemptOutcome::TimedOut);
            }
            Event::Deadline { request } => self.deadline_passed(now, request),
            Event::OutageEnds => {
                for ((request, attempt), service) in
                    self.server.resume(self.setup.server, now, &mut self.rng)
                {
                    self.queue
                        .schedule_in(service, Event::ServiceDone { request, attempt });
                }
                self.note_queue(now);
            }
        }
    }
}
