//! Plain-English statement questions ("what did Ushakov say about Sumy",
//! "statements by Kremlin officials since November") turned into a
//! structured query: speakers, affiliations, remaining text, dates.
//!
//! The grammar is small on purpose: a question must name statements
//! ("statements", "quotes", "what did X say", "X's comments", "X officials
//! on Y") or it is not ours and [`interpret`] returns `None`, leaving the
//! query to the full-text syntax. Names go through the knowledge base; a
//! name it cannot resolve is reported with suggestions and searched as text,
//! so a typo narrows nothing away.

use crate::extract::kb::KnowledgeBase;
use crate::extract::wordset::MONTH_NAMES as MONTHS;
use crate::extract::EntityKind;
use chrono::{Datelike, Duration, NaiveDate};

/// A phrase naming a speaker the knowledge base does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unresolved {
    pub phrase: String,
    /// Closest known names, best first.
    pub suggestions: Vec<String>,
}

/// What a plain-English statement question asks for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Interpretation {
    /// It asks for statements (quotes, what someone said), not articles.
    pub statements_only: bool,
    /// Canonical speaker names (facet `/speaker/<name>`).
    pub speakers: Vec<String>,
    /// Affiliation paths: `Russia/Kremlin`, or `Russia` for "Russian
    /// officials" (facet `/affiliation/<path>`).
    pub affiliations: Vec<String>,
    /// The remaining full-text part, in tantivy query syntax.
    pub text: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub unresolved: Vec<Unresolved>,
    /// One line for the user: "speaker affiliation = Russia/Kremlin · text = trilateral talks".
    pub description: String,
}

/// Nouns that make a query a statement question.
const STATEMENT_NOUNS: &[&str] = &[
    "statements",
    "statement",
    "quotes",
    "quote",
    "quotations",
    "comments",
    "comment",
    "remarks",
    "claims",
    "words",
    "sayings",
    "declarations",
    "pronouncements",
    "says",
];

/// Group nouns after a body or country: "Kremlin officials", "Russian diplomats".
const GROUP_NOUNS: &[&str] = &[
    "officials",
    "official",
    "spokespeople",
    "spokesmen",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representatives",
    "diplomats",
    "leaders",
    "leadership",
    "ministers",
    "authorities",
    "government",
    "sources",
    "politicians",
    "aides",
    "people",
    "envoys",
    "negotiators",
    "figures",
    "officers",
    "lawmakers",
    "administration",
    "side",
];

/// Words that introduce the topic.
const TOPIC_PREPS: &[&str] = &["about", "on", "regarding", "concerning", "re", "over"];

