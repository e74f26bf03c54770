//! A demo's parameters and seed as signals that start from the post's
//! values, take what the URL says on top, and write every change back to
//! the URL, so that a shared link reproduces the run.

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use sim::ScenarioError;

use super::url_state;

/// The seed and scenario of demo number `index`.
#[derive(Clone)]
pub struct DemoState<S: Send + Sync + 'static> {
    pub seed: RwSignal<u64>,
    pub scenario: RwSignal<S>,
    initial: (u64, S),
}

impl<S> DemoState<S>
where
    S: Serialize + DeserializeOwned + Clone + PartialEq + Send + Sync + 'static,
{
    /// Starts from the post's `(seed, scenario)` and the URL's overrides
    /// (each one that leaves the scenario valid; the rest are ignored).
    pub fn new(
        index: usize,
        seed: u64,
        scenario: S,
        validate: fn(&S) -> Result<(), ScenarioError>,
    ) -> Self {
        let from_url = page_data::url_state::demo_state(
            &url_state::current_query(),
            index,
            seed,
            &scenario,
            validate,
        );
        let state = Self {
            seed: RwSignal::new(from_url.seed),
            scenario: RwSignal::new(from_url.scenario),
            initial: (seed, scenario),
        };
        let prefix = page_data::url_state::demo_prefix(index);
        let (seed_signal, scenario_signal) = (state.seed, state.scenario);
        let initial = state.initial.clone();
        let panic_on_change = crate::panic_report::deliberate_panic(index) == Some(false);
        Effect::new(move |first: Option<()>| {
            let seed = seed_signal.get();
            scenario_signal.track();
            if panic_on_change && first.is_some() {
                panic!("a deliberate panic at the first change to demo {index} (demo-panic in the URL)");
            }
            let pairs =
                scenario_signal.with(|s| page_data::url_state::demo_diff(&initial, seed, s));
            url_state::write(&prefix, &pairs);
        });
        state
    }

    /// A closure that resets (for buttons).
    pub fn resetter(&self) -> impl Fn() + Clone + Send + Sync + 'static {
        let (seed, scenario, initial) = (self.seed, self.scenario, self.initial.clone());
        move || {
            seed.set(initial.0);
            scenario.set(initial.1.clone());
        }
    }
}
