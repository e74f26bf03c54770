//! End-to-end latency of successful requests, split by whether the request
//! needed a retry: the retries are the long tail.

use plotters::coord::Shift;
use plotters::prelude::*;
use sim::{micros_to_ms, RequestOutcome, RetryRun};

use crate::frame::Frame;
use crate::palette::Palette;

/// Number of bars.
const BUCKETS: usize = 24;

/// One bar: requests whose latency falls in `[from_ms, to_ms)`.
#[derive(Debug, Clone, PartialEq)]
pub struct LatencyBucket {
    pub from_ms: f64,
    pub to_ms: f64,
    pub first_try: u32,
    pub retried: u32,
}

/// Buckets the successful requests' latencies into equal-width bars from 0
/// to the slowest request.
pub fn latency_buckets(run: &RetryRun) -> Vec<LatencyBucket> {
    let ok: Vec<_> = run
        .requests
        .iter()
        .filter(|r| r.outcome == RequestOutcome::Succeeded)
        .collect();
    let max_ms = ok
        .iter()
        .map(|r| micros_to_ms(r.latency()))
        .fold(0.0f64, f64::max);
    let width = if max_ms > 0.0 {
        max_ms / BUCKETS as f64
    } else {
        1.0
    };
    let mut buckets: Vec<LatencyBucket> = (0..BUCKETS)
        .map(|i| LatencyBucket {
            from_ms: i as f64 * width,
            to_ms: (i + 1) as f64 * width,
            first_try: 0,
            retried: 0,
        })
        .collect();
    for r in ok {
        let i = ((micros_to_ms(r.latency()) / width) as usize).min(BUCKETS - 1);
        if r.attempts == 1 {
            buckets[i].first_try += 1;
        } else {
            buckets[i].retried += 1;
        }
    }
    buckets
}

/// Draws the histogram on `area`.
pub fn draw_latency_histogram<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    run: &RetryRun,
    palette: Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let buckets = latency_buckets(run);
    let x_max = buckets.last().map_or(1.0, |b| b.to_ms).max(1.0);
    let y_max = buckets
        .iter()
        .map(|b| b.first_try + b.retried)
        .max()
        .unwrap_or(0)
        .max(1);
    let frame = Frame::new(scale);
    let text = frame.text(&palette);
    let mut chart = ChartBuilder::on(area)
        .margin(frame.margin())
        .margin_right(frame.margin_right())
        .x_label_area_size(frame.x_area())
        .y_label_area_size(frame.y_area(4, true))
        .build_cartesian_2d(0.0..x_max, 0u32..y_max + y_max / 10 + 1)?;
    chart
        .configure_mesh()
        .max_light_lines(1)
        .disable_x_mesh()
        .light_line_style(palette.grid.mix(0.15))
        .bold_line_style(palette.grid.mix(0.3))
        .axis_style(palette.grid)
        .x_desc("latency (ms)")
        .y_desc("requests")
        .label_style(text.clone())
        .axis_desc_style(text)
        .x_labels(6)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_labels(5)
        .draw()?;

    let first = palette.first_try;
    let retried = palette.retried;
    chart.draw_series(
        buckets
            .iter()
            .map(|b| Rectangle::new([(b.from_ms, 0), (b.to_ms, b.first_try)], first.filled())),
    )?;
    chart.draw_series(buckets.iter().map(|b| {
        Rectangle::new(
            [(b.from_ms, b.first_try), (b.to_ms, b.first_try + b.retried)],
            retried.filled(),
        )
    }))?;
    area.present()
}

/// The two stacks' labels and colours, for a legend in HTML beside the
/// chart: drawn on the canvas, its labels sat a few pixels above their
/// swatches (the canvas backend places text by a different baseline).
pub fn latency_legend(palette: Palette) -> Vec<(&'static str, RGBColor)> {
    vec![
        ("first try", palette.first_try),
        ("after retries", palette.retried),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim::{run_retry, RetryScenario};

    #[test]
    fn buckets_count_every_success_once() {
        let run = run_retry(&RetryScenario::default(), 42);
        let total: u32 = latency_buckets(&run)
            .iter()
            .map(|b| b.first_try + b.retried)
            .sum();
        assert_eq!(total, run.stats.succeeded);
    }

    #[test]
    fn draws_to_svg() {
        let run = run_retry(&RetryScenario::default(), 42);
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (640, 320)).into_drawing_area();
            draw_latency_histogram(&area, &run, Palette::NEUTRAL, 1.0).expect("draws");
        }
        assert!(svg.starts_with("<svg"), "{}", &svg[..40.min(svg.len())]);
        assert!(svg.contains("latency (ms)"));
        assert!(svg.matches("<rect").count() > 10);
    }

    #[test]
    fn an_empty_run_still_draws() {
        let scenario = RetryScenario {
            server: sim::ServerModel {
                failure_rate: 1.0,
                ..sim::ServerModel::default()
            },
            ..RetryScenario::default()
        };
        let run = run_retry(&scenario, 1);
        let mut svg = String::new();
        let area = SVGBackend::with_string(&mut svg, (320, 200)).into_drawing_area();
        draw_latency_histogram(&area, &run, Palette::NEUTRAL, 1.0).expect("draws");
    }
}
