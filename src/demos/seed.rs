//! The seed field, "New seed" and "Reset", shared by every demo.

use leptos::prelude::*;
use sim::next_seed;

#[component]
pub fn SeedControls(
    seed: RwSignal<u64>,
    /// Puts the demo back to the post's starting parameters and seed.
    on_reset: impl Fn() + 'static,
    id: String,
) -> impl IntoView {
    let seed_id = format!("{id}-seed");
    view! {
        <div class="control seed">
            <label for=seed_id.clone()>"Seed"</label>
            <input
                type="number"
                id=seed_id
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
            <button type="button" on:click=move |_| on_reset()>"Reset"</button>
        </div>
    }
}
