//! From an [`Article`] and its [`Extraction`] to tantivy documents: one for the
//! article, one per statement.

use std::hash::Hasher;

use chrono::Datelike;
use serde::Serialize;
use tantivy::schema::Facet;
use tantivy::TantivyDocument;

use super::schema::{facet, Fields};
use crate::corpus::Article;
use crate::extract::wordset::FxHasher;
use crate::extract::{Entity, EntityKind, Extraction, SpeakerType, Statement};

/// Version of what extraction produces. Part of every article's content hash,
/// so that after a change to extraction, re-indexing the same input refreshes
/// the stored entities and statements instead of reporting them unchanged.
pub const EXTRACT_VERSION: u64 = 8;

/// Content hash deciding "unchanged" vs "updated": every article field that
/// reaches the index, plus the extraction version and the knowledge-base
/// fingerprint (`salt`).
pub fn content_hash(a: &Article, salt: u64) -> u64 {
    let mut h = WordHash::default();
    for part in [
        a.title.as_str(),
        a.body.as_str(),
        a.source.as_deref().unwrap_or(""),
        a.url.as_deref().unwrap_or(""),
        a.attribution.as_deref().unwrap_or(""),
    ] {
        h.write(part.as_bytes());
    }
    h.word(a.published.map_or(u64::MAX, |d| d.timestamp() as u64));
    h.word(a.authors.len() as u64);
    for s in a.authors.iter().chain(a.tags.iter()) {
        h.write(s.as_bytes());
    }
    h.word(EXTRACT_VERSION);
    h.word(salt);
    h.finish()
}

/// A 64-bit hash read eight bytes at a time (FxHash, then a finaliser), the
/// same on every platform and run: it is stored in the index. Every article
/// passes through it on every run, so it must not cost what the
/// byte-at-a-time FNV of [`crate::corpus::stable_hash`] (kept for article
/// ids, which must never change) does. Each `write` ends with its length, so
/// the parts of a sequence cannot run into each other ("ab" + "c" is not
/// "a" + "bc").
#[derive(Default)]
struct WordHash(FxHasher);

impl WordHash {
    fn word(&mut self, w: u64) {
        self.0.add(w);
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
        self.0.add(bytes.len() as u64);
    }

