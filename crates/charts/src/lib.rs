//! Charts of simulation runs. Each function draws on any plotters backend,
//! so the app's canvas and the build's static SVG are the same picture.

mod breaker_timeline;
mod consensus_ring;
mod contention_sweep;
mod deep_space_picture;
mod deep_space_snapshot;
mod frame;
mod latency_histogram;
mod palette;
mod queue_flow;
mod queue_series;
mod queue_snapshot;
mod retry_timeline;
mod storm_series;
mod time_lines;

pub use breaker_timeline::{breaker_spans, draw_breaker_timeline};
pub use consensus_ring::{
    consensus_legend, draw_consensus_ring, flight_color, ring_flights, ring_position, role_color,
    FlightKind, RingFlight,
};
pub use contention_sweep::{draw_contention_sweep, sweep_legend, SweepMetric};
pub use frame::Frame;
pub use latency_histogram::{
    draw_latency_histogram, latency_buckets, latency_legend, LatencyBucket,
};
pub use palette::Palette;

/// A colour as CSS (`rgb(r, g, b)`), for legends written in HTML.
pub fn css_color(c: plotters::style::RGBColor) -> String {
    format!("rgb({}, {}, {})", c.0, c.1, c.2)
}
pub use deep_space_picture::{
    deep_space_legend, draw_deep_space, light_time_label, node_positions,
};
pub use deep_space_snapshot::{
    deep_space_snapshot, delivery_points, DeepSpaceReplay, DeepSpaceSnapshot, Fate, Flight,
};
pub use queue_flow::draw_queue_flow;
pub use queue_series::{
    lag_points, queue_span_ms, queue_totals, queue_totals_legend, QueueTotalsSeries,
};
pub use queue_snapshot::{
    queue_snapshot, ConsumerState, Flash, QueueReplay, QueueSnapshot, QueueTotals, Waiting,
};
pub use retry_timeline::{draw_retry_timeline, timeline_marks, Mark, MarkKind};
pub use storm_series::{draw_storm_series, storm_legend, storm_rates, StormAxes, StormRates};
pub use time_lines::{draw_time_lines, Line, TimeFrame, TimeUnit};
