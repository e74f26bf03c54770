//! `/posts/<slug>/`: one article, its HTML blocks and live demos.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use page_data::{article_data_path, Article};
use wasm_bindgen::JsValue;

use crate::components::data_page;
use crate::demo_slot::DemoSlot;
use crate::late_styles::link_late_styles;
use crate::site_meta::{page_title, PageTitle};

/// A demo's spec as the shell takes it: which demo (its key, which names
/// its module) and its spec as JSON text for that module, which reads it;
/// `None` for a spec the shell cannot hand on (the build writes none: its
/// demo then stays the static picture). The shell reads none of the spec:
/// the parsed value (`{"<key>": {...}}`) is kept as it is
/// (`serde_wasm_bindgen::preserve`), and the part under the key written
/// back to text.
pub struct SpecJson(Option<(String, String)>);

impl<'de> serde::Deserialize<'de> for SpecJson {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value: JsValue = serde_wasm_bindgen::preserve::deserialize(d)?;
        Ok(SpecJson(key_and_spec(&value)))
    }
}

/// The demo's key and its spec as text, if `value` is an object with one
/// key that can be a demo's (lowercase letters and hyphens: it names the
/// module to import).
fn key_and_spec(value: &JsValue) -> Option<(String, String)> {
    let keys = js_sys::Object::keys(js_sys::Object::try_from(value)?);
    let key = (keys.length() == 1).then(|| keys.get(0).as_string())??;
    let demo_key = !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
    if !demo_key {
        return None;
    }
    let spec = js_sys::Reflect::get(value, &JsValue::from_str(&key)).ok()?;
    let text = js_sys::JSON::stringify(&spec).ok()?.as_string()?;
    Some((key, text))
}

/// A post as the shell reads it.
type ShellArticle = Article<SpecJson>;

#[component]
fn ArticleView(article: ShellArticle) -> impl IntoView {
    let title = article.meta.title.clone();
    link_late_styles(&article.blocks);
    view! {
        <PageTitle text=page_title(&title) />
        {views::article_view(article, live_demo)}
    }
}

/// A demo on a live page: its slot, which mounts the live demo when near.
pub fn live_demo(index: usize, spec: SpecJson, figure: String) -> AnyView {
    match spec.0 {
        Some((key, spec)) => {
            let module = page_data::demo_module(&key);
            view! { <DemoSlot module spec figure index /> }.into_any()
        }
        None => view! { <views::DemoFigure figure node_ref=NodeRef::new() /> }.into_any(),
    }
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
