//! Feature extraction for the name tagger: every feature is a 64-bit hash of
//! a template id and its parts, later folded into a fixed-size weight table.
//! Hashing instead of a feature dictionary keeps the model a flat array that
//! loads in one read and is looked up without any map.

use super::lexicon::{Gazetteer, HashMap64, Lexicon};
use super::Sentences;
use crate::extract::swar::{bytes_in, le64, pad64, tail64, HIGH, ONES};
use crate::extract::wordset::WordSet;

/// Feature groups a model was trained with (stored in the model, so a
/// model is always tagged with the features it learnt).
pub mod flags {
    /// Cluster and capitalisation ratio of the word itself.
    pub const LEX: u32 = 1;
    /// Clusters of the neighbouring words.
    pub const LEX_CONTEXT: u32 = 2;
    /// How the article writes the word elsewhere.
    pub const DOC_CASE: u32 = 4;
    /// Labels given to the same word earlier in the article.
    pub const HISTORY: u32 = 8;
    /// Gazetteer matches.
    pub const GAZETTEER: u32 = 16;
    /// Neighbouring words of the word's other mentions in the article.
    pub const AGGREGATE: u32 = 32;
    /// Character trigrams of the word.
    pub const CHAR_NGRAMS: u32 = 64;
    /// Every group.
    pub const ALL: u32 = 127;
    /// Leaner context templates (bits that *remove* or merge templates, so
    /// that models trained before they existed keep their features). Each
    /// context template is one weight-row read per scored token, and those
    /// rows mostly miss the caches.
    /// Drop the lower-case words two tokens away (templates 15, 16).
    pub const NO_FAR: u32 = 1 << 7;
    /// Drop the (previous, word) and (word, next) bigrams (17, 18).
    pub const NO_BIGRAM: u32 = 1 << 8;
    /// Drop the exact (cased) neighbouring words (27, 28).
    pub const NO_EXACT: u32 = 1 << 9;
    /// Drop the bigrams of the two words before and after (29, 24).
    pub const NO_NBIGRAM: u32 = 1 << 10;
    /// Drop the word's shape with a neighbouring word (25, 26).
    pub const NO_SHAPE_WORD: u32 = 1 << 11;
    /// At most 4 (not 8) contexts of the word's other mentions.
    pub const AGG_FEW: u32 = 1 << 12;
    /// One row per context of another mention (previous and next word in
    /// one hash) instead of one per neighbouring word.
    pub const AGG_JOINT: u32 = 1 << 13;
    /// Drop the neighbours' shapes alone (19, 20; their conjunction 21 stays).
    pub const NO_NSHAPE: u32 = 1 << 14;
    /// Drop previous label × lower-case word (62).
    pub const NO_LABEL_WORD: u32 = 1 << 15;
    /// Drop the gazetteer position × shape rows (51).
    pub const NO_GAZ_SHAPE: u32 = 1 << 16;
    /// What `train-ner` uses unless told otherwise: the distributional
    /// lexicon lowered dev F1 (see docs/parts/ner.md), so it is left out;
    /// the three lean bits save 5 weight-row reads per scored token for
    /// ~0.3 dev F1 (docs/parts/perf.md, session 12).
    pub const DEFAULT: u32 = DOC_CASE
        | HISTORY
        | GAZETTEER
        | AGGREGATE
        | CHAR_NGRAMS
        | NO_EXACT
        | NO_NBIGRAM
        | NO_LABEL_WORD;
}

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Incremental feature hash.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fh(u64);

impl Fh {
    pub(crate) fn new(template: u32) -> Fh {
        Fh((u64::from(template) + 1).wrapping_mul(K))
    }

    pub(crate) fn n(self, x: u64) -> Fh {
        Fh((self.0 ^ x).wrapping_mul(K).rotate_left(29))
    }

    pub(crate) fn bytes(self, b: &[u8]) -> Fh {
        let mut h = self.0;
        let mut chunks = b.chunks_exact(8);
        for c in &mut chunks {
            h = (h ^ le64(c)).wrapping_mul(K).rotate_left(29);
        }
        h = (h ^ tail64(b) ^ ((b.len() as u64) << 56))
            .wrapping_mul(K)
            .rotate_left(29);
        Fh(h)
    }

    pub(crate) fn done(self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(MIX1);
        h ^= h >> 33;
        h = h.wrapping_mul(MIX2);
        h ^= h >> 33;
        h
    }

    /// The state before [`Fh::done`]: a filter can test it and leave the
    /// finalisation (three multiplications) to the few that pass.
    pub(crate) fn state(self) -> u64 {
        self.0
    }
}

const MIX1: u64 = 0xff51_afd7_ed55_8ccd;
const MIX2: u64 = 0xc4ce_b9fe_1a85_ec53;

/// The state whose [`Fh::done`] is `h` (`done` is a bijection: shifts by
/// 33 of 64 bits are their own inverse, the multipliers are odd).
pub(crate) fn undone(h: u64) -> u64 {
    let mut h = h;
    h ^= h >> 33;
    h = h.wrapping_mul(odd_inverse(MIX2));
    h ^= h >> 33;
    h = h.wrapping_mul(odd_inverse(MIX1));
    h ^= h >> 33;
    h
}

/// Multiplicative inverse of an odd `c` modulo 2^64 (Newton's iteration
/// doubles the correct low bits each step: 1 -> 64 in 6 steps).
const fn odd_inverse(c: u64) -> u64 {
    let mut x = c;
    let mut k = 0;
    while k < 6 {
        x = x.wrapping_mul(2u64.wrapping_sub(c.wrapping_mul(x)));
        k += 1;
    }
    x
}

/// Hash of a plain string (used for lexicon and gazetteer keys).
pub(crate) fn hash_str(s: &str) -> u64 {
    Fh::new(0xFFFF).bytes(s.as_bytes()).done()
}

/// Lower-cased form with every ASCII digit mapped to `0`, so that numbers
/// share statistics.
pub(crate) fn normalise(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    normalise_into(word, &mut out);
    out
}