fn month_of(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches(['.', ',']);
    const SHORT: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    MONTHS
        .iter()
        .position(|m| *m == w)
        .or_else(|| SHORT.iter().position(|m| *m == w))
        .or_else(|| (w == "sept").then_some(8))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// A date expression at the start of `words`: the first and last day it
/// covers and how many words it took.
fn parse_date(words: &[&str], today: NaiveDate) -> Option<(NaiveDate, NaiveDate, usize)> {
    let w0 = words.first()?.trim_end_matches([',', '.']);
    let lower = w0.to_lowercase();
    // ISO forms: 2025-11-01, 2025-11, 2025.
    if let Ok(d) = NaiveDate::parse_from_str(w0, "%Y-%m-%d") {
        return Some((d, d, 1));
    }
    if let Some((y, m)) = w0.split_once('-') {
        if let (Ok(y), Ok(m)) = (y.parse::<i32>(), m.parse::<u32>()) {
            let start = NaiveDate::from_ymd_opt(y, m, 1)?;
            return Some((start, month_end(start)?, 1));
        }
    }
    if w0.len() == 4 && w0.chars().all(|c| c.is_ascii_digit()) {
        let y: i32 = w0.parse().ok()?;
        return Some((
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            NaiveDate::from_ymd_opt(y, 12, 31)?,
            1,
        ));
    }
    match lower.as_str() {
        "today" => return Some((today, today, 1)),
        "yesterday" => {
            let d = today - Duration::days(1);
            return Some((d, d, 1));
        }
        "last" | "this" => {
            let unit = words.get(1)?.to_lowercase();
            let this = lower == "this";
            return match unit.as_str() {
                "week" => {
                    let monday =
                        today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
                    let start = if this {
                        monday
                    } else {
                        monday - Duration::days(7)
                    };
                    Some((start, start + Duration::days(6), 2))
                }
                "month" => {
                    let this_start = NaiveDate::from_ymd_opt(today.year(), today.month(), 1)?;
                    let start = if this {
                        this_start
                    } else {
                        (this_start - Duration::days(1)).with_day(1)?
                    };
                    Some((start, month_end(start)?, 2))
                }
                "year" => {
                    let y = if this { today.year() } else { today.year() - 1 };
                    Some((
                        NaiveDate::from_ymd_opt(y, 1, 1)?,
                        NaiveDate::from_ymd_opt(y, 12, 31)?,
                        2,
                    ))
                }
                _ => None,
            };
        }
        _ => {}
    }
    // "November", "November 2025", "November 3, 2025", "3 November 2025".
    let (day_first, m_idx) = match words.get(1).and_then(|w| month_of(w)) {
        Some(_) if w0.chars().all(|c| c.is_ascii_digit()) && w0.len() <= 2 => {
            (w0.parse::<u32>().ok(), 1)
        }
        _ => (None, 0),
    };
    let month = month_of(words.get(m_idx)?)?;
    let mut used = m_idx + 1;
    let mut day = day_first;
    if day.is_none() {
        if let Some(d) = words.get(used).map(|w| w.trim_end_matches(',')) {
            let d = d
                .trim_end_matches("st")
                .trim_end_matches("nd")
                .trim_end_matches("rd")
                .trim_end_matches("th");
            if d.len() <= 2 {
                if let Ok(d) = d.parse::<u32>() {
                    day = Some(d);
                    used += 1;
                }
            }
        }
    }
    let year = words
        .get(used)
        .map(|w| w.trim_end_matches([',', '.']))
        .filter(|w| w.len() == 4)
        .and_then(|w| w.parse::<i32>().ok());
    if year.is_some() {
        used += 1;
    }
    let year = match year {
        Some(y) => y,
        // A bare month is the most recent one that has begun.
        None => {
            if month <= today.month() {
                today.year()
            } else {
                today.year() - 1
            }
        }
    };
    let start = NaiveDate::from_ymd_opt(year, month, day.unwrap_or(1))?;
    let end = match day {
        Some(_) => start,
        None => month_end(start)?,
    };
    Some((start, end, used))
}

fn month_end(start: NaiveDate) -> Option<NaiveDate> {
    let (y, m) = if start.month() == 12 {
        (start.year() + 1, 1)
    } else {
        (start.year(), start.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).map(|d| d - Duration::days(1))
}

/// Removes date phrases ("since November", "before 2020", "in 2022",
/// "between … and …") from `words`, filling `from`/`to`.
fn take_dates(words: &mut Vec<String>, out: &mut Interpretation, today: NaiveDate) {
    let mut i = 0;
    while i < words.len() {
        let w = words[i].to_lowercase();
        let rest: Vec<&str> = words[i + 1..].iter().map(String::as_str).collect();
        let hit = match w.as_str() {
            "since" | "after" | "from" => parse_date(&rest, today).map(|(s, e, n)| {
                if w == "after" {
                    out.from = Some(e + Duration::days(1));
                } else {
                    out.from = Some(s);
                }
                // "from X to Y"
                let mut used = n;
                if w == "from" {
                    if let Some(t) = rest.get(n).map(|t| t.to_lowercase()) {
                        if matches!(t.as_str(), "to" | "until" | "till") {
                            if let Some((_, e2, n2)) = parse_date(&rest[n + 1..], today) {
                                out.to = Some(e2);
                                used += 1 + n2;
                            }
                        }
                    }
                }
                used
            }),
            "before" | "until" | "till" | "prior" => {
                let skip = usize::from(
                    w == "prior" && rest.first().is_some_and(|t| t.eq_ignore_ascii_case("to")),
                );
                parse_date(&rest[skip.min(rest.len())..], today).map(|(s, e, n)| {
                    if w == "before" || w == "prior" {
                        out.to = Some(s - Duration::days(1));
                    } else {
                        out.to = Some(e);
                    }
                    n + skip
                })
            }
            "in" | "during" | "on" => parse_date(&rest, today).map(|(s, e, n)| {
                out.from = Some(s);
                out.to = Some(e);
                n
            }),
            "between" => parse_date(&rest, today).and_then(|(s, _, n)| {
                let and = rest.get(n).map(|t| t.to_lowercase());
                if and.as_deref() != Some("and") {
                    return None;
                }
                let (_, e2, n2) = parse_date(&rest[n + 1..], today)?;
                out.from = Some(s);
                out.to = Some(e2);
                Some(n + 1 + n2)
            }),
            "last" | "this" | "yesterday" | "today" => {
                let here: Vec<&str> = words[i..].iter().map(String::as_str).collect();
                parse_date(&here, today).map(|(s, e, n)| {
                    out.from = Some(s);
                    out.to = Some(e);
                    n - 1
                })
            }
            _ => None,
        };
        match hit {
            Some(n) => {
                words.drain(i..(i + 1 + n).min(words.len()));
            }
            None => i += 1,
        }
    }
}

fn lower_words(words: &[String]) -> Vec<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

/// Splits a statement question into (speaker phrase, topic phrase).
fn split_question(words: &[String]) -> Option<(Vec<String>, Vec<String>)> {
    let lw = lower_words(words);
    let n = lw.len();
    let topic_from =
        |k: usize| -> Vec<String> { words.get(k..).map(|w| w.to_vec()).unwrap_or_default() };
    let find_prep = |from: usize| (from..n).find(|&i| TOPIC_PREPS.contains(&lw[i].as_str()));
    // "what did/has/does/is X say/said/saying (about Y)"; also "everything
    // X said about Y" and "did X say anything about Y".
    if matches!(
        lw.first().map(String::as_str),
        Some("what" | "who" | "everything" | "anything" | "did" | "has" | "have" | "does" | "had")
    ) {
        let verb = (1..n).find(|&i| {
            matches!(
                lw[i].as_str(),
                "say"
                    | "said"
                    | "saying"
                    | "says"
                    | "think"
                    | "thinks"
                    | "claim"
                    | "claimed"
                    | "state"
                    | "stated"
                    | "tell"
                    | "told"
                    | "announce"
                    | "announced"
                    | "comment"
                    | "commented"
                    | "write"
                    | "wrote"
                    | "tweet"
                    | "tweeted"
            )
        })?;
        if lw[0] == "who" {
            // "who said Y": any speaker, text Y.
            let start = if lw.get(verb + 1).map(String::as_str) == Some("that") {
                verb + 2
            } else {
                verb + 1
            };
            return Some((Vec::new(), topic_from(start)));
        }
        let mut s = 1;
        while s < verb
            && matches!(
                lw[s].as_str(),
                "did" | "has" | "have" | "does" | "do" | "is" | "are" | "was" | "were" | "had"
            )
        {
            s += 1;
        }
        let mut speaker = words.get(s..verb).map(|w| w.to_vec()).unwrap_or_default();
        // "has anyone said anything about Y" names no speaker.
        if let [one] = lw.get(s..verb).unwrap_or_default() {
            if matches!(
                one.as_str(),
                "anyone" | "anybody" | "someone" | "somebody" | "people" | "they"
            ) {
                speaker.clear();
            }
        }
        let mut t = verb + 1;
        if matches!(
            lw.get(t).map(String::as_str),
            Some("anything" | "something" | "everything")
        ) {
            t += 1;
        }
        if matches!(
            lw.get(t).map(String::as_str),
            Some("about" | "on" | "regarding" | "concerning" | "of")
        ) {
            t += 1;
        }
        return Some((speaker, topic_from(t)));
    }
    // "statements/quotes/comments by/from/of X (about Y)"
    if let Some(k) = (0..n).find(|&i| STATEMENT_NOUNS.contains(&lw[i].as_str())) {
        // "X's statements on Y" / "Macron statements on Y"
        if k > 0
            && !matches!(
                lw[k - 1].as_str(),
                "all" | "the" | "latest" | "recent" | "new"
            )
        {
            let mut speaker = words[..k].to_vec();
            strip_possessive(&mut speaker);
            let t = find_prep(k + 1).map(|p| p + 1).unwrap_or(k + 1);
            return Some((speaker, topic_from(t)));
        }
        let mut s = k + 1;
        if matches!(
            lw.get(s).map(String::as_str),
            Some("by" | "from" | "of" | "made")
        ) {
            if lw[s] == "made" && lw.get(s + 1).map(String::as_str) == Some("by") {
                s += 1;
            }
            s += 1;
            let p = find_prep(s).unwrap_or(n);
            let speaker = words.get(s..p).map(|w| w.to_vec()).unwrap_or_default();
            return Some((speaker, topic_from((p + 1).min(n))));
        }
        // "statements about Y"
        if let Some(p) = find_prep(k + 1).filter(|&p| p == k + 1) {
            return Some((Vec::new(), topic_from(p + 1)));
        }
        return Some((Vec::new(), topic_from(k + 1)));
    }
    None
}

fn strip_possessive(words: &mut [String]) {
    if let Some(last) = words.last_mut() {
        for suffix in ["'s", "’s", "'", "’"] {
            if let Some(s) = last.strip_suffix(suffix) {
                *last = s.to_string();
                break;
            }
        }
    }
}

/// What a speaker phrase names.
enum SpeakerRef {
    Person(String),
    Affiliation(String),
}

/// Resolves a speaker phrase: a person, an organisation (its body), a
/// country or demonym, optionally followed by a group noun ("Kremlin
/// officials", "Russian diplomats", "officials from Ukraine").
fn resolve_speaker(phrase: &[String], kb: &KnowledgeBase) -> Option<Vec<SpeakerRef>> {
    let mut words: Vec<String> = phrase.to_vec();
    while words.first().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "the" | "a" | "an" | "all" | "any"
        )
    }) {
        words.remove(0);
    }
    if words.is_empty() {
        return None;
    }
    // Several speakers: "Putin and Peskov", "Zelenskyy, Macron".
    let lw = lower_words(&words);
    if let Some(and) = lw.iter().position(|w| w == "and" || w == "or" || w == "&") {
        let left = resolve_speaker(&words[..and], kb);
        let right = resolve_speaker(&words[and + 1..], kb);
        if let (Some(mut l), Some(r)) = (left, right) {
            l.extend(r);
            return Some(l);
        }
    }
    let mut group = false;
    // "officials from Russia" / "officials of the Kremlin"
    if lw
        .first()
        .is_some_and(|w| GROUP_NOUNS.contains(&w.as_str()))
        && matches!(
            lw.get(1).map(String::as_str),
            Some("from" | "of" | "in" | "at")
        )
    {
        words.drain(..2);
        group = true;
    }
    while words
        .last()
        .is_some_and(|w| GROUP_NOUNS.contains(&w.to_lowercase().as_str()))
        && words.len() > 1
    {
        words.pop();
        group = true;
    }
    while words
        .first()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
    {
        words.remove(0);
    }
    let name = words
        .join(" ")
        .trim_matches(|c: char| c == ',' || c == '.')
        .to_string();
    if name.is_empty() {
        return None;
    }
    if !group {
        if let Some(e) = kb.resolve(&name, Some(EntityKind::Person)) {
            return Some(vec![SpeakerRef::Person(e.name.clone())]);
        }
    }
    if let Some(e) = kb.resolve(&name, Some(EntityKind::Org)) {
        let body = e.body.clone().unwrap_or_else(|| e.name.clone());
        return Some(vec![SpeakerRef::Affiliation(body)]);
    }
    if let Some(c) = kb.country(&name) {
        return Some(vec![SpeakerRef::Affiliation(c.name.clone())]);
    }
    if !group {
        if let Some(person) = titled_person(&words, kb) {
            return Some(vec![SpeakerRef::Person(person)]);
        }
    }
    if group {
        // "Kremlin officials" where the body is only an org alias's first word.
        if let Some(e) = kb.resolve(&format!("the {name}"), Some(EntityKind::Org)) {
            return Some(vec![SpeakerRef::Affiliation(
                e.body.clone().unwrap_or_else(|| e.name.clone()),
            )]);
        }
    }
    None
}

