//! Paragraphs, sentences and tokens with byte offsets.
//!
//! One linear pass tokenises the text; a second pass over the tokens places
//! sentence boundaries. Nothing here allocates per token beyond the output
//! vectors, and every offset lies on a char boundary of `text`.
//!
//! Conventions other stages rely on:
//! - hyphens are tokens of their own (`US`, `-`, `led`), so "X-based" and
//!   "US-led" expose the name; names written with a hyphen ("Jean-Claude")
//!   are re-joined by the entity rules, which see that no space separates them;
//! - a possessive `'s` / `’s` is a token of its own;
//! - known abbreviations, initials and dotted acronyms keep their period
//!   (`Mr.`, `J.`, `U.S.`, `p.m.`); numbers keep inner `.` and `,` (`3.5`, `1,000`);
//! - sentences never cross a paragraph break.

use std::ops::Range;

use super::Span;

/// Cheap shape of a token, enough for capitalisation-driven rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, first one lower case ("said", "iPhone").
    Lower,
    /// First letter upper case, not all upper case ("Putin", "Mr.", "I", "McDonald").
    Capitalised,
    /// Two or more letters, all upper case ("NATO", "U.S.", "BAHIA").
    AllCaps,
    /// Letters of a script without case (Arabic, Hebrew, CJK…).
    Uncased,
    /// Starts with a digit ("3.5", "1987", "30th", "106bn").
    Number,
    /// Punctuation: `.`, `,`, quotes, brackets, hyphens and dashes, `...`.
    Punct,
    /// Anything else: currency signs, emoji, math symbols.
    Symbol,
}

impl TokenKind {
    /// Letters of any case.
    pub fn is_word(self) -> bool {
        matches!(
            self,
            TokenKind::Lower | TokenKind::Capitalised | TokenKind::AllCaps | TokenKind::Uncased
        )
    }
    /// Starts with an upper-case letter.
    pub fn is_upper_initial(self) -> bool {
        matches!(self, TokenKind::Capitalised | TokenKind::AllCaps)
    }
}

/// How a sentence is cased as a whole; rules trust capitalisation only in
/// `Normal` sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Casing {
    /// Running text.
    Normal,
    /// A Title Case headline or heading: every longer word capitalised.
    Title,
    /// Upper case throughout (wire headlines, shouting).
    Upper,
}

/// A text split for extraction. All spans are byte offsets into `text`.
pub struct Doc<'a> {
    pub text: &'a str,
    /// Paragraph spans, in order; they cover every token.
    pub paragraphs: Vec<Span>,
    /// Sentence spans (first token start to last token end), in order.
    pub sentences: Vec<Span>,
    /// Token spans, in order.
    pub tokens: Vec<Span>,
    /// Shape of each token (parallel to `tokens`).
    pub kinds: Vec<TokenKind>,
    /// Token index range of each sentence (parallel to `sentences`).
    pub sentence_tokens: Vec<Range<usize>>,
    /// Paragraph index of each sentence (parallel to `sentences`).
    pub sentence_paragraph: Vec<usize>,
    /// Casing of each sentence (parallel to `sentences`).
    pub sentence_casing: Vec<Casing>,
    /// The names (token ranges) that a scraped name card followed, the
    /// card itself left out of `tokens` (see [`glued_card`]), in order;
    /// almost always empty. The card proves where the name starts and
    /// ends, and a name never runs across the place where it was.
    pub card_names: Vec<Range<usize>>,
}

/// Titles and other abbreviations that never end a sentence.
const ABBREV_NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "gen", "sen", "sens", "rep", "reps", "gov",
    "lt", "col", "maj", "capt", "cmdr", "cdr", "adm", "sgt", "cpl", "pvt", "brig", "hon", "rev",
    "fr", "pres", "supt", "insp", "det", "amb", "atty", "st", "mt", "ft", "vs", "v", "e.g", "i.e",
    "cf", "approx", "dept", "fig", "vol", "pp", "ave",
];

/// Abbreviations that may end a sentence ("... Acme Inc. The company said").
const ABBREV_MAYBE_FINAL: &[&str] = &[
    "inc", "corp", "ltd", "co", "llc", "plc", "bros", "jr", "sr", "etc", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m", "no", "nos",
    "al", "est", "rd", "blvd", "govt", "intl", "natl",
];

/// Capitalised words that usually open a sentence; after an abbreviation
/// that may end one, they decide that it did.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "Or",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "However",
    "Meanwhile",
    "Also",
    "Some",
    "Many",
    "Most",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "For",
    "One",
    "Two",
    "Last",
    "Earlier",
    "Later",
    "Officials",
    "According",
    "Asked",
    "Since",
    "So",
    "Yet",
    "Still",
    "Now",
    "Then",
    "Both",
    "Neither",
    "No",
    "Not",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Under",
    "With",
    "Without",
    "From",
    "By",
    "Despite",
    "Although",
    "Analysts",
    "Shares",
    "Sources",
    "Other",
    "Such",
    "Each",
    "All",
    "Nor",
];

