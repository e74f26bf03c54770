//! The list pages: all tags, one tag, one area, the archive by year (their
//! markup is the views crate's, as in the prerendered pages).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use page_data::{
    archive_data_path, area_data_path, tag_data_path, tag_index_data_path, Archive, AreaPage,
    TagIndex, TagPage,
};
use views::{ArchiveView, AreaPostsView, TagPostsView, TagsIndexView};

use crate::components::data_page;
use crate::site_meta::{page_title, PageTitle};

fn param(name: &'static str) -> impl Fn() -> String + Copy {
    let params = use_params_map();
    move || params.read().get(name).unwrap_or_default()
}

#[component]
pub fn TagsPage() -> impl IntoView {
    view! {
        <PageTitle text=page_title("Tags") />
        {data_page(tag_index_data_path, "the tags", |index: TagIndex| view! { <TagsIndexView index /> })}
    }
}

#[component]
pub fn TagPostsPage() -> impl IntoView {
    let slug = param("slug");
    view! {
        {data_page(move || tag_data_path(&slug()), "this tag", |page: TagPage| view! {
            <PageTitle text=page_title(&format!("Tagged “{}”", page.tag)) />
            <TagPostsView page />
        })}
    }
}

#[component]
pub fn AreaPostsPage() -> impl IntoView {
    let key = param("key");
    view! {
        {data_page(move || area_data_path(&key()), "this area", |page: AreaPage| view! {
            <PageTitle text=page_title(&page.name) />
            <AreaPostsView page />
        })}
    }
}

#[component]
pub fn ArchivePage() -> impl IntoView {
    view! {
        <PageTitle text=page_title("Archive") />
        {data_page(archive_data_path, "the archive", |archive: Archive| view! { <ArchiveView archive /> })}
    }
}
