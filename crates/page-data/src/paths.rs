//! Where the build puts each file, relative to the site root. The build and
//! the app both call these, so the two cannot disagree.

/// The list of posts.
pub fn index_data_path() -> String {
    "data/index.json".to_string()
}

/// One post's article data.
pub fn article_data_path(slug: &str) -> String {
    format!("data/posts/{slug}.json")
}

/// The route (and prerendered folder) of a post, relative to the site root.
pub fn post_route(slug: &str) -> String {
    format!("posts/{slug}/")
}
