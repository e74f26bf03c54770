//! A demo mounted into its slot on a post page: the demos module's entry
//! (`src/bin/demos.rs` exports it to the shell). The slot holds the static
//! picture of the default run until the live demo has its first run
//! ([`RetireStaticPicture`]); unmounting ends the demo's worker with its
//! reactive owner.

use std::any::Any;
use std::sync::Once;

use leptos::prelude::*;
use page_data::DemoSpec;
use wasm_bindgen::JsCast;

use super::redraw_epoch::RedrawEpoch;
use super::DemoView;

/// A mounted demo; dropping it unmounts the demo.
pub struct MountedDemo {
    _mounted: Box<dyn Any>,
}

/// Mounts demo number `index` of the page, described by `spec_json` (the
/// article data's spec), into `host` after what it holds.
pub fn mount(
    host: web_sys::HtmlElement,
    spec_json: &str,
    index: usize,
) -> Result<MountedDemo, String> {
    static PANIC_REPORT: Once = Once::new();
    PANIC_REPORT.call_once(crate::panic_report::install);
    let spec: DemoSpec =
        serde_json::from_str(spec_json).map_err(|e| format!("not a demo spec: {e}"))?;
    let handle = leptos::mount::mount_to(host, move || {
        RedrawEpoch::provide();
        view! { <DemoView spec index /> }
    });
    Ok(MountedDemo {
        _mounted: Box::new(handle),
    })
}

/// Removes the slot's static picture once the live demo is on screen (put
/// it inside the demo's `Show`). The picture is the element with the demo's
/// id that comes first in the page, and it is not live.
#[component]
pub fn RetireStaticPicture(index: usize) -> impl IntoView {
    Effect::new(move |_| {
        let id = format!("demo-{index}");
        let picture = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .filter(|e| !e.class_list().contains("demo-live"));
        if let Some(picture) = picture.and_then(|e| e.dyn_into::<web_sys::Element>().ok()) {
            picture.remove();
        }
        RedrawEpoch::bump_current();
    });
}
