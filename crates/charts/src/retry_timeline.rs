//! The retry timeline: three lanes (client at the top, the link, the server
//! at the bottom) with time running left to right. Each attempt flies down
//! to the server and its reply flies back; a lost message stops with a cross
//! in the link lane; a timeout is a red tick on the client lane; the
//! backoff before a retry is a dashed gap on the client lane.

use std::collections::BTreeMap;

use plotters::coord::Shift;
use plotters::prelude::*;
use sim::{micros_to_ms, Leg, Micros, TraceEvent, TraceKind};

use crate::frame::Frame;
use crate::palette::Palette;

/// Most marks drawn in one window.
pub const MAX_MARKS: usize = 4_000;

const CLIENT: f64 = 2.0;
const LINK: f64 = 1.0;
const SERVER: f64 = 0.0;

/// What a mark on the timeline means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// An attempt flying to the server.
    Request,
    /// A reply flying back, successful or not.
    Reply { ok: bool },
    /// A message lost on the way (ends in the link lane).
    Lost,
    /// Waiting out the backoff before the next attempt.
    Backoff,
    /// The client stopped waiting.
    Timeout,
    /// The request ended (success or not).
    Done { ok: bool },
}

/// A segment from `(from_t, from_lane)` to `(to_t, to_lane)`; a point mark
/// has `from == to`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    pub kind: MarkKind,
    pub from_t: Micros,
    pub from_lane: f64,
    pub to_t: Micros,
    pub to_lane: f64,
}

/// The marks of a run's event log. `lost_flight` is how long a lost
/// message is drawn flying before its cross (the log records only the send).
pub fn timeline_marks(trace: &[TraceEvent], lost_flight: Micros) -> Vec<Mark> {
    let mut sent: BTreeMap<(u32, u32), Micros> = BTreeMap::new();
    let mut served: BTreeMap<(u32, u32), Micros> = BTreeMap::new();
    let mut marks = Vec::new();
    let seg = |kind, from_t, from_lane, to_t, to_lane| Mark {
        kind,
        from_t,
        from_lane,
        to_t,
        to_lane,
    };
    for e in trace {
        match e.kind {
            TraceKind::Sent { request, attempt } => {
                sent.insert((request, attempt), e.at);
            }
            TraceKind::Delivered { request, attempt } => {
                if let Some(&t) = sent.get(&(request, attempt)) {
                    marks.push(seg(MarkKind::Request, t, CLIENT, e.at, SERVER));
                }
            }
            TraceKind::Served {
                request, attempt, ..
            }
            | TraceKind::Shed { request, attempt } => {
                served.insert((request, attempt), e.at);
            }
            TraceKind::Replied {
                request,
                attempt,
                ok,
            } => {
                if let Some(&t) = served.get(&(request, attempt)) {
                    marks.push(seg(MarkKind::Reply { ok }, t, SERVER, e.at, CLIENT));
                }
            }
            TraceKind::Lost { leg, .. } => {
                let (from, to_lane) = match leg {
                    Leg::Request => (CLIENT, LINK),
                    Leg::Reply => (SERVER, LINK),
                };
                marks.push(seg(MarkKind::Lost, e.at, from, e.at + lost_flight, to_lane));
            }
            TraceKind::TimedOut { .. } => {
                marks.push(seg(MarkKind::Timeout, e.at, CLIENT, e.at, CLIENT))
            }
            TraceKind::RetryScheduled { wait, .. } => {
                marks.push(seg(MarkKind::Backoff, e.at, CLIENT, e.at + wait, CLIENT));
            }
            TraceKind::Succeeded { .. } => {
                marks.push(seg(MarkKind::Done { ok: true }, e.at, CLIENT, e.at, CLIENT));
            }
            TraceKind::Failed { .. } => {
                marks.push(seg(
                    MarkKind::Done { ok: false },
                    e.at,
                    CLIENT,
                    e.at,
                    CLIENT,
                ));
            }
            _ => {}
        }
    }
    marks
}

