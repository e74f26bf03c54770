//! Any other address.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::site_meta::page_title;
use crate::takeover::RouteReady;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Title text=page_title("Page not found") />
        <views::NotFoundView />
        <RouteReady />
    }
}
