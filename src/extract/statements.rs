//! Statements: direct quotes, reported speech, transcripts, and their speakers.
//!
//! Rule-based and bounded. The text is cut into quotations, paragraphs and
//! sentences ([`super::quotes`]); each sentence is searched for an
//! attribution frame around a cue (a reporting verb, `according to`, a
//! transcript label), and the source noun phrase next to the cue becomes the
//! speaker mention. Mentions are resolved to entities afterwards, in text
//! order, so pronouns and short forms find the nearest compatible speaker.
//!
//! Content conventions follow PolNeAR (the evaluation set): reported clauses
//! keep their complementiser ("that …"); a quote broken by its attribution
//! (`"A," he said, "B."`) and quote-only sentences right after it are one
//! statement whose content runs from the first to the last quoted word.

use super::quotes::{self, Quote, Tok};
use super::{kb::KnowledgeBase, text::Doc, Entity, EntityKind, Span, SpeakerType, Statement};

/// Most paragraphs one statement's content may cover.
pub const MAX_STATEMENT_PARAGRAPHS: usize = 5;
/// Most bytes one statement's content may cover.
pub const MAX_STATEMENT_BYTES: usize = 5000;

/// Statements of `doc`, speakers resolved against `entities` (the entity
/// layer's output for the same text).
pub fn extract(
    doc: &Doc,
    entities: &[Entity],
    _kb: &KnowledgeBase,
    _date: Option<chrono::NaiveDate>,
) -> Vec<Statement> {
    extract_text(doc.text, entities)
}

/// [`extract`] on a bare text; usable without a knowledge base.
pub fn extract_text(text: &str, entities: &[Entity]) -> Vec<Statement> {
    let quotes = quotes::find_quotes(text);
    let sentences = quotes::sentences(text, &quotes);
    let mut found = transcript_turns(text, &sentences);
    let mut qi = 0;
    for (si, &sent) in sentences.iter().enumerate() {
        while quotes.get(qi).is_some_and(|q| q.close_end <= sent.start) {
            qi += 1;
        }
        let in_sentence: Vec<Quote> = quotes[qi.min(quotes.len())..]
            .iter()
            .take_while(|q| q.open < sent.end)
            .copied()
            .collect();
        let before = found.len();
        analyze_sentence(text, sent, &in_sentence, &mut found);
        if found.len() == before {
            continue_quote(text, &sentences, si, &in_sentence, &mut found);
        }
    }
    found.sort_by_key(|f| (f.content.start, f.content.end));
    dedupe(&mut found);
    let mut resolver = Resolver::new(text, entities);
    found
        .into_iter()
        .filter_map(|f| {
            let content = quotes::trimmed(text, f.content)?;
            let speaker = match f.source {
                Some(s) => resolver.resolve(s),
                None => Speaker::unnamed(),
            };
            Some(Statement {
                speaker: speaker.name,
                speaker_type: speaker.kind,
                affiliations: speaker.affiliations,
                direct: f.direct,
                speaker_mention: f.source,
                cue: f.cue,
                content: bound(text, content),
            })
        })
        .collect()
}

/// A candidate statement before speaker resolution.
#[derive(Debug, Clone)]
struct Found {
    source: Option<Span>,
    cue: Option<Span>,
    content: Span,
    direct: bool,
}

/// Cuts `span` to [`MAX_STATEMENT_BYTES`] and [`MAX_STATEMENT_PARAGRAPHS`],
/// on a char boundary, preferring a sentence end.
fn bound(text: &str, span: Span) -> Span {
    let mut end = span.end;
    let s = span.slice(text);
    let mut paras = 1;
    for (i, c) in s.char_indices() {
        if c == '\n' {
            paras += 1;
            if paras > MAX_STATEMENT_PARAGRAPHS {
                end = span.start + i;
                break;
            }
        }
    }
    if end - span.start > MAX_STATEMENT_BYTES {
        let mut cut = span.start + MAX_STATEMENT_BYTES;
        while cut > span.start && !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let piece = text.get(span.start..cut).unwrap_or("");
        let at = piece
            .rfind(['.', '!', '?'])
            .map(|p| p + 1)
            .unwrap_or(piece.len());
        end = span.start
            + if at > piece.len() / 2 {
                at
            } else {
                piece.len()
            };
    }
    quotes::trimmed(text, Span::new(span.start, end)).unwrap_or(Span::new(span.start, span.start))
}

/// Drops candidates whose content mostly repeats an earlier one's.
fn dedupe(found: &mut Vec<Found>) {
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    for f in found.drain(..) {
        let dup = kept.iter_mut().rev().take(4).find(|k| {
            let ov = overlap(k.content, f.content);
            ov * 2 > k.content.len().min(f.content.len())
        });
        match dup {
            // Prefer the one that names a source, then the longer content.
            Some(k) => {
                if k.source.is_none() && f.source.is_some() {
                    *k = f;
                }
            }
            None => kept.push(f),
        }
    }
    *found = kept;
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

// ---------------------------------------------------------------- lexicon

/// Reporting verbs (finite forms) and whether a bare clause may follow them
/// as content ("said the talks failed"); the others need "that", a colon or
/// a quote.
const CUE_VERBS: &[(&str, bool)] = &[
    ("said", true),
    ("says", true),
    ("say", true),
    ("told", false),
    ("tells", false),
    ("tell", false),
    ("stated", true),
    ("states", true),
    ("added", true),
    ("adds", true),
    ("warned", true),
    ("warns", true),
    ("denied", true),
    ("denies", true),
    ("claimed", true),
    ("claims", true),
    ("insisted", true),
    ("insists", true),
    ("wrote", true),
    ("writes", true),
    ("announced", true),
    ("announces", true),
    ("accused", true),
    ("accuses", true),
    ("alleged", true),
    ("alleges", true),
    ("argued", true),
    ("argues", true),
    ("argue", true),
    ("noted", true),
    ("notes", true),
    ("stressed", true),
    ("stresses", true),
    ("explained", true),
    ("explains", true),
    ("acknowledged", true),
    ("acknowledges", true),
    ("asked", false),
    ("asks", false),
    ("tweeted", true),
    ("reported", false),
    ("reports", false),
    ("declared", true),
    ("declares", true),
    ("suggested", true),
    ("suggests", true),
    ("believes", true),
    ("believe", true),
    ("thinks", true),
    ("predicted", true),
    ("predicts", true),
    ("recalled", true),
    ("recalls", true),
    ("replied", false),
    ("responded", false),
    ("continued", false),
    ("emphasised", true),
    ("emphasized", true),
    ("emphasises", true),
    ("emphasizes", true),
    ("confirmed", true),
    ("confirms", true),
    ("revealed", false),
    ("admitted", true),
    ("admits", true),
    ("conceded", true),
    ("concedes", true),
    ("contended", true),
    ("contends", true),
    ("maintained", false),
    ("maintains", false),
    ("complained", true),
    ("complains", true),
    ("promised", false),
    ("pledged", false),
    ("vowed", false),
    ("vows", false),
    ("estimated", false),
    ("concluded", false),
    ("countered", true),
    ("remarked", true),
    ("testified", false),
    ("posted", false),
    ("wondered", false),
    ("cautioned", true),
    ("boasted", true),
    ("joked", true),
    ("quipped", true),
    ("mentioned", false),
    ("assured", false),
    ("reiterated", true),
    ("underlined", false),
    ("underscored", false),
    ("observed", true),
    ("learned", false),
    ("agreed", false),
    ("hinted", false),
    ("signalled", false),
    ("signaled", false),
];

/// "…, saying that …": the source is the sentence's subject.
const PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "noting",
    "arguing",
    "telling",
    "insisting",
    "warning",
    "claiming",
    "stressing",
    "explaining",
    "declaring",
    "suggesting",
    "acknowledging",
    "writing",
    "emphasising",
    "emphasizing",
    "asserting",
    "stating",
    "announcing",
    "predicting",
];

