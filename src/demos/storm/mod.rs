//! The storm demo: many clients against one server; a blip (an outage) and
//! what the clients' retries make of it. Two runs on the same seed side by
//! side: as configured, and with the protections the reader toggles.

use crate::components::Later;
use leptos::html::Canvas;
use leptos::prelude::*;
use page_data::{export, storm_summary};
use std::sync::Arc;

use page_data::run_requests::StormRequest;
use sim::{ms_to_micros, BackoffPolicy, StormRun};

use super::canvas::chart_effect;
use super::controls::Slider;
use super::data_table::DataTable;
use super::export::ExportButtons;
use super::legend::Legend;
use super::live_run::{live_demo, LiveRun, Shared};
use super::mount::RetireStaticPicture;
use super::playback::{Playback, PlaybackControls};
use super::seed::SeedControls;
use super::state::DemoState;
use page_data::StormSetup;

#[component]
fn StormChart(
    run: Memo<Shared<StormRun>>,
    /// Shared by both charts: equal heights mean equal rates.
    axes: Memo<charts::StormAxes>,
    setup: RwSignal<StormSetup>,
    playback: Playback,
    title: &'static str,
    label: &'static str,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    chart_effect(canvas, move |chart| {
        let until = sim::micros_to_ms(playback.playhead.get());
        let axes = axes.get();
        let (bucket, outages) = setup.with(|s| {
            let o: Vec<(f64, f64)> = s
                .scenario
                .server
                .outages
                .iter()
                .map(|w| (w.start_ms, w.end_ms))
                .collect();
            (s.scenario.bucket_ms, o)
        });
        run.with(|run| {
            chart.draw(|area, ratio, palette| {
                let rates = charts::storm_rates(&run.series, bucket);
                let _ = charts::draw_storm_series(
                    area, &rates, axes, until, &outages, title, palette, ratio,
                );
            })
        });
    });
    view! { <canvas node_ref=canvas class="chart" role="img" aria-label=label></canvas> }
}

#[component]
fn StormStats(
    run: Memo<Shared<StormRun>>,
    which: &'static str,
    title: &'static str,
) -> impl IntoView {
    view! {
        <dl class="demo-stats" data-run=which aria-live="polite" aria-label=title>
            {move || {
                run.with(|r| storm_summary(r))
                    .into_iter()
                    .map(|s| view! { <div><dt>{s.label}</dt><dd data-stat=s.key>{s.value}</dd></div> })
                    .collect_view()
            }}
        </dl>
    }
}

#[component]
pub fn StormDemo(seed: u64, scenario: sim::StormScenario, index: usize) -> impl IntoView {
    let state = DemoState::new(index, seed, StormSetup::new(scenario), StormSetup::validate);
    live_demo(
        state,
        index,
        |seed, setup| StormRequest { seed, setup },
        storm_figure,
    )
}

