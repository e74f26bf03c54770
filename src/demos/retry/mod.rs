//! The retry demo: one client, a lossy link, a flaky server. The reader
//! changes latency, loss, failure, timeout, attempts, deadline and policy;
//! the run is recomputed on the demo's worker, its timeline plays back in
//! lanes, and the numbers, the latency chart and a data table follow.

mod controls;

use crate::components::Later;
use leptos::html::Canvas;
use leptos::prelude::*;
use page_data::run_requests::RetryRequest;
use page_data::{export, retry_summary};
use sim::{Micros, RetryRun, RetryScenario};

use super::canvas::chart_effect;
use super::data_table::DataTable;
use super::export::ExportButtons;
use super::legend::Legend;
use super::live_run::{live_demo, LiveRun, Shared};
use super::mount::RetireStaticPicture;
use super::playback::{Playback, PlaybackControls};
use super::seed::SeedControls;
use super::state::DemoState;
use super::trace_note::{cut_at, TraceNote};
use controls::RetryControls;

/// Simulated time the timeline shows at once.
const TIMELINE_SPAN: Micros = 2_000_000;

/// The histogram's numbers as rows: each latency bucket that holds a
/// success, with how many came at the first try and after retries.
fn latency_rows(run: &RetryRun) -> Vec<Vec<String>> {
    charts::latency_buckets(run)
        .into_iter()
        .filter(|b| b.first_try + b.retried > 0)
        .map(|b| {
            vec![
                format!("{:.0}–{:.0}", b.from_ms, b.to_ms),
                b.first_try.to_string(),
                b.retried.to_string(),
            ]
        })
        .collect()
}

#[component]
pub fn RetryDemo(seed: u64, scenario: RetryScenario, index: usize) -> impl IntoView {
    let state = DemoState::new(index, seed, scenario, RetryScenario::validate);
    live_demo(
        state,
        index,
        |seed, scenario| RetryRequest { seed, scenario },
        retry_figure,
    )
}

fn retry_figure(
    state: DemoState<RetryScenario>,
    live: LiveRun<RetryRequest>,
    index: usize,
) -> impl IntoView {
    let (seed, scenario) = (state.seed, state.scenario);
    let run: Memo<Shared<RetryRun>> = live.run();
    let id = format!("demo-{index}");

    let end = Signal::derive(move || run.with(|r| r.trace.last().map_or(0, |e| e.at)));
    let playback = Playback::new(end);
    let times = Memo::new(move |_| {
        run.with(|r| {
            let mut t: Vec<Micros> = r.trace.iter().map(|e| e.at).collect();
            t.dedup();
            t
        })
    });
    let marks = Memo::new(move |_| {
        let flight = scenario.with(|s| sim::ms_to_micros(s.link.latency.typical_ms() / 2.0));
        run.with(|r| charts::timeline_marks(&r.trace, flight))
    });

    let timeline = NodeRef::<Canvas>::new();
    chart_effect(timeline, move |chart| {
        let playhead = playback.playhead.get();
        let from = playhead.saturating_sub(TIMELINE_SPAN * 3 / 4);
        marks.with(|marks| {
            chart.draw(|area, ratio, palette| {
                let _ = charts::draw_retry_timeline(
                    area,
                    marks,
                    (from, from + TIMELINE_SPAN),
                    playhead,
                    palette,
                    ratio,
                );
            })
        });
    });
    let histogram = NodeRef::<Canvas>::new();
    chart_effect(histogram, move |chart| {
        run.with(|run| {
            chart.draw(|area, ratio, palette| {
                let _ = charts::draw_latency_histogram(area, run, palette, ratio);
            })
        });
    });

    let stem = Signal::derive(move || format!("retry-seed-{}", seed.get()));
    let events_csv = Callback::new(move |_| run.with(|r| export::to_csv(&r.trace)));
    let metrics_csv = Callback::new(move |_| run.with(|r| export::metrics_csv(&r.stats)));
    let run_json = Callback::new(move |_| {
        scenario.with(|s| {
            run.with(|r| export::run_json(sim::Demo::Retry, r.seed, s, &r.stats, &r.trace))
        })
    });

    let late_id = id.clone();
    view! {
        <figure class="demo demo-live" id=id.clone() data-demo=sim::Demo::Retry.key() aria-busy=move || live.updating.get().to_string()>
            <RetireStaticPicture index />
            <RetryControls scenario id=id.clone() />
            <SeedControls seed on_reset=state.resetter() id=id.clone() />
            <dl class="demo-stats" aria-live="polite">
                {move || {
                    run.with(|r| retry_summary(&r.stats))
                        .into_iter()
                        .map(|s| view! { <div><dt>{s.label}</dt><dd data-stat=s.key>{s.value}</dd></div> })
                        .collect_view()
                }}
            </dl>
            // The playback, charts and tables are built a task after the
            // controls and numbers (`Later`): the figure in one task held
            // the page for 45-60 ms on this machine, most of it V8
            // compiling what the build calls for the first time.
            <Later>
            <PlaybackControls playback times=times id=late_id.clone() />
            <canvas
                node_ref=timeline
                class="chart timeline"
                role="img"
                aria-label="Timeline of attempts between client, link and server"
            ></canvas>
            <Legend items=charts::latency_legend(charts::Palette::NEUTRAL) />
            <canvas
                node_ref=histogram
                class="chart"
                role="img"
                aria-label="Latency of successful requests: first try against after retries"
            ></canvas>
            <DataTable
                summary="The chart's numbers as a table"
                caption="Successful requests by latency"
                columns=&["Latency (ms)", "First try", "After retries"]
                rows=Signal::derive(move || run.with(|r| latency_rows(r)))
            />
            <ExportButtons stem events_csv metrics_csv run_json />
            <TraceNote cut=Signal::derive(move || run.with(|r| cut_at(r.trace.len(), r.events))) />
            </Later>
            <figcaption>
                {move || run.with(|r| {
                    format!(
                        "{} requests: {} succeeded, {} failed, {} attempts in all (seed {}).",
                        r.stats.requests, r.stats.succeeded, r.stats.failed, r.stats.attempts, r.seed
                    )
                })}
            </figcaption>
        </figure>
    }
}
