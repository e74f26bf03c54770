//! Footnotes as readers of long posts expect them (GitHub's and Pandoc's
//! shape): each citation a numbered link to its note, and at the end of the
//! post the notes in citation order, each with a link back to every place
//! it was cited.
//!
//! pulldown-cmark parses the references and definitions; its HTML renderer
//! has no back-links, so this module numbers and renders them.

use std::collections::BTreeMap;

use pulldown_cmark::{html, Event};

/// A definition being read: its label, where it starts, its events.
pub(super) struct OpenNote<'a> {
    label: String,
    line: usize,
    events: Vec<Event<'a>>,
}

impl<'a> OpenNote<'a> {
    pub(super) fn push(&mut self, event: Event<'a>) {
        self.events.push(event);
    }
}

struct Note {
    number: usize,
    citations: usize,
}

/// The post's notes: numbers in citation order, definitions by label.
#[derive(Default)]
pub(super) struct Footnotes<'a> {
    cited: BTreeMap<String, Note>,
    defined: BTreeMap<String, (usize, Vec<Event<'a>>)>,
}

impl<'a> Footnotes<'a> {
    /// The link for one citation of `label`: `<sup>` with the note's number.
    pub(super) fn cite(&mut self, label: &str) -> String {
        let next = self.cited.len() + 1;
        let note = self.cited.entry(label.to_string()).or_insert(Note {
            number: next,
            citations: 0,
        });
        note.citations += 1;
        let n = note.number;
        format!(
            r##"<sup class="footnote-ref"><a href="#fn-{n}" id="{id}" role="doc-noteref">{n}</a></sup>"##,
            id = citation_id(n, note.citations)
        )
    }

    pub(super) fn open(label: &str, line: usize) -> OpenNote<'a> {
        OpenNote {
            label: label.to_string(),
            line,
            events: Vec::new(),
        }
    }

    pub(super) fn close(&mut self, note: OpenNote<'a>) {
        self.defined.insert(note.label, (note.line, note.events));
    }

    /// The notes section (empty when nothing is cited), and the line of
    /// each note that is defined but never cited (an author's mistake).
    pub(super) fn finish(mut self) -> (String, Vec<(usize, String)>) {
        let uncited: Vec<(usize, String)> = self
            .defined
            .iter()
            .filter(|(label, _)| !self.cited.contains_key(*label))
            .map(|(label, (line, _))| {
                (
                    *line,
                    format!("footnote `[^{label}]` is defined but never cited"),
                )
            })
            .collect();
        if self.cited.is_empty() {
            return (String::new(), uncited);
        }
        let mut notes: Vec<(&String, &Note)> = self.cited.iter().collect();
        notes.sort_by_key(|(_, note)| note.number);
        let mut out = String::from(
            r#"<section class="footnotes" role="doc-endnotes" aria-labelledby="footnotes-label"><h2 id="footnotes-label">Notes</h2><ol>"#,
        );
        for (label, note) in notes {
            let n = note.number;
            let mut body = String::new();
            if let Some((_, events)) = self.defined.remove(label.as_str()) {
                html::push_html(&mut body, events.into_iter());
            }
            let back: String = (1..=note.citations)
                .map(|k| {
                    let mark = if k == 1 {
                        String::new()
                    } else {
                        format!("<sup>{k}</sup>")
                    };
                    format!(
                        r##"&#160;<a href="#{id}" class="footnote-back" role="doc-backlink" aria-label="Back to citation {k} of note {n}">↩{mark}</a>"##,
                        id = citation_id(n, k)
                    )
                })
                .collect();
            let body = body.trim_end();
            // The back-links end the note's last paragraph, as on GitHub,
            // held to its last word by a no-break space (never alone on a
            // line of their own).
            let body = match body.strip_suffix("</p>") {
                Some(open) => format!("{open}{back}</p>"),
                None => format!("{body}<p>{back}</p>"),
            };
            out.push_str(&format!(r#"<li id="fn-{n}">{body}</li>"#));
        }
        out.push_str("</ol></section>\n");
        (out, uncited)
    }
}

/// `fnref-3` for the first citation of note 3, `fnref-3-2` for the second.
fn citation_id(note: usize, citation: usize) -> String {
    if citation == 1 {
        format!("fnref-{note}")
    } else {
        format!("fnref-{note}-{citation}")
    }
}
