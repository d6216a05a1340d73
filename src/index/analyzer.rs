//! The text analyzer behind `title`, `body` and `speaker`: tantivy's own
//! `en_stem` (split on non-alphanumerics, drop tokens of 40 bytes or more,
//! lower-case, English Snowball stemmer), done by one fused tokenizer with a
//! memo from the raw word to its stem.
//!
//! Why a memo: every statement's text is a second copy of words the article
//! body already had, so indexing with extraction on stems about 1.5 times as
//! many tokens as the articles hold, and the Snowball stemmer was a tenth of
//! all indexing CPU. News vocabulary is small next to its token count (the
//! first 1,500 AllSides articles: ~2.7M tokens, ~60k distinct words), so
//! almost every token is a lookup of a word already stemmed.
//!
//! Why fused: with the memo in place, tantivy's chain still cost more than
//! the stemming it saved (`perf`: the memo stream 4.4%, the tokenizer 1.2%,
//! the lower-caser 0.7% of all `newsdex index` CPU): every token was decoded
//! char by char, copied, lower-cased in place and then hashed. Here the text
//! is scanned as bytes (ASCII without decoding), the memo is keyed by the raw
//! slice of the text, so a hit is one hash and one copy into the token; only
//! a miss lower-cases (as tantivy's `LowerCaser` does) and stems.
//!
//! The output is token for token what tantivy's `en_stem` gives, offsets and
//! positions included (unit tests compare them on generated text), so the
//! analyzer is registered under the same name: indexes built before it, and
//! the query parser, see the same terms.
//!
//! tantivy clones the analyzer once per segment writer (and per query), so a
//! memo lives as long as a segment and is never shared between threads.
//!
//! Why a second, direct-mapped memo in front of the hash map: the map keeps
//! each word and stem in its own heap box, so a hit hashes the word, probes
//! the table, then follows a pointer to a key that is seldom in cache before
//! comparing it (`perf`: the comparison alone was 2.5% of `newsdex index`).
//! A [`Front`] slot holds a short word and its stem inline in one 64-byte
//! cache line, so a hit is one line read. It is only built once a stream has
//! seen enough distinct words to be indexing (a query's analyzer never
//! pays for the table).

use std::collections::HashMap;

use tantivy::tokenizer::{
    Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

use std::hash::Hasher;

use crate::extract::wordset::{FxBuild, FxHasher};

/// The name the schema gives the analyzer (tantivy's built-in one).
pub const EN_STEM: &str = "en_stem";

/// Distinct raw words a memo holds before it starts afresh, which bounds its
/// memory (a few MB) on corpora with an open vocabulary.
const MEMO_CAP: usize = 200_000;

/// Distinct words the hash-map memo must hold before the [`Front`] table is
/// built.
const FRONT_AFTER: usize = 4_096;

/// Slots of the [`Front`] table (a power of two): 4 MB. Each thread writing
/// a segment has its own.
const FRONT_SLOTS: usize = 1 << 16;

/// tantivy's `en_stem` drops a token whose text (before lower-casing) has
/// this many bytes or more; it still takes up a position.
const LONG_LIMIT: usize = 40;

/// `en_stem` as one tokenizer with a memoised stemmer.
pub fn en_stem() -> TextAnalyzer {
    TextAnalyzer::from(EnStem::default())
}

/// Register [`en_stem`] on an index, replacing tantivy's default of that name.
pub fn register(index: &tantivy::Index) {
    index.tokenizers().register(EN_STEM, en_stem());
}

/// Byte classes for the scan: an ASCII byte that is not alphanumeric, an
/// ASCII letter or digit (exactly the ASCII chars `char::is_alphanumeric`
/// accepts), and any byte of a multi-byte char, which needs decoding.
const SEP: u8 = 0;
const ALNUM: u8 = 1;
const MULTI: u8 = 2;

static CLASS: [u8; 256] = {
    let mut t = [MULTI; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = if (b as u8).is_ascii_alphanumeric() {
            ALNUM
        } else {
            SEP
        };
        b += 1;
    }
    t
};

/// One slot of the [`Front`] table: a word of at most 32 bytes, zero-padded
/// (a word never holds a NUL byte, which is not alphanumeric, so the padding
/// cannot make two words equal and an all-zero slot matches no word), and
/// its stem of at most 31 bytes.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Slot {
    key: [u64; 4],
    stem_len: u8,
    stem: [u8; 31],
}

