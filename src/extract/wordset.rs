//! Constant word lists with hashed membership tests.
//!
//! The extractors test every token against lists of a few dozen to a few
//! hundred words; a linear `<[&str]>::contains` per token dominated their
//! profiles. A [`WordSet`] is declared like the slice it replaces and builds
//! its hash table on first use.

use std::collections::HashMap;

use super::swar::{le64, pad64};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FxHash (the rustc hasher): much cheaper than SipHash on short words, and
/// the keys are our own constant lists, so flooding resistance buys nothing.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    /// Mix in one 64-bit word. [`Hasher::write`] reads bytes as
    /// little-endian words, so a hash built from `add` and `write` alone is
    /// the same on every platform.
    #[inline]
    pub fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// `BuildHasher` for std maps and sets keyed by short strings.
pub type FxBuild = BuildHasherDefault<FxHasher>;

/// A constant list of words with a lazily built table for `contains`.
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<ShortMap<()>>,
}

impl WordSet {
    /// Wraps a constant list; the table is built on the first lookup.
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    /// True when `word` is in the list (same signature as `<[&str]>::contains`
    /// so call sites read as before).
    #[inline]
    pub fn contains(&self, word: &&str) -> bool {
        self.set
            .get_or_init(|| ShortMap::new(self.words.iter().map(|w| (w.as_bytes(), ()))))
            .get(word.as_bytes())
            .is_some()
    }

    /// The words, in their declared order.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

/// Longest key held inline in a [`ShortMap`] slot.
pub const SHORT: usize = 16;

/// A constant map from byte strings, for lookups of every token. Keys of
/// up to [`SHORT`] bytes sit in the slots themselves as two zero-padded
/// words and their length, so a lookup is one probe of an open-addressing
/// table with no pointer to follow and no `memcmp` call; a std map of
/// `&str` or `Box<[u8]>` keys reads each candidate key from wherever it
/// was allocated, a cache miss on most probes. Longer keys go to a std map.
pub struct ShortMap<V> {
    /// Bit `n` set: some key has `n` bytes (`n` ≤ [`SHORT`]); most tokens
    /// are turned away by their length alone.
    lens: u32,
    /// `64 - log2(slots.len())`.
    shift: u32,
    slots: Box<[Slot<V>]>,
    long: HashMap<Box<[u8]>, V, FxBuild>,
}

impl<V> std::fmt::Debug for ShortMap<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ShortMap")
            .field("slots", &self.slots.len())
            .field("long", &self.long.len())
            .finish()
    }
}

#[derive(Clone, Copy)]
struct Slot<V> {
    lo: u64,
    hi: u64,
    /// Key length; [`EMPTY`] for a free slot.
    len: u8,
    val: V,
}

const EMPTY: u8 = u8::MAX;

