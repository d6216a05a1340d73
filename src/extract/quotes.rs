//! Character-level layer under statement extraction: quotation spans,
//! paragraphs, sentences and word tokens, all as byte offsets.
//!
//! Everything here is linear in the text and bounded: a quotation never
//! grows past [`MAX_QUOTE_BYTES`] or [`MAX_QUOTE_PARAGRAPHS`], so an
//! unbalanced or pathological mark cannot swallow the rest of an article.

use super::Span;

/// Longest quotation accepted, in bytes (longer ones are treated as
/// unbalanced marks).
pub const MAX_QUOTE_BYTES: usize = 5000;
/// Most paragraphs one quotation may run over.
pub const MAX_QUOTE_PARAGRAPHS: usize = 5;

/// One quotation: from its opening mark to the end of its closing mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just past the closing mark.
    pub close_end: usize,
    /// The quoted words, without the marks.
    pub content: Span,
    /// Paragraphs it runs over (1 for an ordinary quote).
    pub paragraphs: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Family {
    /// “ ” „ " and the typewriter pair ''.
    Double,
    /// ‘ ’ and ' used as primary marks (British style) outside double quotes.
    Single,
    Guillemet,
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The char ending at byte `i`, if `i` is a char boundary.
pub fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// Characters after which a mark can open a quotation.
fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '—'
                        | '–'
                        | '―'
                        | '-'
                        | '/'
                        | ':'
                        | '“'
                        | '"'
                        | '‘'
                        | '«'
                        | '„'
                )
        }
    }
}

