//! The consensus demo's cluster as a table: each server's role, term, vote,
//! log and commit index at the playhead, with its actions (stop or restart,
//! time out now, a client request) as buttons, so that every action is a
//! keyboard's as much as a mouse's. Plus the network (a group per server,
//! presets, heal) and the messages in flight (each can be dropped).

use leptos::prelude::*;
use sim::consensus::{ClusterView, ConsensusRun, Intervention, Role, ServerView};
use sim::Micros;

use crate::demos::live_run::Shared;

/// Log entries shown per server (the newest).
const LOG_SHOWN: usize = 12;
/// Messages in flight offered for dropping.
const FLIGHTS_SHOWN: usize = 6;
/// Partition groups a server can be moved between.
const GROUP_NAMES: [&str; 3] = ["A", "B", "C"];

fn role_word(s: &ServerView) -> &'static str {
    match (s.up, s.role) {
        (false, _) => "stopped",
        (true, Role::Leader) => "leader",
        (true, Role::Candidate) => "candidate",
        (true, Role::Follower) => "follower",
    }
}

/// What the reader does at the playhead.
pub type Act = Callback<Intervention>;

#[component]
pub fn ClusterTable(
    view: Memo<ClusterView>,
    act: Act,
    at_ms: Signal<f64>,
    /// The scrolling region's name, unique on the page.
    label: String,
    /// The id of the table's title (unique on the page).
    title_id: String,
) -> impl IntoView {
    let row = move |i: usize| {
        let server = Memo::new(move |_| view.with(|v| v.servers.get(i).cloned()));
        let id = i as u32 + 1;
        let read = move |f: fn(&ServerView) -> String| {
            move || server.with(|s| s.as_ref().map(f).unwrap_or_default())
        };
        let up = move || server.with(|s| s.as_ref().is_some_and(|s| s.up));
        view! {
            <tr data-server=id data-role=read(|s| role_word(s).to_string())>
                <th scope="row">{format!("S{id}")}</th>
                <td class="role">{read(|s| role_word(s).to_string())}</td>
                <td class="num">{read(|s| s.term.to_string())}</td>
                <td class="num">{read(|s| s.voted_for.map_or("–".into(), |v| format!("S{v}")))}</td>
                <td>
                    <ol class="raft-log" aria-label=format!("S{id}'s log")>
                        {move || server.with(|s| {
                            let Some(s) = s else { return Vec::new() };
                            let skip = s.log.len().saturating_sub(LOG_SHOWN);
                            s.log.iter().enumerate().skip(skip).map(|(k, &(term, command))| {
                                let index = k as u64 + 1;
                                let committed = index <= s.commit;
                                view! {
                                    <li class:committed=committed data-term=term
                                        title=format!("entry {index}: command {command}, term {term}{}", if committed { ", committed" } else { "" })>
                                        {format!("{index}:{command}")}
                                    </li>
                                }
                            }).collect::<Vec<_>>()
                        })}
                    </ol>
                </td>
                <td class="num">{read(|s| s.commit.to_string())}</td>
                <td class="actions">
                    <button type="button" data-action="power"
                        on:click=move |_| {
                            let at_ms = at_ms.get_untracked();
                            act.run(if up() {
                                Intervention::Crash { at_ms, server: id }
                            } else {
                                Intervention::Restart { at_ms, server: id }
                            })
                        }>
                        {move || if up() { "Stop" } else { "Restart" }}
                    </button>
                    <button type="button" data-action="timeout" disabled=move || !up()
                        on:click=move |_| act.run(Intervention::Timeout { at_ms: at_ms.get_untracked(), server: id })>
                        "Time out"
                    </button>
                    <button type="button" data-action="request"
                        on:click=move |_| act.run(Intervention::Request { at_ms: at_ms.get_untracked(), server: id })>
                        "Request"
                    </button>
                </td>
            </tr>
        }
    };
    let count = Memo::new(move |_| view.with(|v| v.servers.len()));
    view! {
        // The title outside the table: as its caption it scrolled away with
        // the table on a phone, cut mid-word.
        <p class="raft-servers-title" id=title_id.clone()>"Servers at the playhead (entries are index:command; committed ones are filled)"</p>
        // Scrolls sideways on a narrow screen (focusable, so a keyboard can).
        <div class="raft-servers-wrap" tabindex="0" role="region" aria-label=label>
        <table class="raft-servers" aria-labelledby=title_id>
            <thead>
                <tr>
                    <th scope="col">"Server"</th>
                    <th scope="col">"Role"</th>
                    <th scope="col">"Term"</th>
                    <th scope="col">"Voted"</th>
                    <th scope="col">"Log"</th>
                    <th scope="col">"Commit"</th>
                    <th scope="col">"Act now"</th>
                </tr>
            </thead>
            <tbody>{move || (0..count.get()).map(row).collect_view()}</tbody>
        </table>
        </div>
    }
}

