//! The deep-space demo's controls.

use leptos::prelude::*;
use sim::DeepSpaceScenario;

use super::super::controls::Slider;
use super::path;

#[component]
pub fn DeepSpaceControls(scenario: RwSignal<DeepSpaceScenario>, id: String) -> impl IntoView {
    let field = move |name: &str| format!("{id}-{name}");
    let set = move |f: fn(&mut DeepSpaceScenario, f64)| move |v: f64| scenario.update(|s| f(s, v));
    let read = move |f: fn(&DeepSpaceScenario) -> f64| Signal::derive(move || scenario.with(f));
    let percent = |v: f64| format!("{:.0}", v * 100.0);
    let two_hops = scenario.with_untracked(|s| s.hops.len() >= 2);
    let moon_id = field("moon-loss");
    view! {
        <div class="demo-controls" role="group" aria-label="Deep-space demo parameters">
            <Slider id=field("mars") label="Earth–Mars light time, one way" unit="min" min=3.0 max=22.0 step=0.5
                value=read(path::mars_light_min) on_change=set(path::set_mars_light_min) />
            <Slider id=field("timeout") label="Retransmission timeout" unit="round trips" min=0.25 max=4.0 step=0.25
                value=read(|s| s.timeout_factor) on_change=set(|s, v| s.timeout_factor = v) />
            <Slider id=field("mars-loss") label="Loss on the Mars link" unit="%" min=0.0 max=0.5 step=0.01
                value=read(|s| path::loss(s, s.hops.len().saturating_sub(1)))
                on_change=set(|s, v| { let last = s.hops.len().saturating_sub(1); path::set_loss(s, last, v) })
                format=percent />
            {two_hops.then(|| view! {
                <Slider id=moon_id label="Loss on the Moon link" unit="%" min=0.0 max=0.5 step=0.01
                    value=read(|s| path::loss(s, 0)) on_change=set(|s, v| path::set_loss(s, 0, v)) format=percent />
            })}
            <Slider id=field("blackout") label="Conjunction blackout (from minute 20)" unit="min" min=0.0 max=240.0 step=10.0
                value=read(path::blackout_min) on_change=set(path::set_blackout_min) />
            <Slider id=field("messages") label="Messages" unit="" min=5.0 max=200.0 step=5.0
                value=read(|s| f64::from(s.messages)) on_change=set(|s, v| s.messages = v.round() as u32) />
        </div>
    }
}
