//! `/search/`: the shell's side of the search page. The page is the same
//! as without the app (`views::SearchWithoutScript`: the form, and the
//! archive as the way to every post) until the search module, a wasm
//! module of its own fetched only on this route ([`crate::lazy_module`]),
//! puts the live search in its place (`src/search.rs`). Other pages do not
//! fetch the search page's code.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::lazy_module;
use crate::site_meta::{page_title, PageTitle};
use crate::takeover::RouteReady;

/// The search module's JS glue (trunk's output for `src/bin/search.rs`).
const SEARCH_MODULE: &str = "search.js";

/// The live search on the page: the search module's `MountedSearch`, and
/// the callback it puts each new query's address through.
#[derive(Default)]
struct Mounted {
    handle: Option<JsValue>,
    show_address: Option<Closure<dyn Fn(String)>>,
    /// The route was left (a module arriving late mounts nothing).
    gone: bool,
}

#[component]
pub fn SearchPage() -> impl IntoView {
    // Read once: the live search keeps the query from here on, and puts it
    // in the address itself.
    let query = use_query_map()
        .read_untracked()
        .get("q")
        .unwrap_or_default();
    let navigate = use_navigate();
    let node = NodeRef::<Div>::new();
    let mounted = Rc::new(RefCell::new(Mounted::default()));
    let on_host = Rc::clone(&mounted);
    Effect::new(move |_| {
        let Some(host) = node.get() else { return };
        let (mounted, query, navigate) = (Rc::clone(&on_host), query.clone(), navigate.clone());
        leptos::task::spawn_local(async move {
            let module = match lazy_module::load(SEARCH_MODULE).await {
                Ok(module) => module,
                Err(e) => {
                    leptos::logging::warn!("search could not load ({e:?}); the form stays");
                    return;
                }
            };
            let mut m = mounted.borrow_mut();
            if m.gone {
                return;
            }
            let show_address = Closure::<dyn Fn(String)>::new(move |href: String| {
                navigate(
                    &href,
                    NavigateOptions {
                        replace: true,
                        scroll: false,
                        // `href` already carries the site's base path.
                        resolve: false,
                        ..Default::default()
                    },
                )
            });
            let args = [
                &JsValue::from(host),
                &JsValue::from_str(&query),
                show_address.as_ref().unchecked_ref(),
            ];
            match lazy_module::call(&module, "mount_search", &args) {
                Ok(handle) => {
                    m.handle = Some(handle);
                    m.show_address = Some(show_address);
                }
                Err(e) => leptos::logging::warn!("search could not start ({e:?}); the form stays"),
            }
        });
    });
    let on_leave = SendWrapper::new(mounted);
    on_cleanup(move || {
        let mut m = on_leave.borrow_mut();
        m.gone = true;
        if let Some(handle) = m.handle.take() {
            lazy_module::unmount(&handle);
        }
        m.show_address.take();
    });
    view! {
        <PageTitle text=page_title("Search") />
        <div class="search-slot" node_ref=node>
            <views::SearchWithoutScript />
        </div>
        <RouteReady />
    }
}
