//! The list pages: all tags, one tag, one area, the archive by year. Same
//! markup as the build's `pages.rs`.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use page_data::format::count_label;
use page_data::{
    archive_data_path, area_data_path, post_route, tag_data_path, tag_index_data_path, tag_route,
    Archive, AreaPage, TagIndex, TagPage,
};

use crate::components::{data_page, PostList};
use crate::data::site_url;
use crate::site_meta::page_title;

fn param(name: &'static str) -> impl Fn() -> String + Copy {
    let params = use_params_map();
    move || params.read().get(name).unwrap_or_default()
}

#[component]
pub fn TagsPage() -> impl IntoView {
    view! {
        <Title text=page_title("Tags") />
        {data_page(tag_index_data_path, "the tags", |index: TagIndex| view! {
            <section class="tags-index">
                <h1>"Tags"</h1>
                <ul class="tag-list">
                    {index.tags.into_iter().map(|t| view! {
                        <li><a href=site_url(&tag_route(&t.slug))>{t.tag}</a> " " <span class="count">{count_label(t.count)}</span></li>
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}

#[component]
pub fn TagPostsPage() -> impl IntoView {
    let slug = param("slug");
    view! {
        {data_page(move || tag_data_path(&slug()), "this tag", |page: TagPage| view! {
            <Title text=page_title(&format!("Tagged “{}”", page.tag)) />
            <section class="tag-page">
                <h1>"Posts tagged “" {page.tag.clone()} "”"</h1>
                <p class="lede">{count_label(page.posts.len())} ". " <a href=site_url("tags/")>"All tags"</a> "."</p>
                <PostList posts=page.posts />
            </section>
        })}
    }
}

#[component]
pub fn AreaPostsPage() -> impl IntoView {
    let key = param("key");
    view! {
        {data_page(move || area_data_path(&key()), "this area", |page: AreaPage| {
            let count = count_label(page.posts.len());
            let list = if page.posts.is_empty() {
                view! { <p class="empty">"Nothing here yet."</p> }.into_any()
            } else {
                view! { <PostList posts=page.posts /> }.into_any()
            };
            view! {
                <Title text=page_title(&page.name) />
                <section class="area-page">
                    <h1>{page.name.clone()}</h1>
                    <p class="lede">{count} " in this area."</p>
                    {list}
                </section>
            }
        })}
    }
}

#[component]
pub fn ArchivePage() -> impl IntoView {
    view! {
        <Title text=page_title("Archive") />
        {data_page(archive_data_path, "the archive", |archive: Archive| view! {
            <section class="archive">
                <h1>"Archive"</h1>
                {archive.years.into_iter().map(|y| {
                    let (id, labelled_by) = (format!("year-{}", y.year), format!("year-{}", y.year));
                    view! {
                        <section class="archive-year" aria-labelledby=labelled_by>
                            <h2 id=id>{y.year.clone()}</h2>
                            <ol>
                                {y.posts.into_iter().map(|m| view! {
                                    <li><time datetime=m.date.clone()>{m.date.clone()}</time> " " <a href=site_url(&post_route(&m.slug))>{m.title.clone()}</a></li>
                                }).collect_view()}
                            </ol>
                        </section>
                    }
                }).collect_view()}
            </section>
        })}
    }
}
