//! Entity mentions: knowledge-base matches, rules for names the knowledge
//! base does not know, the statistical tagger when there is one, in-article
//! coreference, and roles and affiliations read from the context.
//!
//! The flow, per article:
//! 1. knowledge-base names ([`KnowledgeBase::find_mentions`]), demonyms kept
//!    apart as context ("Russian forces", "Ukrainian President");
//! 2. runs of capitalised tokens in running text, split into a title phrase
//!    ("Russian Foreign Minister") and a name core ("Sergei Lavrov"); the core
//!    is kept only with evidence of what it is (a title or honorific, a known
//!    first name, an organisation or place suffix, "in X", "X, Florida",
//!    "X said", an appositive), or when it is a short form of a name the
//!    article already gave;
//! 3. role descriptions ("the Russian president") resolved through the
//!    knowledge base's dated roles and the article date;
//! 4. grouping: one entity per knowledge-base entry or per full name, short
//!    forms ("Mr. Witkoff", "Putin", a headline's "Kushner") joined to it;
//! 5. roles and affiliations: from the knowledge base at the article date,
//!    from title phrases, possessives ("Putin's spokesman") and appositives
//!    ("Yuri Ushakov, a foreign affairs adviser to Putin"); an adviser, envoy
//!    or spokesperson of someone inherits that person's affiliations.
//!
//! Capitalisation is trusted only in sentences of [`Casing::Normal`]:
//! headlines and all-caps lines contribute knowledge-base names and short
//! forms of names found elsewhere, nothing else.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use chrono::NaiveDate;

use super::kb::{fold, fold_into, EntryId, KbEntry, KnowledgeBase};
use super::ner::{FlatSentences, NerType, Tagger};
use super::swar::{bytes_in, HIGH};
use super::text::{Casing, Doc, TokenKind};
use super::wordset::{split16, ShortMap, WordSet, SHORT};
use super::{Entity, EntityKind, Span};

/// Count a demonym ("Russian forces") as a mention of its country. Measured
/// on Reuters-21578 (see docs/parts/entities.md): it raises place recall;
/// demonyms never make people, so person lists are unaffected.
const DEMONYM_PLACES: bool = true;

/// Currency words: "U.S. dlrs" or "Swiss francs" name no place.
const CURRENCIES: &[&str] = &[
    "dlr",
    "dlrs",
    "dollar",
    "dollars",
    "cent",
    "cents",
    "franc",
    "francs",
    "mark",
    "marks",
    "yen",
    "pound",
    "pounds",
    "sterling",
    "lira",
    "lire",
    "peso",
    "pesos",
    "crown",
    "crowns",
    "krona",
    "kronor",
    "krone",
    "kroner",
    "guilder",
    "guilders",
    "currency",
    "currencies",
    "rupee",
    "rupees",
    "rand",
    "ruble",
    "rubles",
    "rouble",
    "roubles",
    "hryvnia",
    "euro",
    "euros",
    "yuan",
    "renminbi",
    "won",
    "real",
    "reais",
    "schilling",
    "schillings",
    "drachma",
    "drachmas",
    "escudo",
    "escudos",
    "peseta",
    "pesetas",
];

/// Longest name core the rules accept, in tokens.
const MAX_NAME_TOKENS: usize = 6;

/// Titles and positions: before a name they make it a person and give a role.
const TITLES: &[&str] = &[
    "president",
    "president-elect",
    "vice",
    "prime",
    "minister",
    "ministers",
    "secretary",
    "secretary-general",
    "senator",
    "sen",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "gov",
    "governor",
    "mayor",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "judge",
    "justice",
    "chairman",
    "chairwoman",
    "chairperson",
    "ceo",
    "cfo",
    "coo",
    "envoy",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "aide",
    "ombudsman",
    "commissioner",
    "director",
    "deputy",
    "premier",
    "general",
    "gen",
    "lt",
    "col",
    "colonel",
    "maj",
    "capt",
    "captain",
    "adm",
    "admiral",
    "sgt",
    "sergeant",
    "commander",
    "chief",
    "leader",
    "sheikh",
    "ayatollah",
    "rabbi",
    "rev",
    "reverend",
    "cardinal",
    "bishop",
    "archbishop",
    "professor",
    "prof",
    "treasurer",
    "attorney",
    "lawyer",
    "negotiator",
    "diplomat",
    "economist",
    "analyst",
    "executive",
    "speaker",
    "emir",
    "sultan",
    "marshal",
    "lieutenant",
    "lawmaker",
    "legislator",
    "mp",
    "mep",
    "official",
    "officer",
    "head",
    "founder",
    "co-founder",
    "president's",
    "strategist",
    "counsel",
    "coordinator",
    "correspondent",
    "editor",
    "columnist",
    "reporter",
    "researcher",
    "chair",
    "manager",
    "governor-general",
    "dictator",
    "monarch",
    "emperor",
    "crown",
    "delegate",
    "secretary-of-state",
    "son-in-law",
    "daughter",
    "son",
    "wife",
    "husband",
    "brother",
    "sister",
    "widow",
    "nominee",
    "candidate",
    "challenger",
    "incumbent",
    "superintendent",
    "inspector",
    "detective",
    "prosecutor",
    "sheriff",
    "comptroller",
    "auditor",
    "administrator",
    "undersecretary",
    "under-secretary",
    "assistant",
    "principal",
    "partner",
    "owner",
    "investor",
    "banker",
    "trader",
    "activist",
    "campaigner",
    "journalist",
    "author",
    "actor",
    "actress",
    "singer",
    "coach",
    "player",
    "striker",
    "commentator",
    "host",
    "anchor",
    "scientist",
    "physician",
    "doctor",
    "mufti",
    "imam",
    "patriarch",
    "metropolitan",
    "lord",
    "baroness",
    "duke",
    "duchess",
];

/// Honorifics: a person, no role.
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mme", "dr", "sir", "dame", "messrs", "mx", "herr", "frau",
    "monsieur", "madame", "senor", "senora",
];

/// Titles that vouch for a one-word name even when it is an ordinary word
/// ("Sen. Young", "Mayor Hope"); role nouns such as "officer" or
/// "executive" do not ("Customs Officer Day", "Executive Order").
static VOUCHING_TITLES: WordSet = WordSet::new(&[
    "sen",
    "senator",
    "rep",
    "congressman",
    "congresswoman",
    "gov",
    "governor",
    "mayor",
    "judge",
    "justice",
    "president",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "rabbi",
    "rev",
    "reverend",
    "cardinal",
    "bishop",
    "archbishop",
    "prof",
    "professor",
    "gen",
    "general",
    "lt",
    "col",
    "colonel",
    "maj",
    "capt",
    "captain",
    "adm",
    "admiral",
    "sgt",
    "sergeant",
    "lieutenant",
    "lord",
    "baroness",
    "duke",
    "duchess",
    "chancellor",
]);

/// Ordinary English words (`data/names/common_words.txt`, generated by
/// `tools/kb/common_words.py` from word counts of news): a one-word name
/// that is one of them is a sentence opener, a vocative or a heading word
/// ("Friends, …", "(Laughter.)", "Executive Order"), not a person.
fn ordinary_words() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        include_str!("../../data/names/common_words.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Role nouns whose holder acts for someone else and inherits their
/// affiliations ("an adviser to Putin" is Kremlin).
const INHERITING_ROLES: &[&str] = &[
    "adviser",
    "advisor",
    "aide",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "assistant",
    "representative",
    "negotiator",
    "secretary",
    "emissary",
    "confidant",
];

/// Words that continue a title after "of"/"for" ("Secretary of State").
const DEPARTMENTS: &[&str] = &[
    "state",
    "defense",
    "defence",
    "foreign",
    "affairs",
    "interior",
    "justice",
    "treasury",
    "health",
    "finance",
    "commerce",
    "labor",
    "labour",
    "energy",
    "education",
    "agriculture",
    "transportation",
    "transport",
    "homeland",
    "security",
    "economy",
    "economic",
    "trade",
    "industry",
    "culture",
    "environment",
    "home",
    "war",
    "navy",
    "army",
    "exchequer",
    "staff",
    "development",
    "planning",
    "information",
    "communications",
    "housing",
    "immigration",
    "veterans",
    "social",
    "welfare",
    "public",
    "works",
    "budget",
    "oil",
    "petroleum",
    "mines",
    "mining",
    "fisheries",
    "tourism",
    "sport",
    "sports",
    "youth",
    "women",
    "family",
    "emergency",
    "situations",
    "regional",
    "reintegration",
    "digital",
    "transformation",
    "strategic",
    "industries",
    "national",
    "human",
    "rights",
    "resources",
    "natural",
    "international",
    "relations",
    "policy",
    "intelligence",
    "operations",
    "forces",
    "armed",
    "general",
    "commons",
    "european",
    "cooperation",
    "integration",
    "services",
    "science",
    "technology",
    "research",
    "investment",
    "infrastructure",
    "revenue",
    "taxation",
    "customs",
    "police",
    "prisons",
    "armed",
    "air",
    "force",
    "joint",
    "chiefs",
    "council",
    "commission",
    "executive",
    "administrative",
    "legal",
    "personnel",
    "protocol",
    "press",
    "media",
    "presidential",
    "administration",
];

/// Lower-case words that may sit in a role phrase before a name
/// ("special envoy", "foreign affairs adviser", "presidential son-in-law").
const ROLE_MODIFIERS: &[&str] = &[
    "special",
    "senior",
    "top",
    "chief",
    "deputy",
    "foreign",
    "former",
    "presidential",
    "affairs",
    "policy",
    "human",
    "rights",
    "national",
    "security",
    "defence",
    "defense",
    "press",
    "economic",
    "trade",
    "finance",
    "state",
    "military",
    "political",
    "first",
    "vice",
    "acting",
    "interim",
    "longtime",
    "veteran",
    "lead",
    "main",
    "personal",
    "media",
    "communications",
    "campaign",
    "prime",
    "executive",
    "general",
    "assistant",
    "associate",
    "deputy",
    "principal",
    "regional",
    "federal",
    "local",
    "opposition",
    "ruling",
    "party",
    "government",
    "kremlin",
    "defense",
    "interior",
    "justice",
    "climate",
    "health",
    "energy",
    "intelligence",
    "counterterrorism",
    "nuclear",
    "peace",
    "chief",
    "de",
    "facto",
    "then",
    "newly",
    "elected",
    "appointed",
    "outgoing",
    "incoming",
    "current",
    "retired",
    "late",
    "-",
    "in",
    "law",
    "of",
    "the",
];

/// Last words that make a capitalised sequence an organisation.
const ORG_SUFFIXES: &[&str] = &[
    "inc",
    "corp",
    "corporation",
    "co",
    "ltd",
    "llc",
    "plc",
    "ag",
    "sa",
    "nv",
    "gmbh",
    "bv",
    "spa",
    "group",
    "holdings",
    "holding",
    "bank",
    "bancorp",
    "bancshares",
    "ministry",
    "agency",
    "party",
    "university",
    "college",
    "council",
    "committee",
    "commission",
    "department",
    "association",
    "union",
    "institute",
    "foundation",
    "company",
    "companies",
    "administration",
    "authority",
    "office",
    "organization",
    "organisation",
    "fund",
    "court",
    "army",
    "navy",
    "reserve",
    "board",
    "service",
    "services",
    "times",
    "post",
    "journal",
    "news",
    "network",
    "airlines",
    "airways",
    "motors",
    "industries",
    "partners",
    "capital",
    "securities",
    "exchange",
    "federation",
    "league",
    "church",
    "congress",
    "senate",
    "parliament",
    "assembly",
    "government",
    "police",
    "guard",
    "command",
    "center",
    "centre",
    "media",
    "systems",
    "technologies",
    "technology",
    "petroleum",
    "resources",
    "trust",
    "bureau",
    "corps",
    "forces",
    "alliance",
    "coalition",
    "movement",
    "front",
    "brigade",
    "battalion",
    "regiment",
    "club",
    "society",
    "cabinet",
    "duma",
    "rada",
    "telegraph",
    "tribune",
    "herald",
    "gazette",
    "press",
    "broadcasting",
    "television",
    "radio",
    "studios",
    "pictures",
    "entertainment",
    "foods",
    "brands",
    "stores",
    "pharmaceuticals",
    "laboratories",
    "labs",
    "electric",
    "electronics",
    "chemical",
    "chemicals",
    "steel",
    "railway",
    "railways",
    "railroad",
    "insurance",
    "financial",
    "investments",
    "ventures",
    "enterprises",
    "international",
    "communications",
    "telecom",
    "energy",
    "oil",
    "gas",
    "airline",
    "mining",
    "semiconductor",
    "software",
    "pharma",
    "institution",
    "academy",
    "school",
    "hospital",
    "clinic",
    "council",
    "caucus",
    "secretariat",
    "directorate",
    "inspectorate",
    "tribunal",
    "assembly",
    "chamber",
    "mission",
    "delegation",
    "embassy",
    "consulate",
    "squadron",
    "division",
    "unit",
    "team",
    "fc",
    "corporation",
    "lines",
    "shipping",
    "realty",
    "properties",
    "trading",
    "exports",
    "imports",
    "products",
    "industries",
    "manufacturing",
    "motor",
    "auto",
    "automotive",
    "aviation",
    "aerospace",
    "defense",
    "dynamics",
    "instruments",
    "machines",
    "computer",
    "computers",
    "data",
    "solutions",
    "networks",
    "online",
    "digital",
    "wireless",
    "mobile",
    "cable",
    "utilities",
    "power",
    "light",
    "water",
    "commodities",
    "futures",
    "markets",
    "equity",
    "equities",
    "advisors",
    "advisers",
    "associates",
    "management",
    "consulting",
    "research",
];

/// First words that, followed by "of", make an organisation ("Bank of Japan").
const ORG_HEADS: &[&str] = &[
    "bank",
    "ministry",
    "university",
    "department",
    "board",
    "council",
    "court",
    "office",
    "institute",
    "commission",
    "church",
    "federation",
    "association",
    "union",
    "organization",
    "organisation",
    "league",
    "chamber",
    "house",
    "college",
    "academy",
    "school",
    "society",
    "party",
    "committee",
    "bureau",
    "agency",
    "government",
    "parliament",
    "cabinet",
    "congress",
    "senate",
    "assembly",
    "army",
    "navy",
    "fund",
    "corporation",
    "order",
    "friends",
    "sons",
    "daughters",
    "museum",
];

/// Last words that make a capitalised sequence a place.
const PLACE_SUFFIXES: &[&str] = &[
    "city",
    "county",
    "province",
    "region",
    "oblast",
    "beach",
    "island",
    "islands",
    "valley",
    "bay",
    "lake",
    "river",
    "mountains",
    "mountain",
    "heights",
    "springs",
    "falls",
    "harbor",
    "harbour",
    "peninsula",
    "strait",
    "gulf",
    "sea",
    "ocean",
    "coast",
    "desert",
    "territory",
    "territories",
    "district",
    "prefecture",
    "canton",
    "krai",
    "borough",
    "township",
    "parish",
    "village",
    "creek",
    "hills",
    "plains",
    "straits",
    "canal",
    "airport",
    "port",
];

/// Lower-case place nouns: "the village of X", "the X region".
/// Last words of a place's name that [`PLACE_SUFFIXES`] leaves out because
/// they rarely end a region's name but often a site's.
const PLACE_HEADS: &[&str] = &[
    "square",
    "street",
    "avenue",
    "boulevard",
    "road",
    "cemetery",
    "heath",
    "bridge",
    "station",
    "airport",
    "stadium",
    "palace",
    "cathedral",
    "monastery",
    "memorial",
];

/// Words that make a country's name the name of one of its regimes or
/// eras ("Nazi Germany", "Tsarist Russia").
const REGIME_EPITHETS: &[&str] = &[
    "nazi",
    "soviet",
    "fascist",
    "imperial",
    "tsarist",
    "czarist",
    "weimar",
    "communist",
    "wartime",
    "postwar",
    "modern",
    "ancient",
];

/// Last words of an occasion's name ("Victory Day", "Russia Day").
const OCCASIONS: &[&str] = &[
    "day",
    "eve",
    "week",
    "war",
    "revolution",
    "games",
    "cup",
    "olympics",
    "summit",
    "forum",
];

const PLACE_NOUNS: &[&str] = &[
    "village",
    "town",
    "city",
    "province",
    "region",
    "oblast",
    "district",
    "county",
    "state",
    "port",
    "capital",
    "island",
    "settlement",
    "municipality",
    "suburb",
    "neighbourhood",
    "neighborhood",
    "area",
    "border",
    "republic",
    "enclave",
    "outskirts",
    "hamlet",
    "regions",
    "provinces",
    "frontline",
    "front",
    "towns",
    "villages",
    "cities",
];

/// Prepositions that introduce places ("in X", "from X").
const PLACE_PREPS: &[&str] = &[
    "in",
    "at",
    "from",
    "near",
    "outside",
    "across",
    "into",
    "towards",
    "toward",
    "around",
    "throughout",
    "via",
    "to",
    "between",
    "inside",
    "within",
    "visited",
    "visiting",
    "through",
];

/// Verbs of saying: "X said" makes X a speaker (a person or an organisation).
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "stated",
    "noted",
    "explained",
    "argued",
    "asked",
    "warned",
    "insisted",
    "claimed",
    "announced",
    "replied",
    "recalled",
    "acknowledged",
    "admitted",
    "emphasised",
    "emphasized",
    "stressed",
    "declared",
    "tweeted",
    "posted",
    "commented",
    "confirmed",
    "denied",
    "suggested",
    "urged",
    "predicted",
    "estimated",
    "concluded",
    "responded",
    "countered",
    "contended",
    "maintained",
    "believes",
    "thinks",
    "continued",
    "reported",
    "disclosed",
    "indicated",
    "forecast",
];

