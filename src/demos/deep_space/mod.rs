//! The deep-space demo: Earth, a Moon relay and Mars, with light time
//! measured in minutes. The same messages, seed and losses are sent twice:
//! retransmitted end to end on a timeout, and stored and forwarded with
//! custody at each hop. The clock runs at real time, 60x or 3600x.

mod controls;
mod path;

use crate::components::Later;
use leptos::html::Canvas;
use leptos::prelude::*;
use page_data::run_requests::{DeepSpaceRequest, DeepSpaceRuns};
use page_data::{deep_space_stats, export};
use sim::{micros_to_ms, ms_to_micros, DeepSpaceRun, DeepSpaceScenario};

use super::canvas::chart_effect;
use super::export::ExportButtons;
use super::legend::Legend;
use super::live_run::{live_demo, LiveRun, Shared};
use super::mount::RetireStaticPicture;
use super::playback::{Playback, PlaybackControls};
use super::seed::SeedControls;
use super::state::DemoState;
use super::trace_note::{cut_at, TraceNote};

/// Simulated ms per wall-clock ms.
const SPEEDS: [f64; 4] = [1.0, 60.0, 600.0, 3600.0];
const START_SPEED: f64 = 600.0;

/// The path picture of one of the two runs at the playhead.
#[component]
fn PathPicture(
    runs: Memo<Shared<DeepSpaceRuns>>,
    which: usize,
    scenario: RwSignal<DeepSpaceScenario>,
    playback: Playback,
    title: &'static str,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    // The picture replays the log forward as the playhead moves (each event
    // once, not once a frame); a new run starts a new replay.
    let generation = Memo::new(move |previous: Option<&u64>| {
        runs.track();
        previous.map_or(0, |g| g + 1)
    });
    let replay = StoredValue::new(None::<(u64, charts::DeepSpaceReplay)>);
    chart_effect(canvas, move |chart| {
        let at = playback.playhead.get();
        let current = generation.get();
        let (light_ms, names) = scenario.with(|s| {
            (
                s.hops.iter().map(|h| h.light_ms).collect::<Vec<_>>(),
                path::node_names(s),
            )
        });
        let light_us: Vec<_> = light_ms.iter().map(|&l| ms_to_micros(l)).collect();
        runs.with(|runs| {
            let run = &runs[which];
            // Replayed only when drawn (not while the demo is off screen).
            chart.draw(|area, ratio, palette| {
                replay.update_value(|slot| {
                    if slot.as_ref().is_none_or(|(g, _)| *g != current) {
                        *slot =
                            Some((current, charts::DeepSpaceReplay::new(&light_us, which == 1)));
                    }
                    let Some((_, replay)) = slot else { return };
                    let snap = replay.seek(&run.trace, at);
                    let heading = format!(
                        "{title}: {} delivered, {} retransmissions so far",
                        snap.delivered, snap.retransmissions
                    );
                    let _ = charts::draw_deep_space(
                        area, snap, &names, &light_ms, &heading, palette, ratio,
                    );
                })
            });
        });
    });
    view! {
        <canvas node_ref=canvas class="chart deep-space-path" role="img"
            aria-label=format!("{title}: messages and acknowledgements between Earth, the Moon relay and Mars at the playhead")></canvas>
    }
}

#[component]
pub fn DeepSpaceDemo(seed: u64, scenario: DeepSpaceScenario, index: usize) -> impl IntoView {
    let state = DemoState::new(index, seed, scenario, DeepSpaceScenario::validate);
    live_demo(
        state,
        index,
        |seed, scenario| DeepSpaceRequest { seed, scenario },
        deep_space_figure,
    )
}