/// A known person named after a title or role: "President Zelensky",
/// "Kremlin spokesman Dmitry Peskov", "Mr. Peskov". The longest ending of
/// at most four words that names one person (and no place) wins; words
/// that relate someone else ("friends of Putin", "critics like Navalny")
/// must not stand before it.
pub(crate) fn titled_person(words: &[String], kb: &KnowledgeBase) -> Option<String> {
    const RELATING: &[&str] = &[
        "of", "to", "for", "with", "against", "by", "from", "and", "or", "than", "like", "about",
        "on", "near", "under", "versus", "vs", "vs.",
    ];
    let n = words.len();
    (1..n).filter(|&i| n - i <= 4).find_map(|i| {
        if words[..i]
            .iter()
            .any(|w| RELATING.contains(&w.to_lowercase().as_str()))
        {
            return None;
        }
        let name = words[i..].join(" ");
        let name = name.trim_matches(|c: char| c == ',' || c == '.');
        if kb.resolve(name, Some(EntityKind::Place)).is_some() {
            return None;
        }
        kb.resolve(name, Some(EntityKind::Person))
            .map(|e| e.name.clone())
    })
}

/// Whether `speaker` + `prep` reads as "a person's words on a topic": the
/// phrase (at most four words) names one person in the knowledge base and
/// no place or organisation, and the preposition is a topic's. "Putin on
/// NATO" asks for what he said; "Washington on alert" or "talks on Ukraine"
/// stay full text.
fn person_on_topic(speaker: &[String], prep: &str, kb: &KnowledgeBase) -> bool {
    if !matches!(prep, "on" | "about" | "regarding" | "concerning") || speaker.len() > 4 {
        return false;
    }
    let mut name_words = speaker.to_vec();
    strip_possessive(&mut name_words);
    let name = name_words.join(" ");
    kb.resolve(&name, Some(EntityKind::Person)).is_some()
        && kb.resolve(&name, Some(EntityKind::Place)).is_none()
        && kb.resolve(&name, Some(EntityKind::Org)).is_none()
        && kb.country(&name).is_none()
}