/// Appositive nouns that make the name before them an organisation.
const ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "maker",
    "bank",
    "agency",
    "organization",
    "organisation",
    "network",
    "carrier",
    "producer",
    "unit",
    "subsidiary",
    "retailer",
    "manufacturer",
    "newspaper",
    "broadcaster",
    "party",
    "movement",
    "militia",
    "union",
    "charity",
    "startup",
    "conglomerate",
    "insurer",
    "lender",
    "airline",
    "brokerage",
    "utility",
    "operator",
    "developer",
    "supplier",
    "exporter",
    "importer",
    "refiner",
    "miner",
    "publisher",
    "outlet",
    "channel",
    "think",
    "institute",
    "university",
    "association",
    "club",
    "team",
    "coalition",
    "alliance",
    "regulator",
    "watchdog",
    "ministry",
    "department",
    "court",
];

/// Capitalised words that are not names on their own: sentence openers,
/// pronouns, weekdays and months. A run never starts with one.
const COMMON_CAPS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "its",
    "your",
    "in",
    "on",
    "at",
    "for",
    "from",
    "with",
    "by",
    "to",
    "of",
    "and",
    "but",
    "or",
    "if",
    "when",
    "while",
    "after",
    "before",
    "as",
    "so",
    "yet",
    "some",
    "many",
    "most",
    "more",
    "all",
    "each",
    "every",
    "no",
    "not",
    "any",
    "both",
    "other",
    "another",
    "such",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "there",
    "here",
    "then",
    "now",
    "also",
    "however",
    "meanwhile",
    "still",
    "even",
    "just",
    "only",
    "according",
    "despite",
    "although",
    "though",
    "since",
    "until",
    "under",
    "over",
    "about",
    "amid",
    "among",
    "between",
    "during",
    "last",
    "next",
    "first",
    "second",
    "third",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "yes",
    "oh",
    "well",
    "please",
    "thank",
    "thanks",
    "dear",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "once",
    "again",
    "because",
    "unless",
    "whether",
    "without",
    "within",
    "against",
    "through",
    "into",
    "onto",
    "upon",
    "per",
    "via",
    "than",
    "like",
    "unlike",
    "instead",
    "indeed",
    "perhaps",
    "maybe",
    "already",
    "earlier",
    "later",
    "soon",
    "recently",
    "finally",
    "overall",
    "several",
    "few",
    "much",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "let",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "don't",
    "i'm",
    "it's",
    "we're",
    "read",
    "see",
    "watch",
    "click",
    "subscribe",
    "sign",
    "related",
    "photo",
    "video",
    "image",
    "getty",
    "ap",
    "file",
    "update",
    "updated",
    "breaking",
    "exclusive",
    "opinion",
    "analysis",
    "editor's",
    "note",
    "advertisement",
    "note:",
    "mln",
    "dlrs",
    "pct",
    "cts",
    "shr",
    "net",
    "revs",
    "qtr",
    "avg",
    "shrs",
    "vs",
    "year",
    "years",
    "new",
    "old",
    "former",
    "ex",
    "sen",
    "rep",
];

/// Function words that may sit inside a name run between capitalised words.
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "ter", "bin", "ibn", "al",
    "el", "la", "le", "dos", "das", "y", "zu", "ben", "abu", "st", "st.",
];

/// Fx-hashed sets and maps: the lexicon keys are a few ASCII bytes, where
/// SipHash's setup dominates the lookup.
type FastSet<T> = HashSet<T, super::wordset::FxBuild>;
type FastMap<K, V> = HashMap<K, V, super::wordset::FxBuild>;

/// The tagger's names: first token -> (end token, kind). Fx-hashed: keys
/// are token indices, where SipHash and growth cost ~490 instructions
/// per insert (callgrind).
type Tagged = FastMap<usize, (usize, EntityKind)>;

/// Bits of [`Lexicon::masks`]: which word lists hold a key.
const TITLE: u16 = 1;
const HONORIFIC: u16 = 1 << 1;
const INHERITING: u16 = 1 << 2;
const DEPARTMENT: u16 = 1 << 3;
const MODIFIER: u16 = 1 << 4;
const ORG_SUFFIX: u16 = 1 << 5;
const ORG_HEAD: u16 = 1 << 6;
const PLACE_SUFFIX: u16 = 1 << 7;
const PLACE_NOUN: u16 = 1 << 8;
const PLACE_PREP: u16 = 1 << 9;
const SPEECH: u16 = 1 << 10;
const ORG_NOUN: u16 = 1 << 11;
const COMMON: u16 = 1 << 12;
const PARTICLE: u16 = 1 << 13;
const FIRST_NAME: u16 = 1 << 14;
/// Marks a token whose mask is not computed yet (no list uses this bit).
const UNKNOWN: u16 = 1 << 15;

struct Lexicon {
    /// Every word of the lists (titles, honorifics, suffixes, first names…)
    /// → the bits of the lists that hold it:
    /// one lookup answers all the questions rules ask about a word.
    /// Keyed by bytes: a token's `Key` is looked up without a UTF-8 check.
    masks: ShortMap<u16>,
}

impl Lexicon {
    /// The list bits of `tok` (lower-cased, trailing period dropped, as
    /// `Key` looks it up); 0 for words no list holds.
    fn mask(&self, tok: &str) -> u16 {
        let t = tok.strip_suffix('.').unwrap_or(tok).as_bytes();
        if t.is_empty() || t.len() > SHORT {
            return Key::new(tok)
                .and_then(|k| self.masks.get(k.as_bytes()))
                .unwrap_or(0);
        }
        // Most tokens are short ASCII words: lower-cased eight bytes at a
        // time, straight into the table's inline key form.
        let (lo, hi) = split16(t);
        if (lo | hi) & HIGH != 0 {
            return 0;
        }
        let lower = |x: u64| x | (bytes_in(x, b'A', b'Z') >> 2);
        self.masks
            .get_short(lower(lo), lower(hi), t.len())
            .unwrap_or(0)
    }
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let masks = lexicon_words();
        Lexicon {
            masks: ShortMap::new(masks.iter().map(|(k, v)| (&k[..], *v))),
        }
    })
}

/// Every word of the lists → the bits of the lists that hold it.
fn lexicon_words() -> FastMap<Box<[u8]>, u16> {
    let first_names: FastSet<String> = include_str!("../../data/names/first_names.txt")
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(|l| l.split_whitespace())
        .map(|w| w.to_ascii_lowercase())
        .collect();
    let mut masks: FastMap<Box<[u8]>, u16> = FastMap::default();
    for (list, bit) in [
        (TITLES, TITLE),
        (HONORIFICS, HONORIFIC),
        (INHERITING_ROLES, INHERITING),
        (DEPARTMENTS, DEPARTMENT),
        (ROLE_MODIFIERS, MODIFIER),
        (ORG_SUFFIXES, ORG_SUFFIX),
        (ORG_HEADS, ORG_HEAD),
        (PLACE_SUFFIXES, PLACE_SUFFIX),
        (PLACE_NOUNS, PLACE_NOUN),
        (PLACE_PREPS, PLACE_PREP),
        (SPEECH_VERBS, SPEECH),
        (ORG_NOUNS, ORG_NOUN),
        (COMMON_CAPS, COMMON),
        (NAME_PARTICLES, PARTICLE),
    ] {
        for w in list {
            *masks.entry(w.as_bytes().into()).or_default() |= bit;
        }
    }
    for w in &first_names {
        *masks.entry(w.as_bytes().into()).or_default() |= FIRST_NAME;
    }
    masks
}

/// Lower-cased ASCII key of a token without its trailing period, in a
/// stack buffer (no allocation on the hot path); `None` for tokens no
/// lexicon holds (non-ASCII or long).
struct Key {
    buf: [u8; 24],
    len: usize,
}

impl Key {
    fn new(tok: &str) -> Option<Key> {
        let t = tok.strip_suffix('.').unwrap_or(tok);
        if t.len() > 24 || t.is_empty() || !t.is_ascii() {
            return None;
        }
        let mut buf = [0u8; 24];
        for (d, s) in buf.iter_mut().zip(t.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        Some(Key { buf, len: t.len() })
    }
    fn as_bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }
    fn as_str(&self) -> &str {
        self.buf
            .get(..self.len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

fn is_possessive(tok: &str) -> bool {
    matches!(tok, "'s" | "’s" | "'S" | "’S")
}

/// What a mention is evidence for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    /// Kept only as a short form of an entity the article names elsewhere.
    Weak,
    /// Kept on its own.
    Strong,
}

/// One mention before grouping.
#[derive(Debug, Clone)]
struct Cand<'d> {
    span: Span,
    kind: Option<EntityKind>,
    /// Knowledge-base entries the surface names, best first (borrowed from
    /// the article's match list or the knowledge base: no `Vec` per mention).
    kb: &'d [EntryId],
    strength: Strength,
    /// Context evidence that this is a person (title, honorific, appositive).
    person_cue: bool,
    roles: Vec<String>,
    affiliations: Vec<String>,
    country: Option<String>,
    /// Names of those whose affiliations this one inherits ("adviser to Putin").
    inherit_from: Vec<String>,
    /// For a place with no knowledge-base entry: the place that locates it
    /// ("Hallandale Beach, Florida").
    located_in: Option<EntryId>,
}

impl<'d> Cand<'d> {
    fn new(doc: &Doc, toks: Range<usize>) -> Cand<'d> {
        let start = doc.tokens.get(toks.start).map_or(0, |t| t.start);
        let end = toks
            .end
            .checked_sub(1)
            .and_then(|l| doc.tokens.get(l))
            .map_or(start, |t| t.end);
        Cand {
            span: Span::new(start, end),
            kind: None,
            kb: &[],
            strength: Strength::Weak,
            person_cue: false,
            roles: Vec::new(),
            affiliations: Vec::new(),
            country: None,
            inherit_from: Vec::new(),
            located_in: None,
        }
    }
}

/// Context read around a name: role words, the body they imply, whom the
/// role is held for.
#[derive(Debug, Default)]
struct Context {
    roles: Vec<String>,
    affiliations: Vec<String>,
    /// Cities and states a title names (country, place, and for a city
    /// the region named after it): "Texas Governor" serves Texas, "Texas
    /// Sen." the nation (see [`Context::finish`]).
    local: Vec<(String, String, Option<String>)>,
    country: Option<String>,
    inherit_from: Vec<String>,
    person: bool,
}

impl Context {
    /// A city or state in a title is the body its holder serves ("Los
    /// Angeles Mayor" → United States/Los Angeles), except for members of
    /// the national legislature, whom it names the seat of ("Oregon Sen.",
    /// "Kansas Rep."), and where no role says what the place is to them:
    /// those stay with their country's government.
    fn finish(&mut self) {
        // No role word at all ("Oregon Democrat Ron Wyden"): the place is a
        // label, not a body; the person stays with the country.
        let national = self.roles.is_empty()
            || self.roles.iter().any(|r| {
                r.split(|c: char| c.is_whitespace() || c == '-').any(|w| {
                    NATIONAL_LEGISLATORS
                        .contains(&w.trim_end_matches('.').to_ascii_lowercase().as_str())
                })
            });
        // A governor governs a region: "the Luhansk governor", "Kharkiv's
        // governor" serve the oblast, not the city it is named after (a
        // mayor serves the city).
        let governor = self.roles.iter().any(|r| {
            r.split_whitespace()
                .any(|w| w.eq_ignore_ascii_case("governor"))
        });
        for (country, place, region) in std::mem::take(&mut self.local) {
            let body = match region {
                _ if national => format!("{country}/Government"),
                Some(region) if governor => format!("{country}/{region}"),
                _ => format!("{country}/{place}"),
            };
            push_unique(&mut self.affiliations, body);
        }
    }
}

/// Heads of a region's or a city's own government: "the governor of the
/// Luhansk region" works for Luhansk.
const LOCAL_OFFICES: &[&str] = &[
    "governor",
    "mayor",
    "premier",
    "prefect",
    "minister",
    "councillor",
    "councilor",
    "sheriff",
];

/// Compass adjectives before a region ("the eastern region of Donetsk").
const DIRECTIONS: &[&str] = &[
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

/// Nouns that say a name is a region's or a city's ("the region of
/// Donetsk", "the Kherson region").
const REGION_NOUNS: &[&str] = &["region", "oblast", "province", "city", "town"];

/// Title words of members of a national legislature (without a final
/// period: "Sen." is "sen").
const NATIONAL_LEGISLATORS: &[&str] = &[
    "sen",
    "senator",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "congressmember",
    "lawmaker",
    "mp",
];

/// Everything extraction of one document needs at hand.
struct Ctx<'d, 'a> {
    doc: &'d Doc<'a>,
    kb: &'d KnowledgeBase,
    lex: &'static Lexicon,
    date: Option<NaiveDate>,
    /// Per token: index into `kb_matches` of the match covering it.
    kb_at: Vec<u32>,
    kb_matches: Vec<KbHit<'d>>,
    /// Tagger names by first token: (end token, kind); only from
    /// sentences in running text.
    tagged: Tagged,
    /// Per token: its [`Lexicon::mask`], computed on first use.
    masks: Vec<std::cell::Cell<u16>>,
}

#[derive(Debug, Clone)]
struct KbHit<'d> {
    toks: Range<usize>,
    span: Span,
    ids: &'d [EntryId],
    demonym: bool,
    /// [`Ctx::place_doubtful`], once asked (both candidate passes ask).
    doubtful: std::cell::Cell<Option<bool>>,
}