/// `'90s`, `'em`, `'cause`: apostrophes that start a word, not a quote.
fn is_leading_elision(rest: &str) -> bool {
    let b = rest.as_bytes();
    if b.len() >= 3 && b[0].is_ascii_digit() && b[1].is_ascii_digit() {
        return true;
    }
    let lower: String = rest.chars().take(6).collect::<String>().to_lowercase();
    ["em ", "em,", "em.", "cause ", "til ", "n ", "tis "]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// The mark at `i` (its family and byte length) if it can open a quotation.
fn opener(text: &str, i: usize, singles: bool) -> Option<(Family, usize)> {
    let c = char_at(text, i)?;
    // Called for every character: leave before looking at the neighbours.
    if !matches!(c, '“' | '„' | '”' | '«' | '"' | '\'' | '‘') {
        return None;
    }
    let prev = char_before(text, i);
    let next = char_at(text, i + c.len_utf8());
    let next_ok = next.is_some_and(|n| !n.is_whitespace());
    match c {
        '“' | '„' if next_ok => Some((Family::Double, c.len_utf8())),
        // A mistyped opener: ” after a space and before a word.
        '”' if opens_after(prev) && next.is_some_and(|n| n.is_alphanumeric()) => {
            Some((Family::Double, c.len_utf8()))
        }
        '«' if next_ok => Some((Family::Guillemet, c.len_utf8())),
        '"' if opens_after(prev) && next_ok => Some((Family::Double, 1)),
        '\'' if next == Some('\'') => {
            let after = char_at(text, i + 2);
            (opens_after(prev) && after.is_some_and(|n| !n.is_whitespace()))
                .then_some((Family::Double, 2))
        }
        '‘' | '\'' if singles && opens_after(prev) && next_ok => {
            let rest = text.get(i + c.len_utf8()..).unwrap_or("");
            (!is_leading_elision(rest)).then_some((Family::Single, c.len_utf8()))
        }
        _ => None,
    }
}

/// Byte length of the mark at `i` if it closes a quotation of `family`.
fn closer(text: &str, i: usize, family: Family) -> Option<usize> {
    let c = char_at(text, i)?;
    // Called for every character inside a quotation.
    if !matches!(c, '”' | '“' | '"' | '\'' | '’' | '»') {
        return None;
    }
    let prev = char_before(text, i);
    let next = char_at(text, i + c.len_utf8());
    let prev_word = prev.is_some_and(|p| !p.is_whitespace());
    match family {
        Family::Double => match c {
            '”' => Some(c.len_utf8()),
            // A German-style closer, or a mistyped English one.
            '“' if prev_word && next.is_none_or(|n| !n.is_alphanumeric()) => Some(c.len_utf8()),
            '"' => {
                // 6'2" or a 12" screen: an inch mark, not a closing quote.
                let inch = prev.is_some_and(|p| p.is_ascii_digit())
                    && (next.is_some_and(|n| n.is_alphanumeric())
                        || text.get(..i).is_some_and(|s| {
                            s.trim_end_matches(|d: char| d.is_ascii_digit())
                                .ends_with('\'')
                        }));
                (!inch).then_some(1)
            }
            // In `,'''` the inner single quote closes first.
            '\'' if next == Some('\'') && char_at(text, i + 2) != Some('\'') => Some(2),
            _ => None,
        },
        Family::Single => match c {
            '’' | '\'' if prev_word && next.is_none_or(|n| !n.is_alphanumeric()) => {
                Some(c.len_utf8())
            }
            _ => None,
        },
        Family::Guillemet => (c == '»').then_some(c.len_utf8()),
    }
}

/// After a paragraph break inside a quotation: the position just past the
/// opening mark that continues it in the next paragraph, if there is one.
fn continuation(text: &str, newline: usize, family: Family, singles: bool) -> Option<usize> {
    let rest = text.get(newline..)?;
    let skip = rest.len() - rest.trim_start().len();
    let at = newline + skip;
    match opener(text, at, singles) {
        Some((f, len)) if f == family => Some(at + len),
        _ => None,
    }
}

fn scan(text: &str, singles: bool, skip: &[Quote], out: &mut Vec<Quote>) {
    let mut i = 0;
    let mut skip_at = 0;
    // (family, open offset, content start, paragraphs)
    let mut state: Option<(Family, usize, usize, usize)> = None;
    while let Some(c) = char_at(text, i) {
        if state.is_none() {
            while skip.get(skip_at).is_some_and(|q| q.close_end <= i) {
                skip_at += 1;
            }
            if let Some(q) = skip.get(skip_at) {
                if q.open <= i {
                    i = q.close_end.max(i + c.len_utf8());
                    continue;
                }
            }
        }
        if state.is_none() && c.is_ascii() && c != '"' && c != '\'' {
            // No other ASCII character opens a quotation (see `opener`),
            // and every quotation in `skip` opens with one that stops this
            // run: jump to the next candidate instead of testing each char.
            i += text
                .as_bytes()
                .get(i..)
                .and_then(|b| find_stop(b, *b"\"'"))
                .unwrap_or(text.len() - i);
            continue;
        }
        if let Some((_, open, _, _)) = state {
            if c.is_ascii() && !matches!(c, '"' | '\'' | '\n') && i - open <= MAX_QUOTE_BYTES {
                // Inside a quotation no other ASCII character closes or
                // continues it (see `closer`, `continuation`): jump to the
                // next candidate, or to where the length limit ends it.
                let limit = (open + MAX_QUOTE_BYTES + 1).min(text.len());
                i += 1 + text
                    .as_bytes()
                    .get(i + 1..limit)
                    .and_then(|b| find_stop(b, *b"\"'\n"))
                    .unwrap_or(limit.saturating_sub(i + 1));
                continue;
            }
        }
        match state {
            None => {
                if let Some((family, len)) = opener(text, i, singles) {
                    if !singles || family == Family::Single {
                        state = Some((family, i, i + len, 1));
                        i += len;
                        continue;
                    }
                }
            }
            Some((family, open, start, paras)) => {
                if i - open > MAX_QUOTE_BYTES {
                    state = None;
                } else if c == '\n' {
                    match continuation(text, i, family, singles) {
                        Some(next) if paras < MAX_QUOTE_PARAGRAPHS => {
                            state = Some((family, open, start, paras + 1));
                            i = next;
                            continue;
                        }
                        _ => state = None,
                    }
                } else if let Some(len) = closer(text, i, family) {
                    if i > start {
                        out.push(Quote {
                            open,
                            close_end: i + len,
                            content: Span::new(start, i),
                            paragraphs: paras,
                        });
                    }
                    state = None;
                    i += len;
                    continue;
                }
            }
        }
        i += c.len_utf8();
    }
}

/// All quotations of `text`, in order, not overlapping. Double quotes and
/// guillemets first; single quotes only outside them (a single quote inside
/// a double one is a nested quotation and stays part of its content).
pub fn find_quotes(text: &str) -> Vec<Quote> {
    let mut doubles = Vec::new();
    scan(text, false, &[], &mut doubles);
    let mut singles = Vec::new();
    scan(text, true, &doubles, &mut singles);
    doubles.extend(singles);
    doubles.sort_by_key(|q| q.open);
    doubles
}

/// Paragraphs: maximal runs of text between line breaks, trimmed, lazily
/// (a caller that needs only the first one splits no further).
pub fn paragraph_iter(text: &str) -> impl Iterator<Item = Span> + '_ {
    // Splitting on '\n' (one byte that never occurs inside a multi-byte
    // char) finds the breaks with `memchr`, not a test per byte.
    let mut start = 0;
    text.split('\n').filter_map(move |line| {
        let s = trimmed(text, Span::new(start, start + line.len()));
        start += line.len() + 1;
        s
    })
}

