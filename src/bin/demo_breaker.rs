//! The circuit-breaker demo.
//! A wasm module of its own (`site::demo_module!`): the shell imports it on
//! a post with this demo, and its worker computes the runs with the same module.

site::demo_module! {
    demo: sim::Demo::Breaker,
    view: |seed, scenario: sim::BreakerScenario, index| {
        leptos::prelude::IntoAny::into_any(leptos::view! { <site::demos::BreakerDemo seed scenario index /> })
    },
    run: page_data::run_requests::BreakerRequest,
}
