//! `sitemap.xml` (every page's absolute address, with the date a post last
//! changed) and `robots.txt` (which points to it).

use std::collections::BTreeMap;

use crate::escape::escape_html;
use crate::load::site_config::SiteConfig;

pub const SITEMAP_PATH: &str = "sitemap.xml";
pub const ROBOTS_PATH: &str = "robots.txt";

/// A sitemap of `routes` (site-relative, `""` for home) -> optional
/// `lastmod` date. Routes are URL paths we generate (ASCII slugs); the
/// addresses are XML-escaped all the same.
pub fn sitemap_xml(site: &SiteConfig, routes: &BTreeMap<String, Option<String>>) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (route, lastmod) in routes {
        xml.push_str("  <url><loc>");
        xml.push_str(&escape_html(&site.absolute_url(route)));
        xml.push_str("</loc>");
        if let Some(date) = lastmod {
            xml.push_str(&format!("<lastmod>{}</lastmod>", escape_html(date)));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Everything may be crawled; the sitemap is named in full.
pub fn robots_txt(site: &SiteConfig) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.absolute_url(SITEMAP_PATH)
    )
}
