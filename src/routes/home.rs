//! `/`: every post, newest first.

use leptos::prelude::*;
use page_data::{index_data_path, PostIndex};

use crate::components::data_page;
use crate::site_meta::{site_title, PageTitle};

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <PageTitle text=site_title() />
        {data_page(index_data_path, "the posts", |index: PostIndex| view! { <views::HomeView index /> })}
    }
}
