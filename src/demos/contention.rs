//! The contention demo: the 2015 backoff experiment swept over client
//! counts and strategies, computed in the page. The runs are spread over
//! animation frames (a few milliseconds of work each) so the page stays
//! responsive; a progress bar shows how far the sweep has got and the
//! charts fill in as cells complete.

use leptos::html::Canvas;
use leptos::prelude::*;
use page_data::{contention_summary, export};
use sim::{run_contention, summarize_runs, ContentionRun, ContentionSummary, ContentionSweep};

use super::canvas::draw_sharp;
use super::controls::Slider;
use super::export::ExportButtons;
use super::seed::SeedControls;
use super::state::DemoState;
use crate::layout_epoch::LayoutEpoch;

/// Work done per animation frame before yielding to the browser, in ms
/// (one run is at most a few ms, so a frame stays well under 50 ms).
const FRAME_BUDGET_MS: f64 = 24.0;
/// Runs-per-point choices.
const RUNS: [u32; 4] = [10, 20, 50, 100];

/// How the last sweep went: for the reader, and for measuring.
#[derive(Debug, Clone, Copy, PartialEq)]
struct SweepTiming {
    total_ms: f64,
    longest_frame_ms: f64,
    frames: u32,
}

/// A sweep in progress: which cell and run come next.
#[derive(Clone)]
struct Job {
    generation: u64,
    sweep: ContentionSweep,
    cells: Vec<(sim::BackoffPolicy, u32)>,
    cell: usize,
    runs: Vec<ContentionRun>,
    seed: u64,
    started: f64,
    longest: f64,
    frames: u32,
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

#[derive(Clone, Copy)]
struct Outputs {
    results: RwSignal<Vec<ContentionSummary>>,
    timing: RwSignal<Option<SweepTiming>>,
    generation: StoredValue<u64>,
}

/// Runs as much of `job` as fits in one frame, then schedules the rest.
fn advance(mut job: Job, out: Outputs) {
    request_animation_frame(move || {
        if out.generation.try_get_value() != Some(job.generation) {
            return; // superseded by a newer sweep, or unmounted
        }
        let t0 = now_ms();
        let mut finished = Vec::new();
        while job.cell < job.cells.len() && now_ms() - t0 < FRAME_BUDGET_MS {
            let (strategy, clients) = job.cells[job.cell];
            let scenario = job.sweep.scenario(strategy, clients);
            let i = job.runs.len() as u64;
            job.runs
                .push(run_contention(&scenario, job.seed.wrapping_add(i)));
            if job.runs.len() as u32 >= job.sweep.runs {
                finished.push(summarize_runs(&scenario, job.seed, &job.runs));
                job.runs.clear();
                job.cell += 1;
            }
        }
        job.longest = job.longest.max(now_ms() - t0);
        job.frames += 1;
        if !finished.is_empty() {
            out.results.update(|r| r.extend(finished));
        }
        if job.cell < job.cells.len() {
            advance(job, out);
        } else {
            out.timing.set(Some(SweepTiming {
                total_ms: now_ms() - job.started,
                longest_frame_ms: job.longest,
                frames: job.frames,
            }));
        }
    });
}

#[component]
fn SweepChart(
    results: RwSignal<Vec<ContentionSummary>>,
    sweep: RwSignal<ContentionSweep>,
    metric: charts::SweepMetric,
    label: &'static str,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    Effect::new(move |_| {
        LayoutEpoch::track();
        let Some(canvas) = canvas.get() else { return };
        let (order, max) = sweep.with(|s| {
            (
                s.strategies.clone(),
                s.client_counts().last().copied().unwrap_or(1),
            )
        });
        results.with(|r| {
            draw_sharp(&canvas, |area, ratio| {
                let _ = charts::draw_contention_sweep(
                    area,
                    r,
                    &order,
                    max,
                    metric,
                    charts::Palette::NEUTRAL,
                    ratio,
                );
            })
        });
    });
    view! { <canvas node_ref=canvas class="chart sweep" role="img" aria-label=label></canvas> }
}

#[component]
pub fn ContentionDemo(seed: u64, scenario: ContentionSweep, index: usize) -> impl IntoView {
    let state = DemoState::new(index, seed, scenario, ContentionSweep::validate);
    let (seed, sweep) = (state.seed, state.scenario);
    let out = Outputs {
        results: RwSignal::new(Vec::new()),
        timing: RwSignal::new(None),
        generation: StoredValue::new(0),
    };
    let total = Memo::new(move |_| sweep.with(|s| s.cells().len()));
    Effect::new(move |_| {
        let (sweep, seed) = (sweep.get(), seed.get());
        let generation = out.generation.get_value() + 1;
        out.generation.set_value(generation);
        out.results.set(Vec::new());
        out.timing.set(None);
        let cells = sweep.cells();
        advance(
            Job {
                generation,
                sweep,
                cells,
                cell: 0,
                runs: Vec::new(),
                seed,
                started: now_ms(),
                longest: 0.0,
                frames: 0,
            },
            out,
        );
    });
    let id = format!("demo-{index}");
    let field = {
        let id = id.clone();
        move |name: &str| format!("{id}-{name}")
    };

    let stem = Signal::derive(move || format!("contention-seed-{}", seed.get()));
    let events_csv = Callback::new(move |_| out.results.with(|r| export::to_csv(r)));
    let headline = move || {
        sweep.with(|s| {
            out.results.with(|r| {
                contention_summary(s, r)
                    .into_iter()
                    .map(|x| (x.key, x.value))
                    .collect::<std::collections::BTreeMap<&str, String>>()
            })
        })
    };
    let metrics_csv = Callback::new(move |_| export::metrics_csv(&headline()));
    let run_json = Callback::new(move |_| {
        sweep.with(|s| {
            out.results
                .with(|r| export::run_json("contention", seed.get_untracked(), s, &headline(), r))
        })
    });

    view! {
        <figure class="demo demo-live" id=id.clone() data-demo="contention">
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
            <SeedControls seed on_reset=state.resetter() id=id.clone() />
            <div class="sweep-progress">
                <label for=field("progress")>"Sweep"</label>
                <progress id=field("progress") max=move || total.get().to_string()
                    value=move || out.results.with(Vec::len).to_string()></progress>
                <output data-testid="sweep-status" aria-live="polite">
                    {move || match out.timing.get() {
                        Some(t) => format!(
                            "done: {} points in {:.0} ms over {} frames (longest frame {:.0} ms)",
                            total.get(), t.total_ms, t.frames, t.longest_frame_ms
                        ),
                        None => format!("{} of {} points", out.results.with(Vec::len), total.get()),
                    }}
                </output>
            </div>
            <div class="side-by-side">
                <SweepChart results=out.results sweep metric=charts::SweepMetric::Calls label="Work (write calls) against clients, per strategy" />
                <SweepChart results=out.results sweep metric=charts::SweepMetric::CompletionMs label="Completion time against clients, per strategy" />
            </div>
            <dl class="demo-stats" aria-live="polite">
                {move || {
                    sweep.with(|s| out.results.with(|r| contention_summary(s, r)))
                        .into_iter()
                        .map(|s| view! { <div><dt>{s.label}</dt><dd data-stat=s.key>{s.value}</dd></div> })
                        .collect_view()
                }}
            </dl>
            <ExportButtons stem events_csv metrics_csv run_json />
            <figcaption>
                {move || sweep.with(|s| format!(
                    "Mean over {} runs per point; numbers under the charts are at {} clients.",
                    s.runs,
                    s.client_counts().last().copied().unwrap_or(0)
                ))}
            </figcaption>
        </figure>
    }
}
