//! `/`: every post, newest first.

use leptos::prelude::*;
use leptos_meta::Title;
use page_data::{index_data_path, post_route, PostIndex, PostSummary};

use crate::components::PostMeta;
use crate::data::{fetch_json, site_url};
use crate::takeover::RouteReady;

#[component]
fn PostItem(post: PostSummary) -> impl IntoView {
    let href = site_url(&post_route(&post.slug));
    let summary = post.summary.clone();
    let title = post.title.clone();
    view! {
        <li class="post-item">
            <h2><a href=href>{title}</a></h2>
            <PostMeta meta=post />
            <p class="summary">{summary}</p>
        </li>
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    let index = LocalResource::new(|| async { fetch_json::<PostIndex>(&index_data_path()).await });
    let title = move || {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("meta[name='site-title']").ok().flatten())
            .and_then(|m| m.get_attribute("content"))
            .unwrap_or_default()
    };
    view! {
        <Title text=title() />
        <Suspense>
            {move || {
                index.get().map(|loaded| match loaded {
                    Ok(index) => view! {
                        <section class="home">
                            <h1>{title()}</h1>
                            <ol class="post-list">
                                {index.posts.into_iter().map(|post| view! { <PostItem post /> }).collect_view()}
                            </ol>
                            <RouteReady />
                        </section>
                    }.into_any(),
                    Err(e) => view! {
                        <section class="load-error"><h1>"Could not load the posts"</h1><p>{e.to_string()}</p><RouteReady /></section>
                    }.into_any(),
                })
            }}
        </Suspense>
    }
}