/// Words between a source and its verb that belong to neither.
const AUX_ADVERBS: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "later",
    "previously",
    "once",
    "recently",
    "then",
    "repeatedly",
    "publicly",
    "reportedly",
    "just",
    "again",
    "already",
    "separately",
    "privately",
    "swiftly",
    "quickly",
    "initially",
    "earlier",
    "subsequently",
    "further",
    "flatly",
    "firmly",
    "bluntly",
    "simply",
    "openly",
    "often",
    "frequently",
    "famously",
    "long",
    "always",
    "never",
    "even",
    "only",
    "still",
    "now",
    "herself",
    "himself",
    "themselves",
    "itself",
    "angrily",
    "proudly",
    "quietly",
    "explicitly",
    "correctly",
    "falsely",
    "wrongly",
    "rightly",
    "immediately",
    "originally",
    "first",
    "last",
    "finally",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it", "who", "you", "which"];

/// Lowercase words that may sit inside a source noun phrase.
const NP_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "another",
    "one",
    "two",
    "three",
    "several",
    "many",
    "some",
    "both",
    "senior",
    "top",
    "former",
    "chief",
    "deputy",
    "foreign",
    "affairs",
    "human",
    "rights",
    "state",
    "news",
    "media",
    "administration",
    "government",
    "adviser",
    "advisor",
    "advisers",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "source",
    "sources",
    "aide",
    "aides",
    "minister",
    "ministry",
    "envoy",
    "president",
    "presidency",
    "office",
    "statement",
    "agency",
    "agencies",
    "department",
    "secretary",
    "ambassador",
    "commissioner",
    "ombudsman",
    "special",
    "presidential",
    "military",
    "defence",
    "defense",
    "intelligence",
    "police",
    "campaign",
    "party",
    "leader",
    "leaders",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "observers",
    "critics",
    "people",
    "of",
    "his",
    "her",
    "their",
    "its",
    "press",
    "general",
    "director",
    "chairman",
    "chairwoman",
    "executive",
    "member",
    "members",
    "lawmaker",
    "lawmakers",
    "senator",
    "candidate",
    "nominee",
    "governor",
    "mayor",
    "report",
    "head",
    "spokesmen",
    "representative",
    "representatives",
    "negotiator",
    "negotiators",
    "diplomat",
    "diplomats",
    "prosecutor",
    "prosecutors",
    "officer",
    "officers",
    "authorities",
    "residents",
    "witnesses",
    "supporters",
    "opponents",
    "voters",
    "critic",
    "economist",
    "economists",
    "professor",
    "attorney",
    "lawyer",
    "lawyers",
    "judge",
    "court",
    "council",
    "committee",
    "team",
    "staff",
    "chief's",
    "vice",
    "prime",
    "national",
    "security",
    "federal",
    "local",
    "regional",
    "white",
    "house",
    "republican",
    "democratic",
    "new",
    "other",
    "unnamed",
    "anonymous",
    "familiar",
    "close",
    "insider",
    "insiders",
    "person",
    "man",
    "woman",
    "daughter",
    "son",
    "wife",
    "husband",
    "father",
    "mother",
    "spokespeople",
    "group",
    "organization",
    "organisation",
    "company",
    "firm",
    "bank",
    "newspaper",
    "broadcaster",
    "channel",
    "outlet",
    "ministry's",
    "government's",
    "country's",
    "nation's",
    "administration's",
    "campaign's",
    "party's",
    "kremlin's",
    "communications",
    "policy",
    "public",
    "health",
    "economic",
    "finance",
    "interior",
    "justice",
    "energy",
    "trade",
];

/// Heads of noun phrases that name no one ("officials said").
const UNNAMED_HEADS: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "aide",
    "aides",
    "diplomat",
    "diplomats",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "observers",
    "critics",
    "critic",
    "people",
    "person",
    "insider",
    "insiders",
    "residents",
    "witnesses",
    "supporters",
    "opponents",
    "voters",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representative",
    "representatives",
    "authorities",
    "lawmakers",
    "economists",
    "negotiators",
    "prosecutors",
    "officers",
    "others",
    "some",
    "many",
    "someone",
    "man",
    "woman",
    "spokespeople",
    "members",
];

/// Heads that make a phrase an organisation ("the ministry said").
const ORG_HEADS: &[&str] = &[
    "kremlin",
    "presidency",
    "office",
    "ministry",
    "department",
    "government",
    "agency",
    "agencies",
    "campaign",
    "committee",
    "party",
    "statement",
    "administration",
    "council",
    "court",
    "team",
    "staff",
    "house",
    "company",
    "firm",
    "bank",
    "newspaper",
    "post",
    "times",
    "journal",
    "reuters",
    "ap",
    "afp",
    "tass",
    "ria",
    "interfax",
    "bbc",
    "cnn",
    "group",
    "organization",
    "organisation",
    "police",
    "military",
    "army",
    "commission",
    "union",
    "report",
    "broadcaster",
    "channel",
    "outlet",
    "media",
    "service",
    "pentagon",
    "nato",
    "un",
    "eu",
    "fund",
    "institute",
    "university",
    "center",
    "centre",
    "foundation",
    "association",
    "network",
    "news",
    "press",
    "senate",
    "congress",
    "parliament",
    "duma",
    "rada",
    "cabinet",
    "embassy",
    "mission",
    "command",
    "forces",
    "headquarters",
    "secretariat",
];

/// Role nouns that refer back to a named person ("the envoy said").
const ROLE_HEADS: &[&str] = &[
    "envoy",
    "minister",
    "president",
    "adviser",
    "advisor",
    "senator",
    "governor",
    "candidate",
    "nominee",
    "secretary",
    "ombudsman",
    "ambassador",
    "chancellor",
    "leader",
    "mayor",
    "chairman",
    "chairwoman",
    "director",
    "commissioner",
    "negotiator",
    "prosecutor",
    "judge",
    "general",
    "premier",
    "king",
    "queen",
    "pope",
    "businessman",
    "billionaire",
    "congressman",
    "congresswoman",
    "lawmaker",
    "democrat",
    "republican",
    "frontrunner",
    "front-runner",
];

/// Titles dropped from a name ("President Vladimir Putin" → "Vladimir Putin").
const TITLES: &[&str] = &[
    "president",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "sen.",
    "senator",
    "rep.",
    "gov.",
    "governor",
    "secretary",
    "minister",
    "prime",
    "foreign",
    "chancellor",
    "envoy",
    "special",
    "general",
    "gen.",
    "prof.",
    "professor",
    "judge",
    "justice",
    "mayor",
    "ambassador",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sir",
    "dame",
    "lord",
    "lady",
    "chief",
    "deputy",
    "vice",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "the",
    "a",
    "an",
    "former",
    "presidential",
    "candidate",
    "nominee",
    "democratic",
    "republican",
    "speaker",
    "leader",
    "house",
    "senate",
    "state",
    "defense",
    "defence",
    "attorney",
    "first",
    "ombudsman",
    "adviser",
    "advisor",
    "commissioner",
    "director",
    "chairman",
    "premier",
    "of",
    "and",
    "u.s.",
    "us",
];

/// Capitalised words that start sentences or adjuncts, not sources.
const LEAD_STOP: &[&str] = &[
    "on",
    "in",
    "at",
    "after",
    "before",
    "but",
    "and",
    "however",
    "meanwhile",
    "earlier",
    "later",
    "also",
    "then",
    "when",
    "while",
    "as",
    "if",
    "so",
    "yet",
    "still",
    "since",
    "during",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
    "last",
    "this",
    "that",
    "there",
    "here",
    "now",
    "instead",
    "indeed",
    "separately",
    "asked",
    "speaking",
    "writing",
    "because",
    "although",
    "though",
    "for",
    "from",
    "with",
    "by",
    "to",
    "or",
    "nor",
    "not",
    "what",
    "why",
    "how",
    "where",
    "whether",
    "said",
    "says",
    "told",
    "under",
    "over",
    "about",
    "into",
    "of",
];

