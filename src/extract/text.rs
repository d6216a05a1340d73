//! Paragraphs, sentences and tokens with byte offsets.
//! (Owned by the entities work; placeholder until it lands.)

use super::Span;

/// A text split for extraction. All spans are byte offsets into `text`.
pub struct Doc<'a> {
    pub text: &'a str,
    pub sentences: Vec<Span>,
    pub tokens: Vec<Span>,
}

impl<'a> Doc<'a> {
    pub fn analyze(text: &'a str) -> Doc<'a> {
        Doc {
            text,
            sentences: Vec::new(),
            tokens: Vec::new(),
        }
    }
}
