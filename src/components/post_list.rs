//! A list of posts: title, meta line and summary each.

use leptos::prelude::*;
use page_data::{post_route, PostSummary};

use super::PostMeta;
use crate::data::site_url;

#[component]
pub fn PostList(posts: Vec<PostSummary>) -> impl IntoView {
    view! {
        <ol class="post-list">
            {posts
                .into_iter()
                .map(|post| {
                    let href = site_url(&post_route(&post.slug));
                    let (title, summary) = (post.title.clone(), post.summary.clone());
                    view! {
                        <li class="post-item">
                            <h2><a href=href>{title}</a></h2>
                            <PostMeta meta=post />
                            <p class="summary">{summary}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