/// Characters with a meaning in tantivy's query syntax, dropped from free
/// text so a question never becomes a syntax error.
fn clean_text(words: &[String]) -> Option<String> {
    let cleaned: Vec<String> = words
        .iter()
        .map(|w| {
            w.chars()
                .filter(|c| {
                    !matches!(
                        c,
                        '+' | '-'
                            | '&'
                            | '|'
                            | '!'
                            | '('
                            | ')'
                            | '{'
                            | '}'
                            | '['
                            | ']'
                            | '^'
                            | '"'
                            | '~'
                            | '*'
                            | '?'
                            | ':'
                            | '\\'
                            | '/'
                            | '\''
                    )
                })
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    // Leading articles add nothing to a full-text search.
    let mut slice: &[String] = &cleaned;
    while slice
        .first()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
    {
        slice = &slice[1..];
    }
    (!slice.is_empty()).then(|| slice.join(" "))
}

/// Interprets `query` as a statement question; `None` when it is not one
/// (then it is full-text syntax). `today` anchors relative dates ("since
/// November" is the most recent November that has begun).
pub fn interpret(query: &str, kb: &KnowledgeBase, today: NaiveDate) -> Option<Interpretation> {
    let q = query.trim().trim_end_matches(['?', '.', '!']).trim();
    // Queries using tantivy syntax are the user's own: leave them alone.
    if q.is_empty()
        || q.contains(':')
        || q.contains('"')
        || q.contains(" AND ")
        || q.contains(" OR ")
    {
        return None;
    }
    let mut words: Vec<String> = q.split_whitespace().map(str::to_string).collect();
    let mut out = Interpretation {
        statements_only: true,
        ..Interpretation::default()
    };
    take_dates(&mut words, &mut out, today);
    let (speaker, topic) = match split_question(&words) {
        Some(x) => x,
        None => {
            // "Ukrainian officials on peace talks": a group speaker and a
            // topic. "Peskov on sanctions": a person the knowledge base
            // knows, and nothing else of that name, then a topic.
            let lw = lower_words(&words);
            let p = lw.iter().position(|w| TOPIC_PREPS.contains(&w.as_str()))?;
            let head = lw.get(p.checked_sub(1)?)?;
            let speaker = words[..p].to_vec();
            if GROUP_NOUNS.contains(&head.as_str()) {
                resolve_speaker(&speaker, kb)?;
            } else if !(person_on_topic(&speaker, &lw[p], kb) && p + 1 < words.len()) {
                return None;
            }
            (speaker, words[p + 1..].to_vec())
        }
    };
    let mut text_words: Vec<String> = Vec::new();
    if !speaker.is_empty() {
        match resolve_speaker(&speaker, kb) {
            Some(refs) => {
                for r in refs {
                    match r {
                        SpeakerRef::Person(n) if !out.speakers.contains(&n) => out.speakers.push(n),
                        SpeakerRef::Affiliation(a) if !out.affiliations.contains(&a) => {
                            out.affiliations.push(a)
                        }
                        _ => {}
                    }
                }
            }
            None => {
                let mut phrase_words = speaker.clone();
                strip_possessive(&mut phrase_words);
                while phrase_words
                    .first()
                    .is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
                {
                    phrase_words.remove(0);
                }
                let phrase = phrase_words.join(" ");
                // Speakers are people and bodies: suggest those first.
                let mut suggestions: Vec<String> = kb
                    .suggest(&phrase, None, 12)
                    .into_iter()
                    .filter(|e| e.kind != EntityKind::Place)
                    .take(3)
                    .map(|e| e.name.clone())
                    .collect();
                if suggestions.is_empty() {
                    suggestions = kb
                        .suggest(&phrase, None, 3)
                        .into_iter()
                        .map(|e| e.name.clone())
                        .collect();
                }
                out.unresolved.push(Unresolved {
                    phrase,
                    suggestions,
                });
                text_words.extend(phrase_words);
            }
        }
    }
    text_words.extend(topic);
    out.text = clean_text(&text_words);
    out.description = describe(&out);
    Some(out)
}

fn describe(i: &Interpretation) -> String {
    let mut parts: Vec<String> = vec!["statements".to_string()];
    if !i.speakers.is_empty() {
        parts.push(format!("speaker = {}", i.speakers.join(" or ")));
    }
    if !i.affiliations.is_empty() {
        parts.push(format!(
            "speaker affiliation = {}",
            i.affiliations.join(" or ")
        ));
    }
    if let Some(t) = &i.text {
        parts.push(format!("text = {t}"));
    }
    if let Some(f) = i.from {
        parts.push(format!("from {f}"));
    }
    if let Some(t) = i.to {
        parts.push(format!("to {t}"));
    }
    for u in &i.unresolved {
        if u.suggestions.is_empty() {
            parts.push(format!(
                "unknown speaker \"{}\" (searched as text)",
                u.phrase
            ));
        } else {
            parts.push(format!(
                "unknown speaker \"{}\" (searched as text; did you mean {}?)",
                u.phrase,
                u.suggestions.join(", ")
            ));
        }
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const KB: &str = r#"
{"name":"Russia","type":"place","kind":"country","aliases":["Russian Federation"],"demonyms":["Russian","Russians"]}
{"name":"Ukraine","type":"place","kind":"country","demonyms":["Ukrainian","Ukrainians"]}
{"name":"United States","type":"place","kind":"country","aliases":["US","U.S.","USA","America"],"demonyms":["American","Americans"]}
{"name":"France","type":"place","kind":"country","demonyms":["French"]}
{"name":"Sumy","type":"place","kind":"city","country":"Ukraine"}
{"name":"Kremlin","type":"org","kind":"government_body","country":"Russia","aliases":["the Kremlin"],"body":"Russia/Kremlin"}
{"name":"White House","type":"org","kind":"government_body","country":"United States","aliases":["the White House"],"body":"United States/White House"}
{"name":"State Department","type":"org","kind":"government_body","country":"United States","aliases":["US State Department"],"body":"United States/State Department"}
{"name":"Yuri Ushakov","type":"person","country":"Russia","aliases":["Ushakov"],"roles":[{"role":"adviser","body":"Russia/Kremlin"}]}
{"name":"Volodymyr Zelenskyy","type":"person","country":"Ukraine","aliases":["Zelensky","Zelenskyy","Zelenskiy"],"roles":[{"role":"head_of_state","body":"Ukraine/Presidential Office"}]}
{"name":"Emmanuel Macron","type":"person","country":"France","aliases":["Macron"],"roles":[{"role":"head_of_state","body":"France/Élysée"}]}
{"name":"Dmitry Peskov","type":"person","country":"Russia","aliases":["Peskov"]}
{"name":"Vladimir Putin","type":"person","country":"Russia","aliases":["Putin"]}
"#;

    fn kb() -> KnowledgeBase {
        let mut kb = KnowledgeBase::default();
        kb.merge_str("test", KB)
            .unwrap_or_else(|e| panic!("test kb: {e}"));
        kb
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 12, 10).unwrap_or_default()
    }

    fn run(q: &str) -> Interpretation {
        interpret(q, &kb(), today()).unwrap_or_else(|| panic!("not interpreted: {q}"))
    }

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn kremlin_officials() {
        let i = run("statements by Kremlin officials");
        assert!(i.statements_only);
        assert_eq!(i.affiliations, vec!["Russia/Kremlin"]);
        assert!(i.speakers.is_empty());
        assert_eq!(i.text, None);
        assert_eq!(
            i.description,
            "statements · speaker affiliation = Russia/Kremlin"
        );
    }

    #[test]
    fn person_and_topic() {
        let i = run("statements by Zelenskyy about trilateral talks");
        assert_eq!(i.speakers, vec!["Volodymyr Zelenskyy"]);
        assert_eq!(i.text.as_deref(), Some("trilateral talks"));
    }

    #[test]
    fn what_did_x_say() {
        let i = run("what did Ushakov say");
        assert_eq!(i.speakers, vec!["Yuri Ushakov"]);
        assert_eq!(i.text, None);
        let i = run("What did Ushakov say about Sumy?");
        assert_eq!(i.speakers, vec!["Yuri Ushakov"]);
        assert_eq!(i.text.as_deref(), Some("Sumy"));
    }

    #[test]
    fn demonym_with_date() {
        let i = run("quotes from Russian officials since 2025-11-01");
        assert_eq!(i.affiliations, vec!["Russia"]);
        assert_eq!(i.from, d(2025, 11, 1));
        assert_eq!(i.to, None);
        assert_eq!(i.text, None);
    }

    #[test]
    fn group_on_topic() {
        let i = run("Ukrainian officials on peace talks");
        assert_eq!(i.affiliations, vec!["Ukraine"]);
        assert_eq!(i.text.as_deref(), Some("peace talks"));
        let i = run("US officials on tariffs");
        assert_eq!(i.affiliations, vec!["United States"]);
    }

    #[test]
    fn person_on_topic_asks_for_statements() {
        let i = run("Peskov on sanctions");
        assert_eq!(i.speakers, vec!["Dmitry Peskov"]);
        assert_eq!(i.text.as_deref(), Some("sanctions"));
        let i = run("Vladimir Putin about NATO expansion since 2022-02-01");
        assert_eq!(i.speakers, vec!["Vladimir Putin"]);
        assert_eq!(i.text.as_deref(), Some("NATO expansion"));
        assert_eq!(i.from, d(2022, 2, 1));
        let kb = kb();
        // A place, a topic noun or a person with no topic stays full text.
        for q in [
            "Sumy on alert",
            "sanctions on Russia",
            "Peskov on",
            "Zelenskky on talks",
        ] {
            assert_eq!(interpret(q, &kb, today()), None, "{q}");
        }
    }

    #[test]
    fn everything_or_anything_said() {
        for q in [
            "everything Putin said about NATO",
            "did Putin say anything about NATO",
            "has Putin said anything about NATO",
        ] {
            let i = run(q);
            assert_eq!(i.speakers, vec!["Vladimir Putin"], "{q}");
            assert_eq!(i.text.as_deref(), Some("NATO"), "{q}");
        }
        let i = run("has anyone said anything about NATO");
        assert!(i.speakers.is_empty() && i.unresolved.is_empty());
        assert_eq!(i.text.as_deref(), Some("NATO"));
    }

    #[test]
    fn title_before_a_known_name() {
        let i = run("statements by President Zelensky");
        assert_eq!(i.speakers, vec!["Volodymyr Zelenskyy"]);
        assert!(i.unresolved.is_empty());
        let i = run("what did Kremlin spokesman Dmitry Peskov say about sanctions");
        assert_eq!(i.speakers, vec!["Dmitry Peskov"]);
        assert_eq!(i.text.as_deref(), Some("sanctions"));
        let i = run("quotes from Russian President Vladimir Putin");
        assert_eq!(i.speakers, vec!["Vladimir Putin"]);
        // Someone related to a known person is not that person.
        let i = run("statements by critics of Putin");
        assert!(i.speakers.is_empty());
        assert_eq!(i.unresolved.len(), 1);
    }

    #[test]
    fn month_name_is_most_recent_start() {
        let i = run("statements by Kremlin officials about trilateral talks since November");
        assert_eq!(i.affiliations, vec!["Russia/Kremlin"]);
        assert_eq!(i.text.as_deref(), Some("trilateral talks"));
        assert_eq!(i.from, d(2025, 11, 1));
        // A month still to come this year means last year's.
        let i = interpret(
            "quotes by Putin since December",
            &kb(),
            d(2025, 3, 5).unwrap_or_default(),
        );
        assert_eq!(i.and_then(|i| i.from), d(2024, 12, 1));
    }

    #[test]
    fn possessive_statements() {
        let i = run("Macron's statements on ceasefire");
        assert_eq!(i.speakers, vec!["Emmanuel Macron"]);
        assert_eq!(i.text.as_deref(), Some("ceasefire"));
    }

    #[test]
    fn org_speaker() {
        let i = run("what has the White House said about tariffs");
        assert_eq!(i.affiliations, vec!["United States/White House"]);
        assert_eq!(i.text.as_deref(), Some("tariffs"));
        let i = run("statements by the State Department before 2020");
        assert_eq!(i.affiliations, vec!["United States/State Department"]);
        assert_eq!(i.to, d(2019, 12, 31));
        assert_eq!(i.from, None);
    }

    #[test]
    fn unresolved_name_falls_back_to_text() {
        let i = run("statements by Zelenskky");
        assert!(i.speakers.is_empty());
        assert_eq!(i.unresolved.len(), 1);
        assert_eq!(i.unresolved[0].phrase, "Zelenskky");
        assert_eq!(
            i.unresolved[0].suggestions.first().map(String::as_str),
            Some("Volodymyr Zelenskyy")
        );
        assert_eq!(i.text.as_deref(), Some("Zelenskky"));
        assert!(i.description.contains("did you mean Volodymyr Zelenskyy"));
    }

    #[test]
    fn several_speakers_and_ranges() {
        let i = run("quotes by Putin and Peskov in 2022");
        assert_eq!(i.speakers, vec!["Vladimir Putin", "Dmitry Peskov"]);
        assert_eq!((i.from, i.to), (d(2022, 1, 1), d(2022, 12, 31)));
        let i = run("statements by Peskov between March 2022 and May 2022");
        assert_eq!((i.from, i.to), (d(2022, 3, 1), d(2022, 5, 31)));
        let i = run("what did Putin say last month");
        assert_eq!((i.from, i.to), (d(2025, 11, 1), d(2025, 11, 30)));
        let i = run("statements by Peskov after 2022-02-24");
        assert_eq!(i.from, d(2022, 2, 25));
    }

    #[test]
    fn who_said() {
        let i = run("who said the talks were productive");
        assert!(i.speakers.is_empty());
        assert_eq!(i.text.as_deref(), Some("talks were productive"));
    }

    #[test]
    fn not_a_statement_question() {
        let kb = kb();
        for q in [
            "peace talks",
            "ceasefire AND Kyiv",
            "title:ceasefire",
            "\"trilateral talks\"",
            "Putin",
            "talks on Ukraine",
            "",
        ] {
            assert_eq!(interpret(q, &kb, today()), None, "{q}");
        }
    }

    #[test]
    fn text_is_safe_syntax() {
        let i = run("what did Putin say about (NATO)* expansion?!");
        assert_eq!(i.text.as_deref(), Some("NATO expansion"));
    }
}
