//! Tests of `raw_html`.

use super::*;

fn problems(html: &str) -> Vec<String> {
    check_raw_html(html)
        .into_iter()
        .map(|p| format!("{}: {}", p.offset, p.message))
        .collect()
}

#[test]
fn plain_markup_passes() {
    for ok in [
        "<details><summary>More</summary><p>Text</p></details>",
        r#"<div class="note" style="color: red">x</div>"#,
        r#"<img src="/logo.png" alt="a > b" width=10>"#,
        r#"<img src="data:image/png;base64,AAAA">"#,
        r#"<iframe src="/posts/a/"></iframe>"#,
        r#"<a href="https://example.org/">out</a> <a href="mailto:a@b">mail</a>"#,
        "<!-- <script>alert(1)</script> -->",
        "<svg viewBox=\"0 0 1 1\"><rect width=\"1\" height=\"1\"/></svg>",
        "a < b and 3<4, <br/>",
        r#"<p data-onion="1" title="onclick=">x</p>"#,
        "<kbd>Ctrl</kbd>",
    ] {
        assert!(problems(ok).is_empty(), "{ok}: {:?}", problems(ok));
    }
}

#[test]
fn scripts_and_styles_are_refused() {
    let p = problems("x <SCRIPT type=module>let a = '<img onerror=x>';</script> y");
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("2: raw HTML: <script> is not allowed"),
        "{p:?}"
    );
    assert!(problems("<style>p{}</style>")[0].contains("<style>"));
    assert!(problems("<object data=x></object>")[0].contains("object-src"));
    assert!(problems("<meta http-equiv=refresh content=0>")[0].contains("<head>"));
    assert!(problems("a\n<!-- never closed\n<p>x</p>")[0]
        .starts_with("2: raw HTML: this comment is never closed"));
}

#[test]
fn event_handlers_are_refused_wherever_they_are() {
    for bad in [
        r#"<img src="/a.png" onerror="alert(1)">"#,
        "<p ONCLICK=go()>x</p>",
        "<svg><circle onload=x /></svg>",
        "<div\n  onmouseover='x'>",
    ] {
        let p = problems(bad);
        assert_eq!(p.len(), 1, "{bad}: {p:?}");
        assert!(p[0].contains("event handler"), "{p:?}");
    }
}

#[test]
fn script_urls_are_refused_even_disguised() {
    for bad in [
        r#"<a href="javascript:alert(1)">x</a>"#,
        r#"<a href=" JaVaScRiPt:alert(1)">x</a>"#,
        "<a href=\"java\tscript:x\">x</a>",
        r#"<a href="&#106;avascript:x">x</a>"#,
        r#"<a href="&#x6A;avascript&colon;x">x</a>"#,
        r#"<form action="vbscript:x"></form>"#,
    ] {
        let p = problems(bad);
        assert_eq!(p.len(), 1, "{bad}: {p:?}");
        assert!(p[0].contains("script:` URL"), "{p:?}");
    }
    assert!(check_link_url("javascript:alert(1)").is_some());
    assert!(check_link_url("/posts/a/").is_none());
    assert!(check_link_url("https://example.org/javascript:").is_none());
}

#[test]
fn foreign_resources_are_refused() {
    for bad in [
        r#"<img src="https://example.org/a.png">"#,
        r#"<img srcset="/a.png 1x, //cdn.example/a.png 2x">"#,
        r#"<video poster="http://x/p.png" src="/v.mp4"></video>"#,
        r#"<iframe src="https://www.youtube.com/embed/x"></iframe>"#,
        r#"<iframe src="data:text/html,hi"></iframe>"#,
        r#"<svg><image href="https://x/y.png"/></svg>"#,
        r#"<form action="https://x/"></form>"#,
        r#"<div style="background: url('https://x/y.png')">x</div>"#,
    ] {
        assert_eq!(problems(bad).len(), 1, "{bad}: {:?}", problems(bad));
    }
}

#[test]
fn read_as_a_browser_reads_it() {
    // Text of a <textarea> or <title> is not markup: nothing loads.
    assert!(problems("<textarea><img src=https://x/y.png></textarea>").is_empty());
    // An attribute is reported where it is, not where its tag starts.
    let p = check_raw_html("<div\n  onmouseover='x'>");
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].offset, 7, "{p:?}");
    let p = check_raw_html("<a title=x\n onclick>y</a>");
    assert_eq!(p[0].offset, 12, "{p:?}");
}

#[test]
fn odd_input_does_not_panic() {
    for odd in [
        "<",
        "<a",
        "<a href",
        "<a href=",
        "<a href='",
        "<!--",
        "<!",
        "</",
        "<é onclick=1>",
        "<a é=\"x\" onclick>",
        "<a href=&#x110000;>",
        "<a href=\"&#99999999999999;\">",
        "<script>",
        "<style",
        "<a\u{0}b onload=1>",
    ] {
        let _ = check_raw_html(odd);
    }
    assert_eq!(problems("<a onclick>").len(), 1);
}
