//! A post: correction notes, title and meta, table of contents, its blocks
//! (HTML, and each demo as its static figure in the slot the live demo
//! mounts into), then related and previous/next posts.

use leptos::html::Div;
use leptos::prelude::*;
use page_data::{Article, Block};

use crate::post_links::{CorrectionNotes, PostNavigation, TableOfContents};
use crate::post_meta::PostMeta;

/// The slot of a demo, holding its static figure (drawn at build time).
/// The app passes a `node_ref` to mount the live demo into it; the build
/// renders it as it is.
#[component]
pub fn DemoFigure(figure: String, node_ref: NodeRef<Div>) -> impl IntoView {
    view! { <div class="demo-slot" data-pagefind-ignore="" node_ref=node_ref inner_html=figure></div> }
}

/// The blocks of a page in order: HTML as written, and each demo as
/// `demo(number on the page from 1, spec, figure)` renders it (the app's
/// live slot, or the build's `DemoFigure`).
pub fn blocks_view<D>(
    blocks: Vec<Block<D>>,
    mut demo: impl FnMut(usize, D, String) -> AnyView,
) -> impl IntoView {
    let mut index = 0;
    blocks
        .into_iter()
        .map(|block| match block {
            Block::Html { html } => {
                view! { <div class="html-block" inner_html=html></div> }.into_any()
            }
            Block::Demo { demo: spec, figure } => {
                index += 1;
                demo(index, *spec, figure)
            }
        })
        .collect_view()
}

/// A whole post page's main content.
pub fn article_view<D>(
    article: Article<D>,
    demo: impl FnMut(usize, D, String) -> AnyView,
) -> impl IntoView {
    let Article {
        meta,
        toc,
        blocks,
        corrected_by,
        corrects,
        previous,
        next,
        related,
        ..
    } = article;
    let title = meta.title.clone();
    view! {
        <article class="post" data-pagefind-body="">
            <CorrectionNotes corrected_by corrects />
            <header>
                <h1>{title}</h1>
                <PostMeta meta />
            </header>
            <TableOfContents toc />
            <div class="post-body">{blocks_view(blocks, demo)}</div>
        </article>
        <PostNavigation previous next related />
    }
}