const EMPTY: Slot = Slot {
    key: [0; 4],
    stem_len: 0,
    stem: [0; 31],
};

/// A word's [`Front`] key and its slot, hashed once per word.
#[derive(Clone, Copy)]
struct Key {
    words: [u64; 4],
    slot: usize,
}

/// Direct-mapped memo from short raw words to their stems: a word's hash
/// picks its one slot, and a newer word that hashes there replaces it.
struct Front {
    slots: Box<[Slot]>,
}

impl Front {
    fn new() -> Front {
        let mut slots = Vec::with_capacity(FRONT_SLOTS);
        crate::mem::advise_huge_pages(&slots);
        slots.resize(FRONT_SLOTS, EMPTY);
        Front {
            slots: slots.into_boxed_slice(),
        }
    }

    /// The zero-padded key of `raw` and its slot, if `raw` is short enough
    /// for one.
    #[inline(always)]
    fn key(raw: &[u8]) -> Option<Key> {
        if raw.len() > 32 {
            return None;
        }
        let mut b = [0u8; 32];
        b[..raw.len()].copy_from_slice(raw);
        let word = |i: usize| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&b[i * 8..i * 8 + 8]);
            u64::from_le_bytes(w)
        };
        let words = [word(0), word(1), word(2), word(3)];
        Some(Key {
            words,
            slot: Front::slot_of(&words),
        })
    }

    #[inline(always)]
    fn slot_of(key: &[u64; 4]) -> usize {
        let mut h = FxHasher::default();
        for &w in key {
            h.add(w);
        }
        // The top bits of a multiplicative hash are its best mixed.
        (h.finish() >> (64 - FRONT_SLOTS.trailing_zeros())) as usize
    }

    #[inline(always)]
    fn get(&self, key: &Key) -> Option<&str> {
        let slot = self.slots.get(key.slot)?;
        if slot.key != key.words {
            return None;
        }
        let stem = slot.stem.get(..usize::from(slot.stem_len))?;
        // SAFETY: a slot's stem is only written by `put`, which copies all
        // `stem_len` bytes of a `&str` at once (an empty slot has none), so
        // they are UTF-8. Checking them again was ~0.5% of indexing.
        Some(unsafe { std::str::from_utf8_unchecked(stem) })
    }

    /// Ask the CPU to start loading the slot of `key`.
    #[inline(always)]
    fn prefetch(&self, key: &Key) {
        #[cfg(target_arch = "x86_64")]
        if let Some(slot) = self.slots.get(key.slot) {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            // SAFETY: a prefetch is only a hint to the cache: it never
            // faults, reads nothing into the program, and the address is
            // that of an element of `slots`.
            unsafe { _mm_prefetch::<_MM_HINT_T0>((slot as *const Slot).cast::<i8>()) }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = key;
    }

    fn put(&mut self, key: &Key, stem: &str) {
        if stem.len() > 31 {
            return;
        }
        if let Some(slot) = self.slots.get_mut(key.slot) {
            slot.key = key.words;
            slot.stem_len = stem.len() as u8;
            slot.stem[..stem.len()].copy_from_slice(stem.as_bytes());
        }
    }
}

/// Tokenizer: tantivy's `SimpleTokenizer`, `RemoveLongFilter::limit(40)`,
/// `LowerCaser` and English `Stemmer` in one pass.
pub struct EnStem {
    token: Token,
    /// Scratch for the lower-cased word on a memo miss.
    lower: String,
    /// tantivy's stemmer applied to one whole word: the raw tokenizer hands
    /// the word over as a single token.
    stemmer: TextAnalyzer,
    /// Raw word as it stands in the text -> its stem.
    memo: HashMap<Box<str>, Box<str>, FxBuild>,
    /// Built once the memo holds [`FRONT_AFTER`] words.
    front: Option<Front>,
}

