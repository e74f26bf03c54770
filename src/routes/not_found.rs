//! Any other address.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::site_meta::page_title;
use crate::takeover::RouteReady;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Title text=page_title("Page not found") />
        <section class="not-found">
            <h1>"Page not found"</h1>
            <p>"There is no page at this address. " <a href=crate::data::site_url("")>"See all posts"</a> "."</p>
            <RouteReady />
        </section>
    }
}
