//! `/search/`: full-text search over every post, offline. The index is a
//! static file fetched when this page opens (never before); the query is
//! in the URL (`?q=`), so a search can be shared.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use page_data::{post_route, search, search_index_path, SearchIndex};

use crate::data::{fetch_json, site_url};
use crate::site_meta::page_title;
use crate::takeover::RouteReady;

const MAX_RESULTS: usize = 20;

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let text = RwSignal::new(query.read_untracked().get("q").unwrap_or_default());
    let index =
        LocalResource::new(|| async { fetch_json::<SearchIndex>(&search_index_path()).await });
    let on_input = move |ev: leptos::ev::Event| {
        let q = event_target_value(&ev);
        text.set(q.clone());
        let encoded = String::from(js_sys::encode_uri_component(&q));
        let target = if q.is_empty() {
            site_url("search/")
        } else {
            format!("{}?q={encoded}", site_url("search/"))
        };
        navigate(
            &target,
            NavigateOptions {
                replace: true,
                scroll: false,
                // `target` already carries the site's base path.
                resolve: false,
                ..Default::default()
            },
        );
    };
    view! {
        <Title text=page_title("Search") />
        <section class="search">
            <h1>"Search"</h1>
            <form role="search" action=site_url("search/") method="get" on:submit=|ev| ev.prevent_default()>
                <label for="search-q">"Search the posts"</label>
                <input id="search-q" type="search" name="q" autocomplete="off" autofocus=true
                    prop:value=move || text.get() on:input=on_input />
            </form>
            <Suspense fallback=|| view! { <p class="search-status">"Loading the index…"</p> }>
                {move || index.get().map(|loaded| match loaded {
                    Ok(idx) => view! {
                        <div class="search-results" aria-live="polite">
                            {move || {
                                let q = text.get();
                                if q.trim().is_empty() {
                                    return view! { <p class="search-status">{format!("{} posts indexed.", idx.docs.len())}</p> }.into_any();
                                }
                                let hits = search(&idx, &q, MAX_RESULTS);
                                if hits.is_empty() {
                                    return view! { <p class="search-status">"No post matches."</p> }.into_any();
                                }
                                view! {
                                    <p class="search-status">{format!("{} {} found.", hits.len(), if hits.len() == 1 { "post" } else { "posts" })}</p>
                                    <ol class="post-list">
                                        {hits.into_iter().map(|h| {
                                            let d = &idx.docs[h.doc];
                                            view! {
                                                <li class="post-item">
                                                    <h2><a href=site_url(&post_route(&d.slug))>{d.title.clone()}</a></h2>
                                                    <p class="post-meta"><time datetime=d.date.clone()>{d.date.clone()}</time></p>
                                                    <p class="summary">{d.summary.clone()}</p>
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ol>
                                }.into_any()
                            }}
                        </div>
                        <RouteReady />
                    }.into_any(),
                    Err(e) => view! { <p class="load-error">{e.to_string()}</p><RouteReady /> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}