/// A clone starts with an empty front table: it is a cache, and tantivy
/// clones the analyzer for every query, which must not copy 4 MB.
impl Clone for EnStem {
    fn clone(&self) -> Self {
        EnStem {
            token: self.token.clone(),
            lower: String::new(),
            stemmer: self.stemmer.clone(),
            memo: self.memo.clone(),
            front: None,
        }
    }
}

impl Default for EnStem {
    fn default() -> Self {
        EnStem {
            token: Token::default(),
            lower: String::new(),
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build(),
            memo: HashMap::default(),
            front: None,
        }
    }
}

impl Tokenizer for EnStem {
    type TokenStream<'a> = EnStemStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> EnStemStream<'a> {
        if self.memo.len() > MEMO_CAP {
            self.memo.clear();
        }
        if self.front.is_none() && self.memo.len() >= FRONT_AFTER {
            self.front = Some(Front::new());
        }
        self.token.reset();
        EnStemStream {
            text,
            at: 0,
            token: &mut self.token,
            lower: &mut self.lower,
            stemmer: &mut self.stemmer,
            memo: &mut self.memo,
            front: self.front.as_mut(),
            ahead: None,
        }
    }
}

/// Token stream of [`EnStem`].
pub struct EnStemStream<'a> {
    text: &'a str,
    /// Byte offset where the search for the next word starts (a char
    /// boundary).
    at: usize,
    token: &'a mut Token,
    lower: &'a mut String,
    stemmer: &'a mut TextAnalyzer,
    memo: &'a mut HashMap<Box<str>, Box<str>, FxBuild>,
    front: Option<&'a mut Front>,
    /// With a front table: the word after the current one, already found,
    /// and its key, whose slot has been asked into the cache while the
    /// current word is indexed.
    ahead: Option<(usize, usize, Option<Key>)>,
}

/// Whether the multi-byte char at byte `i` of `text` is alphanumeric, and
/// its length in bytes (0 when `i` is not a char boundary inside `text`,
/// which the callers never ask for).
#[inline]
fn multi_alnum_at(text: &str, i: usize) -> (bool, usize) {
    // `text::is_alphanumeric` answers General Punctuation (’ “ ” —), which
    // news text is full of, without the Unicode tables.
    match text.get(i..).and_then(|s| s.chars().next()) {
        Some(c) => (crate::extract::text::is_alphanumeric(c), c.len_utf8()),
        None => (false, 0),
    }
}

/// First byte at or after `i` whose class is not `class`, or `None` at the end.
#[inline(always)]
fn skip_class(bytes: &[u8], i: usize, class: u8) -> Option<usize> {
    let rest = bytes.get(i..)?;
    let k = rest.iter().position(|&b| CLASS[usize::from(b)] != class)?;
    Some(i + k)
}

