//! The queue scenario: at-least-once delivery, duplicates, order, lateness.

use sim::{run_queue, run_queue_traced, Delay, QueueEventKind, QueueScenario, RunEnd};

#[test]
fn every_message_is_acked_exactly_once_and_processed_at_least_once() {
    for seed in 0..20 {
        let s = QueueScenario::default();
        let run = run_queue_traced(&s, seed);
        assert_eq!(run.end, RunEnd::Completed);
        let st = &run.stats;
        assert_eq!(st.unacked, 0, "seed {seed}");
        let acks = run
            .trace
            .iter()
            .filter(|e| matches!(e.kind, QueueEventKind::Acked { .. }))
            .count();
        assert_eq!(acks as u32, st.produced, "seed {seed}");
        // Every message was applied, or dropped as late, at least once.
        let mut handled = vec![false; st.produced as usize];
        for e in &run.trace {
            match e.kind {
                QueueEventKind::Processed { message, .. }
                | QueueEventKind::Late {
                    message,
                    dropped: true,
                } => handled[message as usize] = true,
                _ => {}
            }
        }
        assert!(handled.iter().all(|&h| h), "seed {seed}");
        assert!(st.processed_once <= st.produced);
    }
}

#[test]
fn redeliveries_cause_duplicates_that_an_idempotency_store_suppresses() {
    let without = QueueScenario::default();
    let with = QueueScenario {
        idempotency_store: true,
        ..QueueScenario::default()
    };
    let (a, b) = (run_queue(&without, 1).stats, run_queue(&with, 1).stats);
    assert!(a.redeliveries > 0 && a.duplicates_processed > 0, "{a:?}");
    assert_eq!(b.duplicates_processed, 0);
    assert_eq!(b.duplicates_suppressed, a.duplicates_processed);
}

#[test]
fn a_fast_reliable_consumer_sees_no_duplicates_and_keeps_order() {
    let s = QueueScenario {
        processing: Delay::constant(1.0),
        crash_probability: 0.0,
        ack_timeout_ms: 1000.0,
        late_probability: 0.0,
        ..QueueScenario::default()
    };
    let st = run_queue(&s, 3).stats;
    assert_eq!(st.redeliveries, 0);
    assert_eq!(st.duplicates_processed, 0);
    assert_eq!(st.out_of_order, 0);
    assert_eq!(st.late_dropped + st.late_accepted, 0);
}

#[test]
fn late_events_are_dropped_or_accepted_by_policy() {
    let drop = QueueScenario {
        late_probability: 0.2,
        ..QueueScenario::default()
    };
    let accept = QueueScenario {
        drop_late: false,
        ..drop.clone()
    };
    let (d, a) = (run_queue(&drop, 4).stats, run_queue(&accept, 4).stats);
    assert!(d.late_dropped > 0 && d.late_accepted == 0, "{d:?}");
    assert!(a.late_accepted > 0 && a.late_dropped == 0, "{a:?}");
}

#[test]
fn queue_runs_are_deterministic() {
    let s = QueueScenario::default();
    assert_eq!(run_queue_traced(&s, 8), run_queue_traced(&s, 8));
}
