//! The deep-space picture: Earth, relays and the destination on a line,
//! messages (above) and acknowledgements (below) crossing each hop at the
//! speed of light. Hops are drawn on a log scale of their light time (the
//! Moon is 1.3 light seconds away, Mars minutes), so both stay visible; a
//! dot's progress along its hop is true to time.

use plotters::coord::Shift;
use plotters::prelude::*;
use sim::Payload;

use crate::deep_space_snapshot::{DeepSpaceSnapshot, Fate};
use crate::palette::Palette;

/// Most flights drawn at once.
pub const MAX_FLIGHTS: usize = 2_000;

/// `1280.0` -> `1.28 s`; `750_000.0` -> `12.5 min`.
pub fn light_time_label(ms: f64) -> String {
    if ms < 60_000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else {
        format!("{:.1} min", ms / 60_000.0)
    }
}

/// Node x positions as fractions of the width, hops on a log scale.
pub fn node_positions(light_ms: &[f64]) -> Vec<f64> {
    let widths: Vec<f64> = light_ms
        .iter()
        .map(|l| (1.0 + l.max(0.0) / 100.0).ln().max(0.3))
        .collect();
    let total: f64 = widths.iter().sum::<f64>().max(1e-9);
    let (left, right) = (0.07, 0.93);
    let mut x = left;
    let mut out = vec![x];
    for w in widths {
        x += (right - left) * w / total;
        out.push(x);
    }
    out
}

/// Draws `snap` for a path with `names` (one per node) and `light_ms` (one
/// per hop), with `title` at the top.
pub fn draw_deep_space<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    snap: &DeepSpaceSnapshot,
    names: &[&str],
    light_ms: &[f64],
    title: &str,
    palette: Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = scale.max(0.5);
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    let px = |v: f64| v.round() as i32;
    let font = ("sans-serif", 12.5 * s).into_font().color(&palette.text);
    let small = ("sans-serif", 11.0 * s).into_font().color(&palette.text);
    area.draw(&Text::new(
        title.to_string(),
        (px(6.0 * s), px(4.0 * s)),
        font.clone(),
    ))?;

    let xs: Vec<f64> = node_positions(light_ms)
        .into_iter()
        .map(|f| f * w)
        .collect();
    let mid = h * 0.5;
    for (i, pair) in xs.windows(2).enumerate() {
        area.draw(&PathElement::new(
            vec![(px(pair[0]), px(mid)), (px(pair[1]), px(mid))],
            palette.grid.mix(0.6).stroke_width(1),
        ))?;
        let label = format!(
            "{} one way",
            light_time_label(light_ms.get(i).copied().unwrap_or(0.0))
        );
        area.draw(&Text::new(
            label,
            (px((pair[0] + pair[1]) / 2.0 - 40.0 * s), px(mid - 34.0 * s)),
            small.clone(),
        ))?;
    }
    let colors = [palette.first_try, palette.grid, palette.bad];
    for (i, &x) in xs.iter().enumerate() {
        let color = if i == 0 {
            colors[0]
        } else if i + 1 == xs.len() {
            colors[2]
        } else {
            colors[1]
        };
        area.draw(&Circle::new((px(x), px(mid)), px(9.0 * s), color.filled()))?;
        let name = names.get(i).copied().unwrap_or("relay");
        area.draw(&Text::new(
            name.to_string(),
            (px(x - 20.0 * s), px(mid + 16.0 * s)),
            font.clone(),
        ))?;
        let held = snap.holding.get(i).copied().unwrap_or(0);
        if i + 1 == xs.len() {
            area.draw(&Text::new(
                format!("{} delivered", snap.delivered),
                (px(x - 30.0 * s), px(mid + 32.0 * s)),
                small.clone(),
            ))?;
        } else if held > 0 {
            area.draw(&Text::new(
                format!("holding {held}"),
                (px(x - 20.0 * s), px(mid + 32.0 * s)),
                small.clone(),
            ))?;
        }
    }

    let r = px(3.5 * s);
    // Thousands in flight at once would overlap anyway: draw every k-th.
    let every = snap.flights.len().div_ceil(MAX_FLIGHTS).max(1);
    for f in snap.flights.iter().step_by(every) {
        let (Some(&a), Some(&b)) = (xs.get(f.hop as usize), xs.get(f.hop as usize + 1)) else {
            continue;
        };
        let (from, to, y, base) = match f.payload {
            Payload::Message => (a, b, mid - 9.0 * s, palette.first_try),
            Payload::Ack => (b, a, mid + 9.0 * s, palette.ok),
        };
        let x = from + (to - from) * f.progress;
        match f.fate {
            Fate::Arrives => {
                area.draw(&Circle::new((px(x), px(y)), r, base.filled()))?;
            }
            // Lost and blacked-out copies fade halfway and leave a cross.
            Fate::Lost | Fate::BlackedOut => {
                let color = if f.fate == Fate::Lost {
                    palette.bad
                } else {
                    palette.grid
                };
                if f.progress < 0.5 {
                    area.draw(&Circle::new((px(x), px(y)), r, color.stroke_width(1)))?;
                } else {
                    let cx = from + (to - from) * 0.5;
                    let d = 4.0 * s;
                    for (dx, dy) in [(d, d), (d, -d)] {
                        area.draw(&PathElement::new(
                            vec![(px(cx - dx), px(y - dy)), (px(cx + dx), px(y + dy))],
                            color.stroke_width(s.round().max(1.0) as u32),
                        ))?;
                    }
                }
            }
        }
    }
    area.present()
}

/// What the picture's marks mean, for a legend in HTML.
pub fn deep_space_legend(palette: Palette) -> Vec<(&'static str, RGBColor)> {
    vec![
        ("message", palette.first_try),
        ("acknowledgement", palette.ok),
        ("lost", palette.bad),
        ("blacked out (conjunction)", palette.grid),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deep_space_snapshot::deep_space_snapshot;
    use sim::{ms_to_micros, run_deep_space_traced, DeepSpaceScenario};

    #[test]
    fn the_moon_stays_visible_beside_mars() {
        let xs = node_positions(&[1_280.0, 750_000.0]);
        assert!(xs[1] - xs[0] > 0.1, "{xs:?}");
        assert!(xs[2] > xs[1] && (xs[2] - 0.93).abs() < 1e-9);
        assert_eq!(light_time_label(1_280.0), "1.28 s");
        assert_eq!(light_time_label(750_000.0), "12.5 min");
    }

    #[test]
    fn draws_nodes_and_flights() {
        let s = DeepSpaceScenario::default();
        let run = run_deep_space_traced(&s, 1);
        let light: Vec<_> = s.hops.iter().map(|h| ms_to_micros(h.light_ms)).collect();
        let snap = deep_space_snapshot(&run.trace, &light, false, ms_to_micros(700_000.0));
        let light_ms: Vec<f64> = s.hops.iter().map(|h| h.light_ms).collect();
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (720, 180)).into_drawing_area();
            draw_deep_space(
                &area,
                &snap,
                &["Earth", "Orbiter", "Rover"],
                &light_ms,
                "End to end",
                Palette::NEUTRAL,
                1.0,
            )
            .expect("draws");
        }
        assert!(svg.contains("Earth") && svg.contains("circle"));
    }
}
