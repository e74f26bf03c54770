//! A demo before the wasm runs: the chart of its default run (drawn by the
//! same plotters code as the live canvas, to SVG), its headline numbers
//! (the same `data-stat` keys the live demo shows), and its parameters in
//! text. Readable without JavaScript.

use page_data::{DemoSpec, Stat};
use plotters::prelude::*;

use crate::escape::escape_html;

mod breaker;
mod consensus;
mod contention;
mod deep_space;
mod queue;
mod retry;
mod storm;

use breaker::breaker;
use consensus::consensus;
use contention::contention;
use deep_space::deep_space;
use queue::queue;
use retry::retry;
use storm::storm;

/// The placeholder of demo number `index` on its page.
pub fn demo_placeholder(spec: &DemoSpec, index: usize) -> String {
    match spec {
        DemoSpec::Retry { seed, scenario } => retry(*seed, scenario, index),
        DemoSpec::Storm { seed, scenario } => storm(*seed, scenario, index),
        DemoSpec::Breaker { seed, scenario } => breaker(*seed, scenario, index),
        DemoSpec::Contention { seed, scenario } => contention(*seed, scenario, index),
        DemoSpec::Queue { seed, scenario } => queue(*seed, scenario, index),
        DemoSpec::DeepSpace { seed, scenario } => deep_space(*seed, scenario, index),
        DemoSpec::Consensus { seed, scenario } => consensus(*seed, scenario, index),
    }
}

/// A chart drawn twice, as the live canvas is drawn at its column's width:
/// at `size` for a wide column, and at [`NARROW_WIDTH`] for a narrow one
/// (a phone, or one of two charts side by side), where the wide drawing
/// scaled down would have labels of 5-7 px. The page's CSS shows the one
/// that fits its column (a container query on `.chart`).
pub(super) struct Picture {
    wide: String,
    narrow: String,
}

/// The narrow drawing's width: about a phone's column (326 px on a 390 px
/// screen), so that it is shown at about its size there.
const NARROW_WIDTH: u32 = 320;

/// A [`Picture`] of `size` (and of the narrow width at the same height)
/// drawn by `draw` (a chart that fails to draw leaves an empty picture; the
/// numbers and text still stand).
fn svg(
    size: (u32, u32),
    draw: impl Fn(&DrawingArea<SVGBackend, plotters::coord::Shift>),
) -> Picture {
    let drawn = |size| {
        let mut out = String::new();
        {
            let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
            draw(&area);
        }
        out
    };
    Picture {
        wide: drawn(size),
        narrow: drawn((NARROW_WIDTH.min(size.0), size.1)),
    }
}

/// A chart's legend in HTML (SVG swatches: no inline styles).
fn legend_html(items: &[(&str, plotters::style::RGBColor)]) -> String {
    let items: String = items
        .iter()
        .map(|(label, color)| {
            format!(
                r#"<li><svg width="14" height="10" aria-hidden="true"><rect width="14" height="10" rx="2" fill="{}"></rect></svg>{}</li>"#,
                charts::css_color(*color),
                escape_html(label)
            )
        })
        .collect();
    format!(r#"<ul class="legend">{items}</ul>"#)
}

fn stats_html(stats: &[Stat]) -> String {
    stats
        .iter()
        .map(|s| {
            format!(
                r#"<div><dt>{}</dt><dd data-stat="{}">{}</dd></div>"#,
                escape_html(s.label),
                s.key,
                escape_html(&s.value)
            )
        })
        .collect()
}

struct Figure<'a> {
    index: usize,
    demo: sim::Demo,
    /// HTML before the charts (a legend), or empty.
    legend: String,
    charts: Vec<(Picture, &'a str)>,
    stats: String,
    params: String,
    caption: &'a str,
}

fn figure(f: Figure<'_>) -> String {
    let charts: String = f
        .charts
        .iter()
        .map(|(picture, label)| {
            format!(
                r#"<div class="chart" role="img" aria-label="{}"><div class="wide">{}</div><div class="narrow">{}</div></div>"#,
                escape_html(label),
                picture.wide,
                picture.narrow
            )
        })
        .collect();
    // Two or more charts sit side by side where there is room, as the live
    // demo lays them out.
    let charts = if f.charts.len() > 1 {
        format!(r#"<div class="side-by-side">{charts}</div>"#)
    } else {
        charts
    };
    format!(
        r#"<figure class="demo" id="demo-{index}" data-demo="{demo}"><div class="demo-static">{legend}{charts}{stats}<p class="demo-params">{params}</p><p class="demo-note">A static picture of the run at the settings above; with JavaScript on, the live demo takes its place.</p></div><figcaption>{caption}</figcaption></figure>"#,
        index = f.index,
        demo = f.demo.key(),
        legend = f.legend,
        stats = f.stats,
        params = escape_html(&f.params),
        caption = escape_html(f.caption),
    )
}
