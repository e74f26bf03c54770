//! The breaker demo: calls to a dependency that goes down, through a
//! circuit breaker. The state diagram lights the breaker's state at the
//! playhead; the timeline shows each call's outcome over the state bands.

use crate::components::Later;
use leptos::html::Canvas;
use leptos::prelude::*;
use page_data::run_requests::BreakerRequest;
use page_data::{breaker_summary, export};
use sim::{ms_to_micros, BreakerScenario, BreakerState, Micros, RetryRun};

use super::canvas::chart_effect;
use super::controls::Slider;
use super::export::ExportButtons;
use super::live_run::{live_demo, LiveRun, Shared};
use super::mount::RetireStaticPicture;
use super::playback::{Playback, PlaybackControls};
use super::seed::SeedControls;
use super::state::DemoState;
use super::trace_note::{cut_at, TraceNote};

fn span_us(s: &BreakerScenario) -> Micros {
    ms_to_micros(f64::from(s.requests) * s.interval_ms)
}

fn state_at(run: &RetryRun, at: Micros) -> BreakerState {
    run.breaker
        .iter()
        .take_while(|t| t.at <= at)
        .last()
        .map_or(BreakerState::Closed, |t| t.to)
}

/// Closed, open and half-open as a diagram; the state at the playhead is
/// lit, and each edge shows how often it was taken so far.
#[component]
fn StateDiagram(run: Memo<Shared<RetryRun>>, playhead: RwSignal<Micros>) -> impl IntoView {
    let current = Memo::new(move |_| run.with(|r| state_at(r, playhead.get())));
    let taken = move |from: BreakerState, to: BreakerState| {
        let at = playhead.get();
        run.with(|r| {
            r.breaker
                .iter()
                .filter(|t| t.at <= at && t.from == from && t.to == to)
                .count()
        })
    };
    let node = move |state: BreakerState, x: i32, label: &'static str| {
        let key = match state {
            BreakerState::Closed => "closed",
            BreakerState::Open => "open",
            BreakerState::HalfOpen => "half_open",
        };
        view! {
            <g class="state" data-state=key class:active=move || current.get() == state>
                <circle cx=x cy="60" r="34"></circle>
                <text x=x y="64" text-anchor="middle">{label}</text>
            </g>
        }
    };
    view! {
        <svg class="state-diagram" viewBox="0 0 420 150" role="img"
            aria-label=move || format!("Circuit breaker state: {:?}", current.get())>
            <defs>
                <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                    <path d="M 0 0 L 10 5 L 0 10 z"></path>
                </marker>
            </defs>
            {node(BreakerState::Closed, 60, "closed")}
            {node(BreakerState::Open, 210, "open")}
            {node(BreakerState::HalfOpen, 360, "half-open")}
            <path class="edge" d="M 94 50 L 176 50" marker-end="url(#arrow)"></path>
            <text class="edge-label" x="135" y="40" text-anchor="middle">{move || format!("trip ×{}", taken(BreakerState::Closed, BreakerState::Open))}</text>
            <path class="edge" d="M 244 50 L 326 50" marker-end="url(#arrow)"></path>
            <text class="edge-label" x="285" y="40" text-anchor="middle">{move || format!("cool-down ×{}", taken(BreakerState::Open, BreakerState::HalfOpen))}</text>
            <path class="edge" d="M 326 72 L 244 72" marker-end="url(#arrow)"></path>
            <text class="edge-label" x="285" y="90" text-anchor="middle">{move || format!("probe failed ×{}", taken(BreakerState::HalfOpen, BreakerState::Open))}</text>
            <path class="edge" d="M 340 92 Q 210 170 80 92" marker-end="url(#arrow)"></path>
            <text class="edge-label" x="210" y="142" text-anchor="middle">{move || format!("probes passed ×{}", taken(BreakerState::HalfOpen, BreakerState::Closed))}</text>
        </svg>
    }
}

#[component]
pub fn BreakerDemo(seed: u64, scenario: BreakerScenario, index: usize) -> impl IntoView {
    let state = DemoState::new(index, seed, scenario, BreakerScenario::validate);
    live_demo(
        state,
        index,
        |seed, scenario| BreakerRequest { seed, scenario },
        breaker_figure,
    )
}

