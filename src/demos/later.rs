//! Part of a figure built in a task after the rest: a live figure is one
//! synchronous build of its whole DOM, and the consensus figure's (controls,
//! numbers, playback, ring, safety list, story, server table, network
//! controls, messages in flight, exports) took 30-85 ms in one task, over
//! the 50 ms a task may hold the page. Each `Later` is a timer task of its
//! own, queued in the order the figure makes them: the consensus figure
//! builds its controls at once, then its numbers and playback, then its
//! ring with the safety list and story (the ring drawn a task after that,
//! `chart_effect`), then its tables.

use std::time::Duration;

use leptos::prelude::*;

#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    // `try_set`: the figure may be gone by then (a new route).
    set_timeout(
        move || {
            ready.try_set(true);
        },
        Duration::ZERO,
    );
    view! { <Show when=move || ready.get()>{children()}</Show> }
}
