//! Statements: direct quotes, reported speech, transcripts, and their speakers.
//! (Owned by the statements work; placeholder until it lands.)

use super::{kb::KnowledgeBase, text::Doc, Entity, Statement};

pub fn extract(
    _doc: &Doc,
    _entities: &[Entity],
    _kb: &KnowledgeBase,
    _date: Option<chrono::NaiveDate>,
) -> Vec<Statement> {
    Vec::new()
}