/// Words of a transcript label that are not a speaker ("Question:").
const LABEL_STOP: &[&str] = &[
    "question",
    "questions",
    "answer",
    "q",
    "a",
    "note",
    "photo",
    "photos",
    "update",
    "updated",
    "source",
    "sources",
    "read",
    "watch",
    "related",
    "correction",
    "background",
    "transcript",
    "video",
    "image",
    "caption",
    "by",
    "tags",
    "warning",
    "editor's",
    "live",
    "breaking",
    "exclusive",
    "opinion",
    "analysis",
    "listen",
    "see",
    "more",
    "also",
    "update",
];

const MALE_NAMES: &[&str] = &[
    "vladimir",
    "dmitry",
    "yuri",
    "kirill",
    "sergei",
    "sergey",
    "steve",
    "steven",
    "donald",
    "joe",
    "jared",
    "marco",
    "volodymyr",
    "dmytro",
    "emmanuel",
    "barack",
    "bernie",
    "ted",
    "john",
    "michael",
    "david",
    "james",
    "robert",
    "william",
    "richard",
    "thomas",
    "mark",
    "paul",
    "george",
    "peter",
    "andrew",
    "mike",
    "chris",
    "jeb",
    "ben",
    "rand",
    "bill",
    "mitch",
    "paul",
    "lindsey",
    "rudy",
    "tim",
    "mike",
    "scott",
    "kevin",
    "eric",
    "andriy",
    "andrii",
    "oleksandr",
    "mykhailo",
    "denys",
    "olaf",
    "boris",
    "keir",
    "rishi",
    "xi",
    "recep",
    "benjamin",
    "antony",
    "jake",
    "lloyd",
    "dmitri",
    "alexei",
    "alexander",
    "nikolai",
    "viktor",
    "igor",
    "ivan",
    "anatoly",
    "valery",
    "ramzan",
    "yevgeny",
    "jens",
    "charles",
    "friedrich",
    "pedro",
    "giorgia",
    "narendra",
    "chuck",
    "nancy",
    "kamala",
    "hillary",
];

const FEMALE_NAMES: &[&str] = &[
    "hillary",
    "maria",
    "nancy",
    "kamala",
    "ursula",
    "giorgia",
    "angela",
    "theresa",
    "liz",
    "elizabeth",
    "mary",
    "sarah",
    "jennifer",
    "susan",
    "karen",
    "lisa",
    "anna",
    "olena",
    "iryna",
    "yulia",
    "kaja",
    "annalena",
    "kristalina",
    "christine",
    "michelle",
    "melania",
    "ivanka",
    "nikki",
    "elizabeth",
    "amy",
    "kirsten",
    "tulsi",
    "carly",
    "jill",
    "sarah",
    "marine",
    "ella",
    "julia",
    "tatyana",
    "valentina",
    "olga",
    "natalia",
    "ekaterina",
    "catherine",
    "margaret",
    "hope",
    "kellyanne",
    "huma",
    "donna",
    "debbie",
    "claire",
];

fn lower(text: &str, t: &Tok) -> String {
    t.span.slice(text).to_lowercase()
}

fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

fn cue_verb(word: &str) -> Option<bool> {
    CUE_VERBS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, bare)| *bare)
}

// ------------------------------------------------------------ transcripts

/// `Vladimir Putin: …` speaker turns. A label needs at least two labels in
/// the text (a lone "Envoy: talks held" headline is not a transcript).
fn transcript_turns(text: &str, sentences: &[Span]) -> Vec<Found> {
    let mut labels: Vec<(Span, usize)> = Vec::new(); // (label name, content start)
    for s in sentences {
        let toks = quotes::tokens(text, Span::new(s.start, (s.start + 120).min(s.end)));
        let Some(colon) = toks.iter().position(|t| t.span.slice(text) == ":") else {
            continue;
        };
        if colon == 0 || colon > 8 {
            continue;
        }
        let words = &toks[..colon];
        let ok = words.iter().all(|t| {
            let w = t.span.slice(text);
            t.word && (is_capitalised(w) || matches!(w, "of" | "the" | "and" | "de" | "von" | "al"))
        }) && words
            .first()
            .is_some_and(|t| is_capitalised(t.span.slice(text)))
            && words
                .last()
                .is_some_and(|t| is_capitalised(t.span.slice(text)))
            && !words
                .iter()
                .any(|t| LABEL_STOP.contains(&lower(text, t).as_str()));
        let after = toks.get(colon + 1).map(|t| t.span.slice(text));
        let starts_upper = after.is_some_and(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '‘'))
        });
        if ok && starts_upper {
            if let (Some(first), Some(c)) = (words.first(), toks.get(colon)) {
                labels.push((
                    Span::new(first.span.start, words[words.len() - 1].span.end),
                    c.span.end,
                ));
            }
        }
    }
    if labels.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, &(name, start)) in labels.iter().enumerate() {
        let end = labels.get(i + 1).map(|l| l.0.start).unwrap_or(text.len());
        // A turn runs to the next label, but not past the statement bounds.
        let end = end.min(start + MAX_STATEMENT_BYTES * 4);
        let mut end = end;
        while end > start && !text.is_char_boundary(end) {
            end -= 1;
        }
        out.push(Found {
            source: Some(name),
            cue: None,
            content: Span::new(start, end),
            direct: true,
        });
    }
    out
}

// ---------------------------------------------------------- sentence frames

struct Sent<'a> {
    text: &'a str,
    span: Span,
    toks: Vec<Tok>,
    quotes: &'a [Quote],
}

impl Sent<'_> {
    fn w(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map(|t| t.span.slice(self.text))
            .unwrap_or("")
    }
    fn lw(&self, i: usize) -> String {
        self.w(i).to_lowercase()
    }
    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.word)
    }
    fn in_quote(&self, pos: usize) -> bool {
        self.quotes
            .iter()
            .any(|q| q.open <= pos && pos < q.close_end)
    }
    fn quote_opening_at(&self, pos: usize) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.open == pos)
    }
    fn quote_closing_at(&self, end: usize) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.close_end == end)
    }
    /// Index of the first token at or after byte `pos`.
    fn tok_at(&self, pos: usize) -> usize {
        self.toks
            .iter()
            .position(|t| t.span.start >= pos)
            .unwrap_or(self.toks.len())
    }
    fn is_quote_mark(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            self.quotes
                .iter()
                .any(|q| q.open == t.span.start || q.close_end == t.span.end)
        })
    }
}

/// Source noun phrase ending just before token `k` (after skipping
/// auxiliaries and adverbs): token range, or None when no plausible source.
fn source_before(s: &Sent, k: usize) -> Option<(usize, usize)> {
    let mut j = k;
    while j > 0 && AUX_ADVERBS.contains(&s.lw(j - 1).as_str()) {
        j -= 1;
    }
    let end = j;
    if end == 0 {
        return None;
    }
    let prev = s.lw(end - 1);
    if PRONOUNS.contains(&prev.as_str()) && s.is_word(end - 1) {
        return Some((end - 1, end));
    }
    // "Ushakov, a foreign affairs adviser to Putin, said": skip the appositive.
    if s.w(end - 1) == "," {
        let lo = end.saturating_sub(25);
        let comma = (lo..end - 1).rev().find(|&i| s.w(i) == ",")?;
        let first = s.lw(comma + 1);
        let inner_name = (comma + 1..end - 1).all(|i| s.is_word(i) && is_capitalised(s.w(i)));
        if inner_name && end - 1 > comma + 1 {
            // "Ukraine's ombudsman, Dmytro Lubinets, accused": the name between commas.
            return Some((comma + 1, end - 1));
        }
        let appositive = matches!(
            first.as_str(),
            "a" | "an" | "the" | "who" | "whose" | "which"
        ) || s
            .toks
            .get(comma + 1)
            .is_some_and(|t| t.word && !is_capitalised(t.span.slice(s.text)))
            || s.w(comma + 1).ends_with("'s")
            || s.w(comma + 1).ends_with("’s");
        if !appositive {
            return None;
        }
        let np = np_back(s, comma)?;
        return Some(np);
    }
    np_back(s, end)
}

