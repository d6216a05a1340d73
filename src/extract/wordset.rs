//! Constant word lists with hashed membership tests.
//!
//! The extractors test every token against lists of a few dozen to a few
//! hundred words; a linear `<[&str]>::contains` per token dominated their
//! profiles. A [`WordSet`] is declared like the slice it replaces and builds
//! its hash table on first use.

use std::collections::HashSet;
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

/// A constant list of words with a lazily built hash set for `contains`.
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str, FxBuild>>,
}

impl WordSet {
    /// Wraps a constant list; the set is built on the first lookup.
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
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(*word)
    }

    /// The words, in their declared order.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
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
}
