//! The knowledge base of known people, organisations and places.
//! (Owned by the entities work; placeholder until it lands.)

#[derive(Debug, Default)]
pub struct KnowledgeBase {}

impl KnowledgeBase {
    /// The knowledge base compiled into the binary from `data/`.
    pub fn builtin() -> anyhow::Result<KnowledgeBase> {
        Ok(KnowledgeBase {})
    }
}