impl EnStemStream<'_> {
    /// The next maximal run of alphanumeric chars, as byte offsets.
    #[inline(always)]
    fn next_word(&mut self) -> Option<(usize, usize)> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = self.at;
        let from = loop {
            let Some(k) = skip_class(bytes, i, SEP) else {
                self.at = bytes.len();
                return None;
            };
            if CLASS[usize::from(bytes[k])] == ALNUM {
                break k;
            }
            let (alnum, n) = multi_alnum_at(text, k);
            if n == 0 {
                self.at = bytes.len();
                return None;
            }
            if alnum {
                break k;
            }
            i = k + n;
        };
        let mut j = from;
        let to = loop {
            let Some(k) = skip_class(bytes, j, ALNUM) else {
                break bytes.len();
            };
            if CLASS[usize::from(bytes[k])] == SEP {
                break k;
            }
            let (alnum, n) = multi_alnum_at(text, k);
            if !alnum || n == 0 {
                break k;
            }
            j = k + n;
        };
        self.at = to;
        Some((from, to))
    }

    /// The next word and, with a front table, its key. Finds the word
    /// after it too and prefetches that word's slot: most slot reads miss
    /// the cache, and indexing the current word hides the wait.
    #[inline(always)]
    fn next_keyed(&mut self) -> Option<(usize, usize, Option<Key>)> {
        if self.front.is_none() {
            return self.next_word().map(|(from, to)| (from, to, None));
        }
        let current = match self.ahead.take() {
            Some(w) => w,
            None => {
                let (from, to) = self.next_word()?;
                (from, to, Front::key(self.text.as_bytes().get(from..to)?))
            }
        };
        if let Some((from, to)) = self.next_word() {
            let key = self.text.as_bytes().get(from..to).and_then(Front::key);
            if let (Some(front), Some(k)) = (self.front.as_deref(), key.as_ref()) {
                front.prefetch(k);
            }
            self.ahead = Some((from, to, key));
        }
        Some(current)
    }

    /// The stem of a word the memo lacks in this spelling: lower-cased (as
    /// tantivy's `LowerCaser`) and stemmed, or, for an ASCII word in another
    /// case, the memo's stem of its lower-case form.
    fn stem_new(&mut self, raw: &str) -> Box<str> {
        self.lower.clear();
        if raw.is_ascii() {
            self.lower.push_str(raw);
            self.lower.make_ascii_lowercase();
            if let Some(stem) = self.memo.get(self.lower.as_str()) {
                return stem.clone();
            }
        } else {
            for c in raw.chars() {
                self.lower.extend(c.to_lowercase());
            }
        }
        let stem: Box<str> = {
            let mut one = self.stemmer.token_stream(self.lower);
            if one.advance() {
                one.token().text.as_str().into()
            } else {
                self.lower.as_str().into()
            }
        };
        // Keyed by the lower-case form too, so "The" and "THE" are stemmed
        // once with "the". Only for ASCII, whose lower-casing is idempotent.
        if raw.is_ascii() && self.lower.as_str() != raw {
            self.memo.insert(self.lower.as_str().into(), stem.clone());
        }
        stem
    }
}

