//! The storm chart: offered load, attempts and goodput (requests per
//! second, left axis) and the server's queue (right axis) over time, with
//! outage windows shaded and an optional playhead.

use plotters::coord::Shift;
use plotters::prelude::*;
use sim::SeriesPoint;

use crate::frame::Frame;
use crate::palette::Palette;

/// Per-second rates of one bucket.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StormRates {
    pub t_ms: f64,
    pub offered: f64,
    pub attempts: f64,
    pub goodput: f64,
    pub queue: f64,
}

/// The series as per-second rates (`bucket_ms` wide buckets).
pub fn storm_rates(series: &[SeriesPoint], bucket_ms: f64) -> Vec<StormRates> {
    let per_s = 1000.0 / bucket_ms.max(1.0);
    series
        .iter()
        .map(|p| StormRates {
            t_ms: p.t_ms,
            offered: f64::from(p.issued) * per_s,
            attempts: f64::from(p.attempts) * per_s,
            goodput: f64::from(p.succeeded) * per_s,
            queue: f64::from(p.queue_max),
        })
        .collect()
}

/// The lines of [`draw_storm_series`] and their colours, for a legend the
/// page writes in HTML (a legend drawn inside the plot hides the lines).
pub fn storm_legend(palette: Palette) -> Vec<(&'static str, RGBColor)> {
    vec![
        ("offered", palette.grid),
        ("attempts", palette.retried),
        ("goodput", palette.ok),
        ("queue (right axis)", palette.first_try),
    ]
}

/// The ranges of a storm chart's axes: shared by charts drawn side by side,
/// so that equal heights mean equal rates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StormAxes {
    pub span_ms: f64,
    pub rate_max: f64,
    pub queue_max: f64,
}

impl StormAxes {
    /// Axes that fit every series in `runs` over `span_ms`.
    pub fn fit(span_ms: f64, runs: &[&[StormRates]]) -> Self {
        let all = || runs.iter().flat_map(|r| r.iter());
        Self {
            span_ms,
            rate_max: all()
                .map(|r| r.attempts.max(r.offered))
                .fold(1.0f64, f64::max)
                * 1.1,
            queue_max: all().map(|r| r.queue).fold(1.0f64, f64::max) * 1.1,
        }
    }
}

/// Draws the rates up to `until_ms` on the given axes.
#[allow(clippy::too_many_arguments)]
pub fn draw_storm_series<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    rates: &[StormRates],
    axes: StormAxes,
    until_ms: f64,
    outages: &[(f64, f64)],
    title: &str,
    palette: Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let frame = Frame::new(scale);
    let px = |v: f64| frame.px(v);
    let text = frame.text(&palette);
    let (x_max, rate_max, queue_max) = (axes.span_ms.max(1.0), axes.rate_max, axes.queue_max);
    let mut chart = ChartBuilder::on(area)
        .margin(frame.margin())
        .margin_right(frame.margin_right())
        .caption(title, text.clone())
        .x_label_area_size(frame.x_area())
        .y_label_area_size(frame.y_area(5, true))
        .right_y_label_area_size(frame.y_area(5, true))
        .build_cartesian_2d(0.0..x_max, 0.0..rate_max)?
        .set_secondary_coord(0.0..x_max, 0.0..queue_max);
    chart
        .configure_mesh()
        .max_light_lines(1)
        .disable_x_mesh()
        .bold_line_style(palette.grid.mix(0.2))
        .axis_style(palette.grid)
        .x_desc("time (s)")
        .y_desc("requests / s")
        .x_label_formatter(&|x| format!("{:.0}", x / 1000.0))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .label_style(text.clone())
        .axis_desc_style(text.clone())
        .x_labels(8)
        .y_labels(5)
        .draw()?;
    chart
        .configure_secondary_axes()
        .axis_style(palette.grid)
        .y_desc("queue")
        .y_label_formatter(&|y| format!("{y:.0}"))
        .label_style(text.clone())
        .axis_desc_style(text.clone())
        .draw()?;

    for &(from, to) in outages {
        chart.draw_series(std::iter::once(Rectangle::new(
            [(from.min(x_max), 0.0), (to.min(x_max), rate_max)],
            palette.bad.mix(0.12).filled(),
        )))?;
    }
    let shown: Vec<&StormRates> = rates.iter().filter(|r| r.t_ms <= until_ms).collect();
    let width = px(2.0);
    let line = |f: fn(&StormRates) -> f64| {
        shown
            .iter()
            .map(move |r| (r.t_ms, f(r)))
            .collect::<Vec<_>>()
    };
    let (offered, attempts, goodput) = (palette.grid, palette.retried, palette.ok);
    chart.draw_series(std::iter::once(PathElement::new(
        line(|r| r.offered),
        offered.stroke_width(width),
    )))?;
    chart.draw_series(std::iter::once(PathElement::new(
        line(|r| r.attempts),
        attempts.stroke_width(width),
    )))?;
    chart.draw_series(std::iter::once(PathElement::new(
        line(|r| r.goodput),
        goodput.stroke_width(width),
    )))?;
    let queue = palette.first_try;
    chart.draw_secondary_series(std::iter::once(PathElement::new(
        line(|r| r.queue),
        queue.mix(0.8).stroke_width(px(1.0)),
    )))?;
    area.present()
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::backend::SVGBackend;
    use sim::{run_storm, StormScenario};

    #[test]
    fn rates_are_per_second_and_draw() {
        let s = StormScenario::default();
        let run = run_storm(&s, 1);
        let rates = storm_rates(&run.series, s.bucket_ms);
        let mean_offered = rates.iter().map(|r| r.offered).sum::<f64>() / rates.len() as f64;
        assert!((600.0..1000.0).contains(&mean_offered), "{mean_offered}");
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (640, 300)).into_drawing_area();
            draw_storm_series(
                &area,
                &rates,
                StormAxes::fit(s.duration_ms, &[&rates]),
                f64::MAX,
                &[(5000.0, 7000.0)],
                "t",
                Palette::NEUTRAL,
                1.0,
            )
            .expect("draws");
        }
        assert!(svg.contains("queue"));
        assert_eq!(storm_legend(Palette::NEUTRAL).len(), 4);
    }
}
