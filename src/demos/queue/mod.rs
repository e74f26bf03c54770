//! The queue demo: a producer, a broker with partitions and consumers,
//! delivering at least once. The picture replays the run at the playhead
//! (messages waiting per partition, what each consumer holds, crashes,
//! redeliveries, duplicates, late events); below it, consumer lag and the
//! running totals over time.

mod controls;
mod table;

use crate::components::Later;
use leptos::html::Canvas;
use leptos::prelude::*;
use page_data::run_requests::QueueRequest;
use page_data::{export, queue_summary};
use sim::{micros_to_ms, ms_to_micros, QueueRun, QueueScenario};

use super::canvas::chart_effect;
use super::export::ExportButtons;
use super::legend::Legend;
use super::live_run::{live_demo, LiveRun, Shared};
use super::mount::RetireStaticPicture;
use super::playback::{Playback, PlaybackControls};
use super::seed::SeedControls;
use super::state::DemoState;
use super::trace_note::{cut_at, TraceNote};

/// How long a flash (a duplicate, a crash) stays on the picture, in µs of
/// simulated time.
const FLASH_US: u64 = 300_000;

/// A chart of lines over the run, up to the playhead.
#[component]
fn QueueChart(
    run: Memo<Shared<QueueRun>>,
    span: Memo<f64>,
    playback: Playback,
    /// `true`: the running totals; `false`: consumer lag.
    totals: bool,
    label: &'static str,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    // Computed once per run, not once per frame.
    let series = Memo::new(move |_| {
        let span_ms = span.get();
        run.with(|run| {
            if totals {
                (charts::queue_totals(&run.trace, span_ms), Vec::new())
            } else {
                (Default::default(), charts::lag_points(&run.lag))
            }
        })
    });
    chart_effect(canvas, move |chart| {
        let until_ms = micros_to_ms(playback.playhead.get());
        let span_ms = span.get();
        series.with(|(series, lag)| {
            chart.draw(|area, ratio, palette| {
                let _ = if totals {
                    charts::draw_time_lines(
                        area,
                        charts::TimeFrame {
                            span_ms,
                            y_max: series.max() * 1.1 + 1.0,
                            y_desc: "count",
                            until_ms,
                        },
                        &series.lines(palette),
                        palette,
                        ratio,
                    )
                } else {
                    let y_max = lag.iter().map(|p| p.1).fold(1.0, f64::max) * 1.1;
                    charts::draw_time_lines(
                        area,
                        charts::TimeFrame {
                            span_ms,
                            y_max,
                            y_desc: "messages",
                            until_ms,
                        },
                        &[charts::Line {
                            label: "consumer lag",
                            color: palette.first_try,
                            points: lag,
                        }],
                        palette,
                        ratio,
                    )
                };
            })
        });
    });
    view! { <canvas node_ref=canvas class="chart queue-chart" role="img" aria-label=label></canvas> }
}

#[component]
pub fn QueueDemo(seed: u64, scenario: QueueScenario, index: usize) -> impl IntoView {
    let state = DemoState::new(index, seed, scenario, QueueScenario::validate);
    live_demo(
        state,
        index,
        |seed, scenario| QueueRequest { seed, scenario },
        queue_figure,
    )
}

fn queue_figure(
    state: DemoState<QueueScenario>,
    live: LiveRun<QueueRequest>,
    index: usize,
) -> impl IntoView {
    let (seed, scenario) = (state.seed, state.scenario);
    let run = live.run();
    let span = Memo::new(move |_| {
        let duration = scenario.with(|s| s.duration_ms);
        run.with(|r| charts::queue_span_ms(&r.trace, duration))
    });
    let id = format!("demo-{index}");
    let playback = Playback::new(Signal::derive(move || ms_to_micros(span.get())));
    let times = Memo::new(move |_| run.with(|r| r.trace.iter().map(|e| e.at).collect::<Vec<_>>()));

    let flow = NodeRef::<Canvas>::new();
    // The picture replays the log forward as the playhead moves (each event
    // once, not once a frame); a new run starts a new replay.
    let generation = Memo::new(move |previous: Option<&u64>| {
        run.track();
        previous.map_or(0, |g| g + 1)
    });
    let replay = StoredValue::new(None::<(u64, charts::QueueReplay)>);
    chart_effect(flow, move |chart| {
        let at = playback.playhead.get();
        let current = generation.get();
        let (partitions, consumers) = scenario.with(|s| (s.partitions, s.consumers));
        run.with(|run| {
            // Replayed only when drawn (not while the demo is off screen).
            chart.draw(|area, ratio, palette| {
                replay.update_value(|slot| {
                    if slot.as_ref().is_none_or(|(g, _)| *g != current) {
                        *slot = Some((current, charts::QueueReplay::new(partitions, consumers)));
                    }
                    if let Some((_, replay)) = slot {
                        let snap = replay.seek(&run.trace, at, FLASH_US);
                        let _ = charts::draw_queue_flow(area, snap, palette, ratio);
                    }
                })
            });
        });
    });

    let stem = Signal::derive(move || format!("queue-seed-{}", seed.get()));
    let events_csv = Callback::new(move |_| run.with(|r| export::to_csv(&r.trace)));
    let metrics_csv = Callback::new(move |_| run.with(|r| export::metrics_csv(&r.stats)));
    let run_json = Callback::new(move |_| {
        scenario.with(|s| {
            run.with(|r| export::run_json(sim::Demo::Queue, r.seed, s, &r.stats, &r.trace))
        })
    });

    let late_id = id.clone();
    view! {
        <figure class="demo demo-live" id=id.clone() data-demo=sim::Demo::Queue.key() aria-busy=move || live.updating.get().to_string()>
            <RetireStaticPicture index />
            <controls::QueueControls scenario id=id.clone() />
            <SeedControls seed on_reset=state.resetter() id=id.clone() />
            <dl class="demo-stats" aria-live="polite">
                {move || run.with(|r| queue_summary(r))
                    .into_iter()
                    .map(|s| view! { <div><dt>{s.label}</dt><dd data-stat=s.key>{s.value}</dd></div> })
                    .collect_view()}
            </dl>
            // The playback, charts and tables are built a task after the
            // controls and numbers (`Later`): the figure in one task held
            // the page for 45-60 ms on this machine, most of it V8
            // compiling what the build calls for the first time.
            <Later>
            <PlaybackControls playback times=times id=late_id.clone() />
            <canvas node_ref=flow class="chart queue-flow" role="img"
                aria-label="Messages waiting on each partition and what each consumer is processing, at the playhead"></canvas>
            <div class="side-by-side">
                <div>
                    <QueueChart run span playback totals=false label="Consumer lag over time" />
                </div>
                <div>
                    <Legend items=charts::queue_totals_legend(charts::Palette::NEUTRAL) />
                    <QueueChart run span playback totals=true label="Duplicates, reorders and late events so far" />
                </div>
            </div>
            <table::QueueTable run span />
            <ExportButtons stem events_csv metrics_csv run_json />
            <TraceNote cut=Signal::derive(move || run.with(|r| cut_at(r.trace.len(), r.events))) />
            </Later>
            <figcaption>
                {move || run.with(|r| format!(
                    "{} messages; {} processed twice, {} suppressed by the idempotency store, {} out of order within their key (seed {}).",
                    r.stats.produced, r.stats.duplicates_processed, r.stats.duplicates_suppressed, r.stats.out_of_order, r.seed
                ))}
            </figcaption>
        </figure>
    }
}
