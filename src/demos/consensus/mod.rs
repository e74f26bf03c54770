//! The consensus demo: a Raft cluster round a ring, replayed over time.
//! The reader scrubs the run with a time slider and acts at the playhead
//! (stop, restart, time out, a request, a partition, a dropped message):
//! each action is an intervention added to the scenario at that moment,
//! forgetting the ones after it, so history forks there and the URL holds
//! the whole story. The run itself comes from the demo's worker.

mod cluster;

use leptos::html::Canvas;
use leptos::prelude::*;
use page_data::run_requests::ConsensusRequest;
use page_data::{consensus_story, consensus_summary, export};
use sim::consensus::{ConsensusScenario, Delay, Property};
use sim::{micros_to_ms, ms_to_micros, Micros};

use super::canvas::chart_effect;
use super::controls::Slider;
use super::export::ExportButtons;
use super::legend::Legend;
use super::live_run::{live_demo, LiveRun};
use super::mount::RetireStaticPicture;
use super::playback::{Playback, PlaybackControls};
use super::seed::SeedControls;
use super::state::DemoState;
use crate::components::Later;
use cluster::{ClusterTable, InFlight, NetworkControls};

/// Speeds offered: Raft's clock runs in milliseconds, so slower than real
/// time by default.
const SPEEDS: [f64; 5] = [0.02, 0.05, 0.1, 0.25, 1.0];
/// Story lines shown at once (the newest).
const STORY_SHOWN: usize = 8;

#[component]
pub fn ConsensusDemo(seed: u64, scenario: ConsensusScenario, index: usize) -> impl IntoView {
    let state = DemoState::new(index, seed, scenario, ConsensusScenario::validate);
    live_demo(
        state,
        index,
        |seed, scenario| ConsensusRequest { seed, scenario },
        consensus_figure,
    )
}

/// The typical one-way delay of a uniform delay (its middle).
fn typical_delay(d: &Delay) -> f64 {
    match *d {
        Delay::Uniform { min_ms, max_ms } => (min_ms + max_ms) / 2.0,
        Delay::Constant { ms } => ms,
        _ => 20.0,
    }
}

fn clock(at: Micros) -> String {
    format!("t = {:.1} ms", micros_to_ms(at))
}

