//! The retry demo: one client, a lossy link, a flaky server. The reader
//! moves latency, failure, timeout and policy; the run is recomputed and the
//! numbers and chart follow at once.

use leptos::html::Canvas;
use leptos::prelude::*;
use page_data::retry_summary;
use sim::{next_seed, run_retry, BackoffPolicy, RetryRun, RetryScenario};

use super::canvas::draw_sharp;
use super::controls::Slider;

fn percent(v: f64) -> String {
    format!("{:.0}", v * 100.0)
}

#[component]
pub fn RetryDemo(seed: u64, scenario: RetryScenario, index: usize) -> impl IntoView {
    let initial = (seed, scenario.clone());
    let scenario = RwSignal::new(scenario);
    let seed = RwSignal::new(seed);
    let run: Memo<RetryRun> = Memo::new(move |_| scenario.with(|s| run_retry(s, seed.get())));
    let id = move |name: &str| format!("demo-{index}-{name}");

    let canvas = NodeRef::<Canvas>::new();
    Effect::new(move |_| {
        let Some(canvas) = canvas.get() else { return };
        run.with(|run| {
            draw_sharp(&canvas, |area, ratio| {
                let _ = charts::draw_latency_histogram(area, run, charts::Palette::NEUTRAL, ratio);
            })
        });
    });

    let update = move |f: fn(&mut RetryScenario, f64)| move |v: f64| scenario.update(|s| f(s, v));

    view! {
        <figure class="demo demo-live" id=format!("demo-{index}") data-demo="retry">
            <div class="demo-controls" role="group" aria-label="Retry demo parameters">
                <Slider
                    id=id("latency")
                    label="Link latency (one way)"
                    unit="ms"
                    min=0.0
                    max=200.0
                    step=1.0
                    value=Signal::derive(move || scenario.with(|s| s.link.latency.typical_ms()))
                    on_change=update(|s, v| s.link.latency = s.link.latency.with_typical_ms(v))
                />
                <Slider
                    id=id("loss")
                    label="Message loss"
                    unit="%"
                    min=0.0
                    max=0.5
                    step=0.01
                    value=Signal::derive(move || scenario.with(|s| s.link.loss))
                    on_change=update(|s, v| s.link.loss = v)
                    format=percent
                />
                <Slider
                    id=id("failure")
                    label="Server failure rate"
                    unit="%"
                    min=0.0
                    max=1.0
                    step=0.01
                    value=Signal::derive(move || scenario.with(|s| s.server.failure_rate))
                    on_change=update(|s, v| s.server.failure_rate = v)
                    format=percent
                />
                <Slider
                    id=id("timeout")
                    label="Timeout per attempt"
                    unit="ms"
                    min=10.0
                    max=1000.0
                    step=10.0
                    value=Signal::derive(move || scenario.with(|s| s.client.timeout_ms))
                    on_change=update(|s, v| s.client.timeout_ms = v)
                />
                <Slider
                    id=id("attempts")
                    label="Max attempts"
                    unit=""
                    min=1.0
                    max=10.0
                    step=1.0
                    value=Signal::derive(move || scenario.with(|s| s.client.max_attempts as f64))
                    on_change=update(|s, v| s.client.max_attempts = v.round() as u32)
                />
                <div class="control select">
                    <label for=id("policy")>"Retry policy"</label>
                    <select
                        id=id("policy")
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
                                    <option
                                        value=p.key()
                                        selected=move || scenario.with(|s| s.client.backoff == p)
                                    >
                                        {p.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="control seed">
                    <label for=id("seed")>"Seed"</label>
                    <input
                        type="number"
                        id=id("seed")
                        min="0"
                        step="1"
                        prop:value=move || seed.get().to_string()
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).trim().parse::<u64>() {
                                seed.set(v);
                            }
                        }
                    />
                    <button type="button" on:click=move |_| seed.update(|s| *s = next_seed(*s))>
                        "New seed"
                    </button>
                    <button
                        type="button"
                        on:click={
                            let initial = initial.clone();
                            move |_| {
                                seed.set(initial.0);
                                scenario.set(initial.1.clone());
                            }
                        }
                    >
                        "Reset"
                    </button>
                </div>
            </div>
            <dl class="demo-stats" aria-live="polite">
                {move || {
                    run.with(|r| retry_summary(&r.stats))
                        .into_iter()
                        .map(|s| view! { <div><dt>{s.label}</dt><dd data-stat=s.key>{s.value}</dd></div> })
                        .collect_view()
                }}
            </dl>
            <canvas
                node_ref=canvas
                class="chart"
                role="img"
                aria-label="Latency of successful requests: first try against after retries"
            ></canvas>
            <figcaption>
                {move || run.with(|r| {
                    format!(
                        "{} requests: {} succeeded, {} failed, {} attempts in all (seed {}).",
                        r.stats.requests, r.stats.succeeded, r.stats.failed, r.stats.attempts, r.seed
                    )
                })}
            </figcaption>
        </figure>
    }
}
