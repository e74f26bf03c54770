//! The app: layout and routes.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::Layout;
use crate::routes::{HomePage, NotFoundPage, PostPage};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    crate::layout_epoch::LayoutEpoch::provide();
    view! {
        <Router>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/posts/:slug/") view=PostPage />
                </Routes>
            </Layout>
        </Router>
    }
}