const NONE: u32 = u32::MAX;

/// Entities of `doc`: knowledge-base names, rule-based names, tagger names
/// (when `tagger` is given), merged by coreference, with roles and
/// affiliations at `date` (the article's publication date).
pub fn extract(
    doc: &Doc,
    kb: &KnowledgeBase,
    tagger: Option<&Tagger>,
    date: Option<NaiveDate>,
) -> Vec<Entity> {
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let tagged = tagger.map(|t| tag(doc, t)).unwrap_or_default();
    extract_tagged(doc, kb, tagged, date)
}

/// [`extract`] with the tagger's names already found (first token →
/// (end token, kind)).
fn extract_tagged(
    doc: &Doc,
    kb: &KnowledgeBase,
    tagged: Tagged,
    date: Option<NaiveDate>,
) -> Vec<Entity> {
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    // All matches' entry ids in one buffer, which hits and candidates
    // borrow: one allocation per article instead of one per mention.
    let mut found: Vec<(Span, Range<usize>, bool)> = Vec::new();
    let mut all_ids: Vec<EntryId> = Vec::new();
    kb.for_each_mention(doc.text, |span, ids, demonym| {
        let from = all_ids.len();
        all_ids.extend_from_slice(ids);
        found.push((span, from..all_ids.len(), demonym));
    });
    let all_ids = all_ids.as_slice();
    let mut ctx = Ctx {
        doc,
        kb,
        lex: lexicon(),
        date,
        kb_at: vec![NONE; doc.tokens.len()],
        kb_matches: Vec::with_capacity(found.len()),
        tagged,
        masks: vec![std::cell::Cell::new(UNKNOWN); doc.tokens.len()],
    };
    // Matches come in text order, so the tokens they cover are found by
    // two cursors that only move forward (as `Doc::tokens_in` would).
    let (mut a, mut b) = (0usize, 0usize);
    let mut prev = Span::new(0, 0);
    for (span, ids, demonym) in found {
        if span.start < prev.start || span.end < prev.end {
            // Out of order (the matcher never does this): start over.
            a = 0;
            b = 0;
        }
        prev = span;
        while doc.tokens.get(a).is_some_and(|t| t.end <= span.start) {
            a += 1;
        }
        b = b.max(a);
        while doc.tokens.get(b).is_some_and(|t| t.start < span.end) {
            b += 1;
        }
        let toks = a..b;
        if toks.is_empty() {
            continue;
        }
        let idx = ctx.kb_matches.len() as u32;
        for t in toks.clone() {
            if let Some(slot) = ctx.kb_at.get_mut(t) {
                *slot = idx;
            }
        }
        ctx.kb_matches.push(KbHit {
            toks,
            span,
            ids: all_ids.get(ids).unwrap_or(&[]),
            demonym,
            doubtful: std::cell::Cell::new(None),
        });
    }
    // About one candidate per ten tokens in news text; sized up front so
    // that the ~170-byte candidates are not moved by repeated growth.
    let mut cands: Vec<Cand> = Vec::with_capacity(ctx.kb_matches.len() + doc.tokens.len() / 8);
    ctx.kb_candidates(&mut cands);
    for s in 0..doc.sentences.len() {
        ctx.rule_candidates(s, &mut cands);
    }
    ctx.role_descriptions(&mut cands);
    ctx.group(cands)
}