fn np_back(s: &Sent, end: usize) -> Option<(usize, usize)> {
    let mut j = end;
    let mut steps = 0;
    while j > 0 && steps < 9 {
        let t = &s.toks[j - 1];
        if !t.word || s.in_quote(t.span.start) {
            break;
        }
        let w = t.span.slice(s.text);
        let lw = w.to_lowercase();
        let okw = (is_capitalised(w) && !LEAD_STOP.contains(&lw.as_str()))
            || NP_WORDS.contains(&lw.as_str())
            || (lw.ends_with("'s") || lw.ends_with("’s"))
            || (lw == "from" && j >= 2 && s.lw(j - 2) == "statement");
        if !okw {
            break;
        }
        j -= 1;
        steps += 1;
    }
    // Trim leading function words that slipped in ("of the").
    while j < end && matches!(s.lw(j).as_str(), "of" | "from") {
        j += 1;
    }
    if j >= end {
        return None;
    }
    let head = s.lw(end - 1);
    let head_ok = is_capitalised(s.w(end - 1))
        || UNNAMED_HEADS.contains(&head.as_str())
        || ORG_HEADS.contains(&head.as_str())
        || ROLE_HEADS.contains(&head.as_str());
    // A bare determiner-less lowercase phrase ("people") is too vague.
    head_ok.then_some((j, end))
}

/// Source noun phrase starting at token `k` ("said Peskov", "said a source").
fn source_after(s: &Sent, k: usize) -> Option<(usize, usize)> {
    let first = s.lw(k);
    if PRONOUNS.contains(&first.as_str())
        && matches!(first.as_str(), "he" | "she" | "they" | "we" | "i")
    {
        return Some((k, k + 1));
    }
    let mut j = k;
    while j < s.toks.len() && j < k + 9 {
        let t = &s.toks[j];
        if !t.word || s.in_quote(t.span.start) {
            break;
        }
        let w = t.span.slice(s.text);
        let lw = w.to_lowercase();
        let okw = (is_capitalised(w) && !LEAD_STOP.contains(&lw.as_str()))
            || NP_WORDS.contains(&lw.as_str())
            || lw.ends_with("'s")
            || lw.ends_with("’s");
        if !okw || (j > k && lw == "of" && !s.toks.get(j + 1).is_some_and(|n| n.word)) {
            break;
        }
        j += 1;
    }
    while j > k && matches!(s.lw(j - 1).as_str(), "of" | "the" | "a" | "an") {
        j -= 1;
    }
    if j == k {
        return None;
    }
    let head = s.lw(j - 1);
    let head_ok = is_capitalised(s.w(j - 1))
        || UNNAMED_HEADS.contains(&head.as_str())
        || ORG_HEADS.contains(&head.as_str());
    head_ok.then_some((k, j))
}

fn span_of(s: &Sent, (a, b): (usize, usize)) -> Span {
    let start = s.toks.get(a).map(|t| t.span.start).unwrap_or(s.span.start);
    let end = s
        .toks
        .get(b.saturating_sub(1))
        .map(|t| t.span.end)
        .unwrap_or(start);
    Span::new(start, end)
}

/// Where the content after a cue starts: the token index of "that" (kept),
/// a quote, or the first word of a bare clause; skips the hearer ("told
/// reporters") and adjuncts ("on Sunday", "in a statement").
enum After {
    /// Content from this byte offset to `end` (the sentence or before an
    /// `according to` tail).
    Clause(usize),
    /// A quotation right after the cue.
    Quote(Quote),
    /// Nothing after the cue: the content is before the source.
    Nothing,
}

const WH: &[&str] = &[
    "that", "whether", "if", "why", "how", "what", "when", "where", "who",
];

fn after_cue(s: &Sent, k: usize, bare: bool, verb: &str) -> After {
    let n = s.toks.len();
    // Find "that" in the next few tokens, with no punctuation before it.
    let mut j = k + 1;
    if verb == "pointed" && s.lw(j) == "out" {
        j += 1;
    }
    let start = j;
    let mut that = None;
    while j < n && j < start + 12 {
        let lw = s.lw(j);
        if !s.is_word(j) || s.in_quote(s.toks[j].span.start) {
            break;
        }
        if lw == "that" || (verb.starts_with("ask") && WH.contains(&lw.as_str())) {
            that = Some(j);
            break;
        }
        if cue_verb(&lw).is_some() {
            break;
        }
        j += 1;
    }
    if let Some(t) = that {
        return After::Clause(s.toks[t].span.start);
    }
    let mut j = start;
    // The hearer of told/asked/assured: a pronoun or short noun phrase.
    if matches!(
        verb,
        "told" | "tells" | "tell" | "asked" | "asks" | "assured" | "accused" | "accuses"
    ) {
        let mut m = j;
        while m < n && m < j + 4 && s.is_word(m) && !s.in_quote(s.toks[m].span.start) {
            let lw = s.lw(m);
            m += 1;
            if matches!(
                lw.as_str(),
                "reporters" | "journalists" | "him" | "her" | "them" | "me" | "us"
            ) || is_capitalised(s.w(m - 1))
            {
                break;
            }
        }
        if verb.starts_with("accus") {
            // "accused X of doing …": the whole rest is the accusation.
            return if n > m + 2 {
                After::Clause(s.toks[start].span.start)
            } else {
                After::Nothing
            };
        }
        j = m;
    }
    // Adjuncts: "on Sunday", "in a statement", "to reporters", "Monday".
    loop {
        let lw = s.lw(j);
        if matches!(
            lw.as_str(),
            "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "yesterday"
                | "today"
                | "tonight"
                | "again"
                | "also"
                | "later"
                | "earlier"
                | "recently"
                | "repeatedly"
                | "publicly"
                | "privately"
                | "separately"
                | "bluntly"
                | "firmly"
                | "flatly"
                | "previously"
        ) {
            j += 1;
            continue;
        }
        if matches!(
            lw.as_str(),
            "on" | "in" | "at" | "to" | "during" | "via" | "through" | "over"
        ) && j + 1 < n
        {
            let mut m = j + 1;
            while m < n && m < j + 6 && s.is_word(m) {
                let w = s.lw(m);
                if matches!(
                    w.as_str(),
                    "that" | "the" | "a" | "an" | "his" | "her" | "their" | "its"
                ) || is_capitalised(s.w(m))
                    || ADJUNCT_NOUNS.contains(&w.as_str())
                {
                    m += 1;
                    if ADJUNCT_NOUNS.contains(&w.as_str()) || is_capitalised(s.w(m - 1)) {
                        // The adjunct may end here.
                        if !s.is_word(m)
                            || !(is_capitalised(s.w(m))
                                || ADJUNCT_NOUNS.contains(&s.lw(m).as_str()))
                        {
                            break;
                        }
                    }
                } else {
                    break;
                }
            }
            let last = s.lw(m.saturating_sub(1));
            if m > j + 1 && (ADJUNCT_NOUNS.contains(&last.as_str()) || is_capitalised(s.w(m - 1))) {
                j = m;
                continue;
            }
        }
        break;
    }
    // Punctuation, then a quote: `said: "…"` / `noted, "…"`.
    let mut p = j;
    while p < n && matches!(s.w(p), ":" | "," | "—" | "–" | "-") {
        p += 1;
    }
    if let Some(t) = s.toks.get(p) {
        if let Some(q) = s.quote_opening_at(t.span.start) {
            let words = q.content.slice(s.text).split_whitespace().count();
            if words >= 3 {
                return After::Quote(*q);
            }
        }
    }
    if p >= n || s.toks[p..].iter().all(|t| !t.word) {
        return After::Nothing;
    }
    if p > j {
        // "…, he said, adding …" or a comma before more adjuncts.
        return After::Nothing;
    }
    let first = s.lw(j);
    if !bare
        || matches!(
            first.as_str(),
            "of" | "about"
                | "for"
                | "with"
                | "by"
                | "so"
                | "as"
                | "it"
                | "this"
                | "nothing"
                | "something"
                | "anything"
                | "more"
                | "no"
                | "yes"
                | "thanks"
        )
    {
        return After::Nothing;
    }
    let rest_words = s.toks[j..].iter().filter(|t| t.word).count();
    if rest_words >= 3 {
        After::Clause(s.toks[j].span.start)
    } else {
        After::Nothing
    }
}

