//! Every number a post states about a simulation, checked against the
//! simulation.
//!
//! One test per post: it loads the post through the content build (so the
//! demo block is parsed and validated exactly as for the site), runs the sim
//! with the post's preset and seed, and with the variants the prose
//! describes ("tick drop late events", "set max attempts to 1"), then checks
//! a table of claims:
//!
//! ```text
//! claim(fragment of the post, number as written, tolerance, what the sim gives)
//! ```
//!
//! The fragment must still be in the post and the sim's value must be within
//! the tolerance of the written number, so a change to the sim (or to a
//! preset) that makes a post wrong fails the build, naming the post, the
//! fragment, and the stated against the actual value. Tolerances are in the
//! stated unit: half the last written digit for a number given as the demo
//! shows it, more where the post says "about".
//!
//! Numbers come from the same fields the demo's summary shows (page-data's
//! `*_summary` functions format them): percentages are `success_rate() *
//! 100`, times in ms unless the fragment says otherwise.

#[path = "common/post_claims.rs"]
mod post_claims;

use post_claims::{claim, post_slugs, PostUnderTest};
use sim::{run_queue, QueueScenario};

/// Posts whose simulation numbers are checked below, one test each.
const CHECKED: &[&str] = &["order-is-promised-per-key"];

/// Posts that state no number about a simulation (no demo, no percentages).
const WITHOUT_SIM_NUMBERS: &[&str] = &[];

/// Posts written before this test, whose numbers are not checked yet.
const NOT_CHECKED_YET: &[&str] = &[
    "a-breaker-is-a-decision-to-fail-fast",
    "a-retry-that-succeeds-is-still-noticed",
    "at-least-once-means-duplicates",
    "jitter-is-about-the-crowd",
    "retries-are-a-bet",
    "talking-to-mars",
    "when-retries-become-the-outage",
    "why-this-log",
];

/// `base` changed by `change`: a variant the prose asks the reader to try.
fn with<T: Clone>(base: &T, change: impl FnOnce(&mut T)) -> T {
    let mut variant = base.clone();
    change(&mut variant);
    variant
}

#[test]
fn every_post_is_accounted_for() {
    let slugs = post_slugs();
    let mut problems = Vec::new();
    for slug in &slugs {
        let checked = CHECKED.contains(&slug.as_str());
        let without = WITHOUT_SIM_NUMBERS.contains(&slug.as_str());
        if NOT_CHECKED_YET.contains(&slug.as_str()) {
            continue;
        }
        if checked == without {
            problems.push(format!(
                "posts/{slug}.md: list it in exactly one of CHECKED (and add a test of its numbers) or WITHOUT_SIM_NUMBERS"
            ));
        }
        if without {
            let post = PostUnderTest::load(slug);
            if !post.demos().is_empty() || post.says("%") {
                problems.push(format!(
                    "{}: has a demo or a percentage, so it belongs in CHECKED with a test of its numbers",
                    post.file
                ));
            }
        }
    }
    for listed in CHECKED.iter().chain(WITHOUT_SIM_NUMBERS) {
        if !slugs.iter().any(|s| s == listed) {
            problems.push(format!("`{listed}` is listed but there is no such post"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// Systems: queues -------------------------------------------------------

#[test]
fn order_is_promised_per_key() {
    let post = PostUnderTest::load("order-is-promised-per-key");
    let (seed, scenario) = post.queue();
    let run = |s: &QueueScenario| run_queue(s, seed).stats;
    let as_set = run(&scenario);
    let dropped = run(&with(&scenario, |s| s.drop_late = true));
    let tight = run(&with(&scenario, |s| {
        s.drop_late = true;
        s.allowed_lateness_ms = 250.0;
    }));
    let loose = run(&with(&scenario, |s| {
        s.drop_late = true;
        s.allowed_lateness_ms = 5000.0;
    }));
    let n = f64::from;
    let ms = |p: Option<f64>| p.unwrap_or(f64::NAN);
    #[rustfmt::skip]
    post.check(&[
        // The run as set: late events accepted, 1 s allowed lateness.
        claim("the producer writes 1984 events", "1984", 0.0, n(as_set.produced)),
        claim("106 of them are processed out of order", "106", 0.0, n(as_set.out_of_order)),
        claim("57 were already behind the watermark when they arrived", "57", 0.0, n(as_set.late_accepted)),
        claim("The consumers crash three times", "three", 0.0, n(as_set.crashes)),
        claim("which puts three messages back", "three", 0.0, n(as_set.redeliveries)),
        claim("processing is 2977.8 ms", "2977.8", 0.05, ms(as_set.p99_latency_ms)),
        // Drop late events.
        claim("The same 57 events are now discarded", "57", 0.0, n(dropped.late_dropped)),
        claim("Reorders fall to 49", "49", 0.0, n(dropped.out_of_order)),
        claim("the p99 falls to 641.5 ms", "641.5", 0.05, ms(dropped.p99_latency_ms)),
        claim("at a 1-second watermark, 49 events still arrive", "49", 0.0, n(dropped.out_of_order)),
        // A 250 ms watermark, late events dropped.
        claim("100 events are dropped", "100", 0.0, n(tight.late_dropped)),
        claim("5.0% of everything produced", "5.0", 0.05, 100.0 * n(tight.late_dropped) / n(tight.produced)),
        claim("Reorders fall to 9", "9", 0.0, n(tight.out_of_order)),
        claim("the p99 to 165.4 ms", "165.4", 0.05, ms(tight.p99_latency_ms)),
        // A 5 s watermark, late events dropped.
        claim("Only 3 events are dropped", "3", 0.0, n(loose.late_dropped)),
        claim("103 are still processed out of order", "103", 0.0, n(loose.out_of_order)),
    ]);
}
