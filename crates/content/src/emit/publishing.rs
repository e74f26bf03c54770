//! What the build adds for hosting rather than for reading: the Atom feed,
//! the sitemap, robots.txt and the `_headers` file, and the check that
//! trunk's public URL agrees with the site's base URL.

use std::collections::BTreeMap;
use std::path::Path;

use page_data::post_route;

use crate::error::{ContentError, ContentErrors};
use crate::load::post::Post;
use crate::load::site_config::SiteConfig;
use crate::render::csp;
use crate::render::feed::atom_feed;
use crate::render::prerender::Shell;
use crate::render::sitemap::{robots_txt, sitemap_xml, ROBOTS_PATH, SITEMAP_PATH};

/// trunk's public URL (`/`, `/blog/`, or absolute) must put the wasm where
/// the base URL puts the pages.
pub(crate) fn check_public_url(site: &SiteConfig, public_url: &str) -> Result<(), String> {
    let path = match public_url.find("://") {
        Some(i) => public_url[i + 3..]
            .find('/')
            .map_or("/", |j| &public_url[i + 3 + j..]),
        None => public_url,
    };
    let normalised = format!("/{}/", path.trim_matches('/')).replace("//", "/");
    if normalised == site.base_path() {
        Ok(())
    } else {
        Err(format!(
            "trunk's public URL `{public_url}` does not match the base URL `{}`: build with `trunk build --public-url {}` (scripts/build --base-url does both)",
            site.base_url,
            site.base_path()
        ))
    }
}

/// The feed, the sitemap, robots.txt and the `_headers` file.
pub(crate) fn add_publishing_files(
    site: &SiteConfig,
    shell: &Shell,
    posts: &[Post],
    files: &mut BTreeMap<String, Vec<u8>>,
) -> Result<(), ContentErrors> {
    let feed = atom_feed(site, posts).map_err(|m| {
        ContentError::new(
            Path::new(&page_data::feed_path()),
            0,
            format!("cannot write the feed: {m}"),
        )
    })?;
    files.insert(page_data::feed_path(), feed.into_bytes());

    let mut routes: BTreeMap<String, Option<String>> = files
        .keys()
        .filter_map(|path| path.strip_suffix("index.html"))
        .map(|route| (route.to_string(), None))
        .collect();
    for post in posts {
        let meta = post.meta();
        let changed = meta.updated.clone().unwrap_or_else(|| meta.date.clone());
        routes.insert(post_route(post.slug()), Some(changed));
    }
    files.insert(
        SITEMAP_PATH.to_string(),
        sitemap_xml(site, &routes).into_bytes(),
    );
    files.insert(ROBOTS_PATH.to_string(), robots_txt(site).into_bytes());

    let hashed: Vec<String> = shell
        .asset_paths(site.base_path())
        .into_iter()
        .filter(|p| csp::is_hashed_asset(p))
        .collect();
    files.insert(
        "_headers".to_string(),
        csp::headers_file(shell.policy(), site.base_path(), &hashed).into_bytes(),
    );
    Ok(())
}