const ADJUNCT_NOUNS: &[&str] = &[
    "statement",
    "interview",
    "telegram",
    "twitter",
    "facebook",
    "x",
    "post",
    "posts",
    "video",
    "speech",
    "letter",
    "email",
    "e-mail",
    "conference",
    "briefing",
    "reporters",
    "journalists",
    "television",
    "radio",
    "call",
    "meeting",
    "address",
    "remarks",
    "message",
    "rally",
    "hearing",
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "week",
    "weekend",
    "month",
    "morning",
    "afternoon",
    "evening",
    "night",
    "day",
    "media",
    "social",
    "network",
    "tweet",
    "blog",
    "op-ed",
    "podcast",
    "show",
    "broadcast",
    "appearance",
    "press",
    "news",
    "release",
    "phone",
    "forum",
    "summit",
    "event",
    "session",
    "program",
    "programme",
    "channel",
    "instagram",
    "truth",
    "later",
    "earlier",
    "emailed",
    "written",
    "televised",
    "brief",
    "joint",
    "separate",
    "recent",
    "weekly",
    "daily",
];

/// End of a reported clause: the sentence end, or before a trailing
/// "…, according to X" (that names the reporting channel, not the content).
fn clause_end(s: &Sent, from: usize) -> usize {
    let k0 = s.tok_at(from);
    for k in k0..s.toks.len() {
        if s.lw(k) == "according" && s.lw(k + 1) == "to" && !s.in_quote(s.toks[k].span.start) {
            let mut e = k;
            while e > k0 && !s.is_word(e - 1) && !s.is_quote_mark(e - 1) {
                e -= 1;
            }
            return s
                .toks
                .get(e.saturating_sub(1))
                .map(|t| t.span.end)
                .unwrap_or(from);
        }
    }
    let mut e = s.toks.len();
    while e > k0 && !s.is_word(e - 1) && !s.is_quote_mark(e - 1) {
        e -= 1;
    }
    s.toks
        .get(e.saturating_sub(1))
        .map(|t| t.span.end)
        .unwrap_or(s.span.end)
        .max(from)
}

/// Content before a source: from the sentence start to the punctuation
/// before the source at token `src`. A whole quotation there is direct.
fn content_before(s: &Sent, src: usize) -> Option<(Span, bool)> {
    let mut e = src;
    while e > 0 && !s.is_word(e - 1) && !s.is_quote_mark(e - 1) {
        e -= 1;
    }
    if e == 0 {
        return None;
    }
    let end_tok = &s.toks[e - 1];
    if let Some(q) = s.quote_closing_at(end_tok.span.end) {
        // Anything before the quote is a lead-in when the quote is the bulk.
        let before_words = s
            .toks
            .iter()
            .take_while(|t| t.span.start < q.open)
            .filter(|t| t.word)
            .count();
        if before_words <= 2 || q.open == s.span.start {
            return Some((q.content, true));
        }
        return Some((Span::new(s.span.start, q.close_end), false));
    }
    let words = s.toks[..e].iter().filter(|t| t.word).count();
    (words >= 3).then(|| (Span::new(s.span.start, end_tok.span.end), false))
}

fn analyze_sentence(text: &str, span: Span, quotes: &[Quote], found: &mut Vec<Found>) {
    let s = Sent {
        text,
        span,
        toks: quotes::tokens(text, span),
        quotes,
    };
    let n = s.toks.len();
    let mut sentence_source: Option<(usize, usize)> = None;
    let mut got_verb = false;
    let mut k = 0;
    while k < n {
        let t = s.toks[k];
        if !t.word || s.in_quote(t.span.start) {
            k += 1;
            continue;
        }
        let lw = s.lw(k);
        if let Some(bare) = cue_verb(&lw) {
            let prev = if k > 0 { s.lw(k - 1) } else { String::new() };
            // "to say", "was told", "is said to": not a report of speech.
            if matches!(
                prev.as_str(),
                "to" | "was" | "were" | "is" | "are" | "been" | "be" | "being" | "the"
            ) {
                k += 1;
                continue;
            }
            let cue = t.span;
            if let Some(src) = source_before(&s, k) {
                let src_span = span_of(&s, src);
                let found_one = match after_cue(&s, k, bare, &lw) {
                    After::Clause(from) => {
                        let end = clause_end(&s, from);
                        (end > from).then(|| {
                            let content = Span::new(from, end);
                            let direct = s.quotes.iter().any(|q| q.content == content);
                            (content, direct)
                        })
                    }
                    After::Quote(q) => {
                        let tail = extend_broken(&s, q.close_end, q.content);
                        match content_before(&s, src.0) {
                            // `"A," he said, "B."`
                            Some((c, true)) => Some((Span::new(c.start, tail.end), true)),
                            _ => Some((tail, true)),
                        }
                    }
                    After::Nothing => content_before(&s, src.0).map(|(c, d)| {
                        // `"A," he said, "B."`: one statement, A to B.
                        (extend_broken(&s, cue.end, c), d)
                    }),
                };
                if let Some((content, direct)) = found_one {
                    found.push(Found {
                        source: Some(src_span),
                        cue: Some(cue),
                        content,
                        direct,
                    });
                    got_verb = true;
                    if sentence_source.is_none() {
                        sentence_source = Some(src);
                    }
                }
            } else if k > 0 && (matches!(s.w(k - 1), "," | "—" | "–") || s.is_quote_mark(k - 1))
            {
                // `"…," said Peskov.`
                if let Some(src) = source_after(&s, k + 1) {
                    if let Some((content, direct)) = content_before(&s, k) {
                        found.push(Found {
                            source: Some(span_of(&s, src)),
                            cue: Some(cue),
                            content: extend_broken(&s, span_of(&s, src).end, content),
                            direct,
                        });
                        got_verb = true;
                    }
                    k = src.1;
                    continue;
                }
            }
        } else if PARTICIPLES.contains(&lw.as_str()) && k > 0 && s.w(k - 1) == "," {
            let src = sentence_source.or_else(|| sentence_subject(&s));
            if let (Some(src), After::Clause(from)) = (src, after_cue(&s, k, true, &lw)) {
                let end = clause_end(&s, from);
                if end > from {
                    found.push(Found {
                        source: Some(span_of(&s, src)),
                        cue: Some(t.span),
                        content: Span::new(from, end),
                        direct: false,
                    });
                    got_verb = true;
                }
            }
        }
        k += 1;
    }
    if !got_verb {
        according_to(&s, found);
    }
}

/// The subject at the start of the sentence, for participle cues.
fn sentence_subject(s: &Sent) -> Option<(usize, usize)> {
    let mut k = 0;
    while k < s.toks.len() && (LEAD_STOP.contains(&s.lw(k).as_str()) || !s.is_word(k)) {
        k += 1;
    }
    if PRONOUNS.contains(&s.lw(k).as_str()) {
        return Some((k, k + 1));
    }
    let (a, b) = source_after(s, k)?;
    // Only names and named bodies: "Critics" etc. are too loose here.
    is_capitalised(s.w(b - 1)).then_some((a, b))
}

/// `"A," he said, "B."`: extends `content` over a quotation that follows the
/// attribution after a comma or colon.
fn extend_broken(s: &Sent, after: usize, content: Span) -> Span {
    let k = s.tok_at(after);
    let mut p = k;
    while p < s.toks.len() && p < k + 6 && s.is_word(p) && !s.is_quote_mark(p) {
        p += 1; // adjuncts such as "on Sunday"
    }
    if matches!(s.w(p), "," | ":") {
        if let Some(t) = s.toks.get(p + 1) {
            if let Some(q) = s.quote_opening_at(t.span.start) {
                if q.content.end > content.end {
                    return Span::new(content.start, q.content.end);
                }
            }
        }
    }
    content
}

