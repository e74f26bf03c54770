//! Live demos: one Rust module per demo, each controls + views over a sim
//! scenario. No simulation logic here: the sim decides what happens, on
//! the demo's web worker ([`live_run`]), or on the page where no worker
//! starts.
//!
//! Each demo is a wasm module of its own (`src/bin/demo_<key>.rs`, made
//! with [`demo_module!`](crate::demo_module)) that the blog shell imports
//! only on a page with that demo, and that the demo's web worker runs too;
//! the shell never links it (see `crate::demo_slot`).

mod breaker;
mod canvas;
mod canvas_backend;
mod consensus;
mod contention;
mod controls;
mod data_table;
mod deep_space;
mod download;
mod export;
mod legend;
mod live_run;
mod motion;
mod mount;
mod on_screen;
mod playback;
mod queue;
mod redraw_epoch;
mod retry;
mod seed;
pub(crate) mod sim_worker;
mod state;
mod storm;
mod trace_note;
mod url_state;

pub use breaker::BreakerDemo;
pub use consensus::ConsensusDemo;
pub use contention::ContentionDemo;
pub use deep_space::DeepSpaceDemo;
pub use mount::{mount, MountedDemo};
pub use queue::QueueDemo;
pub use retry::RetryDemo;
pub use storm::StormDemo;
pub use url_state::current_query;

/// A demo's wasm module (`src/bin/demo_<key>.rs`): what it exports to the
/// shell (`mount_demo`, which mounts the demo with `view`) and to its web
/// worker (`answer_run` for the runs of `run`, a [`RunRequest`]; or
/// `answer_sweep` for a sweep's cells). Each module links one demo, its
/// views and its simulation, so a post fetches only its own demo's code.
///
/// [`RunRequest`]: page_data::run_protocol::RunRequest
#[macro_export]
macro_rules! demo_module {
    (demo: $demo:expr, view: $view:expr $(, run: $request:ty)? $(, sweep: $sweep:path)? $(,)?) => {
        #[cfg(target_arch = "wasm32")]
        mod exports {
            use wasm_bindgen::prelude::*;

            /// A mounted demo; `unmount()` takes it off the page and ends
            /// its worker.
            #[wasm_bindgen]
            pub struct MountedDemo(Option<$crate::demos::MountedDemo>);

            #[wasm_bindgen]
            impl MountedDemo {
                pub fn unmount(&mut self) {
                    self.0.take();
                }
            }

            /// Mounts demo number `index` of the page (its spec as the
            /// article data has it, under the demo's key) into `host`.
            #[wasm_bindgen]
            pub fn mount_demo(
                host: web_sys::HtmlElement,
                spec: &str,
                index: usize,
            ) -> Result<MountedDemo, JsValue> {
                $crate::demos::mount($demo, host, spec, index, $view)
                    .map(|demo| MountedDemo(Some(demo)))
                    .map_err(|e| JsValue::from_str(&e))
            }

            $(
                /// On the worker: an encoded run task in, the encoded reply
                /// out.
                #[wasm_bindgen]
                pub fn answer_run(task: &[u8]) -> Vec<u8> {
                    page_data::run_reply::answer_run::<$request>(task)
                }
            )?

            $(
                /// On a worker: a sweep task in, its answer out (both text).
                #[wasm_bindgen]
                pub fn answer_sweep(task: &str) -> String {
                    $sweep(task)
                }
            )?
        }

        /// Nothing runs at start: the shell calls `mount_demo`, the worker
        /// its answers.
        fn main() {}
    };
}
