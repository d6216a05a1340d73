//! From an [`Article`] and its [`Extraction`] to tantivy documents: one for the
//! article, one per statement.

use chrono::Datelike;
use serde::Serialize;
use tantivy::schema::Facet;
use tantivy::TantivyDocument;

use super::schema::{facet, Fields};
use crate::corpus::{stable_hash, Article};
use crate::extract::{Entity, EntityKind, Extraction, SpeakerType, Statement};

/// Version of what extraction produces. Part of every article's content hash,
/// so that after a change to extraction, re-indexing the same input refreshes
/// the stored entities and statements instead of reporting them unchanged.
pub const EXTRACT_VERSION: u64 = 4;

/// Content hash deciding "unchanged" vs "updated": every article field that
/// reaches the index, plus the extraction version and the knowledge-base
/// fingerprint (`salt`).
pub fn content_hash(a: &Article, salt: u64) -> u64 {
    let mut buf = Vec::with_capacity(a.title.len() + a.body.len() + 256);
    for part in [
        a.title.as_str(),
        a.body.as_str(),
        a.source.as_deref().unwrap_or(""),
        a.url.as_deref().unwrap_or(""),
        a.attribution.as_deref().unwrap_or(""),
    ] {
        buf.extend_from_slice(part.as_bytes());
        buf.push(0);
    }
    if let Some(d) = a.published {
        buf.extend_from_slice(&d.timestamp().to_le_bytes());
    }
    buf.push(0);
    for s in a.authors.iter().chain(a.tags.iter()) {
        buf.extend_from_slice(s.as_bytes());
        buf.push(1);
    }
    buf.extend_from_slice(&EXTRACT_VERSION.to_le_bytes());
    buf.extend_from_slice(&salt.to_le_bytes());
    stable_hash(&buf)
}

/// Facets an article shares with its statements: source and calendar.
/// Built once per article and cloned onto each of its documents.
#[derive(Debug, Clone, Default)]
pub struct SharedFacets {
    facets: Vec<Facet>,
}

impl SharedFacets {
    pub fn of(a: &Article) -> SharedFacets {
        let mut facets = Vec::with_capacity(3);
        if let Some(src) = a.source.as_deref() {
            facets.push(facet("source", [src]));
        }
        if let Some(d) = a.published {
            let (y, m, day) = (d.year(), d.month(), d.day());
            facets.push(facet(
                "date",
                [format!("{y:04}"), format!("{m:02}"), format!("{day:02}")],
            ));
            facets.push(facet("month", [format!("{y:04}-{m:02}")]));
        }
        SharedFacets { facets }
    }
}

/// Kind facet plus the article's shared facets.
fn common_facets(doc: &mut TantivyDocument, f: &Fields, shared: &SharedFacets, kind: &str) {
    doc.add_facet(f.facet, facet("kind", [kind]));
    for fa in &shared.facets {
        doc.add_facet(f.facet, fa.clone());
    }
}

fn common_fields(doc: &mut TantivyDocument, f: &Fields, a: &Article) {
    doc.add_text(f.article_id, &a.id);
    if let Some(d) = a.published {
        doc.add_date(
            f.published,
            tantivy::DateTime::from_timestamp_secs(d.timestamp()),
        );
    }
    if let Some(src) = a.source.as_deref() {
        doc.add_text(f.source, src);
    }
    if let Some(url) = a.url.as_deref() {
        doc.add_text(f.url, url);
    }
}

/// The facet path of a place: a country alone, or `country/place`.
pub fn place_facet(e: &Entity) -> Facet {
    match e.country.as_deref() {
        Some(c) if c != e.name => facet("place", [c, e.name.as_str()]),
        _ => facet("place", [e.name.as_str()]),
    }
}

/// Split an affiliation `Country/Body` into facet components.
pub fn affiliation_facet(path: &str) -> Facet {
    facet("affiliation", path.split('/'))
}

