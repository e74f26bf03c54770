//! The demos module: the live demos (controls, charts, playback) as a wasm
//! module of their own, which the blog shell imports only on a page with a
//! demo (`src/demo_slot.rs`, `src/lazy_module.rs`). The simulations run in
//! the sim worker (`src/bin/sim_worker.rs`), not here.
//!
//! trunk builds it from a `data-type="worker"` link with the `web` bindgen
//! target: an ES module named without a hash, which the shell finds by name.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// A mounted demo; `unmount()` takes it off the page and ends its worker.
    #[wasm_bindgen]
    pub struct MountedDemo(Option<site::demos::MountedDemo>);

    #[wasm_bindgen]
    impl MountedDemo {
        pub fn unmount(&mut self) {
            self.0.take();
        }
    }

    /// Mounts demo number `index` of the page (its spec as the article data
    /// has it) into `host`.
    #[wasm_bindgen]
    pub fn mount_demo(
        host: web_sys::HtmlElement,
        spec: &str,
        index: usize,
    ) -> Result<MountedDemo, JsValue> {
        site::demos::mount(host, spec, index)
            .map(|demo| MountedDemo(Some(demo)))
            .map_err(|e| JsValue::from_str(&e))
    }
}

/// Nothing runs at start: the shell calls `mount_demo`.
fn main() {}
