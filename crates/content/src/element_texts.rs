//! The text of each matched element, whole: lol_html hands an element's
//! text over in chunks, and the last chunk of a text node says so. Used
//! where the build reads `<style>` and `<script>` bodies (CSP hashes, the
//! style sheets of Mermaid's SVGs).

use std::cell::RefCell;

use lol_html::html_content::TextChunk;

/// Collects the text of every element a `text!` handler matches, in order.
#[derive(Debug, Default)]
pub(crate) struct ElementTexts {
    texts: RefCell<Vec<String>>,
    current: RefCell<String>,
}

impl ElementTexts {
    /// Adds a chunk; a chunk that ends its text node ends the element's text.
    pub(crate) fn add(&self, chunk: &TextChunk) {
        self.current.borrow_mut().push_str(chunk.as_str());
        if chunk.last_in_text_node() {
            let text = std::mem::take(&mut *self.current.borrow_mut());
            self.texts.borrow_mut().push(text);
        }
    }

    /// Every element's text, in document order.
    pub(crate) fn into_texts(self) -> Vec<String> {
        self.texts.into_inner()
    }
}