impl<'d, 'a> Ctx<'d, 'a> {
    fn tok(&self, i: usize) -> &'a str {
        self.doc.token(i)
    }

    fn kind(&self, i: usize) -> TokenKind {
        self.doc.kind(i)
    }

    /// Whether a word list of `bits` holds token `i` (as `Key`; false
    /// past the end). Rules ask about the same tokens many times, so each
    /// token is looked up once.
    fn is(&self, i: usize, bits: u16) -> bool {
        let Some(cell) = self.masks.get(i) else {
            return false;
        };
        let mut m = cell.get();
        if m == UNKNOWN {
            m = self.lex.mask(self.tok(i));
            cell.set(m);
        }
        m & bits != 0
    }

    fn entry(&self, id: EntryId) -> Option<&'d KbEntry> {
        self.kb.get(id)
    }

    fn hit_at(&self, t: usize) -> Option<&KbHit<'d>> {
        let i = *self.kb_at.get(t)?;
        if i == NONE {
            return None;
        }
        self.kb_matches.get(i as usize)
    }

    /// The lower-cased token before `t` in the same sentence.
    fn prev_is(&self, t: usize, bits: u16, sent_start: usize) -> bool {
        t > sent_start && self.is(t - 1, bits) && self.kind(t - 1) == TokenKind::Lower
    }

    fn sentence_range(&self, t: usize) -> Range<usize> {
        self.doc
            .sentence_of_token(t)
            .and_then(|s| self.doc.sentence_tokens.get(s).cloned())
            .unwrap_or(0..self.doc.tokens.len())
    }

    /// Candidates from knowledge-base matches (demonyms become place
    /// mentions of their country when [`DEMONYM_PLACES`]).
    fn kb_candidates(&self, out: &mut Vec<Cand<'d>>) {
        for hit in &self.kb_matches {
            let Some(first) = hit.ids.first().and_then(|id| self.entry(*id)) else {
                continue;
            };
            // "U.S. dlrs", "Canadian dollar": a currency, not a place.
            let before_currency =
                Key::new(self.tok(hit.toks.end)).is_some_and(|k| CURRENCIES.contains(&k.as_str()));
            if before_currency && (hit.demonym || first.kind == EntityKind::Place) {
                continue;
            }
            if hit.demonym {
                if !DEMONYM_PLACES {
                    continue;
                }
                // "Russian forces" is about Russia; "Russian Foreign Minister
                // X" too.
                let mut c = Cand::new(self.doc, hit.toks.clone());
                c.span = hit.span;
                c.kb = hit.ids;
                c.kind = Some(EntityKind::Place);
                c.strength = Strength::Strong;
                out.push(c);
                continue;
            }
            let mut c = Cand::new(self.doc, hit.toks.clone());
            c.span = hit.span;
            c.kb = hit.ids;
            c.kind = Some(first.kind);
            let sr = self.sentence_range(hit.toks.start);
            let ambiguous = hit
                .ids
                .iter()
                .all(|id| self.entry(*id).is_some_and(|e| e.ambiguous));
            let supported = first.kind == EntityKind::Place
                && (self.prev_is(hit.toks.start, PLACE_PREP, sr.start)
                    || self.followed_by_place(hit.toks.end, sr.end).is_some());
            c.strength = if !self.place_doubtful(hit) && (!ambiguous || supported) {
                Strength::Strong
            } else {
                Strength::Weak
            };
            out.push(c);
        }
    }

    /// A one-word match of a small place that is more likely a word or a
    /// name: "Bank" (Bānk, India), "TO" (Tô), "George" in "George Bush",
    /// "David" (Panama). Countries, capitals and regions are never doubted.
    fn place_doubtful(&self, hit: &KbHit) -> bool {
        if let Some(d) = hit.doubtful.get() {
            return d;
        }
        let d = self.place_doubtful_uncached(hit);
        hit.doubtful.set(Some(d));
        d
    }

    fn place_doubtful_uncached(&self, hit: &KbHit) -> bool {
        // The entries, walked again by each test below (no `Vec` per call).
        let entries = || hit.ids.iter().filter_map(|id| self.entry(*id));
        let all_minor_places = entries().next().is_some()
            && entries().all(|e| {
                e.kind == EntityKind::Place
                    && !matches!(
                        e.subkind.as_deref(),
                        Some(
                            "country"
                                | "historical_country"
                                | "capital"
                                | "state"
                                | "region"
                                | "territory"
                        )
                    )
            });
        if !all_minor_places {
            return false;
        }
        let surface = hit.span.slice(self.doc.text);
        if surface.contains(char::is_whitespace) || hit.toks.len() > 1 {
            return false;
        }
        let lex = self.lex;
        let small = entries().all(|e| e.population.unwrap_or(0) < 100_000);
        let words = lex.mask(surface);
        let lists = COMMON
            | TITLE
            | HONORIFIC
            | ORG_SUFFIX
            | DEPARTMENT
            | PARTICLE
            | SPEECH
            | PLACE_PREP
            | ORG_HEAD
            | PLACE_SUFFIX
            | MODIFIER;
        if words & lists != 0 {
            return true;
        }
        if self.kind(hit.toks.start) == TokenKind::AllCaps && surface.chars().count() <= 3 {
            return true;
        }
        let written_so = entries().any(|e| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|n| same_letters(n, surface))
        });
        if small && !written_so {
            return true;
        }
        let next_is_name = self.is_name_tok(hit.toks.end)
            && self.doc.tokens.get(hit.toks.end).map(|t| t.start) != Some(hit.span.end);
        let prev_is_name = hit.toks.start > 0
            && self.is_name_tok(hit.toks.start - 1)
            && self.sentence_range(hit.toks.start).start < hit.toks.start;
        if words & FIRST_NAME != 0 && (next_is_name || small) {
            return true;
        }
        small && (next_is_name || prev_is_name)
    }

    /// A knowledge-base place right after ", " at token `t` ("X, Florida").
    fn followed_by_place(&self, t: usize, sent_end: usize) -> Option<EntryId> {
        if t + 1 >= sent_end || self.tok(t) != "," {
            return None;
        }
        let hit = self.hit_at(t + 1)?;
        if hit.toks.start != t + 1 || hit.demonym {
            return None;
        }
        hit.ids
            .iter()
            .copied()
            .find(|id| self.entry(*id).is_some_and(|e| e.kind == EntityKind::Place))
    }

    /// Whether `core` is a given name (and a middle name or initial) before
    /// a surname the knowledge base knows only for people with other given
    /// names: "David Albright" is not Madeleine Albright.
    fn namesake_of_known_person(&self, core: Range<usize>) -> bool {
        if !(2..=3).contains(&core.len())
            || self.kind(core.start) != TokenKind::Capitalised
            || !self.is(core.start, FIRST_NAME)
        {
            return false;
        }
        let last = core.end - 1;
        let Some(h) = self.hit_at(last) else {
            return false;
        };
        if h.toks != (last..last + 1) || h.demonym || h.ids.is_empty() {
            return false;
        }
        // Given names that start alike may be the same person's: a
        // nickname ("Jim Comey", "Barry Obama") or a misspelling ("Vladmir
        // Putin", "Anthony Blinken").
        let initial = |w: &str| fold(w).chars().next();
        let given = initial(self.tok(core.start));
        h.ids.iter().all(|id| {
            self.entry(*id).is_some_and(|e| {
                e.kind == EntityKind::Person
                    && initial(e.name.split_whitespace().next().unwrap_or("")) != given
                    && self
                        .kb
                        .folded_aliases(*id)
                        .iter()
                        .all(|a| !a.contains(' ') || a.chars().next() != given)
            })
        })
    }

    /// Whether token `t` is a place, body or ordinary word glued before a
    /// person's name that starts at `t + 1` and ends before `end`: a known
    /// given name, then a capitalised word that is no numeral ("Queen
    /// Elizabeth II" keeps its title). A word that may itself be a given
    /// name or a person's name is kept ("Wade Michael Page").
    fn glued_before_name(&self, t: usize, end: usize) -> bool {
        if t + 2 >= end
            || !self.is_name_tok(t)
            || !self.is(t + 1, FIRST_NAME)
            || !self.is_name_tok(t + 2)
        {
            return false;
        }
        if self.kind(t + 1) != TokenKind::Capitalised
            || matches!(self.tok(t + 2), "II" | "III" | "IV" | "V" | "VI" | "Jr." | "Jr")
            || self.is(t, FIRST_NAME | PARTICLE | HONORIFIC)
            // Inside an Arabic or Dutch name ("Hamad bin Isa Al Khalifa").
            || (t > 0 && self.is(t - 1, PARTICLE))
            // Ships are named after people ("USS Carl Vinson").
            || matches!(self.tok(t), "USS" | "HMS")
            // "Texas Christian University", "White House Rose Garden".
            || (t + 1..end).any(|i| self.is(i, ORG_SUFFIX | ORG_HEAD | PLACE_SUFFIX))
        {
            return false;
        }
        if let Some(h) = self.hit_at(t) {
            // A place or body the knowledge base knows, ending at the word
            // ("Security Service of Ukraine Ivan Bakanov").
            return h.toks.end == t + 1
                && h.ids
                    .iter()
                    .filter_map(|id| self.entry(*id))
                    .all(|e| e.kind != EntityKind::Person);
        }
        // The object of a title ("Director General of Rosseti Andrei
        // Ryumin", "Minister of Industry and Trade Denis Manturov").
        if t > 0 && matches!(self.tok(t - 1), "of" | "and" | "for") {
            return true;
        }
        let tok = self.tok(t);
        let acronym = self.kind(t) == TokenKind::AllCaps && tok.len() >= 2;
        let lower = tok.to_lowercase();
        acronym
            || matches!(
                lower.as_str(),
                "democrat" | "republican" | "whip" | "lady" | "elect" | "laureate"
            )
            || self.is(
                t,
                ORG_HEAD | ORG_SUFFIX | ORG_NOUN | DEPARTMENT | PLACE_SUFFIX | PLACE_NOUN | TITLE,
            )
            || ordinary_words().contains(lower.as_str())
    }

    /// Whether the title's object ends at `t`, a place the knowledge base
    /// knows, and the run's last two words are a name, given name
    /// unknown: "President of Turkmenistan Serdar Berdimuhamedov", "Prime
    /// Minister of Armenia Nikol Pashinyan". [`Ctx::glued_before_name`]
    /// needs a known given name because without "of" the place may be
    /// part of a name ("Kentucky Fried Chicken").
    fn country_before_name(&self, run_start: usize, t: usize, end: usize) -> bool {
        // "of" inside the run, after a title: "the time of Frederick
        // Winslow Taylor" names no office.
        if end != t + 3
            || t < run_start + 2
            || self.tok(t - 1) != "of"
            || !(run_start..t - 1).any(|i| self.is(i, TITLE))
        {
            return false;
        }
        let named = (t + 1..end).all(|i| {
            self.kind(i) == TokenKind::Capitalised
                && self.is_name_tok(i)
                && !self.is(
                    i,
                    TITLE | ORG_SUFFIX | ORG_HEAD | ORG_NOUN | PLACE_SUFFIX | PLACE_NOUN | COMMON,
                )
        });
        named
            && self.hit_at(t).is_some_and(|h| {
                h.toks.end == t + 1
                    && !h.demonym
                    && h.ids
                        .iter()
                        .filter_map(|id| self.entry(*id))
                        .all(|e| e.kind == EntityKind::Place)
            })
            && self.hit_at(t + 1).is_none()
    }

    /// Whether the place at `place` is the given name of the two-word
    /// person name at `person` ("London" in "London Breed", "Chad" in
    /// "Chad Wolf"), not a place before a descriptor the tagger took in
    /// ("Kentucky Republican", "Illinois Statehouse") or a longer run.
    fn place_is_given_name(&self, place: Span, person: Span) -> bool {
        if place.start != person.start || place.end >= person.end {
            return false;
        }
        let toks = &self.doc.tokens;
        let a = toks.partition_point(|t| t.start < place.start);
        let b = toks.partition_point(|t| t.start < person.end);
        let s = a + 1;
        b == s + 1
            && toks.get(a).is_some_and(|t| t.end == place.end)
            && self.kind(s) == TokenKind::Capitalised
            // Not a state's short form in a list ("Ohio, Md.", "Iowa, Neb.").
            && self.tok(s).len() >= 4
            && self.hit_at(s).is_none()
            && !self.is(
                s,
                TITLE
                    | HONORIFIC
                    | ORG_HEAD
                    | ORG_SUFFIX
                    | ORG_NOUN
                    | DEPARTMENT
                    | PLACE_SUFFIX
                    | PLACE_NOUN,
            )
            && !matches!(
                self.tok(s).to_ascii_lowercase().as_str(),
                "democrat" | "democrats" | "republican" | "republicans" | "libertarian"
                    | "independent" | "statehouse" | "capitol"
            )
    }

    /// Whether token `t` can be part of a name run.
    fn is_name_tok(&self, t: usize) -> bool {
        matches!(self.kind(t), TokenKind::Capitalised | TokenKind::AllCaps)
    }

    /// Whether any of the entries a knowledge-base match may be is a person.
    fn person_reading(&self, h: &KbHit) -> bool {
        h.ids.iter().any(|id| {
            self.entry(*id)
                .is_some_and(|e| e.kind == EntityKind::Person)
        })
    }

    /// Whether the "and" at token `and` joins the two halves of one
    /// committee's name ("House Ways and Means Committee", "Energy and
    /// Commerce Subcommittee"), which must stay one run: split there, the
    /// halves became a person "House Ways", a place "Energy" and the role
    /// "Means Committee Chairman". The first half must read as part of a
    /// committee name: a portfolio word before "and", or a chamber opening
    /// the run. Two names side by side ("Smith and Intelligence Committee
    /// Chairman Nunes", "Republicans and Senate …") are kept apart, as is a
    /// title or a known person on either side.
    fn committee_after_and(&self, run_start: usize, and: usize, sent_end: usize) -> bool {
        const CHAMBERS: [&str; 5] = ["Senate", "House", "Assembly", "Parliament", "Congress"];
        let Some(before) = and.checked_sub(1) else {
            return false;
        };
        let person = |t: usize| self.hit_at(t).is_some_and(|h| self.person_reading(h));
        let committee_words = self.is(before, DEPARTMENT)
            || (CHAMBERS.contains(&self.tok(run_start)) && run_start < before);
        // "the Finance Committee and Joint Committee": two committees.
        let finished =
            (run_start..and).any(|t| matches!(self.tok(t), "Committee" | "Subcommittee"));
        if !committee_words || finished || self.is(before, TITLE | HONORIFIC) || person(before) {
            return false;
        }
        let after = and + 1;
        if CHAMBERS.contains(&self.tok(after)) {
            return false;
        }
        for j in after..sent_end.min(after + 4) {
            if !self.is_name_tok(j) || self.is(j, TITLE | HONORIFIC) || person(j) {
                return false;
            }
            if j > after && matches!(self.tok(j), "Committee" | "Subcommittee") {
                return true;
            }
        }
        false
    }

    /// Whether the "on" at token `on` joins a body to the topic in its
    /// name ("Council on Foreign Relations", "Senate Committee on Homeland
    /// Security", "Commission on Presidential Debates"): split there, the
    /// body was left as a bare "Council" and its topic became an
    /// organisation of its own. Only a body that is named for a topic
    /// qualifies, and the topic may not be a day or month ("the Committee
    /// on Tuesday", a common word), a person or a place ("the panel on
    /// Capitol Hill" is where it sits, not what it is about).
    fn topic_after_on(&self, on: usize) -> bool {
        const TOPIC_BODIES: [&str; 14] = [
            "council",
            "committee",
            "subcommittee",
            "commission",
            "center",
            "centre",
            "institute",
            "program",
            "programme",
            "conference",
            "panel",
            "forum",
            "caucus",
            "initiative",
        ];
        let (Some(head), topic) = (on.checked_sub(1), on + 1) else {
            return false;
        };
        let head_word = self.tok(head);
        if !TOPIC_BODIES
            .iter()
            .any(|b| head_word.eq_ignore_ascii_case(b))
            || self.kind(head) != TokenKind::Capitalised
            || self.is(topic, COMMON)
        {
            return false;
        }
        !self.hit_at(topic).is_some_and(|h| {
            h.ids.iter().any(|id| {
                self.entry(*id)
                    .is_some_and(|e| matches!(e.kind, EntityKind::Person | EntityKind::Place))
            })
        })
    }

    /// Whether the "and" at token `and` continues the topic of a body
    /// named for one ("Center on Budget and Policy Priorities", "Leadership
    /// Conference on Civil and Human Rights"): the run already holds a
    /// body's "on", and what follows "and" is plain capitalised words to
    /// the end of the run, none of them a title, a known name or a body's
    /// own head ("the Council on Foreign Relations and Brookings
    /// Institution" are two).
    fn topic_after_and(&self, run_start: usize, and: usize, sent_end: usize) -> bool {
        if !(run_start..and).any(|t| self.tok(t) == "on") {
            return false;
        }
        let mut j = and + 1;
        while j < sent_end && self.is_name_tok(j) {
            if self.is(j, TITLE | HONORIFIC | ORG_SUFFIX | ORG_HEAD) || self.hit_at(j).is_some() {
                return false;
            }
            j += 1;
        }
        j > and + 1
    }

    /// Whether `core` names a government department by its portfolio
    /// alone: two or three portfolio words ("Homeland Security", "Foreign
    /// Affairs"), or one after a title and "of" ("secretary of Energy").
    fn department_name(&self, core: Range<usize>, sent_start: usize) -> bool {
        let n = core.len();
        if !(1..=3).contains(&n) || !core.clone().all(|t| self.is(t, DEPARTMENT)) {
            return false;
        }
        n >= 2
            || (core.start >= sent_start + 2
                && self.tok(core.start - 1) == "of"
                && self.is(core.start - 2, TITLE))
    }

    /// Candidates from runs of capitalised words in running text.
    fn rule_candidates(&self, s: usize, out: &mut Vec<Cand<'d>>) {
        let Some(range) = self.doc.sentence_tokens.get(s).cloned() else {
            return;
        };
        let casing = self
            .doc
            .sentence_casing
            .get(s)
            .copied()
            .unwrap_or(Casing::Normal);
        let mut t = range.start;
        while t < range.end {
            if !self.is_name_tok(t) {
                t += 1;
                continue;
            }
            // Grow the run: capitalised words, glued hyphens and "&",
            // particles ("de", "van") and "of" after an organisation head.
            let start = t;
            let mut end = t + 1;
            while end < range.end && end - start < 4 * MAX_NAME_TOKENS {
                // Where a scraped name card was left out, the words on
                // either side are two things.
                if !self.doc.card_names.is_empty()
                    && self.doc.card_names.iter().any(|r| r.end == end)
                {
                    break;
                }
                let tok = self.tok(end);
                if self.is_name_tok(end) {
                    if self.is(end, COMMON) && !self.is(end, TITLE) {
                        break;
                    }
                    end += 1;
                    continue;
                }
                let glued = |a: usize, b: usize| matches!((self.doc.tokens.get(a), self.doc.tokens.get(b)), (Some(x), Some(y)) if x.end == y.start);
                let next_cap = end + 1 < range.end && self.is_name_tok(end + 1);
                if (tok == "-" || tok == "&")
                    && next_cap
                    && glued(end - 1, end)
                    && glued(end, end + 1)
                {
                    end += 2;
                    continue;
                }
                if tok == "&" && next_cap {
                    end += 2;
                    continue;
                }
                if tok == "and"
                    && next_cap
                    && (self.committee_after_and(start, end, range.end)
                        || self.topic_after_and(start, end, range.end))
                {
                    end += 2;
                    continue;
                }
                if next_cap && self.kind(end) == TokenKind::Lower && self.is(end, PARTICLE) {
                    end += 2;
                    continue;
                }
                if next_cap
                    && (tok == "of" || tok == "for")
                    && self.is(end - 1, ORG_HEAD | TITLE | PLACE_SUFFIX)
                {
                    end += 2;
                    continue;
                }
                if next_cap && tok == "on" && self.topic_after_on(end) {
                    end += 2;
                    continue;
                }
                break;
            }
            self.analyse_run(start..end, range.clone(), casing, out);
            t = end;
        }
    }

    /// Split a capitalised run into title phrase and name core, classify
    /// the core and read its context.
    fn analyse_run(
        &self,
        run: Range<usize>,
        sent: Range<usize>,
        casing: Casing,
        out: &mut Vec<Cand<'d>>,
    ) {
        let mut a = run.start;
        let b = run.end;
        // Leading openers and pronouns are not names ("The", "In", "He").
        while a < b && self.is(a, COMMON) {
            a += 1;
        }
        if a >= b {
            return;
        }
        // Title phrase: up to the last title or honorific word.
        let mut last_title: Option<usize> = None;
        let mut honorific = false;
        for i in a..b {
            if self.is(i, TITLE | HONORIFIC) {
                // "General Motors", "Prince Edward Island": a title word
                // followed only by an organisation/place suffix is a name.
                last_title = Some(i);
                honorific = self.is(i, HONORIFIC);
            }
        }
        let mut core_start = a;
        if let Some(lt) = last_title {
            if lt + 1 < b {
                core_start = lt + 1;
                let mut skipped_of = false;
                while core_start < b {
                    let tok = self.tok(core_start);
                    if tok == "of" || tok == "for" || tok == "the" || tok == "-" {
                        skipped_of |= tok == "of" || tok == "for";
                        core_start += 1;
                    } else if skipped_of && self.is(core_start, DEPARTMENT) {
                        core_start += 1;
                    } else {
                        break;
                    }
                }
                if skipped_of && b - core_start > 3 {
                    core_start = b - 2;
                }
            } else {
                core_start = b;
            }
        } else {
            // Leading demonyms and knowledge-base organisations/places that
            // qualify the next name ("Kremlin Dmitriev" is rare; "Russian
            // Sergei Lavrov" rarer): only strip demonyms.
            while core_start < b.saturating_sub(1) {
                match self.hit_at(core_start) {
                    Some(h) if h.demonym && h.toks.end <= b && h.toks.end > core_start => {
                        core_start = h.toks.end
                    }
                    _ => break,
                }
            }
        }
        // "Justice Department", "Notre Dame Cathedral", "Martin Luther King
        // Jr.": what follows the title word is no name of its own, so the
        // title word belongs to the name.
        let rest_is_suffix = core_start > a
            && core_start < b
            && (core_start..b).all(|t| {
                self.is(t, ORG_SUFFIX | PLACE_SUFFIX | DEPARTMENT)
                    || matches!(
                        self.tok(t),
                        "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV"
                    )
            });
        if rest_is_suffix {
            core_start = a;
            last_title = None;
            honorific = false;
        }
        // "Governor of Sevastopol Mikhail Razvozhayev", "Minister of
        // Industry and Trade Denis Manturov", "Coach of Russia Galina
        // Kulakova": the last word of a title or body phrase (or of a
        // heading whose line break was lost) before a given name and
        // surname is no part of the name; it goes back to the title phrase.
        // The name is the last two or three words ("Security Service of
        // Ukraine Ivan Bakanov").
        if let Some(g) = (core_start..b)
            .filter(|&g| (3..=4).contains(&(b - g)))
            .find(|&g| self.glued_before_name(g, b) || self.country_before_name(a, g, b))
        {
            core_start = g + 1;
        }
        // A scraped name card after the run says which words are the name
        // ("President of Turkmenistan Serdar Berdimuhamedov").
        if let Some(r) = self
            .doc
            .card_names
            .iter()
            .find(|r| r.end == b && r.start > core_start)
        {
            core_start = r.start;
        }
        let prefix = a..core_start;
        let mut core = core_start..b;
        if core.is_empty() {
            return;
        }
        // "(R-N.Y.)", "D-Calif.": a party and state, not a name.
        if self.tok(core.start).len() == 1 && self.tok(core.start + 1) == "-" {
            return;
        }
        // A core ending in "'s"-less possessive or trailing joiner: trim.
        while core.end > core.start && !self.is_name_tok(core.end - 1) {
            core.end -= 1;
        }
        // A body named for its topic runs longer ("United States House
        // Permanent Select Committee on Intelligence").
        let max_len = if (core.start..core.end).any(|t| self.tok(t) == "on") {
            2 * MAX_NAME_TOKENS
        } else {
            MAX_NAME_TOKENS
        };
        if core.is_empty() || core.len() > max_len {
            return;
        }
        // A core that is entirely one knowledge-base match: the context goes
        // to that match; the rules add nothing else.
        let mut ctxt = self.title_context(prefix.clone(), core.clone(), sent.clone());
        self.right_context(core.end, sent.clone(), &mut ctxt);
        let kb_exact = self
            .hit_at(core.start)
            .filter(|h| h.toks == core && !h.demonym && !self.place_doubtful(h))
            .cloned();
        let kind = self
            .classify(
                core.clone(),
                sent.clone(),
                &ctxt,
                honorific || last_title.is_some(),
            )
            .or_else(|| {
                // The rules found no cue: the tagger's reading of the same
                // words, if it has one.
                let k = self
                    .tagged
                    .get(&core.start)
                    .filter(|(end, _)| *end == core.end)
                    .map(|(_, k)| *k)?;
                // "wrote on Telegram", "said on CNN": what news is "on" is
                // a platform or an outlet; places one is "on" (islands) the
                // knowledge base knows.
                let on = core.start > sent.start
                    && self.tok(core.start - 1) == "on"
                    && self.kind(core.start - 1) == TokenKind::Lower;
                Some(if k == EntityKind::Place && on {
                    EntityKind::Org
                } else {
                    k
                })
            });
        // "Homeland Security", "secretary of Energy": a department named by
        // its portfolio is a body, whatever titles stand around it. Read as
        // a person ("Secretary of Homeland Security" with no name after it)
        // or a place ("Energy" of "the Energy and Commerce Committee"), it
        // becomes the organisation; where no reading was found (a fragment
        // of "Council on Foreign Relations") none is made.
        let kind = match kind {
            Some(EntityKind::Person | EntityKind::Place)
                if self.department_name(core.clone(), sent.start) =>
            {
                ctxt.person = false;
                ctxt.roles.clear();
                ctxt.inherit_from.clear();
                Some(EntityKind::Org)
            }
            k => k,
        };
        let mut c = Cand::new(self.doc, core.clone());
        if let Some(h) = kb_exact {
            c.kb = h.ids;
            c.span = h.span;
            // The knowledge base's reading stands, unless the context says
            // person and the name has a person reading, or an honorific
            // makes one ("Mr. Washington"); appositives and roles around a
            // place ("Alabama, is Trump's nominee") say nothing about it.
            let kb_kind = h.ids.first().and_then(|id| self.entry(*id)).map(|e| e.kind);
            let person_reading = self.person_reading(&h);
            c.kind = if kind == Some(EntityKind::Person) && (person_reading || honorific) {
                kind
            } else {
                kb_kind.or(kind)
            };
            if c.kind != Some(EntityKind::Person) {
                ctxt.person = false;
                ctxt.roles.clear();
                ctxt.inherit_from.clear();
            }
            c.strength = Strength::Strong;
        } else {
            // Parts of the core that the knowledge base knows stand on their
            // own; the whole core needs its own evidence.
            // "nuclear physicist David Albright": a given name before the
            // surname of a known person who has another given name is
            // someone else, a person the knowledge base does not know.
            let namesake = self.namesake_of_known_person(core.clone());
            let covered = (core.start..core.end).all(|t| self.hit_at(t).is_some());
            if covered && !namesake {
                return;
            }
            let kind = if namesake {
                let span = c.span;
                out.retain(|x| {
                    !(x.kind == Some(EntityKind::Person)
                        && !x.kb.is_empty()
                        && span.start <= x.span.start
                        && x.span.end <= span.end)
                });
                Some(EntityKind::Person)
            } else {
                kind
            };
            c.kind = kind;
            c.strength = if casing == Casing::Normal && kind.is_some() {
                Strength::Strong
            } else {
                Strength::Weak
            };
        }
        ctxt.finish();
        c.person_cue = ctxt.person;
        c.roles = ctxt.roles;
        c.affiliations = ctxt.affiliations;
        c.country = ctxt.country;
        c.inherit_from = ctxt.inherit_from;
        if c.kind == Some(EntityKind::Place) && c.kb.is_empty() {
            c.located_in = self.followed_by_place(core.end, sent.end);
        }
        out.push(c);
    }

    /// Roles and affiliations from the title phrase inside the run and the
    /// role words just before it ("Kremlin envoy", "Putin's spokesman",
    /// "Ukraine's human rights ombudsman, ").
    fn title_context(
        &self,
        prefix: Range<usize>,
        core: Range<usize>,
        sent: Range<usize>,
    ) -> Context {
        let mut ctx = Context::default();
        // In-run title phrase: qualifiers (demonyms, countries, bodies) and role words.
        let mut role_has_title = false;
        let mut role_start: Option<usize> = None;
        // Read once the whole prefix is known: what a qualifier gives
        // depends on whether a title follows it.
        let mut qualifiers: [Option<&KbHit>; 4] = [None; 4];
        let mut i = prefix.start;
        while i < prefix.end {
            // A name the run starts inside of is still a qualifier: the run
            // may leave out its first word ("New" of "New York City Mayor").
            if let Some(h) = self.hit_at(i).filter(|h| {
                (h.toks.start == i || (i == prefix.start && h.toks.start < i))
                    && h.toks.end <= prefix.end
            }) {
                if role_start.is_none() {
                    if let Some(slot) = qualifiers.iter_mut().find(|q| q.is_none()) {
                        *slot = Some(h);
                    }
                    i = h.toks.end;
                    continue;
                }
            }
            if self.is(i, HONORIFIC) {
                ctx.person = true;
                i += 1;
                continue;
            }
            role_start.get_or_insert(i);
            role_has_title |= self.is(i, TITLE);
            i += 1;
        }
        for h in qualifiers.into_iter().flatten() {
            // "bombed by Russians Volodymyr Zelenskiy confirmed" (a headline
            // run into the text): a plural demonym names people, not the
            // name's country.
            if self.plural_demonym(h) {
                continue;
            }
            // "Photograph: Jane Doe/Reuters Natalia Usmanova sits …": the
            // agency of a picture credit, run into the caption after it
            // where the page lost its line breaks, says nothing of the name.
            let credit = h
                .span
                .start
                .checked_sub(1)
                .and_then(|b| self.doc.text.as_bytes().get(b))
                == Some(&b'/');
            if credit {
                continue;
            }
            if role_has_title {
                self.qualifier(h.ids, &mut ctx);
            } else {
                // "Ukrainian Vasyl Petrenko", "Texas Ted Cruz": without a
                // title, a country or place says where someone is from,
                // not that they work for its government.
                self.nationality(h.ids, &mut ctx);
            }
        }
        if let Some(rs) = role_start {
            if let (Some(s), Some(e)) = (
                self.doc.tokens.get(rs),
                prefix
                    .end
                    .checked_sub(1)
                    .and_then(|l| self.doc.tokens.get(l)),
            ) {
                let text = Span::new(s.start, e.end).slice(self.doc.text);
                if role_has_title {
                    ctx.roles.push(text.to_string());
                    ctx.person = true;
                }
            }
        }
        // Lower-case role words before the run, possibly with a comma
        // between them and the name ("ombudsman, Dmytro Lubinets").
        let run_start = prefix.start.min(core.start);
        let mut k = run_start;
        if k > sent.start + 1 && self.tok(k - 1) == "," && self.is(k - 2, TITLE) {
            k -= 1;
        }
        let role_end = k;
        let comma_form = role_end < run_start;
        let mut has_title = false;
        while k > sent.start && role_end - k < 6 {
            let tok = self.tok(k - 1);
            let lower = self.kind(k - 1) == TokenKind::Lower || tok == "-";
            let glued = |a: usize, b: usize| matches!((self.doc.tokens.get(a), self.doc.tokens.get(b)), (Some(x), Some(y)) if x.end == y.start);
            // "son-in-law": "in" and "law" only between hyphens.
            let hyphen_part = matches!(tok, "-" | "in" | "law")
                && (glued(k - 1, k) || (k >= 2 && glued(k - 2, k - 1)));
            if lower && self.is(k - 1, TITLE) {
                has_title = true;
                k -= 1;
            } else if k == role_end && !hyphen_part {
                // The word next to the name must be the role itself ("judge
                // in Washington" is no title of Washington).
                break;
            } else if lower
                && (hyphen_part
                    || (self.is(k - 1, MODIFIER)
                        && !matches!(tok, "of" | "the" | "in" | "law" | "-")))
            {
                k -= 1;
            } else {
                break;
            }
        }
        // "ombudsman, Dmytro Lubinets," closes the appositive after the name.
        if comma_form && !matches!(self.tok(core.end), "," | "said" | "says" | "told") {
            has_title = false;
        }
        // Drop leading function words of the phrase ("the", "of").
        while k < role_end && matches!(self.tok(k), "the" | "of" | "in" | "-") {
            k += 1;
        }
        if has_title && k < role_end {
            let last = if self.tok(role_end - 1) == "," {
                role_end - 1
            } else {
                role_end
            };
            if let (Some(s), Some(e)) = (
                self.doc.tokens.get(k),
                last.checked_sub(1).and_then(|l| self.doc.tokens.get(l)),
            ) {
                if s.start < e.end {
                    let text = Span::new(s.start, e.end).slice(self.doc.text).to_string();
                    let head = self.tok(last.saturating_sub(1)).to_ascii_lowercase();
                    ctx.roles.push(text);
                    ctx.person = true;
                    // Who or what the role is held for: "Putin's", "Kremlin",
                    // "Russian", "Ukraine's".
                    self.role_owner(k, sent.start, &head, &mut ctx);
                }
            }
        }
        ctx
    }

    /// The owner left of a role phrase starting at token `k`.
    fn role_owner(&self, k: usize, sent_start: usize, head: &str, ctx: &mut Context) {
        if k <= sent_start {
            return;
        }
        let mut j = k;
        let possessive = is_possessive(self.tok(j - 1));
        if possessive {
            j -= 1;
        }
        if j <= sent_start {
            return;
        }
        let owner_end = j;
        if let Some(h) = self.hit_at(owner_end - 1).cloned() {
            if h.toks.end == owner_end {
                let person = h
                    .ids
                    .first()
                    .and_then(|id| self.entry(*id))
                    .is_some_and(|e| e.kind == EntityKind::Person);
                if person {
                    if self
                        .lex
                        .masks
                        .get(head.as_bytes())
                        .is_some_and(|m| m & INHERITING != 0)
                        || possessive
                    {
                        ctx.inherit_from
                            .push(h.span.slice(self.doc.text).to_string());
                    }
                } else {
                    self.qualifier(h.ids, ctx);
                }
                return;
            }
        }
        if possessive {
            // An unknown owner: a capitalised run ending before "'s".
            let mut s = owner_end;
            while s > sent_start && self.is_name_tok(s - 1) && owner_end - s < MAX_NAME_TOKENS {
                s -= 1;
            }
            if s < owner_end {
                if let (Some(a), Some(b)) =
                    (self.doc.tokens.get(s), self.doc.tokens.get(owner_end - 1))
                {
                    ctx.inherit_from
                        .push(Span::new(a.start, b.end).slice(self.doc.text).to_string());
                }
            }
        }
    }

    /// Affiliation from a qualifier the knowledge base knows: a country or
    /// demonym ("Ukrainian President" → Ukraine/Government), a city or
    /// state ("Texas Governor" → United States/Texas), an organisation
    /// with a body ("Kremlin envoy" → Russia/Kremlin).
    /// Whether a demonym hit is a plural ("Russians", "Iraqis"): its last
    /// word less a final "s" is a demonym of its own ("Swiss" is not).
    fn plural_demonym(&self, h: &KbHit) -> bool {
        if !h.demonym {
            return false;
        }
        let text = h.span.slice(self.doc.text);
        text.strip_suffix('s')
            .is_some_and(|one| self.kb.country_of_demonym(one).is_some())
    }

    /// [`Ctx::qualifier`] without a title after it: organisations give
    /// their body as before, places only the country.
    fn nationality(&self, ids: &[EntryId], ctx: &mut Context) {
        let Some(e) = ids.first().and_then(|id| self.entry(*id)) else {
            return;
        };
        match e.kind {
            EntityKind::Place if is_country(e) => {
                ctx.country.get_or_insert_with(|| e.name.clone());
            }
            EntityKind::Place => {
                if let Some(c) = &e.country {
                    ctx.country.get_or_insert_with(|| c.clone());
                }
            }
            _ => self.qualifier(ids, ctx),
        }
    }

    fn qualifier(&self, ids: &[EntryId], ctx: &mut Context) {
        let Some(e) = ids.first().and_then(|id| self.entry(*id)) else {
            return;
        };
        match e.kind {
            EntityKind::Org => {
                if let Some(b) = &e.body {
                    push_unique(&mut ctx.affiliations, b.clone());
                    if ctx.country.is_none() {
                        ctx.country = b.split('/').next().map(str::to_string);
                    }
                } else if let Some(c) = &e.country {
                    ctx.country.get_or_insert_with(|| c.clone());
                }
            }
            // A country's title holder works for its government; a city's
            // or a state's for that place, under its country ("Los Angeles
            // Mayor" → United States/Los Angeles, not the US government).
            EntityKind::Place if is_country(e) => {
                push_unique(&mut ctx.affiliations, format!("{}/Government", e.name));
                ctx.country.get_or_insert_with(|| e.name.clone());
            }
            EntityKind::Place => {
                if let Some(c) = &e.country {
                    let region = matches!(e.subkind.as_deref(), Some("city" | "capital"))
                        .then(|| self.region_named_after(&e.name, c))
                        .flatten();
                    ctx.local.push((c.clone(), e.name.clone(), region));
                    ctx.country.get_or_insert_with(|| c.clone());
                }
            }
            EntityKind::Person => {}
        }
    }

    /// The region of `country` that bears the city's name ("Luhansk" →
    /// "Luhansk Oblast", "Moscow" → "Moscow Oblast"), found by the
    /// knowledge base's "<city> region" alias.
    fn region_named_after(&self, city: &str, country: &str) -> Option<String> {
        let key = format!("{city} region");
        self.kb.lookup(&key).iter().find_map(|id| {
            let e = self.entry(*id)?;
            (e.kind == EntityKind::Place
                && e.subkind.as_deref() == Some("region")
                && e.country.as_deref() == Some(country))
            .then(|| e.name.clone())
        })
    }

    /// Appositive after a name: ", a foreign affairs adviser to Putin,",
    /// ", who serves as Donald Trump's special envoy", ", 45,", ", who".
    fn right_context(&self, end: usize, sent: Range<usize>, ctx: &mut Context) {
        let lex = self.lex;
        if end >= sent.end {
            return;
        }
        if self.tok(end) != "," {
            return;
        }
        let mut k = end + 1;
        // Age: "John Smith, 45,".
        if self.kind(k) == TokenKind::Number && self.tok(k + 1) == "," {
            ctx.person = true;
            return;
        }
        let mut saw_who = false;
        while k < sent.end
            && matches!(
                self.tok(k),
                "a" | "an"
                    | "the"
                    | "who"
                    | "is"
                    | "was"
                    | "serves"
                    | "served"
                    | "as"
                    | "also"
                    | "now"
                    | "currently"
                    | "then"
                    | "has"
                    | "been"
                    | "its"
                    | "his"
                    | "her"
            )
        {
            saw_who |= self.tok(k) == "who";
            k += 1;
        }
        if saw_who && k == end + 2 {
            ctx.person = true;
        }
        // ", Foreign Minister Sergei Lavrov": a title of the next name, not
        // an appositive of this one (which starts with "a", "the", "who",
        // or a lower-case role).
        let determined = k > end + 1;
        if !determined && self.kind(k) != TokenKind::Lower {
            let mut j = k;
            while j < sent.end && self.is_name_tok(j) && j - k < MAX_NAME_TOKENS {
                j += 1;
            }
            if !is_possessive(self.tok(j)) {
                return;
            }
        }
        // Optional possessive owner: "Donald Trump's".
        let mut owner: Option<String> = None;
        let mut owner_ids: Option<&[EntryId]> = None;
        let os = k;
        while k < sent.end && self.is_name_tok(k) && k - os < MAX_NAME_TOKENS {
            k += 1;
        }
        if k > os && is_possessive(self.tok(k)) {
            if let (Some(a), Some(b)) = (self.doc.tokens.get(os), self.doc.tokens.get(k - 1)) {
                owner = Some(Span::new(a.start, b.end).slice(self.doc.text).to_string());
            }
            owner_ids = self
                .hit_at(k - 1)
                .filter(|h| h.toks.end == k && !h.demonym)
                .map(|h| h.ids);
            if owner_ids.is_none() {
                owner_ids = self.hit_at(k - 1).filter(|h| h.demonym).map(|h| h.ids);
            }
            k += 1;
        } else {
            k = os;
        }
        // Role phrase.
        let rs = k;
        let mut head: Option<usize> = None;
        while k < sent.end && k - rs < 7 {
            let kind = self.kind(k);
            if self.is(k, TITLE) {
                head = Some(k);
                k += 1;
            } else if self.is(k, MODIFIER | DEPARTMENT) || self.hit_at(k).is_some_and(|h| h.demonym)
            {
                k += 1;
            } else if kind == TokenKind::Lower && self.is(k, ORG_NOUN) && head.is_none() {
                // ", a Moscow-based company": an organisation, not a person.
                return;
            } else {
                break;
            }
        }
        let Some(h) = head else {
            return;
        };
        let (Some(a), Some(b)) = (self.doc.tokens.get(rs), self.doc.tokens.get(h)) else {
            return;
        };
        let role = Span::new(a.start, b.end).slice(self.doc.text).to_string();
        let head_key = self.tok(h).to_ascii_lowercase();
        ctx.roles.push(role);
        ctx.person = true;
        let inheriting = lex
            .masks
            .get(head_key.as_bytes())
            .is_some_and(|m| m & INHERITING != 0);
        if let Some(o) = owner {
            match owner_ids {
                Some(ids)
                    if ids
                        .first()
                        .and_then(|id| self.entry(*id))
                        .is_some_and(|e| e.kind != EntityKind::Person) =>
                {
                    self.qualifier(ids, ctx)
                }
                _ => ctx.inherit_from.push(o),
            }
        }
        // "adviser to Putin", "envoy of the Kremlin", "minister of Ukraine".
        let mut j = h + 1;
        if j < sent.end && matches!(self.tok(j), "to" | "of" | "for" | "at") {
            let connector = self.tok(j);
            j += 1;
            if self.tok(j) == "the" {
                j += 1;
            }
            // "governor of the eastern region of Donetsk", "head of the
            // southern Kherson region": the place is named as a region or a
            // city, so any role of its own (not one acting for someone
            // else, like a secretary) is that place's office.
            let mut marked = false;
            if connector == "of" {
                (j, marked) = self.region_lead(j, sent.end);
            }
            if let Some(hit) = self.hit_at(j).filter(|x| x.toks.start == j).cloned() {
                let first = hit.ids.first().and_then(|id| self.entry(*id));
                match first.map(|e| e.kind) {
                    Some(EntityKind::Person) if inheriting => {
                        ctx.inherit_from
                            .push(hit.span.slice(self.doc.text).to_string());
                    }
                    Some(EntityKind::Org) => self.qualifier(hit.ids, ctx),
                    // "minister of Ukraine" is Ukrainian; "envoy to the
                    // Middle East" names where, not whom.
                    Some(EntityKind::Place) if !inheriting && first.is_some_and(is_country) => {
                        self.qualifier(hit.ids, ctx)
                    }
                    // "the governor of the Luhansk region", "mayor of
                    // Lyon": a place's own office holder works for that
                    // place, under its country. Other roles "of" a place
                    // mostly head something named after it ("director of
                    // the New York-based …", "editor-in-chief of the Gallup
                    // poll"), as does a place that begins a longer name
                    // ("chief executive of the Hull and Humber Chamber").
                    Some(EntityKind::Place)
                        if self.tok(h + 1) == "of"
                            && LOCAL_OFFICES.contains(&head_key.as_str())
                            && (hit.toks.end >= sent.end
                                || !(self.is_name_tok(hit.toks.end)
                                    || is_possessive(self.tok(hit.toks.end))
                                    || matches!(self.tok(hit.toks.end), "-" | "and" | "&"))) =>
                    {
                        self.qualifier(hit.ids, ctx)
                    }
                    Some(EntityKind::Place)
                        if marked
                            && !inheriting
                            && (hit.toks.end >= sent.end
                                || !(self.is_name_tok(hit.toks.end)
                                    || is_possessive(self.tok(hit.toks.end)))) =>
                    {
                        self.qualifier(hit.ids, ctx)
                    }
                    // "secretary of Ukraine's security council", "spokesman
                    // for Russia's defence ministry": the body belongs to
                    // the country, and so does its officer ("envoy to
                    // Ukraine's …" names where, so not after "to").
                    Some(EntityKind::Place)
                        if inheriting
                            && matches!(connector, "of" | "for")
                            && first.is_some_and(is_country)
                            && is_possessive(self.tok(hit.toks.end)) =>
                    {
                        self.qualifier(hit.ids, ctx)
                    }
                    _ => {}
                }
            } else if self.is_name_tok(j) && inheriting {
                let mut e = j;
                while e < sent.end && self.is_name_tok(e) && e - j < MAX_NAME_TOKENS {
                    e += 1;
                }
                if let (Some(a), Some(b)) = (self.doc.tokens.get(j), self.doc.tokens.get(e - 1)) {
                    ctx.inherit_from
                        .push(Span::new(a.start, b.end).slice(self.doc.text).to_string());
                }
            }
        }
    }

    /// After a role's "of [the]" at `j`: skips a compass adjective and a
    /// "region of" / "city of" lead ("the eastern region of Donetsk",
    /// "the city of Mykolaiv", "the southern Kherson region") and says
    /// whether the words mark what follows as a region or a city. Returns
    /// `j` unchanged when they do not.
    fn region_lead(&self, j: usize, end: usize) -> (usize, bool) {
        let mut k = j;
        let lower = |t: usize| t < end && self.kind(t) == TokenKind::Lower;
        while lower(k) && k - j < 2 && DIRECTIONS.contains(&self.tok(k)) {
            k += 1;
        }
        if lower(k) && REGION_NOUNS.contains(&self.tok(k)) && self.tok(k + 1) == "of" && k + 2 < end
        {
            let mut p = k + 2;
            if self.tok(p) == "the" {
                p += 1;
            }
            return (p, true);
        }
        if k > j {
            // A compass word counts only before "<place> region".
            let after = self
                .hit_at(k)
                .filter(|x| x.toks.start == k)
                .map(|x| x.toks.end);
            let marked = after.is_some_and(|e| {
                lower(e) && REGION_NOUNS.contains(&self.tok(e))
                    || self.hit_at(k).is_some_and(|x| {
                        x.ids
                            .first()
                            .and_then(|id| self.entry(*id))
                            .is_some_and(|e| {
                                e.kind == EntityKind::Place
                                    && e.subkind.as_deref() == Some("region")
                            })
                    })
            });
            if marked {
                return (k, true);
            }
            return (j, false);
        }
        (j, false)
    }

    /// Person, organisation or place, from the core's own words and its
    /// surroundings; `None` when nothing says.
    fn classify(
        &self,
        core: Range<usize>,
        sent: Range<usize>,
        ctx: &Context,
        titled: bool,
    ) -> Option<EntityKind> {
        let last = self.tok(core.end - 1);
        let n = core.len();
        // Organisation and place words are the strongest signal: "Prince
        // Edward Island", "General Motors Corp".
        if self.is(core.end - 1, ORG_SUFFIX) && n >= 2 {
            return Some(EntityKind::Org);
        }
        if n >= 3
            && self.is(core.start, ORG_HEAD)
            && matches!(self.tok(core.start + 1), "of" | "for")
        {
            return Some(EntityKind::Org);
        }
        if self.is(core.end - 1, PLACE_SUFFIX) && n >= 2 {
            return Some(EntityKind::Place);
        }
        // Only `topic_after_on` lets "on" into a run: a body and its topic.
        if (core.start..core.end).any(|t| self.tok(t) == "&" || self.tok(t) == "on") {
            return Some(EntityKind::Org);
        }
        if titled || ctx.person {
            return Some(EntityKind::Person);
        }
        let all_caps = (core.start..core.end).all(|t| self.kind(t) == TokenKind::AllCaps);
        let first_name = self.is(core.start, FIRST_NAME) && n >= 2;
        if first_name && !all_caps {
            return Some(EntityKind::Person);
        }
        let before = core.start.checked_sub(1).filter(|b| *b >= sent.start);
        let prev = before.map(|b| self.tok(b)).unwrap_or("");
        let prev_lower = before.is_some_and(|b| self.kind(b) == TokenKind::Lower);
        // "an adviser to X", "spokesman for X".
        if matches!(prev, "to" | "of" | "for")
            && core.start >= sent.start + 2
            && self.is(core.start - 2, INHERITING)
            && !all_caps
            && !self.is(core.start, DEPARTMENT)
        {
            return Some(EntityKind::Person);
        }
        // "the village of X", "X region", "X-based", "X, Florida".
        if prev == "of" && core.start >= sent.start + 2 && self.is(core.start - 2, PLACE_NOUN) {
            return Some(EntityKind::Place);
        }
        let next = self.tok(core.end);
        if core.end < sent.end
            && self.kind(core.end) == TokenKind::Lower
            && matches!(
                next,
                "region" | "province" | "oblast" | "district" | "county" | "border" | "regions"
            )
        {
            return Some(EntityKind::Place);
        }
        if next == "-" && matches!(self.tok(core.end + 1), "based" | "headquartered") {
            return Some(EntityKind::Place);
        }
        if self.followed_by_place(core.end, sent.end).is_some() && !first_name {
            return Some(EntityKind::Place);
        }
        let speaks = core.end < sent.end
            && self.is(core.end, SPEECH)
            && self.kind(core.end) == TokenKind::Lower;
        if speaks {
            if all_caps || n == 1 {
                return Some(EntityKind::Org);
            }
            return Some(EntityKind::Person);
        }
        if all_caps && (2..=6).contains(&last.len()) && n == 1 {
            // An acronym in running text: most often an organisation.
            if core.start > sent.start {
                return Some(EntityKind::Org);
            }
        }
        if prev_lower && before.is_some_and(|b| self.is(b, PLACE_PREP)) && n <= 3 && !first_name {
            // "in X": a place unless it looks like an organisation.
            if prev == "at" || prev == "to" || prev == "between" {
                return None;
            }
            return Some(EntityKind::Place);
        }
        None
    }

    /// "the Russian president", "the Kremlin leader", "the US secretary of
    /// state": the holder of that role at the article date.
    fn role_descriptions(&self, out: &mut Vec<Cand<'d>>) {
        let mut cache: FastMap<(String, String), Option<&KbEntry>> = FastMap::default();
        let n = self.doc.tokens.len();
        let mut t = 0;
        while t + 2 < n {
            // Most tokens are not three bytes long: no slice of the text.
            let three = self.doc.tokens.get(t).is_some_and(|s| s.len() == 3);
            if !three || !self.tok(t).eq_ignore_ascii_case("the") {
                t += 1;
                continue;
            }
            let Some(hit) = self
                .hit_at(t + 1)
                .filter(|h| h.toks.start == t + 1)
                .cloned()
            else {
                t += 1;
                continue;
            };
            let Some(q) = hit.ids.first().and_then(|id| self.entry(*id)) else {
                t += 1;
                continue;
            };
            let country = match (q.kind, q.subkind.as_deref()) {
                (EntityKind::Place, Some("country" | "historical_country")) => Some(q.name.clone()),
                (EntityKind::Org, _) => q
                    .body
                    .as_deref()
                    .and_then(|b| b.split('/').next())
                    .map(str::to_string),
                _ => None,
            };
            let Some(country) = country else {
                t += 1;
                continue;
            };
            // Role words after the qualifier, lower case, up to 4.
            let rs = hit.toks.end;
            let mut re = rs;
            while re < n && re - rs < 4 {
                let tok = self.tok(re);
                let lower = self.kind(re) == TokenKind::Lower;
                if lower && (self.is(re, TITLE | DEPARTMENT) || tok == "of") {
                    re += 1;
                } else {
                    break;
                }
            }
            while re > rs && self.tok(re - 1) == "of" {
                re -= 1;
            }
            if re == rs || self.is_name_tok(re) {
                // No role, or a title before a name ("the Russian president Vladimir Putin").
                t = rs;
                continue;
            }
            let role = {
                let (Some(a), Some(b)) = (self.doc.tokens.get(rs), self.doc.tokens.get(re - 1))
                else {
                    t = re;
                    continue;
                };
                Span::new(a.start, b.end)
                    .slice(self.doc.text)
                    .to_ascii_lowercase()
            };
            let role = match role.as_str() {
                "leader" => "president",
                r => r,
            };
            let key = (country.clone(), role.to_string());
            let holder = match cache.get(&key) {
                Some(h) => *h,
                None => {
                    // The knowledge base scans every person per call: once
                    // per article and role is enough.
                    let holders = self.kb.role_holders(&country, role, self.date);
                    let holders = if holders.is_empty() && role == "president" {
                        self.kb.role_holders(&country, "prime minister", self.date)
                    } else {
                        holders
                    };
                    let h = holders.first().copied();
                    cache.insert(key, h);
                    h
                }
            };
            if let Some(h) = holder {
                let kb: &'d KnowledgeBase = self.kb;
                let id = kb.lookup(&h.name).iter().find(|id| {
                    self.entry(**id)
                        .is_some_and(|e| e.kind == EntityKind::Person && e.name == h.name)
                });
                if let Some(id) = id {
                    let mut c = Cand::new(self.doc, t..re);
                    c.kb = std::slice::from_ref(id);
                    c.kind = Some(EntityKind::Person);
                    // Without a date, "the president" may be anyone who held
                    // it: only join a holder the article names anyway.
                    c.strength = if self.date.is_some() {
                        Strength::Strong
                    } else {
                        Strength::Weak
                    };
                    out.push(c);
                }
            }
            t = re;
        }
    }

    /// Group mentions into entities, resolve short forms, fill roles,
    /// affiliations and countries.
    fn group(&self, cands: Vec<Cand<'d>>) -> Vec<Entity> {
        // Text order, longer first at the same start, ties in input order
        // (as a stable sort): the small keys are sorted, and each candidate
        // (large) moves once, instead of in every merge pass.
        let mut order: Vec<(usize, std::cmp::Reverse<usize>, usize)> = cands
            .iter()
            .enumerate()
            .map(|(i, c)| (c.span.start, std::cmp::Reverse(c.span.end), i))
            .collect();
        order.sort_unstable();
        let mut slots: Vec<Option<Cand<'d>>> = cands.into_iter().map(Some).collect();
        // Drop rule candidates inside a longer kept one.
        let mut groups: Vec<Group> = Vec::new();
        let mut by_key = GroupIndex::default();
        // One buffer for the folded surfaces compared and looked up below.
        let mut scratch = String::new();
        let mut weak: Vec<Cand> = Vec::new();
        // The span of the last person kept.
        let mut last_person: Option<Span> = None;
        for c in order
            .iter()
            .filter_map(|&(_, _, i)| slots.get_mut(i).and_then(Option::take))
        {
            // A place that is a person's given name is part of the name
            // ("London Breed", "Chad Wolf"). Candidates come longest first
            // at each start, so the person is seen first.
            if c.kind == Some(EntityKind::Place)
                && last_person.is_some_and(|p| self.place_is_given_name(c.span, p))
            {
                continue;
            }
            if c.strength == Strength::Weak {
                weak.push(c);
                continue;
            }
            if c.kind == Some(EntityKind::Person) {
                last_person = Some(c.span);
            }
            self.add(&mut groups, &mut by_key, &mut scratch, c);
        }
        // Short forms: a weak candidate joins the one group it names.
        for g in groups.iter_mut() {
            g.keys = self.group_keys(g);
        }
        let mut index: FastMap<&str, Vec<usize>> = FastMap::default();
        for (i, g) in groups.iter().enumerate() {
            for k in &g.keys {
                let v = index.entry(k.as_str()).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
        }
        let mut joins: Vec<(usize, Cand)> = Vec::new();
        for mut c in weak {
            if let Some(gi) =
                c.kb.iter()
                    .find_map(|id| groups.iter().position(|g| g.kb == Some(*id)))
            {
                joins.push((gi, c));
                continue;
            }
            scratch.clear();
            fold_into(c.span.slice(self.doc.text), &mut scratch);
            if let Some([gi]) = index.get(scratch.as_str()).map(Vec::as_slice) {
                c.kb = &[];
                joins.push((*gi, c));
            }
        }
        drop(index);
        for (gi, c) in joins {
            if let Some(g) = groups.get_mut(gi) {
                g.absorb(c);
            }
        }
        // Single-word people kept so far may be surnames of a full name.
        self.merge_surnames(&mut groups);
        self.surnames_of_namesakes(&mut groups);
        self.places_named_like_people(&mut groups);
        self.finish(groups)
    }

    fn add(
        &self,
        groups: &mut Vec<Group>,
        by_key: &mut GroupIndex,
        scratch: &mut String,
        c: Cand<'d>,
    ) {
        let kind = c.kind.unwrap_or(EntityKind::Org);
        // A lone surname after the full name: that person, before any
        // namesake the knowledge base may know.
        let surface = c.span.slice(self.doc.text);
        if kind == EntityKind::Person && c.kb.is_empty() && !surface.contains(char::is_whitespace) {
            scratch.clear();
            fold_into(surface, scratch);
            let key = scratch.as_str();
            let mut hits = groups
                .iter()
                .enumerate()
                .filter(|(_, g)| g.kind == EntityKind::Person && ends_with_word(&g.folded, key));
            if let (Some((gi, _)), None) = (hits.next(), hits.next()) {
                if let Some(g) = groups.get_mut(gi) {
                    g.absorb(c);
                }
                return;
            }
        }
        // Pick the entry the context agrees with.
        let id = if c.kb.is_empty() {
            None
        } else {
            let want = c
                .kind
                .filter(|_| c.person_cue || c.kind == Some(EntityKind::Person));
            let pick =
                c.kb.iter()
                    .copied()
                    .find(|id| want.is_none_or(|k| self.entry(*id).is_some_and(|e| e.kind == k)));
            pick.or_else(|| {
                if c.person_cue {
                    None
                } else {
                    c.kb.first().copied()
                }
            })
        };
        let name_text = c.span.slice(self.doc.text);
        // The display name is made only for a new group: most mentions
        // join one. An unknown name is still the raw surface here, cleaned
        // below (`GroupKey::Name`).
        let (key, kind, name) = match id.and_then(|i| self.entry(i).map(|e| (i, e))) {
            Some((i, e)) => (Some(i), e.kind, e.name.as_str()),
            None => {
                // Unknown names: try the knowledge base by full name (aliases
                // the matcher did not see, e.g. across a line break).
                // A lone surname resolves when the knowledge base has one
                // person of that name ("adviser to Chernov").
                let lone_person = kind == EntityKind::Person && !name_text.contains(' ');
                // The name key: a kind tag, then the folded surface.
                scratch.clear();
                scratch.push(match kind {
                    EntityKind::Person => 'p',
                    EntityKind::Org => 'o',
                    EntityKind::Place => 'l',
                });
                fold_into(name_text, scratch);
                let folded_text = scratch.get(1..).unwrap_or("");
                let resolved = self
                    .us_state_abbreviation(c.span, kind)
                    .or_else(|| {
                        self.kb.resolve_folded(folded_text, Some(kind)).filter(|e| {
                            name_text.contains(' ')
                                || (lone_person && e.near_its_roles(self.date))
                                || fold(&e.name) == folded_text
                        })
                    })
                    .or_else(|| {
                        // "Vladimir V. Putin", "Antony J. Blinken": house
                        // styles add a middle initial the knowledge base's
                        // names and aliases leave out. Given name and
                        // surname both still have to match.
                        let bare = without_middle_initials(name_text)?;
                        (kind == EntityKind::Person)
                            .then(|| self.kb.resolve(&bare, Some(kind)))
                            .flatten()
                    });
                match resolved {
                    Some(e) => {
                        let i = self.kb.lookup(&e.name).iter().copied().find(|i| {
                            self.entry(*i)
                                .is_some_and(|x| x.name == e.name && x.kind == e.kind)
                        });
                        match i {
                            Some(i) => (Some(i), e.kind, e.name.as_str()),
                            None => (None, kind, name_text),
                        }
                    }
                    None => (None, kind, name_text),
                }
            }
        };
        // `None`: the name key is in `scratch` (a miss alone copies it).
        let found = match key {
            Some(i) => by_key.kb.get(&i),
            None => by_key.name.get(scratch.as_str()),
        };
        let gi = match found {
            Some(gi) => *gi,
            None => {
                let kb_id = key;
                // A known entry's folded name is the knowledge base's.
                let (name, folded) = match key {
                    Some(i) => (name.to_string(), self.kb.folded_name(i).to_string()),
                    None => {
                        let name = clean_name(name);
                        let folded = fold(&name);
                        (name, folded)
                    }
                };
                groups.push(Group {
                    folded,
                    name,
                    kind,
                    kb: kb_id,
                    mentions: Vec::new(),
                    roles: Vec::new(),
                    affiliations: Vec::new(),
                    country: None,
                    context_country: None,
                    inherit_from: Vec::new(),
                    located_in: None,
                    first: c.span.start,
                    keys: Vec::new(),
                });
                match key {
                    Some(i) => by_key.kb.insert(i, groups.len() - 1),
                    None => by_key.name.insert(scratch.clone(), groups.len() - 1),
                };
                groups.len() - 1
            }
        };
        if let Some(g) = groups.get_mut(gi) {
            g.absorb(c);
        }
    }
    /// The US state a place written as a news-style abbreviation stands
    /// for: "Gettysburg, Pa.", "Charlie Dent (Pa.)". Only with its period,
    /// and only for what the rules already read as a place: "Pa" and "Ga"
    /// alone are words and names, and the knowledge base's aliases match
    /// without the period.
    fn us_state_abbreviation(&self, span: Span, kind: EntityKind) -> Option<&'d KbEntry> {
        const STATES: &[(&str, &str)] = &[
            ("Ala", "Alabama"),
            ("Ariz", "Arizona"),
            ("Ark", "Arkansas"),
            ("Colo", "Colorado"),
            ("Conn", "Connecticut"),
            ("Ga", "Georgia"),
            ("Kan", "Kansas"),
            ("Ky", "Kentucky"),
            ("Md", "Maryland"),
            ("Mich", "Michigan"),
            ("Minn", "Minnesota"),
            ("Mo", "Missouri"),
            ("Mont", "Montana"),
            ("Neb", "Nebraska"),
            ("Nev", "Nevada"),
            ("Okla", "Oklahoma"),
            ("Ore", "Oregon"),
            ("Pa", "Pennsylvania"),
            ("Tenn", "Tennessee"),
            ("Va", "Virginia"),
            ("Vt", "Vermont"),
            ("Wis", "Wisconsin"),
            ("Wyo", "Wyoming"),
        ];
        if kind != EntityKind::Place {
            return None;
        }
        let surface = span.slice(self.doc.text).strip_suffix('.').map_or_else(
            || {
                self.doc
                    .text
                    .get(span.end..)
                    .is_some_and(|t| t.starts_with('.'))
                    .then(|| span.slice(self.doc.text))
            },
            Some,
        )?;
        let (_, mut state) = STATES.iter().find(|(abbr, _)| *abbr == surface)?;
        // "R-W.Va.", "D-W. Va.": West Virginia.
        let before = self.doc.text.get(..span.start).unwrap_or("").trim_end();
        if surface == "Va" && before.ends_with("W.") {
            state = "West Virginia";
        }
        self.kb
            .lookup(state)
            .iter()
            .filter_map(|id| self.entry(*id))
            .find(|e| {
                e.kind == EntityKind::Place
                    && e.name == state
                    && e.country.as_deref() == Some("United States")
            })
    }

    /// The folded forms that name group `g`: its name and aliases, and for
    /// a person their last words ("putin", "lloyd webber").
    fn group_keys(&self, g: &Group) -> Vec<String> {
        let mut names: Vec<String> = vec![g.folded.clone()];
        // Places and organisations named in short by the knowledge base
        // were matched as such; only people need their aliases here.
        if let Some(id) =
            g.kb.filter(|i| self.entry(*i).is_some_and(|e| e.kind == EntityKind::Person))
        {
            names.extend(self.kb.folded_aliases(id).iter().cloned());
        }
        let mut keys: Vec<String> = Vec::new();
        for n in names {
            if g.kind == EntityKind::Person {
                let words: Vec<&str> = n.split(' ').collect();
                for i in 1..words.len() {
                    let suffix = words.get(i..).map(|w| w.join(" ")).unwrap_or_default();
                    // "Jr" or an initial is no short form.
                    if suffix.len() > 2 && !keys.contains(&suffix) {
                        keys.push(suffix);
                    }
                }
            }
            if !n.is_empty() && !keys.contains(&n) {
                keys.push(n);
            }
        }
        keys
    }

    /// Whether folded `text` names group `g` (see [`Ctx::group_keys`]).
    fn names_match(&self, g: &Group, text: &str) -> bool {
        g.keys.iter().any(|k| k == text)
    }

    /// One-word people that are surnames of a fuller person of the article
    /// join it ("Baker" → "James Baker").
    fn merge_surnames(&self, groups: &mut Vec<Group>) {
        let mut i = 0;
        while i < groups.len() {
            let single = groups
                .get(i)
                // "Bannon said" reads as an organisation until the article's
                // "Steve Bannon" claims it.
                .filter(|g| g.kind != EntityKind::Place && g.kb.is_none() && !g.name.contains(' '))
                .map(|g| g.folded.clone());
            if let Some(text) = single {
                let targets: Vec<usize> = groups
                    .iter()
                    .enumerate()
                    .filter(|(j, g)| {
                        *j != i && g.kind == EntityKind::Person && self.names_match(g, &text)
                    })
                    .map(|(j, _)| j)
                    .collect();
                if let [j] = targets.as_slice() {
                    merge_group_into(groups, i, *j);
                    continue;
                }
            }
            i += 1;
        }
    }

    /// A knowledge-base person named only by surname ("Mr. Albright") in an
    /// article that introduced someone else of that surname first ("David
    /// Albright") and never names the known person in full is that someone
    /// else: the same rule as the statements' speaker fix.
    fn surnames_of_namesakes(&self, groups: &mut Vec<Group>) {
        let mut mention = String::new();
        let mut i = 0;
        while i < groups.len() {
            let target = groups.get(i).and_then(|g| {
                let e = g.kb.and_then(|id| self.entry(id))?;
                if g.kind != EntityKind::Person || self.doc.text.contains(e.name.as_str()) {
                    return None;
                }
                let surname = fold(e.name.split_whitespace().last()?);
                let all_surname = g.mentions.iter().all(|m| {
                    mention.clear();
                    fold_into(m.slice(self.doc.text), &mut mention);
                    mention == surname
                });
                if !all_surname {
                    return None;
                }
                let suffix = format!(" {surname}");
                // As for the namesake itself: a given name with the known
                // person's initial may be theirs misspelt ("Dmitr Peskov").
                let initials: Vec<Option<char>> = std::iter::once(fold(&e.name))
                    .chain(self.kb.folded_aliases(g.kb?).iter().cloned())
                    .filter(|a| a.contains(' '))
                    .map(|a| a.chars().next())
                    .collect();
                let mut hits = groups.iter().enumerate().filter(|(j, p)| {
                    *j != i
                        && p.kind == EntityKind::Person
                        && p.kb.is_none()
                        && p.first < g.first
                        && p.folded.ends_with(&suffix)
                        && !initials.contains(&p.folded.chars().next())
                        // A given name first: not a heading glued to the
                        // surname ("France Emanuel Macron") nor a patronymic
                        // ("Makarovych Kravchuk").
                        && (2..=3).contains(&p.name.split_whitespace().count())
                        && p.name.split_whitespace().next().is_some_and(|w| {
                            let lw = w.to_lowercase();
                            self.lex.mask(w) & FIRST_NAME != 0
                                || (self.kb.country(w).is_none()
                                    && !ordinary_words().contains(lw.as_str())
                                    && !["vych", "vich", "ovna", "evna"]
                                        .iter()
                                        .any(|s| lw.ends_with(s)))
                        })
                });
                match (hits.next(), hits.next()) {
                    (Some((j, _)), None) => Some(j),
                    _ => None,
                }
            });
            if let Some(j) = target {
                merge_group_into(groups, i, j);
                continue;
            }
            i += 1;
        }
    }

    /// A one-word knowledge-base place or organisation whose every mention
    /// is the surname of a person of the article is that person: "Rubio"
    /// (a town in Venezuela) in a headline over "Marco Rubio".
    fn places_named_like_people(&self, groups: &mut Vec<Group>) {
        let mut first = String::new();
        let mut i = 0;
        while i < groups.len() {
            let target = groups.get(i).and_then(|g| {
                if g.kind == EntityKind::Person || g.mentions.is_empty() {
                    return None;
                }
                if g.kb.and_then(|id| self.entry(id)).is_some_and(is_country) {
                    return None;
                }
                // Every mention must name the same person: most groups fail
                // on their first one, before the rest are folded.
                first.clear();
                fold_into(g.mentions.first()?.slice(self.doc.text), &mut first);
                if first.contains(' ')
                    || !groups.iter().enumerate().any(|(j, p)| {
                        j != i
                            && p.kind == EntityKind::Person
                            && self.names_match(p, first.as_str())
                    })
                {
                    return None;
                }
                let texts: Vec<String> = g
                    .mentions
                    .iter()
                    .map(|m| fold(m.slice(self.doc.text)))
                    .collect();
                if texts.iter().any(|t| t.contains(' ')) {
                    return None;
                }
                let mut hits = groups.iter().enumerate().filter(|(j, p)| {
                    *j != i
                        && p.kind == EntityKind::Person
                        && texts.iter().all(|t| self.names_match(p, t))
                });
                match (hits.next(), hits.next()) {
                    (Some((j, _)), None) => Some(j),
                    _ => None,
                }
            });
            if let Some(j) = target {
                let mut g = groups.remove(i);
                g.kind = EntityKind::Person;
                g.roles.clear();
                g.affiliations.clear();
                let j = if j > i { j - 1 } else { j };
                if let Some(t) = groups.get_mut(j) {
                    t.merge(g);
                }
                continue;
            }
            i += 1;
        }
    }

    /// The one country of the known places named in the sentence of an
    /// unknown place's first mention or the sentence before it, in the same
    /// paragraph ("… the Sumy border region … the village of Hrabovske").
    fn nearby_country(&self, g: &Group, placed: &[(usize, String)]) -> Option<String> {
        let first = g.mentions.iter().min()?;
        let s = self.doc.sentence_at(first.start)?;
        let para = self.doc.sentence_paragraph.get(s).copied();
        let mut found: Option<&String> = None;
        for (ps, c) in placed {
            let near =
                *ps == s || (*ps + 1 == s && self.doc.sentence_paragraph.get(*ps).copied() == para);
            if !near {
                continue;
            }
            match found {
                Some(f) if f != c => return None,
                _ => found = Some(c),
            }
        }
        found.cloned()
    }

    /// Knowledge-base affiliations at the article date; without one, those
    /// of the current (else latest) roles.
    fn kb_affiliations(&self, e: &KbEntry) -> Vec<String> {
        match self.date {
            Some(_) => self.kb.affiliations_at(e, self.date),
            None => self.kb.current_affiliations(e),
        }
    }

    /// Entities from groups: knowledge-base roles and affiliations at the
    /// date, inherited affiliations, countries.
    /// A person the knowledge base does not know, named by one ordinary
    /// word only, with no honorific or personal title before any mention.
    fn ordinary_word_person(&self, g: &Group) -> bool {
        if g.kind != EntityKind::Person || g.kb.is_some() {
            return false;
        }
        let name = g.name.as_str();
        if name.is_empty()
            || !name.bytes().all(|b| b.is_ascii_alphabetic())
            || !ordinary_words().contains(name.to_ascii_lowercase().as_str())
        {
            return false;
        }
        !g.mentions.iter().any(|m| {
            let t = self.doc.token_at(m.start);
            t > 0 && {
                let prev = self.tok(t - 1);
                self.is(t - 1, HONORIFIC)
                    || VOUCHING_TITLES
                        .contains(&prev.trim_end_matches('.').to_ascii_lowercase().as_str())
            }
        })
    }

    /// A person the knowledge base does not know whose name is built like
    /// an organisation's ("Defense Ministry of Belarus said"), a place's
    /// ("Pushkin Square", "Chasiv Yar" is beyond words) or an occasion's
    /// ("Victory Day"): the kind it should have, or `Some(None)` when it is
    /// no entity of ours. A name that starts with a given name stays a
    /// person ("Doris Day", "Sarah Park").
    fn misfit_person(&self, g: &Group) -> Option<Option<EntityKind>> {
        if g.kind != EntityKind::Person || g.kb.is_some() {
            return None;
        }
        let lex = lexicon();
        let words: Vec<&str> = g.name.split_whitespace().collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return None;
        };
        // A given name first, or a title anywhere ("Chicago Police Supt.
        // Eddie Johnson"): a person, whatever else is glued to the name.
        if words.len() < 2
            || lex.mask(first) & FIRST_NAME != 0
            || words.iter().any(|w| lex.mask(w) & (TITLE | HONORIFIC) != 0)
        {
            return None;
        }
        let low = last.to_lowercase();
        if words[1..].iter().any(|w| lex.mask(w) & ORG_SUFFIX != 0) {
            return Some(Some(EntityKind::Org));
        }
        if lex.mask(last) & PLACE_SUFFIX != 0 || PLACE_HEADS.contains(&low.as_str()) {
            return Some(Some(EntityKind::Place));
        }
        if OCCASIONS.contains(&low.as_str()) {
            return Some(None);
        }
        // "Nazi Germany", "Inside Russia", "Save Ukraine": an ordinary word
        // or a regime's epithet before a country's own name (not a
        // demonym: "Tracey German" is someone).
        let first_low = first.to_lowercase();
        let country_named = self
            .kb
            .lookup(last)
            .iter()
            .filter_map(|id| self.kb.get(*id))
            .any(|e| e.is_state());
        if country_named
            && (ordinary_words().contains(first_low.as_str())
                || REGIME_EPITHETS.contains(&first_low.as_str()))
        {
            return Some(None);
        }
        None
    }

    fn finish(&self, mut groups: Vec<Group>) -> Vec<Entity> {
        // Names the rules took for people but that are built like other
        // things: retyped before places get their countries below.
        groups.retain_mut(|g| match self.misfit_person(g) {
            Some(Some(kind)) => {
                g.kind = kind;
                g.roles.clear();
                g.affiliations.clear();
                true
            }
            Some(None) => false,
            None => true,
        });

        // Affiliations of each group before inheritance, for lookups.
        for g in groups.iter_mut() {
            if let Some(e) = g.kb.and_then(|i| self.kb.get(i)) {
                let kb_affs = self.kb_affiliations(e);
                let mut affs = if g.affiliations.is_empty() {
                    Vec::new()
                } else {
                    kb_affs.clone()
                };
                for a in g.affiliations.drain(..) {
                    // "Ukrainian President" says Ukraine/Government, "New
                    // York Gov." United States/New York; the knowledge base
                    // says which body in that country.
                    if let Some((country, body)) = a.split_once('/') {
                        let generic = body == "Government"
                            || self.kb.resolve(body, Some(EntityKind::Place)).is_some();
                        let prefix = format!("{country}/");
                        if generic && kb_affs.iter().any(|k| k.starts_with(&prefix)) {
                            continue;
                        }
                    }
                    push_unique(&mut affs, a);
                }
                g.affiliations = if affs.is_empty() { kb_affs } else { affs };
                let roles = match self.date {
                    Some(_) => self.kb.roles_at(e, self.date),
                    None => self.kb.current_roles(e),
                };
                for r in roles {
                    let title = r.title.clone().unwrap_or_else(|| r.role.replace('_', " "));
                    push_unique(&mut g.roles, title);
                }
                let country = match e.kind {
                    EntityKind::Place if is_country(e) => Some(e.name.clone()),
                    _ => e.country.clone(),
                };
                if country.is_some() {
                    g.country = country;
                }
            }
        }
        // Inheritance: "adviser to Putin" takes Putin's affiliations.
        // (Most articles have no one to inherit from: no snapshot then.)
        let snapshot: Vec<(String, EntityKind, Option<EntryId>, Vec<String>)> =
            if groups.iter().any(|g| !g.inherit_from.is_empty()) {
                groups
                    .iter()
                    .map(|g| (g.folded.clone(), g.kind, g.kb, g.affiliations.clone()))
                    .collect()
            } else {
                Vec::new()
            };
        for g in groups.iter_mut() {
            let owners = std::mem::take(&mut g.inherit_from);
            for o in owners {
                let fo = fold(&o);
                let owner = snapshot.iter().find(|(folded, kind, kb, _)| {
                    *kind == EntityKind::Person
                        && (*folded == fo
                            || folded.ends_with(&format!(" {fo}"))
                            || kb.is_some_and(|i| self.kb.folded_aliases(i).contains(&fo)))
                });
                let affs = match owner {
                    Some((_, _, _, affs)) => affs.clone(),
                    None => self
                        .kb
                        .resolve(&o, Some(EntityKind::Person))
                        .map(|e| self.kb_affiliations(e))
                        .unwrap_or_default(),
                };
                for a in affs {
                    push_unique(&mut g.affiliations, a);
                }
            }
        }
        // Known places by sentence: (sentence, country), demonyms left out
        // ("Russian territory" says little about where a village is).
        // Only unknown places need them.
        let mut placed: Vec<(usize, String)> = Vec::new();
        let unplaced = groups
            .iter()
            .any(|g| g.kind == EntityKind::Place && g.kb.is_none() && g.located_in.is_none());
        for g in groups
            .iter()
            .filter(|g| unplaced && g.kind == EntityKind::Place && g.kb.is_some())
        {
            let Some(c) = g.country.as_ref() else {
                continue;
            };
            for m in &g.mentions {
                if self.kb.country_of_demonym(m.slice(self.doc.text)).is_some() {
                    continue;
                }
                if let Some(s) = self.doc.sentence_at(m.start) {
                    placed.push((s, c.clone()));
                }
            }
        }
        let mut out = Vec::with_capacity(groups.len());
        for mut g in groups {
            if self.ordinary_word_person(&g) {
                continue;
            }
            if g.kind == EntityKind::Place && g.kb.is_none() && g.located_in.is_none() {
                g.country = self.nearby_country(&g, &placed);
            }
            if g.kind == EntityKind::Person && g.country.is_none() {
                g.country = g
                    .affiliations
                    .first()
                    .and_then(|a| a.split('/').next())
                    .map(str::to_string)
                    .or(g.context_country.clone());
            }
            if g.kind == EntityKind::Place && g.kb.is_none() {
                if let Some(e) = g.located_in.and_then(|i| self.kb.get(i)) {
                    g.country = if is_country(e) {
                        Some(e.name.clone())
                    } else {
                        e.country.clone()
                    };
                }
            }
            if g.kind != EntityKind::Person {
                // Organisations keep their body as affiliation; places none.
                if g.kind == EntityKind::Place {
                    g.affiliations.clear();
                }
            }
            g.mentions.sort();
            g.mentions.dedup();
            let qid =
                g.kb.and_then(|i| self.kb.get(i))
                    .and_then(|e| e.qid.clone());
            out.push((
                g.first,
                Entity {
                    name: g.name,
                    kind: g.kind,
                    qid,
                    country: g.country,
                    mentions: g.mentions,
                    roles: g.roles,
                    affiliations: g.affiliations,
                },
            ));
        }
        out.sort_by_key(|(first, _)| *first);
        out.into_iter().map(|(_, e)| e).collect()
    }
}

