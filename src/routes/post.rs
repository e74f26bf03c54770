//! `/posts/<slug>/`: one article, its HTML blocks and live demos.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use page_data::{article_data_path, Article};

use crate::data::fetch_json;
use crate::demo_slot::DemoSlot;
use crate::routes::NotFoundPage;
use crate::site_meta::page_title;
use crate::takeover::RouteReady;

/// A post as the shell reads it: demo specs as JSON for the demos module.
type ShellArticle = Article<serde_json::Value>;

#[component]
fn ArticleView(article: ShellArticle) -> impl IntoView {
    let title = article.meta.title.clone();
    view! {
        <Title text=page_title(&title) />
        {views::article_view(article, live_demo)}
    }
}

/// A demo on a live page: its slot, which mounts the live demo when near.
pub fn live_demo(index: usize, spec: serde_json::Value, figure: String) -> AnyView {
    view! { <DemoSlot spec=spec.to_string() figure index /> }.into_any()
}

#[component]
pub fn PostPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let article = LocalResource::new(move || {
        let slug = slug();
        async move { fetch_json::<ShellArticle>(&article_data_path(&slug)).await }
    });
    view! {
        <Suspense>
            {move || {
                article.get().map(|loaded| match loaded {
                    Ok(article) => view! { <ArticleView article /><RouteReady /> }.into_any(),
                    Err(e) if e.is_not_found() => view! { <NotFoundPage /> }.into_any(),
                    Err(e) => view! {
                        <section class="load-error"><h1>"Could not load this post"</h1><p>{e.to_string()}</p><RouteReady /></section>
                    }.into_any(),
                })
            }}
        </Suspense>
    }
}
