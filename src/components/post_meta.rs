//! Date, area, kind and tags of a post.

use leptos::prelude::*;
use page_data::PostSummary;

#[component]
pub fn PostMeta(meta: PostSummary) -> impl IntoView {
    let datetime = meta.date.clone();
    view! {
        <p class="post-meta">
            <time datetime=datetime>{meta.date}</time>
            " · "
            <span class="area">{meta.area_name}</span>
            " · "
            <span class="kind">{meta.kind.label()}</span>
        </p>
        <ul class="tags" aria-label="Tags">
            {meta.tags.into_iter().map(|t| view! { <li class="tag">{t}</li> }).collect_view()}
        </ul>
    }
}