impl TokenStream for EnStemStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            // As `SimpleTokenizer`: every word found takes a position, also
            // one the length limit then drops.
            self.token.text.clear();
            self.token.position = self.token.position.wrapping_add(1);
            let Some((from, to, key)) = self.next_keyed() else {
                return false;
            };
            if to - from >= LONG_LIMIT {
                continue;
            }
            let text = self.text;
            let Some(raw) = text.get(from..to) else {
                continue;
            };
            self.token.offset_from = from;
            self.token.offset_to = to;
            if let (Some(front), Some(key)) = (self.front.as_deref(), key.as_ref()) {
                if let Some(stem) = front.get(key) {
                    self.token.text.push_str(stem);
                }
            }
            if !self.token.text.is_empty() {
                return true;
            }
            if let Some(stem) = self.memo.get(raw) {
                self.token.text.push_str(stem);
            } else {
                let stem = self.stem_new(raw);
                self.token.text.push_str(&stem);
                self.memo.insert(raw.into(), stem);
            }
            if let (Some(front), Some(key)) = (self.front.as_deref_mut(), key) {
                front.put(&key, &self.token.text);
            }
            return true;
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::TokenizerManager;

    fn all(a: &mut TextAnalyzer, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut ts = a.token_stream(text);
        while ts.advance() {
            out.push(ts.token().clone());
        }
        out
    }

    fn tokens(a: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        all(a, text)
            .into_iter()
            .map(|t| (t.text, t.offset_from, t.offset_to, t.position))
            .collect()
    }

    fn tantivy_en_stem() -> TextAnalyzer {
        TokenizerManager::default()
            .get(EN_STEM)
            .expect("tantivy ships en_stem")
    }

    #[test]
    fn same_tokens_as_tantivy_en_stem() {
        let mut ours = en_stem();
        let mut theirs = tantivy_en_stem();
        let long = "x".repeat(60);
        let texts = [
            "Talks were talking about the talked-about talks.",
            "Russia's President Vladimir Putin said RUNNING runners ran.",
            "Zelenskyy ÉLYSÉE Élysée naïve café 2025-11-30 U.S. e-mail",
            "",
            "   ",
            long.as_str(),
            "generously generous generation generals general's",
        ];
        // Twice through the same analyzers: the second pass is served from the memo.
        for _ in 0..2 {
            for t in texts {
                assert_eq!(tokens(&mut ours, t), tokens(&mut theirs, t), "{t:?}");
            }
        }
    }

    /// Pieces the generated texts are made of: words in every case and
    /// script the corpus has, words whose lower case has another byte
    /// length, words around the 40-byte limit, and separators.
    fn pieces() -> Vec<String> {
        let mut p: Vec<String> = [
            "talks",
            "Talking",
            "RUNNING",
            "generously",
            "The",
            "the",
            "THE",
            "a",
            "I",
            "Élysée",
            "ÉLYSÉE",
            "naïve",
            "café",
            "Zürich",
            "São",
            "Ångström",
            "ÆØÅ",
            "Москва",
            "МОСКВА",
            "Україна",
            "ПРИВЕТ",
            "北京市",
            "東京",
            "한국어",
            "ภาษาไทย",
            "2025",
            "11",
            "3rd",
            "1990s",
            "Ⅻ",
            "²",
            "٣",
            "İstanbul",
            "İ",
            "İİİİ",
            "ẞ",
            "STRAẞE",
            "Ⱥ",
            "\u{212A}elvin",
            "ǅemal",
            "ΣΊΣΥΦΟΣ",
            "e\u{301}te",
            "Russia's",
            "don't",
            "Putin’s",
            "e-mail",
            "talked-about",
            "U.S.",
            "mid-2020s",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for n in [38, 39, 40, 41, 45] {
            p.push("w".repeat(n));
            p.push("W".repeat(n));
            // Multi-byte words near the limit, odd and even byte counts.
            p.push("é".repeat(n / 2));
            p.push(format!("{}a", "É".repeat(n / 2)));
        }
        // 39 bytes raw, over 40 once lower-cased: kept.
        p.push(format!("{}abc", "İ".repeat(18)));
        // 40 bytes raw, under 40 once lower-cased: dropped.
        p.push(format!("{}a", "ẞ".repeat(13)));
        p.push(format!("{}k", "\u{212A}".repeat(13)));
        p
    }

    const SEPARATORS: [&str; 14] = [
        " ", " ", " ", "  ", "\n", "\t", ", ", ". ", "-", "'", "’", " — ", "\u{a0}", "😀",
    ];

    /// Deterministic xorshift, so a failure reproduces.
    struct Rng(u64);
    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    fn generated_texts() -> Vec<String> {
        let pieces = pieces();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut texts = vec![String::new(), " ".into(), " \n\t ".into(), "—’😀".into()];
        for _ in 0..400 {
            let mut t = String::new();
            if rng.below(4) == 0 {
                t.push_str(SEPARATORS[rng.below(SEPARATORS.len())]);
            }
            for _ in 0..rng.below(30) {
                t.push_str(&pieces[rng.below(pieces.len())]);
                // Sometimes glue two words, so runs mix scripts and lengths.
                if rng.below(6) != 0 {
                    t.push_str(SEPARATORS[rng.below(SEPARATORS.len())]);
                }
            }
            texts.push(t);
        }
        texts
    }

    #[test]
    fn same_tokens_as_tantivy_en_stem_on_generated_text() {
        let texts = generated_texts();
        let mut ours = en_stem();
        let mut theirs = tantivy_en_stem();
        let (mut compared, mut non_ascii, mut length_changed, mut dropped, mut at_39) =
            (0, 0, 0, 0, 0);
        // Twice through the same analyzers: the second pass is served from the memo.
        for _ in 0..2 {
            for t in &texts {
                let want = all(&mut theirs, t);
                assert_eq!(all(&mut ours, t), want, "{t:?}");
                let mut next_position = 0;
                for tok in &want {
                    compared += 1;
                    let raw = &t[tok.offset_from..tok.offset_to];
                    non_ascii += usize::from(!raw.is_ascii());
                    length_changed += usize::from(raw.to_lowercase().len() != raw.len());
                    at_39 += usize::from(raw.len() == LONG_LIMIT - 1);
                    dropped += usize::from(tok.position != next_position);
                    next_position = tok.position + 1;
                }
            }
        }
        // The mix must reach the cases the fused tokenizer treats apart.
        assert!(compared > 5_000, "{compared}");
        assert!(non_ascii > 500, "{non_ascii}");
        assert!(length_changed > 50, "{length_changed}");
        assert!(at_39 > 20, "{at_39}");
        assert!(dropped > 100, "{dropped}");
    }

    #[test]
    fn front_table_gives_the_same_tokens() {
        let mut ours = EnStem::default();
        let filler: String = (0..FRONT_AFTER).map(|i| format!("x{i}ing ")).collect();
        let mut stream = ours.token_stream(&filler);
        while stream.advance() {}
        assert!(ours.front.is_none());
        // The next stream builds the table; a clone (what tantivy hands a
        // query) starts without one.
        let _ = ours.token_stream("");
        assert!(ours.front.is_some());
        assert!(ours.clone().front.is_none());
        let mut ours = TextAnalyzer::from(ours);
        let mut theirs = tantivy_en_stem();
        // Twice: the first pass fills the table, the second reads it.
        for _ in 0..2 {
            for t in &generated_texts() {
                assert_eq!(all(&mut ours, t), all(&mut theirs, t), "{t:?}");
            }
        }
        // Words that share a slot evict each other and still stem right.
        let many: String = (0..3 * FRONT_SLOTS).map(|i| format!("y{i}ed ")).collect();
        for _ in 0..2 {
            assert_eq!(all(&mut ours, &many), all(&mut theirs, &many));
        }
    }

    #[test]
    fn long_words_are_dropped_but_take_a_position() {
        let mut ours = en_stem();
        let w39 = "w".repeat(39);
        let text = format!("one {} two {w39} three", "w".repeat(40));
        let got = tokens(&mut ours, &text);
        let got: Vec<(&str, usize)> = got.iter().map(|t| (t.0.as_str(), t.3)).collect();
        assert_eq!(
            got,
            [("one", 0), ("two", 2), (w39.as_str(), 3), ("three", 4)]
        );
    }

    #[test]
    fn general_punctuation_has_no_alphanumerics() {
        let block = '\u{2000}'..='\u{206F}';
        assert_eq!(block.clone().count(), 0x70);
        for c in block {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
        // The chars on either side are letters: the shortcut must end there.
        assert!('\u{1FFC}'.is_alphanumeric() && '\u{2071}'.is_alphanumeric());
    }

    #[test]
    fn case_variants_share_the_stem() {
        let mut ours = en_stem();
        let mut theirs = tantivy_en_stem();
        let text = "Talking TALKING talking Generously generously GENERously Ünïted ÜNÏTED";
        for _ in 0..2 {
            assert_eq!(all(&mut ours, text), all(&mut theirs, text));
        }
    }

    #[test]
    fn memo_starts_afresh_when_full() {
        let mut ours = en_stem();
        let words: String = (0..MEMO_CAP + 10).map(|i| format!("w{i}ing ")).collect();
        let first = tokens(&mut ours, &words);
        assert_eq!(first.len(), MEMO_CAP + 10);
        // The next text clears the memo and still stems correctly.
        assert_eq!(tokens(&mut ours, "talking")[0].0, "talk");
    }
}
