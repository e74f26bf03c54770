//! A list of posts: title, meta line and summary each.

use leptos::prelude::*;
use page_data::{post_route, PostSummary};

use crate::post_meta::PostMeta;
use crate::site::href;

#[component]
pub fn PostList(posts: Vec<PostSummary>) -> impl IntoView {
    view! {
        <ol class="post-list">
            {posts
                .into_iter()
                .map(|post| {
                    let link = href(&post_route(&post.slug));
                    let (title, summary) = (post.title.clone(), post.summary.clone());
                    view! {
                        <li class="post-item">
                            <h2><a href=link>{title}</a></h2>
                            <PostMeta meta=post />
                            <p class="summary">{summary}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