/// "according to X, …" and "…, according to X".
fn according_to(s: &Sent, found: &mut Vec<Found>) {
    let n = s.toks.len();
    for k in 0..n.saturating_sub(1) {
        if s.lw(k) != "according" || s.lw(k + 1) != "to" || s.in_quote(s.toks[k].span.start) {
            continue;
        }
        let Some(src) = source_after(s, k + 2) else {
            continue;
        };
        let cue = Span::new(s.toks[k].span.start, s.toks[k + 1].span.end);
        let lead = (0..k).all(|i| !s.is_word(i) || LEAD_STOP.contains(&s.lw(i).as_str()));
        let content = if lead {
            let mut p = src.1;
            while p < n && !s.is_word(p) && !s.is_quote_mark(p) {
                p += 1;
            }
            let Some(t) = s.toks.get(p) else { continue };
            let end = clause_end(s, t.span.start);
            (end > t.span.start).then(|| (Span::new(t.span.start, end), false))
        } else {
            content_before(s, k)
        };
        if let Some((content, direct)) = content {
            found.push(Found {
                source: Some(span_of(s, src)),
                cue: Some(cue),
                content,
                direct,
            });
        }
    }
}

/// A sentence made only of a quotation, right after a direct statement (or
/// a run of them), continues that statement: `"A," he said. "B."`.
fn continue_quote(
    text: &str,
    sentences: &[Span],
    si: usize,
    quotes: &[Quote],
    found: &mut [Found],
) {
    let Some(sent) = sentences.get(si) else {
        return;
    };
    let Some(q) = quotes.first() else { return };
    let covers = q.open <= sent.start + 1 && q.close_end + 2 >= sent.end;
    if !covers || si == 0 {
        return;
    }
    let Some(last) = found.last_mut() else { return };
    let Some(prev) = sentences.get(si - 1) else {
        return;
    };
    // The previous sentence must be the one holding that statement's end.
    let prev_has = last.content.end <= prev.end && last.content.end >= prev.start;
    if !(prev_has && last.direct && last.source.is_some()) {
        return;
    }
    let between = text.get(prev.end..sent.start).unwrap_or("");
    let paras = between.matches('\n').count();
    let new_len = q.content.end.saturating_sub(last.content.start);
    if paras <= 1 && new_len <= MAX_STATEMENT_BYTES {
        last.content = Span::new(last.content.start, q.content.end);
    }
}

// ------------------------------------------------------------- resolution

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

#[derive(Debug, Clone)]
struct Speaker {
    name: Option<String>,
    kind: SpeakerType,
    affiliations: Vec<String>,
}

impl Speaker {
    fn unnamed() -> Speaker {
        Speaker {
            name: None,
            kind: SpeakerType::Unnamed,
            affiliations: Vec::new(),
        }
    }
}

/// A person or body seen so far, for pronoun and short-form resolution.
#[derive(Debug, Clone)]
struct Seen {
    pos: usize,
    name: String,
    kind: SpeakerType,
    gender: Option<Gender>,
    affiliations: Vec<String>,
    roles: Vec<String>,
}

struct Resolver<'a> {
    text: &'a str,
    entities: &'a [Entity],
    /// Entity mentions sorted by start: (span, entity index).
    mentions: Vec<(Span, usize)>,
    /// Speakers resolved so far (fallback when the entity layer found none).
    history: Vec<Seen>,
}

fn gender_of_name(name: &str) -> Option<Gender> {
    let first = name.split_whitespace().next()?.to_lowercase();
    match first.as_str() {
        "mr." | "mr" | "sir" | "lord" | "king" | "prince" => return Some(Gender::Male),
        "mrs." | "ms." | "mrs" | "ms" | "lady" | "dame" | "queen" | "princess" => {
            return Some(Gender::Female)
        }
        _ => {}
    }
    let female = FEMALE_NAMES.contains(&first.as_str());
    let male = MALE_NAMES.contains(&first.as_str());
    match (male, female) {
        (true, false) => Some(Gender::Male),
        (false, true) => Some(Gender::Female),
        _ => None,
    }
}

/// Country names for demonyms and country words, for unnamed sources
/// ("Russian officials") when the entity layer gives no affiliation.
const DEMONYMS: &[(&str, &str)] = &[
    ("russian", "Russia"),
    ("russia's", "Russia"),
    ("ukrainian", "Ukraine"),
    ("ukraine's", "Ukraine"),
    ("american", "United States"),
    ("u.s.", "United States"),
    ("us", "United States"),
    ("french", "France"),
    ("france's", "France"),
    ("british", "United Kingdom"),
    ("german", "Germany"),
    ("chinese", "China"),
    ("european", "European Union"),
    ("eu", "European Union"),
    ("israeli", "Israel"),
    ("iranian", "Iran"),
    ("turkish", "Turkey"),
    ("polish", "Poland"),
    ("kremlin", "Russia/Kremlin"),
];

