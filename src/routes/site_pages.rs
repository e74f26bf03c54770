//! The site's own pages: About (from Markdown) and Current Focus (from a
//! data file). Same markup as the build's `about_main` and `focus_main`.

use leptos::prelude::*;
use leptos_meta::Title;
use page_data::{about_data_path, focus_data_path, AboutPage, Block, FocusPage};

use crate::components::{data_page, post_link};
use crate::site_meta::page_title;

#[component]
pub fn About() -> impl IntoView {
    view! {
        {data_page(about_data_path, "the About page", |page: AboutPage<serde_json::Value>| view! {
            <Title text=page_title(&page.title) />
            <article class="page about">
                <h1>{page.title.clone()}</h1>
                <div class="post-body">
                    {page.blocks.into_iter().filter_map(|b| match b {
                        Block::Html { html } => Some(view! { <div class="html-block" inner_html=html></div> }),
                        Block::Demo { .. } => None,
                    }).collect_view()}
                </div>
            </article>
        })}
    }
}

#[component]
pub fn Focus() -> impl IntoView {
    view! {
        {data_page(focus_data_path, "the Current Focus page", |page: FocusPage| view! {
            <Title text=page_title(&page.title) />
            <article class="page focus">
                <h1>{page.title.clone()}</h1>
                <p class="lede">{page.intro.clone()}</p>
                {page.updated.clone().map(|u| view! { <p class="updated">"Last revised " <time datetime=u.clone()>{u.clone()}</time> "."</p> })}
                {page.areas.into_iter().map(|a| {
                    let (title_id, labelled_by) = (format!("{}-title", a.key), format!("{}-title", a.key));
                    view! {
                        <section class="focus-area" id=a.key.clone() aria-labelledby=labelled_by>
                            <h2 id=title_id>{a.name.clone()} " " <span class=format!("focus-status status-{}", a.status.key())>{a.status.label()}</span></h2>
                            <p>{a.summary.clone()}</p>
                            <ul class="focus-points">{a.points.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                            {(!a.posts.is_empty()).then(|| view! {
                                <p class="focus-posts-label">"Posts from here:"</p>
                                <ul class="focus-posts">{a.posts.iter().map(|p| view! { <li>{post_link(p)}</li> }).collect_view()}</ul>
                            })}
                        </section>
                    }
                }).collect_view()}
            </article>
        })}
    }
}
