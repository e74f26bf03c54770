//! A counter that moves whenever a chart must be drawn again: the theme
//! changed (chart text takes the theme's colour; the page's script says so
//! with a [`THEME_EVENT`]), the page's layout may have changed size under
//! it: the window resized, the shell showed the app in place of
//! the prerendered copy (before that, `#app` is hidden and every canvas
//! measures 0 by 0; the shell says so with a [`LAYOUT_EVENT`] on the
//! window), or a demo replaced its static picture. Charts read it so that
//! they redraw at their real size and in the theme's colours.

use leptos::ev::Custom;
use leptos::prelude::*;

use crate::takeover::LAYOUT_EVENT;

/// The window event that js/theme-and-copy.js dispatches when the theme in
/// effect changes (the reader's toggle, or the system's scheme).
pub const THEME_EVENT: &str = "site:theme";

#[derive(Clone, Copy)]
pub struct RedrawEpoch(RwSignal<u64>);

impl RedrawEpoch {
    /// Provides the counter to a mounted demo and bumps it on every resize,
    /// layout change and theme change, until the demo unmounts.
    pub fn provide() {
        let epoch = RedrawEpoch(RwSignal::new(0));
        provide_context(epoch);
        let resize = window_event_listener(leptos::ev::resize, move |_| epoch.bump());
        let layout =
            window_event_listener(Custom::<web_sys::Event>::new(LAYOUT_EVENT), move |_| {
                epoch.bump()
            });
        let theme = window_event_listener(Custom::<web_sys::Event>::new(THEME_EVENT), move |_| {
            epoch.bump()
        });
        on_cleanup(move || {
            resize.remove();
            layout.remove();
            theme.remove();
        });
    }

    /// The counter, if the demo provided it (0 otherwise).
    pub fn track() -> u64 {
        use_context::<RedrawEpoch>().map_or(0, |e| e.0.get())
    }

    pub fn bump(self) {
        self.0.try_update(|n| *n += 1);
    }

    /// Bumps the demo's counter, if any.
    pub fn bump_current() {
        if let Some(epoch) = use_context::<RedrawEpoch>() {
            epoch.bump();
        }
    }
}