impl<'a> Resolver<'a> {
    fn new(text: &'a str, entities: &'a [Entity]) -> Resolver<'a> {
        let mut mentions: Vec<(Span, usize)> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (*m, i)))
            .collect();
        mentions.sort();
        Resolver {
            text,
            entities,
            mentions,
            history: Vec::new(),
        }
    }

    fn entity_speaker(&self, e: &Entity) -> Speaker {
        let mut affiliations = e.affiliations.clone();
        if affiliations.is_empty() {
            if let Some(c) = &e.country {
                affiliations.push(c.clone());
            }
        }
        Speaker {
            name: Some(e.name.clone()),
            kind: match e.kind {
                EntityKind::Person => SpeakerType::Person,
                _ => SpeakerType::Org,
            },
            affiliations,
        }
    }

    fn remember(&mut self, pos: usize, sp: &Speaker, roles: Vec<String>) {
        if let Some(name) = &sp.name {
            self.history.push(Seen {
                pos,
                name: name.clone(),
                kind: sp.kind,
                gender: gender_of_name(name),
                affiliations: sp.affiliations.clone(),
                roles,
            });
        }
    }

    /// The nearest person or body mentioned before `pos` that fits `want`.
    fn nearest(&self, pos: usize, want: impl Fn(&Seen) -> bool) -> Option<Seen> {
        let from_entities = self
            .mentions
            .iter()
            .rev()
            .filter(|(m, _)| m.end <= pos)
            .filter_map(|(m, i)| {
                let e = self.entities.get(*i)?;
                let sp = self.entity_speaker(e);
                let seen = Seen {
                    pos: m.start,
                    name: e.name.clone(),
                    kind: sp.kind,
                    gender: gender_of_name(&e.name).or_else(|| gender_of_name(m.slice(self.text))),
                    affiliations: sp.affiliations,
                    roles: e.roles.clone(),
                };
                (e.kind != EntityKind::Place && want(&seen)).then_some(seen)
            })
            .take(1);
        let from_history = self
            .history
            .iter()
            .rev()
            .filter(|s| s.pos < pos && want(s))
            .take(1)
            .cloned();
        from_entities.chain(from_history).max_by_key(|s| s.pos)
    }

    fn resolve(&mut self, mention: Span) -> Speaker {
        let surface = mention.slice(self.text);
        let lowered = surface.to_lowercase();
        let words: Vec<&str> = lowered.split_whitespace().collect();
        let sp = self.resolve_inner(mention, surface, &lowered, &words);
        let roles = words
            .iter()
            .filter(|w| ROLE_HEADS.contains(w))
            .map(|w| w.to_string())
            .collect();
        if !matches!(
            lowered.as_str(),
            "he" | "she" | "they" | "it" | "who" | "which"
        ) {
            self.remember(mention.start, &sp, roles);
        }
        sp
    }

    fn resolve_inner(
        &mut self,
        mention: Span,
        surface: &str,
        lowered: &str,
        words: &[&str],
    ) -> Speaker {
        let person = |s: &Seen| s.kind == SpeakerType::Person;
        match lowered {
            "he" | "she" => {
                let g = if lowered == "he" {
                    Gender::Male
                } else {
                    Gender::Female
                };
                let found = self.nearest(mention.start, |s| {
                    person(s) && s.gender.is_none_or(|x| x == g)
                });
                return found
                    .map(|s| seen_speaker(&s))
                    .unwrap_or_else(Speaker::unnamed);
            }
            "who" | "which" => {
                let found = self.nearest(mention.start, |s| {
                    mention.start - s.pos.min(mention.start) < 300
                });
                return found
                    .map(|s| seen_speaker(&s))
                    .unwrap_or_else(Speaker::unnamed);
            }
            "it" => {
                let found = self.nearest(mention.start, |s| {
                    s.kind == SpeakerType::Org && mention.start - s.pos.min(mention.start) < 600
                });
                return found
                    .map(|s| seen_speaker(&s))
                    .unwrap_or_else(Speaker::unnamed);
            }
            "they" | "we" | "i" | "you" => return Speaker::unnamed(),
            _ => {}
        }
        // An entity the mention covers: the rightmost one is the head
        // ("Kremlin envoy Kirill Dmitriev" → Dmitriev).
        let covered: Vec<&(Span, usize)> = self
            .mentions
            .iter()
            .filter(|(m, _)| overlap(*m, mention) > 0)
            .collect();
        let head_word = words.last().copied().unwrap_or("");
        let possessive_office = words.iter().any(|w| {
            matches!(
                *w,
                "office"
                    | "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "administration"
                    | "government"
                    | "campaign"
            )
        }) && words.iter().any(|w| w.ends_with("'s") || w.ends_with("’s"));
        if let Some(&&(m, i)) = covered.iter().max_by_key(|(m, _)| m.end) {
            if let Some(e) = self.entities.get(i) {
                let mut sp = self.entity_speaker(e);
                if possessive_office && e.kind == EntityKind::Person && m.end < mention.end {
                    // "Macron's office": the person's body speaks.
                    let body = e.affiliations.first().cloned();
                    sp.kind = SpeakerType::Org;
                    sp.name = Some(match &body {
                        Some(b) => b.rsplit('/').next().unwrap_or(b).to_string(),
                        None => format!("office of {}", e.name),
                    });
                    return sp;
                }
                if e.kind == EntityKind::Place && UNNAMED_HEADS.contains(&head_word) {
                    // "Russian officials": unnamed, affiliated with the place.
                    let mut un = Speaker::unnamed();
                    un.affiliations = vec![e.country.clone().unwrap_or_else(|| e.name.clone())];
                    return un;
                }
                if sp.affiliations.is_empty() {
                    sp.affiliations = self.context_affiliations(words, &covered);
                }
                return sp;
            }
        }
        let caps: Vec<&str> = surface
            .split_whitespace()
            .filter(|w| is_capitalised(w))
            .collect();
        if UNNAMED_HEADS.contains(&head_word) && !words.iter().any(|w| w.ends_with("'s")) {
            let mut un = Speaker::unnamed();
            un.affiliations = demonym_affiliations(words);
            return un;
        }
        if !caps.is_empty() || ORG_HEADS.contains(&head_word) {
            let is_org = ORG_HEADS.contains(&head_word)
                || words
                    .iter()
                    .any(|w| ORG_HEADS.contains(w) && w.chars().count() > 2 && is_capitalised(w));
            if is_org {
                let name = strip_leading(surface, &["the", "a", "an"]);
                return Speaker {
                    name: Some(name),
                    kind: SpeakerType::Org,
                    affiliations: demonym_affiliations(words),
                };
            }
            let name = person_name(surface);
            if name.is_empty() {
                return Speaker::unnamed();
            }
            // A short form of someone seen before ("Ushakov").
            if !name.contains(' ') {
                let last = name.to_lowercase();
                if let Some(s) = self.nearest(mention.start, |s| {
                    s.kind == SpeakerType::Person
                        && s.name.to_lowercase().rsplit(' ').next() == Some(last.as_str())
                }) {
                    return seen_speaker(&s);
                }
            }
            return Speaker {
                name: Some(name),
                kind: SpeakerType::Person,
                affiliations: demonym_affiliations(words),
            };
        }
        if ROLE_HEADS.contains(&head_word) {
            let role = head_word.to_string();
            let found = self
                .nearest(mention.start, |s| {
                    person(s) && s.roles.iter().any(|r| r.contains(&role))
                })
                .or_else(|| self.nearest(mention.start, person));
            return found
                .map(|s| seen_speaker(&s))
                .unwrap_or_else(Speaker::unnamed);
        }
        Speaker::unnamed()
    }

    /// Affiliations implied by the words around a name ("Kremlin envoy X").
    fn context_affiliations(&self, words: &[&str], covered: &[&(Span, usize)]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (_, i) in covered {
            if let Some(e) = self.entities.get(*i) {
                if e.kind == EntityKind::Org {
                    out.extend(e.affiliations.iter().cloned());
                }
            }
        }
        if out.is_empty() {
            out = demonym_affiliations(words);
        }
        out
    }
}

fn seen_speaker(s: &Seen) -> Speaker {
    Speaker {
        name: Some(s.name.clone()),
        kind: s.kind,
        affiliations: s.affiliations.clone(),
    }
}