fn consensus_figure(
    state: DemoState<ConsensusScenario>,
    live: LiveRun<ConsensusRequest>,
    index: usize,
) -> impl IntoView {
    let (seed, scenario) = (state.seed, state.scenario);
    let run = live.run();
    let id = format!("demo-{index}");
    let field = {
        let id = id.clone();
        move |name: &str| format!("{id}-{name}")
    };
    let end = Signal::derive(move || run.with(|r| r.end));
    let playback = Playback::new(end).at_speed(0.1);
    let playhead = playback.playhead;
    // Actions happen at the playhead, and before the run's end (the run
    // stops there, so an action at the end would change nothing).
    let at_ms =
        Signal::derive(move || micros_to_ms(playhead.get().min(end.get().saturating_sub(1))));
    let view = Memo::new(move |_| {
        let at = playhead.get();
        run.with(|r| r.view_at(at))
    });
    let times = Memo::new(move |_| {
        run.with(|r| {
            let mut t: Vec<Micros> = r
                .events
                .iter()
                .filter(|e| !matches!(e.kind, sim::consensus::RaftEventKind::Timer { .. }))
                .map(|e| e.at)
                .chain(r.messages.iter().map(|m| m.sent))
                .collect();
            t.sort_unstable();
            t.dedup();
            t
        })
    });
    // Why the last action was refused, if it was.
    let refused = RwSignal::new(None::<String>);
    let act = Callback::new(move |i: sim::consensus::Intervention| {
        let forked = scenario.with_untracked(|s| s.fork_with(i));
        // The table may still show the last run's cluster (a new size is
        // computing): an action that does not fit this scenario is refused.
        match forked.validate() {
            Ok(()) => {
                refused.set(None);
                scenario.set(forked);
            }
            Err(e) => refused.set(Some(format!("That action was not taken: {e}."))),
        }
    });

    let canvas = NodeRef::<Canvas>::new();
    chart_effect(canvas, move |chart| {
        let at = playhead.get();
        view.with(|v| {
            run.with(|r| {
                chart.draw(|area, ratio, palette| {
                    let flights = charts::ring_flights(r, at);
                    let _ = charts::draw_consensus_ring(area, v, &flights, palette, ratio);
                })
            })
        });
    });

    let story = Memo::new(move |_| {
        let at = playhead.get();
        run.with(|r| {
            let lines = consensus_story(r, at);
            let skip = lines.len().saturating_sub(STORY_SHOWN);
            lines.into_iter().skip(skip).collect::<Vec<_>>()
        })
    });
    // How often each property had been checked by the playhead: the list
    // ticks as the run plays.
    let checks = Memo::new(move |_| {
        let at = playhead.get();
        run.with(|r| page_data::safety_checks(r, at))
    });
    let safety = move |(i, p): (usize, Property)| {
        let broken = Memo::new(move |_| {
            let at = playhead.get();
            run.with(|r| {
                r.violation(p)
                    .filter(|v| v.at <= at)
                    .map(|v| v.detail.clone())
            })
        });
        view! {
            <li data-property=format!("{p:?}") class=move || if broken.with(Option::is_some) { "broken" } else { "held" }>
                <span aria-hidden="true">{move || if broken.with(Option::is_some) { "✗ " } else { "✓ " }}</span>
                <strong>{p.label()}</strong>
                {move || match broken.get() {
                    Some(detail) => format!(": broken. {detail}"),
                    None => {
                        let n = checks.with(|c| c[i]);
                        format!(": held ({}); checked {n} time{}.", p.promise(), if n == 1 { "" } else { "s" })
                    }
                }}
            </li>
        }
    };

    let set = move |f: fn(&mut ConsensusScenario, f64)| move |v: f64| scenario.update(|s| f(s, v));
    let read = move |f: fn(&ConsensusScenario) -> f64| Signal::derive(move || scenario.with(f));
    let percent = |v: f64| format!("{:.0}", v * 100.0);
    let servers_id = field("servers");
    let check_id = field("check-log");
    let time_id = field("time");
    let network_id = id.clone();
    let servers_title_id = field("servers-title");
    let stage_id = id.clone();

    let stem = Signal::derive(move || format!("consensus-seed-{}", seed.get()));
    let events_csv = Callback::new(move |_| run.with(|r| export::to_csv(&r.events)));
    let metrics_csv = Callback::new(move |_| run.with(|r| export::metrics_csv(&r.stats)));
    let run_json = Callback::new(move |_| {
        scenario.with(|s| {
            run.with(|r| export::run_json(sim::Demo::Consensus, r.seed, s, &r.stats, &r.events))
        })
    });

    view! {
        <figure class="demo demo-live demo-consensus" id=id.clone() data-demo=sim::Demo::Consensus.key() aria-busy=move || live.updating.get().to_string()>
            <RetireStaticPicture index />
            <div class="demo-controls" role="group" aria-label="Consensus demo parameters">
                <div class="control">
                    <label for=servers_id.clone()>"Servers"</label>
                    <select id=servers_id
                        on:change=move |ev| {
                            if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                                if [3, 5, 7].contains(&n) {
                                    // Interventions name servers: a new cluster starts without them.
                                    scenario.update(|s| { s.servers = n; s.interventions.clear(); });
                                }
                            }
                        }>
                        {[3u32, 5, 7].map(|n| view! {
                            <option value=n.to_string() selected=move || scenario.with(|s| s.servers == n)>{n}</option>
                        }).collect_view()}
                    </select>
                </div>
                <Slider id=field("delay") label="Message delay" unit="ms" min=1.0 max=200.0 step=1.0
                    value=read(|s| typical_delay(&s.latency))
                    on_change=set(|s, v| s.latency = Delay::Uniform { min_ms: v * 0.5, max_ms: v * 1.5 }) />
                <Slider id=field("loss") label="Messages lost" unit="%" min=0.0 max=0.5 step=0.01
                    value=read(|s| s.loss) on_change=set(|s, v| s.loss = v) format=percent />
                <Slider id=field("timeout") label="Election timeout from" unit="ms" min=50.0 max=1000.0 step=10.0
                    value=read(|s| s.election_timeout_min_ms)
                    on_change=set(|s, v| {
                        s.election_timeout_min_ms = v;
                        s.election_timeout_max_ms = 2.0 * v;
                        s.heartbeat_ms = s.heartbeat_ms.min(v);
                    }) />
                <Slider id=field("heartbeat") label="Heartbeat every" unit="ms" min=10.0 max=500.0 step=5.0
                    value=read(|s| s.heartbeat_ms)
                    on_change=set(|s, v| s.heartbeat_ms = v.min(s.election_timeout_min_ms)) />
                <Slider id=field("client") label="Client command every" unit="ms" min=0.0 max=2000.0 step=50.0
                    value=read(|s| s.client_interval_ms)
                    on_change=set(|s, v| s.client_interval_ms = if v < 10.0 { 0.0 } else { v })
                    format=|v| if v < 10.0 { "never".into() } else { format!("{v}") } />
                <div class="control check">
                    <input type="checkbox" id=check_id.clone()
                        prop:checked=move || scenario.with(|s| s.check_log_on_vote)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            scenario.update(|s| s.check_log_on_vote = on);
                        } />
                    <label for=check_id>"Votes check the candidate's log (Raft's election restriction)"</label>
                </div>
                <button type="button" data-action="preset-lost-entry"
                    on:click=move |_| {
                        scenario.set(ConsensusScenario::lost_entry());
                        playback.restart();
                        playback.toggle();
                    }>
                    "Preset: break the rule, lose a committed entry"
                </button>
            </div>
            // Each `Later` is a task of its own: the figure in one task was
            // 30-85 ms (PERFORMANCE.md, "The consensus figure in four tasks").
            <Later>
                <SeedControls seed on_reset=state.resetter() id=stage_id.clone() />
                <dl class="demo-stats" aria-live="polite">
                    {move || {
                        let at = playhead.get();
                        run.with(|r| consensus_summary(r, at))
                            .into_iter()
                            .map(|s| view! { <div><dt>{s.label}</dt><dd data-stat=s.key>{s.value}</dd></div> })
                            .collect_view()
                    }}
                </dl>
                <PlaybackControls playback times=times id=stage_id.clone() speeds=&SPEEDS clock=clock />
                <div class="control time">
                    <label for=time_id.clone()>"Time"</label>
                    <input type="range" id=time_id.clone() min="0" step="1"
                        max=move || micros_to_ms(end.get()).floor().to_string()
                        prop:value=move || micros_to_ms(playhead.get()).floor().to_string()
                        aria-valuetext=move || clock(playhead.get())
                        on:input=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                                playback.playing.set(false);
                                playhead.set(ms_to_micros(v).min(end.get_untracked()));
                            }
                        } />
                </div>
                <Legend items=charts::consensus_legend(charts::Palette::NEUTRAL) />
            </Later>
            <Later>
                <div class="raft-stage">
                    <canvas node_ref=canvas class="chart consensus" role="img"
                        aria-label="The servers round a ring by role and term, with messages in flight; the table below has the same"></canvas>
                    <div class="raft-side">
                        <p class="raft-side-title" id=field("safety-title")>"Safety, checked on every step"</p>
                        <ul class="safety" aria-labelledby=field("safety-title")>{Property::ALL.into_iter().enumerate().map(safety).collect_view()}</ul>
                        <p class="raft-side-title" id=field("story-title")>"What happened"</p>
                        <ol class="consensus-story" aria-live="polite" aria-labelledby=field("story-title")>
                            {move || story.get().into_iter().map(|l| view! {
                                <li><time>{format!("{:.3} s", l.at as f64 / 1e6)}</time>" "{l.text}</li>
                            }).collect_view()}
                        </ol>
                    </div>
                </div>
                <p class="raft-hint">"Actions happen at the playhead. Acting in the past forks history from there (later actions are forgotten); the address bar keeps them, so the link replays this run."</p>
                <p class="raft-refused" role="status">{move || refused.get()}</p>
            </Later>
            <Later>
                <ClusterTable view act at_ms label=format!("Servers, demo {index}") title_id=servers_title_id.clone() />
                <NetworkControls view act at_ms id=network_id.clone() />
                <InFlight run playhead act at_ms />
                <ExportButtons stem events_csv metrics_csv run_json />
            </Later>
            {move || run.with(|r| r.cut_short.then(|| view! {
                <p class="demo-note">{format!("This run reached its message budget and stops at {:.1} s.", micros_to_ms(r.end) / 1000.0)}</p>
            }))}
            <figcaption>
                {move || run.with(|r| format!(
                    "{} servers, seed {}: {} elections, {} leaders, {} entries committed, {} of {} messages not delivered.",
                    r.servers, r.seed, r.stats.elections, r.stats.leaders, r.stats.committed, r.stats.undelivered, r.stats.messages
                ))}
            </figcaption>
        </figure>
    }
}
