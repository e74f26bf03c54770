//! The sim's benchmark workloads (`sim::workloads`), callable from
//! JavaScript so that headless Chromium can time them in wasm exactly as
//! criterion times them natively. Each function runs one workload with the
//! given seed and returns the number of events it processed; `run_digest`
//! fingerprints a whole run so the browser tests can compare it with native.

use sim::{run_contention, run_retry, run_storm, workloads};
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
pub fn storm_events(seed: u32) -> f64 {
    run_storm(&workloads::storm(), u64::from(seed)).events as f64
}

#[wasm_bindgen]
pub fn contention_events(seed: u32) -> f64 {
    run_contention(&workloads::contention(), u64::from(seed)).events as f64
}

#[wasm_bindgen]
pub fn contention_1000_events(seed: u32) -> f64 {
    run_contention(&workloads::contention_1000(), u64::from(seed)).events as f64
}

#[wasm_bindgen]
pub fn retry_events(seed: u32) -> f64 {
    run_retry(&workloads::retry(), u64::from(seed)).events as f64
}

/// The digest of a default run with its full event log (see
/// `sim::default_run_digest`) of the demo whose key is `name`; empty for an
/// unknown name.
#[wasm_bindgen]
pub fn run_digest(name: &str, seed: u32) -> String {
    sim::Demo::from_key(name)
        .map(|demo| sim::default_run_digest(demo, u64::from(seed)))
        .unwrap_or_default()
}

/// The keys of every demo (`sim::Demo::ALL`), one per line: the browser
/// test checks that the wasm knows the same demos as `sim --list`.
#[wasm_bindgen]
pub fn demo_keys() -> String {
    sim::Demo::ALL.map(sim::Demo::key).join("\n")
}
