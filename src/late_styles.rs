//! The app's side of `page_data::late_stylesheets`: a page links the
//! stylesheets its own content needs (highlighted code, diagrams), so a
//! reader who comes from a page without them gets them when the app shows
//! content that does, as its prerendered page would have linked them.

use page_data::Block;

/// Links every stylesheet the HTML of `blocks` needs that the document does
/// not link yet (a sheet, once linked, stays for the rest of the visit).
pub fn link_late_styles<D>(blocks: &[Block<D>]) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(Some(head)) = document.query_selector("head") else {
        return;
    };
    let html = blocks.iter().filter_map(|block| match block {
        Block::Html { html } => Some(html.as_str()),
        Block::Demo { .. } => None,
    });
    for path in html.flat_map(page_data::late_stylesheets) {
        let href = crate::data::site_url(&path);
        let selector = format!("link[rel=\"stylesheet\"][href=\"{href}\"]");
        if matches!(document.query_selector(&selector), Ok(Some(_))) {
            continue;
        }
        if let Ok(link) = document.create_element("link") {
            let _ = link.set_attribute("rel", "stylesheet");
            let _ = link.set_attribute("href", &href);
            let _ = head.append_child(&link);
        }
    }
}
