//! The breaker chart: each call as a dot at the time it was made, in a row
//! by its outcome (succeeded, failed, rejected by the open breaker), over
//! bands that show the breaker's state and the dependency's outage.

use plotters::coord::Shift;
use plotters::prelude::*;
use sim::{micros_to_ms, BreakerState, GiveUpReason, Micros, RequestOutcome, RetryRun};

use crate::frame::Frame;
use crate::palette::Palette;

/// The breaker's state from each change to the next, up to `end`, in
/// order.
pub fn breaker_spans(run: &RetryRun, end: Micros) -> Vec<(Micros, Micros, BreakerState)> {
    let mut spans = Vec::new();
    let (mut at, mut state) = (0, BreakerState::Closed);
    for t in run.breaker.iter().take_while(|t| t.at <= end) {
        spans.push((at, t.at, state));
        (at, state) = (t.at, t.to);
    }
    spans.push((at, end.max(at), state));
    spans.retain(|(a, b, _)| b > a);
    spans
}

/// Row of a call's outcome: 2 succeeded, 1 failed, 0 rejected.
fn row(outcome: RequestOutcome) -> f64 {
    match outcome {
        RequestOutcome::Succeeded => 2.0,
        RequestOutcome::Failed(GiveUpReason::BreakerOpen) => 0.0,
        RequestOutcome::Failed(_) => 1.0,
    }
}

/// Draws the calls made by `until` on a time axis of `span_ms`.
#[allow(clippy::too_many_arguments)]
pub fn draw_breaker_timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    run: &RetryRun,
    span_ms: f64,
    until: Micros,
    outages: &[(f64, f64)],
    palette: Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let frame = Frame::new(scale);
    let px = |v: f64| frame.px(v);
    let text = frame.text(&palette);
    let x_max = span_ms.max(1.0);
    let mut chart = ChartBuilder::on(area)
        .margin(frame.margin())
        .margin_right(frame.margin_right())
        .x_label_area_size(frame.x_area())
        .y_label_area_size(frame.y_area(10, false))
        .build_cartesian_2d(0.0..x_max, -0.6f64..2.9f64)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .axis_style(palette.grid)
        .x_desc("time (s)")
        .x_label_formatter(&|x| format!("{:.0}", x / 1000.0))
        .y_labels(4)
        .y_label_formatter(&|y| match y.round() as i64 {
            2 => "succeeded".into(),
            1 => "failed".into(),
            0 => "rejected".into(),
            _ => String::new(),
        })
        .label_style(text.clone())
        .axis_desc_style(text)
        .draw()?;

    let until_ms = micros_to_ms(until);
    for (from, to, state) in breaker_spans(run, until) {
        let color = match state {
            BreakerState::Closed => continue,
            BreakerState::Open => palette.bad.mix(0.15),
            BreakerState::HalfOpen => palette.retried.mix(0.25),
        };
        chart.draw_series(std::iter::once(Rectangle::new(
            [
                (micros_to_ms(from), -0.6),
                (micros_to_ms(to).min(until_ms), 2.5),
            ],
            color.filled(),
        )))?;
    }
    for &(from, to) in outages {
        if from < until_ms {
            chart.draw_series(std::iter::once(Rectangle::new(
                [(from, 2.6), (to.min(until_ms), 2.85)],
                palette.bad.filled(),
            )))?;
        }
    }
    let dot = px(2.5);
    chart.draw_series(
        run.requests
            .iter()
            .filter(|r| r.issued_at <= until)
            .map(|r| {
                let color = match r.outcome {
                    RequestOutcome::Succeeded => palette.ok,
                    RequestOutcome::Failed(GiveUpReason::BreakerOpen) => palette.grid,
                    RequestOutcome::Failed(_) => palette.bad,
                };
                Circle::new(
                    (micros_to_ms(r.issued_at), row(r.outcome)),
                    dot,
                    color.filled(),
                )
            }),
    )?;
    area.present()
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::backend::SVGBackend;
    use sim::{run_breaker, BreakerScenario};

    #[test]
    fn spans_cover_the_run_and_follow_the_transitions() {
        let run = run_breaker(&BreakerScenario::default(), 1);
        let spans = breaker_spans(&run, 10_000_000);
        assert_eq!(
            spans.first().map(|s| (s.0, s.2)),
            Some((0, BreakerState::Closed))
        );
        assert!(spans.windows(2).all(|w| w[0].1 == w[1].0));
        assert_eq!(spans.last().map(|s| s.1), Some(10_000_000));
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (640, 240)).into_drawing_area();
            draw_breaker_timeline(
                &area,
                &run,
                10_000.0,
                u64::MAX,
                &[(3000.0, 6000.0)],
                Palette::NEUTRAL,
                1.0,
            )
            .expect("draws");
        }
        assert!(svg.contains("rejected"));
    }
}