/// [`normalise`] appended to `out`: the tagger keeps one buffer per
/// sentence instead of a `String` per token.
pub(crate) fn normalise_into(word: &str, out: &mut String) {
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_digit()) {
        let from = out.len();
        out.push_str(word);
        if let Some(s) = out.get_mut(from..) {
            s.make_ascii_lowercase();
        }
        return;
    }
    for c in word.chars() {
        if c.is_ascii_digit() {
            out.push('0');
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Only the first characters decide a shape: a pathological 10,000-character
/// token must not produce a 10,000-character feature.
const SHAPE_CHARS: usize = 24;

/// Long and short (repeats collapsed) shapes; every shape character is
/// ASCII, so fixed buffers avoid two allocations per token.
struct Shapes {
    long: [u8; SHAPE_CHARS + 1],
    long_len: usize,
    short: [u8; SHAPE_CHARS + 1],
    short_len: usize,
}

impl Shapes {
    fn new() -> Shapes {
        Shapes {
            long: [0; SHAPE_CHARS + 1],
            long_len: 0,
            short: [0; SHAPE_CHARS + 1],
            short_len: 0,
        }
    }

    /// Append the `n`-th character's class `s` (`last`: the previous
    /// class, for the short form). Past `SHAPE_CHARS` the long form ends
    /// with one `~`; returns false once the shape is complete.
    fn push(&mut self, n: usize, s: u8, last: &mut Option<u8>) -> bool {
        if n >= SHAPE_CHARS {
            if n == SHAPE_CHARS {
                if let Some(slot) = self.long.get_mut(self.long_len) {
                    *slot = b'~';
                    self.long_len += 1;
                }
            }
            return false;
        }
        if let Some(slot) = self.long.get_mut(self.long_len) {
            *slot = s;
            self.long_len += 1;
        }
        if *last != Some(s) {
            if let Some(slot) = self.short.get_mut(self.short_len) {
                *slot = s;
                self.short_len += 1;
            }
            *last = Some(s);
        }
        true
    }
}

fn shapes(word: &str) -> Shapes {
    let mut sh = Shapes::new();
    let mut last: Option<u8> = None;
    for (n, c) in word.chars().enumerate() {
        let s = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if crate::extract::text::is_alphabetic(c) {
            b'a'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'*'
        };
        if !sh.push(n, s, &mut last) {
            break;
        }
    }
    sh
}

/// [`shapes`] of an ASCII word in one pass over its bytes, with whether it
/// holds upper-case letters, lower-case letters and letters or digits
/// (most news tokens are ASCII; the Unicode tables cost more than the rest
/// of the token's preparation).
fn ascii_shapes(word: &[u8]) -> (Shapes, bool, bool, bool) {
    let mut sh = Shapes::new();
    let (mut has_upper, mut has_lower, mut has_alnum) = (false, false, false);
    let mut last: Option<u8> = None;
    for (n, &b) in word.iter().enumerate() {
        let s = match b {
            b'A'..=b'Z' => b'X',
            b'a'..=b'z' => b'x',
            b'0'..=b'9' => b'd',
            _ => b,
        };
        has_upper |= s == b'X';
        has_lower |= s == b'x';
        has_alnum |= b.is_ascii_alphanumeric();
        // Past the shape's length only the flags still need the bytes.
        sh.push(n, s, &mut last);
    }
    (sh, has_upper, has_lower, has_alnum)
}

/// How a token begins, for the tagger's decision whether it needs scoring
/// at all (see `Tagger::tag_document`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Start {
    /// Holds an upper-case letter somewhere ("Paris", "iPhone", "al-Assad").
    Cased,
    /// A lower-case letter first and no upper-case letter anywhere.
    Lower,
    /// A lower-case name particle ("de", "van", "al"...): such words begin
    /// names ("de Blasio") and are scored when a cased word follows.
    Particle,
    /// A digit first and no upper-case letter ("1996", "3rd", "49ers").
    Digit,
    /// Punctuation or a symbol first and no letter or digit anywhere.
    Punct,
    /// Anything else: letters without case (CJK, Arabic...), or mixtures
    /// such as "'s" or "-based". Always scored.
    Other,
}

/// Per-token hashes every token needs, because its neighbours' features
/// use them. The costlier per-token features (prefixes, suffixes, character
/// trigrams) are in [`Detail`], computed only for tokens that are scored.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    pub word: u64,
    pub lower: u64,
    /// `hash_str` of the normalised form: lexicon and gazetteer key.
    pub key: u64,
    pub shape: u64,
    pub short: u64,
    /// Whether `word`, `lower`, `shape` and `short` are set, and the
    /// token's gazetteer marks complete.
    pub full: bool,
    pub init_cap: bool,
    pub all_caps: bool,
    pub has_lower: bool,
    pub start: Start,
    /// Lexicon entry (distributional clusters and capitalisation ratio).
    pub lex: Option<u32>,
    /// A capitalised function word among a sentence's first tokens (see
    /// [`routine_opener`]; set by [`DocToks::push`]).
    pub opener: bool,
    /// [`always_scored`], computed once by [`DocToks::push`]: the tagger
    /// reads it for every token, twice.
    pub scored: bool,
    /// ASCII letters-only words whose shapes follow from their length.
    class: Plain,
    /// Byte range of the normalised form in [`Sent::norm`].
    norm: (u32, u32),
}

/// Prefix, suffix and trigram hashes of one token.
pub(crate) struct Detail {
    pub prefix: [u64; 4],
    pub suffix: [u64; 4],
    pub n_prefix: usize,
    /// Hashes of the word's first character trigrams (with `^`/`$` ends).
    pub trigrams: [u64; MAX_TRIGRAMS],
    pub n_trigrams: usize,
}

impl Detail {
    /// From the normalised form of a word.
    pub(crate) fn new(lower_s: &str) -> Detail {
        if lower_s.is_ascii() {
            return Detail::ascii(lower_s.as_bytes());
        }
        Detail::general(lower_s)
    }

    /// [`Detail::new`] of any word, character by character.
    fn general(lower_s: &str) -> Detail {
        let mut prefix = [0u64; 4];
        let mut suffix = [0u64; 4];
        let ends = lower_s
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .take(4);
        let mut n_prefix = 0;
        for (k, end) in ends.enumerate() {
            if let Some(p) = prefix.get_mut(k) {
                *p = Fh::new(100 + k as u32)
                    .bytes(lower_s.get(..end).unwrap_or("").as_bytes())
                    .done();
                n_prefix = k + 1;
            }
        }
        let starts = lower_s.char_indices().rev().map(|(i, _)| i).take(4);
        for (k, start) in starts.enumerate() {
            if let Some(s) = suffix.get_mut(k) {
                *s = Fh::new(110 + k as u32)
                    .bytes(lower_s.get(start..).unwrap_or("").as_bytes())
                    .done();
            }
        }
        let mut trigrams = [0u64; MAX_TRIGRAMS];
        let mut n_trigrams = 0;
        let mut win = ['^', '^', '^'];
        for (k, c) in lower_s.chars().chain(std::iter::once('$')).enumerate() {
            win = [win[1], win[2], c];
            if k < 1 {
                continue;
            }
            let Some(slot) = trigrams.get_mut(n_trigrams) else {
                break;
            };
            let mut buf = [0u8; 12];
            let mut len = 0;
            for ch in win {
                len += ch.encode_utf8(buf.get_mut(len..).unwrap_or(&mut [])).len();
            }
            *slot = Fh::new(120).bytes(buf.get(..len).unwrap_or(&[])).done();
            n_trigrams += 1;
        }
        Detail {
            prefix,
            suffix,
            n_prefix,
            trigrams,
            n_trigrams,
        }
    }
}

impl Detail {
    /// [`Detail::new`] of an ASCII word: characters are bytes, so the
    /// prefixes, suffixes and trigrams are plain slices.
    fn ascii(b: &[u8]) -> Detail {
        let n = b.len();
        let mut d = Detail {
            prefix: [0; 4],
            suffix: [0; 4],
            n_prefix: n.min(4),
            trigrams: [0; MAX_TRIGRAMS],
            n_trigrams: n.min(MAX_TRIGRAMS),
        };
        for k in 0..d.n_prefix {
            if let (Some(p), Some(s)) = (d.prefix.get_mut(k), d.suffix.get_mut(k)) {
                *p = Fh::new(100 + k as u32)
                    .bytes(b.get(..=k).unwrap_or(&[]))
                    .done();
                *s = Fh::new(110 + k as u32)
                    .bytes(b.get(n - 1 - k..).unwrap_or(&[]))
                    .done();
            }
        }
        // The word between its end marks, as far as the trigrams reach.
        let mut padded = [0u8; MAX_TRIGRAMS + 2];
        let mut len = 0;
        for &c in std::iter::once(&b'^')
            .chain(b)
            .chain(std::iter::once(&b'$'))
        {
            let Some(slot) = padded.get_mut(len) else {
                break;
            };
            *slot = c;
            len += 1;
        }
        for (slot, w) in d
            .trigrams
            .iter_mut()
            .zip(padded.get(..len).unwrap_or(&[]).windows(3))
        {
            *slot = Fh::new(120).bytes(w).done();
        }
        d
    }
}

pub(crate) const MAX_TRIGRAMS: usize = 10;

/// Lower-case words that begin names: the particles that begin names in
/// CoNLL-2003 training data ("de", "van", "della") and their common kin in
/// European and Arabic names.
const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "dos", "du", "el", "ibn",
    "la", "le", "ter", "van", "von",
];

const BOS: u64 = 0x5151_0000_0000_0001;
const EOS: u64 = 0x5151_0000_0000_0002;

impl Tok {
    /// `norm` holds the sentence's normalised words so far; the word's own
    /// normalised form is appended to it.
    #[cfg(test)]
    fn new(word: &str, lexicon: &Lexicon, norm: &mut Vec<u8>) -> Tok {
        let mut t = Tok::basic(word, norm);
        let lower = norm.get(t.norm.0 as usize..).unwrap_or(&[]).to_vec();
        t.fill(word, &lower, lexicon);
        t
    }

