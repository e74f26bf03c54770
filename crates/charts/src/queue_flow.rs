//! The queue picture: the producer, each partition with the messages
//! waiting on it (head at the right), and each consumer with the message it
//! holds, drawn from a [`QueueSnapshot`]. Squares are coloured by key, so
//! a reader can follow one key's order; a redelivered message has a red
//! outline; what just happened at a consumer flashes beside it.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::palette::Palette;
use crate::queue_snapshot::{ConsumerState, QueueSnapshot};

/// Most partitions (and consumers) drawn.
pub const MAX_ROWS: usize = 40;

fn key_color(palette: Palette, key: u32) -> RGBColor {
    // The first series colour is the neutral grey: keep it for text.
    palette.series[1 + key as usize % (palette.series.len() - 1)]
}

/// Draws `snap` to fill `area`.
/// Roughly how wide `text` is in a sans-serif font of `size` pixels. Plotters
/// has no font metrics here (the wasm carries no font rasteriser, for size),
/// and 0.6 em a character is at least as wide as digits and lower-case
/// letters, so a column sized by it holds its label.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * 0.6 * size
}

pub fn draw_queue_flow<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    snap: &QueueSnapshot,
    palette: Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = scale.max(0.5);
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    let px = |v: f64| v.round() as i32;
    let font = ("sans-serif", 12.0 * s).into_font().color(&palette.text);
    let small = ("sans-serif", 10.5 * s).into_font().color(&palette.text);
    let t = &snap.totals;
    let counts = [
        format!("produced {}", t.produced),
        format!("processed {}", t.processed),
        format!("duplicates {}", t.duplicates),
        format!("suppressed {}", t.suppressed),
        format!("out of order {}", t.out_of_order),
        format!("late dropped {}", t.late_dropped),
        format!("redeliveries {}", t.redeliveries),
    ];
    // One line where it fits, two on a narrow (phone) canvas.
    let mut lines = vec![counts.join(" · ")];
    if text_width(&lines[0], 10.5 * s) > w - 8.0 * s {
        lines = vec![counts[..4].join(" · "), counts[4..].join(" · ")];
    }

    // A thousand partitions would be rows under a pixel high, drawn at a
    // cost every frame: the first MAX_ROWS are drawn, the rest counted.
    let (partitions, consumers) = (
        &snap.partitions[..snap.partitions.len().min(MAX_ROWS)],
        &snap.consumers[..snap.consumers.len().min(MAX_ROWS)],
    );
    if (partitions.len(), consumers.len()) != (snap.partitions.len(), snap.consumers.len()) {
        lines.push(format!(
            "showing the first {} of {} partitions and {} of {} consumers",
            partitions.len(),
            snap.partitions.len(),
            consumers.len(),
            snap.consumers.len()
        ));
    }
    for (n, line) in lines.iter().enumerate() {
        area.draw(&Text::new(
            line.clone(),
            (px(4.0 * s), px(4.0 * s + 14.0 * s * n as f64)),
            small.clone(),
        ))?;
    }
    let top = 10.0 * s + 14.0 * s * lines.len() as f64;
    let rows = partitions.len().max(consumers.len()).max(1) as f64;
    let row_h = ((h - top - 4.0 * s) / rows).max(4.0);
    let row_y = |i: usize| top + row_h * i as f64;
    let box_h = (row_h * 0.72).min(34.0 * s);
    // Columns as wide as their labels need (the producer's box, the
    // partitions' names), then the lanes and the consumers in what is left.
    let delayed = format!("{} delayed", snap.in_transit);
    let producer_w = (text_width("producer", 12.0 * s).max(text_width(&delayed, 10.5 * s))
        + 10.0 * s)
        .max(w * 0.11);
    let label_w = text_width(
        &format!("p{}", partitions.len().saturating_sub(1)),
        10.5 * s,
    ) + 8.0 * s;
    let lane_start = (2.0 * s + producer_w + label_w).max(w * 0.17);
    let lane = (lane_start, (w * 0.62).max(lane_start + 40.0 * s));
    let cons = (w * 0.72, w * 0.99);

    // The producer, with what is still on its way to the broker.
    let (py0, py1) = (top, h - 4.0 * s);
    area.draw(&Rectangle::new(
        [(px(2.0 * s), px(py0)), (px(2.0 * s + producer_w), px(py1))],
        palette.grid.stroke_width(s.round().max(1.0) as u32),
    ))?;
    area.draw(&Text::new(
        "producer",
        (px(6.0 * s), px((py0 + py1) / 2.0 - 8.0 * s)),
        font.clone(),
    ))?;
    if snap.in_transit > 0 {
        area.draw(&Text::new(
            delayed,
            (px(6.0 * s), px((py0 + py1) / 2.0 + 8.0 * s)),
            small.clone(),
        ))?;
    }

    let square = (box_h * 0.55).min(12.0 * s).max(3.0);
    let gap = (square * 0.3).max(1.0);
    for (i, waiting) in partitions.iter().enumerate() {
        let (y0, y1) = (
            row_y(i) + (row_h - box_h) / 2.0,
            row_y(i) + (row_h + box_h) / 2.0,
        );
        let outline = if snap.redelivered[i] {
            palette.bad
        } else {
            palette.grid
        };
        area.draw(&Rectangle::new(
            [(px(lane.0), px(y0)), (px(lane.1), px(y1))],
            outline.stroke_width(s.round().max(1.0) as u32),
        ))?;
        area.draw(&Text::new(
            format!("p{i}"),
            (
                px(lane.0 - label_w + 4.0 * s),
                px((y0 + y1) / 2.0 - 6.0 * s),
            ),
            small.clone(),
        ))?;
        let room = (((lane.1 - lane.0) - 34.0 * s) / (square + gap)).max(0.0) as usize;
        let cy = (y0 + y1) / 2.0;
        for (j, m) in waiting.iter().rev().take(room).enumerate() {
            let x1 = lane.1 - gap - (square + gap) * j as f64;
            let rect = [
                (px(x1 - square), px(cy - square / 2.0)),
                (px(x1), px(cy + square / 2.0)),
            ];
            area.draw(&Rectangle::new(rect, key_color(palette, m.key).filled()))?;
            if m.redelivery {
                area.draw(&Rectangle::new(
                    rect,
                    palette.bad.stroke_width((2.0 * s).round() as u32),
                ))?;
            }
        }
        if waiting.len() > room {
            area.draw(&Text::new(
                format!("+{}", waiting.len() - room),
                (px(lane.0 + 4.0 * s), px(cy - 6.0 * s)),
                small.clone(),
            ))?;
        }
        // Which consumer reads this partition (if it is drawn).
        let c = i % snap.consumers.len().max(1);
        if c < consumers.len() {
            let cy_c = row_y(c) + row_h / 2.0;
            area.draw(&PathElement::new(
                vec![(px(lane.1), px(cy)), (px(cons.0), px(cy_c))],
                palette.grid.mix(0.5).stroke_width(1),
            ))?;
        }
    }

    for (i, state) in consumers.iter().enumerate() {
        let (y0, y1) = (
            row_y(i) + (row_h - box_h) / 2.0,
            row_y(i) + (row_h + box_h) / 2.0,
        );
        let cy = (y0 + y1) / 2.0;
        let frame = [(px(cons.0), px(y0)), (px(cons.1), px(y1))];
        match *state {
            ConsumerState::Down => {
                area.draw(&Rectangle::new(frame, palette.bad.mix(0.25).filled()))?;
                area.draw(&Text::new(
                    format!("c{i} down"),
                    (px(cons.0 + 4.0 * s), px(cy - 6.0 * s)),
                    font.clone(),
                ))?;
            }
            ConsumerState::Idle => {
                area.draw(&Text::new(
                    format!("c{i} idle"),
                    (px(cons.0 + 4.0 * s), px(cy - 6.0 * s)),
                    font.clone(),
                ))?;
            }
            ConsumerState::Busy {
                message,
                key,
                delivery,
            } => {
                let x = cons.0 + 4.0 * s;
                let rect = [
                    (px(x), px(cy - square / 2.0)),
                    (px(x + square), px(cy + square / 2.0)),
                ];
                area.draw(&Rectangle::new(rect, key_color(palette, key).filled()))?;
                if delivery > 1 {
                    area.draw(&Rectangle::new(
                        rect,
                        palette.bad.stroke_width((2.0 * s).round() as u32),
                    ))?;
                }
                let label = if delivery > 1 {
                    format!("c{i} #{message} (try {delivery})")
                } else {
                    format!("c{i} #{message}")
                };
                area.draw(&Text::new(
                    label,
                    (px(x + square + 4.0 * s), px(cy - 6.0 * s)),
                    small.clone(),
                ))?;
            }
        }
        area.draw(&Rectangle::new(
            frame,
            palette.grid.stroke_width(s.round().max(1.0) as u32),
        ))?;
        if let Some(flash) = snap.flashes[i] {
            let color = match flash {
                crate::queue_snapshot::Flash::Suppressed
                | crate::queue_snapshot::Flash::LateAccepted => palette.ok,
                _ => palette.bad,
            };
            // The colour is a dot's, under the consumer's label: text takes
            // the theme's text colour, as the palette's mid tones are below
            // text contrast (4.5:1).
            let x = cons.0 + 8.0 * s + square;
            area.draw(&Circle::new(
                (px(x + 3.0 * s), px(y1 - 7.5 * s)),
                (3.0 * s).round().max(2.0) as u32,
                color.filled(),
            ))?;
            area.draw(&Text::new(
                flash.label(),
                (px(x + 9.0 * s), px(y1 - 12.0 * s)),
                ("sans-serif", 10.5 * s).into_font().color(&palette.text),
            ))?;
        }
    }
    area.present()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queue_snapshot::queue_snapshot;
    use sim::{run_queue_traced, QueueScenario};

    #[test]
    fn draws_partitions_and_consumers() {
        let s = QueueScenario::default();
        let run = run_queue_traced(&s, 1);
        let snap = queue_snapshot(&run.trace, s.partitions, s.consumers, 3_000_000, 300_000);
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (720, 260)).into_drawing_area();
            draw_queue_flow(&area, &snap, Palette::NEUTRAL, 1.0).expect("draws");
        }
        assert!(svg.contains("producer") && svg.contains("p3") && svg.contains("c1"));
    }

    fn svg_at(width: u32) -> String {
        let s = QueueScenario::default();
        let run = run_queue_traced(&s, 1);
        let snap = queue_snapshot(&run.trace, s.partitions, s.consumers, 3_000_000, 300_000);
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (width, 260)).into_drawing_area();
            draw_queue_flow(&area, &snap, Palette::NEUTRAL, 1.0).expect("draws");
        }
        svg
    }

    /// The width of the first `<rect>`: the producer's box.
    fn producer_box(svg: &str) -> f64 {
        let rect = &svg[svg.find("<rect").expect("a rect")..];
        let attr = |name: &str| -> f64 {
            let at = rect.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
            rect[at..at + rect[at..].find('"').expect("quote")]
                .parse()
                .expect("number")
        };
        attr("width")
    }

    #[test]
    fn on_a_phone_the_counts_take_two_lines_and_the_producer_box_holds_its_label() {
        let (wide, narrow) = (svg_at(900), svg_at(340));
        assert!(
            wide.contains("suppressed 0 · out of order"),
            "one line when it fits"
        );
        assert!(
            !narrow.contains("suppressed 0 · out of order"),
            "split on a phone"
        );
        assert!(
            narrow.contains(">\nout of order "),
            "the second line starts with it"
        );
        // "producer" at 12 px is about 58 px wide: the box holds it.
        assert!(producer_box(&narrow) >= text_width("producer", 12.0));
    }
}