/// Longer function words that Title Case leaves in lower case.
const TITLE_SMALL_WORDS: &[&str] = &[
    "with", "from", "into", "over", "than", "that", "upon", "onto", "amid", "after", "about",
    "under", "while", "without", "against", "between", "during", "says", "said",
];

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !is_general_punctuation(c)
        && (c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c))
}

/// The General Punctuation block (’ “ ” — … and typographic spaces), the
/// non-ASCII characters news text uses most. None of them is a letter, a
/// digit or a combining mark (a test checks every one), so the tests below
/// answer them without the Unicode tables, whose lookups cost a few hundred
/// instructions each.
#[inline]
fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

/// A character test answered without the Unicode tables for ASCII (by
/// `ascii`) and for [`is_general_punctuation`] (never a letter or digit);
/// other characters go to `full`.
#[inline(always)]
fn table_free(c: char, ascii: fn(&char) -> bool, full: fn(char) -> bool) -> bool {
    if c.is_ascii() {
        ascii(&c)
    } else {
        !is_general_punctuation(c) && full(c)
    }
}

/// `char::is_alphanumeric`, see [`table_free`].
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    table_free(c, char::is_ascii_alphanumeric, char::is_alphanumeric)
}

/// `char::is_alphabetic`, see [`table_free`].
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    table_free(c, char::is_ascii_alphabetic, char::is_alphabetic)
}

/// `char::is_numeric`, see [`table_free`].
#[inline]
pub(crate) fn is_numeric(c: char) -> bool {
    table_free(c, char::is_ascii_digit, char::is_numeric)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']' | '}' | '\u{00BB}'
    )
}

fn is_terminal(tok: &str) -> bool {
    matches!(tok, "." | "!" | "?") || (tok.len() > 1 && tok.bytes().all(|b| b == b'!' || b == b'?'))
}

fn lower_ascii_eq(word: &str, list: &[&str]) -> bool {
    // Abbreviations are short ASCII; compare without allocating, and most
    // words are longer than any of them.
    word.len() <= MAX_LIST_WORD && list.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Longest word of the lists [`lower_ascii_eq`] searches.
const MAX_LIST_WORD: usize = {
    let (a, b, c) = (
        max_len_of(ABBREV_NEVER_FINAL),
        max_len_of(ABBREV_MAYBE_FINAL),
        max_len_of(TITLE_SMALL_WORDS),
    );
    let ab = if a > b { a } else { b };
    if ab > c {
        ab
    } else {
        c
    }
};

const fn max_len_of(list: &[&str]) -> usize {
    let mut m = 0;
    let mut i = 0;
    while i < list.len() {
        if list[i].len() > m {
            m = list[i].len();
        }
        i += 1;
    }
    m
}

/// A name card a scraper ran into the text: a name, then the same name
/// again surname first, the card's last word glued to the next one
/// ("Alexander Lukashenko Lukashenko AlexanderPresident of Belarus:", from a
/// page's pop-up about the speaker). `k` is the glued token. Returns the
/// name's first token, its length in tokens (the card that follows has the
/// same length and ends at `k`), and the byte length of the card's part of
/// `k`. "McCain" or "iPhone" are not cards: the words before them must be
/// the card's words in another order.
pub(crate) fn glued_card(text: &str, toks: &[Span], k: usize) -> Option<(usize, usize, usize)> {
    let glued = toks.get(k)?.slice(text);
    // Where the glued word starts: the first capital after a lower-case
    // letter.
    let mut prev_lower = false;
    let mut cut = None;
    for (i, c) in glued.char_indices() {
        if i > 0 && prev_lower && c.is_uppercase() {
            cut = Some(i);
            break;
        }
        prev_lower = c.is_lowercase();
    }
    let cut = cut?;
    let prefix = glued.get(..cut)?;
    // The glued part is one of the name's words, just before.
    let near = toks.get(k.saturating_sub(11)..k)?;
    if !near.iter().any(|t| t.slice(text) == prefix) {
        return None;
    }
    // Hyphenated names are three tokens ("Lvova - Belova"), and some have
    // three or four words ("Sayyid Ebrahim Raisi").
    for n in 2..=6usize {
        let Some(first) = (k + 1).checked_sub(2 * n) else {
            break;
        };
        let name: Vec<&str> = (first..first + n)
            .filter_map(|i| toks.get(i).map(|t| t.slice(text)))
            .collect();
        let card: Vec<&str> = (first + n..k)
            .filter_map(|i| toks.get(i).map(|t| t.slice(text)))
            .chain(std::iter::once(prefix))
            .collect();
        if name.len() != n || card.len() != n {
            continue;
        }
        let words = |w: &[&str]| {
            w.iter().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '-')
            })
        };
        if !words(&name) {
            continue;
        }
        // The card is the name turned around: surname first.
        if (1..n).any(|s| (0..n).all(|i| card.get(i) == name.get((i + s) % n))) {
            return Some((first, n, cut));
        }
    }
    None
}

