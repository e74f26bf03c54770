//! Whether a mounted demo is on the screen. Its playback runs only while it
//! is ([`super::playback`]): a figure the reader has scrolled past costs no
//! animation frames, and a demo that loads just below the fold (its module
//! is fetched one screen early, `crate::demo_slot`) starts playing when the
//! reader gets to it, from the start, instead of playing to nobody. Its
//! charts are drawn only while it is, and while the page is printed (the
//! print style keeps live figures): [`super::canvas::chart_effect`].

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::ev::Custom;
use leptos::prelude::*;

use crate::intersection;

/// Whether any part of the demo's slot is in the viewport, and whether the
/// page is being printed.
#[derive(Clone, Copy)]
pub struct OnScreen {
    in_view: RwSignal<bool>,
    printing: RwSignal<bool>,
}

impl OnScreen {
    /// Watches `host` (the demo's slot) for the mounted demo, until it
    /// unmounts. Where the browser has no IntersectionObserver, the demo
    /// counts as always on screen.
    pub fn provide(host: &web_sys::HtmlElement) {
        let (in_view, printing) = (RwSignal::new(false), RwSignal::new(false));
        provide_context(OnScreen { in_view, printing });
        match intersection::watch(host, "0px", move |on| {
            in_view.try_set(on);
        }) {
            Some(watch) => {
                let watch = SendWrapper::new(watch);
                on_cleanup(move || drop(watch));
            }
            None => in_view.set(true),
        }
        let print = |name| Custom::<web_sys::Event>::new(name);
        let before = window_event_listener(print("beforeprint"), move |_| printing.set(true));
        let after = window_event_listener(print("afterprint"), move |_| printing.set(false));
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
        self.in_view.get()
    }

    /// Whether it is on screen now, untracked; `None` once the demo is gone.
    pub fn try_get_untracked(self) -> Option<bool> {
        self.in_view.try_get_untracked()
    }

    /// Whether its charts are seen: on screen, or printed (tracked).
    pub fn seen(self) -> bool {
        self.in_view.get() || self.printing.get()
    }

    /// Whether the page is being printed (tracked).
    pub fn printing(self) -> bool {
        self.printing.get()
    }
}
