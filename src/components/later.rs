//! Part of a page built in a task after the rest.
//!
//! A Leptos view is one synchronous build of its whole DOM, and in a fresh
//! page most of that task is not the build but V8 compiling, on first call,
//! each wasm function the build runs (`wasm.CompileLazy`: about 700 functions
//! to start the shell, 25 ms on this machine and 100 ms on a phone-speed
//! CPU, PERFORMANCE.md). A task over 50 ms holds the page. Each `Later` is a
//! timer task of its own, queued in the order the page makes them, so one
//! long build becomes several short ones:
//!
//! - the shell: the router, then the app's frame, then its routes
//!   ([`crate::App`]); once the route's data has come, the data read, then
//!   the page made, then the page built and shown ([`super::data_page`]);
//! - a demo: its state made, then its figure built
//!   (`src/demos/mount.rs`); in the retry, storm, breaker, queue and
//!   deep-space figures, their controls and numbers, then their playback,
//!   charts and tables (each chart drawn in a task of its own once the
//!   demo is on the screen, `chart_effect`); in the consensus figure, its controls, then its
//!   numbers and playback, then its ring with the safety list and story,
//!   then its tables; in the contention figure, its controls, then its
//!   playback, then its charts, then its numbers and exports.
//!
//! What needs the view on the page waits for its build, not for the task
//! that made it ([`super::on_built`]).

use std::time::Duration;

use leptos::prelude::*;

/// A view that is what `make` gives, made (once, untracked) in a task of
/// its own, a zero timeout after this one, and nothing until then.
fn in_next_task<V: 'static>(
    make: impl FnOnce() -> V + 'static,
) -> impl Fn() -> Option<V> + Send + Sync {
    let ready = RwSignal::new(false);
    // `try_set`: the page may be gone by then (a new route).
    set_timeout(
        move || {
            ready.try_set(true);
        },
        Duration::ZERO,
    );
    let make = StoredValue::new_local(Some(make));
    move || {
        ready
            .get()
            .then(|| make.try_update_value(Option::take).flatten())
            .flatten()
            .map(untrack)
    }
}

/// `children`, made and built a task after the rest: their components run
/// only then, so their own work moves to that task too.
#[component]
pub fn Later(children: Children) -> impl IntoView {
    in_next_task(children)
}

/// `view`, already made, built a task later.
pub fn later(view: AnyView) -> impl IntoView {
    in_next_task(move || view)
}
