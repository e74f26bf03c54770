//! Tests of `delay`.

use super::*;

fn mean_ms(d: &Delay, n: u32) -> f64 {
    let mut rng = SimRng::new(9);
    (0..n).map(|_| d.sample(&mut rng) as f64).sum::<f64>() / n as f64 / 1000.0
}

#[test]
fn means_match_their_definitions() {
    let near = |d: Delay, want: f64| {
        let got = mean_ms(&d, 40_000);
        assert!(
            (got - want).abs() < want * 0.03 + 0.05,
            "{d:?}: {got} vs {want}"
        );
    };
    near(Delay::constant(7.0), 7.0);
    near(
        Delay::Uniform {
            min_ms: 10.0,
            max_ms: 30.0,
        },
        20.0,
    );
    near(
        Delay::Normal {
            mean_ms: 50.0,
            sd_ms: 5.0,
        },
        50.0,
    );
    near(Delay::Exponential { mean_ms: 12.0 }, 12.0);
    // Log-normal mean = median * exp(sigma^2 / 2).
    near(
        Delay::LogNormal {
            median_ms: 20.0,
            sigma: 0.5,
        },
        20.0 * libm::exp(0.125),
    );
    near(
        Delay::Bimodal {
            fast_ms: 10.0,
            slow_ms: 110.0,
            slow_probability: 0.1,
        },
        20.0,
    );
    near(
        Delay::LongTail {
            ms: 20.0,
            tail_probability: 0.1,
            tail_mean_ms: 100.0,
        },
        30.0,
    );
}

#[test]
fn normal_is_truncated_at_zero() {
    let d = Delay::Normal {
        mean_ms: 1.0,
        sd_ms: 10.0,
    };
    let mut rng = SimRng::new(1);
    // P(N(1, 10) < 0) = P(Z < -0.1) = 0.46: that share clamps to exactly 0.
    let zeros = (0..3000).filter(|_| d.sample(&mut rng) == 0).count();
    assert!((1250..1500).contains(&zeros), "{zeros}");
}

#[test]
fn samples_never_undercut_the_minimum() {
    let ds = [
        Delay::constant(3.0),
        Delay::Uniform {
            min_ms: 2.0,
            max_ms: 4.0,
        },
        Delay::Bimodal {
            fast_ms: 5.0,
            slow_ms: 50.0,
            slow_probability: 0.5,
        },
        Delay::default(),
    ];
    let mut rng = SimRng::new(2);
    for d in ds {
        for _ in 0..1000 {
            assert!(d.sample(&mut rng) >= d.min_micros(), "{d:?}");
        }
    }
}

#[test]
fn typical_value_moves_with_the_slider() {
    for d in [
        Delay::constant(1.0),
        Delay::Uniform {
            min_ms: 0.0,
            max_ms: 10.0,
        },
        Delay::Normal {
            mean_ms: 5.0,
            sd_ms: 1.0,
        },
        Delay::Exponential { mean_ms: 3.0 },
        Delay::LogNormal {
            median_ms: 3.0,
            sigma: 1.0,
        },
        Delay::Bimodal {
            fast_ms: 2.0,
            slow_ms: 20.0,
            slow_probability: 0.1,
        },
        Delay::default(),
    ] {
        let moved = d.with_typical_ms(42.0);
        assert_eq!(moved.typical_ms(), 42.0, "{d:?}");
        moved.validate("d").expect("still valid");
    }
}

#[test]
fn errors_name_the_nested_field() {
    let e = Delay::Uniform {
        min_ms: 5.0,
        max_ms: 1.0,
    }
    .validate("link.latency")
    .unwrap_err();
    assert_eq!(e.field, "link.latency.max_ms");
    let e = Delay::LogNormal {
        median_ms: 1.0,
        sigma: 9.0,
    }
    .validate("server.service")
    .unwrap_err();
    assert_eq!(e.field, "server.service.sigma");
}

#[test]
fn every_kind_round_trips_by_name() {
    for kind in Delay::KINDS {
        let d = Delay::of_kind(kind, 30.0).expect("known kind");
        assert_eq!(d.kind(), kind);
        assert_eq!(d.typical_ms(), 30.0, "{kind}");
        d.validate("d").expect("valid");
    }
    assert_eq!(Delay::of_kind("pareto", 1.0), None);
}
