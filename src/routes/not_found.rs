//! Any other address.

use leptos::prelude::*;

use crate::site_meta::{page_title, PageTitle};
use crate::takeover::RouteReady;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <PageTitle text=page_title("Page not found") />
        <views::NotFoundView />
        <RouteReady />
    }
}
