//! The shape every data-backed route shares: fetch the route's JSON file,
//! render it, reveal the app; a missing file is the not-found page and any
//! other failure says what could not be loaded.

use std::sync::Arc;

use leptos::prelude::*;
use serde::de::DeserializeOwned;

use super::{later, Later};
use crate::data::{fetch_text, Fetched, LoadError};
use crate::routes::NotFoundPage;
use crate::takeover::RouteReady;

/// A route's page, its data read: makes its view when called.
type MakePage = Box<dyn FnOnce() -> AnyView + Send>;

/// Reads a data file's text for a route's page, or says why it cannot.
type RenderText = Arc<dyn Fn(&Fetched) -> Result<MakePage, LoadError> + Send + Sync>;

/// `path` gives the route's data file (re-read when the route's params
/// change); `what` names it in an error ("this tag").
pub fn data_page<T, R, V>(
    path: impl Fn() -> String + 'static,
    what: &'static str,
    render: R,
) -> AnyView
where
    T: DeserializeOwned + Send + 'static,
    R: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // Only the decoding and the view are per route; the fetch, the resource
    // and the suspense are one non-generic function: as one generic
    // function, each route's data type had its own copy of Leptos's async
    // machinery in the shell.
    let render = Arc::new(render);
    let render: RenderText = Arc::new(move |fetched: &Fetched| {
        let render = Arc::clone(&render);
        fetched
            .decode::<T>()
            .map(|value| Box::new(move || render(value).into_any()) as MakePage)
    });
    text_page(Box::new(path), what, render)
}

fn text_page(path: Box<dyn Fn() -> String>, what: &'static str, render: RenderText) -> AnyView {
    let data = LocalResource::new(move || fetch_text(path()));
    view! {
        <Suspense>
            {move || {
                let render = Arc::clone(&render);
                data.with(|loaded| loaded.as_ref().map(|loaded| {
                    match loaded.as_ref().map_err(Clone::clone).and_then(|f| render(f)) {
                        // Three tasks (`Later`): the data read, the page
                        // made, the page built and the app shown with it.
                        Ok(page) => view! {
                            <Later>{later(view! { {page()}<RouteReady /> }.into_any())}</Later>
                        }
                        .into_any(),
                        Err(e) if e.is_not_found() => view! { <NotFoundPage /> }.into_any(),
                        Err(e) => view! {
                            <section class="load-error">
                                <h1>{format!("Could not load {what}")}</h1>
                                <p>{e.to_string()}</p>
                                <RouteReady />
                            </section>
                        }
                        .into_any(),
                    }
                }))
            }}
        </Suspense>
    }
    .into_any()
}