fn deep_space_figure(
    state: DemoState<DeepSpaceScenario>,
    live: LiveRun<DeepSpaceRequest>,
    index: usize,
) -> impl IntoView {
    let (seed, scenario) = (state.seed, state.scenario);
    let runs = live.run();
    let span = Memo::new(move |_| runs.with(|r| r[0].finished_ms.max(r[1].finished_ms).max(1.0)));
    let id = format!("demo-{index}");
    let playback =
        Playback::new(Signal::derive(move || ms_to_micros(span.get()))).at_speed(START_SPEED);
    let times = Memo::new(move |_| {
        runs.with(|r| {
            let mut t: Vec<_> = r
                .runs
                .iter()
                .flat_map(|run| run.trace.iter().map(|e| e.at))
                .collect();
            t.sort_unstable();
            t.dedup();
            t
        })
    });

    let deliveries = NodeRef::<Canvas>::new();
    // Computed once per run, not once per frame.
    let delivered = Memo::new(move |_| {
        runs.with(|r| {
            (
                charts::delivery_points(&r[0].trace),
                charts::delivery_points(&r[1].trace),
            )
        })
    });
    chart_effect(deliveries, move |chart| {
        let until_ms = micros_to_ms(playback.playhead.get());
        let (span_ms, messages) = (span.get(), scenario.with(|s| s.messages));
        delivered.with(|(e2e, custody)| {
            chart.draw(|area, ratio, palette| {
                let _ = charts::draw_time_lines(
                    area,
                    charts::TimeFrame {
                        span_ms,
                        y_max: f64::from(messages) * 1.05,
                        y_desc: "delivered",
                        until_ms,
                    },
                    &[
                        charts::Line {
                            label: "end to end",
                            color: palette.retried,
                            points: e2e,
                        },
                        charts::Line {
                            label: "custody",
                            color: palette.ok,
                            points: custody,
                        },
                    ],
                    palette,
                    ratio,
                );
            })
        });
    });

    let stem = Signal::derive(move || format!("deep-space-seed-{}", seed.get()));
    let events_csv = Callback::new(move |_| {
        runs.with(|r| {
            export::tagged_csv(
                "recovery",
                &[
                    ("end_to_end", r[0].trace.as_slice()),
                    ("custody", r[1].trace.as_slice()),
                ],
            )
        })
    });
    let metrics_csv = Callback::new(move |_| {
        runs.with(|r| {
            let metrics = |run: &DeepSpaceRun, resends: page_data::Resends| {
                let mut m = serde_json::to_value(run).unwrap_or_default();
                if let Some(obj) = m.as_object_mut() {
                    obj.remove("trace");
                    obj.insert(
                        "resends".into(),
                        serde_json::to_value(resends).unwrap_or_default(),
                    );
                }
                m
            };
            let both: std::collections::BTreeMap<&str, serde_json::Value> = [
                ("end_to_end", metrics(&r[0], r.resends[0])),
                ("custody", metrics(&r[1], r.resends[1])),
            ]
            .into();
            export::metrics_csv(&both)
        })
    });
    let run_json = Callback::new(move |_| {
        scenario.with(|s| {
            runs.with(|r| {
                let metrics: std::collections::BTreeMap<&str, page_data::Resends> =
                    [("end_to_end", r.resends[0]), ("custody", r.resends[1])].into();
                let events: Vec<serde_json::Value> = [("end_to_end", &r[0]), ("custody", &r[1])]
                    .iter()
                    .flat_map(|(tag, run)| {
                        run.trace
                            .iter()
                            .map(move |e| serde_json::json!({"recovery": tag, "event": e}))
                    })
                    .collect();
                export::run_json(sim::Demo::DeepSpace, r[0].seed, s, &metrics, &events)
            })
        })
    });

    let late_id = id.clone();
    view! {
        <figure class="demo demo-live" id=id.clone() data-demo=sim::Demo::DeepSpace.key() aria-busy=move || live.updating.get().to_string()>
            <RetireStaticPicture index />
            <controls::DeepSpaceControls scenario id=id.clone() />
            <SeedControls seed on_reset=state.resetter() id=id.clone() />
            // The playback, charts and tables are built a task after the
            // controls and numbers (`Later`): the figure in one task held
            // the page for 45-60 ms on this machine, most of it V8
            // compiling what the build calls for the first time.
            <Later>
            <PlaybackControls playback times=times id=late_id.clone() speeds=&SPEEDS clock=path::clock />
            <Legend items=charts::deep_space_legend(charts::Palette::NEUTRAL) />
            <PathPicture runs which=0 scenario playback title="End to end" />
            <PathPicture runs which=1 scenario playback title="Custody at each hop" />
            <Legend items=vec![("end to end", charts::Palette::NEUTRAL.retried), ("custody", charts::Palette::NEUTRAL.ok)] />
            <canvas node_ref=deliveries class="chart deep-space-deliveries" role="img"
                aria-label="Messages delivered over time, end to end and with custody"></canvas>
            <table class="demo-compare" aria-live="polite">
                <caption>"The two ways, same messages, same losses"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Measure"</th>
                        <th scope="col">"End to end"</th>
                        <th scope="col">"Custody at each hop"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || scenario.with(|s| runs.with(|r| {
                        deep_space_stats(&r[0], s, r.resends[0])
                            .into_iter()
                            .zip(deep_space_stats(&r[1], s, r.resends[1]))
                            .map(|(a, b)| view! {
                                <tr>
                                    <th scope="row">{a.label}</th>
                                    <td data-run="end_to_end" data-stat=a.key>{a.value}</td>
                                    <td data-run="custody" data-stat=b.key>{b.value}</td>
                                </tr>
                            })
                            .collect_view()
                    }))}
                </tbody>
            </table>
            <ExportButtons stem events_csv metrics_csv run_json />
            <TraceNote cut=Signal::derive(move || runs.with(|r| cut_at(r[0].trace.len().max(r[1].trace.len()), r[0].events.max(r[1].events)))) />
            </Later>
            <figcaption>
                {move || scenario.with(|s| format!(
                    "{} messages to Mars, {} one way; the retransmission timeout is {} round trips.",
                    s.messages,
                    charts::light_time_label(s.hops.last().map_or(0.0, |h| h.light_ms)),
                    s.timeout_factor,
                ))}
            </figcaption>
        </figure>
    }
}
