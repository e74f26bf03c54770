//! The queue demo's controls: every knob of the scenario a reader needs to
//! see duplicates, reordering and late events for themselves.

use leptos::prelude::*;
use sim::QueueScenario;

use super::super::controls::Slider;

#[component]
pub fn QueueControls(scenario: RwSignal<QueueScenario>, id: String) -> impl IntoView {
    let field = move |name: &str| format!("{id}-{name}");
    let set = move |f: fn(&mut QueueScenario, f64)| move |v: f64| scenario.update(|s| f(s, v));
    let read = move |f: fn(&QueueScenario) -> f64| Signal::derive(move || scenario.with(f));
    let toggle = move |f: fn(&mut QueueScenario) -> &mut bool| {
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            scenario.update(|s| *f(s) = on);
        }
    };
    let percent = |v: f64| format!("{:.1}", v * 100.0);
    view! {
        <div class="demo-controls" role="group" aria-label="Queue demo parameters">
            <Slider id=field("rate") label="Production rate" unit="messages/s" min=20.0 max=1000.0 step=10.0
                value=read(|s| s.producer_rate) on_change=set(|s, v| s.producer_rate = v) />
            <Slider id=field("consumers") label="Consumers" unit="" min=1.0 max=8.0 step=1.0
                value=read(|s| f64::from(s.consumers)) on_change=set(|s, v| s.consumers = v.round() as u32) />
            <Slider id=field("work") label="Time per message (consumer speed)" unit="ms" min=0.5 max=40.0 step=0.5
                value=read(|s| s.processing.typical_ms())
                on_change=set(|s, v| s.processing = s.processing.with_typical_ms(v)) />
            <Slider id=field("crash") label="Crash probability per message" unit="%" min=0.0 max=0.05 step=0.001
                value=read(|s| s.crash_probability) on_change=set(|s, v| s.crash_probability = v) format=percent />
            <Slider id=field("ack") label="Ack (visibility) timeout" unit="ms" min=5.0 max=200.0 step=5.0
                value=read(|s| s.ack_timeout_ms) on_change=set(|s, v| s.ack_timeout_ms = v) />
            <Slider id=field("partitions") label="Partitions" unit="" min=1.0 max=16.0 step=1.0
                value=read(|s| f64::from(s.partitions)) on_change=set(|s, v| s.partitions = v.round() as u32) />
            <Slider id=field("keys") label="Key spread (distinct keys)" unit="keys" min=1.0 max=100.0 step=1.0
                value=read(|s| f64::from(s.keys)) on_change=set(|s, v| s.keys = v.round() as u32) />
            <Slider id=field("late") label="Events arriving late" unit="%" min=0.0 max=0.2 step=0.005
                value=read(|s| s.late_probability) on_change=set(|s, v| s.late_probability = v) format=percent />
            <Slider id=field("lateness") label="Watermark: allowed lateness" unit="ms" min=0.0 max=5000.0 step=100.0
                value=read(|s| s.allowed_lateness_ms) on_change=set(|s, v| s.allowed_lateness_ms = v) />
            <fieldset class="control toggles">
                <legend>"Consumer"</legend>
                <label>
                    <input type="checkbox" id=field("idempotency")
                        prop:checked=move || scenario.with(|s| s.idempotency_store)
                        on:change=toggle(|s| &mut s.idempotency_store) />
                    " keeps an idempotency store"
                </label>
                <label>
                    <input type="checkbox" id=field("drop-late")
                        prop:checked=move || scenario.with(|s| s.drop_late)
                        on:change=toggle(|s| &mut s.drop_late) />
                    " drops events behind the watermark"
                </label>
            </fieldset>
        </div>
    }
}
