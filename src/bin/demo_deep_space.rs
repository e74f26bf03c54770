//! The Earth-Mars demo: end-to-end recovery against custody transfer.
//! A wasm module of its own (`site::demo_module!`): the shell imports it on
//! a post with this demo, and its worker computes the runs with the same module.

site::demo_module! {
    demo: sim::Demo::DeepSpace,
    view: |seed, scenario: sim::DeepSpaceScenario, index| {
        leptos::prelude::IntoAny::into_any(leptos::view! { <site::demos::DeepSpaceDemo seed scenario index /> })
    },
    run: page_data::run_requests::DeepSpaceRequest,
}
