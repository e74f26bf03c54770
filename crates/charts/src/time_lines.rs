//! A plain chart of lines over time, up to a playhead: the shape shared by
//! the queue's lag and totals and the deep-space deliveries.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::frame::Frame;
use crate::palette::Palette;

/// How the time axis is labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    Seconds,
    Minutes,
}

impl TimeUnit {
    /// Seconds for spans under ten minutes, else minutes.
    pub fn for_span(span_ms: f64) -> Self {
        if span_ms < 600_000.0 {
            TimeUnit::Seconds
        } else {
            TimeUnit::Minutes
        }
    }

    fn per_ms(self) -> f64 {
        match self {
            TimeUnit::Seconds => 1e-3,
            TimeUnit::Minutes => 1.0 / 60_000.0,
        }
    }

    fn desc(self) -> &'static str {
        match self {
            TimeUnit::Seconds => "time (s)",
            TimeUnit::Minutes => "time (min)",
        }
    }
}

/// One line: a label, a colour and `(t_ms, value)` points in time order.
pub struct Line<'a> {
    pub label: &'a str,
    pub color: RGBColor,
    pub points: &'a [(f64, f64)],
}

/// The frame of a [`draw_time_lines`] chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeFrame<'a> {
    pub span_ms: f64,
    /// Top of the value axis (at least 1).
    pub y_max: f64,
    pub y_desc: &'a str,
    /// Points after this time are not drawn (the playhead).
    pub until_ms: f64,
}

/// Draws `lines` in `frame`, with a playhead line when it is inside.
pub fn draw_time_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: TimeFrame<'_>,
    lines: &[Line<'_>],
    palette: Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let chart_frame = Frame::new(scale);
    let px = |v: f64| chart_frame.px(v);
    let text = chart_frame.text(&palette);
    let unit = TimeUnit::for_span(frame.span_ms);
    let x_max = frame.span_ms.max(1.0);
    let y_max = frame.y_max.max(1.0);
    let mut chart = ChartBuilder::on(area)
        .margin(chart_frame.margin())
        .margin_right(chart_frame.margin_right())
        .x_label_area_size(chart_frame.x_area())
        .y_label_area_size(chart_frame.y_area(5, true))
        .build_cartesian_2d(0.0..x_max, 0.0..y_max)?;
    let per_ms = unit.per_ms();
    chart
        .configure_mesh()
        .light_line_style(palette.grid.mix(0.15))
        .bold_line_style(palette.grid.mix(0.3))
        .axis_style(palette.grid)
        .x_desc(unit.desc())
        .y_desc(frame.y_desc)
        .x_labels(8)
        .y_labels(5)
        .x_label_formatter(&|x| format!("{:.0}", x * per_ms))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .label_style(text.clone())
        .axis_desc_style(text)
        .draw()?;
    for line in lines {
        chart.draw_series(LineSeries::new(
            line.points
                .iter()
                .copied()
                .take_while(|&(t, _)| t <= frame.until_ms),
            line.color.stroke_width(px(2.0).max(1)),
        ))?;
    }
    if frame.until_ms < x_max {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![
                (frame.until_ms.max(0.0), 0.0),
                (frame.until_ms.max(0.0), y_max),
            ],
            palette.grid.stroke_width(1),
        )))?;
    }
    area.present()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_follow_the_span_and_lines_draw() {
        assert_eq!(TimeUnit::for_span(10_000.0), TimeUnit::Seconds);
        assert_eq!(TimeUnit::for_span(3_600_000.0), TimeUnit::Minutes);
        let points = [(0.0, 1.0), (500.0, 3.0), (1000.0, 2.0)];
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (400, 200)).into_drawing_area();
            draw_time_lines(
                &area,
                TimeFrame {
                    span_ms: 1000.0,
                    y_max: 4.0,
                    y_desc: "lag",
                    until_ms: 600.0,
                },
                &[Line {
                    label: "lag",
                    color: Palette::NEUTRAL.ok,
                    points: &points,
                }],
                Palette::NEUTRAL,
                1.0,
            )
            .expect("draws");
        }
        assert!(svg.contains("polyline") && svg.contains("time (s)"));
    }
}
