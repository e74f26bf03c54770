//! Live demos: one module per demo, each controls + views over a sim
//! scenario. No simulation logic here: the sim decides what happens, on a
//! web worker ([`live_run`]).
//!
//! This is the demos module's code (`src/bin/demos.rs`), a second wasm
//! module that the blog shell imports only on a page with a demo; the shell
//! never links it (see `crate::demo_slot`).

mod breaker;
mod canvas;
mod consensus;
mod contention;
mod controls;
mod data_table;
mod deep_space;
mod download;
mod export;
mod later;
mod legend;
mod live_run;
mod motion;
mod mount;
mod playback;
mod queue;
mod redraw_epoch;
mod retry;
mod seed;
pub(crate) mod sim_worker;
mod state;
mod storm;
mod trace_note;
mod url_state;

use leptos::prelude::*;
use page_data::DemoSpec;

pub use mount::{mount, MountedDemo};
pub use url_state::current_query;

/// The live demo for a spec from an article.
#[component]
pub fn DemoView(spec: DemoSpec, index: usize) -> impl IntoView {
    if crate::panic_report::deliberate_panic(index) == Some(true) {
        panic!("a deliberate panic as demo {index} mounts (demo-panic in the URL)");
    }
    match spec {
        DemoSpec::Retry { seed, scenario } => {
            view! { <retry::RetryDemo seed scenario index /> }.into_any()
        }
        DemoSpec::Storm { seed, scenario } => {
            view! { <storm::StormDemo seed scenario index /> }.into_any()
        }
        DemoSpec::Breaker { seed, scenario } => {
            view! { <breaker::BreakerDemo seed scenario index /> }.into_any()
        }
        DemoSpec::Contention { seed, scenario } => {
            view! { <contention::ContentionDemo seed scenario index /> }.into_any()
        }
        DemoSpec::Queue { seed, scenario } => {
            view! { <queue::QueueDemo seed scenario index /> }.into_any()
        }
        DemoSpec::DeepSpace { seed, scenario } => {
            view! { <deep_space::DeepSpaceDemo seed scenario index /> }.into_any()
        }
        DemoSpec::Consensus { seed, scenario } => {
            view! { <consensus::ConsensusDemo seed scenario index /> }.into_any()
        }
    }
}
