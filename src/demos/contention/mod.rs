//! The contention demo: the 2015 backoff experiment swept over client
//! counts and strategies, computed by web workers (or in the page between
//! animation frames where no worker starts; see `runner`), with a progress
//! bar, play, pause, step and speed; the charts fill in as points complete.

mod local_cell;
mod runner;
mod worker_pool;

use leptos::html::Canvas;
use leptos::prelude::*;
use page_data::{contention_summary, export};
use sim::{ContentionSummary, ContentionSweep};

use super::canvas::chart_effect;
use super::controls::Slider;
use super::export::ExportButtons;
use super::legend::Legend;
use super::motion::prefers_reduced_motion;
use super::mount::RetireStaticPicture;
use super::playback::SPEEDS;
use super::seed::SeedControls;
use super::state::DemoState;
use crate::components::Later;
use runner::SweepRunner;

/// Runs-per-point choices.
const RUNS: [u32; 4] = [10, 20, 50, 100];

#[component]
fn SweepChart(
    results: RwSignal<Vec<ContentionSummary>>,
    sweep: RwSignal<ContentionSweep>,
    /// Whether to draw yet (with reduced motion: the finished sweep only).
    show: Signal<bool>,
    metric: charts::SweepMetric,
    label: &'static str,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    chart_effect(canvas, move |chart| {
        if !show.get() {
            return;
        }
        let (order, max) = sweep.with(|s| {
            (
                s.strategies.clone(),
                s.client_counts().last().copied().unwrap_or(1),
            )
        });
        results.with(|r| {
            chart.draw(|area, ratio, palette| {
                let _ = charts::draw_contention_sweep(area, r, &order, max, metric, palette, ratio);
            })
        });
    });
    view! { <canvas node_ref=canvas class="chart sweep" role="img" aria-label=label></canvas> }
}

