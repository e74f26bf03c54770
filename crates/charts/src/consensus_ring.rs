//! A Raft cluster at one instant: the servers round a ring, coloured by
//! role, with their term, log length and commit index, the election timer
//! as an arc running down, a line between every two servers that can hear
//! each other (a partition shows as missing lines), and the messages in
//! flight as dots travelling from sender to receiver.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use sim::consensus::{ClusterView, ConsensusRun, Fate, MessageBody, Role};
use sim::Micros;

use crate::palette::Palette;

/// What a message in flight is, for its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlightKind {
    RequestVote,
    Vote,
    Append,
    Heartbeat,
    AppendReply,
}

/// A message on the wire.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RingFlight {
    pub id: u64,
    pub from: u32,
    pub to: u32,
    /// How far from sender to receiver, 0 to 1.
    pub progress: f64,
    pub kind: FlightKind,
    /// The network will lose it.
    pub lost: bool,
}

fn kind_of(body: &MessageBody) -> FlightKind {
    match body {
        MessageBody::RequestVote { .. } => FlightKind::RequestVote,
        MessageBody::Vote { .. } => FlightKind::Vote,
        MessageBody::Append { entries, .. } if entries.is_empty() => FlightKind::Heartbeat,
        MessageBody::Append { .. } => FlightKind::Append,
        MessageBody::AppendReply { .. } => FlightKind::AppendReply,
    }
}

/// The messages of `run` on the wire at `at`.
pub fn ring_flights(run: &ConsensusRun, at: Micros) -> Vec<RingFlight> {
    run.in_flight(at)
        .map(|(id, m)| RingFlight {
            id,
            from: m.from,
            to: m.to,
            progress: (at - m.sent) as f64 / (m.arrives - m.sent).max(1) as f64,
            kind: kind_of(&m.body),
            lost: m.fate == Fate::Lost,
        })
        .collect()
}

/// The colour of a role (a stopped server is drawn in the grid colour).
pub fn role_color(role: Role, palette: Palette) -> RGBColor {
    match role {
        Role::Leader => palette.ok,
        Role::Candidate => palette.retried,
        Role::Follower => palette.first_try,
    }
}

/// The colour of a message kind: a request in its sender's role colour
/// (a candidate's vote request, a leader's append), every reply alike.
pub fn flight_color(kind: FlightKind, palette: Palette) -> RGBColor {
    match kind {
        FlightKind::RequestVote => role_color(Role::Candidate, palette),
        FlightKind::Append | FlightKind::Heartbeat => role_color(Role::Leader, palette),
        FlightKind::Vote | FlightKind::AppendReply => palette.series[5],
    }
}

/// What the ring's colours mean, for a legend beside it.
pub fn consensus_legend(palette: Palette) -> Vec<(&'static str, RGBColor)> {
    vec![
        ("leader / append", role_color(Role::Leader, palette)),
        (
            "candidate / vote request",
            role_color(Role::Candidate, palette),
        ),
        ("follower", role_color(Role::Follower, palette)),
        ("reply", flight_color(FlightKind::Vote, palette)),
        ("stopped", palette.grid),
        ("message the network loses", palette.bad),
    ]
}

/// Server `i` of `n` (from 0) on a ring of radius `r` about `(cx, cy)`,
/// the first at the top, clockwise.
pub fn ring_position(i: u32, n: u32, cx: f64, cy: f64, r: f64) -> (f64, f64) {
    let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * f64::from(i) / f64::from(n);
    (cx + r * angle.cos(), cy + r * angle.sin())
}

