//! `/posts/<slug>/`: one article, its HTML blocks and live demos.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use page_data::{article_data_path, Article, Block};

use crate::components::{CorrectionNotes, PostMeta, PostNavigation, TableOfContents};
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
    let Article {
        toc,
        corrected_by,
        corrects,
        previous,
        next,
        related,
        ..
    } = article.clone();
    let mut demo_index = 0;
    let blocks = article
        .blocks
        .clone()
        .into_iter()
        .map(|block| match block {
            Block::Html { html } => {
                view! { <div class="html-block" inner_html=html></div> }.into_any()
            }
            Block::Demo { demo, figure } => {
                demo_index += 1;
                view! { <DemoSlot spec=demo.to_string() figure index=demo_index /> }.into_any()
            }
        })
        .collect_view();
    view! {
        <Title text=page_title(&title) />
        <article class="post" data-pagefind-body="">
            <CorrectionNotes corrected_by corrects />
            <header>
                <h1>{title}</h1>
                <PostMeta meta=article.meta />
            </header>
            <TableOfContents toc />
            <div class="post-body">{blocks}</div>
        </article>
        <PostNavigation previous next related />
    }
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