    /// What every token needs (normalised form, gazetteer key, case
    /// flags, how it starts); the feature hashes and the lexicon entry
    /// stay unset until [`Tok::fill`]: most tokens are neither scored nor
    /// next to a scored one, and only features read the entry.
    fn basic(word: &str, norm: &mut Vec<u8>) -> Tok {
        let from = norm.len();
        let p = match Prep::short_ascii(word.as_bytes(), norm) {
            Some(p) => p,
            None => Prep::general(word, norm),
        };
        Tok {
            opener: false,
            scored: false,
            class: p.class,
            word: 0,
            lower: 0,
            shape: 0,
            short: 0,
            full: false,
            key: p.key,
            init_cap: p.init_cap,
            all_caps: p.has_upper && !p.has_lower,
            has_lower: p.has_lower,
            start: p.start,
            lex: None,
            norm: (from as u32, norm.len() as u32),
        }
    }

    /// The hashes and lexicon entry features use (`lower`: the
    /// normalised form of `word`). Features read them only for tokens
    /// within reach of a scored one, which are all filled: the entry's
    /// binary search is skipped for the rest.
    pub(crate) fn fill(&mut self, word: &str, lower: &[u8], lexicon: &Lexicon) {
        self.lex = if lexicon.is_empty() {
            None
        } else {
            lexicon.get_key(self.key)
        };
        self.word = Fh::new(1).bytes(word.as_bytes()).done();
        self.lower = Fh::new(2).bytes(lower).done();
        self.full = true;
        if self.class != Plain::No {
            if let Some(t) = PlainShapes::get().of(self.class, word.len()) {
                (self.shape, self.short) = t;
                return;
            }
        }
        let sh = if word.is_ascii() {
            ascii_shapes(word.as_bytes()).0
        } else {
            shapes(word)
        };
        self.shape = Fh::new(3)
            .bytes(sh.long.get(..sh.long_len).unwrap_or(&[]))
            .done();
        self.short = Fh::new(4)
            .bytes(sh.short.get(..sh.short_len).unwrap_or(&[]))
            .done();
    }
}

/// ASCII words of letters only, by case pattern: their shapes depend only
/// on the pattern and the length ("said" `xxxx`/`x`, "Paris" `Xxxxx`/`Xx`,
/// "NATO" `XXXX`/`X`), so [`Tok::fill`] takes their hashes from a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Plain {
    /// Any other word (digits, punctuation, non-ASCII, mixed case).
    No,
    /// Lower-case letters only.
    Lower,
    /// An upper-case letter, then lower-case letters only.
    Cap,
    /// Upper-case letters only.
    Upper,
}

/// Shape hashes (long, short) of [`Plain`] words by length; lengths past
/// [`SHAPE_CHARS`] share one entry (the long shape stops there with `~`).
struct PlainShapes {
    by_len: [[(u64, u64); SHAPE_CHARS + 2]; 3],
}

impl PlainShapes {
    fn get() -> &'static PlainShapes {
        static TABLE: std::sync::OnceLock<PlainShapes> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            let mut t = PlainShapes {
                by_len: [[(0, 0); SHAPE_CHARS + 2]; 3],
            };
            for (c, row) in t.by_len.iter_mut().enumerate() {
                for (len, slot) in row.iter_mut().enumerate().skip(1) {
                    let word: String = (0..len)
                        .map(|k| match c {
                            0 => 'x',
                            1 if k == 0 => 'X',
                            1 => 'x',
                            _ => 'X',
                        })
                        .collect();
                    let sh = ascii_shapes(word.as_bytes()).0;
                    *slot = (
                        Fh::new(3)
                            .bytes(sh.long.get(..sh.long_len).unwrap_or(&[]))
                            .done(),
                        Fh::new(4)
                            .bytes(sh.short.get(..sh.short_len).unwrap_or(&[]))
                            .done(),
                    );
                }
            }
            t
        })
    }

    /// (long, short) shape hashes of a `class` word of `len` letters.
    fn of(&self, class: Plain, len: usize) -> Option<(u64, u64)> {
        let c = match class {
            Plain::No => return None,
            Plain::Lower => 0,
            Plain::Cap => 1,
            Plain::Upper => 2,
        };
        // A one-letter capitalised word is an upper-case one.
        if len < 2 && class == Plain::Cap {
            return None;
        }
        self.by_len
            .get(c)?
            .get(len.min(SHAPE_CHARS + 1))
            .copied()
            .filter(|_| len > 0)
    }
}

/// What [`Tok::basic`] learns of a word while normalising it.
struct Prep {
    key: u64,
    init_cap: bool,
    has_upper: bool,
    has_lower: bool,
    start: Start,
    class: Plain,
}

/// A word of at most 8 bytes as [`pad64`] gives it.
const fn word64(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut x = 0u64;
    let mut i = 0;
    while i < b.len() && i < 8 {
        x |= (b[i] as u64) << (8 * i);
        i += 1;
    }
    x
}

/// Multiplier that sends each of the [`NAME_PARTICLES`] to its own slot
/// of [`is_particle64`]'s table (found by search; the table's build
/// fails to compile if a particle list change makes two collide).
const PARTICLE_MUL: u64 = 0xc2ce_6f44_7ed4_d57b;

fn particle_slot(x: u64) -> usize {
    (x.wrapping_mul(PARTICLE_MUL) >> 59) as usize
}

/// [`NAME_PARTICLES`] as [`word64`] values: one slot load and compare
/// instead of 19 compares (short lower-case words are a third of all
/// tokens).
fn is_particle64(x: u64) -> bool {
    const T: [u64; 32] = {
        let mut t = [0u64; 32];
        let mut i = 0;
        while i < NAME_PARTICLES.len() {
            let w = word64(NAME_PARTICLES[i]);
            let k = (w.wrapping_mul(PARTICLE_MUL) >> 59) as usize;
            assert!(t[k] == 0, "two name particles share a slot");
            t[k] = w;
            i += 1;
        }
        t
    };
    x != 0 && T.get(particle_slot(x)) == Some(&x)
}

impl Prep {
    /// An ASCII word of 1 to 16 bytes, eight bytes at a time: the case and
    /// digit tests, lower-casing, digit folding and the key's hash work on
    /// whole words instead of byte by byte. `None` for anything else.
    #[inline(always)]
    fn short_ascii(b: &[u8], norm: &mut Vec<u8>) -> Option<Prep> {
        let len = b.len();
        if len == 0 || len > 16 {
            return None;
        }
        let (lo, hi) = if len <= 8 {
            (pad64(b), 0)
        } else {
            (le64(b), pad64(b.get(8..)?))
        };
        if (lo | hi) & HIGH != 0 {
            return None;
        }
        let (ul, uh) = (bytes_in(lo, b'A', b'Z'), bytes_in(hi, b'A', b'Z'));
        let (ll, lh) = (bytes_in(lo, b'a', b'z'), bytes_in(hi, b'a', b'z'));
        let (dl, dh) = (bytes_in(lo, b'0', b'9'), bytes_in(hi, b'0', b'9'));
        // The word's own bytes in each half (padding is none of the classes).
        let valid = |n: usize| {
            if n >= 8 {
                HIGH
            } else {
                HIGH & ((1u64 << (8 * n)) - 1)
            }
        };
        let (vl, vh) = (valid(len.min(8)), valid(len.saturating_sub(8)));
        let other = (vl & !(ul | ll | dl)) | (vh & !(uh | lh | dh));
        let has_upper = (ul | uh) != 0;
        let has_lower = (ll | lh) != 0;
        let has_digit = (dl | dh) != 0;
        // Upper-case letters gain 0x20, digits become `0`.
        let fold = |x: u64, u: u64, d: u64| {
            let x = x | (u >> 2);
            let d8 = (d >> 7) * 0xFF;
            (x & !d8) | ((0x30 * ONES) & d8)
        };
        let (nl, nh) = (fold(lo, ul, dl), fold(hi, uh, dh));
        // `hash_str` of the normalised form, as `Fh::bytes` chunks it.
        let mut h = Fh::new(0xFFFF);
        let tail = if len < 8 {
            nl
        } else {
            h = h.n(nl);
            match len {
                8 => 0,
                16 => {
                    h = h.n(nh);
                    0
                }
                _ => nh,
            }
        };
        let key = h.n(tail ^ ((len as u64) << 56)).done();
        let from = norm.len();
        norm.extend_from_slice(&nl.to_le_bytes());
        if len > 8 {
            norm.extend_from_slice(&nh.to_le_bytes());
        }
        norm.truncate(from + len);
        let first_upper = ul & 0x80 != 0;
        let start = if has_upper {
            Start::Cased
        } else if len <= 5 && is_particle64(nl) {
            Start::Particle
        } else if ll & 0x80 != 0 {
            Start::Lower
        } else if dl & 0x80 != 0 {
            Start::Digit
        } else if !(has_lower || has_digit) {
            Start::Punct
        } else {
            Start::Other
        };
        let class = if has_digit || other != 0 {
            Plain::No
        } else if !has_upper {
            Plain::Lower
        } else if !has_lower {
            Plain::Upper
        } else if first_upper && ul.count_ones() + uh.count_ones() == 1 {
            Plain::Cap
        } else {
            Plain::No
        };
        Some(Prep {
            key,
            init_cap: first_upper,
            has_upper,
            has_lower,
            start,
            class,
        })
    }

