//! What a long-running build keeps between rebuilds (`build-content
//! --watch-stdin`, under `scripts/serve`), so that saving one post renders
//! only that post again: each post by its file's bytes, each link-preview
//! card by its SVG. A one-off build starts with an empty cache and computes
//! everything, as before. Keys are the inputs themselves, not timestamps, so a
//! hit is always what a fresh render would give; what a post reads besides
//! its file (site.toml, images in public/ or beside the post) is not in the
//! key, so the caller clears the cache when any of those change.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::ContentError;
use crate::load::post::{post_from_bytes, read_post_file, Post};
use crate::load::site_config::SiteConfig;

#[derive(Debug, Default)]
pub struct BuildCache {
    posts: HashMap<PathBuf, (Vec<u8>, Post)>,
    cards: HashMap<String, Vec<u8>>,
}

impl BuildCache {
    /// Forgets everything (after a change to anything but a post's text).
    pub fn clear(&mut self) {
        *self = BuildCache::default();
    }

    /// The post at `path`, rendered again only when its bytes changed.
    /// Errors are not kept: a bad post is read again on every build.
    pub(crate) fn post(
        &mut self,
        path: &Path,
        site: &SiteConfig,
        public_dir: &Path,
    ) -> Result<Post, Vec<ContentError>> {
        let bytes = read_post_file(path)?;
        if let Some((seen, post)) = self.posts.get(path) {
            if *seen == bytes {
                return Ok(post.clone());
            }
        }
        let post = post_from_bytes(path, bytes.clone(), site, public_dir)?;
        self.posts.insert(path.to_path_buf(), (bytes, post.clone()));
        Ok(post)
    }

    /// The PNG of the card `svg`, drawn again only for a card not seen.
    pub(crate) fn card(
        &mut self,
        svg: String,
        draw: impl FnOnce(&str) -> Result<Vec<u8>, String>,
    ) -> Result<Vec<u8>, String> {
        if let Some(png) = self.cards.get(&svg) {
            return Ok(png.clone());
        }
        let png = draw(&svg)?;
        self.cards.insert(svg, png.clone());
        Ok(png)
    }

    /// How many posts and cards are kept (for tests).
    pub fn len(&self) -> (usize, usize) {
        (self.posts.len(), self.cards.len())
    }
}
