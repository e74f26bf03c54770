//! `/posts/<slug>/`: one article, its HTML blocks and live demos.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use page_data::{article_data_path, Article};

use crate::components::data_page;
use crate::demo_slot::DemoSlot;
use crate::site_meta::page_title;

/// A demo's spec as the shell takes it: the data file's JSON text, unparsed,
/// for the demos module.
#[derive(serde::Deserialize)]
#[serde(transparent)]
pub struct SpecJson(Box<serde_json::value::RawValue>);

/// A post as the shell reads it.
type ShellArticle = Article<SpecJson>;

#[component]
fn ArticleView(article: ShellArticle) -> impl IntoView {
    let title = article.meta.title.clone();
    view! {
        <Title text=page_title(&title) />
        {views::article_view(article, live_demo)}
    }
}

/// A demo on a live page: its slot, which mounts the live demo when near.
pub fn live_demo(index: usize, spec: SpecJson, figure: String) -> AnyView {
    view! { <DemoSlot spec=spec.0.get().to_string() figure index /> }.into_any()
}

#[component]
pub fn PostPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    data_page(
        move || article_data_path(&slug()),
        "this post",
        |article: ShellArticle| view! { <ArticleView article /> },
    )
}