/// Shape of a word-ish token.
fn classify(tok: &str) -> TokenKind {
    // The first character alone decides, except after an upper-case one.
    match tok.as_bytes().first() {
        Some(b) if b.is_ascii_lowercase() => return TokenKind::Lower,
        Some(b) if b.is_ascii_digit() => return TokenKind::Number,
        Some(b) if b.is_ascii() && tok.is_ascii() => return classify_ascii(tok.as_bytes()),
        _ => {}
    }
    let mut chars = tok.chars();
    let Some(first) = chars.next() else {
        return TokenKind::Symbol;
    };
    if is_numeric(first) {
        return TokenKind::Number;
    }
    if !is_word_char(first) {
        return if first.is_ascii_punctuation()
            || matches!(first, '\u{2010}'..='\u{2027}' | '\u{00AB}' | '\u{00BB}')
        {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
    }
    let mut upper = 0usize;
    let mut lower = 0usize;
    for c in tok.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    if first.is_uppercase() {
        if lower == 0 && upper >= 2 {
            TokenKind::AllCaps
        } else {
            TokenKind::Capitalised
        }
    } else if first.is_lowercase() {
        TokenKind::Lower
    } else if upper == 0 && lower == 0 {
        TokenKind::Uncased
    } else if upper > 0 && lower == 0 {
        TokenKind::AllCaps
    } else {
        TokenKind::Lower
    }
}

/// [`classify`] for an ASCII token, byte by byte.
fn classify_ascii(tok: &[u8]) -> TokenKind {
    let Some(&first) = tok.first() else {
        return TokenKind::Symbol;
    };
    if first.is_ascii_digit() {
        return TokenKind::Number;
    }
    if !first.is_ascii_alphanumeric() {
        return if first.is_ascii_punctuation() {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
    }
    if first.is_ascii_lowercase() {
        return TokenKind::Lower;
    }
    let mut upper = 0usize;
    let mut lower = 0usize;
    for b in tok {
        upper += usize::from(b.is_ascii_uppercase());
        lower += usize::from(b.is_ascii_lowercase());
    }
    if lower == 0 && upper >= 2 {
        TokenKind::AllCaps
    } else {
        TokenKind::Capitalised
    }
}

/// ASCII letters and digits, by byte.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Where the run of ASCII letters and digits from byte `i` ends. Eight
/// bytes are tested at a time (most words fit in one step), the tail by
/// table.
#[inline]
pub(crate) fn alnum_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..).and_then(|r| r.first_chunk::<8>()) {
        let not_alnum = not_alnum_bytes(u64::from_le_bytes(*chunk));
        if not_alnum != 0 {
            return i + (not_alnum.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    alnum_end_bytewise(bytes, i)
}

/// The high bit of each byte of `w` that is not an ASCII letter or digit
/// (a byte with its high bit set is tested on its low seven bits, then
/// dropped).
#[inline]
fn not_alnum_bytes(w: u64) -> u64 {
    use super::swar::{bytes_in, HIGH, ONES};
    let x = w & !HIGH;
    let digit = bytes_in(x, b'0', b'9');
    // Setting 0x20 maps exactly 'A'..='Z' onto 'a'..='z'.
    let y = x | (ONES * 0x20);
    let letter = bytes_in(y, b'a', b'z');
    let alnum = (digit | letter) & !w & HIGH;
    !alnum & HIGH
}

/// [`alnum_end`] byte by byte.
#[inline]
fn alnum_end_bytewise(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i) {
        if !ASCII_ALNUM[usize::from(b)] {
            break;
        }
        i += 1;
    }
    i
}

/// [`classify`] for a token of ASCII letters and digits only.
#[inline]
fn classify_alnum(tok: &[u8]) -> TokenKind {
    match tok.first() {
        Some(b) if b.is_ascii_lowercase() => TokenKind::Lower,
        Some(b) if b.is_ascii_digit() => TokenKind::Number,
        Some(_) => {
            // Upper-case first: all caps needs a second letter and no lower case.
            let lower = tok.iter().any(u8::is_ascii_lowercase);
            if !lower && tok.len() >= 2 && tok.iter().skip(1).any(u8::is_ascii_uppercase) {
                TokenKind::AllCaps
            } else {
                TokenKind::Capitalised
            }
        }
        None => TokenKind::Symbol,
    }
}

/// Where a single newline is a paragraph break. Hard-wrapped text (wire
/// copy, e-mail) breaks lines mid-sentence and marks paragraphs by a blank
/// line or an indent; most news bodies put one paragraph per line.
fn is_hard_wrapped(text: &str) -> bool {
    let mut lines = 0usize;
    let mut mid_length = 0usize;
    let mut open_ended = 0usize;
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        lines += 1;
        if (30..=90).contains(&t.len()) {
            mid_length += 1;
        }
        let last = t.chars().next_back().unwrap_or('.');
        if !matches!(
            last,
            '.' | '!' | '?' | '"' | '\u{201D}' | ':' | '\'' | '\u{2019}'
        ) {
            open_ended += 1;
        }
    }
    lines >= 4 && mid_length * 10 >= lines * 7 && open_ended * 10 >= lines * 4
}

impl<'a> Doc<'a> {
    /// Split `text`; linear in its length, never panics.
    pub fn analyze(text: &'a str) -> Doc<'a> {
        let wrapped = is_hard_wrapped(text);
        let mut doc = Doc {
            text,
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            tokens: Vec::with_capacity(text.len() / 5 + 1),
            kinds: Vec::with_capacity(text.len() / 5 + 1),
            sentence_tokens: Vec::new(),
            sentence_paragraph: Vec::new(),
            sentence_casing: Vec::new(),
            card_names: Vec::new(),
        };
        // Token index where each paragraph starts.
        let mut para_starts: Vec<usize> = vec![0];
        let glued = doc.tokenize(wrapped, &mut para_starts);
        if !glued.is_empty() {
            doc.drop_cards(&mut para_starts, &glued);
        }
        para_starts.push(doc.tokens.len());
        para_starts.dedup();
        for w in para_starts.windows(2) {
            let (a, b) = (w[0], w[1]);
            if a >= b {
                continue;
            }
            let (Some(first), Some(last)) = (doc.tokens.get(a), doc.tokens.get(b - 1)) else {
                continue;
            };
            let pi = doc.paragraphs.len();
            doc.paragraphs.push(Span::new(first.start, last.end));
            doc.split_sentences(a..b, pi);
        }
        doc
    }

    /// Leaves scraped name cards ([`glued_card`]) out of the tokens: the
    /// card's words are gone and the word glued to it keeps only its own
    /// part ("President" of "AlexanderPresident"), so neither the tagger
    /// nor the name rules read "Lukashenko Alexander" as more of a name.
    /// `glued` are the capitalised words with a capital after a lower-case
    /// letter inside them, which `tokenize` noted ("McCain" is one, and is
    /// no card).
    fn drop_cards(&mut self, para_starts: &mut [usize], glued: &[usize]) {
        // (card tokens left out, glued prefix bytes, name tokens)
        let mut cuts: Vec<(Range<usize>, usize, usize)> = Vec::new();
        for &k in glued {
            if let Some((first, n, prefix)) = glued_card(self.text, &self.tokens, k) {
                if cuts.last().is_none_or(|(r, _, _)| r.end <= first + n) {
                    cuts.push((first + n..k, prefix, n));
                }
            }
        }
        if cuts.is_empty() {
            return;
        }
        for (r, prefix, _) in &cuts {
            if let Some(t) = self.tokens.get_mut(r.end) {
                t.start += prefix;
                let kind = classify(t.slice(self.text));
                if let Some(k) = self.kinds.get_mut(r.end) {
                    *k = kind;
                }
            }
        }
        // Token indices move down by the card words before them.
        let removed_before = |i: usize| {
            cuts.iter()
                .filter(|(r, _, _)| r.end <= i)
                .map(|(r, _, _)| r.len())
                .sum::<usize>()
        };
        for p in para_starts.iter_mut() {
            *p -= removed_before(*p);
        }
        self.card_names = cuts
            .iter()
            .map(|(r, _, n)| {
                let gap = r.end - removed_before(r.end);
                gap.saturating_sub(*n)..gap
            })
            .collect();
        let inside = |i: &usize| cuts.iter().any(|(r, _, _)| r.contains(i));
        let mut i = 0usize;
        self.tokens.retain(|_| {
            i += 1;
            !inside(&(i - 1))
        });
        let mut i = 0usize;
        self.kinds.retain(|_| {
            i += 1;
            !inside(&(i - 1))
        });
    }

    /// [`Doc::card_names`] as byte spans of the text.
    pub fn card_name_spans(&self) -> Vec<Span> {
        self.card_names
            .iter()
            .filter_map(|r| {
                let a = self.tokens.get(r.start)?;
                let b = self.tokens.get(r.end.checked_sub(1)?)?;
                Some(Span::new(a.start, b.end))
            })
            .collect()
    }

    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        self.tokens.push(Span::new(start, end));
        self.kinds.push(kind);
    }

    /// Splits the text into tokens and paragraphs; returns the capitalised
    /// words with a capital after a lower-case letter inside them, where a
    /// scraped name card may be glued on ([`Doc::drop_cards`]).
    fn tokenize(&mut self, wrapped: bool, para_starts: &mut Vec<usize>) -> Vec<usize> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut glued = Vec::new();
        // Byte position of the scan; always on a char boundary.
        let mut i = 0usize;
        // Newlines seen since the last token, and whether the last one was
        // followed by an indent before the next token.
        let mut newlines = 0usize;
        let mut indented = false;
        while let Some(&b) = bytes.get(i) {
            // ASCII spaces and controls (every byte up to ' ', and DEL) are
            // skipped without decoding: most characters between tokens.
            if b <= b' ' || b == 0x7F {
                if b == b'\n' {
                    newlines += 1;
                    indented = false;
                } else if newlines > 0 && (b == b'\t' || b == b' ') {
                    indented = true;
                }
                i += 1;
                continue;
            }
            let Some(c) = char_at(text, i) else {
                break;
            };
            if !c.is_ascii()
                && (c.is_whitespace() || c.is_control() || c == '\u{FEFF}' || c == '\u{200B}')
            {
                if newlines > 0 && (c == '\t' || c == ' ') {
                    indented = true;
                }
                i += c.len_utf8();
                continue;
            }
            if newlines > 0 && !self.tokens.is_empty() {
                let is_break = if wrapped {
                    newlines >= 2 || indented
                } else {
                    // A line that starts in lower case continues the previous one.
                    newlines >= 2 || !c.is_lowercase()
                };
                if is_break {
                    para_starts.push(self.tokens.len());
                }
            }
            newlines = 0;
            indented = false;
            let start = i;
            if is_word_char(c) {
                // `end` is both the token's end and where the scan goes on.
                let numeric = is_numeric(c);
                // Letters and digits of ASCII, the common case, at once;
                // a token that stops at the end of this first run is
                // letters and digits only.
                let plain_end = alnum_end(bytes, start);
                let mut end = plain_end;
                while let Some(d) = char_at(text, end) {
                    let j = end;
                    if is_word_char(d) {
                        end = alnum_end(bytes, j + d.len_utf8());
                        continue;
                    }
                    if !(d == '.' || d == ',' || is_apostrophe(d)) {
                        break;
                    }
                    // Inner separators: "3.5", "1,000", "O'Brien", "U.S".
                    let next = char_at(text, j + d.len_utf8());
                    let next_is_word = next.is_some_and(is_word_char);
                    if numeric && (d == '.' || d == ',') && next.is_some_and(|n| n.is_ascii_digit())
                    {
                        end = alnum_end(bytes, j + 1);
                        continue;
                    }
                    if is_apostrophe(d) && next_is_word {
                        // Possessive 's stays a token of its own.
                        let after = j + d.len_utf8();
                        let rest = bytes.get(after..).unwrap_or(&[]);
                        let poss = matches!(rest.first(), Some(b's' | b'S'))
                            && !rest.get(1).is_some_and(|b| b.is_ascii_alphanumeric());
                        if poss {
                            break;
                        }
                        end = alnum_end(bytes, after);
                        continue;
                    }
                    if d == '.' && !numeric {
                        let word = text.get(start..j).unwrap_or("");
                        let single = word.chars().count() == 1;
                        // Dotted acronym: letter '.' letter '.'…
                        if single && next_is_word {
                            let after = text.get(j + 1..).unwrap_or("");
                            let mut ch = after.chars();
                            let l = ch.next();
                            let dot = ch.next();
                            if l.is_some_and(|l| l.is_alphabetic()) && dot == Some('.') {
                                end = alnum_end(bytes, j + 1);
                                continue;
                            }
                        }
                        let dotted_so_far = word.contains('.');
                        // "No." abbreviates only before a number ("No. 10").
                        let number_follows =
                            next_nonspace(text, j + 1).is_some_and(|n| n.is_ascii_digit());
                        let maybe = lower_ascii_eq(word, ABBREV_MAYBE_FINAL)
                            && (number_follows || !word.eq_ignore_ascii_case("no"));
                        let take = dotted_so_far
                            || (single && c.is_uppercase())
                            || lower_ascii_eq(word, ABBREV_NEVER_FINAL)
                            || maybe;
                        if take {
                            end = j + 1;
                            if dotted_so_far || single {
                                // "U.S." continues only with letter '.' pairs.
                                end = alnum_end(bytes, end);
                                continue;
                            }
                        }
                    }
                    break;
                }
                let kind = match bytes.get(start..end) {
                    // A plain ASCII word or number, the common case: its
                    // first byte (and, capitalised, its letters) decide.
                    Some(w) if plain_end == end && c.is_ascii() => classify_alnum(w),
                    _ => classify(text.get(start..end).unwrap_or("")),
                };
                // A card's glued word follows the card's other words.
                if kind == TokenKind::Capitalised
                    && end - start >= 4
                    && self.tokens.len() >= 3
                    && (self.kinds.last() == Some(&TokenKind::Capitalised)
                        // "Kassym-JomartPresident"
                        || (start > 0 && bytes.get(start - 1) == Some(&b'-')))
                    && bytes.get(start + 1..end).is_some_and(|w| {
                        w.windows(2).any(|p| {
                            (p[0].is_ascii_lowercase() || p[0] >= 0x80) && p[1].is_ascii_uppercase()
                        })
                    })
                {
                    glued.push(self.tokens.len());
                }
                self.push(start, end, kind);
                i = end;
                continue;
            }
            // Punctuation and symbols.
            let mut end = start + c.len_utf8();
            if c == '.' {
                while bytes.get(end) == Some(&b'.') {
                    end += 1;
                }
            } else if c == '!' || c == '?' {
                while matches!(bytes.get(end), Some(b'!' | b'?')) {
                    end += 1;
                }
            } else if is_apostrophe(c) {
                // "'s" after a name.
                if matches!(bytes.get(end), Some(b's' | b'S')) {
                    let after = char_at(text, end + 1);
                    if !after.is_some_and(is_word_char)
                        && self.tokens.last().is_some_and(|t| t.end == start)
                    {
                        end += 1;
                    }
                }
            }
            if end == start + 1 {
                // One ASCII punctuation byte or symbol ("," "(" "$"), as
                // `classify` would say.
                let kind = if b.is_ascii_punctuation() {
                    TokenKind::Punct
                } else {
                    TokenKind::Symbol
                };
                self.push(start, end, kind);
                i = end;
                continue;
            }
            let tok = text.get(start..end).unwrap_or("");
            let kind = if tok.starts_with(is_apostrophe) && tok.len() > 1 {
                TokenKind::Lower
            } else {
                classify(tok)
            };
            self.push(start, end, kind);
            i = end;
        }
        glued
    }

    fn split_sentences(&mut self, range: Range<usize>, paragraph: usize) {
        let mut start = range.start;
        let mut i = range.start;
        let bytes = self.text.as_bytes();
        while i < range.end {
            // Only terminal punctuation and words ending in a period can end
            // a sentence: skip the rest without looking at their text.
            let kinds = self.kinds.get(i..range.end).unwrap_or(&[]);
            let spans = self.tokens.get(i..range.end).unwrap_or(&[]);
            let skip = kinds.iter().zip(spans).position(|(k, t)| {
                *k == TokenKind::Punct
                    || (k.is_word()
                        && t.end
                            .checked_sub(1)
                            .is_some_and(|l| bytes.get(l) == Some(&b'.')))
            });
            let Some(skip) = skip else {
                break;
            };
            i += skip;
            let kind = self.kinds.get(i).copied().unwrap_or(TokenKind::Symbol);
            let tok = self.token(i);
            let mut boundary_after = None;
            if is_terminal(tok) {
                boundary_after = Some(i);
            } else if kind.is_word() && tok.ends_with('.') {
                // An abbreviation that may end the sentence.
                let stem = tok.trim_end_matches('.');
                let never = lower_ascii_eq(stem, ABBREV_NEVER_FINAL);
                if !never {
                    let next = self.token(i + 1);
                    if i + 1 < range.end && SENTENCE_STARTERS.contains(&next) {
                        boundary_after = Some(i);
                    }
                }
            }
            if let Some(mut last) = boundary_after {
                // Closing quotes and brackets glued to the terminal belong to it.
                while last + 1 < range.end {
                    let (Some(t), Some(prev)) = (self.tokens.get(last + 1), self.tokens.get(last))
                    else {
                        break;
                    };
                    let glued = t.start == prev.end
                        && self.token(last + 1).chars().all(is_closing)
                        && !self.token(last + 1).is_empty();
                    if glued {
                        last += 1;
                    } else {
                        break;
                    }
                }
                let next_ok = if last + 1 >= range.end {
                    true
                } else {
                    let nk = self
                        .kinds
                        .get(last + 1)
                        .copied()
                        .unwrap_or(TokenKind::Symbol);
                    nk != TokenKind::Lower && !matches!(self.token(last + 1), "," | ";" | ")")
                };
                let is_ellipsis = tok.starts_with("..");
                if next_ok && !is_ellipsis {
                    self.push_sentence(start..last + 1, paragraph);
                    start = last + 1;
                }
                i = last + 1;
                continue;
            }
            i += 1;
        }
        if start < range.end {
            self.push_sentence(start..range.end, paragraph);
        }
    }

    fn push_sentence(&mut self, toks: Range<usize>, paragraph: usize) {
        let (Some(first), Some(last)) = (
            self.tokens.get(toks.start),
            toks.end.checked_sub(1).and_then(|l| self.tokens.get(l)),
        ) else {
            return;
        };
        let span = Span::new(first.start, last.end);
        let casing = self.casing_of(toks.clone());
        self.sentences.push(span);
        self.sentence_tokens.push(toks);
        self.sentence_paragraph.push(paragraph);
        self.sentence_casing.push(casing);
    }

    fn casing_of(&self, toks: Range<usize>) -> Casing {
        let mut words = 0usize;
        let mut caps = 0usize;
        let mut long = 0usize;
        let mut long_cap = 0usize;
        let mut lower = 0usize;
        for k in self.kinds.get(toks.clone()).unwrap_or(&[]) {
            match k {
                TokenKind::AllCaps => {
                    words += 1;
                    caps += 1;
                }
                TokenKind::Capitalised | TokenKind::Lower => words += 1,
                _ => {}
            }
            if *k == TokenKind::Lower {
                lower += 1;
            }
        }
        if words >= 2 && caps * 10 >= words * 8 && lower == 0 {
            return Casing::Upper;
        }
        let last = toks.end.checked_sub(1).map(|l| self.token(l)).unwrap_or("");
        let ends_like_prose = is_terminal(last) || last.chars().all(is_closing) && !last.is_empty();
        if ends_like_prose {
            return Casing::Normal;
        }
        for t in toks.clone() {
            let k = self.kinds.get(t).copied().unwrap_or(TokenKind::Symbol);
            if !k.is_word() {
                continue;
            }
            let w = self.token(t);
            if k.is_upper_initial() {
                if w.len() >= 4 {
                    long += 1;
                    long_cap += 1;
                }
            } else if w.len() >= 4 && !lower_ascii_eq(w, TITLE_SMALL_WORDS) {
                long += 1;
            }
        }
        if long >= 2 && long_cap * 10 >= long * 8 {
            Casing::Title
        } else {
            Casing::Normal
        }
    }

    /// Text of token `i`, or "" past the end.
    pub fn token(&self, i: usize) -> &'a str {
        self.tokens.get(i).map(|s| s.slice(self.text)).unwrap_or("")
    }

    /// Shape of token `i` (`Symbol` past the end).
    pub fn kind(&self, i: usize) -> TokenKind {
        self.kinds.get(i).copied().unwrap_or(TokenKind::Symbol)
    }

    /// Text of sentence `s`, or "" past the end.
    pub fn sentence_text(&self, s: usize) -> &'a str {
        self.sentences
            .get(s)
            .map(|sp| sp.slice(self.text))
            .unwrap_or("")
    }

    /// Index of the sentence holding token `t` (the last one if past the end).
    pub fn sentence_of_token(&self, t: usize) -> Option<usize> {
        if self.sentence_tokens.is_empty() {
            return None;
        }
        let i = self.sentence_tokens.partition_point(|r| r.end <= t);
        Some(i.min(self.sentence_tokens.len() - 1))
    }

    /// Index of the first token that ends after byte `offset`.
    pub fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.end <= offset)
    }

    /// Token index range covering the byte span `span` (tokens overlapping it).
    pub fn tokens_in(&self, span: Span) -> Range<usize> {
        let a = self.token_at(span.start);
        let b = self.tokens.partition_point(|t| t.start < span.end);
        a..b.max(a)
    }

    /// Index of the sentence holding byte `offset`, if any token is at or after it.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let t = self.token_at(offset);
        if t >= self.tokens.len() {
            return None;
        }
        self.sentence_of_token(t)
    }

    /// Tokens of sentence `s` as `&str`, for taggers.
    pub fn sentence_words(&self, s: usize) -> Vec<&'a str> {
        // The sentence's spans as one slice: no bounds check per token
        // (as `token` makes), ~40 instructions a token before.
        let text = self.text;
        self.sentence_tokens
            .get(s)
            .and_then(|r| self.tokens.get(r.clone()))
            .map(|spans| spans.iter().map(|sp| sp.slice(text)).collect())
            .unwrap_or_default()
    }
}