    /// Any word (non-ASCII, long or empty), character by character.
    fn general(word: &str, norm: &mut Vec<u8>) -> Prep {
        let from = norm.len();
        let (mut has_upper, mut has_lower, mut has_alnum) = (false, false, false);
        let mut class = Plain::No;
        if word.is_ascii() {
            let (mut has_digit, mut has_other, mut n_upper) = (false, false, 0usize);
            for &b in word.as_bytes() {
                n_upper += usize::from(b.is_ascii_uppercase());
                has_lower |= b.is_ascii_lowercase();
                has_digit |= b.is_ascii_digit();
                has_other |= !b.is_ascii_alphanumeric();
            }
            has_upper = n_upper > 0;
            has_alnum = has_upper || has_lower || has_digit;
            class = if has_digit || has_other || word.is_empty() {
                Plain::No
            } else if !has_upper {
                Plain::Lower
            } else if !has_lower {
                Plain::Upper
            } else if n_upper == 1 && word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
                Plain::Cap
            } else {
                Plain::No
            };
            norm.extend(word.bytes().map(|b| {
                if b.is_ascii_digit() {
                    b'0'
                } else {
                    b.to_ascii_lowercase()
                }
            }));
        } else {
            for c in word.chars() {
                has_upper |= c.is_uppercase();
                has_lower |= c.is_lowercase();
                has_alnum |= crate::extract::text::is_alphanumeric(c);
                if c.is_ascii_digit() {
                    norm.push(b'0');
                } else {
                    let mut buf = [0u8; 4];
                    for l in c.to_lowercase() {
                        norm.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                    }
                }
            }
        }
        let lower = norm.get(from..).unwrap_or(&[]);
        let first = word.chars().next();
        let init_cap = first.is_some_and(|c| c.is_uppercase());
        let particle = || lower.len() <= 5 && NAME_PARTICLES.iter().any(|p| p.as_bytes() == lower);
        let start = match first {
            _ if has_upper => Start::Cased,
            Some(_) if particle() => Start::Particle,
            Some(c) if c.is_lowercase() => Start::Lower,
            Some(c) if c.is_ascii_digit() => Start::Digit,
            Some(_) if !has_alnum => Start::Punct,
            _ => Start::Other,
        };
        Prep {
            key: Fh::new(0xFFFF).bytes(lower).done(),
            init_cap,
            has_upper,
            has_lower,
            start,
            class,
        }
    }
}

/// Whether token `i` is scored whatever label precedes it: it holds an
/// upper-case letter or an uncased script, or it is a name particle before
/// a capitalised word (see `Tagger::tag_document`).
pub(crate) fn always_scored(toks: &[Tok], i: usize) -> bool {
    match toks.get(i).map(|t| t.start) {
        Some(Start::Cased) => !routine_opener(toks, i),
        Some(Start::Other) => true,
        Some(Start::Particle) => toks.get(i + 1).is_some_and(|t| t.start == Start::Cased),
        _ => false,
    }
}

/// Whether token `i` opens its sentence (after at most two punctuation
/// tokens, such as an opening quote) with a function word that is
/// capitalised only because it comes first ("The", "But", "He"), and no
/// capitalised word, particle or uncased word follows it (so it does not
/// begin a multi-word name). When no name is open, such a token is
/// labelled O without being scored, like a lower-case word.
pub(crate) fn routine_opener(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| t.opener)
        && toks.get(..i).is_some_and(|before| {
            before.len() <= 2 && before.iter().all(|b| b.start == Start::Punct)
        })
        && toks
            .get(i + 1)
            .is_some_and(|n| matches!(n.start, Start::Lower | Start::Digit | Start::Punct))
}

/// Closed-class English words that often open a sentence and never begin a
/// name unless a capitalised word follows. Words that are also names or
/// months ("May", "Will", "Bill") are left out.
static OPENER_WORDS: WordSet = WordSet::new(&[
    "a",
    "about",
    "after",
    "against",
    "all",
    "also",
    "although",
    "among",
    "an",
    "and",
    "are",
    "as",
    "at",
    "because",
    "been",
    "before",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "every",
    "few",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "if",
    "in",
    "indeed",
    "instead",
    "into",
    "is",
    "it",
    "its",
    "many",
    "meanwhile",
    "moreover",
    "most",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "on",
    "or",
    "our",
    "over",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "under",
    "until",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whose",
    "why",
    "with",
    "would",
    "yes",
    "yet",
    "you",
    "your",
]);

/// Features of a token read its neighbours this far away.
pub(crate) const REACH: usize = 2;

/// A document's tokens prepared for tagging: every sentence in the same
/// buffers, which the tagger reuses from document to document (no
/// allocation per sentence or token once they have grown).
#[derive(Default)]
pub(crate) struct DocToks {
    toks: Vec<Tok>,
    /// Gazetteer hits per token (see [`Sent::gaz`]).
    gaz: Vec<u16>,
    /// Normalised forms of every word, concatenated (UTF-8).
    norm: Vec<u8>,
    /// Scratch: one sentence's gazetteer keys.
    keys: Vec<u64>,
    /// Per sentence: token range and headline flag.
    sents: Vec<(usize, usize, bool)>,
}

impl DocToks {
    /// The document `sentences` (replacing what was prepared before).
    /// Unless `all`, only tokens that are always scored and their
    /// neighbours get their feature hashes (see [`Tok::basic`]).
    pub(crate) fn prepare<S: Sentences + ?Sized>(
        &mut self,
        sentences: &S,
        lexicon: &Lexicon,
        gaz: &Gazetteer,
        all: bool,
    ) {
        self.toks.clear();
        self.gaz.clear();
        self.norm.clear();
        self.sents.clear();
        for s in 0..sentences.count() {
            self.push(sentences.words(s), lexicon, gaz, all);
        }
    }

