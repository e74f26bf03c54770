//! A chart's legend in HTML, beside the canvas rather than over the lines.
//! Swatches are SVG `fill`s, not inline styles (a strict CSP allows them).

use leptos::prelude::*;

#[component]
pub fn Legend(items: Vec<(&'static str, plotters::style::RGBColor)>) -> impl IntoView {
    view! {
        <ul class="legend">
            {items
                .into_iter()
                .map(|(label, color)| {
                    view! {
                        <li>
                            <svg width="14" height="10" aria-hidden="true">
                                <rect width="14" height="10" rx="2" fill=charts::css_color(color)></rect>
                            </svg>
                            {label}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
