//! The retry demo's parameter controls: each writes one field of the
//! scenario signal; none of them knows what the sim does with it.

use leptos::prelude::*;
use sim::{BackoffPolicy, Delay, RetryScenario};

use crate::demos::controls::Slider;

fn percent(v: f64) -> String {
    format!("{:.0}", v * 100.0)
}

fn deadline_text(v: f64) -> String {
    if v <= 0.0 {
        "none".into()
    } else {
        format!("{v} ms")
    }
}

#[component]
pub fn RetryControls(scenario: RwSignal<RetryScenario>, id: String) -> impl IntoView {
    let field = move |name: &str| format!("{id}-{name}");
    let set = move |f: fn(&mut RetryScenario, f64)| move |v: f64| scenario.update(|s| f(s, v));
    let read = move |f: fn(&RetryScenario) -> f64| Signal::derive(move || scenario.with(f));
    view! {
        <div class="demo-controls" role="group" aria-label="Retry demo parameters">
            <div class="control select">
                <label for=field("distribution")>"Latency distribution"</label>
                <select
                    id=field("distribution")
                    on:change=move |ev| {
                        let kind = event_target_value(&ev);
                        scenario.update(|s| {
                            if let Some(d) = Delay::of_kind(&kind, s.link.latency.typical_ms()) {
                                s.link.latency = d;
                            }
                        });
                    }
                >
                    {Delay::KINDS
                        .into_iter()
                        .map(|k| {
                            view! {
                                <option value=k selected=move || scenario.with(|s| s.link.latency.kind() == k)>
                                    {Delay::kind_label(k)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <Slider
                id=field("latency")
                label="Link latency (one way, typical)"
                unit="ms"
                min=0.0
                max=200.0
                step=1.0
                value=read(|s| s.link.latency.typical_ms())
                on_change=set(|s, v| s.link.latency = s.link.latency.with_typical_ms(v))
            />
            <Slider
                id=field("loss")
                label="Message loss"
                unit="%"
                min=0.0
                max=0.5
                step=0.01
                value=read(|s| s.link.loss)
                on_change=set(|s, v| s.link.loss = v)
                format=percent
            />
            <Slider
                id=field("failure")
                label="Server failure rate"
                unit="%"
                min=0.0
                max=1.0
                step=0.01
                value=read(|s| s.server.failure_rate)
                on_change=set(|s, v| s.server.failure_rate = v)
                format=percent
            />
            <Slider
                id=field("timeout")
                label="Timeout per attempt"
                unit="ms"
                min=10.0
                max=1000.0
                step=10.0
                value=read(|s| s.client.timeout_ms)
                on_change=set(|s, v| s.client.timeout_ms = v)
            />
            <Slider
                id=field("attempts")
                label="Max attempts"
                unit="(1 = no retries)"
                min=1.0
                max=10.0
                step=1.0
                value=read(|s| f64::from(s.client.max_attempts))
                on_change=set(|s, v| s.client.max_attempts = v.round() as u32)
            />
            <Slider
                id=field("deadline")
                label="Overall deadline"
                unit=""
                min=0.0
                max=5000.0
                step=50.0
                value=read(|s| s.client.deadline_ms.unwrap_or(0.0))
                on_change=set(|s, v| s.client.deadline_ms = (v > 0.0).then_some(v))
                format=deadline_text
            />
            <div class="control select">
                <label for=field("policy")>"Retry policy"</label>
                <select
                    id=field("policy")
                    on:change=move |ev| {
                        if let Some(p) = BackoffPolicy::from_key(&event_target_value(&ev)) {
                            scenario.update(|s| s.client.backoff = p);
                        }
                    }
                >
                    {BackoffPolicy::ALL
                        .into_iter()
                        .map(|p| {
                            view! {
                                <option value=p.key() selected=move || scenario.with(|s| s.client.backoff == p)>
                                    {p.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        </div>
    }
}
