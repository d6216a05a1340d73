//! From an [`Article`] and its [`Extraction`] to tantivy documents: one for the
//! article, one per statement.

use std::hash::Hasher;

use chrono::Datelike;
use tantivy::schema::Facet;
use tantivy::TantivyDocument;

use super::schema::{facet, Fields};
use crate::corpus::Article;
use crate::extract::wordset::FxHasher;
use crate::extract::{Entity, EntityKind, Extraction, SpeakerType, Statement};

/// Version of what extraction produces. Part of every article's content hash,
/// so that after a change to extraction, re-indexing the same input refreshes
/// the stored entities and statements instead of reporting them unchanged.
pub const EXTRACT_VERSION: u64 = 4;

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
    let mut meta = JsonOut::with_capacity(32 + 96 * x.entities.len());
    meta.open("entities");
    meta.0.push('[');
    for e in &x.entities {
        meta.sep();
        meta.0.push('{');
        meta.key("name");
        meta.str(&e.name);
        meta.key("type");
        meta.str(e.kind.as_str());
        meta.key("qid");
        meta.opt_str(e.qid.as_deref());
        meta.key("country");
        meta.opt_str(e.country.as_deref());
        meta.key("mentions");
        meta.num(e.mentions.len());
        meta.key("first");
        meta.opt_str(e.mentions.first().map(|m| m.slice(text)));
        meta.key("roles");
        meta.strs(&e.roles);
        meta.key("affiliations");
        meta.strs(&e.affiliations);
        meta.0.push('}');
    }
    meta.0.push(']');
    meta.key("statements");
    meta.num(x.statements.len());
    doc.add_text(f.meta, meta.close());
    doc
}

/// The stored `meta` of a document, a JSON object written straight into
/// its string, in the shape serde_json gave the structs it replaced (the
/// same bytes): an article's entities (`name`, `type`, `qid`, `country`,
/// `mentions`, `first`, `roles`, `affiliations`) and statement count, for
/// display without re-running extraction; a statement's `speaker_type`,
/// `roles`, `affiliations`, `direct`, and `content` (the pieces of the
/// quote), `mention` (the speaker as the text names them) and `cue` as byte
/// spans into [`Article::text`]. serde_json escaped every key and value a
/// byte at a time and formatted through its serializer: ~16M of 3,035M
/// instructions indexing 300 articles.
struct JsonOut(String);

impl JsonOut {
    fn with_capacity(n: usize) -> JsonOut {
        let mut s = String::with_capacity(n);
        s.push('{');
        JsonOut(s)
    }

    /// The first key of the object.
    fn open(&mut self, key: &str) {
        self.key(key);
    }

    /// A comma unless at the start of an object or array.
    fn sep(&mut self) {
        if !matches!(self.0.as_bytes().last(), Some(b'{' | b'[')) {
            self.0.push(',');
        }
    }

    /// A key; keys are literals here, with nothing to escape.
    fn key(&mut self, key: &str) {
        self.sep();
        self.0.push('"');
        self.0.push_str(key);
        self.0.push_str("\":");
    }

    fn str(&mut self, v: &str) {
        self.0.push('"');
        if needs_escape(v.as_bytes()) {
            for c in v.chars() {
                match c {
                    '"' => self.0.push_str("\\\""),
                    '\\' => self.0.push_str("\\\\"),
                    '\n' => self.0.push_str("\\n"),
                    '\r' => self.0.push_str("\\r"),
                    '\t' => self.0.push_str("\\t"),
                    '\u{8}' => self.0.push_str("\\b"),
                    '\u{c}' => self.0.push_str("\\f"),
                    c if (c as u32) < 0x20 => {
                        const HEX: &[u8; 16] = b"0123456789abcdef";
                        self.0.push_str("\\u00");
                        self.0.push(char::from(HEX[(c as usize) >> 4]));
                        self.0.push(char::from(HEX[(c as usize) & 15]));
                    }
                    c => self.0.push(c),
                }
            }
        } else {
            self.0.push_str(v);
        }
        self.0.push('"');
    }

    fn opt_str(&mut self, v: Option<&str>) {
        match v {
            Some(v) => self.str(v),
            None => self.0.push_str("null"),
        }
    }

    fn strs(&mut self, vs: &[String]) {
        self.0.push('[');
        for v in vs {
            self.sep();
            self.str(v);
        }
        self.0.push(']');
    }

    fn num(&mut self, mut n: usize) {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for &d in &digits[i..] {
            self.0.push(char::from(d));
        }
    }

    fn span(&mut self, [a, b]: [usize; 2]) {
        self.0.push('[');
        self.num(a);
        self.0.push(',');
        self.num(b);
        self.0.push(']');
    }

    fn opt_span(&mut self, v: Option<[usize; 2]>) {
        match v {
            Some(v) => self.span(v),
            None => self.0.push_str("null"),
        }
    }

    fn close(mut self) -> String {
        self.0.push('}');
        self.0
    }
}

/// Whether JSON needs any byte of `b` escaped (a control character, `"` or
/// `\`), as serde_json escapes them. Sixteen bytes at a time without an
/// early exit inside a chunk, which the compiler turns into vector compares.
fn needs_escape(b: &[u8]) -> bool {
    let bad = |x: u8| (x < 0x20) | (x == b'"') | (x == b'\\');
    let mut chunks = b.chunks_exact(16);
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |acc, &x| acc | bad(x)) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&x| bad(x))
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
    let mut meta = JsonOut::with_capacity(128);
    meta.open("speaker_type");
    meta.str(stype);
    meta.key("roles");
    meta.strs(speaker_roles);
    meta.key("affiliations");
    meta.strs(&s.affiliations);
    meta.key("direct");
    meta.0.push_str(if s.direct { "true" } else { "false" });
    meta.key("content");
    meta.0.push('[');
    for &p in &pieces {
        meta.sep();
        meta.span(p);
    }
    meta.0.push(']');
    meta.key("mention");
    meta.opt_span(s.speaker_mention.map(|m| [m.start, m.end]));
    meta.key("cue");
    meta.opt_span(s.cue.map(|c| [c.start, c.end]));
    doc.add_text(f.meta, meta.close());
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
    fn meta_json_is_serde_jsons() {
        for v in [
            "",
            "plain words",
            "a \"quote\" and a back\\slash",
            "tab\tnew\nline\r\u{8}\u{c}\u{1}\u{1f} end",
            "long enough to fill a sixteen-byte chunk, then \"one\"",
            "caf\u{e9} \u{201c}curly\u{201d} \u{7f}",
        ] {
            let mut out = JsonOut(String::new());
            out.str(v);
            assert_eq!(out.0, serde_json::to_string(v).unwrap_or_default(), "{v:?}");
        }
        let mut m = JsonOut::with_capacity(8);
        m.open("roles");
        m.strs(&["a".to_string(), "b\"".to_string()]);
        m.key("none");
        m.strs(&[]);
        m.key("n");
        m.num(0);
        m.key("big");
        m.num(usize::MAX);
        m.key("content");
        m.0.push('[');
        for p in [[1, 20], [300, 4000]] {
            m.sep();
            m.span(p);
        }
        m.0.push(']');
        m.key("cue");
        m.opt_span(None);
        m.key("first");
        m.opt_str(Some("x"));
        assert_eq!(
            m.close(),
            format!(
                r#"{{"roles":["a","b\""],"none":[],"n":0,"big":{},"content":[[1,20],[300,4000]],"cue":null,"first":"x"}}"#,
                usize::MAX
            )
        );
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
