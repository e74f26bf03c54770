//! The queue demo: ordering per key, redelivery and duplicates.
//! A wasm module of its own (`site::demo_module!`): the shell imports it on
//! a post with this demo, and its worker computes the runs with the same module.

site::demo_module! {
    demo: sim::Demo::Queue,
    view: |seed, scenario: sim::QueueScenario, index| {
        leptos::prelude::IntoAny::into_any(leptos::view! { <site::demos::QueueDemo seed scenario index /> })
    },
    run: page_data::run_requests::QueueRequest,
}
