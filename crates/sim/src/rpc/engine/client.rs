//! The client's side of a request: issuing it, sending attempts, and
//! deciding after each one whether to retry, give up or finish.

use super::{Engine, Event, InFlight, RequestState};
use crate::backoff::BackoffState;
use crate::records::{AttemptOutcome, RequestOutcome, RequestRecord};
use crate::rpc::Arrivals;
use crate::time::Micros;
use crate::trace::{GiveUpReason, Leg, TraceKind};

impl Engine<'_> {
    pub(super) fn issue(&mut self, now: Micros, request: u32) {
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

    pub(super) fn send(&mut self, now: Micros, request: u32) {
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

    /// Ends the attempt if it is still the one in flight (a late reply or a
    /// stale timeout is ignored), then retries or ends the request.
    pub(super) fn end_attempt(
        &mut self,
        now: Micros,
        request: u32,
        attempt: u32,
        outcome: AttemptOutcome,
    ) {
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

    pub(super) fn retry_or_give_up(&mut self, now: Micros, request: u32, attempt: u32) {
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

    pub(super) fn deadline_passed(&mut self, now: Micros, request: u32) {
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

    pub(super) fn finish_request(&mut self, now: Micros, request: u32, outcome: RequestOutcome) {
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
}
