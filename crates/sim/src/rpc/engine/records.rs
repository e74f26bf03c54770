//! What a run keeps besides its statistics: attempt records, breaker
//! transitions and the queue-length series.

use super::{Engine, InFlight};
use crate::breaker::BreakerTransition;
use crate::records::{AttemptOutcome, AttemptRecord};
use crate::time::Micros;
use crate::trace::TraceKind;

impl Engine<'_> {
    pub(super) fn record_attempt(
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

    pub(super) fn note_transition(&mut self, transition: Option<BreakerTransition>) {
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

    pub(super) fn note_queue(&mut self, now: Micros) {
        if let Some(series) = &mut self.series {
            series.queue(now, self.server.queue_len());
        }
    }
}
