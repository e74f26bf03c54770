//! The search module: the live search page as a wasm module of its own,
//! which the blog shell imports only on `/search/` (`src/routes/search.rs`,
//! `src/lazy_module.rs`): its views and lists are code no other page shows.
//!
//! trunk builds it from a `data-type="worker"` link with the `web` bindgen
//! target: an ES module named without a hash, which the shell finds by name.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// The mounted search page; `unmount()` takes it off the page.
    #[wasm_bindgen]
    pub struct MountedSearch(Option<site::search::MountedSearch>);

    #[wasm_bindgen]
    impl MountedSearch {
        pub fn unmount(&mut self) {
            self.0.take();
        }
    }

    /// Mounts the search page for `query` into `host`, in place of what it
    /// holds; `show_address(href)` is called with each new query's address.
    #[wasm_bindgen]
    pub fn mount_search(
        host: web_sys::HtmlElement,
        query: String,
        show_address: js_sys::Function,
    ) -> MountedSearch {
        MountedSearch(Some(site::search::mount(host, query, show_address)))
    }
}

/// Nothing runs at start: the shell calls `mount_search`.
fn main() {}
