//! Whether a mounted demo is on the screen. Its playback runs only while it
//! is ([`super::playback`]): a figure the reader has scrolled past costs no
//! animation frames, and a demo that loads just below the fold (its module
//! is fetched one screen early, `crate::demo_slot`) starts playing when the
//! reader gets to it, from the start, instead of playing to nobody.

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry};

type OnChange = Closure<dyn FnMut(js_sys::Array)>;

/// Whether any part of the demo's slot is in the viewport.
#[derive(Clone, Copy)]
pub struct OnScreen(RwSignal<bool>);

impl OnScreen {
    /// Watches `host` (the demo's slot) for the mounted demo, until it
    /// unmounts. Where the browser has no IntersectionObserver, the demo
    /// counts as always on screen.
    pub fn provide(host: &web_sys::HtmlElement) {
        let shown = RwSignal::new(false);
        provide_context(OnScreen(shown));
        let on_change = OnChange::new(move |entries: js_sys::Array| {
            // Entries come oldest first: the last says where it is now.
            let entry = entries
                .iter()
                .filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
                .next_back();
            if let Some(entry) = entry {
                shown.try_set(entry.is_intersecting());
            }
        });
        match IntersectionObserver::new(on_change.as_ref().unchecked_ref()) {
            Ok(observer) => {
                observer.observe(host);
                let watching = SendWrapper::new((observer, on_change));
                on_cleanup(move || watching.0.disconnect());
            }
            Err(_) => shown.set(true),
        }
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
