//! Statistical name tagger (PER / ORG / LOC / MISC).
//! (Owned by the tagger work; placeholder until it lands.)

#[derive(Debug)]
pub struct Tagger {}
