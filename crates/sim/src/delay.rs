//! Distributions of durations: link latency, service time, processing time.
//! Every parameter is in milliseconds; samples are integer microseconds.
//!
//! In TOML a delay is a table tagged by `kind`:
//! `{ kind = "log_normal", median_ms = 20, sigma = 0.8 }`.

use serde::{Deserialize, Serialize};

use crate::error::{check_range, field, ScenarioError};
use crate::rng::SimRng;
use crate::time::{ms_to_micros, Micros};

/// Longest mean or bound a delay may have: one hour.
const MAX_MS: f64 = 3_600_000.0;

/// A distribution of durations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Delay {
    /// Always `ms`.
    Constant { ms: f64 },
    /// Uniform between `min_ms` and `max_ms`.
    Uniform { min_ms: f64, max_ms: f64 },
    /// Normal with mean `mean_ms` and standard deviation `sd_ms`, negative
    /// samples truncated to 0.
    Normal { mean_ms: f64, sd_ms: f64 },
    /// Exponential with mean `mean_ms`.
    Exponential { mean_ms: f64 },
    /// Log-normal with median `median_ms` and shape `sigma` (the standard
    /// deviation of the logarithm): a long right tail.
    LogNormal { median_ms: f64, sigma: f64 },
    /// `fast_ms` usually; `slow_ms` with probability `slow_probability`
    /// (a cache miss, a slow replica, a retransmission).
    Bimodal {
        fast_ms: f64,
        slow_ms: f64,
        slow_probability: f64,
    },
    /// `ms`, plus, with probability `tail_probability`, an exponential
    /// detour of mean `tail_mean_ms`.
    LongTail {
        ms: f64,
        tail_probability: f64,
        tail_mean_ms: f64,
    },
}

impl Default for Delay {
    fn default() -> Self {
        Delay::LongTail {
            ms: 20.0,
            tail_probability: 0.05,
            tail_mean_ms: 200.0,
        }
    }
}

impl Delay {
    /// A constant delay.
    pub fn constant(ms: f64) -> Self {
        Delay::Constant { ms }
    }

    /// Draws one duration.
    pub fn sample(&self, rng: &mut SimRng) -> Micros {
        match *self {
            Delay::Constant { ms } => ms_to_micros(ms),
            Delay::Uniform { min_ms, max_ms } => {
                rng.between(ms_to_micros(min_ms), ms_to_micros(max_ms))
            }
            Delay::Normal { mean_ms, sd_ms } => {
                ms_to_micros(mean_ms + sd_ms * rng.standard_normal())
            }
            Delay::Exponential { mean_ms } => rng.exponential_micros(mean_ms),
            Delay::LogNormal { median_ms, sigma } => {
                ms_to_micros(median_ms * libm::exp(sigma * rng.standard_normal()))
            }
            Delay::Bimodal {
                fast_ms,
                slow_ms,
                slow_probability,
            } => ms_to_micros(if rng.chance(slow_probability) {
                slow_ms
            } else {
                fast_ms
            }),
            Delay::LongTail {
                ms,
                tail_probability,
                tail_mean_ms,
            } => {
                let base = ms_to_micros(ms);
                if rng.chance(tail_probability) {
                    base.saturating_add(rng.exponential_micros(tail_mean_ms))
                } else {
                    base
                }
            }
        }
    }

    /// The least duration this distribution can produce, in µs (for
    /// causality checks: nothing arrives sooner).
    pub fn min_micros(&self) -> Micros {
        match *self {
            Delay::Constant { ms } | Delay::LongTail { ms, .. } => ms_to_micros(ms),
            Delay::Uniform { min_ms, .. } => ms_to_micros(min_ms),
            Delay::Bimodal {
                fast_ms,
                slow_ms,
                slow_probability,
            } => {
                if slow_probability >= 1.0 {
                    ms_to_micros(slow_ms)
                } else if slow_probability <= 0.0 {
                    ms_to_micros(fast_ms)
                } else {
                    ms_to_micros(fast_ms.min(slow_ms))
                }
            }
            Delay::Normal { .. } | Delay::Exponential { .. } | Delay::LogNormal { .. } => 0,
        }
    }

    /// The typical duration a reader would name (the value a "latency"
    /// slider shows): the constant, the fast path, the median or the mean.
    pub fn typical_ms(&self) -> f64 {
        match *self {
            Delay::Constant { ms } | Delay::LongTail { ms, .. } => ms,
            Delay::Uniform { min_ms, max_ms } => (min_ms + max_ms) / 2.0,
            Delay::Normal { mean_ms, .. } => mean_ms,
            Delay::Exponential { mean_ms } => mean_ms,
            Delay::LogNormal { median_ms, .. } => median_ms,
            Delay::Bimodal { fast_ms, .. } => fast_ms,
        }
    }

