//! Whether a mounted demo is on the screen. Its playback runs only while it
//! is ([`super::playback`]): a figure the reader has scrolled past costs no
//! animation frames, and a demo that loads just below the fold (its module
//! is fetched one screen early, `crate::demo_slot`) starts playing when the
//! reader gets to it, from the start, instead of playing to nobody. Its
//! charts are drawn only while it is ([`super::canvas::chart_effect`]),
//! and while the page is printed (the print style keeps live figures).

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::ev::Custom;
use leptos::prelude::*;

use crate::intersection;

/// Whether any part of the demo's slot is in the viewport, or the page is
/// being printed.
#[derive(Clone, Copy)]
pub struct OnScreen(RwSignal<bool>);

impl OnScreen {
    /// Watches `host` (the demo's slot) for the mounted demo, until it
    /// unmounts. Where the browser has no IntersectionObserver, the demo
    /// counts as always on screen.
    pub fn provide(host: &web_sys::HtmlElement) {
        let shown = RwSignal::new(false);
        provide_context(OnScreen(shown));
        // Where the slot is, as the observer last said.
        let in_view = RwSignal::new(false);
        match intersection::watch(host, "0px", move |on| {
            in_view.try_set(on);
            shown.try_set(on);
        }) {
            Some(watch) => {
                let watch = SendWrapper::new(watch);
                on_cleanup(move || drop(watch));
            }
            None => {
                in_view.set(true);
                shown.set(true);
            }
        }
        let print = |name| Custom::<web_sys::Event>::new(name);
        let before = window_event_listener(print("beforeprint"), move |_| shown.set(true));
        let after = window_event_listener(print("afterprint"), move |_| {
            shown.set(in_view.get_untracked())
        });
        on_cleanup(move || {
            before.remove();
            after.remove();
        });
    }

    /// The mounted demo's (none for a view made outside a mounted demo,
    /// which counts as always on screen).
    pub fn current() -> Option<Self> {
        use_context::<OnScreen>()
    }

    /// Whether it is on screen now (tracked).
    pub fn get(self) -> bool {
        self.0.get()
    }

    /// Whether it is on screen now, untracked; `None` once the demo is gone.
    pub fn try_get_untracked(self) -> Option<bool> {
        self.0.try_get_untracked()
    }
}
