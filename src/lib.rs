//! newsdex: turn a corpus of news articles into a tantivy index of articles,
//! the entities they mention and the statements they report, and search it.
//!
//! The pipeline, in the order data flows:
//! - [`corpus`]: readers for JSONL, text folders, Reuters SGML → [`corpus::Article`];
//! - [`extract`]: sentences, entities (knowledge base + rules + tagger), statements;
//! - [`index`]: the tantivy schema and the incremental, crash-safe writer;
//! - [`query`]: query parsing (tantivy syntax and plain English), filters,
//!   facets and rendering of results.

pub mod corpus;
pub mod extract;
pub mod index;
pub mod mem;
pub mod query;