/// Every paragraph (see [`paragraph_iter`]).
pub fn paragraphs(text: &str) -> Vec<Span> {
    paragraph_iter(text).collect()
}

/// The first paragraph, without splitting the rest of the text.
pub fn first_paragraph(text: &str) -> Option<Span> {
    paragraph_iter(text).next()
}

/// `span` without surrounding whitespace; `None` when nothing is left.
pub fn trimmed(text: &str, span: Span) -> Option<Span> {
    let s = text.get(span.start..span.end)?;
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    (!t.is_empty()).then(|| Span::new(span.start + lead, span.start + lead + t.len()))
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "st", "jr", "sr",
    "prof", "rev", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr",
    "aug", "sept", "sep", "oct", "nov", "dec", "u.s", "u.n", "u.k", "d.c", "e.g", "i.e", "a.m",
    "p.m", "mt", "ft", "capt", "cmdr", "adm", "maj", "pres", "atty", "supt", "det", "msgr",
];

/// An abbreviation of up to 7 ASCII bytes as one number: its bytes
/// lower-cased, and its length in the top byte.
const fn abbreviation_key(w: &[u8]) -> u64 {
    let mut key = (w.len() as u64) << 56;
    let mut i = 0;
    while i < w.len() && i < 7 {
        key |= (w[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    key
}

/// [`ABBREVIATIONS`] as keys: the period of every sentence is looked up
/// twice (sentence split, then tokens), and 56 integer compares are
/// cheaper than 56 case-insensitive string compares.
static ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut keys = [0u64; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = abbreviation_key(ABBREVIATIONS[i].as_bytes());
        i += 1;
    }
    keys
};

/// Where the word ending `before` starts: its characters pass `part` or are
/// periods ("U.S.", "N.Y.", "Sept"); `before.len()` when there is none.
fn dotted_word_start(before: &str, part: fn(char) -> bool) -> usize {
    before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| part(c) || c == '.')
        .last()
        .map_or(before.len(), |(i, _)| i)
}

/// True when the period at `dot` ends an abbreviation or an initial.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    // Every sentence's period is asked about twice (sentence split, then
    // tokens), nearly always after an ASCII word: that word is read as
    // bytes, without decoding chars backwards.
    let b = text.as_bytes();
    let mut start = dot.min(b.len());
    let mut dotted = false;
    while start > 0 {
        let c = b[start - 1];
        if c.is_ascii_alphanumeric() || c == b'.' {
            dotted |= c == b'.';
            start -= 1;
        } else if c < 0x80 {
            break;
        } else {
            return is_abbreviation_chars(text, dot);
        }
    }
    let Some(word) = b.get(start..dot) else {
        return is_abbreviation_chars(text, dot);
    };
    if word.is_empty() {
        return false;
    }
    if word.len() <= 5 && ABBREVIATION_KEYS.contains(&abbreviation_key(word)) {
        return true;
    }
    // For ASCII, `char::is_alphabetic` and `is_uppercase` are their ASCII
    // forms.
    let mut letters = word.iter().filter(|c| c.is_ascii_alphabetic());
    let single_capital = matches!(
        (letters.next(), letters.next()),
        (Some(c), None) if c.is_ascii_uppercase()
    );
    single_capital || dotted
}