    /// MurmurHash3's finaliser: every input bit reaches every output bit.
    fn finish(&self) -> u64 {
        let mut h = self.0.finish();
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// Facets an article shares with its statements: source and calendar.
/// Built once per article and cloned onto each of its documents. There is
/// no `/month/YYYY-MM` facet (search counts and filters months through
/// `/date/YYYY/MM`) nor a `/kind` one (the `kind` term does that): each
/// was two more facet terms on every document (~18 statements per article).
#[derive(Debug, Clone, Default)]
pub struct SharedFacets {
    facets: Vec<Facet>,
}

impl SharedFacets {
    pub fn of(a: &Article) -> SharedFacets {
        let mut facets = Vec::with_capacity(2);
        if let Some(src) = a.source.as_deref() {
            facets.push(facet("source", [src]));
        }
        if let Some(d) = a.published {
            let (y, m, day) = (d.year(), d.month(), d.day());
            facets.push(facet(
                "date",
                [format!("{y:04}"), format!("{m:02}"), format!("{day:02}")],
            ));
        }
        SharedFacets { facets }
    }
}

/// The article's shared facets.
fn common_facets(doc: &mut TantivyDocument, f: &Fields, shared: &SharedFacets) {
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
    doc.add_text(f.stored_body, &a.body);
    common_fields(&mut doc, f, a);
    if let Some(src) = a.source.as_deref() {
        doc.add_text(f.source, src);
    }
    if let Some(url) = a.url.as_deref() {
        doc.add_text(f.url, url);
    }
    for au in &a.authors {
        doc.add_text(f.authors, au);
    }
    if let Some(at) = a.attribution.as_deref() {
        doc.add_text(f.attribution, at);
    }
    common_facets(&mut doc, f, shared);
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

/// The stored `meta` of a statement. `content` (the pieces of the quote),
/// `mention` (the speaker as the text names them) and `cue` are byte spans
/// into the article's text, [`Article::text`].
#[derive(Serialize)]
struct StatementMeta<'a> {
    speaker_type: &'static str,
    roles: &'a [String],
    affiliations: &'a [String],
    direct: bool,
    content: Vec<[usize; 2]>,
    mention: Option<[usize; 2]>,
    cue: Option<[usize; 2]>,
}

/// `span` of `text` without the white space at either end.
fn trimmed(text: &str, span: &crate::extract::Span) -> [usize; 2] {
    let piece = span.slice(text);
    let start = span.start + (piece.len() - piece.trim_start().len());
    [start, start + piece.trim().len()]
}

/// A statement's words: its pieces of `text` joined by an ellipsis (a quote
/// broken by its attribution, "…," he said, "…", without the attribution
/// between). Spans outside `text` or off a character boundary
/// (a stored statement read against another version of its article) give
/// nothing rather than a panic.
pub fn statement_text(text: &str, pieces: &[[usize; 2]]) -> String {
    pieces
        .iter()
        .map(|&[a, b]| text.get(a..b).unwrap_or(""))
        .collect::<Vec<_>>()
        .join(" … ")
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

/// One document per statement, linked to its article by `article_id`. It
/// stores what only it knows (speaker, roles, affiliations, and where its
/// words sit in the article's text); search takes the words, title, source
/// and URL from the article ([`crate::query`]).
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
    // A quote broken by its attribution is indexed as its quoted pieces;
    // the pieces' spans are what search shows it from.
    let pieces: Vec<[usize; 2]> = if s.content_parts.is_empty() {
        vec![[s.content.start, s.content.end]]
    } else {
        s.content_parts.iter().map(|p| trimmed(text, p)).collect()
    };
    doc.add_text(f.body, statement_text(text, &pieces));
    common_fields(&mut doc, f, a);
    common_facets(&mut doc, f, shared);
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
        speaker_type: stype,
        roles: speaker_roles,
        affiliations: &s.affiliations,
        direct: s.direct,
        content: pieces,
        mention: s.speaker_mention.map(|m| [m.start, m.end]),
        cue: s.cue.map(|c| [c.start, c.end]),
    };
    doc.add_text(f.meta, to_json(&meta));
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Span;

    #[test]
    fn content_hash_sees_every_field_and_boundary() {
        let base = Article {
            title: "ab".into(),
            body: "c".into(),
            ..Article::default()
        };
        let h = content_hash(&base, 7);
        assert_eq!(h, content_hash(&base.clone(), 7));
        assert_ne!(h, content_hash(&base, 8));
        let moved = Article {
            title: "a".into(),
            body: "bc".into(),
            ..Article::default()
        };
        assert_ne!(h, content_hash(&moved, 7));
        let long = Article {
            body: "c".repeat(17),
            ..base.clone()
        };
        let longer = Article {
            body: "c".repeat(18),
            ..base.clone()
        };
        assert_ne!(content_hash(&long, 7), content_hash(&longer, 7));
        let author = Article {
            authors: vec!["x".into()],
            ..base.clone()
        };
        let tag = Article {
            tags: vec!["x".into()],
            ..base.clone()
        };
        assert_ne!(content_hash(&author, 7), content_hash(&tag, 7));
        assert_ne!(h, content_hash(&author, 7));
    }

    #[test]
    fn statement_words_come_from_spans() {
        let text = "Title\n\n\u{201c}We will win,\u{201d} she said, \u{201c}soon.\u{201d}";
        let first = text.find("We").unwrap_or(0);
        let second = text.find("soon").unwrap_or(0);
        // A piece keeps its words without the spaces around them.
        let spaced = "Title\n\n  We will win \n";
        let piece = trimmed(spaced, &Span::new(7, spaced.len()));
        assert_eq!(spaced.get(piece[0]..piece[1]), Some("We will win"));
        let pieces = [[first, first + "We will win".len()], [second, second + 4]];
        assert_eq!(statement_text(text, &pieces), "We will win … soon");
        // Spans read against text they do not fit give nothing, not a panic:
        // past the end, and inside the curly quote's three bytes.
        let quote = text.find('\u{201d}').unwrap_or(0);
        assert_eq!(statement_text(text, &[[first, text.len() + 5]]), "");
        assert_eq!(statement_text(text, &[[quote + 1, quote + 2]]), "");
        assert_eq!(statement_text(text, &[[first, first + 2], [9, 4]]), "We … ");
    }
}
