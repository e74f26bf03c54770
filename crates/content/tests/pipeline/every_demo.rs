//! Every demo of the registry (`sim::Demo::ALL`) through the build: a post
//! that embeds it by its key builds, and its page carries that same key in
//! the static figure (`data-demo`) and in the page data the app reads.

use crate::common;

use common::{json, text, Fixture};
use sim::Demo;

#[test]
fn every_demo_embeds_by_its_key() {
    let site = Fixture::new();
    for demo in Demo::ALL {
        site.write(
            &format!("posts/embeds-{demo}.md"),
            &format!(
                "+++\ntitle = \"Embeds {label}\"\ndate = 2026-02-01\ntags = [\"retries\"]\narea = \"systems\"\nkind = \"note\"\n+++\n\nA post with a demo.\n\n```demo {demo}\n```\n",
                label = demo.label()
            ),
        );
    }
    let built = site.render(false).expect("every demo builds");
    for demo in Demo::ALL {
        let slug = format!("embeds-{demo}");
        let page = text(&built, &format!("posts/{slug}/index.html"));
        assert!(
            page.contains(&format!(r#"data-demo="{demo}""#)),
            "{slug}: no figure for {demo}"
        );
        let data = json(&built, &page_data::article_data_path(&slug));
        let names: Vec<&str> = data["blocks"]
            .as_array()
            .map(|blocks| {
                blocks
                    .iter()
                    .filter_map(|b| {
                        b["demo"]["demo"]
                            .as_object()?
                            .keys()
                            .next()
                            .map(String::as_str)
                    })
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(names, [demo.key()], "{slug}: {data}");
    }
}