/// Groups by knowledge-base entry, and unknown names by kind and folded
/// name (one tag char, then the folded name): a `String` key is looked up
/// as a `&str`, so only a new group copies it.
#[derive(Default)]
struct GroupIndex {
    kb: FastMap<EntryId, usize>,
    name: FastMap<String, usize>,
}

/// Whether folded `s` ends with the words `w` after a space (`s.ends_with(" w")`).
fn ends_with_word(s: &str, w: &str) -> bool {
    s.len() > w.len() && s.ends_with(w) && s.as_bytes().get(s.len() - w.len() - 1) == Some(&b' ')
}

#[derive(Debug)]
struct Group {
    name: String,
    /// `fold(name)`, which coreference compares often.
    folded: String,
    kind: EntityKind,
    kb: Option<EntryId>,
    mentions: Vec<Span>,
    roles: Vec<String>,
    affiliations: Vec<String>,
    country: Option<String>,
    context_country: Option<String>,
    inherit_from: Vec<String>,
    located_in: Option<EntryId>,
    first: usize,
    /// Folded forms that name this group, once all strong mentions are in.
    keys: Vec<String>,
}

impl Group {
    fn absorb(&mut self, c: Cand<'_>) {
        self.first = self.first.min(c.span.start);
        self.mentions.push(c.span);
        for r in c.roles {
            push_unique(&mut self.roles, r);
        }
        for a in c.affiliations {
            push_unique(&mut self.affiliations, a);
        }
        if self.context_country.is_none() {
            self.context_country = c.country;
        }
        for i in c.inherit_from {
            push_unique(&mut self.inherit_from, i);
        }
        if self.located_in.is_none() {
            self.located_in = c.located_in;
        }
    }

