//! Entity mentions: knowledge base matches, rules, tagger, coreference.
//! (Owned by the entities work; placeholder until it lands.)

use super::{kb::KnowledgeBase, ner::Tagger, text::Doc, Entity};

pub fn extract(
    _doc: &Doc,
    _kb: &KnowledgeBase,
    _tagger: Option<&Tagger>,
    _date: Option<chrono::NaiveDate>,
) -> Vec<Entity> {
    Vec::new()
}
