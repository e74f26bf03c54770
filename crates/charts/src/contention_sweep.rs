//! The contention experiment's two charts, as in the 2015 post: work
//! (write calls) and completion time against the number of clients, one
//! line per backoff strategy. Cells not computed yet are simply absent.

use plotters::coord::Shift;
use plotters::prelude::*;
use sim::{BackoffPolicy, ContentionSummary};

use crate::frame::Frame;
use crate::palette::Palette;

/// Which number a chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SweepMetric {
    /// Mean write calls the server processed.
    Calls,
    /// Mean time until the last client succeeded, in ms.
    CompletionMs,
}

impl SweepMetric {
    fn value(self, s: &ContentionSummary) -> f64 {
        match self {
            SweepMetric::Calls => s.calls.mean,
            SweepMetric::CompletionMs => s.completion_ms.mean,
        }
    }

    fn label(self) -> &'static str {
        match self {
            SweepMetric::Calls => "work (calls)",
            SweepMetric::CompletionMs => "completion time (ms)",
        }
    }
}

/// Each strategy's label and line colour, for a legend in HTML.
pub fn sweep_legend(order: &[BackoffPolicy], palette: Palette) -> Vec<(&'static str, RGBColor)> {
    order
        .iter()
        .enumerate()
        .map(|(i, p)| (p.label(), palette.series[i % palette.series.len()]))
        .collect()
}

/// Draws `metric` for every strategy in `order` from the cells in `results`.
pub fn draw_contention_sweep<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    results: &[ContentionSummary],
    order: &[BackoffPolicy],
    max_clients: u32,
    metric: SweepMetric,
    palette: Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let frame = Frame::new(scale);
    let px = |v: f64| frame.px(v);
    let text = frame.text(&palette);
    let y_max = results
        .iter()
        .map(|r| metric.value(r))
        .fold(1.0f64, f64::max)
        * 1.05;
    let mut chart = ChartBuilder::on(area)
        .margin(frame.margin())
        .margin_right(frame.margin_right())
        .x_label_area_size(frame.x_area())
        .y_label_area_size(frame.y_area(5, true))
        .build_cartesian_2d(0.0..f64::from(max_clients.max(1)), 0.0..y_max)?;
    chart
        .configure_mesh()
        .max_light_lines(1)
        .bold_line_style(palette.grid.mix(0.2))
        .axis_style(palette.grid)
        .x_desc("clients")
        .y_desc(metric.label())
        .x_labels(5)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .label_style(text.clone())
        .axis_desc_style(text)
        .draw()?;
    for (i, &strategy) in order.iter().enumerate() {
        let color = palette.series[i % palette.series.len()];
        let points: Vec<(f64, f64)> = results
            .iter()
            .filter(|r| r.strategy == strategy)
            .map(|r| (f64::from(r.clients), metric.value(r)))
            .collect();
        chart
            .draw_series(LineSeries::new(points, color.stroke_width(px(2.0))))?
            .label(strategy.label())
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], color.stroke_width(3))
            });
    }
    area.present()
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::backend::SVGBackend;
    use sim::ContentionSweep;

    #[test]
    fn draws_partial_and_full_sweeps() {
        let sweep = ContentionSweep {
            clients_to: 40,
            runs: 2,
            ..ContentionSweep::default()
        };
        let results = sweep.run(1);
        for upto in [0, 3, results.len()] {
            let mut svg = String::new();
            {
                let area = SVGBackend::with_string(&mut svg, (480, 300)).into_drawing_area();
                draw_contention_sweep(
                    &area,
                    &results[..upto],
                    &sweep.strategies,
                    40,
                    SweepMetric::Calls,
                    Palette::NEUTRAL,
                    1.0,
                )
                .expect("draws");
            }
            assert!(svg.contains("work (calls)"));
        }
    }
}