    fn merge(&mut self, other: Group) {
        self.first = self.first.min(other.first);
        self.mentions.extend(other.mentions);
        for r in other.roles {
            push_unique(&mut self.roles, r);
        }
        for a in other.affiliations {
            push_unique(&mut self.affiliations, a);
        }
        for i in other.inherit_from {
            push_unique(&mut self.inherit_from, i);
        }
        if self.context_country.is_none() {
            self.context_country = other.context_country;
        }
    }
}

/// Names the tagger finds in running-text sentences, keyed by first token.
fn tag(doc: &Doc, tagger: &Tagger) -> Tagged {
    // One word list for the whole text (a list per sentence cost an
    // allocation each); `sentence_tokens` cuts it into sentences.
    let words: Vec<&str> = doc.tokens.iter().map(|t| t.slice(doc.text)).collect();
    let ranges = doc
        .sentence_tokens
        .get(..doc.sentences.len())
        .unwrap_or(&doc.sentence_tokens);
    let sentences = FlatSentences {
        words: &words,
        ranges,
    };
    let mut out = Tagged::default();
    tagger.tag_each(&sentences, |s, a, b, t| {
        if doc.sentence_casing.get(s) != Some(&Casing::Normal) {
            return;
        }
        let Some(base) = doc.sentence_tokens.get(s).map(|r| r.start) else {
            return;
        };
        let kind = match t {
            NerType::Per => EntityKind::Person,
            NerType::Org => EntityKind::Org,
            NerType::Loc => EntityKind::Place,
            NerType::Misc => return,
        };
        out.insert(base + a, (base + b, kind));
    });
    out
}