/// [`is_abbreviation`] by chars, for a word with non-ASCII characters.
fn is_abbreviation_chars(text: &str, dot: usize) -> bool {
    let before = text.get(..dot).unwrap_or("");
    let start = dotted_word_start(before, char::is_alphanumeric);
    let word = before.get(start..).unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // Every entry is ASCII of at most 5 bytes (see the test), so any other
    // word matches none of them ignoring ASCII case.
    if word.len() <= 5
        && word.is_ascii()
        && ABBREVIATION_KEYS.contains(&abbreviation_key(word.as_bytes()))
    {
        return true;
    }
    // "J." initials and "U.S."-style dotted acronyms.
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let single_capital =
        matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
    single_capital || word.contains('.')
}

/// `…," she said in Albany, N.Y. "Next …`: a place's abbreviation after a
/// comma, then an opening quotation, ends the sentence (the abbreviation's
/// period doubles as the full stop).
fn place_then_quote(text: &str, after_dot: usize) -> bool {
    let rest = text.get(after_dot..).unwrap_or("");
    let opens = rest
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(['"', '“']));
    if !opens || super::statements::off("place_q") {
        return false;
    }
    let before = text.get(..after_dot).unwrap_or("");
    let word_start = dotted_word_start(before, char::is_alphabetic);
    let word = before.get(word_start..).unwrap_or("");
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    capital && word.len() <= 6 && before.get(..word_start).is_some_and(|b| b.ends_with(", "))
}

/// Verbs that, right after a quotation, attribute it (`"…?" Trump asked.`).
const SPEECH_AFTER_QUOTE: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "asked",
    "asks",
    "added",
    "adds",
    "wrote",
    "writes",
    "stated",
    "explained",
    "continued",
    "replied",
    "recalled",
    "insisted",
    "noted",
    "argued",
    "tweeted",
    "declared",
    "remarked",
    "warned",
    "exclaimed",
    "concluded",
    "answered",
    "responded",
    "joked",
    "shouted",
    "claimed",
    "acknowledged",
    "admitted",
    "observed",
    "emphasised",
    "emphasized",
    "stressed",
    "posted",
    "announced",
    "wondered",
    "quipped",
];

/// True when `rest` (the text after a quotation that ends a sentence) is a
/// short attribution of it: "He said on Sunday." / "Trump asked reporters."
fn attribution_follows(rest: &str) -> bool {
    // `"…?" Mr. Trump asked.`: a title's period does not end the clause.
    let mut stop = rest.find(['.', '!', '?', '"', '“', '”', ':', '«', '„']);
    while let Some(i) = stop.filter(|&i| {
        rest.as_bytes().get(i) == Some(&b'.')
            && is_abbreviation(rest, i)
            && !super::statements::off("q_abbrev")
    }) {
        stop = rest
            .get(i + 1..)
            .and_then(|r| r.find(['.', '!', '?', '"', '“', '”', ':', '«', '„']))
            .map(|j| i + 1 + j);
    }
    // The attribution must end the sentence; one that introduces the next
    // quotation (`A statement noted, "…"`) starts a sentence of its own.
    if let Some(i) = stop {
        if !matches!(
            rest.get(i..).and_then(|r| r.chars().next()),
            Some('.' | '!' | '?')
        ) {
            return false;
        }
    }
    let end = stop.unwrap_or(rest.len()).min(400);
    let mut cut = end;
    while cut > 0 && !rest.is_char_boundary(cut) {
        cut -= 1;
    }
    let clause = rest.get(..cut).unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().collect();
    fn bare<'a>(w: &&'a str) -> &'a str {
        w.trim_matches(|c: char| !c.is_alphanumeric())
    }
    let verb = words
        .iter()
        .take(6)
        .position(|w| SPEECH_AFTER_QUOTE.contains(&bare(w)));
    // `… McMaster said that …`, `… Sessions said there seemed to be enough
    // evidence …`: a report of something new, not of the quotation.
    let report = verb.is_some_and(|v| {
        words.len() > v + 9
            || words
                .get(v + 1)
                .is_some_and(|w| bare(w).eq_ignore_ascii_case("that"))
    }) && !super::statements::off("q_abbrev");
    words.len() <= 40 && verb.is_some() && !report
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '"' | '“' | '‘' | '\'' | '«' | '„' | '(' | '[')
}

