//! `/posts/<slug>/`: one article, its HTML blocks and live demos.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use page_data::{article_data_path, Article};

use crate::components::data_page;
use crate::demo_slot::DemoSlot;
use crate::site_meta::{page_title, PageTitle};

/// A demo's spec as the shell takes it: JSON text for the demos module,
/// which reads it. The shell reads none of it: the parsed value is kept as
/// it is (`serde_wasm_bindgen::preserve`) and written back to text.
pub struct SpecJson(String);

impl<'de> serde::Deserialize<'de> for SpecJson {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value: wasm_bindgen::JsValue = serde_wasm_bindgen::preserve::deserialize(d)?;
        js_sys::JSON::stringify(&value)
            .ok()
            .and_then(|text| text.as_string())
            .map(SpecJson)
            .ok_or_else(|| serde::de::Error::custom("a demo spec that is not JSON"))
    }
}

/// A post as the shell reads it.
type ShellArticle = Article<SpecJson>;

#[component]
fn ArticleView(article: ShellArticle) -> impl IntoView {
    let title = article.meta.title.clone();
    view! {
        <PageTitle text=page_title(&title) />
        {views::article_view(article, live_demo)}
    }
}

/// A demo on a live page: its slot, which mounts the live demo when near.
pub fn live_demo(index: usize, spec: SpecJson, figure: String) -> AnyView {
    view! { <DemoSlot spec=spec.0 figure index /> }.into_any()
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