fn breaker_figure(
    state: DemoState<BreakerScenario>,
    live: LiveRun<BreakerRequest>,
    index: usize,
) -> impl IntoView {
    let (seed, scenario) = (state.seed, state.scenario);
    let run = live.run();
    let id = format!("demo-{index}");
    let field = {
        let id = id.clone();
        move |name: &str| format!("{id}-{name}")
    };
    let end = Signal::derive(move || scenario.with(span_us));
    let playback = Playback::new(end);
    let times = Memo::new(move |_| {
        run.with(|r| r.requests.iter().map(|q| q.issued_at).collect::<Vec<_>>())
    });

    let canvas = NodeRef::<Canvas>::new();
    chart_effect(canvas, move |chart| {
        let until = playback.playhead.get();
        let (span, outages) = scenario.with(|s| {
            let o: Vec<(f64, f64)> = s.outages.iter().map(|w| (w.start_ms, w.end_ms)).collect();
            (f64::from(s.requests) * s.interval_ms, o)
        });
        run.with(|run| {
            chart.draw(|area, ratio, palette| {
                let _ =
                    charts::draw_breaker_timeline(area, run, span, until, &outages, palette, ratio);
            })
        });
    });

    let set = move |f: fn(&mut BreakerScenario, f64)| move |v: f64| scenario.update(|s| f(s, v));
    let read = move |f: fn(&BreakerScenario) -> f64| Signal::derive(move || scenario.with(f));
    let percent = |v: f64| format!("{:.0}", v * 100.0);

    let stem = Signal::derive(move || format!("breaker-seed-{}", seed.get()));
    let events_csv = Callback::new(move |_| run.with(|r| export::to_csv(&r.trace)));
    let metrics_csv = Callback::new(move |_| run.with(|r| export::metrics_csv(&r.stats)));
    let run_json = Callback::new(move |_| {
        scenario.with(|s| {
            run.with(|r| export::run_json(sim::Demo::Breaker, r.seed, s, &r.stats, &r.trace))
        })
    });

    let late_id = id.clone();
    view! {
        <figure class="demo demo-live" id=id.clone() data-demo=sim::Demo::Breaker.key() aria-busy=move || live.updating.get().to_string()>
            <RetireStaticPicture index />
            <div class="demo-controls" role="group" aria-label="Breaker demo parameters">
                <Slider id=field("threshold") label="Failure threshold" unit="%" min=0.1 max=1.0 step=0.05
                    value=read(|s| s.breaker.failure_threshold)
                    on_change=set(|s, v| s.breaker.failure_threshold = v) format=percent />
                <Slider id=field("window") label="Window" unit="calls" min=5.0 max=100.0 step=1.0
                    value=read(|s| f64::from(s.breaker.window))
                    on_change=set(|s, v| {
                        s.breaker.window = v.round() as u32;
                        s.breaker.min_calls = s.breaker.min_calls.min(s.breaker.window);
                    }) />
                <Slider id=field("cooldown") label="Cool-down" unit="ms" min=100.0 max=5000.0 step=100.0
                    value=read(|s| s.breaker.cooldown_ms)
                    on_change=set(|s, v| s.breaker.cooldown_ms = v) />
                <Slider id=field("probes") label="Half-open probes" unit="calls" min=1.0 max=10.0 step=1.0
                    value=read(|s| f64::from(s.breaker.half_open_probes))
                    on_change=set(|s, v| s.breaker.half_open_probes = v.round() as u32) />
                <Slider id=field("outage") label="Dependency down for" unit="ms" min=0.0 max=6000.0 step=250.0
                    value=read(|s| s.outages.first().map_or(0.0, |w| w.end_ms - w.start_ms))
                    on_change=set(|s, v| {
                        let start = s.outages.first().map_or(3000.0, |w| w.start_ms);
                        s.outages = if v > 0.0 { vec![sim::Window { start_ms: start, end_ms: start + v }] } else { Vec::new() };
                    }) />
            </div>
            <SeedControls seed on_reset=state.resetter() id=id.clone() />
            <dl class="demo-stats" aria-live="polite">
                {move || {
                    let end = scenario.with(span_us);
                    run.with(|r| breaker_summary(r, end))
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
            <StateDiagram run playhead=playback.playhead />
            <canvas node_ref=canvas class="chart breaker" role="img"
                aria-label="Calls by outcome over time, over the breaker's state"></canvas>
            <ExportButtons stem events_csv metrics_csv run_json />
            <TraceNote cut=Signal::derive(move || run.with(|r| cut_at(r.trace.len(), r.events))) />
            </Later>
            <figcaption>
                {move || run.with(|r| format!(
                    "{} calls: {} succeeded, {} failed fast while the breaker was open (seed {}).",
                    r.stats.requests, r.stats.succeeded, r.stats.breaker_rejected, r.seed
                ))}
            </figcaption>
        </figure>
    }
}