    /// Append one sentence (`all`: as in [`DocToks::prepare`]).
    pub(crate) fn push(&mut self, words: &[&str], lexicon: &Lexicon, gaz: &Gazetteer, all: bool) {
        let start = self.toks.len();
        // Short ASCII words are written as whole 8-byte words, then cut.
        self.norm
            .reserve(words.iter().map(|w| w.len()).sum::<usize>() + 16);
        self.keys.clear();
        // One pass: the tokens, their gazetteer keys and the headline test's
        // counts.
        let (mut alpha, mut caps) = (0usize, 0usize);
        for w in words {
            let t = Tok::basic(w, &mut self.norm);
            self.keys.push(t.key);
            alpha += usize::from(t.all_caps || t.has_lower);
            caps += usize::from(t.all_caps);
            self.toks.push(t);
        }
        // Only a sentence's opening word (after at most two punctuation
        // tokens) can be a routine opener: the word list is consulted there
        // alone, not for every capitalised word.
        for t in self.toks.iter_mut().skip(start).take(3) {
            let lower = self
                .norm
                .get(t.norm.0 as usize..t.norm.1 as usize)
                .unwrap_or(&[]);
            t.opener = t.init_cap
                && t.has_lower
                && lower.len() <= 9
                && std::str::from_utf8(lower).is_ok_and(|w| OPENER_WORDS.contains(&w));
            if t.start != Start::Punct {
                break;
            }
        }
        let g0 = self.gaz.len();
        self.gaz.resize(g0 + words.len(), 0);
        let marks = self.gaz.get_mut(g0..).unwrap_or(&mut []);
        let norm = &self.norm;
        let toks = self.toks.get_mut(start..).unwrap_or(&mut []);
        let n = toks.len();
        // Tokens in runs of always-scored tokens and their neighbours get
        // their hashes and gazetteer marks; `run` is the current run.
        let mut run: Option<(usize, usize)> = None;
        // End of the last span marked: the next span's probes start there.
        let mut probed = 0;
        for i in 0..n {
            // `always_scored` reads the neighbours' `start` and `opener`,
            // never `scored`: setting it in passing is safe.
            let scored = always_scored(toks, i);
            if let Some(t) = toks.get_mut(i) {
                t.scored = scored;
            }
            if !(all || scored) {
                continue;
            }
            let lo = i.saturating_sub(REACH);
            let hi = (i + REACH + 1).min(n);
            let from = match run {
                Some((a, b)) if lo <= b => {
                    run = Some((a, hi));
                    b
                }
                _ => {
                    if let Some((a, b)) = run {
                        gaz.mark_span_from(&self.keys, a, b, probed, marks);
                        probed = b;
                    }
                    run = Some((lo, hi));
                    lo
                }
            };
            for j in from..hi {
                if let (Some(t), Some(w)) = (toks.get_mut(j), words.get(j)) {
                    let lower = norm
                        .get(t.norm.0 as usize..t.norm.1 as usize)
                        .unwrap_or(&[]);
                    t.fill(w, lower, lexicon);
                }
            }
        }
        if let Some((a, b)) = run {
            gaz.mark_span_from(&self.keys, a, b, probed, marks);
        }
        let all_caps = alpha >= 2 && caps * 10 >= alpha * 8;
        self.sents.push((start, self.toks.len(), all_caps));
    }

    /// Number of sentences.
    pub(crate) fn len(&self) -> usize {
        self.sents.len()
    }

    /// Sentence `s` (empty when out of range).
    pub(crate) fn sent(&self, s: usize) -> Sent<'_> {
        let (a, b, all_caps) = self.sents.get(s).copied().unwrap_or((0, 0, false));
        Sent {
            toks: self.toks.get(a..b).unwrap_or(&[]),
            all_caps,
            gaz: self.gaz.get(a..b).unwrap_or(&[]),
            norm: &self.norm,
        }
    }

    /// Every sentence, in order.
    pub(crate) fn sents(&self) -> impl Iterator<Item = Sent<'_>> + '_ {
        (0..self.len()).map(|s| self.sent(s))
    }

    /// Give back memory after an unusually large document, so that a
    /// thread's reused buffers stay small.
    pub(crate) fn trim(&mut self) {
        const KEEP: usize = 1 << 16;
        if self.toks.capacity() > KEEP {
            *self = DocToks::default();
        }
    }
}

/// One sentence of a [`DocToks`].
#[derive(Clone, Copy)]
pub(crate) struct Sent<'a> {
    pub toks: &'a [Tok],
    /// Headline-style sentence: (almost) every word upper-case, so case
    /// says nothing about names.
    pub all_caps: bool,
    /// Gazetteer hits per token: bit `type*4 + pos` with pos 0 B,1 I,2 L,3 U.
    pub gaz: &'a [u16],
    /// The whole document's normalised forms ([`Tok`] holds its range).
    norm: &'a [u8],
}

impl<'a> Sent<'a> {
    /// The sentence seen through tokens `toks` with gazetteer marks
    /// `gaz`, copies of a stretch of its tokens (the features of a token
    /// are those of its copy as long as the window holds its neighbours,
    /// or the sentence ends there).
    pub(crate) fn window<'b>(&self, toks: &'b [Tok], gaz: &'b [u16]) -> Sent<'b>
    where
        'a: 'b,
    {
        Sent {
            toks,
            all_caps: self.all_caps,
            gaz,
            norm: self.norm,
        }
    }

    /// Normalised form of token `i`.
    pub(crate) fn norm(&self, i: usize) -> &str {
        std::str::from_utf8(self.norm_bytes(i)).unwrap_or("")
    }

    /// [`Sent::norm`] as bytes.
    pub(crate) fn norm_bytes(&self, i: usize) -> &[u8] {
        self.toks
            .get(i)
            .and_then(|t| self.norm.get(t.norm.0 as usize..t.norm.1 as usize))
            .unwrap_or(&[])
    }
}

/// Document-level casing evidence: how a word's lower-cased form is written
/// elsewhere in the same article. In headlines and sentence-initial
/// position case is uninformative; the body often disambiguates.
#[derive(Default)]
pub(crate) struct DocInfo {
    flags: HashMap64<u8>,
    /// Capitalised word → index in `ctx` of the distinct (previous, next)
    /// words around its mentions in the article (at most `AGG_MAX`).
    contexts: HashMap64<u32>,
    ctx: Vec<Contexts>,
}

/// Neighbours of one word's capitalised mentions, inline so that a reused
/// [`DocInfo`] allocates nothing per word.
#[derive(Clone, Copy)]
struct Contexts {
    n: usize,
    pairs: [(u64, u64); AGG_MAX],
}

const AGG_MAX: usize = 8;

const SEEN_CAP_MID: u8 = 1;
const SEEN_LOWER: u8 = 2;

impl DocInfo {
    #[cfg(test)]
    pub(crate) fn new(doc: &DocToks, features: u32) -> DocInfo {
        let mut d = DocInfo::default();
        d.fill(doc, features);
        d
    }

    /// The evidence of `doc` (replacing what was there).
    pub(crate) fn fill(&mut self, doc: &DocToks, features: u32) {
        // A map that grew for a huge article is dropped rather than cleared
        // (clearing costs its whole capacity every time).
        const KEEP: usize = 1 << 15;
        if self.flags.capacity() > KEEP || self.contexts.capacity() > KEEP {
            *self = DocInfo::default();
        }
        self.flags.clear();
        self.contexts.clear();
        self.ctx.clear();
        if features & flags::AGGREGATE != 0 {
            for s in doc.sents() {
                for (i, t) in s.toks.iter().enumerate() {
                    if !(t.init_cap || t.all_caps) {
                        continue;
                    }
                    let ii = i as isize;
                    let p = pick(s.toks, ii - 1).map_or(BOS, |t| t.lower);
                    let n = pick(s.toks, ii + 1).map_or(EOS, |t| t.lower);
                    let next = self.ctx.len();
                    let k = *self.contexts.entry(t.lower).or_insert_with(|| next as u32);
                    if k as usize == next {
                        self.ctx.push(Contexts {
                            n: 0,
                            pairs: [(0, 0); AGG_MAX],
                        });
                    }
                    let Some(c) = self.ctx.get_mut(k as usize) else {
                        continue;
                    };
                    let seen = c.pairs.get(..c.n).unwrap_or(&[]);
                    if c.n < AGG_MAX && !seen.contains(&(p, n)) {
                        if let Some(slot) = c.pairs.get_mut(c.n) {
                            *slot = (p, n);
                            c.n += 1;
                        }
                    }
                }
            }
        }
        for s in doc.sents() {
            if s.all_caps {
                continue;
            }
            for (i, t) in s.toks.iter().enumerate() {
                let f = if t.init_cap && i > 0 {
                    SEEN_CAP_MID
                } else if !t.init_cap && t.has_lower {
                    SEEN_LOWER
                } else {
                    0
                };
                if f != 0 {
                    // Keyed by `key`, which every token has (`lower` is
                    // only set near scored tokens).
                    *self.flags.entry(t.key).or_insert(0) |= f;
                }
            }
        }
    }

