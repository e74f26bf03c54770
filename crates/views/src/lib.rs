//! The one source of every page's markup: layout, post meta, post lists,
//! tag pills, table of contents, previous/next, correction notes, listings,
//! About, Current Focus, not found, and the demo's static figure.
//!
//! The app renders these components live (src/, Leptos `csr`), and the
//! content build renders the same components to HTML for the prerendered
//! pages (`RenderHtml::to_html`, Leptos `ssr`, crates/content
//! `render_view`). Neither reads the DOM here: route data comes in as props,
//! the site's title, author and base path as context ([`Site`]).

mod article;
mod frame;
mod listing;
mod post_links;
mod post_list;
mod post_meta;
mod site;
mod site_pages;

pub use article::{article_view, blocks_view, DemoFigure};
pub use frame::{Frame, NAV};
pub use listing::{ArchiveView, AreaPostsView, HomeView, TagPostsView, TagsIndexView};
pub use post_links::{post_link, CorrectionNotes, PostNavigation, TableOfContents};
pub use post_list::PostList;
pub use post_meta::PostMeta;
pub use site::{href, provide_site, Site};
pub use site_pages::{about_view, FocusView, NotFoundView, SearchWithoutScript};
