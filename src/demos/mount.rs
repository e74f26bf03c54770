//! A demo mounted into its slot on a post page: the entry of a demo's
//! module (`src/bin/demo_*.rs`, exported to the shell by
//! [`demo_module!`](crate::demo_module)). The slot holds the static picture
//! of the default run until the live demo has its first run
//! ([`RetireStaticPicture`]); unmounting ends the demo's worker with its
//! reactive owner.

use std::any::Any;
use std::sync::Once;

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use sim::Demo;
use wasm_bindgen::JsCast;

use super::on_screen::OnScreen;
use super::redraw_epoch::RedrawEpoch;
use crate::components::{later, on_built};

/// A mounted demo; dropping it unmounts the demo.
pub struct MountedDemo {
    _mounted: Box<dyn Any>,
}

/// A demo's spec as the article data has it, under the demo's key.
#[derive(Deserialize)]
struct Spec<S> {
    seed: u64,
    scenario: S,
}

/// Mounts demo number `index` of the page, the demo `demo` described by
/// `spec_json` (the article data's spec, under its key), into `host` after
/// what it holds; `view` is the live demo.
pub fn mount<S: DeserializeOwned + 'static>(
    demo: Demo,
    host: web_sys::HtmlElement,
    spec_json: &str,
    index: usize,
    view: fn(u64, S, usize) -> AnyView,
) -> Result<MountedDemo, String> {
    static PANIC_REPORT: Once = Once::new();
    PANIC_REPORT.call_once(crate::panic_report::install);
    super::sim_worker::set_module_demo(demo);
    let Spec { seed, scenario } = serde_json::from_str::<Spec<S>>(spec_json)
        .map_err(|e| format!("not a {demo} demo's spec: {e}"))?;
    let slot = host.clone();
    let handle = leptos::mount::mount_to(host, move || {
        if crate::panic_report::deliberate_panic(index) == Some(true) {
            panic!("a deliberate panic as demo {index} mounts (demo-panic in the URL)");
        }
        RedrawEpoch::provide();
        OnScreen::provide(&slot);
        // The demo's state and components are made in this task, its
        // figure built in the next (`later`): one task for both held the
        // page for over 100 ms on a phone-speed CPU.
        later(view(seed, scenario, index))
    });
    Ok(MountedDemo {
        _mounted: Box::new(handle),
    })
}

/// Removes the slot's static picture once the live figure is built (put it
/// in the figure: [`on_built`]). The picture is the element with the
/// demo's id that comes first in the page, and it is not live.
#[component]
pub fn RetireStaticPicture(index: usize) -> impl IntoView {
    on_built(move || {
        let id = format!("demo-{index}");
        let picture = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .filter(|e| !e.class_list().contains("demo-live"));
        if let Some(picture) = picture.and_then(|e| e.dyn_into::<web_sys::Element>().ok()) {
            picture.remove();
        }
        RedrawEpoch::bump_current();
    })
}
