//! The shape every data-backed route shares: fetch the route's JSON file,
//! render it, reveal the app; a missing file is the not-found page and any
//! other failure says what could not be loaded.

use leptos::prelude::*;
use serde::de::DeserializeOwned;

use crate::data::fetch_json;
use crate::routes::NotFoundPage;
use crate::takeover::RouteReady;

/// `path` gives the route's data file (re-read when the route's params
/// change); `what` names it in an error ("this tag").
pub fn data_page<T, P, R, V>(path: P, what: &'static str, render: R) -> impl IntoView
where
    T: DeserializeOwned + Clone + 'static,
    P: Fn() -> String + 'static,
    R: Fn(T) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let data = LocalResource::new(move || {
        let path = path();
        async move { fetch_json::<T>(&path).await }
    });
    view! {
        <Suspense>
            {move || {
                data.get().map(|loaded| match loaded {
                    Ok(value) => view! { {render(value)}<RouteReady /> }.into_any(),
                    Err(e) if e.is_not_found() => view! { <NotFoundPage /> }.into_any(),
                    Err(e) => view! {
                        <section class="load-error">
                            <h1>{format!("Could not load {what}")}</h1>
                            <p>{e.to_string()}</p>
                            <RouteReady />
                        </section>
                    }.into_any(),
                })
            }}
        </Suspense>
    }
}
