//! The site's own pages: About (from Markdown), Current Focus (from a data
//! file), and the page for any other address.

use leptos::prelude::*;
use page_data::{AboutPage, FocusPage};

use crate::article::blocks_view;
use crate::post_links::post_link;
use crate::site::href;

/// `/about/`; its demos, if any, render as `demo` says (see `blocks_view`).
pub fn about_view<D>(
    page: AboutPage<D>,
    demo: impl FnMut(usize, D, String) -> AnyView,
) -> impl IntoView {
    view! {
        <article class="page about">
            <h1>{page.title}</h1>
            <div class="post-body">{blocks_view(page.blocks, demo)}</div>
        </article>
    }
}

/// `/focus/`.
#[component]
pub fn FocusView(page: FocusPage) -> impl IntoView {
    view! {
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
    }
}

/// Any other address.
#[component]
pub fn NotFoundView() -> impl IntoView {
    view! {
        <section class="not-found">
            <h1>"Page not found"</h1>
            <p>"There is no page at this address. " <a href=href("")>"See all posts"</a> "."</p>
        </section>
    }
}

/// `/search/` as a page without the app: the form, and where to look
/// instead (the index is searched in the browser). The app shows it too
/// until the search module has loaded, and then puts the live search page
/// in its place (`src/routes/search.rs`).
#[component]
pub fn SearchWithoutScript() -> impl IntoView {
    view! {
        <section class="search">
            <h1>"Search"</h1>
            <form role="search" action=href("search/") method="get">
                <label for="search-q">"Search the posts"</label>
                <input id="search-q" type="search" name="q" autocomplete="off" />
            </form>
            <p class="search-status">
                "Search runs here in your browser, with JavaScript; the "
                <a href=href("archive/")>"archive"</a>
                " lists every post."
            </p>
        </section>
    }
}
