//! A counter that moves whenever the page's layout may have changed size
//! under a chart: the app shown in place of the prerendered copy (before
//! that, `#app` is hidden and every canvas measures 0 by 0), or the window
//! resized. Charts read it so that they redraw at their real size.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct LayoutEpoch(RwSignal<u64>);

impl LayoutEpoch {
    /// Provides the counter to the app and bumps it on every resize.
    pub fn provide() {
        let epoch = LayoutEpoch(RwSignal::new(0));
        provide_context(epoch);
        let handle = window_event_listener(leptos::ev::resize, move |_| epoch.bump());
        // The listener lives as long as the app.
        std::mem::forget(handle);
    }

    /// The counter, if the app provided it (0 outside the app).
    pub fn track() -> u64 {
        use_context::<LayoutEpoch>().map_or(0, |e| e.0.get())
    }

    pub fn bump(self) {
        self.0.update(|n| *n += 1);
    }

    /// Bumps the app's counter, if any.
    pub fn bump_current() {
        if let Some(epoch) = use_context::<LayoutEpoch>() {
            epoch.bump();
        }
    }
}