/// Draws the marks that have begun by `playhead` within `[from, to)`; a
/// message still in flight at the playhead is drawn up to where it is.
pub fn draw_retry_timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    marks: &[Mark],
    window: (Micros, Micros),
    playhead: Micros,
    palette: Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (from, to) = (window.0, window.1.max(window.0 + 1));
    let frame = Frame::new(scale);
    let px = |v: f64| frame.px(v);
    let text = frame.text(&palette);
    let mut chart = ChartBuilder::on(area)
        .margin(frame.margin())
        .margin_right(frame.margin_right())
        .x_label_area_size(frame.x_area())
        .y_label_area_size(frame.y_area(6, false))
        .build_cartesian_2d(micros_to_ms(from)..micros_to_ms(to), -0.3f64..2.3f64)?;
    chart
        .configure_mesh()
        .max_light_lines(1)
        .disable_y_mesh()
        .light_line_style(palette.grid.mix(0.1))
        .bold_line_style(palette.grid.mix(0.2))
        .axis_style(palette.grid)
        .x_desc("time (ms)")
        .label_style(text.clone())
        .axis_desc_style(text.clone())
        .y_labels(3)
        .y_label_formatter(&|y| match y.round() as i64 {
            2 => "client".into(),
            1 => "link".into(),
            0 => "server".into(),
            _ => String::new(),
        })
        .x_labels(6)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .draw()?;

    let width = px(2.0);
    let visible = |m: &&Mark| m.from_t <= playhead && m.to_t >= from && m.from_t < to;
    // A crowded window (thousands of attempts at once) is thinned to every
    // k-th mark: they would overlap on screen anyway, and a canvas stroke
    // per mark would hold the page for seconds.
    let every = marks
        .iter()
        .filter(visible)
        .count()
        .div_ceil(MAX_MARKS)
        .max(1);
    for m in marks.iter().filter(visible).step_by(every) {
        let color = match m.kind {
            MarkKind::Request => palette.first_try,
            MarkKind::Reply { ok: true } | MarkKind::Done { ok: true } => palette.ok,
            MarkKind::Reply { ok: false } | MarkKind::Done { ok: false } => palette.bad,
            MarkKind::Lost | MarkKind::Timeout => palette.bad,
            MarkKind::Backoff => palette.retried,
        };
        // Clip a flight at the playhead: where the message is now.
        let end_t = m.to_t.min(playhead);
        let progress = if m.to_t > m.from_t {
            (end_t - m.from_t) as f64 / (m.to_t - m.from_t) as f64
        } else {
            1.0
        };
        let end_lane = m.from_lane + (m.to_lane - m.from_lane) * progress;
        let start = (micros_to_ms(m.from_t), m.from_lane);
        let end = (micros_to_ms(end_t), end_lane);
        match m.kind {
            MarkKind::Backoff => {
                chart.draw_series(std::iter::once(PathElement::new(
                    vec![start, end],
                    color.stroke_width(px(4.0)),
                )))?;
            }
            MarkKind::Timeout => {
                chart.draw_series(std::iter::once(PathElement::new(
                    vec![(start.0, CLIENT - 0.25), (start.0, CLIENT + 0.25)],
                    color.stroke_width(width),
                )))?;
            }
            MarkKind::Done { .. } => {
                chart.draw_series(std::iter::once(Circle::new(start, px(4.0), color.filled())))?;
            }
            MarkKind::Lost => {
                chart.draw_series(std::iter::once(PathElement::new(
                    vec![start, end],
                    color.stroke_width(width),
                )))?;
                if progress >= 1.0 {
                    chart.draw_series(std::iter::once(Cross::new(
                        end,
                        px(5.0),
                        color.stroke_width(width),
                    )))?;
                }
            }
            MarkKind::Request | MarkKind::Reply { .. } => {
                chart.draw_series(std::iter::once(PathElement::new(
                    vec![start, end],
                    color.stroke_width(width),
                )))?;
            }
        }
    }
    // The playhead.
    if (from..to).contains(&playhead) {
        let x = micros_to_ms(playhead);
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(x, -0.3), (x, 2.3)],
            palette.grid.mix(0.6).stroke_width(px(1.0)),
        )))?;
    }
    area.present()
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::backend::SVGBackend;
    use sim::{run_retry, RetryScenario};

    #[test]
    fn every_delivered_attempt_has_a_request_mark_and_times_run_forward() {
        let run = run_retry(&RetryScenario::default(), 42);
        let marks = timeline_marks(&run.trace, 10_000);
        let delivered = run
            .trace
            .iter()
            .filter(|e| matches!(e.kind, TraceKind::Delivered { .. }))
            .count();
        let requests = marks.iter().filter(|m| m.kind == MarkKind::Request).count();
        assert_eq!(requests, delivered);
        assert!(marks.iter().all(|m| m.to_t >= m.from_t));
        assert!(marks.iter().any(|m| m.kind == MarkKind::Backoff));
    }

    #[test]
    fn draws_to_svg_with_a_playhead() {
        let run = run_retry(&RetryScenario::default(), 42);
        let marks = timeline_marks(&run.trace, 10_000);
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (640, 220)).into_drawing_area();
            draw_retry_timeline(
                &area,
                &marks,
                (0, 1_000_000),
                600_000,
                Palette::NEUTRAL,
                1.0,
            )
            .expect("draws");
        }
        assert!(svg.contains("client") && svg.contains("server"));
        assert!(svg.matches("<polyline").count() > 5);
    }
}
