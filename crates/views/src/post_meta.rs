//! Date (and update), area, kind, reading time and tags of a post; the
//! area and each tag link to their pages.

use leptos::prelude::*;
use page_data::{area_route, tag_route, tag_slug, PostSummary};

use crate::site::href;

#[component]
pub fn PostMeta(meta: PostSummary) -> impl IntoView {
    let datetime = meta.date.clone();
    let updated = meta.updated.clone().map(|u| {
        let dt = u.clone();
        view! { " · " <span class="updated">"updated " <time datetime=dt>{u}</time></span> }
    });
    let reading = (meta.reading_minutes > 0).then(|| {
        view! { " · " <span class="reading-time">{format!("{}\u{a0}min\u{a0}read", meta.reading_minutes)}</span> }
    });
    view! {
        <p class="post-meta" data-pagefind-ignore="">
            <time datetime=datetime data-pagefind-meta="date">{meta.date}</time>
            {updated}
            " · "
            <a class="area" href=href(&area_route(&meta.area)) data-pagefind-meta="area">{meta.area_name}</a>
            " · "
            <span class="kind">{meta.kind.label()}</span>
            {reading}
        </p>
        <ul class="tags" aria-label="Tags" data-pagefind-ignore="">
            {meta
                .tags
                .into_iter()
                .map(|t| {
                    let link = href(&tag_route(&tag_slug(&t)));
                    view! { <li class="tag"><a href=link>{t}</a></li> }
                })
                .collect_view()}
        </ul>
    }
}
