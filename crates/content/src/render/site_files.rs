//! Every route's data file and prerendered page, in memory: the home page,
//! each post, tags, areas, the archive, About, Current Focus, search and
//! the not-found page, each page the views' component inside the site's
//! frame and trunk's shell.

use std::collections::BTreeMap;
use std::path::Path;

use leptos::prelude::*;
use page_data::format::count_label;
use page_data::{
    about_data_path, about_route, archive_data_path, archive_route, area_data_path, area_route,
    article_data_path, diagrams_css_path, focus_data_path, focus_route, highlight_css_path,
    index_data_path, post_route, search_words_path, tag_data_path, tag_index_data_path, tag_route,
    tags_route, PostIndex,
};
use views::{
    about_view, article_view, ArchiveView, AreaPostsView, DemoFigure, FocusView, HomeView,
    NotFoundView, TagPostsView, TagsIndexView,
};

use crate::error::{ContentError, ContentErrors};
use crate::load::about::About;
use crate::load::post::Post;
use crate::load::site_config::SiteConfig;
use crate::load::taxonomy::{archive, area_pages, tag_index, tag_pages};
use crate::markdown::highlight::highlight_css;
use crate::markdown::mermaid::diagrams_css;
use crate::render::build_cache::BuildCache;
use crate::render::og_image;
use crate::render::prerender::{PageMeta, Shell, SocialImage};
use crate::render::rebase::{rebase_article, rebase_blocks};
use crate::render::render_view::render_page;
use crate::render::search_words::search_words;

/// The files rendered so far, by path relative to the site root.
struct Output<'a> {
    site: &'a SiteConfig,
    shell: &'a Shell,
    files: BTreeMap<String, Vec<u8>>,
}

impl Output<'_> {
    /// A data file, as JSON.
    fn data<T: serde::Serialize>(&mut self, path: String, value: &T) -> Result<(), ContentError> {
        let bytes = serde_json::to_vec(value).map_err(|e| {
            ContentError::new(Path::new(&path), 0, format!("cannot serialize: {e}"))
        })?;
        self.files.insert(path, bytes);
        Ok(())
    }

    /// A route's prerendered page: `main` inside the site's frame, the
    /// head from `title` (empty for the site's own) and `description`.
    fn page<V: IntoView + 'static>(
        &mut self,
        route: &str,
        title: &str,
        description: &str,
        image: Option<SocialImage>,
        main: impl FnOnce() -> V + Send + 'static,
    ) {
        let site = self.site;
        let meta = PageMeta {
            image,
            title: if title.is_empty() {
                site.title.clone()
            } else {
                format!("{title} · {}", site.title)
            },
            description: description.to_string(),
            canonical: site.absolute_url(route),
            og_type: if route.starts_with("posts/") {
                "article"
            } else {
                "website"
            },
        };
        let html = self.shell.page(site, &meta, &render_page(site, main));
        self.files
            .insert(format!("{route}index.html"), html.into_bytes());
    }
}

/// A demo in a prerendered page: its static figure in its slot (the app
/// mounts the live demo into the same slot).
fn static_figure<D>(_index: usize, _spec: D, figure: String) -> AnyView {
    view! { <DemoFigure figure node_ref=NodeRef::new() /> }.into_any()
}

/// Every output file but copied images and the publishing files, by path
/// relative to the site root.
pub(crate) fn render_files(
    site: &SiteConfig,
    shell: &Shell,
    posts: &[Post],
    about: Option<&About>,
    focus: Option<&page_data::FocusPage>,
    cache: &mut BuildCache,
) -> Result<BTreeMap<String, Vec<u8>>, ContentErrors> {
    let mut out = Output {
        site,
        shell,
        files: BTreeMap::new(),
    };
    let index = PostIndex {
        description: site.description.clone(),
        posts: posts.iter().map(|p| p.meta().clone()).collect(),
    };
    out.data(index_data_path(), &index)?;
    out.page("", "", &site.description, None, move || {
        view! { <HomeView index /> }
    });

    let mut diagram_rules = BTreeMap::new();
    for post in posts {
        let article = rebase_article(&post.article, site.base_path());
        out.data(article_data_path(post.slug()), &article)?;
        let (image_path, png, image) = og_image::post_preview(site, post, cache)?;
        out.files.insert(image_path, png);
        let article = post.article.clone();
        out.page(
            &post_route(post.slug()),
            &post.meta().title,
            &post.meta().summary,
            Some(image),
            move || article_view(article, static_figure),
        );
        diagram_rules.extend(post.diagram_css.clone());
    }

    let tags = tag_pages(posts)?;
    let tag_list = tag_index(&tags);
    out.data(tag_index_data_path(), &tag_list)?;
    out.page(
        &tags_route(),
        "Tags",
        &format!("Every tag on {}.", site.title),
        None,
        move || view! { <TagsIndexView index=tag_list /> },
    );
    for tag in tags.into_values() {
        out.data(tag_data_path(&tag.slug), &tag)?;
        let description = format!(
            "Posts tagged “{}” ({}).",
            tag.tag,
            count_label(tag.posts.len())
        );
        out.page(
            &tag_route(&tag.slug),
            &format!("Tagged “{}”", tag.tag),
            &description,
            None,
            move || view! { <TagPostsView page=tag /> },
        );
    }
    for area in area_pages(site, posts) {
        out.data(area_data_path(&area.key), &area)?;
        let description = format!(
            "Posts in {} ({}).",
            area.name,
            count_label(area.posts.len())
        );
        out.page(
            &area_route(&area.key),
            &area.name.clone(),
            &description,
            None,
            move || view! { <AreaPostsView page=area /> },
        );
    }
    let archive = archive(posts);
    out.data(archive_data_path(), &archive)?;
    out.page(
        &archive_route(),
        "Archive",
        &format!("Every post on {}, by year.", site.title),
        None,
        move || view! { <ArchiveView archive /> },
    );

    if let Some(about) = about {
        let about_page = page_data::AboutPage {
            blocks: rebase_blocks(&about.page.blocks, site.base_path()),
            ..about.page.clone()
        };
        out.data(about_data_path(), &about_page)?;
        let page = about.page.clone();
        out.page(
            &about_route(),
            &about.page.title,
            &about.page.description,
            None,
            move || about_view(page, static_figure),
        );
        diagram_rules.extend(about.body.diagram_css.clone());
    }
    if let Some(focus) = focus {
        out.data(focus_data_path(), focus)?;
        let page = focus.clone();
        out.page(
            &focus_route(),
            &focus.title,
            &focus.intro,
            None,
            move || view! { <FocusView page /> },
        );
    }

    out.data(search_words_path(), &search_words(posts))?;
    out.page(
        "search/",
        "Search",
        &format!("Search every post on {}.", site.title),
        None,
        || view! { <views::SearchWithoutScript /> },
    );
    let highlight =
        highlight_css().map_err(|m| ContentError::new(Path::new(&highlight_css_path()), 0, m))?;
    out.files
        .insert(highlight_css_path(), highlight.into_bytes());
    out.files.insert(
        diagrams_css_path(),
        diagrams_css(&diagram_rules).into_bytes(),
    );

    // The not-found page answers any address, so its canonical is the
    // site's and it has no route of its own.
    let not_found = PageMeta {
        image: None,
        title: format!("Page not found · {}", site.title),
        description: site.description.clone(),
        canonical: site.base_url.clone(),
        og_type: "website",
    };
    let html = shell.page(
        site,
        &not_found,
        &render_page(site, || view! { <NotFoundView /> }),
    );
    out.files.insert("404.html".to_string(), html.into_bytes());
    Ok(out.files)
}