/// Sentences of `text`: never across a paragraph, never inside a quotation
/// that stays within one paragraph (a quotation whose last sentence ends it,
/// like `"… war." He said`, ends the sentence at its closing mark).
pub fn sentences(text: &str, quotes: &[Quote]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut qi = 0;
    for para in paragraphs(text) {
        let mut start = para.start;
        let mut i = para.start;
        while i < para.end {
            while quotes.get(qi).is_some_and(|q| q.close_end <= i) {
                qi += 1;
            }
            let Some(c) = char_at(text, i) else { break };
            if c.is_ascii() && !matches!(c, '.' | '!' | '?' | '"' | '\'') {
                // Such a char neither ends a sentence nor opens a quotation:
                // jump to the next one that might, or to the next quote.
                let next_open = quotes
                    .get(qi..)
                    .unwrap_or(&[])
                    .iter()
                    .map(|q| q.open)
                    .find(|&o| o > i)
                    .unwrap_or(usize::MAX);
                let end = para.end.min(next_open);
                let run = text
                    .as_bytes()
                    .get(i + 1..end)
                    .and_then(|b| find_stop(b, *b".!?\"'"));
                i = run.map_or(end, |p| i + 1 + p);
                continue;
            }
            let mut boundary = None;
            if let Some(q) = quotes.get(qi) {
                if q.open == i && q.paragraphs == 1 && q.close_end <= para.end {
                    let last = text
                        .get(q.content.start..q.content.end)
                        .and_then(|s| s.trim_end().chars().next_back());
                    i = q.close_end;
                    let rest = text.get(i..para.end).unwrap_or("");
                    if matches!(last, Some('.' | '!' | '?' | '…')) && !attribution_follows(rest) {
                        boundary = Some(i);
                    } else {
                        continue;
                    }
                }
            }
            if boundary.is_none() {
                i += c.len_utf8();
                if matches!(c, '.' | '!' | '?' | '…')
                    && !(c == '.' && is_abbreviation(text, i - 1) && !place_then_quote(text, i))
                {
                    // Closing marks and brackets stay with the sentence.
                    while let Some(n) = char_at(text, i) {
                        if i < para.end && matches!(n, ')' | ']' | '”' | '"' | '’' | '\'' | '»')
                        {
                            i += n.len_utf8();
                        } else {
                            break;
                        }
                    }
                    boundary = Some(i);
                }
            }
            if let Some(b) = boundary {
                let rest = text.get(b..para.end).unwrap_or("");
                let next = rest.trim_start().chars().next();
                let spaced = rest.starts_with(char::is_whitespace);
                if spaced && next.is_some_and(starts_sentence) {
                    if let Some(s) = trimmed(text, Span::new(start, b)) {
                        out.push(s);
                    }
                    start = b;
                }
            }
        }
        if let Some(s) = trimmed(text, Span::new(start, para.end)) {
            out.push(s);
        }
    }
    out
}

/// A word or punctuation token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub span: Span,
    pub word: bool,
}

/// Tokens of `span`: words (letters, digits, inner apostrophes, hyphens and
/// dots of abbreviations like `Mr.` or `U.S.`) and single punctuation marks.
pub fn tokens(text: &str, span: Span) -> Vec<Tok> {
    // About one token per five bytes of news prose.
    let mut out = Vec::with_capacity(span.len() / 5 + 4);
    tokens_into(text, span, &mut out);
    out
}