/// A country, present or historical ("West Germany" in 1987 copy).
fn is_country(e: &KbEntry) -> bool {
    e.kind == EntityKind::Place
        && matches!(e.subkind.as_deref(), Some("country" | "historical_country"))
}

/// Equal but for case, diacritics included ("Tô" is not "To").
fn same_letters(a: &str, b: &str) -> bool {
    a.chars().count() == b.chars().count()
        && a.chars()
            .zip(b.chars())
            .all(|(x, y)| x == y || x.to_lowercase().eq(y.to_lowercase()))
}

/// Roles keep the case the text gives them ("Russian Foreign Minister",
/// "President of Russia"); the same role in another case ("president of
/// Russia" after "President of Russia", a sentence-initial capital) is
/// not a second role.
fn push_unique(v: &mut Vec<String>, s: String) {
    if !s.is_empty() && !v.iter().any(|r| same_letters(r, &s)) {
        v.push(s);
    }
}

/// Moves group `i` into group `j` (indices before the removal).
fn merge_group_into(groups: &mut Vec<Group>, i: usize, j: usize) {
    let g = groups.remove(i);
    let j = if j > i { j - 1 } else { j };
    if let Some(t) = groups.get_mut(j) {
        t.merge(g);
    }
}

/// `name` without its middle initials ("Vladimir V. Putin" → "Vladimir
/// Putin"), when it has at least one between a given name and a surname.
fn without_middle_initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 3 {
        return None;
    }
    let initial = |w: &str| {
        let letter = w.strip_suffix('.').unwrap_or(w);
        let mut cs = letter.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
    };
    let last = words.len() - 1;
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i == 0 || i == last || !initial(w))
        .map(|(_, w)| *w)
        .collect();
    (kept.len() < words.len() && kept.len() >= 2 && !initial(kept[0])).then(|| kept.join(" "))
}

