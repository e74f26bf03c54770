//! Date (and update), area, kind, reading time and tags of a post; the
//! area and tags link to their pages. Same markup as the build's
//! `post_meta_line`.

use leptos::prelude::*;
use page_data::{area_route, tag_route, tag_slug, PostSummary};

use crate::data::site_url;

#[component]
pub fn PostMeta(meta: PostSummary) -> impl IntoView {
    let datetime = meta.date.clone();
    let updated = meta.updated.clone().map(|u| {
        let dt = u.clone();
        view! { " · " <span class="updated">"updated " <time datetime=dt>{u}</time></span> }
    });
    let reading = (meta.reading_minutes > 0).then(|| {
        view! { " · " <span class="reading-time">{format!("{} min read", meta.reading_minutes)}</span> }
    });
    view! {
        <p class="post-meta" data-pagefind-ignore="">
            <time datetime=datetime data-pagefind-meta="date">{meta.date}</time>
            {updated}
            " · "
            <a class="area" href=site_url(&area_route(&meta.area)) data-pagefind-meta="area">{meta.area_name}</a>
            " · "
            <span class="kind">{meta.kind.label()}</span>
            {reading}
        </p>
        <ul class="tags" aria-label="Tags" data-pagefind-ignore="">
            {meta
                .tags
                .into_iter()
                .map(|t| {
                    let href = site_url(&tag_route(&tag_slug(&t)));
                    view! { <li class="tag"><a href=href>{t}</a></li> }
                })
                .collect_view()}
        </ul>
    }
}