/// [`tokens`] into a reused buffer (cleared first).
///
/// Statement extraction tokenises every sentence, so ASCII bytes (most of
/// news text) are classified as bytes: a space, a letter or digit, or a
/// one-byte punctuation token, with no `char` decoded and no `Option` pair
/// per byte; other chars are decoded as before.
pub fn tokens_into(text: &str, span: Span, out: &mut Vec<Tok>) {
    out.clear();
    let Some(s) = text.get(span.start..span.end) else {
        return;
    };
    let b = s.as_bytes();
    let n = b.len();
    // Byte position of the scan; always on a char boundary.
    let mut i = 0;
    while i < n {
        let c0 = b[i];
        let word_end = if c0 < 0x80 {
            if c0.is_ascii_alphanumeric() {
                i + 1
            } else {
                // `char::is_whitespace` on ASCII: tab to carriage return
                // (vertical tab included, unlike `u8::is_ascii_whitespace`)
                // and space.
                if !matches!(c0, b'\t'..=b'\r' | b' ') {
                    out.push(Tok {
                        span: Span::new(span.start + i, span.start + i + 1),
                        word: false,
                    });
                }
                i += 1;
                continue;
            }
        } else {
            let Some(c) = char_at(s, i) else {
                break;
            };
            let len = c.len_utf8();
            if c.is_whitespace() {
                i += len;
                continue;
            }
            if !is_alnum(c) {
                out.push(Tok {
                    span: Span::new(span.start + i, span.start + i + len),
                    word: false,
                });
                i += len;
                continue;
            }
            i + len
        };
        let mut end = word_end;
        loop {
            end = super::text::alnum_end(b, end);
            let Some(&nb) = b.get(end) else {
                break;
            };
            // A letter or digit, or an inner connector before one. The run
            // above stopped, so an ASCII byte here is no letter or digit.
            let step = if nb < 0x80 {
                if matches!(nb, b'\'' | b'-' | b'.' | b'&') {
                    1
                } else {
                    break;
                }
            } else {
                let Some(c) = char_at(s, end) else {
                    break;
                };
                if is_alnum(c) {
                    end += c.len_utf8();
                    continue;
                }
                if c != '’' {
                    break;
                }
                c.len_utf8()
            };
            if !char_and_len(s, end + step).is_some_and(|(a, _)| is_alnum(a)) {
                break;
            }
            end += step;
        }
        // Keep the period of "Mr." / "U.S." with its word.
        if b.get(end) == Some(&b'.') && is_abbreviation(text, span.start + end) {
            end += 1;
        }
        out.push(Tok {
            span: Span::new(span.start + i, span.start + end),
            word: true,
        });
        i = end;
    }
}

/// Index of the first byte of `b` that is not ASCII or is one of `stops`
/// (ASCII bytes). The scans above call it on whole paragraphs, so it tests
/// eight bytes at a time ([`swar::find_first`]).
#[inline]
fn find_stop<const N: usize>(b: &[u8], stops: [u8; N]) -> Option<usize> {
    use super::swar::{self, HIGH};
    swar::find_first(
        b,
        |x| {
            stops
                .iter()
                .fold(x & HIGH, |flags, &s| flags | swar::eq_lanes(x, s))
        },
        |c| !c.is_ascii() || stops.contains(&c),
    )
}

/// The char at byte `i` of `s` and its length, ASCII without decoding.
#[inline]
fn char_and_len(s: &str, i: usize) -> Option<(char, usize)> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some((char::from(b), 1)),
        Some(_) => char_at(s, i).map(|c| (c, c.len_utf8())),
        None => None,
    }
}

