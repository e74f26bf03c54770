//! Labelled, keyboard-usable controls shared by the demos.

use leptos::prelude::*;

/// A range input with a visible label, its current value and unit. Arrow
/// keys move it by `step`; every change calls `on_change` at once.
#[component]
pub fn Slider(
    /// Unique id (label target).
    id: String,
    label: &'static str,
    unit: &'static str,
    min: f64,
    max: f64,
    step: f64,
    #[prop(into)] value: Signal<f64>,
    on_change: impl Fn(f64) + 'static,
    /// How the value is written next to the label.
    #[prop(optional)]
    format: Option<fn(f64) -> String>,
) -> impl IntoView {
    let format = format.unwrap_or(|v| format!("{v}"));
    let output_id = format!("{id}-value");
    view! {
        <div class="control slider">
            <label for=id.clone()>{label}</label>
            <input
                type="range"
                id=id.clone()
                name=id
                min=min
                max=max
                step=step
                prop:value=move || value.get().to_string()
                aria-describedby=output_id.clone()
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                        if v.is_finite() {
                            on_change(v.clamp(min, max));
                        }
                    }
                }
            />
            <output id=output_id>{move || format(value.get())} " " {unit}</output>
        </div>
    }
}
