//! Around an article: the correction notes at its top, the table of
//! contents, and related / previous / next posts after it.

use leptos::prelude::*;
use page_data::{post_route, PostLink, TocEntry};

use crate::site::href;

/// A link to `post` by its title.
pub fn post_link(post: &PostLink) -> impl IntoView {
    view! { <a href=href(&post_route(&post.slug))>{post.title.clone()}</a> }
}

/// "Corrected on DATE: see ..." for each later correction; for a
/// correction, what it corrects.
#[component]
pub fn CorrectionNotes(corrected_by: Vec<PostLink>, corrects: Option<PostLink>) -> impl IntoView {
    view! {
        {corrected_by
            .into_iter()
            .map(|c| view! {
                <aside class="correction-banner" role="note">
                    <p>"Corrected on " <time datetime=c.date.clone()>{c.date.clone()}</time> ": see " {post_link(&c)} "."</p>
                </aside>
            })
            .collect_view()}
        {corrects.map(|c| view! {
            <aside class="corrects-note" role="note">
                <p>"This corrects " {post_link(&c)} " (" <time datetime=c.date.clone()>{c.date.clone()}</time> ")."</p>
            </aside>
        })}
    }
}

fn toc_link(e: &TocEntry) -> impl IntoView {
    view! { <a href=format!("#{}", e.id)>{e.text.clone()}</a> }
}

/// h2 entries, each with its h3s nested.
#[component]
pub fn TableOfContents(toc: Vec<TocEntry>) -> impl IntoView {
    let mut groups: Vec<(Option<TocEntry>, Vec<TocEntry>)> = Vec::new();
    for e in toc {
        match groups.last_mut() {
            Some((_, subs)) if e.level > 2 => subs.push(e),
            _ if e.level > 2 => groups.push((None, vec![e])),
            _ => groups.push((Some(e), Vec::new())),
        }
    }
    (!groups.is_empty()).then(|| {
        view! {
            <nav class="toc" aria-labelledby="toc-title" data-pagefind-ignore="">
                <h2 class="toc-title" id="toc-title">"Contents"</h2>
                <ol>
                    {groups
                        .into_iter()
                        .map(|(head, subs)| {
                            let subs = (!subs.is_empty()).then(|| view! {
                                <ol>{subs.iter().map(|s| view! { <li>{toc_link(s)}</li> }).collect_view()}</ol>
                            });
                            view! { <li>{head.as_ref().map(toc_link)}{subs}</li> }
                        })
                        .collect_view()}
                </ol>
            </nav>
        }
    })
}

#[component]
pub fn PostNavigation(
    previous: Option<PostLink>,
    next: Option<PostLink>,
    related: Vec<PostLink>,
) -> impl IntoView {
    let has_nav = previous.is_some() || next.is_some();
    view! {
        {(!related.is_empty()).then(|| view! {
            <section class="related" aria-labelledby="related-title">
                <h2 id="related-title">"Related posts"</h2>
                <ul>{related.iter().map(|p| view! { <li>{post_link(p)}</li> }).collect_view()}</ul>
            </section>
        })}
        {has_nav.then(|| view! {
            <nav class="post-nav" aria-label="Previous and next posts">
                {previous.map(|p| view! {
                    <a class="previous" rel="prev" href=href(&post_route(&p.slug))>
                        <span class="label"><span aria-hidden="true">"← "</span>"Previous"</span> " " <span class="title">{p.title}</span>
                    </a>
                })}
                {next.map(|p| view! {
                    <a class="next" rel="next" href=href(&post_route(&p.slug))>
                        <span class="label">"Next"<span aria-hidden="true">" →"</span></span> " " <span class="title">{p.title}</span>
                    </a>
                })}
            </nav>
        })}
    }
}
