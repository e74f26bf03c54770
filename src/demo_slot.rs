//! Where a demo goes on a post page. The shell shows the demo's static
//! picture (drawn at build time) in a slot and, once the slot comes near
//! the screen (as `loading="lazy"` does for images), asks the demo's own
//! wasm module (`src/bin/demo_<key>.rs`), fetched only then
//! ([`crate::lazy_module`]), to mount the live demo into it; leaving the
//! page unmounts it, which ends its worker. The shell itself links no demo
//! or simulation code.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::intersection::{self, Watch};
use crate::lazy_module;

/// How near the screen a slot must come for its demo to load: within one
/// screen height of the visible part of the page.
const NEAR_SCREEN: &str = "100% 0px";

/// A slot's state: the observer waiting for it to come near, then the
/// mounted demo (the demo module's `MountedDemo`).
#[derive(Default)]
struct Slot {
    watching: Option<Watch>,
    loading: bool,
    handle: Option<JsValue>,
    /// The slot left the page (a demo arriving late is unmounted at once).
    gone: bool,
}

/// Fetches the demo's module (once per page load; `module` is its name) and
/// mounts the demo.
fn load(slot: Rc<RefCell<Slot>>, host: HtmlElement, module: &str, spec: String, index: usize) {
    {
        let mut s = slot.borrow_mut();
        if s.loading || s.gone {
            return;
        }
        s.loading = true;
        s.watching = None;
    }
    let file = format!("{module}.js");
    leptos::task::spawn_local(async move {
        let module = lazy_module::load(&file).await;
        lazy_module::next_task().await;
        if slot.borrow().gone {
            return;
        }
        let mounted = module.and_then(|module| {
            let args = [
                &JsValue::from(host),
                &JsValue::from_str(&spec),
                &JsValue::from(index),
            ];
            lazy_module::call(&module, "mount_demo", &args)
        });
        match mounted {
            Ok(handle) => {
                let mut s = slot.borrow_mut();
                if s.gone {
                    lazy_module::unmount(&handle);
                } else {
                    s.handle = Some(handle);
                }
            }
            Err(e) => leptos::logging::warn!(
                "the live demo could not load ({e:?}); its static picture stays"
            ),
        }
    });
}

/// Calls `load` once `host` comes near the screen (at once where the
/// browser has no IntersectionObserver).
fn when_near(slot: &Rc<RefCell<Slot>>, host: &HtmlElement, load: impl Fn() + 'static) {
    let load = Rc::new(load);
    let on_near = Rc::clone(&load);
    let near = move |near: bool| {
        if near {
            on_near();
        }
    };
    match intersection::watch(host, NEAR_SCREEN, near) {
        Some(watch) => slot.borrow_mut().watching = Some(watch),
        None => load(),
    }
}

/// Demo number `index` of the page: `module` is its demo's module
/// (`page_data::demo_module`), `spec` its spec as that module reads it,
/// `figure` its static picture.
#[component]
pub fn DemoSlot(module: String, spec: String, figure: String, index: usize) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    let slot = Rc::new(RefCell::new(Slot::default()));
    let on_mount = Rc::clone(&slot);
    Effect::new(move |_| {
        let Some(host) = node.get() else { return };
        let host: HtmlElement = host.into();
        let (state, spec, target) = (Rc::clone(&on_mount), spec.clone(), host.clone());
        let module = module.clone();
        when_near(&on_mount, &host, move || {
            load(
                Rc::clone(&state),
                target.clone(),
                &module,
                spec.clone(),
                index,
            )
        });
    });
    let on_leave = SendWrapper::new(slot);
    on_cleanup(move || {
        let mut s = on_leave.borrow_mut();
        s.gone = true;
        s.watching = None;
        if let Some(handle) = s.handle.take() {
            lazy_module::unmount(&handle);
        }
    });
    view! { <views::DemoFigure figure node_ref=node /> }
}
