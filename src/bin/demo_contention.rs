//! The contention demo: the backoff sweep over clients and strategies.
//! A wasm module of its own (`site::demo_module!`): the shell imports it on
//! a post with this demo, and its workers compute the sweep's cells with the same module.

site::demo_module! {
    demo: sim::Demo::Contention,
    view: |seed, scenario: sim::ContentionSweep, index| {
        leptos::prelude::IntoAny::into_any(leptos::view! { <site::demos::ContentionDemo seed scenario index /> })
    },
    sweep: page_data::sweep_protocol::answer_message,
}