/// The char at byte `i` of `text`, `None` at the end or off a char
/// boundary; ASCII without UTF-8 decoding.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some(char::from(b));
    }
    text.get(i..)?.chars().next()
}

fn next_nonspace(text: &str, from: usize) -> Option<char> {
    text.get(from..)?.chars().find(|c| !c.is_whitespace())
}

#[cfg(test)]
mod tests {

    #[test]
    fn scraped_name_cards_are_left_out() {
        let text = "Delegates met. President of Freedonia Anna Maria Kovacs Kovacs Anna MariaPresident of Freedonia: Thank you. Senator McCain and the iPhone stayed.";
        let doc = super::Doc::analyze(text);
        let words: Vec<&str> = doc.tokens.iter().map(|t| t.slice(text)).collect();
        // The card's words are gone, its glued word keeps its own part.
        assert_eq!(
            words.get(5..12),
            Some(
                &[
                    "Freedonia",
                    "Anna",
                    "Maria",
                    "Kovacs",
                    "President",
                    "of",
                    "Freedonia"
                ][..]
            ),
            "{words:?}"
        );
        assert_eq!(doc.card_names, vec![6..9]);
        // "McCain" and "iPhone" are no cards: nothing before them repeats.
        assert!(words.contains(&"McCain") && words.contains(&"iPhone"));
        // A name that is not turned around is no card either.
        let plain = "Anna Kovacs Anna KovacsPresident of Freedonia spoke.";
        assert!(super::Doc::analyze(plain).card_names.is_empty());
    }

