//! A chart's numbers as a table, folded under a summary line, for readers
//! who do not see the canvas (and anyone who wants the figures).

use leptos::prelude::*;

#[component]
pub fn DataTable(
    /// The line the table is folded under.
    summary: &'static str,
    caption: &'static str,
    columns: &'static [&'static str],
    /// One entry per row, one text per column.
    rows: Signal<Vec<Vec<String>>>,
) -> impl IntoView {
    view! {
        <details class="data-table">
            <summary>{summary}</summary>
            <table>
                <caption>{caption}</caption>
                <thead>
                    <tr>{columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {move || {
                        rows.get()
                            .into_iter()
                            .map(|row| view! { <tr>{row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr> })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </details>
    }
}