fn demonym_affiliations(words: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for w in words {
        if let Some((_, c)) = DEMONYMS.iter().find(|(d, _)| d == w) {
            let c = c.to_string();
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

fn strip_leading(surface: &str, stop: &[&str]) -> String {
    let mut words: Vec<&str> = surface.split_whitespace().collect();
    while words
        .first()
        .is_some_and(|w| stop.contains(&w.to_lowercase().as_str()))
    {
        words.remove(0);
    }
    words.join(" ")
}

/// The name inside a source phrase: its last run of capitalised words,
/// without titles ("Ukrainian President Volodymyr Zelenskyy" → "Volodymyr
/// Zelenskyy").
fn person_name(surface: &str) -> String {
    let words: Vec<&str> = surface.split_whitespace().collect();
    let mut end = words.len();
    while end > 0 && !is_capitalised(words[end - 1]) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && is_capitalised(words[start - 1]) {
        start -= 1;
    }
    let mut run: Vec<&str> = words
        .get(start..end)
        .map(|w| w.to_vec())
        .unwrap_or_default();
    while run.len() > 1 {
        let lw = run[0].to_lowercase();
        let demonym =
            DEMONYMS.iter().any(|(d, _)| *d == lw) || lw.ends_with("ian") || lw.ends_with("'s");
        if TITLES.contains(&lw.as_str()) || demonym {
            run.remove(0);
        } else {
            break;
        }
    }
    run.join(" ").trim_end_matches(['\'', '’', ',']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ents(text: &str, list: &[(&str, EntityKind, &[&str])]) -> Vec<Entity> {
        list.iter()
            .map(|(name, kind, affs)| {
                let last = name.rsplit(' ').next().unwrap_or(name);
                let mut mentions: Vec<Span> = Vec::new();
                for pat in [*name, last] {
                    for (i, _) in text.match_indices(pat) {
                        let sp = Span::new(i, i + pat.len());
                        if !mentions.iter().any(|m| overlap(*m, sp) > 0) {
                            mentions.push(sp);
                        }
                    }
                }
                Entity {
                    name: name.to_string(),
                    kind: *kind,
                    qid: None,
                    country: None,
                    mentions,
                    roles: Vec::new(),
                    affiliations: affs.iter().map(|s| s.to_string()).collect(),
                }
            })
            .collect()
    }

    fn one(text: &str) -> Statement {
        let st = extract_text(text, &[]);
        assert_eq!(st.len(), 1, "{text}: {st:?}");
        st.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    fn content(text: &str, s: &Statement) -> String {
        s.content.slice(text).to_string()
    }

    #[test]
    fn quote_then_pronoun() {
        let t = "Steve Witkoff spoke. \"Our priority is to stop the killing,\" he stated.";
        let e = ents(
            t,
            &[(
                "Steve Witkoff",
                EntityKind::Person,
                &["United States/White House"],
            )],
        );
        let st = extract_text(t, &e);
        assert_eq!(st.len(), 1);
        assert_eq!(content(t, &st[0]), "Our priority is to stop the killing,");
        assert_eq!(st[0].speaker.as_deref(), Some("Steve Witkoff"));
        assert!(st[0].direct);
        assert_eq!(st[0].speaker_mention.map(|m| m.slice(t)), Some("he"));
        assert_eq!(
            st[0].affiliations,
            vec!["United States/White House".to_string()]
        );
    }

    #[test]
    fn said_name_after_quote() {
        let t = "\"We will not accept this deal at all,\" said Dmitry Peskov.";
        let s = one(t);
        assert_eq!(s.speaker.as_deref(), Some("Dmitry Peskov"));
        assert!(s.direct);
    }

    #[test]
    fn colon_before_quote() {
        let t = "Peskov said: \"The talks will continue next week in Geneva.\"";
        let s = one(t);
        assert_eq!(
            content(t, &s),
            "The talks will continue next week in Geneva."
        );
        assert_eq!(s.speaker.as_deref(), Some("Peskov"));
    }

    #[test]
    fn broken_quote_is_one_statement() {
        let t = "\"We are ready,\" he said, \"but only on our terms.\"";
        let s = one(t);
        assert!(content(t, &s).starts_with("We are ready"));
        assert!(content(t, &s).ends_with("terms."));
    }

    #[test]
    fn quote_continues_in_next_sentence() {
        let t = "\"We are ready,\" Smith said. \"The deal is close. We will sign it.\"";
        let s = one(t);
        assert!(content(t, &s).ends_with("sign it."));
    }

    #[test]
    fn indirect_that_clause() {
        let t = "Kremlin envoy Kirill Dmitriev told reporters in Miami on Saturday that discussions were progressing constructively.";
        let s = one(t);
        assert_eq!(
            content(t, &s),
            "that discussions were progressing constructively"
        );
        assert_eq!(s.speaker.as_deref(), Some("Kirill Dmitriev"));
        assert!(!s.direct);
        assert_eq!(s.affiliations, vec!["Russia/Kremlin".to_string()]);
    }

    #[test]
    fn appositive_and_according_to() {
        let t = "Yuri Ushakov, a foreign affairs adviser to Putin, said the idea of trilateral talks was not being discussed, according to Russian news agencies.";
        let s = one(t);
        assert_eq!(s.speaker.as_deref(), Some("Yuri Ushakov"));
        assert_eq!(
            content(t, &s),
            "the idea of trilateral talks was not being discussed"
        );
    }

    #[test]
    fn according_to_alone() {
        let t = "The army lost two brigades near the border last week, according to Reuters.";
        let s = one(t);
        assert_eq!(s.speaker.as_deref(), Some("Reuters"));
        assert_eq!(s.speaker_type, SpeakerType::Org);
        let t = "According to the ministry, the army lost two brigades.";
        let s = one(t);
        assert_eq!(content(t, &s), "the army lost two brigades");
    }

    #[test]
    fn unnamed_sources() {
        let t = "The plan was dropped on Friday, officials said.";
        let s = one(t);
        assert_eq!(s.speaker_type, SpeakerType::Unnamed);
        assert_eq!(s.speaker, None);
        let t = "Russian officials said the strike hit a depot.";
        let s = one(t);
        assert_eq!(s.speaker_type, SpeakerType::Unnamed);
        assert_eq!(s.affiliations, vec!["Russia".to_string()]);
    }

    #[test]
    fn org_speaker_and_office() {
        let t = "The Kremlin said the proposal was unacceptable to Moscow.";
        let s = one(t);
        assert_eq!(s.speaker_type, SpeakerType::Org);
        assert_eq!(s.speaker.as_deref(), Some("Kremlin"));
        let t = "President Emmanuel Macron met them. A statement from Macron's office noted, \"It becomes useful again to speak with Putin.\"";
        let e = ents(
            t,
            &[("Emmanuel Macron", EntityKind::Person, &["France/Élysée"])],
        );
        let st = extract_text(t, &e);
        assert_eq!(st.len(), 1, "{st:?}");
        assert_eq!(st[0].speaker.as_deref(), Some("Élysée"));
        assert_eq!(st[0].speaker_type, SpeakerType::Org);
        assert_eq!(st[0].affiliations, vec!["France/Élysée".to_string()]);
    }

    #[test]
    fn wrote_on_telegram() {
        let t = "Ukrainian President Volodymyr Zelenskyy wrote on Telegram that his team was working with the American side.";
        let s = one(t);
        assert_eq!(s.speaker.as_deref(), Some("Volodymyr Zelenskyy"));
        assert_eq!(s.affiliations, vec!["Ukraine".to_string()]);
    }

    #[test]
    fn pronoun_gender_and_short_form() {
        let t = "Hillary Clinton met Bernie Sanders. Sanders said the race was far from over. She said the nomination was hers.";
        let st = extract_text(t, &[]);
        assert_eq!(st.len(), 2, "{st:?}");
        assert_eq!(st[0].speaker.as_deref(), Some("Sanders"));
        // No entity layer: "she" has no named female antecedent among speakers.
        let e = ents(
            t,
            &[
                ("Hillary Clinton", EntityKind::Person, &[]),
                ("Bernie Sanders", EntityKind::Person, &[]),
            ],
        );
        let st = extract_text(t, &e);
        assert_eq!(st[0].speaker.as_deref(), Some("Bernie Sanders"));
        assert_eq!(st[1].speaker.as_deref(), Some("Hillary Clinton"));
    }

    #[test]
    fn participle_cue() {
        let t = "Lubinets criticised the move, saying that the civilians must be returned at once.";
        let s = one(t);
        assert_eq!(s.speaker.as_deref(), Some("Lubinets"));
        assert_eq!(
            content(t, &s),
            "that the civilians must be returned at once"
        );
    }

    #[test]
    fn transcript_labels() {
        let t = "The meeting opened. Vladimir Putin: Good afternoon, colleagues. Let us begin. Dmitry Peskov: Thank you, Mr President.";
        let st = extract_text(t, &[]);
        let names: Vec<_> = st.iter().filter_map(|s| s.speaker.clone()).collect();
        assert_eq!(
            names,
            vec!["Vladimir Putin".to_string(), "Dmitry Peskov".to_string()]
        );
        assert!(content(t, &st[0]).starts_with("Good afternoon"));
        assert!(!content(t, &st[0]).contains("Peskov"));
    }

    #[test]
    fn lone_headline_label_is_not_transcript() {
        let t = "US Envoy: Productive Talks Held in Florida\nThe talks were held.";
        assert!(extract_text(t, &[]).is_empty());
    }

    #[test]
    fn no_speaker_no_statement() {
        let t = "\"This is a quotation that nobody claims as their own.\" The end.";
        assert!(extract_text(t, &[]).is_empty());
        assert!(extract_text("The so-called \"peace plan\" failed.", &[]).is_empty());
    }

    #[test]
    fn bad_input_is_bounded() {
        let big = format!("He said \"{}\" and left.", "blah ".repeat(200_000));
        for s in extract_text(&big, &[]) {
            assert!(s.content.len() <= MAX_STATEMENT_BYTES);
        }
        let unbalanced =
            "He said \"this never ends.\n\nNor \"this.\n\nShe said: “nope\n".repeat(50);
        for s in extract_text(&unbalanced, &[]) {
            assert!(s.content.slice(&unbalanced).matches('\n').count() < MAX_STATEMENT_PARAGRAPHS);
        }
        let inches = "He is 6'2\" tall, said the coach, and the screen is 12\" wide.";
        let _ = extract_text(inches, &[]);
        let nested = "\"He told me 'they said \"no\" twice' today,\" she said.";
        let st = extract_text(nested, &[]);
        assert!(!st.is_empty());
        let labels = "A: B: C: D:\n: : :".repeat(100);
        let _ = extract_text(&labels, &[]);
        let _ = extract_text("", &[]);
        let _ = extract_text("said", &[]);
        let _ = extract_text("\"", &[]);
        let _ = extract_text("„“«»‘’", &[]);
    }
}
