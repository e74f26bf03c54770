//! The queue's lines over time: consumer lag, and running totals of the
//! things at-least-once delivery does (duplicates, reorders, late events).

use plotters::style::RGBColor;
use sim::{micros_to_ms, LagPoint, QueueEvent, QueueEventKind};

use crate::palette::Palette;

/// `(t_ms, lag)` points of the lag series.
pub fn lag_points(lag: &[LagPoint]) -> Vec<(f64, f64)> {
    lag.iter().map(|p| (p.t_ms, f64::from(p.lag_max))).collect()
}

/// Running totals over time, one point per event that changes them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueueTotalsSeries {
    pub duplicates: Vec<(f64, f64)>,
    pub suppressed: Vec<(f64, f64)>,
    pub reordered: Vec<(f64, f64)>,
    pub late: Vec<(f64, f64)>,
}

impl QueueTotalsSeries {
    /// The largest total (for the axis).
    pub fn max(&self) -> f64 {
        [
            &self.duplicates,
            &self.suppressed,
            &self.reordered,
            &self.late,
        ]
        .iter()
        .filter_map(|s| s.last().map(|p| p.1))
        .fold(0.0, f64::max)
    }

    /// The lines, labelled and coloured as [`queue_totals_legend`] says.
    pub fn lines(&self, palette: Palette) -> Vec<crate::time_lines::Line<'_>> {
        queue_totals_legend(palette)
            .into_iter()
            .zip([
                &self.duplicates,
                &self.suppressed,
                &self.reordered,
                &self.late,
            ])
            .map(|((label, color), points)| crate::time_lines::Line {
                label,
                color,
                points,
            })
            .collect()
    }
}

/// Steps each running total at its events, from 0 at time 0 to `end_ms`.
pub fn queue_totals(trace: &[QueueEvent], end_ms: f64) -> QueueTotalsSeries {
    let mut out = QueueTotalsSeries::default();
    let start = |v: &mut Vec<(f64, f64)>| v.push((0.0, 0.0));
    for v in [
        &mut out.duplicates,
        &mut out.suppressed,
        &mut out.reordered,
        &mut out.late,
    ] {
        start(v);
    }
    let step = |v: &mut Vec<(f64, f64)>, t: f64| {
        let n = v.last().map_or(0.0, |p| p.1);
        v.push((t, n));
        v.push((t, n + 1.0));
    };
    for e in trace {
        let t = micros_to_ms(e.at);
        match e.kind {
            QueueEventKind::Processed {
                duplicate,
                out_of_order,
                ..
            } => {
                if duplicate {
                    step(&mut out.duplicates, t);
                }
                if out_of_order {
                    step(&mut out.reordered, t);
                }
            }
            QueueEventKind::DuplicateSuppressed { .. } => step(&mut out.suppressed, t),
            QueueEventKind::Late { .. } => step(&mut out.late, t),
            _ => {}
        }
    }
    for v in [
        &mut out.duplicates,
        &mut out.suppressed,
        &mut out.reordered,
        &mut out.late,
    ] {
        let (t, n) = v.last().copied().unwrap_or((0.0, 0.0));
        v.push((end_ms.max(t), n));
    }
    out
}

/// The totals' lines and their colours.
pub fn queue_totals_legend(palette: Palette) -> Vec<(&'static str, RGBColor)> {
    vec![
        ("duplicates processed", palette.bad),
        ("duplicates suppressed", palette.ok),
        ("out of order within a key", palette.retried),
        ("late events", palette.series[5]),
    ]
}

/// The time a queue chart spans: the production window, or longer if the
/// consumers were still at work after it.
pub fn queue_span_ms(trace: &[QueueEvent], duration_ms: f64) -> f64 {
    trace
        .last()
        .map_or(duration_ms, |e| micros_to_ms(e.at).max(duration_ms))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim::{run_queue_traced, QueueScenario};

    #[test]
    fn totals_end_at_the_run_counts() {
        let s = QueueScenario {
            crash_probability: 0.02,
            ..QueueScenario::default()
        };
        let run = run_queue_traced(&s, 2);
        let t = queue_totals(&run.trace, s.duration_ms);
        assert_eq!(
            t.duplicates.last().map(|p| p.1),
            Some(f64::from(run.stats.duplicates_processed))
        );
        assert_eq!(
            t.reordered.last().map(|p| p.1),
            Some(f64::from(run.stats.out_of_order))
        );
        assert!(t.duplicates.windows(2).all(|w| w[0].0 <= w[1].0));
        assert_eq!(lag_points(&run.lag).len(), run.lag.len());
    }
}
