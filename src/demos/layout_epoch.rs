//! A counter that moves whenever the page's layout may have changed size
//! under a chart: the window resized, the shell showed the app in place of
//! the prerendered copy (before that, `#app` is hidden and every canvas
//! measures 0 by 0; the shell says so with a [`LAYOUT_EVENT`] on the
//! window), or a demo replaced its static picture. Charts read it so that
//! they redraw at their real size.

use leptos::ev::Custom;
use leptos::prelude::*;

use crate::takeover::LAYOUT_EVENT;

#[derive(Clone, Copy)]
pub struct LayoutEpoch(RwSignal<u64>);

impl LayoutEpoch {
    /// Provides the counter to a mounted demo and bumps it on every resize
    /// and layout change, until the demo unmounts.
    pub fn provide() {
        let epoch = LayoutEpoch(RwSignal::new(0));
        provide_context(epoch);
        let resize = window_event_listener(leptos::ev::resize, move |_| epoch.bump());
        let layout =
            window_event_listener(Custom::<web_sys::Event>::new(LAYOUT_EVENT), move |_| {
                epoch.bump()
            });
        on_cleanup(move || {
            resize.remove();
            layout.remove();
        });
    }

    /// The counter, if the demo provided it (0 otherwise).
    pub fn track() -> u64 {
        use_context::<LayoutEpoch>().map_or(0, |e| e.0.get())
    }

    pub fn bump(self) {
        self.0.try_update(|n| *n += 1);
    }

    /// Bumps the demo's counter, if any.
    pub fn bump_current() {
        if let Some(epoch) = use_context::<LayoutEpoch>() {
            epoch.bump();
        }
    }
}
