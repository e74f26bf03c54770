//! `/posts/<slug>/`: one article, its HTML blocks and live demos.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use page_data::{article_data_path, Article};

use crate::components::data_page;
use crate::demo_slot::DemoSlot;
use crate::site_meta::{page_title, PageTitle};

/// A demo's spec as the shell takes it: which demo (its key, which names
/// its module) and its spec as JSON text for that module, which reads it.
/// The shell reads none of the spec: the parsed value (`{"<key>": {...}}`)
/// is kept as it is (`serde_wasm_bindgen::preserve`), and the part under
/// the key written back to text.
pub struct SpecJson {
    key: String,
    spec: String,
}

impl<'de> serde::Deserialize<'de> for SpecJson {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value: wasm_bindgen::JsValue = serde_wasm_bindgen::preserve::deserialize(d)?;
        let object = js_sys::Object::try_from(&value)
            .ok_or_else(|| serde::de::Error::custom("a demo spec that is not an object"))?;
        let key = js_sys::Object::keys(object)
            .get(0)
            .as_string()
            .ok_or_else(|| serde::de::Error::custom("a demo spec without its demo's key"))?;
        js_sys::Reflect::get(&value, &wasm_bindgen::JsValue::from_str(&key))
            .ok()
            .and_then(|body| js_sys::JSON::stringify(&body).ok())
            .and_then(|text| text.as_string())
            .map(|spec| SpecJson { key, spec })
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
    let module = page_data::demo_module(&spec.key);
    view! { <DemoSlot module spec=spec.spec figure index /> }.into_any()
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
