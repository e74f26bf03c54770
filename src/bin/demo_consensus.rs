//! The consensus demo: Raft leader election, partitions and the safety checks.
//! A wasm module of its own (`site::demo_module!`): the shell imports it on
//! a post with this demo, and its worker computes the runs with the same module.

site::demo_module! {
    demo: sim::Demo::Consensus,
    view: |seed, scenario: sim::ConsensusScenario, index| {
        leptos::prelude::IntoAny::into_any(leptos::view! { <site::demos::ConsensusDemo seed scenario index /> })
    },
    run: page_data::run_requests::ConsensusRequest,
}