/// The article's own document; `text` is `a.text()`, which `x` was
/// extracted from.
pub fn article_doc(
    f: &Fields,
    a: &Article,
    shared: &SharedFacets,
    text: &str,
    x: &Extraction,
    hash: u64,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, &a.id);
    doc.add_text(f.kind, "article");
    doc.add_u64(f.hash, hash);
    doc.add_text(f.title, &a.title);
    doc.add_text(f.body, &a.body);
    common_fields(&mut doc, f, a);
    for au in &a.authors {
        doc.add_text(f.authors, au);
    }
    if let Some(at) = a.attribution.as_deref() {
        doc.add_text(f.attribution, at);
    }
    common_facets(&mut doc, f, shared, "article");
    for t in &a.tags {
        doc.add_facet(f.facet, facet("tag", t.split('/')));
    }
    let mut affiliations: Vec<&str> = Vec::new();
    for e in &x.entities {
        match e.kind {
            EntityKind::Person => {
                doc.add_facet(f.facet, facet("person", [e.name.as_str()]));
                affiliations.extend(e.affiliations.iter().map(String::as_str));
            }
            EntityKind::Org => doc.add_facet(f.facet, facet("org", [e.name.as_str()])),
            EntityKind::Place => doc.add_facet(f.facet, place_facet(e)),
        }
    }
    affiliations.sort_unstable();
    affiliations.dedup();
    for path in affiliations {
        doc.add_facet(f.facet, affiliation_facet(path));
    }
    let meta = ArticleMeta {
        entities: x
            .entities
            .iter()
            .map(|e| EntityMeta {
                name: &e.name,
                kind: e.kind.as_str(),
                qid: e.qid.as_deref(),
                country: e.country.as_deref(),
                mentions: e.mentions.len(),
                first: e.mentions.first().map(|m| m.slice(text)),
                roles: &e.roles,
                affiliations: &e.affiliations,
            })
            .collect(),
        statements: x.statements.len(),
    };
    doc.add_text(f.meta, to_json(&meta));
    doc
}

/// The stored `meta` of an article: its entities, for display without
/// re-running extraction. Serialised from borrowed fields (no JSON tree).
#[derive(Serialize)]
struct ArticleMeta<'a> {
    entities: Vec<EntityMeta<'a>>,
    statements: usize,
}

#[derive(Serialize)]
struct EntityMeta<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    qid: Option<&'a str>,
    country: Option<&'a str>,
    mentions: usize,
    first: Option<&'a str>,
    roles: &'a [String],
    affiliations: &'a [String],
}

/// The stored `meta` of a statement.
#[derive(Serialize)]
struct StatementMeta<'a> {
    article_title: &'a str,
    speaker: Option<&'a str>,
    speaker_type: &'static str,
    speaker_mention: Option<&'a str>,
    roles: &'a [String],
    affiliations: &'a [String],
    direct: bool,
    cue: Option<&'a str>,
}

/// Serialising these structs cannot fail (string keys, no maps with other
/// keys); an empty object keeps the document valid if it ever did.
fn to_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "{}".to_string())
}

/// Human label of a speaker type, also its facet component.
pub fn speaker_type_str(t: SpeakerType) -> &'static str {
    match t {
        SpeakerType::Person => "person",
        SpeakerType::Org => "org",
        SpeakerType::Unnamed => "unnamed",
    }
}

/// One document per statement, linked to its article by `article_id`.
pub fn statement_doc(
    f: &Fields,
    a: &Article,
    shared: &SharedFacets,
    text: &str,
    n: usize,
    s: &Statement,
    speaker_roles: &[String],
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, format!("{}#s{}", a.id, n + 1));
    doc.add_text(f.kind, "statement");
    // A quote broken by its attribution ("…," he said, "…") is indexed
    // and shown as its quoted pieces, without the attribution between them.
    let content = if s.content_parts.is_empty() {
        s.content.slice(text).to_string()
    } else {
        s.content_parts
            .iter()
            .map(|p| p.slice(text).trim())
            .collect::<Vec<_>>()
            .join(" … ")
    };
    doc.add_text(f.body, &content);
    common_fields(&mut doc, f, a);
    common_facets(&mut doc, f, shared, "statement");
    let stype = speaker_type_str(s.speaker_type);
    doc.add_facet(f.facet, facet("speaker_type", [stype]));
    if let Some(sp) = s.speaker.as_deref() {
        doc.add_text(f.speaker, sp);
        doc.add_facet(f.facet, facet("speaker", [sp]));
    }
    for path in &s.affiliations {
        doc.add_facet(f.facet, affiliation_facet(path));
    }
    let meta = StatementMeta {
        article_title: &a.title,
        speaker: s.speaker.as_deref(),
        speaker_type: stype,
        speaker_mention: s.speaker_mention.map(|m| m.slice(text)),
        roles: speaker_roles,
        affiliations: &s.affiliations,
        direct: s.direct,
        cue: s.cue.map(|c| c.slice(text)),
    };
    doc.add_text(f.meta, to_json(&meta));
    doc
}
