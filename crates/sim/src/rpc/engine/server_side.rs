//! An attempt at the server and on the way back: arrival, admission,
//! service, the reply, and losses on the link.

use super::{Engine, Event, InFlight};
use crate::server::Admission;
use crate::time::Micros;
use crate::trace::{Leg, TraceKind};

impl Engine<'_> {
    pub(super) fn arrive(&mut self, now: Micros, request: u32, attempt: u32) {
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

    pub(super) fn service_done(&mut self, now: Micros, request: u32, attempt: u32) {
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

    pub(super) fn reply(&mut self, now: Micros, request: u32, attempt: u32, ok: bool) {
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

    pub(super) fn lost(&mut self, now: Micros, request: u32, attempt: u32, leg: Leg) {
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

    pub(super) fn flight_mut(&mut self, request: u32, attempt: u32) -> Option<&mut InFlight> {
        self.requests[request as usize]
            .in_flight
            .as_mut()
            .filter(|f| f.number == attempt)
    }
}