    /// Casing flags of the word with gazetteer key `key`.
    fn get(&self, key: u64) -> u8 {
        self.flags.get(&key).copied().unwrap_or(0)
    }

    /// (previous, next) words around the capitalised mentions of `lower`.
    fn contexts(&self, lower: u64) -> &[(u64, u64)] {
        self.contexts
            .get(&lower)
            .and_then(|&k| self.ctx.get(k as usize))
            .and_then(|c| c.pairs.get(..c.n))
            .unwrap_or(&[])
    }
}

/// The labels most recently given to a word earlier in the document
/// (entity type + 1, 0 for outside): a cheap form of the "same name tagged
/// alike across the article" consistency.
#[derive(Default)]
pub(crate) struct History {
    exact: HashMap64<u8>,
    lower: HashMap64<u8>,
}

impl History {
    /// Forget everything (keeping the memory, unless a huge article made
    /// the maps large).
    pub(crate) fn clear(&mut self) {
        if self.exact.capacity() > 1 << 15 {
            *self = History::default();
        }
        self.exact.clear();
        self.lower.clear();
    }

    pub(crate) fn record(&mut self, tok: &Tok, ty: u8) {
        if tok.init_cap || tok.all_caps {
            self.exact.insert(tok.word, ty);
            self.lower.insert(tok.lower, ty);
        }
    }
}

fn pick<T>(v: &[T], i: isize) -> Option<&T> {
    if i < 0 {
        None
    } else {
        v.get(i as usize)
    }
}

/// Features that do not depend on earlier decisions, in the order training
/// has always used (training sums its float scores in this order, so the
/// order is part of what makes `train-ner` rebuild the same model).
pub(crate) fn static_features(
    sent: &Sent,
    doc: &DocInfo,
    i: usize,
    features: u32,
    out: &mut Vec<u64>,
) {
    static_part::<true, true>(sent, Some(doc), i, features, out);
}

/// The part of [`static_features`] that depends only on the word itself,
/// on whether it begins the sentence and on the sentence's headline flag
/// (`Sent::all_caps`): the tagger caches the sum of these weight rows per
/// (word, first, headline), see `StaticCache` in `ner/mod.rs`.
pub(crate) fn token_features(sent: &Sent, i: usize, features: u32, out: &mut Vec<u64>) {
    static_part::<true, false>(sent, None, i, features, out);
}

/// The rest of [`static_features`]: neighbours, document evidence and
/// gazetteer marks. With [`token_features`] it gives the same features
/// (in another order).
pub(crate) fn context_features(
    sent: &Sent,
    doc: &DocInfo,
    i: usize,
    features: u32,
    out: &mut Vec<u64>,
) {
    static_part::<false, true>(sent, Some(doc), i, features, out);
}

/// [`static_features`] restricted to the features of the word alone
/// (`TOKEN`) and/or those of its context (`CONTEXT`). One function for
/// both, so that no feature can belong to neither part or to both.
#[inline(always)]
fn static_part<const TOKEN: bool, const CONTEXT: bool>(
    sent: &Sent,
    doc: Option<&DocInfo>,
    i: usize,
    features: u32,
    out: &mut Vec<u64>,
) {
    let on = |f: u32| features & f != 0;
    let toks = sent.toks;
    let Some(t) = toks.get(i) else {
        return;
    };
    let ii = i as isize;
    let lw = |d: isize| pick(toks, ii + d).map_or(if d < 0 { BOS } else { EOS }, |t| t.lower);
    let ww = |d: isize| pick(toks, ii + d).map_or(if d < 0 { BOS } else { EOS }, |t| t.word);
    let sh = |d: isize| pick(toks, ii + d).map_or(if d < 0 { BOS } else { EOS }, |t| t.short);
    let caps = u64::from(sent.all_caps);
    let first = u64::from(i == 0);
    // `tok`: a feature of the word alone (and `first`, `caps`).
    let push = |out: &mut Vec<u64>, tok: bool, f: Fh| {
        if (tok && TOKEN) || (!tok && CONTEXT) {
            out.push(f.done());
        }
    };

    if TOKEN {
        push(out, true, Fh::new(0));
        push(out, true, Fh::new(1).n(t.word));
        push(out, true, Fh::new(2).n(t.lower));
        push(out, true, Fh::new(3).n(t.shape));
        push(out, true, Fh::new(4).n(t.short));
        let d = Detail::new(sent.norm(i));
        for k in 0..d.n_prefix {
            if let (Some(&p), Some(&s)) = (d.prefix.get(k), d.suffix.get(k)) {
                push(out, true, Fh::new(5).n(p));
                push(out, true, Fh::new(6).n(s));
            }
        }
        if on(flags::CHAR_NGRAMS) {
            for &g in d.trigrams.iter().take(d.n_trigrams) {
                push(out, true, Fh::new(7).n(g));
            }
        }
    }
    if CONTEXT {
        push(out, false, Fh::new(13).n(lw(-1)));
        push(out, false, Fh::new(14).n(lw(1)));
        if !on(flags::NO_FAR) {
            push(out, false, Fh::new(15).n(lw(-2)));
            push(out, false, Fh::new(16).n(lw(2)));
        }
        if !on(flags::NO_BIGRAM) {
            push(out, false, Fh::new(17).n(lw(-1)).n(t.lower));
            push(out, false, Fh::new(18).n(t.lower).n(lw(1)));
        }
        if !on(flags::NO_NSHAPE) {
            push(out, false, Fh::new(19).n(sh(-1)));
            push(out, false, Fh::new(20).n(sh(1)));
        }
        push(out, false, Fh::new(21).n(sh(-1)).n(t.short).n(sh(1)));
    }
    push(out, true, Fh::new(22).n(first).n(caps).n(t.short));
    if sent.all_caps {
        push(out, true, Fh::new(23).n(t.lower));
    }
    if CONTEXT {
        if !on(flags::NO_SHAPE_WORD) {
            push(out, false, Fh::new(25).n(t.short).n(lw(1)));
            push(out, false, Fh::new(26).n(lw(-1)).n(t.short));
        }
        if !on(flags::NO_EXACT) {
            push(out, false, Fh::new(27).n(ww(-1)));
            push(out, false, Fh::new(28).n(ww(1)));
        }
        if !on(flags::NO_NBIGRAM) {
            push(out, false, Fh::new(29).n(lw(-2)).n(lw(-1)));
            push(out, false, Fh::new(24).n(lw(1)).n(lw(2)));
        }
    }

    // Distributional lexicon: clusters at several granularities and how
    // often the word is capitalised mid-sentence in unlabelled news. The
    // word's own entry (`d == 0`) is a function of the word.
    for d in -1isize..=1 {
        let tok = d == 0;
        if !(tok && TOKEN || !tok && CONTEXT) {
            continue;
        }
        if !on(if tok { flags::LEX } else { flags::LEX_CONTEXT }) {
            continue;
        }
        let lex = pick(toks, ii + d).and_then(|t| t.lex);
        match lex {
            Some(v) => {
                for g in 0..3u32 {
                    let c = u64::from(super::lexicon::cluster(v, g));
                    push(out, tok, Fh::new(30 + g).n(d as u64).n(c));
                }
                if tok {
                    let r = u64::from(super::lexicon::cap_bucket(v));
                    push(out, true, Fh::new(34).n(r).n(first).n(caps));
                    push(out, true, Fh::new(35).n(r).n(t.short));
                }
            }
            None => push(out, tok, Fh::new(36).n(d as u64)),
        }
    }
    // Without `CONTEXT` there is no document (and nothing left to do).
    let Some(doc) = doc.filter(|_| CONTEXT) else {
        return;
    };

    if on(flags::DOC_CASE) {
        let df = u64::from(doc.get(t.key));
        push(out, false, Fh::new(45).n(df).n(t.short).n(caps));
        push(out, false, Fh::new(46).n(df).n(first).n(caps));
    }
    if on(flags::AGGREGATE) && (t.init_cap || t.all_caps) {
        let few = if on(flags::AGG_FEW) { 4 } else { AGG_MAX };
        for &(p, n) in doc.contexts(t.lower).iter().take(few) {
            if on(flags::AGG_JOINT) {
                push(out, false, Fh::new(72).n(p).n(n));
            } else {
                push(out, false, Fh::new(70).n(p));
                push(out, false, Fh::new(71).n(n));
            }
        }
    }
    if !on(flags::GAZETTEER) {
        return;
    }

    // Gazetteer hits of this token and its neighbours.
    let g = |d: isize| pick(sent.gaz, ii + d).copied().unwrap_or(0);
    let g0 = g(0);
    if g0 != 0 {
        for b in 0..16u32 {
            if g0 & (1 << b) != 0 {
                push(out, false, Fh::new(50).n(u64::from(b)));
                if !on(flags::NO_GAZ_SHAPE) {
                    push(out, false, Fh::new(51).n(u64::from(b)).n(t.short));
                }
            }
        }
    } else {
        push(out, false, Fh::new(52));
    }
    push(
        out,
        false,
        Fh::new(53)
            .n(u64::from(g(-1)))
            .n(u64::from(g0))
            .n(u64::from(g(1))),
    );
}