impl<V: Copy + Default> ShortMap<V> {
    /// The map of `pairs` (a later value for the same key wins).
    pub fn new<'k>(pairs: impl IntoIterator<Item = (&'k [u8], V)>) -> Self {
        let pairs: Vec<(&[u8], V)> = pairs.into_iter().collect();
        // At most half full, so every probe sequence meets a free slot.
        let size = (pairs.len() * 2).next_power_of_two().max(8);
        let mut m = ShortMap {
            lens: 0,
            shift: 64 - size.trailing_zeros(),
            slots: vec![
                Slot {
                    lo: 0,
                    hi: 0,
                    len: EMPTY,
                    val: V::default(),
                };
                size
            ]
            .into_boxed_slice(),
            long: HashMap::default(),
        };
        for (k, v) in pairs {
            m.insert(k, v);
        }
        m
    }

    fn insert(&mut self, key: &[u8], val: V) {
        if key.len() > SHORT {
            self.long.insert(key.into(), val);
            return;
        }
        let (lo, hi) = split16(key);
        let len = key.len() as u8;
        self.lens |= 1 << key.len();
        let mask = self.slots.len() - 1;
        let mut i = self.slot(lo, hi, len);
        while let Some(s) = self.slots.get_mut(i) {
            if s.len == EMPTY || (s.len == len && s.lo == lo && s.hi == hi) {
                *s = Slot { lo, hi, len, val };
                return;
            }
            i = (i + 1) & mask;
        }
    }

    #[inline(always)]
    fn slot(&self, lo: u64, hi: u64, len: u8) -> usize {
        let x =
            (lo ^ hi.rotate_left(23) ^ u64::from(len) << 56).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        // `shift` is at least 33 (tables hold far fewer than 2^31 keys).
        (x >> self.shift) as usize
    }

    /// The value of `key`.
    #[inline]
    pub fn get(&self, key: &[u8]) -> Option<V> {
        if key.len() > SHORT {
            return self.long.get(key).copied();
        }
        if self.lens & (1 << key.len()) == 0 {
            return None;
        }
        let (lo, hi) = split16(key);
        self.get_short(lo, hi, key.len())
    }

    /// The value of the key of `len` ≤ [`SHORT`] bytes that [`split16`]
    /// gives as `lo`, `hi`.
    #[inline]
    pub fn get_short(&self, lo: u64, hi: u64, len: usize) -> Option<V> {
        if len > SHORT || self.lens & (1 << len) == 0 {
            return None;
        }
        let len = len as u8;
        let mask = self.slots.len() - 1;
        let mut i = self.slot(lo, hi, len);
        loop {
            let s = self.slots.get(i)?;
            if s.len == len && s.lo == lo && s.hi == hi {
                return Some(s.val);
            }
            if s.len == EMPTY {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

/// A key of at most 16 bytes as two little-endian words padded with zeros
/// (longer keys: their first 16 bytes).
#[inline(always)]
pub fn split16(b: &[u8]) -> (u64, u64) {
    if b.len() <= 8 {
        (pad64(b), 0)
    } else {
        (le64(b), pad64(b.get(8..).unwrap_or(&[])))
    }
}

impl IntoIterator for &WordSet {
    type Item = &'static &'static str;
    type IntoIter = std::slice::Iter<'static, &'static str>;
    fn into_iter(self) -> Self::IntoIter {
        self.words.iter()
    }
}

/// English month names, lower-cased, January first (a month's number is its
/// index plus one).
pub const MONTH_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

#[cfg(test)]
mod tests {
    use super::*;

    static SET: WordSet = WordSet::new(&["said", "told", "", "président"]);

    #[test]
    fn membership_matches_the_list() {
        for w in ["said", "told", "", "président"] {
            assert!(SET.contains(&w));
        }
        for w in ["Said", "sai", "saidx", "tell", "president"] {
            assert!(!SET.contains(&w));
        }
        assert_eq!(SET.words().len(), 4);
    }

    /// Inline keys must tell apart keys that pad to the same words ("",
    /// "\0", "ab", "ab\0"), every length around the 8- and 16-byte edges,
    /// and non-ASCII bytes; a later value for a key wins, as in a std map.
    #[test]
    fn short_map_answers_as_a_std_map() {
        let mut keys: Vec<Vec<u8>> = Vec::new();
        for len in 0..=20usize {
            keys.push((0..len).map(|i| b'a' + (i % 26) as u8).collect());
            keys.push(vec![0; len]);
            keys.push((0..len).map(|i| 0xC3 ^ (i as u8)).collect());
            let mut nul_tail: Vec<u8> = (0..len).map(|i| b'A' + (i % 26) as u8).collect();
            nul_tail.push(0);
            keys.push(nul_tail);
        }
        for take in [1, 2, 3, 5] {
            let inserted: Vec<(&[u8], usize)> = keys
                .iter()
                .enumerate()
                .filter(|(i, _)| i % take == 0)
                .map(|(i, k)| (k.as_slice(), i))
                .collect();
            let map = ShortMap::new(inserted.iter().copied());
            let mut reference: HashMap<&[u8], usize> = HashMap::new();
            for (k, v) in &inserted {
                reference.insert(k, *v);
            }
            for k in &keys {
                assert_eq!(map.get(k), reference.get(k.as_slice()).copied(), "{k:?}");
                if k.len() <= SHORT {
                    let (lo, hi) = split16(k);
                    assert_eq!(map.get_short(lo, hi, k.len()), map.get(k));
                }
            }
        }
        let empty: ShortMap<u8> = ShortMap::new(std::iter::empty());
        assert_eq!(empty.get(b"said"), None);
    }
}
