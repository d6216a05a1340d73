//! The index schema: one tantivy index holds articles and the statements
//! extracted from them, told apart by `kind`.
//!
//! Every document carries `article_id`, the id of the article it belongs to
//! (an article's own id, or the article a statement was quoted in). Replacing
//! an article is then one `delete_term(article_id)` followed by adding the new
//! documents: the old article and all its old statements go together.
//!
//! All drill-down dimensions share one facet field, `facet`, under distinct
//! roots, so that `--facet PATH` works for any of them and one
//! `FacetCollector` counts several dimensions in a single pass:
//!
//! | root | example | on |
//! |---|---|---|
//! | `/source` | `/source/The Hill` | all |
//! | `/date` | `/date/2025/11/30` (year, month, day drill-down) | all |
//! | `/tag` | `/tag/places/usa` (reader-supplied tags, Reuters gold codes) | articles |
//! | `/person`, `/org` | `/person/Vladimir Putin` | articles |
//! | `/place` | `/place/United States/Miami`, `/place/Ukraine` | articles |
//! | `/affiliation` | `/affiliation/Russia/Kremlin`: people mentioned (articles), the speaker (statements) | all |
//! | `/speaker` | `/speaker/Yuri Ushakov` | statements |
//! | `/speaker_type` | `/speaker_type/person` | statements |
//!
//! Two more paths are understood without being indexed (schema version 4,
//! see `query::facet_query`): `/kind/article|statement`, which is the `kind`
//! term, and `/month/2025-11`, which is `/date/2025/11`; search counts months
//! as the children of each year's `/date` facet.

use tantivy::schema::{
    DateOptions, Facet, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};

/// Bumped whenever the schema changes incompatibly; recorded in the index
/// folder (`newsdex.json`), and an index of another version is refused with a
/// message asking for `--rebuild`.
pub const SCHEMA_VERSION: u64 = 4;

/// Field handles, resolved once from the schema.
#[derive(Clone, Debug)]
pub struct Fields {
    pub id: Field,
    pub article_id: Field,
    pub kind: Field,
    pub hash: Field,
    pub title: Field,
    pub body: Field,
    /// An article's body as stored (statements store offsets into it).
    pub stored_body: Field,
    pub speaker: Field,
    pub published: Field,
    pub source: Field,
    pub url: Field,
    pub authors: Field,
    pub attribution: Field,
    pub facet: Field,
    /// Stored-only JSON: entity mentions (articles) or statement details.
    pub meta: Field,
}

/// Build the schema. Title, body and speaker use tantivy's built-in `en_stem`
/// analyzer (lower-casing + English Snowball stemming) with positions, so
/// phrase queries work and "talks" finds "talk".
pub fn build_schema() -> Schema {
    let mut b = Schema::builder();
    let stemmed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    // A document's own id is only ever read back, never searched: an
    // article is found by `article_id` (see `writer::Lookup`), so `id` costs
    // no term per document (one per statement, ~18 per article, was a
    // dictionary entry each). `article_id` is looked up by term (re-indexing,
    // deletes), never column-wise: no fast field, which for a string field
    // costs a dictionary per segment. Nor is it stored: it is the article's
    // own `id`, or a statement's `id` up to `#s<n>` (`query::stored`).
    b.add_text_field("id", STORED);
    b.add_text_field("article_id", STRING);
    b.add_text_field("kind", STRING | STORED);
    b.add_u64_field("hash", NumericOptions::default() | STORED | FAST);
    b.add_text_field("title", stemmed.clone() | STORED);
    // A statement's words are a slice of its article's text: it indexes
    // them under `body` but stores only their offsets (in `meta`), and
    // search reads them back from the article's `stored_body`. The quoted
    // text, title, source and URL stored again on every statement (~18 per
    // article) made the document store a quarter larger and cost the
    // compressor its share of indexing time (docs/parts/perf.md, session 7).
    b.add_text_field("body", stemmed.clone());
    b.add_text_field("stored_body", STORED);
    b.add_text_field("speaker", stemmed | STORED);
    // A fast column only: date ranges run on it (tantivy's `RangeQuery`
    // prefers a fast field to the terms), as do sorting by date and the
    // date shown with a hit (`query::stored`). Terms and a stored copy were
    // two more things written for every document, statements included.
    b.add_date_field("published", DateOptions::default().set_fast());
    // Shown, never searched by term: sources are filtered through their
    // `/source` facet. Not indexed, which saves a term per document.
    b.add_text_field("source", STORED);
    b.add_text_field("url", STORED);
    b.add_text_field("authors", STORED);
    b.add_text_field("attribution", STORED);
    // Facets are filtered on and counted, never read back from a stored
    // document: not stored, which keeps ~10 paths per statement out of the
    // document store.
    b.add_facet_field("facet", FacetOptions::default());
    b.add_text_field("meta", STORED);
    b.build()
}

impl Fields {
    /// Resolve field handles; fails with a clear message when the index was
    /// built with another schema.
    pub fn from_schema(schema: &Schema) -> anyhow::Result<Fields> {
        let f = |name: &str| {
            schema.get_field(name).map_err(|_| {
                anyhow::anyhow!(
                    "the index was built by another version of newsdex (no field `{name}`); \
                     rebuild it with `newsdex index --rebuild`"
                )
            })
        };
        Ok(Fields {
            id: f("id")?,
            article_id: f("article_id")?,
            kind: f("kind")?,
            hash: f("hash")?,
            title: f("title")?,
            body: f("body")?,
            stored_body: f("stored_body")?,
            speaker: f("speaker")?,
            published: f("published")?,
            source: f("source")?,
            url: f("url")?,
            authors: f("authors")?,
            attribution: f("attribution")?,
            facet: f("facet")?,
            meta: f("meta")?,
        })
    }
}

/// A facet from path components, each cleaned so that no component is empty
/// or carries characters tantivy reserves (the `\0` separator).
pub fn facet<I, S>(root: &str, parts: I) -> Facet
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    // Built straight into tantivy's encoded form (components joined by
    // `\0`): one allocation per facet, which matters with tens of facets
    // on every article and statement.
    let mut encoded = String::with_capacity(64);
    encoded.push_str(root);
    for p in parts {
        let p = p.as_ref();
        let t = p.trim();
        if t.is_empty() {
            continue;
        }
        if t.chars().any(char::is_control) {
            let clean: String = t
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            let clean = clean.trim();
            if !clean.is_empty() {
                encoded.push('\0');
                encoded.push_str(clean);
            }
        } else {
            encoded.push('\0');
            encoded.push_str(t);
        }
    }
    Facet::from_encoded(encoded.into_bytes()).unwrap_or_else(|_| Facet::root())
}

/// Parse a user-typed facet path (`/person/Vladimir Putin`, `person/Putin`),
/// adding the leading slash when it is missing.
pub fn parse_facet(text: &str) -> anyhow::Result<Facet> {
    let t = text.trim();
    if t.trim_matches('/').is_empty() {
        anyhow::bail!(
            "empty facet path `{text}`: give one such as /date/2022/02 or /person/Vladimir Putin"
        );
    }
    let owned;
    let t = if t.starts_with('/') {
        t
    } else {
        owned = format!("/{t}");
        &owned
    };
    Facet::from_text(t).map_err(|e| anyhow::anyhow!("invalid facet path `{text}`: {e}"))
}
