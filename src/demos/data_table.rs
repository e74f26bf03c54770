//! A chart's numbers as a table, folded under a summary line, for readers
//! who do not see the canvas (and anyone who wants the figures).
//!
//! The rows are computed and drawn only while the table is open: a run at
//! a demo's most expensive settings has hundreds of rows, and building them
//! for a folded table was a main-thread task after every run
//! (PERFORMANCE.md). Opened, the table follows the run as before.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn DataTable(
    /// The line the table is folded under.
    summary: &'static str,
    caption: &'static str,
    columns: &'static [&'static str],
    /// One entry per row, one text per column; read only while open.
    rows: Signal<Vec<Vec<String>>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let on_toggle = move |ev: leptos::ev::Event| {
        let details = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok());
        open.set(details.is_some_and(|d| d.open()));
    };
    view! {
        <details class="data-table" on:toggle=on_toggle>
            <summary>{summary}</summary>
            // A table wider than a phone scrolls in its own box, which the
            // keyboard can reach and scroll (as the consensus servers' table).
            <div class="data-table-scroll" tabindex="0" role="region" aria-label=caption>
                <table>
                    <caption>{caption}</caption>
                    <thead>
                        <tr>{columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {move || {
                            open.get().then(|| {
                                rows.get()
                                    .into_iter()
                                    .map(|row| view! { <tr>{row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr> })
                                    .collect_view()
                            })
                        }}
                    </tbody>
                </table>
            </div>
        </details>
    }
}
