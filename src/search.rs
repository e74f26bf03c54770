//! The live search page: full-text search over every post, offline. The
//! engine is Pagefind (`js/search.js`), whose bundle the build writes from
//! the prerendered pages; nothing of it is fetched before the search page
//! opens. Results follow the typing; the query is in the URL (`?q=`), so a
//! search can be shared. A misspelt word is corrected from the posts' words
//! (`page_data::Vocabulary`), and stop words are left out of what is
//! searched (`page_data::search_terms`).
//!
//! A module of its own (`src/bin/search.rs`), which the shell's `/search/`
//! route imports and mounts (`src/routes/search.rs`): the page's Leptos
//! views, lists and events were a sixth of the shell, which every page
//! fetches (PERFORMANCE.md). The shell keeps the route, the title and the
//! router; this module is given the query and a way to put a new one in
//! the address.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::html::{Input, Ol};
use leptos::prelude::*;
use leptos::task::spawn_local;
use page_data::{
    query_words, search_bundle_dir, search_terms, search_words_path, SearchWords, Vocabulary,
    MIN_CORRECTED_LEN,
};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::data::{fetch_json, from_js, site_base, site_url};

/// Results shown for a query; the count says how many there are in all.
const SHOWN_RESULTS: usize = 10;

#[wasm_bindgen(module = "/js/search.js")]
extern "C" {
    #[wasm_bindgen(js_name = searchPosts, catch)]
    fn search_posts(
        bundle: &str,
        base: &str,
        query: &str,
        limit: usize,
    ) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = warmUp)]
    fn warm_up(bundle: &str, base: &str);
    #[wasm_bindgen(js_name = foldWord)]
    fn fold_word(word: &str) -> String;
}

/// One result as `js/search.js` answers it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
struct Hit {
    url: String,
    title: String,
    date: String,
    area: String,
    /// HTML: the text escaped by Pagefind, matched words in `<mark>`.
    excerpt: String,
    section: Option<Section>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct Section {
    url: String,
    title: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct Found {
    total: usize,
    hits: Vec<Hit>,
}

/// What the page shows under the box.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Idle,
    Searching,
    Found {
        found: Found,
        /// A word of the query is in no post but one edit from a word that
        /// is: these are the results of the query so corrected.
        corrected_to: Option<String>,
    },
    Failed(String),
}

async fn run_search(query: &str) -> Result<Found, String> {
    let promise = search_posts(
        &site_url(&search_bundle_dir()),
        &site_base(),
        query,
        SHOWN_RESULTS,
    )
    .map_err(|e| format!("search could not start: {e:?}"))?;
    let answer = JsFuture::from(promise)
        .await
        .map_err(|e| format!("search failed: {e:?}"))?;
    from_js(answer).map_err(|e| format!("search answered in a form this page does not read: {e}"))
}

/// The posts' words, fetched once per page load, the first time a query has
/// a word long enough to correct.
type Words = Rc<RefCell<Option<Rc<SearchWords>>>>;

async fn corrected(query: &str, words: &Words) -> Option<String> {
    if !query_words(query).any(|w| w.chars().count() >= MIN_CORRECTED_LEN) {
        return None;
    }
    let cached = words.borrow().clone();
    let loaded = match cached {
        Some(w) => w,
        // Without the words the search still works, uncorrected.
        None => {
            let w = Rc::new(fetch_json::<SearchWords>(&search_words_path()).await.ok()?);
            *words.borrow_mut() = Some(w.clone());
            w
        }
    };
    Vocabulary::new(&loaded).corrected_query(query, fold_word)
}

async fn answer(query: String, words: Words) -> Outcome {
    if query.trim().is_empty() {
        return Outcome::Idle;
    }
    // A corrected word is one no post has, so the query as typed could only
    // find near misses: the corrected query is the one to search (and the
    // page says so).
    let corrected_to = corrected(&query, &words).await;
    let terms = search_terms(corrected_to.as_deref().unwrap_or(&query));
    match run_search(&terms).await {
        Ok(found) => Outcome::Found {
            found,
            corrected_to,
        },
        Err(e) => Outcome::Failed(e),
    }
}

/// The search page's address for `query` (the page itself when empty).
fn search_href(query: &str) -> String {
    if query.is_empty() {
        site_url("search/")
    } else {
        format!(
            "{}?q={}",
            site_url("search/"),
            String::from(js_sys::encode_uri_component(query))
        )
    }
}

fn status(outcome: &Outcome, query: &str) -> String {
    match outcome {
        Outcome::Idle => "Type to search every post.".to_string(),
        Outcome::Searching => "Searching…".to_string(),
        Outcome::Failed(e) => e.clone(),
        Outcome::Found {
            found,
            corrected_to,
        } => {
            let count = match found.total {
                0 => "No post matches".to_string(),
                1 => "1 post matches".to_string(),
                n => format!("{n} posts match"),
            };
            format!("{count} “{}”.", corrected_to.as_deref().unwrap_or(query))
        }
    }
}

/// Moves focus among the result links with the arrow keys; from the first
/// one, up goes back to the box.
fn move_focus(list: &web_sys::HtmlElement, input: Option<web_sys::HtmlInputElement>, step: i32) {
    let Ok(links) = list.query_selector_all(".search-hit-link") else {
        return;
    };
    let active = document().active_element();
    let count = links.length() as i32;
    let current = (0..count).find(|&i| {
        links
            .item(i as u32)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            == active
    });
    let next = match current {
        None if step > 0 => 0,
        None => return,
        Some(i) => i + step,
    };
    if next < 0 {
        if let Some(input) = input {
            let _ = input.focus();
        }
        return;
    }
    if let Some(link) = links
        .item(next.min(count - 1).max(0) as u32)
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = link.focus();
    }
}

