//! The list pages: home, all tags, one tag, one area, the archive by year.

use leptos::prelude::*;
use page_data::format::count_label;
use page_data::{post_route, tag_route, Archive, AreaPage, PostIndex, TagIndex, TagPage};

use crate::post_list::PostList;
use crate::site::{href, site};

/// `/`: every post, newest first.
#[component]
pub fn HomeView(index: PostIndex) -> impl IntoView {
    view! {
        <section class="home">
            <h1>{site().title}</h1>
            <p class="lede">{index.description}</p>
            <PostList posts=index.posts />
        </section>
    }
}

/// `/tags/`.
#[component]
pub fn TagsIndexView(index: TagIndex) -> impl IntoView {
    view! {
        <section class="tags-index">
            <h1>"Tags"</h1>
            <ul class="tag-list">
                {index.tags.into_iter().map(|t| view! {
                    <li><a href=href(&tag_route(&t.slug))>{t.tag}</a> " " <span class="count">{count_label(t.count)}</span></li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// `/tags/<slug>/`.
#[component]
pub fn TagPostsView(page: TagPage) -> impl IntoView {
    view! {
        <section class="tag-page">
            <h1>"Posts tagged “" {page.tag.clone()} "”"</h1>
            <p class="lede">{count_label(page.posts.len())} ". " <a href=href("tags/")>"All tags"</a> "."</p>
            <PostList posts=page.posts />
        </section>
    }
}

/// `/areas/<key>/`.
#[component]
pub fn AreaPostsView(page: AreaPage) -> impl IntoView {
    let count = count_label(page.posts.len());
    let list = if page.posts.is_empty() {
        view! { <p class="empty">"Nothing here yet."</p> }.into_any()
    } else {
        view! { <PostList posts=page.posts /> }.into_any()
    };
    view! {
        <section class="area-page">
            <h1>{page.name.clone()}</h1>
            <p class="lede">{count} " in this area."</p>
            {list}
        </section>
    }
}

/// `/archive/`.
#[component]
pub fn ArchiveView(archive: Archive) -> impl IntoView {
    view! {
        <section class="archive">
            <h1>"Archive"</h1>
            {archive.years.into_iter().map(|y| {
                let (id, labelled_by) = (format!("year-{}", y.year), format!("year-{}", y.year));
                view! {
                    <section class="archive-year" aria-labelledby=labelled_by>
                        <h2 id=id>{y.year.clone()}</h2>
                        <ol>
                            {y.posts.into_iter().map(|m| view! {
                                <li><time datetime=m.date.clone()>{m.date.clone()}</time> " " <a href=href(&post_route(&m.slug))>{m.title.clone()}</a></li>
                            }).collect_view()}
                        </ol>
                    </section>
                }
            }).collect_view()}
        </section>
    }
}