/// The network: a group per server (move one to split it), two common
/// splits, and healing.
#[component]
pub fn NetworkControls(
    view: Memo<ClusterView>,
    act: Act,
    at_ms: Signal<f64>,
    id: String,
) -> impl IntoView {
    let groups = Memo::new(move |_| view.with(|v| v.groups.clone()));
    let partition = move |groups: Vec<u32>| {
        act.run(if groups.iter().all(|&g| g == groups[0]) {
            Intervention::Heal {
                at_ms: at_ms.get_untracked(),
            }
        } else {
            Intervention::Partition {
                at_ms: at_ms.get_untracked(),
                groups,
            }
        })
    };
    let select = move |i: usize| {
        let select_id = format!("{id}-group-{}", i + 1);
        view! {
            <div class="control group">
                <label for=select_id.clone()>{format!("S{} in group", i + 1)}</label>
                <select id=select_id
                    on:change=move |ev| {
                        if let Ok(g) = event_target_value(&ev).parse::<u32>() {
                            let mut next = groups.get_untracked();
                            if let Some(slot) = next.get_mut(i) {
                                *slot = g;
                                partition(next);
                            }
                        }
                    }>
                    {GROUP_NAMES.iter().enumerate().map(|(g, name)| {
                        let g = g as u32;
                        view! { <option value=g.to_string() selected=move || groups.with(|v| v.get(i) == Some(&g))>{*name}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let isolate_leader = move |_| {
        let split = view.with_untracked(|v| {
            v.leader().map(|l| {
                (1..=v.servers.len() as u32)
                    .map(|s| u32::from(s == l.id))
                    .collect::<Vec<_>>()
            })
        });
        if let Some(groups) = split {
            partition(groups);
        }
    };
    let minority_majority = move |_| {
        let n = groups.with_untracked(Vec::len);
        partition((0..n).map(|i| u32::from(i >= n / 2)).collect());
    };
    view! {
        <div class="raft-network" role="group" aria-label="Network partition">
            <p class="partition-state" aria-live="polite">
                {move || view.with(|v| if v.partitioned() {
                    format!("Partitioned: {}", page_data::partition_text(&v.groups))
                } else {
                    "The network is whole.".to_string()
                })}
            </p>
            <div class="groups">{move || (0..groups.with(Vec::len)).map(&select).collect_view()}</div>
            <button type="button" data-action="isolate-leader" on:click=isolate_leader>"Cut off the leader"</button>
            <button type="button" data-action="split" on:click=minority_majority>"Split minority | majority"</button>
            <button type="button" data-action="heal" on:click=move |_| act.run(Intervention::Heal { at_ms: at_ms.get_untracked() })>"Heal"</button>
        </div>
    }
}

/// The messages on the wire at the playhead, each with a button that drops
/// it (the first few, oldest first).
#[component]
pub fn InFlight(
    run: Memo<Shared<ConsensusRun>>,
    playhead: RwSignal<Micros>,
    act: Act,
    at_ms: Signal<f64>,
) -> impl IntoView {
    let flights = Memo::new(move |_| {
        let at = playhead.get();
        run.with(|r| {
            r.in_flight(at)
                .filter(|(_, m)| m.fate != sim::consensus::Fate::Lost)
                .take(FLIGHTS_SHOWN)
                .map(|(id, m)| (id, format!("{} S{}→S{}", m.body.label(), m.from, m.to)))
                .collect::<Vec<_>>()
        })
    });
    // Always FLIGHTS_SHOWN slots, empty ones kept blank: the list keeps
    // its height while the run plays (it grew and shrank, and moved the
    // article below it by up to 390 px on a phone).
    view! {
        <div class="raft-flights" role="group" aria-label="Messages in flight">
            <span class="flights-title">{move || if flights.with(Vec::is_empty) { "In flight: nothing" } else { "In flight:" }}</span>
            {move || {
                let list = flights.get();
                (0..FLIGHTS_SHOWN).map(|slot| match list.get(slot).cloned() {
                    Some((message, label)) => view! {
                        <button type="button" data-action="drop" data-message=message
                            on:click=move |_| act.run(Intervention::Drop { at_ms: at_ms.get_untracked(), message })>
                            {format!("Drop {label}")}
                        </button>
                    }.into_any(),
                    None => view! { <span class="slot" aria-hidden="true"></span> }.into_any(),
                }).collect_view()
            }}
        </div>
    }
}
