//! Where a demo goes on a post page. The shell shows the demo's static
//! picture (drawn at build time) in a slot and asks the demos module, a
//! second wasm module fetched only now (`js/demo-loader.js`), to mount the
//! live demo into it; leaving the page unmounts it, which ends its worker.
//! The shell itself links no demo or simulation code.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The demos module's JS glue (trunk's output for `src/bin/demos.rs`).
const DEMOS_MODULE: &str = "demos.js";

#[wasm_bindgen(module = "/js/demo-loader.js")]
extern "C" {
    #[wasm_bindgen(js_name = mountDemo)]
    fn mount_demo(
        url: &str,
        host: &web_sys::HtmlElement,
        spec: &str,
        index: usize,
    ) -> js_sys::Promise;
}

/// A mounted demo (the demos module's `MountedDemo`), or none yet.
#[derive(Default)]
struct Mounted {
    handle: Option<JsValue>,
    /// The slot left the page before the demo arrived.
    gone: bool,
}

fn unmount(handle: &JsValue) {
    for method in ["unmount", "free"] {
        if let Ok(f) = js_sys::Reflect::get(handle, &JsValue::from_str(method)) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                let _ = f.call0(handle);
            }
        }
    }
}

/// Demo number `index` of the page: `spec` is its spec as the data file
/// has it, `figure` its static picture.
#[component]
pub fn DemoSlot(spec: String, figure: String, index: usize) -> impl IntoView {
    let slot = NodeRef::<Div>::new();
    let mounted = Rc::new(RefCell::new(Mounted::default()));
    let on_load = Rc::clone(&mounted);
    Effect::new(move |_| {
        let Some(host) = slot.get() else { return };
        let (spec, mounted) = (spec.clone(), Rc::clone(&on_load));
        leptos::task::spawn_local(async move {
            let url = crate::data::site_url(DEMOS_MODULE);
            match JsFuture::from(mount_demo(&url, &host, &spec, index)).await {
                Ok(handle) => {
                    let mut m = mounted.borrow_mut();
                    if m.gone {
                        unmount(&handle);
                    } else {
                        m.handle = Some(handle);
                    }
                }
                Err(e) => leptos::logging::warn!(
                    "the live demo could not load ({e:?}); its static picture stays"
                ),
            }
        });
    });
    let on_leave = SendWrapper::new(mounted);
    on_cleanup(move || {
        let mut m = on_leave.borrow_mut();
        m.gone = true;
        if let Some(handle) = m.handle.take() {
            unmount(&handle);
        }
    });
    view! { <div class="demo-slot" node_ref=slot inner_html=figure></div> }
}
