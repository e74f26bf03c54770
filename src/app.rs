//! The app: layout and routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::{Later, Layout};
use crate::routes::{
    About, ArchivePage, AreaPostsPage, Focus, HomePage, NotFoundPage, PostPage, SearchPage,
    TagPostsPage, TagsPage,
};

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router base=crate::data::router_base().unwrap_or_default()>
            // The frame is built a task after the router, and the routes a
            // task after the frame (`Later`).
            <Later>
                <Layout>
                    <Later>
                        <Routes fallback=NotFoundPage>
                            <Route path=path!("/") view=HomePage />
                            <Route path=path!("/posts/:slug/") view=PostPage />
                            <Route path=path!("/tags/") view=TagsPage />
                            <Route path=path!("/tags/:slug/") view=TagPostsPage />
                            <Route path=path!("/areas/:key/") view=AreaPostsPage />
                            <Route path=path!("/archive/") view=ArchivePage />
                            <Route path=path!("/about/") view=About />
                            <Route path=path!("/focus/") view=Focus />
                            <Route path=path!("/search/") view=SearchPage />
                        </Routes>
                    </Later>
                </Layout>
            </Later>
        </Router>
    }
}