#[inline]
fn is_alnum(c: char) -> bool {
    super::text::is_alphanumeric(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokeniser before its ASCII byte paths, kept as the reference
    /// that [`tokens_into`] must match.
    fn tokens_reference(text: &str, span: Span) -> Vec<Tok> {
        let mut out = Vec::new();
        let Some(s) = text.get(span.start..span.end) else {
            return out;
        };
        let b = s.as_bytes();
        let mut i = 0;
        while let Some((c, len)) = char_and_len(s, i) {
            if c.is_whitespace() {
                i += len;
                continue;
            }
            if is_alnum(c) {
                let mut end = i + len;
                loop {
                    end += b
                        .get(end..)
                        .unwrap_or(&[])
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric())
                        .count();
                    let Some((n, nl)) = char_and_len(s, end) else {
                        break;
                    };
                    let joins = is_alnum(n)
                        || (matches!(n, '\'' | '’' | '-' | '.' | '&')
                            && char_and_len(s, end + nl).is_some_and(|(a, _)| is_alnum(a)));
                    if !joins {
                        break;
                    }
                    end += nl;
                }
                if b.get(end) == Some(&b'.') && is_abbreviation(text, span.start + end) {
                    end += 1;
                }
                out.push(Tok {
                    span: Span::new(span.start + i, span.start + end),
                    word: true,
                });
                i = end;
            } else {
                out.push(Tok {
                    span: Span::new(span.start + i, span.start + i + len),
                    word: false,
                });
                i += len;
            }
        }
        out
    }

    #[test]
    fn tokens_match_reference() {
        // Every pair and triple of pieces that exercise the byte paths:
        // connectors before and after letters, non-ASCII letters, digits,
        // whitespace (vertical tab, no-break space), abbreviations.
        let pieces = [
            "a",
            "Mr",
            "U",
            "S",
            "7",
            "é",
            "Ж",
            "’",
            "'",
            "-",
            ".",
            "&",
            " ",
            "\u{b}",
            "\u{a0}",
            "\u{1c}",
            ",",
            "\"",
            "“",
            "—",
            "\n",
            "e.g",
            "x2",
            "\u{2019}s",
            "٣",
            "¿",
        ];
        let mut cases = Vec::new();
        for a in pieces {
            for b in pieces {
                cases.push(format!("{a}{b}"));
                for c in pieces {
                    cases.push(format!("{a}{b}{c}{a}"));
                }
            }
        }
        cases.push("He said Mr. Smith’s U.S.-based co-op & R&D unit won 3.5% in St. Louis.".into());
        let mut buf = Vec::new();
        for t in &cases {
            // Spans from each char boundary to the end, and from the start
            // to each boundary (`is_abbreviation` looks outside the span).
            let bounds = (0..=t.len()).filter(|&i| t.is_char_boundary(i));
            let spans = bounds
                .clone()
                .map(|i| (i, t.len()))
                .chain(bounds.map(|i| (0, i)));
            for (start, end) in spans {
                {
                    let span = Span::new(start, end);
                    tokens_into(t, span, &mut buf);
                    assert_eq!(buf, tokens_reference(t, span), "{t:?} {start}..{end}");
                }
            }
        }
    }

    fn contents(text: &str) -> Vec<&str> {
        find_quotes(text)
            .iter()
            .map(|q| q.content.slice(text))
            .collect()
    }

    #[test]
    fn quote_styles() {
        assert_eq!(contents("He said “yes, now” and left."), vec!["yes, now"]);
        assert_eq!(contents("He said \"yes, now\" and left."), vec!["yes, now"]);
        assert_eq!(contents("He said «oui» then „ja“ ok"), vec!["oui", "ja"]);
        assert_eq!(contents("He said ''we won'' today"), vec!["we won"]);
        assert_eq!(contents("She said ‘we won’ today"), vec!["we won"]);
    }

    #[test]
    fn apostrophes_and_inches_do_not_open() {
        assert!(contents("Ukraine’s army and Russia's too, in the '90s.").is_empty());
        assert!(contents("He is 6'2\" tall and 'em").is_empty());
        assert_eq!(
            contents("A 12\" screen, he said \"it is big\" today"),
            vec!["it is big"]
        );
    }

    #[test]
    fn nested_single_inside_double() {
        let t = "He said \"they told me 'no' twice\" yesterday.";
        assert_eq!(contents(t), vec!["they told me 'no' twice"]);
    }

    #[test]
    fn multi_paragraph_quote() {
        let t = "\"First part of it.\n\n\"Second part,\" he said.";
        let q = find_quotes(t);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].paragraphs, 2);
    }

    #[test]
    fn unbalanced_quote_stops_at_paragraph() {
        let t = "He said \"this never closes.\nNext paragraph \"is fine\" here.";
        assert_eq!(contents(t), vec!["is fine"]);
    }

    #[test]
    fn huge_quote_is_bounded() {
        let t = format!("\"{}\" he said", "word ".repeat(300_000));
        assert!(find_quotes(&t)
            .iter()
            .all(|q| q.content.len() <= MAX_QUOTE_BYTES));
    }

    #[test]
    fn sentence_split() {
        let t =
            "Mr. Smith went to the U.S. on Monday. \"It is over. We won,\" he said. Then he left!";
        let q = find_quotes(t);
        let s: Vec<&str> = sentences(t, &q).iter().map(|s| s.slice(t)).collect();
        assert_eq!(
            s,
            vec![
                "Mr. Smith went to the U.S. on Monday.",
                "\"It is over. We won,\" he said.",
                "Then he left!"
            ]
        );
    }

    #[test]
    fn quote_ending_sentence_splits() {
        let t = "\"Stop the war.\" The crowd left.";
        let q = find_quotes(t);
        let s: Vec<&str> = sentences(t, &q).iter().map(|s| s.slice(t)).collect();
        assert_eq!(s, vec!["\"Stop the war.\"", "The crowd left."]);
        // An attribution after it stays in the sentence.
        let t = "\"Is it over?\" Trump asked reporters. Then he left.";
        let q = find_quotes(t);
        let s: Vec<&str> = sentences(t, &q).iter().map(|s| s.slice(t)).collect();
        assert_eq!(
            s,
            vec!["\"Is it over?\" Trump asked reporters.", "Then he left."]
        );
    }

    #[test]
    fn tokens_keep_abbreviations() {
        let t = "Mr. O'Neil of the U.S. said, yes.";
        let toks: Vec<&str> = tokens(t, Span::new(0, t.len()))
            .iter()
            .map(|k| k.span.slice(t))
            .collect();
        assert_eq!(
            toks,
            vec!["Mr.", "O'Neil", "of", "the", "U.S.", "said", ",", "yes", "."]
        );
    }

    #[test]
    fn find_stop_is_the_first_stop_or_non_ascii_byte() {
        let slow =
            |b: &[u8], stops: &[u8]| b.iter().position(|c| !c.is_ascii() || stops.contains(c));
        let texts = [
            "",
            "plain words only, no stop here at all",
            "a \"quote\" and 'single' marks",
            "ends with a stop!",
            "“curly” — dashes, élan",
            "!!!!!!!!!",
            "\x01\x00\x7f. x",
            "abcdefgh\"ijklmnop",
            "abcdefg\u{e9}hij",
        ];
        for t in texts {
            for start in 0..t.len() {
                let b = &t.as_bytes()[start..];
                assert_eq!(find_stop(b, *b"\"'"), slow(b, b"\"'"), "{t:?} {start}");
                assert_eq!(
                    find_stop(b, *b".!?\"'"),
                    slow(b, b".!?\"'"),
                    "{t:?} {start}"
                );
                assert_eq!(find_stop(b, *b"\"'\n"), slow(b, b"\"'\n"), "{t:?} {start}");
            }
        }
    }

    #[test]
    fn abbreviation_bytes_match_chars() {
        let pieces = [
            "Mr", "u", "S", "Sept", "x", "J", "co", "No", "99", ".", " ", "(", "é", "É", "日",
            "\u{2019}", "'", "-", "ß", "DR", "a1",
        ];
        let mut rng = 0x853C_49E6_748F_EA9Bu64;
        for _ in 0..30_000 {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            let n = (rng % 7) as usize;
            let mut s: String = (0..n)
                .map(|k| pieces[(rng >> (6 * k)) as usize % pieces.len()])
                .collect();
            s.push('.');
            let dot = s.len() - 1;
            assert_eq!(
                is_abbreviation(&s, dot),
                is_abbreviation_chars(&s, dot),
                "{s:?}"
            );
        }
    }

    #[test]
    fn abbreviation_keys_match_the_list() {
        assert!(ABBREVIATIONS.iter().all(|a| a.is_ascii() && a.len() <= 5));
        for w in [
            "Mr", "MRS", "u.S", "Sept", "mrs", "Capt", "ms", "x", "Mrx", "us", "Dec", "décor",
        ] {
            let slow = w.len() <= 5 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w));
            let fast = w.len() <= 5
                && w.is_ascii()
                && ABBREVIATION_KEYS.contains(&abbreviation_key(w.as_bytes()));
            assert_eq!(slow, fast, "{w}");
        }
    }
}