/// A display name from a surface form: whitespace runs become one space.
fn clean_name(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Lexicon::mask` reads short words eight bytes at a time; it must
    /// answer as the plain lookup of `Key` in the lists' map does, for
    /// every list word in several spellings and for near misses.
    #[test]
    fn lexicon_mask_matches_the_key_lookup() {
        let words = lexicon_words();
        let lex = lexicon();
        let want = |tok: &str| {
            Key::new(tok)
                .and_then(|k| words.get(k.as_bytes()).copied())
                .unwrap_or(0)
        };
        let mut checked = 0;
        for w in words.keys() {
            let w = std::str::from_utf8(w).unwrap_or_default();
            let mut forms = vec![
                w.to_string(),
                w.to_ascii_uppercase(),
                format!("{w}."),
                format!("{w}.."),
                format!("{w}s"),
                format!("{w}\0"),
                format!("x{w}"),
                w.chars().skip(1).collect(),
            ];
            let mut cap = w.to_string();
            if let Some(c) = cap.get_mut(..1) {
                c.make_ascii_uppercase();
            }
            forms.push(cap);
            for f in forms {
                assert_eq!(lex.mask(&f), want(&f), "{f:?}");
                checked += usize::from(want(&f) != 0);
            }
        }
        assert!(checked > 1000, "{checked}");
        for f in [
            "",
            ".",
            "Zorblat",
            "é",
            "Sénator",
            "@[`{",
            "abcdefghijklmnopqrstuvwxyz",
        ] {
            assert_eq!(lex.mask(f), want(f), "{f:?}");
        }
    }

    /// What a text is "on" is a platform or an outlet: a tagger's place
    /// reading there becomes an organisation; elsewhere it stands.
    #[test]
    fn tagger_places_after_on_are_organisations() {
        let kb = KnowledgeBase::default();
        let text = "The minister wrote on Zorblat that talks went well. \
                    Later he flew to Quibbix with aides.";
        let doc = Doc::analyze(text);
        let at = |w: &str| (0..doc.tokens.len()).find(|&t| doc.token(t) == w);
        let (Some(z), Some(q)) = (at("Zorblat"), at("Quibbix")) else {
            panic!("tokens not found");
        };
        let tagged: Tagged = [
            (z, (z + 1, EntityKind::Place)),
            (q, (q + 1, EntityKind::Place)),
        ]
        .into_iter()
        .collect();
        let ents = extract_tagged(&doc, &kb, tagged, None);
        let kind = |n: &str| ents.iter().find(|e| e.name == n).map(|e| e.kind);
        assert_eq!(kind("Zorblat"), Some(EntityKind::Org), "{ents:?}");
        assert_eq!(kind("Quibbix"), Some(EntityKind::Place), "{ents:?}");
    }

    /// A one-word "person" that is an ordinary word (a vocative, a stage
    /// direction, a heading word after a title) is dropped; an honorific or
    /// a personal title vouches for the same word as a surname.
    #[test]
    fn ordinary_words_are_not_people_alone() {
        let kb = KnowledgeBase::default();
        let text = "Friends, I am glad to see you all here. (Laughter.) \
                    The president signed the Executive Order on Monday. \
                    Mr. Young said the plan would work, and Young left.";
        let doc = Doc::analyze(text);
        let mut tagged = Tagged::default();
        for t in 0..doc.tokens.len() {
            if ["Friends", "Laughter", "Order", "Young"].contains(&doc.token(t)) {
                tagged.insert(t, (t + 1, EntityKind::Person));
            }
        }
        let ents = extract_tagged(&doc, &kb, tagged, None);
        let people: Vec<&str> = ents
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| e.name.as_str())
            .collect();
        for junk in ["Friends", "Laughter", "Order"] {
            assert!(!people.contains(&junk), "{junk} kept: {people:?}");
        }
        assert!(people.contains(&"Young"), "{people:?}");
    }
}