#[component]
pub fn ContentionDemo(seed: u64, scenario: ContentionSweep, index: usize) -> impl IntoView {
    let state = DemoState::new(index, seed, scenario, ContentionSweep::validate);
    let (seed, sweep) = (state.seed, state.scenario);
    let runner = SweepRunner::new();
    // Each sweep starts in a task of its own, not in the one that builds
    // the figure (or handles the control that asked for it); only the
    // newest asked for starts, and none once the demo is gone.
    let asked = StoredValue::new(0_u64);
    Effect::new(move |_| {
        let (sweep, seed) = (sweep.get(), seed.get());
        let Some(turn) = asked.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        set_timeout(
            move || {
                if asked.try_get_value() == Some(turn) {
                    runner.start(sweep, seed);
                }
            },
            std::time::Duration::ZERO,
        );
    });
    let total = Memo::new(move |_| sweep.with(|s| s.cells().len()));
    let reduced = prefers_reduced_motion();
    let show = Signal::derive(move || !reduced || runner.timing.get().is_some());
    let id = format!("demo-{index}");
    let field = {
        let id = id.clone();
        move |name: &str| format!("{id}-{name}")
    };

    let headline = move || {
        sweep.with(|s| {
            runner.results.with(|r| {
                contention_summary(s, r)
                    .into_iter()
                    .map(|x| (x.key, x.value))
                    .collect::<std::collections::BTreeMap<&str, String>>()
            })
        })
    };
    let stem = Signal::derive(move || format!("contention-seed-{}", seed.get()));
    let events_csv = Callback::new(move |_| runner.results.with(|r| export::to_csv(r)));
    let metrics_csv = Callback::new(move |_| export::metrics_csv(&headline()));
    let run_json = Callback::new(move |_| {
        sweep.with(|s| {
            runner.results.with(|r| {
                export::run_json(
                    sim::Demo::Contention,
                    seed.get_untracked(),
                    s,
                    &headline(),
                    r,
                )
            })
        })
    });

    let seed_id = id.clone();
    view! {
        <figure class="demo demo-live" id=id.clone() data-demo=sim::Demo::Contention.key()
            aria-busy=move || (runner.playing.get() && runner.timing.get().is_none()).to_string()>
            <RetireStaticPicture index />
            <div class="demo-controls" role="group" aria-label="Contention demo parameters">
                <div class="control select">
                    <label for=field("runs")>"Runs per point"</label>
                    <select id=field("runs") on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                            if RUNS.contains(&n) {
                                sweep.update(|s| s.runs = n);
                            }
                        }
                    }>
                        {RUNS.into_iter().map(|n| view! {
                            <option value=n.to_string() selected=move || sweep.with(|s| s.runs == n)>{n}</option>
                        }).collect_view()}
                    </select>
                </div>
                <Slider id=field("clients") label="Most clients" unit="" min=20.0 max=200.0 step=10.0
                    value=Signal::derive(move || sweep.with(|s| f64::from(s.clients_to)))
                    on_change=move |v: f64| sweep.update(|s| s.clients_to = (v.round() as u32).max(s.clients_from)) />
            </div>
            // Each `Later` is a task of its own: the controls, then the
            // playback, then the charts, then the numbers and exports. The
            // figure in two tasks held the page for 110 ms and more on a
            // phone-speed CPU, most of it V8 compiling the functions the
            // build calls for the first time (PERFORMANCE.md).
            <Later>
            <SeedControls seed on_reset=state.resetter() id=seed_id />
            <div class="playback" role="group" aria-label="Sweep">
                <button type="button" data-testid="play" aria-pressed=move || runner.playing.get().to_string()
                    on:click=move |_| runner.toggle()>
                    {move || if runner.playing.get() { "Pause" } else { "Play" }}
                </button>
                <button type="button" data-testid="step" on:click=move |_| runner.step()>"Step"</button>
                <button type="button" on:click=move |_| runner.start(sweep.get_untracked(), seed.get_untracked())>"Restart"</button>
                <label for=field("speed")>"Speed"</label>
                <select id=field("speed") on:change=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                        if SPEEDS.contains(&v) && v <= 1.0 {
                            runner.speed.set(v);
                        }
                    }
                }>
                    {SPEEDS.into_iter().filter(|&v| v <= 1.0).map(|v| view! {
                        <option value=v.to_string() selected=move || runner.speed.get() == v>{format!("{v}×")}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="sweep-progress">
                <label for=field("progress")>"Sweep"</label>
                <progress id=field("progress") max=move || total.get().to_string()
                    value=move || runner.results.with(Vec::len).to_string()></progress>
                <output data-testid="sweep-status" aria-live="polite">
                    {move || match runner.timing.get() {
                        Some(t) => format!(
                            "done: {} points in {:.0} ms {} (longest frame {:.0} ms)",
                            total.get(),
                            t.total_ms,
                            match t.workers {
                                0 => "in the page".to_string(),
                                1 => "on 1 worker".to_string(),
                                n => format!("on {n} workers"),
                            },
                            t.longest_frame_ms
                        ),
                        None => format!("{} of {} points", runner.results.with(Vec::len), total.get()),
                    }}
                </output>
            </div>
            </Later>
            <Later>
            {move || view! { <Legend items=sweep.with(|s| charts::sweep_legend(&s.strategies, charts::Palette::NEUTRAL)) /> }}
            <div class="side-by-side">
                <SweepChart results=runner.results sweep show metric=charts::SweepMetric::Calls label="Work (write calls) against clients, per strategy" />
                <SweepChart results=runner.results sweep show metric=charts::SweepMetric::CompletionMs label="Completion time against clients, per strategy" />
            </div>
            </Later>
            <Later>
            <dl class="demo-stats" aria-live="polite">
                {move || {
                    sweep.with(|s| runner.results.with(|r| contention_summary(s, r)))
                        .into_iter()
                        .map(|s| view! { <div><dt>{s.label}</dt><dd data-stat=s.key>{s.value}</dd></div> })
                        .collect_view()
                }}
            </dl>
            <ExportButtons stem events_csv metrics_csv run_json />
            </Later>
            <figcaption>
                {move || sweep.with(|s| format!(
                    "Mean over {} runs per point; the numbers under the charts are at {} clients.",
                    s.runs,
                    s.client_counts().last().copied().unwrap_or(0)
                ))}
            </figcaption>
        </figure>
    }
}