    #[test]
    fn fast_char_tests_agree_with_std() {
        for c in (0..=0x2FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_numeric(c), c.is_numeric(), "{c:?}");
            if is_general_punctuation(c) {
                assert!(!unicode_normalization::char::is_combining_mark(c), "{c:?}");
            }
        }
    }
    use super::*;

    #[test]
    fn alnum_runs_agree_with_bytewise() {
        // Every byte value at every place of a 17-byte buffer of letters
        // and digits, scanned from every start.
        let base: Vec<u8> = b"aZ09kQx7Mm3bYc5Ld".to_vec();
        for k in 0..base.len() {
            for v in 0..=255u8 {
                let mut buf = base.clone();
                if let Some(b) = buf.get_mut(k) {
                    *b = v;
                }
                for from in 0..=buf.len() {
                    assert_eq!(
                        alnum_end(&buf, from),
                        alnum_end_bytewise(&buf, from),
                        "{v:#x} at {k} from {from}"
                    );
                }
            }
        }
        assert_eq!(alnum_end(b"Hello, world", 0), 5);
        assert_eq!(alnum_end(b"", 0), 0);
    }

    #[test]
    fn alnum_classification_agrees_with_classify() {
        for w in [
            "a", "A", "AB", "Ab", "aB", "A1", "1A", "AB1", "ABc", "x9", "NATO", "McDonald", "I",
            "II", "Q3", "G7", "F16A",
        ] {
            assert_eq!(classify_alnum(w.as_bytes()), classify(w), "{w}");
        }
    }

    fn sents(text: &str) -> Vec<&str> {
        let d = Doc::analyze(text);
        (0..d.sentences.len()).map(|s| d.sentence_text(s)).collect()
    }

    fn toks(text: &str) -> Vec<&str> {
        let d = Doc::analyze(text);
        (0..d.tokens.len()).map(|t| d.token(t)).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let s = sents(
            "Mr. Smith met Gen. Jones and Sen. Brown in St. Louis on Sept. 3. They talked. \
             The U.S. Senate voted 3.5 to 1 vs. the U.K. plan, e.g. this one.",
        );
        assert_eq!(
            s,
            vec![
                "Mr. Smith met Gen. Jones and Sen. Brown in St. Louis on Sept. 3.",
                "They talked.",
                "The U.S. Senate voted 3.5 to 1 vs. the U.K. plan, e.g. this one."
            ]
        );
    }

    #[test]
    fn initials_and_companies() {
        let s = sents("J. R. Smith joined Acme Inc. The firm grew. Shares of Acme Corp. rose.");
        assert_eq!(
            s,
            vec![
                "J. R. Smith joined Acme Inc.",
                "The firm grew.",
                "Shares of Acme Corp. rose."
            ]
        );
    }

    #[test]
    fn quotes_after_period() {
        let s = sents("\"We will win.\" He said it twice. \"Why?\" she asked. 'Fine,' he said.");
        assert_eq!(
            s,
            vec![
                "\"We will win.\"",
                "He said it twice.",
                "\"Why?\" she asked.",
                "'Fine,' he said."
            ]
        );
    }

    #[test]
    fn ellipsis_and_lowercase_continuation() {
        let s = sents("Prices rose... and then fell. Yahoo! shares rose at 5 p.m. The end.");
        assert_eq!(
            s,
            vec![
                "Prices rose... and then fell.",
                "Yahoo! shares rose at 5 p.m.",
                "The end."
            ]
        );
    }

    #[test]
    fn tokens_and_offsets() {
        let t = toks("Putin's U.S.-led talks, worth $1,000.5 (3.5%) — O'Brien’s");
        assert_eq!(
            t,
            vec![
                "Putin", "'s", "U.S.", "-", "led", "talks", ",", "worth", "$", "1,000.5", "(",
                "3.5", "%", ")", "—", "O'Brien", "’s"
            ]
        );
        let d = Doc::analyze("Hallo  Welt");
        assert_eq!(d.tokens, vec![Span::new(0, 5), Span::new(7, 11)]);
        assert_eq!(d.kind(0), TokenKind::Capitalised);
    }

    #[test]
    fn paragraphs_single_and_blank_lines() {
        let d = Doc::analyze("Title here\n\nFirst para. Two.\nSecond para\ncontinues here.\n");
        assert_eq!(d.paragraphs.len(), 3);
        assert_eq!(d.sentences.len(), 4);
        assert_eq!(d.sentence_text(3), "Second para\ncontinues here.");
        assert_eq!(d.sentence_paragraph, vec![0, 1, 1, 2]);
    }

    #[test]
    fn hard_wrapped_text_joins_lines() {
        let text = "Showers continued throughout the week in the\n\
                    zone, alleviating the drought since early January and\n\
                    improving prospects for the coming crop, although\n\
                    normal levels were not restored, Smith said.\n    \
                    Arrivals are now some ten weeks behind the usual pace\n\
                    of recent years, traders in the region said today.\n";
        let d = Doc::analyze(text);
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(d.sentences.len(), 2);
    }

    #[test]
    fn casing() {
        let d = Doc::analyze("Aligning US, European, and Ukrainian Priorities\nBAHIA COCOA REVIEW\nThe talks went well.");
        assert_eq!(
            d.sentence_casing,
            vec![Casing::Title, Casing::Upper, Casing::Normal]
        );
    }

    #[test]
    fn hostile_input() {
        for text in [
            "",
            "   \n\n\t",
            "\u{0}\u{1}\u{7f}abc\u{202e}def",
            "🙂🙂 hello 👍🏽. שלום עולם. مرحبا",
            "'s",
            "U.",
            "a.b.c.d.e.f.g.h.",
            "...........",
            "!!!???",
        ] {
            let d = Doc::analyze(text);
            for t in &d.tokens {
                assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                assert!(t.start < t.end);
            }
        }
        let big = "Word ".repeat(10_000);
        let d = Doc::analyze(&big);
        assert_eq!(d.tokens.len(), 10_000);
        assert_eq!(d.sentences.len(), 1);
    }
}
