//! The site's own pages: About (from Markdown) and Current Focus (from a
//! data file); their markup is the views crate's, as in the prerendered
//! pages.

use leptos::prelude::*;
use page_data::{about_data_path, focus_data_path, AboutPage, FocusPage};

use crate::components::data_page;
use crate::late_styles::link_late_styles;
use crate::routes::post::{live_demo, SpecJson};
use crate::site_meta::{page_title, PageTitle};

#[component]
pub fn About() -> impl IntoView {
    view! {
        {data_page(about_data_path, "the About page", |page: AboutPage<SpecJson>| {
            link_late_styles(&page.blocks);
            view! {
                <PageTitle text=page_title(&page.title) />
                {views::about_view(page, live_demo)}
            }
        })}
    }
}

#[component]
pub fn Focus() -> impl IntoView {
    view! {
        {data_page(focus_data_path, "the Current Focus page", |page: FocusPage| view! {
            <PageTitle text=page_title(&page.title) />
            <views::FocusView page />
        })}
    }
}
