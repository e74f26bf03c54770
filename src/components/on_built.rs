//! Work that must wait until the view around it is on the page.
//!
//! A component's effect is created, and first runs, when the component is
//! made, and a view can be made a task before it is built ([`super::later`]).
//! Work that needs the view on the page (showing the app, removing a
//! demo's static picture) is started by the build instead.

use std::sync::Arc;

use leptos::prelude::*;

/// Nothing on the page; `f` runs once the view that holds this is built
/// (an effect created by the build, so it runs after the build is done).
pub fn on_built(f: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let f = Arc::new(f);
    move || {
        let f = Arc::clone(&f);
        Effect::new(move |_| f());
    }
}