#[component]
fn SearchHit(hit: Hit) -> impl IntoView {
    let section = hit.section.map(|s| {
        view! { <p class="search-section">"In section " <a href=s.url>{s.title}</a></p> }
    });
    let area = (!hit.area.is_empty()).then(|| view! { " · " <span class="area">{hit.area}</span> });
    view! {
        <li class="post-item search-hit">
            <h2><a class="search-hit-link" href=hit.url>{hit.title}</a></h2>
            <p class="post-meta"><time datetime=hit.date.clone()>{hit.date.clone()}</time>{area}</p>
            {section}
            <p class="excerpt" inner_html=hit.excerpt></p>
        </li>
    }
}

/// The search page for `query`; `show_address` is given the page's address
/// for each new query (the shell's router puts it in the address bar, in
/// place of the current entry).
#[component]
fn SearchPage(query: String, show_address: js_sys::Function) -> impl IntoView {
    let text = RwSignal::new(query);
    let outcome = RwSignal::new(Outcome::Idle);
    let generation = StoredValue::new(0u64);
    let words: StoredValue<Words, LocalStorage> = StoredValue::new_local(Words::default());
    let input = NodeRef::<Input>::new();
    let list = NodeRef::<Ol>::new();

    // A reader who opens search (here, or with `/` from any page) types at
    // once, and the engine loads while they do.
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
            warm_up(&site_url(&search_bundle_dir()), &site_base());
        }
    });

    // Each change of the query asks again; an answer to an older query
    // (the reader typed on) is dropped.
    Effect::new(move |_| {
        let q = text.get();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        if !q.trim().is_empty() {
            outcome.set(Outcome::Searching);
        }
        let words = words.get_value();
        spawn_local(async move {
            let answered = answer(q, words).await;
            if generation.get_value() == mine {
                outcome.set(answered);
            }
        });
    });

    let show_address = StoredValue::new_local(show_address);
    let show_query = move |q: String| {
        text.set(q.clone());
        let href = JsValue::from_str(&search_href(&q));
        show_address.with_value(|f| {
            let _ = f.call1(&JsValue::NULL, &href);
        });
    };
    let on_input = move |ev: leptos::ev::Event| show_query(event_target_value(&ev));
    let on_box_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" => {
            if let Some(list) = list.get() {
                ev.prevent_default();
                move_focus(&list, None, 1);
            }
        }
        "Enter" => {
            // Enter in the box opens the first result.
            ev.prevent_default();
            if let Some(first) = list
                .get()
                .and_then(|l| l.query_selector(".search-hit-link").ok().flatten())
                .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
            {
                first.click();
            }
        }
        _ => {}
    };
    let on_list_key = move |ev: leptos::ev::KeyboardEvent| {
        let step = match ev.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return,
        };
        if let Some(l) = list.get() {
            ev.prevent_default();
            move_focus(&l, input.get(), step);
        }
    };
    let suggestion = move || match outcome.get() {
        Outcome::Found {
            corrected_to: Some(c),
            ..
        } => {
            let href = search_href(&c);
            let chosen = c.clone();
            let typed = text.get_untracked();
            Some(view! {
                <p class="did-you-mean">"Did you mean "
                    <a href=href on:click=move |ev| { ev.prevent_default(); show_query(chosen.clone()); }>{c}</a>
                "? No post has “" {typed} "”, so these are its results."</p>
            })
        }
        _ => None,
    };
    let hits = move || match outcome.get() {
        Outcome::Found { found, .. } => found.hits,
        _ => Vec::new(),
    };

    view! {
        <section class="search">
            <h1>"Search"</h1>
            <form role="search" action=site_url("search/") method="get" on:submit=|ev| ev.prevent_default()>
                <label for="search-q">"Search the posts"</label>
                <input id="search-q" type="search" name="q" autocomplete="off" node_ref=input
                    aria-describedby="search-status" aria-controls="search-hits"
                    prop:value=move || text.get() on:input=on_input on:keydown=on_box_key />
            </form>
            <p id="search-status" class="search-status" role="status" aria-live="polite"
                aria-busy=move || (outcome.get() == Outcome::Searching).to_string()>
                {move || status(&outcome.get(), &text.get())}
            </p>
            {suggestion}
            <ol id="search-hits" class="post-list search-hits" node_ref=list on:keydown=on_list_key>
                <For each=hits key=|h| h.url.clone() let:hit>
                    <SearchHit hit />
                </For>
            </ol>
        </section>
    }
}

/// The search page mounted into the shell's slot; dropping it unmounts it.
pub struct MountedSearch {
    _mounted: Box<dyn std::any::Any>,
}

/// Mounts the search page for `query` into `host`, in place of what it
/// holds: the page without the app, whose box may already hold what the
/// reader typed while this module loaded (that is then the query).
pub fn mount(
    host: web_sys::HtmlElement,
    query: String,
    show_address: js_sys::Function,
) -> MountedSearch {
    static PANIC_REPORT: std::sync::Once = std::sync::Once::new();
    PANIC_REPORT.call_once(crate::panic_report::install);
    let typed = host
        .query_selector("input[name=q]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .filter(|typed| !typed.trim().is_empty() && *typed != query);
    let query = match typed {
        Some(typed) => {
            let _ = show_address.call1(&JsValue::NULL, &JsValue::from_str(&search_href(&typed)));
            typed
        }
        None => query,
    };
    host.set_inner_html("");
    let handle = leptos::mount::mount_to(host, move || view! { <SearchPage query show_address /> });
    MountedSearch {
        _mounted: Box::new(handle),
    }
}
