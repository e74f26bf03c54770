//! The headline numbers of a storm run.

use sim::{StormRun, StormVerdict};

use crate::format::{percent, ratio};
use crate::retry_summary::Stat;

/// What happened after the blip, in words.
pub fn verdict_text(verdict: StormVerdict) -> String {
    match verdict {
        StormVerdict::NoBlip => "no blip".into(),
        StormVerdict::Recovered { after_ms } => format!("recovered in {:.1} s", after_ms / 1000.0),
        StormVerdict::Metastable => "stayed down (metastable)".into(),
    }
}

/// The numbers shown under each storm chart, in order.
pub fn storm_summary(run: &StormRun) -> Vec<Stat> {
    vec![
        Stat {
            key: "success",
            label: "Succeeded",
            value: percent(run.stats.success_rate()),
        },
        Stat {
            key: "attempts",
            label: "Attempts per request",
            value: ratio(run.stats.attempts_per_request()),
        },
        Stat {
            key: "shed",
            label: "Shed by the server",
            value: run.stats.shed.to_string(),
        },
        Stat {
            key: "verdict",
            label: "After the blip",
            value: verdict_text(run.verdict),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_read_as_words() {
        assert_eq!(
            verdict_text(StormVerdict::Metastable),
            "stayed down (metastable)"
        );
        assert_eq!(
            verdict_text(StormVerdict::Recovered { after_ms: 1500.0 }),
            "recovered in 1.5 s"
        );
        let run = sim::run_storm(&sim::StormScenario::default(), 1);
        let keys: Vec<&str> = storm_summary(&run).iter().map(|s| s.key).collect();
        assert_eq!(keys, ["success", "attempts", "shed", "verdict"]);
    }
}
