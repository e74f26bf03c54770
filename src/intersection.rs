//! Watching whether an element is on (or near) the screen, with the
//! browser's `IntersectionObserver`. Two things use it: the shell, to load
//! a demo when its slot comes near the screen ([`crate::demo_slot`]), and a
//! mounted demo, to play only while it is on the screen
//! ([`crate::demos`]' `OnScreen`).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

type OnEntries = Closure<dyn FnMut(js_sys::Array)>;

/// An element being watched; dropping it stops the watch.
pub struct Watch {
    observer: IntersectionObserver,
    // Kept alive while the observer may call it. Dropping it from inside
    // the call (a watcher that stops itself) is safe: wasm-bindgen frees a
    // closure only once its running calls return.
    _on_entries: OnEntries,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_change(true)` when `target` comes within `margin` of the
/// viewport (a CSS margin: `"100% 0px"` is one screen above and below,
/// `"0px"` the viewport itself) and `on_change(false)` when it leaves,
/// starting with a call for where it is now. `None` where the browser has no
/// IntersectionObserver: the caller decides what "on screen" means then.
pub fn watch(target: &Element, margin: &str, on_change: impl Fn(bool) + 'static) -> Option<Watch> {
    let on_entries = OnEntries::new(move |entries: js_sys::Array| {
        // Entries come oldest first: the last says where it is now.
        let last = entries
            .iter()
            .filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
            .next_back();
        if let Some(entry) = last {
            on_change(entry.is_intersecting());
        }
    });
    let options = IntersectionObserverInit::new();
    options.set_root_margin(margin);
    let observer =
        IntersectionObserver::new_with_options(on_entries.as_ref().unchecked_ref(), &options)
            .ok()?;
    observer.observe(target);
    Some(Watch {
        observer,
        _on_entries: on_entries,
    })
}
