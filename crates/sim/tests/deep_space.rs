//! The deep-space scenario: end-to-end retransmission against custody
//! transfer over minutes of light time.

use sim::{run_deep_space, DeepSpaceScenario, Hop, Recovery, RunEnd, Window, EARTH_MOON_MS};

fn scenario(recovery: Recovery) -> DeepSpaceScenario {
    DeepSpaceScenario {
        recovery,
        ..DeepSpaceScenario::default()
    }
}

#[test]
fn a_lossless_link_delivers_in_one_light_time() {
    let s = DeepSpaceScenario {
        hops: vec![Hop {
            light_ms: EARTH_MOON_MS,
            loss: 0.0,
            blackouts: Vec::new(),
        }],
        messages: 10,
        ..DeepSpaceScenario::default()
    };
    for recovery in [Recovery::EndToEnd, Recovery::Custody] {
        let run = run_deep_space(
            &DeepSpaceScenario {
                recovery,
                ..s.clone()
            },
            1,
        );
        assert_eq!(run.delivered, 10);
        // The histogram keeps 3 significant digits.
        let p99 = run.p99_delivery_ms.expect("delivered");
        assert!((p99 - 1280.0).abs() <= 1.3, "{p99}");
        assert_eq!(run.transmissions, 10);
        assert_eq!(run.bytes_sent, 10 * (10_000 + 100));
    }
}

#[test]
fn everything_arrives_under_loss_with_either_recovery() {
    for recovery in [Recovery::EndToEnd, Recovery::Custody] {
        for seed in 0..10 {
            let run = run_deep_space(&scenario(recovery), seed);
            assert_eq!(run.end, RunEnd::Completed);
            assert_eq!(run.delivered, 100, "{recovery:?} seed {seed}");
            // Nothing beats the light time of the whole path.
            assert!(run.p50_delivery_ms.is_some_and(|v| v >= 600_010.0));
        }
    }
}

#[test]
fn custody_sends_fewer_bytes_when_the_last_hop_is_lossy() {
    let bytes = |recovery| {
        (0..10)
            .map(|seed| run_deep_space(&scenario(recovery), seed).bytes_sent)
            .sum::<u64>()
    };
    let (e2e, custody) = (bytes(Recovery::EndToEnd), bytes(Recovery::Custody));
    assert!(custody < e2e, "custody {custody} vs end-to-end {e2e}");
}

#[test]
fn a_blackout_holds_messages_until_it_ends() {
    let mut s = scenario(Recovery::Custody);
    s.hops[0].loss = 0.0;
    s.hops[0].blackouts = vec![Window {
        start_ms: 0.0,
        end_ms: 2_000_000.0,
    }];
    let run = run_deep_space(&s, 2);
    assert_eq!(run.delivered, 100);
    assert!(run.p50_delivery_ms.is_some_and(|v| v > 1_000_000.0));
}

#[test]
fn the_log_is_causal_and_counts_agree() {
    use sim::{run_deep_space_traced, DeepSpaceEventKind, Payload};
    let s = scenario(Recovery::Custody);
    let run = run_deep_space_traced(&s, 3);
    let delivered = run
        .trace
        .iter()
        .filter(|e| matches!(e.kind, DeepSpaceEventKind::Delivered { .. }))
        .count();
    assert_eq!(delivered as u32, run.delivered);
    let sent = run
        .trace
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                DeepSpaceEventKind::Transmitted {
                    payload: Payload::Message,
                    ..
                }
            )
        })
        .count();
    assert_eq!(sent as u64, run.transmissions);
    // A copy reaches node k no sooner than one light time after some
    // transmission over hop k - 1.
    for e in &run.trace {
        if let DeepSpaceEventKind::Arrived { message, node } = e.kind {
            let light = sim::ms_to_micros(s.hops[node as usize - 1].light_ms);
            assert!(run.trace.iter().any(|t| matches!(
                t.kind,
                DeepSpaceEventKind::Transmitted { message: m, hop, payload: Payload::Message }
                    if m == message && hop == node - 1 && t.at + light == e.at
            )));
        }
    }
}
