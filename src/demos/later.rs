//! Part of a figure built in a task after the rest: a live figure is one
//! synchronous build of its whole DOM, and the consensus figure's (controls,
//! ring, safety list, story, server table, network controls, messages in
//! flight, exports) took 70 ms in one task, over the 50 ms a task may hold
//! the page. What the reader sees first (controls, numbers, the picture) is
//! built at once; the tables below it follow a task later.

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
