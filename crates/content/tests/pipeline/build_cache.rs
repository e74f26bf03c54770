//! The dev server's long-running build (`build-content --watch-stdin`)
//! keeps rendered posts and preview cards between builds. Whatever it
//! reuses, a build with the cache must write exactly what a fresh build
//! writes, before and after a post is edited, and a broken post must still
//! fail the build.

use crate::common;

use common::Fixture;
use content::{render_site, render_site_with, BuildCache};

fn first_post(f: &Fixture) -> std::path::PathBuf {
    let mut posts: Vec<_> = std::fs::read_dir(f.root().join("posts"))
        .expect("posts")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    posts.sort();
    posts.remove(0)
}

#[test]
fn a_cached_build_writes_what_a_fresh_build_writes() {
    let f = Fixture::new();
    let options = f.options(false);
    let mut cache = BuildCache::default();
    let first = render_site_with(&options, &mut cache).expect("builds");
    let (posts, cards) = cache.len();
    assert!(
        posts > 0 && cards > 0,
        "the cache keeps posts ({posts}) and cards ({cards})"
    );
    let again = render_site_with(&options, &mut cache).expect("builds again");
    assert_eq!(first.files, again.files, "a rebuild from the cache");

    // Edit one post's text and title: the cached build must match a fresh one.
    let path = first_post(&f);
    let text = std::fs::read_to_string(&path).expect("read");
    let edited = text.replacen("title = \"", "title = \"Edited: ", 1)
        + "\nA paragraph added while the page was open.\n";
    std::fs::write(&path, edited).expect("write");
    let cached = render_site_with(&options, &mut cache).expect("builds after the edit");
    let fresh = render_site(&options).expect("a fresh build after the edit");
    assert_eq!(
        cached.files.keys().collect::<Vec<_>>(),
        fresh.files.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &fresh.files {
        assert!(
            cached.files[path] == *bytes,
            "{path} differs from a fresh build"
        );
    }
    assert!(
        fresh
            .files
            .values()
            .any(|b| String::from_utf8_lossy(b).contains("added while the page was open")),
        "the edit is in the output"
    );
}

#[test]
fn a_post_broken_after_a_good_build_still_fails_the_cached_build() {
    let f = Fixture::new();
    let options = f.options(false);
    let mut cache = BuildCache::default();
    render_site_with(&options, &mut cache).expect("builds");
    let path = first_post(&f);
    let good = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, good.replacen("title = ", "title = \ntitle = ", 1)).expect("write");
    let errors = render_site_with(&options, &mut cache)
        .err()
        .expect("the broken post fails the build")
        .to_string();
    assert!(errors.contains(&path.display().to_string()), "{errors}");
    std::fs::write(&path, good).expect("write");
    render_site_with(&options, &mut cache).expect("mended, it builds");
}
