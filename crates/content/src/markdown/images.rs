//! Images: `![alt](img.png)` beside the post (copied to the post's output
//! folder) or `![alt](/img.png)` from `public/`; the file is read at build
//! time for its width and height, so the page does not jump as it loads.

use std::path::{Component, Path, PathBuf};

use crate::escape::escape_html;

/// Where a page's images come from and go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageContext {
    /// Folder that relative image paths start from (the post's folder).
    pub source_dir: PathBuf,
    /// Output folder of the page, relative to the site root, ending in `/`
    /// (e.g. `posts/<slug>/`); relative images are copied there.
    pub route: String,
    /// `public/`: where root-absolute paths (`/img/x.png`) are found.
    pub public_dir: PathBuf,
}

/// A file to copy into the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    pub source: PathBuf,
    /// Path relative to the site root.
    pub output: String,
}

/// A resolved image: the `<img>` tag, and the file to copy, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub html: String,
    pub asset: Option<Asset>,
}

/// Resolves `src` and reads its size. Errors are the message for the
/// author.
pub fn resolve_image(
    ctx: &ImageContext,
    src: &str,
    alt: &str,
    title: &str,
) -> Result<Image, String> {
    if src.contains("://") || src.starts_with("//") || src.starts_with("data:") {
        return Err(format!(
            "image `{src}` is not a local file: images are served by the site itself (no other origins), put it beside the post or in public/"
        ));
    }
    let path_part = src.split(['?', '#']).next().unwrap_or(src);
    let (file, url, asset) = if let Some(abs) = path_part.strip_prefix('/') {
        let rel =
            safe_relative(abs).ok_or_else(|| format!("image path `{src}` must not use `..`"))?;
        (ctx.public_dir.join(&rel), src.to_string(), None)
    } else {
        let rel = safe_relative(path_part).ok_or_else(|| {
            format!("image path `{src}` must stay inside the post's folder (no `..`)")
        })?;
        let rel_url = rel.to_string_lossy().replace('\\', "/");
        let output = format!("{}{rel_url}", ctx.route);
        let file = ctx.source_dir.join(&rel);
        (
            file.clone(),
            format!("/{output}"),
            Some(Asset {
                source: file,
                output,
            }),
        )
    };
    if !file.is_file() {
        return Err(format!(
            "image `{src}` not found: no file {}",
            file.display()
        ));
    }
    let size = imagesize::size(&file).map_err(|e| {
        format!(
            "cannot read the size of image `{src}` ({}): {e}",
            file.display()
        )
    })?;
    let title_attr = if title.is_empty() {
        String::new()
    } else {
        format!(r#" title="{}""#, escape_html(title))
    };
    Ok(Image {
        html: format!(
            r#"<img src="{url}" alt="{alt}"{title_attr} width="{w}" height="{h}" loading="lazy" decoding="async">"#,
            url = escape_html(&url),
            alt = escape_html(alt),
            w = size.width,
            h = size.height,
        ),
        asset,
    })
}

/// `path` as relative components with no `..`, no root, no prefix.
fn safe_relative(path: &str) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in Path::new(path).components() {
        match c {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    (!out.as_os_str().is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 3x2 PNG.
    pub fn png_3x2() -> Vec<u8> {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&3u32.to_be_bytes());
        png.extend_from_slice(&2u32.to_be_bytes());
        png.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
        png
    }

    fn ctx(dir: &Path) -> ImageContext {
        ImageContext {
            source_dir: dir.join("posts/p"),
            route: "posts/p/".to_string(),
            public_dir: dir.join("public"),
        }
    }

    #[test]
    fn sizes_and_copies_post_images() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("posts/p/img")).expect("mkdir");
        std::fs::write(dir.path().join("posts/p/img/a.png"), png_3x2()).expect("write");
        let img = resolve_image(&ctx(dir.path()), "img/a.png", "A <b>", "").expect("image");
        assert_eq!(
            img.html,
            r#"<img src="/posts/p/img/a.png" alt="A &lt;b&gt;" width="3" height="2" loading="lazy" decoding="async">"#
        );
        assert_eq!(img.asset.expect("asset").output, "posts/p/img/a.png");
    }

    #[test]
    fn public_images_are_not_copied() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("public")).expect("mkdir");
        std::fs::write(dir.path().join("public/b.png"), png_3x2()).expect("write");
        let img = resolve_image(&ctx(dir.path()), "/b.png", "b", "t").expect("image");
        assert!(
            img.html
                .contains(r#"src="/b.png" alt="b" title="t" width="3""#),
            "{}",
            img.html
        );
        assert!(img.asset.is_none());
    }

    #[test]
    fn missing_remote_and_escaping_images_fail() {
        let dir = tempfile::tempdir().expect("tempdir");
        let c = ctx(dir.path());
        assert!(resolve_image(&c, "nope.png", "", "")
            .unwrap_err()
            .contains("not found"));
        assert!(resolve_image(&c, "https://x.org/a.png", "", "")
            .unwrap_err()
            .contains("not a local file"));
        assert!(resolve_image(&c, "../a.png", "", "")
            .unwrap_err()
            .contains("inside the post"));
    }
}