fn storm_figure(
    state: DemoState<StormSetup>,
    live: LiveRun<StormRequest>,
    index: usize,
) -> impl IntoView {
    let (seed, setup) = (state.seed, state.scenario);
    let runs = live.run();
    // Each run shared with the answer, not copied out of it.
    let configured = Memo::new(move |_| runs.with(|r| Shared::from_arc(Arc::clone(&r.configured))));
    let protected = Memo::new(move |_| runs.with(|r| Shared::from_arc(Arc::clone(&r.protected))));
    let axes = Memo::new(move |_| {
        let (span, bucket) = setup.with(|s| (s.scenario.duration_ms, s.scenario.bucket_ms));
        let a = configured.with(|r| charts::storm_rates(&r.series, bucket));
        let b = protected.with(|r| charts::storm_rates(&r.series, bucket));
        charts::StormAxes::fit(span, &[&a, &b])
    });
    let id = format!("demo-{index}");
    let field = {
        let id = id.clone();
        move |name: &str| format!("{id}-{name}")
    };

    let end = Signal::derive(move || setup.with(|s| ms_to_micros(s.scenario.duration_ms)));
    let playback = Playback::new(end);
    let bucket_times = Memo::new(move |_| {
        setup.with(|s| {
            let step = ms_to_micros(s.scenario.bucket_ms).max(1);
            (1..=ms_to_micros(s.scenario.duration_ms) / step)
                .map(|i| i * step)
                .collect::<Vec<_>>()
        })
    });
    let set = move |f: fn(&mut StormSetup, f64)| move |v: f64| setup.update(|s| f(s, v));
    let toggle = move |f: fn(&mut StormSetup) -> &mut bool| {
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            setup.update(|s| *f(s) = on);
        }
    };
    let blip_now = move |_| {
        let at = sim::micros_to_ms(playback.playhead.get_untracked());
        setup.update(|s| {
            let length = if s.blip_ms() > 0.0 {
                s.blip_ms()
            } else {
                2000.0
            };
            s.set_blip(at, length);
        });
    };

    // Both runs' rates, one row a second, for the table under the charts.
    let table_rows = Signal::derive(move || {
        let bucket = setup.with(|s| s.scenario.bucket_ms);
        let a = configured.with(|r| charts::storm_rates(&r.series, bucket));
        let b = protected.with(|r| charts::storm_rates(&r.series, bucket));
        let every = ((1000.0 / bucket).round() as usize).max(1);
        a.iter()
            .zip(b.iter())
            .step_by(every)
            .map(|(x, y)| {
                [
                    x.t_ms / 1000.0,
                    x.offered,
                    x.attempts,
                    x.goodput,
                    y.attempts,
                    y.goodput,
                ]
                .iter()
                .map(|v| format!("{v:.0}"))
                .collect()
            })
            .collect::<Vec<Vec<String>>>()
    });

    let stem = Signal::derive(move || format!("storm-seed-{}", seed.get()));
    let events_csv = Callback::new(move |_| configured.with(|r| export::to_csv(&r.series)));
    let metrics_csv = Callback::new(move |_| {
        configured.with(|a| {
            protected.with(|b| {
                let both: std::collections::BTreeMap<&str, &sim::RequestStats> =
                    [("configured", &a.stats), ("protected", &b.stats)].into();
                export::metrics_csv(&both)
            })
        })
    });
    let run_json = Callback::new(move |_| {
        setup.with(|s| {
            configured.with(|r| export::run_json(sim::Demo::Storm, r.seed, s, &r.stats, &r.series))
        })
    });

    let late_id = id.clone();
    view! {
        <figure class="demo demo-live" id=id.clone() data-demo=sim::Demo::Storm.key() aria-busy=move || live.updating.get().to_string()>
            <RetireStaticPicture index />
            <div class="demo-controls" role="group" aria-label="Storm demo parameters">
                <Slider
                    id=field("rate")
                    label="Arrival rate"
                    unit="requests/s"
                    min=100.0
                    max=1500.0
                    step=50.0
                    value=Signal::derive(move || setup.with(|s| s.scenario.arrival_rate))
                    on_change=set(|s, v| s.scenario.arrival_rate = v)
                />
                <Slider
                    id=field("blip")
                    label="Blip (server outage) length"
                    unit="ms"
                    min=0.0
                    max=5000.0
                    step=250.0
                    value=Signal::derive(move || setup.with(StormSetup::blip_ms))
                    on_change=set(|s, v| {
                        let start = s.blip_start_ms();
                        s.set_blip(start, v)
                    })
                />
                <Slider
                    id=field("attempts")
                    label="Max attempts"
                    unit=""
                    min=1.0
                    max=10.0
                    step=1.0
                    value=Signal::derive(move || setup.with(|s| f64::from(s.scenario.client.max_attempts)))
                    on_change=set(|s, v| s.scenario.client.max_attempts = v.round() as u32)
                />
                <div class="control select">
                    <label for=field("policy")>"Retry policy (first run)"</label>
                    <select
                        id=field("policy")
                        on:change=move |ev| {
                            if let Some(p) = BackoffPolicy::from_key(&event_target_value(&ev)) {
                                setup.update(|s| s.scenario.client.backoff = p);
                            }
                        }
                    >
                        {BackoffPolicy::ALL
                            .into_iter()
                            .map(|p| view! {
                                <option value=p.key() selected=move || setup.with(|s| s.scenario.client.backoff == p)>{p.label()}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <fieldset class="control toggles">
                    <legend>"Second run adds"</legend>
                    <label><input type="checkbox" prop:checked=move || setup.with(|s| s.protect.jitter) on:change=toggle(|s| &mut s.protect.jitter) />" full jitter"</label>
                    <label><input type="checkbox" prop:checked=move || setup.with(|s| s.protect.budget) on:change=toggle(|s| &mut s.protect.budget) />" a retry budget (10%)"</label>
                    <label><input type="checkbox" prop:checked=move || setup.with(|s| s.protect.breaker) on:change=toggle(|s| &mut s.protect.breaker) />" a circuit breaker"</label>
                </fieldset>
            </div>
            <SeedControls seed on_reset=state.resetter() id=id.clone() />
            // The playback, charts and tables are built a task after the
            // controls and numbers (`Later`): the figure in one task held
            // the page for 45-60 ms on this machine, most of it V8
            // compiling what the build calls for the first time.
            <Later>
            <PlaybackControls playback times=bucket_times id=late_id.clone() />
            <button type="button" class="blip" data-testid="blip" on:click=blip_now>"Blip now"</button>
            <Legend items=charts::storm_legend(charts::Palette::NEUTRAL) />
            <div class="side-by-side">
                <div>
                    <StormChart run=configured axes setup playback title="As configured" label="Load, goodput and queue over time, as configured" />
                    <StormStats run=configured which="configured" title="As configured" />
                </div>
                <div>
                    <StormChart run=protected axes setup playback title="With protections" label="Load, goodput and queue over time, with the protections" />
                    <StormStats run=protected which="protected" title="With protections" />
                </div>
            </div>
            <DataTable
                summary="The charts' numbers as a table (one row per second)"
                caption="Requests per second, both runs"
                columns=&["Time (s)", "Offered", "Attempts, as configured", "Goodput, as configured", "Attempts, protected", "Goodput, protected"]
                rows=table_rows
            />
            <ExportButtons stem events_csv metrics_csv run_json />
            </Later>
            <figcaption>
                {move || setup.with(|s| format!(
                    "{} requests/s; {} workers serving about {:.0} requests/s; the shaded band is the outage.",
                    s.scenario.arrival_rate,
                    s.scenario.server.concurrency,
                    f64::from(s.scenario.server.concurrency) * 1000.0 / s.scenario.server.service.typical_ms().max(0.001),
                ))}
            </figcaption>
        </figure>
    }
}
