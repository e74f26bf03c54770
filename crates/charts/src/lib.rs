//! Charts of simulation runs. Each function draws on any plotters backend,
//! so the app's canvas and the build's static SVG are the same picture.

mod breaker_timeline;
mod contention_sweep;
mod latency_histogram;
mod palette;
mod retry_timeline;
mod storm_series;

pub use breaker_timeline::{breaker_spans, draw_breaker_timeline};
pub use contention_sweep::{draw_contention_sweep, sweep_legend, SweepMetric};
pub use latency_histogram::{draw_latency_histogram, latency_buckets, LatencyBucket};
pub use palette::Palette;

/// A colour as CSS (`rgb(r, g, b)`), for legends written in HTML.
pub fn css_color(c: plotters::style::RGBColor) -> String {
    format!("rgb({}, {}, {})", c.0, c.1, c.2)
}
pub use retry_timeline::{draw_retry_timeline, timeline_marks, Mark, MarkKind};
pub use storm_series::{draw_storm_series, storm_legend, storm_rates, StormAxes, StormRates};
