//! The retry demo: one client, one server, a link, and the retry policy.
//! A wasm module of its own (`site::demo_module!`): the shell imports it on
//! a post with this demo, and its worker computes the runs with the same module.

site::demo_module! {
    demo: sim::Demo::Retry,
    view: |seed, scenario: sim::RetryScenario, index| {
        leptos::prelude::IntoAny::into_any(leptos::view! { <site::demos::RetryDemo seed scenario index /> })
    },
    run: page_data::run_requests::RetryRequest,
}
