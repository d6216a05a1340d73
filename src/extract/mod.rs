//! Extraction: from an article's text to the entities it mentions and the
//! statements it reports.
//!
//! Every span is a pair of UTF-8 byte offsets into the text that was given to
//! the extractor (for an [`crate::corpus::Article`], its `text()`).

use serde::Serialize;

/// Half-open byte range `[start, end)` into the extracted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The text this span covers, or "" when it does not fall on char
    /// boundaries of `text` (never panics).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Org,
    Place,
}

impl EntityKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Org => "org",
            EntityKind::Place => "place",
        }
    }
}

/// One entity of an article, with all its mentions resolved to it.
#[derive(Debug, Clone, Serialize)]
pub struct Entity {
    /// Canonical name (from the knowledge base, else the normalised surface form).
    pub name: String,
    pub kind: EntityKind,
    /// Wikidata QID where the knowledge base knows it.
    pub qid: Option<String>,
    /// Country for places and people (canonical country name), when known.
    pub country: Option<String>,
    pub mentions: Vec<Span>,
    /// Roles the text or the knowledge base gives, e.g. "foreign affairs adviser".
    pub roles: Vec<String>,
    /// `Country/Body` paths, e.g. `Russia/Kremlin`, `Ukraine/Government`.
    pub affiliations: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerType {
    Person,
    Org,
    /// "officials said", "a source told": a speaker that names no one.
    Unnamed,
}

/// One reported statement: who said what, and how the text says it.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    /// Canonical speaker name; `None` for unnamed sources.
    pub speaker: Option<String>,
    pub speaker_type: SpeakerType,
    /// The speaker's affiliations (`Country/Body`), from the entity layer.
    pub affiliations: Vec<String>,
    /// Quoted words (true) or reported speech (false).
    pub direct: bool,
    pub speaker_mention: Option<Span>,
    pub cue: Option<Span>,
    pub content: Span,
    /// The quoted pieces when the text breaks the content with its
    /// attribution (`"A," he said, "B."`); `content` then runs from the first
    /// piece to the last. Empty when the content is one piece.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub content_parts: Vec<Span>,
}

/// Everything extracted from one text.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Extraction {
    pub entities: Vec<Entity>,
    pub statements: Vec<Statement>,
}

pub mod entities;
pub mod kb;
pub mod ner;
pub mod quotes;
pub mod statements;
pub mod swar;
pub mod text;
pub mod wordset;

use std::sync::Arc;

/// The whole extraction pipeline, shared (read-only) by all indexing threads.
pub struct Extractor {
    pub kb: Arc<kb::KnowledgeBase>,
    /// Statistical name tagger; `None` runs knowledge base and rules only.
    pub tagger: Option<Arc<ner::Tagger>>,
}

impl Extractor {
    /// Entities and statements of `text`; `date` (the article's publication
    /// date) picks who held a role ("the Russian president") at the time.
    pub fn extract(&self, text: &str, date: Option<chrono::NaiveDate>) -> Extraction {
        self.extract_in(
            text,
            &Context {
                date,
                ..Context::default()
            },
        )
    }

    /// [`Self::extract`] knowing where the article comes from: an official
    /// release ("the Head of State noted") names its own head of state by
    /// title alone.
    pub fn extract_in(&self, text: &str, ctx: &Context) -> Extraction {
        let doc = text::Doc::analyze(text);
        let entities = entities::extract(&doc, &self.kb, self.tagger.as_deref(), ctx.date);
        let home = statements::publisher_country(&self.kb, ctx.source, ctx.url);
        let statements =
            statements::extract_at(&doc, &entities, &self.kb, ctx.date, home.as_deref());
        Extraction {
            entities,
            statements,
        }
    }
}

/// What is known of an article besides its text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// Publication date: picks who held a role ("the Russian president").
    pub date: Option<chrono::NaiveDate>,
    /// Source name, e.g. "President of Russia (en.kremlin.ru)".
    pub source: Option<&'a str>,
    pub url: Option<&'a str>,
}

impl<'a> Context<'a> {
    /// The context of a read article.
    pub fn of(a: &'a crate::corpus::Article) -> Context<'a> {
        Context {
            date: a.published.map(|d| d.date_naive()),
            source: a.source.as_deref(),
            url: a.url.as_deref(),
        }
    }
}