    /// The same shape moved so that [`Delay::typical_ms`] becomes `ms`.
    pub fn with_typical_ms(&self, ms: f64) -> Self {
        let ms = ms.max(0.0);
        match *self {
            Delay::Constant { .. } => Delay::Constant { ms },
            Delay::LongTail {
                tail_probability,
                tail_mean_ms,
                ..
            } => Delay::LongTail {
                ms,
                tail_probability,
                tail_mean_ms,
            },
            Delay::Uniform { min_ms, max_ms } => {
                let half = ((max_ms - min_ms) / 2.0).min(ms);
                Delay::Uniform {
                    min_ms: ms - half,
                    max_ms: ms + half,
                }
            }
            Delay::Normal { sd_ms, .. } => Delay::Normal { mean_ms: ms, sd_ms },
            Delay::Exponential { .. } => Delay::Exponential { mean_ms: ms },
            Delay::LogNormal { sigma, .. } => Delay::LogNormal {
                median_ms: ms,
                sigma,
            },
            Delay::Bimodal {
                fast_ms,
                slow_ms,
                slow_probability,
            } => Delay::Bimodal {
                fast_ms: ms,
                slow_ms: if fast_ms > 0.0 {
                    slow_ms * ms / fast_ms
                } else {
                    slow_ms + ms
                },
                slow_probability,
            },
        }
    }

    /// Every kind's name, as written in scenarios (`kind = "log_normal"`).
    pub const KINDS: [&'static str; 7] = [
        "constant",
        "uniform",
        "normal",
        "exponential",
        "log_normal",
        "bimodal",
        "long_tail",
    ];

    /// This delay's kind name.
    pub fn kind(&self) -> &'static str {
        match self {
            Delay::Constant { .. } => "constant",
            Delay::Uniform { .. } => "uniform",
            Delay::Normal { .. } => "normal",
            Delay::Exponential { .. } => "exponential",
            Delay::LogNormal { .. } => "log_normal",
            Delay::Bimodal { .. } => "bimodal",
            Delay::LongTail { .. } => "long_tail",
        }
    }

    /// A delay of kind `kind` whose typical value is `typical_ms`, with a
    /// representative shape (a reader switching distributions in a demo);
    /// `None` for an unknown kind.
    pub fn of_kind(kind: &str, typical_ms: f64) -> Option<Delay> {
        let ms = typical_ms.max(0.0);
        Some(match kind {
            "constant" => Delay::Constant { ms },
            "uniform" => Delay::Uniform {
                min_ms: ms / 2.0,
                max_ms: ms * 1.5,
            },
            "normal" => Delay::Normal {
                mean_ms: ms,
                sd_ms: ms / 4.0,
            },
            "exponential" => Delay::Exponential { mean_ms: ms },
            "log_normal" => Delay::LogNormal {
                median_ms: ms,
                sigma: 0.8,
            },
            "bimodal" => Delay::Bimodal {
                fast_ms: ms,
                slow_ms: ms * 10.0,
                slow_probability: 0.05,
            },
            "long_tail" => Delay::LongTail {
                ms,
                tail_probability: 0.05,
                tail_mean_ms: ms * 10.0,
            },
            _ => return None,
        })
    }

    /// A label for readers.
    pub fn kind_label(kind: &str) -> &'static str {
        match kind {
            "constant" => "Constant",
            "uniform" => "Uniform",
            "normal" => "Normal",
            "exponential" => "Exponential",
            "log_normal" => "Log-normal (long tail)",
            "bimodal" => "Bimodal (fast / slow path)",
            "long_tail" => "Constant plus rare detours",
            _ => "Unknown",
        }
    }

    /// Checks the parameters; `at` is the field's path (`link.latency`).
    pub fn validate(&self, at: &str) -> Result<(), ScenarioError> {
        let ms = |name: &str, v: f64| check_range(&field(at, name), v, 0.0, MAX_MS, "ms");
        let probability = |name: &str, v: f64| check_range(&field(at, name), v, 0.0, 1.0, "");
        match *self {
            Delay::Constant { ms: v } => ms("ms", v),
            Delay::Uniform { min_ms, max_ms } => {
                ms("min_ms", min_ms)?;
                ms("max_ms", max_ms)?;
                check_range(&field(at, "max_ms"), max_ms, min_ms, MAX_MS, "ms")
            }
            Delay::Normal { mean_ms, sd_ms } => {
                ms("mean_ms", mean_ms)?;
                ms("sd_ms", sd_ms)
            }
            Delay::Exponential { mean_ms } => ms("mean_ms", mean_ms),
            Delay::LogNormal { median_ms, sigma } => {
                ms("median_ms", median_ms)?;
                check_range(&field(at, "sigma"), sigma, 0.0, 3.0, "")
            }
            Delay::Bimodal {
                fast_ms,
                slow_ms,
                slow_probability,
            } => {
                ms("fast_ms", fast_ms)?;
                ms("slow_ms", slow_ms)?;
                probability("slow_probability", slow_probability)
            }
            Delay::LongTail {
                ms: v,
                tail_probability,
                tail_mean_ms,
            } => {
                ms("ms", v)?;
                probability("tail_probability", tail_probability)?;
                ms("tail_mean_ms", tail_mean_ms)
            }
        }
    }
}

#[cfg(test)]
mod tests;
