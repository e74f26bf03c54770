//! The retry-storm demo: a fleet of clients, a slow dependency, and the protections.
//! A wasm module of its own (`site::demo_module!`): the shell imports it on
//! a post with this demo, and its worker computes the runs with the same module.

site::demo_module! {
    demo: sim::Demo::Storm,
    view: |seed, scenario: sim::StormScenario, index| {
        leptos::prelude::IntoAny::into_any(leptos::view! { <site::demos::StormDemo seed scenario index /> })
    },
    run: page_data::run_requests::StormRequest,
}