/// Features that depend on the labels already chosen (`t1`, `t2`: the two
/// previous labels, `u16::MAX` before the start).
pub(crate) fn dynamic_features(
    sent: &Sent,
    hist: &History,
    i: usize,
    t1: u64,
    t2: u64,
    features: u32,
    out: &mut Vec<u64>,
) {
    let Some(t) = sent.toks.get(i) else {
        return;
    };
    let push = |out: &mut Vec<u64>, f: Fh| out.push(f.done());
    push(out, Fh::new(60).n(t1));
    push(out, Fh::new(61).n(t1).n(t2));
    if features & flags::NO_LABEL_WORD == 0 {
        push(out, Fh::new(62).n(t1).n(t.lower));
    }
    push(out, Fh::new(63).n(t1).n(t.short));
    if features & flags::HISTORY == 0 {
        return;
    }
    let he = hist.exact.get(&t.word).copied();
    let hl = hist.lower.get(&t.lower).copied();
    if let Some(h) = he {
        push(out, Fh::new(64).n(u64::from(h)));
        push(out, Fh::new(65).n(u64::from(h)).n(t1));
    }
    if let Some(h) = hl {
        push(out, Fh::new(66).n(u64::from(h)).n(u64::from(sent.all_caps)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_features_are_bounded_and_case_aware() {
        let lex = Lexicon::default();
        let long = "É".repeat(10_000);
        let tok = |w: &str| Tok::new(w, &lex, &mut Vec::new());
        let t = tok(&long);
        let d = Detail::new(&normalise(&long));
        assert_eq!(d.n_prefix, 4);
        assert_eq!(d.n_trigrams, MAX_TRIGRAMS);
        assert!(t.all_caps && t.init_cap);
        let e = Detail::new("");
        assert_eq!((e.n_prefix, e.n_trigrams), (0, 0));
        // The ASCII fast path computes what the general one does.
        for w in [
            "",
            "a",
            "ab",
            "abc",
            "paris",
            "mcdonald's-2",
            "abcdefghijklmnopq",
        ] {
            let (a, g) = (Detail::new(w), Detail::general(w));
            assert_eq!(
                (a.prefix, a.suffix, a.n_prefix),
                (g.prefix, g.suffix, g.n_prefix)
            );
            assert_eq!(
                (a.trigrams, a.n_trigrams),
                (g.trigrams, g.n_trigrams),
                "{w}"
            );
        }
        let a = tok("Paris");
        let b = tok("PARIS");
        assert_eq!(a.lower, b.lower);
        assert_ne!(a.word, b.word);
        assert_ne!(a.shape, b.shape);
        assert_eq!(tok("1996").lower, tok("2024").lower);
        let starts: Vec<Start> = ["iPhone", "said", "49ers", "--", "'s", "", "北京", "van"]
            .iter()
            .map(|w| tok(w).start)
            .collect();
        use Start::*;
        assert_eq!(
            starts,
            [Cased, Lower, Digit, Punct, Other, Other, Other, Particle]
        );
        for w in ["McDonald's-2", "", "a", "ABC123xyz", &"Ab".repeat(20), "--"] {
            let (a, up, low, alnum) = ascii_shapes(w.as_bytes());
            let b = shapes(w);
            assert_eq!(a.long.get(..a.long_len), b.long.get(..b.long_len), "{w}");
            assert_eq!(a.short.get(..a.short_len), b.short.get(..b.short_len));
            assert_eq!(up, w.chars().any(char::is_uppercase));
            assert_eq!(low, w.chars().any(char::is_lowercase));
            assert_eq!(alnum, w.chars().any(char::is_alphanumeric));
        }
        let sh = shapes("McDonald's-2");
        assert_eq!(sh.long.get(..sh.long_len), Some(&b"XxXxxxxx'x-d"[..]));
        assert_eq!(sh.short.get(..sh.short_len), Some(&b"XxXx'x-d"[..]));
    }

    #[test]
    fn lean_flags_drop_their_templates() {
        let lex = Lexicon::default();
        let gaz = Gazetteer::default();
        let mut doc = DocToks::default();
        doc.prepare(
            &[
                vec!["Anna", "Berg", "met", "Carl", "Dorn", "in", "Oslo", "."],
                vec!["Later", "Anna", "Berg", "left", "Oslo", "for", "Rome", "."],
            ],
            &lex,
            &gaz,
            true,
        );
        let count = |features: u32, s: usize, i: usize| {
            let info = DocInfo::new(&doc, features);
            let mut out = Vec::new();
            static_features(&doc.sent(s), &info, i, features, &mut out);
            out.len()
        };
        let base = flags::ALL & !(flags::LEX | flags::LEX_CONTEXT);
        // "Anna" in the second sentence: mid-sentence, with one other
        // capitalised mention (one aggregation context, two rows).
        for (flag, fewer) in [
            (flags::NO_FAR, 2),
            (flags::NO_BIGRAM, 2),
            (flags::NO_EXACT, 2),
            (flags::NO_NBIGRAM, 2),
            (flags::NO_SHAPE_WORD, 2),
            (flags::NO_NSHAPE, 2),
            (flags::AGG_JOINT, 2),
        ] {
            assert_eq!(
                count(base | flag, 1, 1) + fewer,
                count(base, 1, 1),
                "{flag}"
            );
        }
        assert_eq!(count(base | flags::AGG_FEW, 1, 1), count(base, 1, 1));
    }

    #[test]
    fn token_and_context_parts_make_the_static_features() {
        let lex = Lexicon::default();
        let gaz = Gazetteer::default();
        let mut doc = DocToks::default();
        doc.prepare(
            &[
                vec![
                    "Anna", "Berg", "of", "the", "Acme", "Corp", "said", "so", ".",
                ],
                vec!["WEATHER", "-", "RAIN", "IN", "OSLO"],
                vec!["Ölçü", "1996", "van", "Dam", "McDonald's-2"],
            ],
            &lex,
            &gaz,
            true,
        );
        let info = DocInfo::new(&doc, flags::ALL);
        for s in doc.sents() {
            for i in 0..s.toks.len() {
                let (mut all, mut parts) = (Vec::new(), Vec::new());
                static_features(&s, &info, i, flags::ALL, &mut all);
                token_features(&s, i, flags::ALL, &mut parts);
                let own = parts.len();
                context_features(&s, &info, i, flags::ALL, &mut parts);
                assert!(own >= 8 && parts.len() > own);
                all.sort_unstable();
                parts.sort_unstable();
                assert_eq!(all, parts);
            }
        }
    }

    #[test]
    fn plain_word_shapes_match_computed_ones() {
        let long_lower = "a".repeat(SHAPE_CHARS + 7);
        let long_cap = format!("B{}", "a".repeat(SHAPE_CHARS + 3));
        let long_upper = "C".repeat(SHAPE_CHARS);
        let words = [
            "a",
            "I",
            "said",
            "Paris",
            "NATO",
            "Ab",
            "AB",
            "iPhone",
            "McDonald",
            "x2",
            "don't",
            "Élan",
            "",
            &long_lower,
            &long_cap,
            &long_upper,
        ];
        for w in words {
            let t = Tok::new(w, &Lexicon::default(), &mut Vec::new());
            let sh = if w.is_ascii() {
                ascii_shapes(w.as_bytes()).0
            } else {
                shapes(w)
            };
            let long = Fh::new(3).bytes(&sh.long[..sh.long_len]).done();
            let short = Fh::new(4).bytes(&sh.short[..sh.short_len]).done();
            assert_eq!((t.shape, t.short), (long, short), "{w}");
        }
        let plain = |w: &str| Tok::new(w, &Lexicon::default(), &mut Vec::new()).class;
        assert_eq!(plain("said"), Plain::Lower);
        assert_eq!(plain("Paris"), Plain::Cap);
        assert_eq!(plain("NATO"), Plain::Upper);
        assert_eq!(plain("I"), Plain::Upper);
        assert_eq!(plain("McDonald"), Plain::No);
        assert_eq!(plain("x2"), Plain::No);
    }

    #[test]
    fn word_at_a_time_preparation_matches_the_general_one() {
        let words = [
            "a",
            "I",
            "de",
            "De",
            "della",
            "dellas",
            "van",
            "said",
            "Paris",
            "NATO",
            "iPhone",
            "McDonald's-2",
            "1996",
            "3rd",
            "49ers",
            "--",
            "'s",
            "\"",
            "U.S.",
            "al-Assad",
            "abcdefgh",
            "Abcdefgh",
            "abcdefghi",
            "ABCDEFGHIJKLMNOP",
            "abcdefghijklmno7",
            "x\u{7f}",
            "tab\there",
            "@",
            "e-mail",
            "A1",
            "Z",
            "z",
            "0",
            "9",
            "{}",
            "[`~]",
        ];
        for w in words {
            let (mut n1, mut n2) = (Vec::new(), Vec::new());
            let Some(a) = Prep::short_ascii(w.as_bytes(), &mut n1) else {
                panic!("{w}");
            };
            let g = Prep::general(w, &mut n2);
            assert_eq!(n1, n2, "{w}");
            assert_eq!(n1, normalise(w).as_bytes(), "{w}");
            assert_eq!(a.key, hash_str(&normalise(w)), "{w}");
            assert_eq!(
                (
                    a.key,
                    a.init_cap,
                    a.has_upper,
                    a.has_lower,
                    a.start,
                    a.class
                ),
                (
                    g.key,
                    g.init_cap,
                    g.has_upper,
                    g.has_lower,
                    g.start,
                    g.class
                ),
                "{w}"
            );
        }
        for w in ["", "Élan", "abcdefghijklmnopq"] {
            assert!(Prep::short_ascii(w.as_bytes(), &mut Vec::new()).is_none());
        }
        // Every single byte and pair of ASCII bytes.
        for x in 0u8..128 {
            for y in [None, Some(b'a'), Some(b'Q'), Some(b'5'), Some(b'-')] {
                let mut b = vec![x];
                b.extend(y);
                let w = std::str::from_utf8(&b).unwrap_or("");
                let (mut n1, mut n2) = (Vec::new(), Vec::new());
                let a = Prep::short_ascii(w.as_bytes(), &mut n1).map(|p| {
                    (
                        p.key,
                        p.init_cap,
                        p.has_upper,
                        p.has_lower,
                        p.start,
                        p.class,
                    )
                });
                let g = Prep::general(w, &mut n2);
                let g = (
                    g.key,
                    g.init_cap,
                    g.has_upper,
                    g.has_lower,
                    g.start,
                    g.class,
                );
                assert_eq!((a, &n1), (Some(g), &n2), "{b:?}");
            }
        }
    }

    #[test]
    fn particle_table_holds_exactly_the_particles() {
        for p in NAME_PARTICLES {
            assert!(is_particle64(word64(p)), "{p}");
        }
        for w in [
            "", "a", "d", "dell", "vans", "the", "said", "deb", "ibm", "ven",
        ] {
            assert!(!is_particle64(word64(w)), "{w}");
        }
    }

    #[test]
    fn undone_inverts_done() {
        for x in [0u64, 1, 42, u64::MAX, 0x9E37_79B9_7F4A_7C15] {
            assert_eq!(undone(Fh(x).done()), x);
            let f = Fh::new(200).n(x);
            assert_eq!(undone(f.done()), f.state());
        }
    }

    #[test]
    fn hash_tails_match_zero_padding() {
        let data: Vec<u8> = (1..=40u8).map(|b| b.wrapping_mul(37)).collect();
        for len in 0..=data.len() {
            let b = &data[..len];
            let rem = &b[len - len % 8..];
            let mut a = [0u8; 8];
            a[..rem.len()].copy_from_slice(rem);
            assert_eq!(tail64(b), u64::from_le_bytes(a), "length {len}");
        }
    }

    #[test]
    fn only_routine_sentence_openers_go_unscored() {
        let lex = Lexicon::default();
        let gaz = Gazetteer::default();
        let mut doc = DocToks::default();
        doc.prepare(
            &[
                vec!["The", "plan", "failed", "."],
                vec!["\u{201c}", "But", "we", "tried", "."],
                vec!["The", "Hague", "ruled", "."],
                vec!["Paris", "agreed", "."],
                vec!["May", "said", "no", "."],
                vec!["THE", "END"],
                vec!["They", "said", "The", "plan", "failed"],
            ],
            &lex,
            &gaz,
            false,
        );
        let opener = |s: usize, i: usize| routine_opener(doc.sent(s).toks, i);
        let scored = |s: usize, i: usize| always_scored(doc.sent(s).toks, i);
        // A function word before a lower-case word, also after an opening quote.
        assert!(opener(0, 0) && !scored(0, 0));
        assert!(opener(1, 1) && !scored(1, 1));
        // Before a capitalised word it may begin a name: scored.
        assert!(!opener(2, 0) && scored(2, 0));
        // Not a function word, a name that is also a word, capitals, or
        // not at the start of the sentence: scored.
        assert!(!opener(3, 0) && scored(3, 0));
        assert!(!opener(4, 0) && scored(4, 0));
        assert!(!opener(5, 0) && scored(5, 0));
        assert!(!opener(6, 2) && scored(6, 2));
    }

    #[test]
    fn headline_sentences_are_detected() {
        let lex = Lexicon::default();
        let gaz = Gazetteer::default();
        let mut doc = DocToks::default();
        doc.prepare(
            &[
                vec!["SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN"],
                vec!["Japan", "won", "in", "TOKYO"],
                vec!["a"],
            ],
            &lex,
            &gaz,
            false,
        );
        assert!(doc.sent(0).all_caps);
        assert!(!doc.sent(1).all_caps);
        let mut out = Vec::new();
        static_features(&doc.sent(2), &DocInfo::default(), 5, flags::ALL, &mut out);
        assert!(out.is_empty());
        static_features(
            &doc.sent(7),
            &DocInfo::new(&doc, flags::ALL),
            0,
            flags::ALL,
            &mut out,
        );
        assert!(out.is_empty());
        // Reused buffers give the same preparation as fresh ones.
        doc.prepare(&[vec!["Japan", "won"]], &lex, &gaz, false);
        assert_eq!(doc.len(), 1);
        assert_eq!(doc.sent(0).norm(1), "won");
        let mut info = DocInfo::default();
        info.fill(&doc, flags::ALL);
        info.fill(&doc, flags::ALL);
        let japan = doc.sent(0).toks[0].lower;
        assert_eq!(info.contexts(japan), &[(BOS, doc.sent(0).toks[1].lower)]);
    }
}
