//! The note under a demo whose run was too long to bring to the page whole
//! (`page_data::run_protocol::PAGE_TRACE_LIMIT`): what the pictures show,
//! and that the numbers do not depend on it.

use leptos::prelude::*;
use page_data::run_protocol::PAGE_TRACE_LIMIT;

/// Shown when `cut` holds the run's whole event count (its trace was cut).
#[component]
pub fn TraceNote(#[prop(into)] cut: Signal<Option<u64>>) -> impl IntoView {
    move || {
        cut.get().map(|events| {
            view! {
                <p class="demo-note" data-testid="trace-note">
                    {format!(
                        "A long run: the pictures and playback show its first {PAGE_TRACE_LIMIT} events; every number counts the whole run ({events} events)."
                    )}
                </p>
            }
        })
    }
}

/// The whole run's event count if a trace of `shown` events was cut.
pub fn cut_at(shown: usize, events: u64) -> Option<u64> {
    (shown >= PAGE_TRACE_LIMIT).then_some(events)
}