/// Draws the cluster `view` with `flights` on the wire.
pub fn draw_consensus_ring<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &ClusterView,
    flights: &[RingFlight],
    palette: Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = scale.max(0.5);
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    let px = |v: f64| v.round() as i32;
    let n = view.servers.len() as u32;
    let node_r = 27.0 * s;
    let (cx, cy) = (w / 2.0, h / 2.0);
    let ring_r = (w.min(h) / 2.0 - node_r - 36.0 * s).max(node_r * 2.0);
    let at = |i: u32| ring_position(i, n, cx, cy, ring_r);
    let centre = Pos::new(HPos::Center, VPos::Center);
    // Text on the chart's ground in the theme's text colour; a server's
    // role is the colour of its ring, so no text sits on a colour.
    let font = ("sans-serif", 15.0 * s)
        .into_font()
        .color(&palette.text)
        .pos(centre);
    let term_font = ("sans-serif", 12.0 * s)
        .into_font()
        .color(&palette.text)
        .pos(centre);
    let small = ("sans-serif", 11.5 * s)
        .into_font()
        .color(&palette.text)
        .pos(centre);

    // Who can hear whom: two running servers on the same side.
    let up = |i: u32| view.servers.get(i as usize).is_some_and(|s| s.up);
    for a in 0..n {
        for b in a + 1..n {
            if up(a) && up(b) && view.groups[a as usize] == view.groups[b as usize] {
                let (p, q) = (at(a), at(b));
                // From circle edge to circle edge: the servers' text stays clear.
                let len = ((q.0 - p.0).powi(2) + (q.1 - p.1).powi(2)).sqrt().max(1.0);
                let (dx, dy) = ((q.0 - p.0) / len * node_r, (q.1 - p.1) / len * node_r);
                area.draw(&PathElement::new(
                    vec![(px(p.0 + dx), px(p.1 + dy)), (px(q.0 - dx), px(q.1 - dy))],
                    palette.grid.mix(0.35).stroke_width(1),
                ))?;
            }
        }
    }

    let dot = (4.5 * s).max(2.0);
    for f in flights {
        let (Some(p), Some(q)) = (
            (1..=n).contains(&f.from).then(|| at(f.from - 1)),
            (1..=n).contains(&f.to).then(|| at(f.to - 1)),
        ) else {
            continue;
        };
        let t = f.progress.clamp(0.0, 1.0);
        // Start and end at the circles' edges, not their centres.
        let len = ((q.0 - p.0).powi(2) + (q.1 - p.1).powi(2)).sqrt().max(1.0);
        let edge = node_r / len;
        let t = edge + (1.0 - 2.0 * edge) * t;
        let (x, y) = (p.0 + (q.0 - p.0) * t, p.1 + (q.1 - p.1) * t);
        let color = flight_color(f.kind, palette);
        let r = if f.kind == FlightKind::Heartbeat {
            dot * 0.75
        } else {
            dot
        };
        if f.lost {
            area.draw(&Circle::new(
                (px(x), px(y)),
                px(r),
                palette.bad.stroke_width(2),
            ))?;
        } else {
            area.draw(&Circle::new((px(x), px(y)), px(r), color.filled()))?;
        }
    }

    for (i, server) in view.servers.iter().enumerate() {
        let (x, y) = at(i as u32);
        let (ring, width) = if server.up {
            (role_color(server.role, palette), 6.0 * s)
        } else {
            (palette.grid, 2.0 * s)
        };
        area.draw(&Circle::new(
            (px(x), px(y)),
            px(node_r),
            ring.stroke_width(width.round().max(1.0) as u32),
        ))?;
        if server.role == Role::Leader && server.up {
            area.draw(&Circle::new(
                (px(x), px(y)),
                px(node_r + 7.0 * s),
                palette.ok.stroke_width((2.0 * s).round().max(1.0) as u32),
            ))?;
        }
        // The election timer: an arc that shrinks as it runs down.
        if let (true, Some((set, deadline))) = (server.up, server.timer) {
            let left = deadline.saturating_sub(view.at) as f64 / (deadline - set).max(1) as f64;
            let steps = (48.0 * left).ceil().max(1.0) as usize;
            let arc: Vec<(i32, i32)> = (0..=steps)
                .map(|k| {
                    let a = -std::f64::consts::FRAC_PI_2
                        + std::f64::consts::TAU * left * k as f64 / steps as f64;
                    let rr = node_r + 7.0 * s;
                    (px(x + rr * a.cos()), px(y + rr * a.sin()))
                })
                .collect();
            if left > 0.0 {
                area.draw(&PathElement::new(
                    arc,
                    palette.text.stroke_width((2.0 * s).round().max(1.0) as u32),
                ))?;
            }
        }
        let name = format!("S{}", server.id);
        area.draw(&Text::new(name, (px(x), px(y - 7.0 * s)), font.clone()))?;
        area.draw(&Text::new(
            format!("term {}", server.term),
            (px(x), px(y + 9.0 * s)),
            term_font.clone(),
        ))?;
        let below = if server.up {
            format!("log {} · commit {}", server.log.len(), server.commit)
        } else {
            "stopped".to_string()
        };
        // Outside the ring: under the servers of the lower half, over the
        // others; kept inside the picture on a narrow screen.
        let ty = if y >= cy {
            y + node_r + 18.0 * s
        } else {
            y - node_r - 18.0 * s
        };
        let half = 48.0 * s;
        let tx = x.clamp(half, (w - half).max(half));
        area.draw(&Text::new(below, (px(tx), px(ty)), small.clone()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim::consensus::{run_consensus, ConsensusScenario};

    #[test]
    fn flights_are_the_messages_on_the_wire() {
        let run = run_consensus(&ConsensusScenario::default(), 1);
        let at = 2_000_000;
        let flights = ring_flights(&run, at);
        assert!(!flights.is_empty());
        assert!(flights.iter().all(|f| (0.0..1.0).contains(&f.progress)));
    }

    #[test]
    fn the_ring_draws_as_svg() {
        let run = run_consensus(&ConsensusScenario::default(), 1);
        let view = run.view_at(3_000_000);
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (560, 420)).into_drawing_area();
            draw_consensus_ring(
                &area,
                &view,
                &ring_flights(&run, 3_000_000),
                Palette::NEUTRAL,
                1.0,
            )
            .expect("draws");
        }
        for id in 1..=5 {
            assert!(svg.contains(&format!("\nS{id}\n")), "S{id}");
        }
    }
}
