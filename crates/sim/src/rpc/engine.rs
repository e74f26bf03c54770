//! The request engine's state and its handling of each event.

use super::{Arrivals, RpcOutput, RpcSetup};
use crate::backoff::{Backoff, BackoffState};
use crate::breaker::{Breaker, BreakerTransition};
use crate::event_queue::{EventQueue, Lane};
use crate::records::{
    AttemptOutcome, AttemptRecord, RequestOutcome, RequestRecord, RunEnd, StatsBuilder,
};
use crate::retry_budget::RetryTokens;
use crate::rng::SimRng;
use crate::series::Series;
use crate::server::{Admission, Server};
use crate::time::{ms_to_micros, Micros};
use crate::trace::{GiveUpReason, Leg, Trace, TraceKind};

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

    fn issue(&mut self, now: Micros, request: u32) {
        if let Arrivals::Poisson { mean_gap_ms, until } = self.setup.arrivals {
            let next = now.saturating_add(self.rng.exponential_micros(mean_gap_ms).max(1));
            if next < until {
                self.queue.schedule_at(
                    next,
                    Event::Issue {
                        request: request + 1,
                    },
                );
            }
        }
        debug_assert_eq!(request as usize, self.requests.len());
        self.requests.push(RequestState {
            issued_at: now,
            attempts: 0,
            in_flight: None,
            done: false,
            backoff: BackoffState::default(),
        });
        self.stats.requests += 1;
        if let Some(series) = &mut self.series {
            series.at(now).issued += 1;
        }
        if let Some(tokens) = &mut self.tokens {
            tokens.on_request();
        }
        self.trace.record(now, TraceKind::Issued { request });
        if let Some(deadline) = self.deadline {
            self.queue
                .schedule_in_lane(self.deadlines, deadline, Event::Deadline { request });
        }
        self.send(now, request);
    }

    fn send(&mut self, now: Micros, request: u32) {
        if self.requests[request as usize].done {
            return;
        }
        if let Some(breaker) = &mut self.breaker {
            let (allowed, transition) = breaker.allow(now);
            self.note_transition(transition);
            if !allowed {
                self.finish_request(
                    now,
                    request,
                    RequestOutcome::Failed(GiveUpReason::BreakerOpen),
                );
                return;
            }
        }
        let state = &mut self.requests[request as usize];
        state.attempts += 1;
        let attempt = state.attempts;
        state.in_flight = Some(InFlight {
            number: attempt,
            sent_at: now,
            server_received_at: None,
            reply_lost: false,
        });
        self.stats.attempts += 1;
        if let Some(series) = &mut self.series {
            series.at(now).attempts += 1;
        }
        self.trace.record(now, TraceKind::Sent { request, attempt });
        self.queue.schedule_in_lane(
            self.timeouts,
            self.timeout,
            Event::Timeout { request, attempt },
        );
        match self.setup.link.transmit(now, &mut self.rng) {
            Some(delay) => {
                self.queue
                    .schedule_in_lane(self.link, delay, Event::Arrive { request, attempt })
            }
            None => self.lost(now, request, attempt, Leg::Request),
        }
    }

    fn arrive(&mut self, now: Micros, request: u32, attempt: u32) {
        self.trace
            .record(now, TraceKind::Delivered { request, attempt });
        if let Some(f) = self.flight_mut(request, attempt) {
            f.server_received_at = Some(now);
        }
        // The server serves whatever reaches it, even a request whose
        // client has given up: that is the wasted work of a retry storm.
        match self
            .server
            .arrive(self.setup.server, now, (request, attempt), &mut self.rng)
        {
            Admission::Started { service } => {
                self.queue
                    .schedule_in(service, Event::ServiceDone { request, attempt });
            }
            Admission::Queued => self
                .trace
                .record(now, TraceKind::Queued { request, attempt }),
            Admission::Shed => {
                self.trace.record(now, TraceKind::Shed { request, attempt });
                self.stats.shed += 1;
                if let Some(series) = &mut self.series {
                    series.at(now).shed += 1;
                }
                self.reply(now, request, attempt, false);
            }
        }
        self.note_queue(now);
    }

    fn service_done(&mut self, now: Micros, request: u32, attempt: u32) {
        let ok = !self.setup.server.fails(&mut self.rng);
        self.stats.served += 1;
        self.trace.record(
            now,
            TraceKind::Served {
                request,
                attempt,
                ok,
            },
        );
        self.reply(now, request, attempt, ok);
        if let Some(((next_request, next_attempt), service)) =
            self.server.finish(self.setup.server, now, &mut self.rng)
        {
            self.queue.schedule_in(
                service,
                Event::ServiceDone {
                    request: next_request,
                    attempt: next_attempt,
                },
            );
        }
        self.note_queue(now);
    }

    fn reply(&mut self, now: Micros, request: u32, attempt: u32, ok: bool) {
        match self.setup.link.transmit(now, &mut self.rng) {
            Some(delay) => self.queue.schedule_in_lane(
                self.link,
                delay,
                Event::Reply {
                    request,
                    attempt,
                    ok,
                },
            ),
            None => {
                if let Some(f) = self.flight_mut(request, attempt) {
                    f.reply_lost = true;
                }
                self.lost(now, request, attempt, Leg::Reply);
            }
        }
    }

    fn lost(&mut self, now: Micros, request: u32, attempt: u32, leg: Leg) {
        self.stats.lost += 1;
        self.trace.record(
            now,
            TraceKind::Lost {
                request,
                attempt,
                leg,
            },
        );
    }

    fn flight_mut(&mut self, request: u32, attempt: u32) -> Option<&mut InFlight> {
        self.requests[request as usize]
            .in_flight
            .as_mut()
            .filter(|f| f.number == attempt)
    }

    /// Ends the attempt if it is still the one in flight (a late reply or a
    /// stale timeout is ignored), then retries or ends the request.
    fn end_attempt(&mut self, now: Micros, request: u32, attempt: u32, outcome: AttemptOutcome) {
        let Some(flight) = self.flight_mut(request, attempt).copied() else {
            return;
        };
        self.requests[request as usize].in_flight = None;
        self.record_attempt(now, request, flight, outcome);
        if outcome == AttemptOutcome::TimedOut {
            self.stats.timed_out += 1;
            self.trace
                .record(now, TraceKind::TimedOut { request, attempt });
            if let Some(series) = &mut self.series {
                series.at(now).timed_out += 1;
            }
        }
        let success = outcome == AttemptOutcome::Succeeded;
        if let Some(breaker) = &mut self.breaker {
            let transition = breaker.record(now, success);
            self.note_transition(transition);
        }
        if success {
            self.finish_request(now, request, RequestOutcome::Succeeded);
        } else {
            self.retry_or_give_up(now, request, attempt);
        }
    }

    fn retry_or_give_up(&mut self, now: Micros, request: u32, attempt: u32) {
        let give_up = |reason| RequestOutcome::Failed(reason);
        if attempt >= self.setup.client.max_attempts {
            return self.finish_request(now, request, give_up(GiveUpReason::AttemptsExhausted));
        }
        if let Some(tokens) = &mut self.tokens {
            if !tokens.try_retry() {
                return self.finish_request(now, request, give_up(GiveUpReason::BudgetSpent));
            }
        }
        let state = &mut self.requests[request as usize];
        let wait = self
            .backoff
            .delay(attempt, &mut state.backoff, &mut self.rng);
        if let Some(deadline) = self.deadline {
            if now.saturating_add(wait) >= state.issued_at.saturating_add(deadline) {
                return self.finish_request(now, request, give_up(GiveUpReason::DeadlinePassed));
            }
        }
        self.trace.record(
            now,
            TraceKind::RetryScheduled {
                request,
                attempt: attempt + 1,
                wait,
            },
        );
        self.queue.schedule_in(wait, Event::Send { request });
    }

    fn deadline_passed(&mut self, now: Micros, request: u32) {
        if self.requests[request as usize].done {
            return;
        }
        if let Some(flight) = self.requests[request as usize].in_flight.take() {
            self.record_attempt(now, request, flight, AttemptOutcome::Abandoned);
        }
        self.finish_request(
            now,
            request,
            RequestOutcome::Failed(GiveUpReason::DeadlinePassed),
        );
    }

    fn finish_request(&mut self, now: Micros, request: u32, outcome: RequestOutcome) {
        let state = &mut self.requests[request as usize];
        state.done = true;
        let record = RequestRecord {
            id: request,
            issued_at: state.issued_at,
            finished_at: now,
            attempts: state.attempts,
            outcome,
        };
        match outcome {
            RequestOutcome::Succeeded => {
                self.stats.succeeded += 1;
                self.stats.latency.record(record.latency());
                self.trace.record(now, TraceKind::Succeeded { request });
                if let Some(series) = &mut self.series {
                    series.at(now).succeeded += 1;
                }
            }
            RequestOutcome::Failed(reason) => {
                self.stats.failed(reason);
                self.trace
                    .record(now, TraceKind::Failed { request, reason });
                if let Some(series) = &mut self.series {
                    series.at(now).failed += 1;
                }
            }
        }
        if self.setup.records {
            self.request_records.push(record);
        }
    }

    fn record_attempt(
        &mut self,
        now: Micros,
        request: u32,
        flight: InFlight,
        outcome: AttemptOutcome,
    ) {
        if self.setup.records {
            self.attempt_records.push(AttemptRecord {
                request,
                number: flight.number,
                sent_at: flight.sent_at,
                server_received_at: flight.server_received_at,
                reply_lost: flight.reply_lost,
                outcome,
                ended_at: now,
            });
        }
    }

    fn note_transition(&mut self, transition: Option<BreakerTransition>) {
        let Some(t) = transition else { return };
        self.trace.record(
            t.at,
            TraceKind::Breaker {
                from: t.from,
                to: t.to,
            },
        );
        if let Some(series) = &mut self.series {
            series.breaker(t.at, t.to);
        }
        self.transitions.push(t);
    }

    fn note_queue(&mut self, now: Micros) {
        if let Some(series) = &mut self.series {
            series.queue(now, self.server.queue_len());
        }
    }
}
