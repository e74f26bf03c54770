// Starts the contention sweep's worker (src/bin/sweep_worker.rs): loads
// wasm-bindgen's glue and the module beside this file, and tells the page
// if the module cannot start (a rejected promise inside a worker would not
// reach the page on its own), so the page computes the sweep itself.
/* global wasm_bindgen */
importScripts('./sweep_worker.js');
wasm_bindgen({ module_or_path: './sweep_worker_bg.wasm' }).catch((e) => {
  postMessage('failed: ' + e);
});
