//! `/`: every post, newest first.

use leptos::prelude::*;
use leptos_meta::Title;
use page_data::{index_data_path, post_route, PostIndex, PostSummary};

use crate::components::PostMeta;
use crate::data::{fetch_json, site_url};
use crate::site_meta::site_title;
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
    view! {
        <Title text=site_title() />
        <Suspense>
            {move || {
                index.get().map(|loaded| match loaded {
                    Ok(index) => view! {
                        <section class="home">
                            <h1>{site_title()}</h1>
                            <p class="lede">{index.description}</p>
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
