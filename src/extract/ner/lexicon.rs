//! Word-level resources shipped inside the model: a distributional lexicon
//! (word clusters and capitalisation ratio learnt from unlabelled news) and a
//! gazetteer of multi-word names (learnt from labelled data other than the
//! training set).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::features::{hash_str, normalise, undone, Fh};

/// Hasher for keys that are already well-mixed 64-bit hashes: SipHash
/// would only cost time on the tagging path.
#[derive(Default, Clone, Copy)]
pub(crate) struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by feature hashes.
pub(crate) type HashMap64<V> = HashMap<u64, V, BuildHasherDefault<PreHashed>>;

/// Packed lexicon value: bits 0–11 fine cluster, 12–19 middle cluster,
/// 20–25 coarse cluster, 26–29 capitalisation bucket.
pub(crate) fn pack(fine: u32, mid: u32, coarse: u32, cap: u32) -> u32 {
    (fine & 0xFFF) | ((mid & 0xFF) << 12) | ((coarse & 0x3F) << 20) | ((cap & 0xF) << 26)
}

/// Cluster id at granularity `g` (0 fine, 1 middle, 2 coarse).
pub(crate) fn cluster(v: u32, g: u32) -> u32 {
    match g {
        0 => v & 0xFFF,
        1 => (v >> 12) & 0xFF,
        _ => (v >> 20) & 0x3F,
    }
}

/// How often the word is capitalised when not sentence-initial, in 11 buckets.
pub(crate) fn cap_bucket(v: u32) -> u32 {
    (v >> 26) & 0xF
}

/// Word → packed distributional information, keyed by the hash of the
/// normalised (lower-cased, digits → 0) form; sorted for binary search.
#[derive(Default, Debug, Clone)]
pub struct Lexicon {
    pub(crate) entries: Vec<(u64, u32)>,
}

impl Lexicon {
    pub(crate) fn from_entries(mut entries: Vec<(u64, u32)>) -> Lexicon {
        entries.sort_unstable();
        entries.dedup_by_key(|e| e.0);
        Lexicon { entries }
    }

    /// Packed entry of a word, by the `hash_str` of its normalised form.
    pub(crate) fn get_key(&self, h: u64) -> Option<u32> {
        if self.entries.is_empty() {
            return None;
        }
        self.entries
            .binary_search_by_key(&h, |e| e.0)
            .ok()
            .and_then(|i| self.entries.get(i))
            .map(|e| e.1)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Longest name the gazetteer matches, in tokens.
pub(crate) const GAZ_MAX_TOKENS: usize = 6;

/// Multi-word names → bit set of entity types (bit = `NerType as u8`).
#[derive(Default, Debug, Clone)]
pub struct Gazetteer {
    pub(crate) entries: HashMap64<u8>,
    /// One bit per value of `FILTER_BITS` bits of a key's hash state
    /// before finalisation ([`Fh::state`], recovered from the key by
    /// [`undone`]), set for every key in `entries`: tagging probes up to
    /// six token sequences per token, almost none of them a name, and this
    /// 128 KB bit set answers most probes without finalising the hash or
    /// touching the hash table.
    filter: Vec<u64>,
}

const FILTER_BITS: u32 = 20;

/// Word and bit of the hash state `state` in [`Gazetteer::filter`]. The
/// state's last step is a multiplication rotated left by 29: bits 9..29
/// are the product's top bits, the best mixed ones.
fn filter_slot(state: u64) -> (usize, u64) {
    let b = (state >> 9) & ((1 << FILTER_BITS) - 1);
    ((b >> 6) as usize, 1u64 << (b & 63))
}

fn token_key(word: &str) -> u64 {
    hash_str(&normalise(word))
}

fn seq_key(keys: &[u64]) -> u64 {
    keys.iter().fold(Fh::new(200), |h, &k| h.n(k)).done()
}

impl Gazetteer {
    /// Add a name (its tokens) of type `ty` (0 PER, 1 ORG, 2 LOC, 3 MISC).
    pub(crate) fn add<S: AsRef<str>>(&mut self, tokens: &[S], ty: u8) {
        if tokens.is_empty() || tokens.len() > GAZ_MAX_TOKENS || ty > 3 {
            return;
        }
        let keys: Vec<u64> = tokens.iter().map(|t| token_key(t.as_ref())).collect();
        self.insert(seq_key(&keys), 1 << ty);
    }

    /// A gazetteer from stored (sequence key, types) entries.
    pub(crate) fn from_entries(entries: HashMap64<u8>) -> Gazetteer {
        let mut filter = vec![0u64; 1 << (FILTER_BITS - 6)];
        for &k in entries.keys() {
            let (w, bit) = filter_slot(undone(k));
            if let Some(x) = filter.get_mut(w) {
                *x |= bit;
            }
        }
        Gazetteer { entries, filter }
    }

    fn insert(&mut self, key: u64, types: u8) {
        *self.entries.entry(key).or_insert(0) |= types;
        if self.filter.is_empty() {
            self.filter = vec![0; 1 << (FILTER_BITS - 6)];
        }
        let (w, bit) = filter_slot(undone(key));
        if let Some(x) = self.filter.get_mut(w) {
            *x |= bit;
        }
    }

    /// Types of the name whose sequence hash is `h` (0: none).
    #[inline(always)]
    fn get(&self, h: Fh) -> u8 {
        let (w, bit) = filter_slot(h.state());
        if self.filter.get(w).is_none_or(|x| x & bit == 0) {
            return 0;
        }
        self.entries.get(&h.done()).copied().unwrap_or(0)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Add every name of `other` (types are united).
    pub fn merge(&mut self, other: Gazetteer) {
        for (k, v) in other.entries {
            self.insert(k, v);
        }
    }

    /// Per token, bit `type*4 + pos` (pos 0 begin, 1 inside, 2 last,
    /// 3 unit) for every gazetteer name the sentence contains.
    #[cfg(test)]
    pub(crate) fn mark(&self, words: &[&str]) -> Vec<u16> {
        let keys: Vec<u64> = words.iter().map(|w| token_key(w)).collect();
        self.mark_keys(&keys)
    }

    /// [`Gazetteer::mark`] from the tokens' keys (`hash_str` of the
    /// normalised forms).
    #[cfg(test)]
    pub(crate) fn mark_keys(&self, keys: &[u64]) -> Vec<u16> {
        let mut out = Vec::new();
        self.mark_into(keys, &mut out);
        out
    }

    /// [`Gazetteer::mark_keys`] appended to `out`.
    #[cfg(test)]
    pub(crate) fn mark_into(&self, keys: &[u64], out: &mut Vec<u16>) {
        let base = out.len();
        out.resize(base + keys.len(), 0);
        let marks = out.get_mut(base..).unwrap_or(&mut []);
        self.mark_span(keys, 0, keys.len(), marks);
    }

    /// Complete the marks of tokens `lo..hi` of a sentence with keys
    /// `keys`: every name covering one of them is ORed into `marks` (one
    /// entry per token of the sentence; names reaching outside `lo..hi`
    /// mark there too, so marks outside are partial). The tagger only
    /// needs the marks of scored tokens and their neighbours, and a name
    /// found twice marks the same bits.
    pub(crate) fn mark_span(&self, keys: &[u64], lo: usize, hi: usize, marks: &mut [u16]) {
        self.mark_span_from(keys, lo, hi, 0, marks);
    }

    /// [`Gazetteer::mark_span`] after an earlier call on the same `keys`
    /// and `marks` for a span that ended at `probed` (at most `lo`): that
    /// call probed every sequence starting below `probed` that reaches
    /// past its own span, which includes every one this span needs from
    /// those starts, so only later starts are probed again.
    pub(crate) fn mark_span_from(
        &self,
        keys: &[u64],
        lo: usize,
        hi: usize,
        probed: usize,
        marks: &mut [u16],
    ) {
        if self.entries.is_empty() {
            return;
        }
        let first = lo.saturating_sub(GAZ_MAX_TOKENS - 1).max(probed.min(lo));
        for start in first..hi.min(keys.len()) {
            let mut h = Fh::new(200);
            for n in 1..=GAZ_MAX_TOKENS {
                let Some(&k) = keys.get(start + n - 1) else {
                    break;
                };
                h = h.n(k);
                if start + n <= lo {
                    continue;
                }
                let types = u16::from(self.get(h));
                if types == 0 {
                    continue;
                }
                for ty in 0..4u16 {
                    if types & (1 << ty) == 0 {
                        continue;
                    }
                    for (j, slot) in marks.iter_mut().skip(start).take(n).enumerate() {
                        let pos = if n == 1 {
                            3
                        } else if j == 0 {
                            0
                        } else if j + 1 == n {
                            2
                        } else {
                            1
                        };
                        *slot |= 1 << (ty * 4 + pos);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_marks_bilou_positions() {
        let mut g = Gazetteer::default();
        g.add(&["New", "York", "City"], 2);
        g.add(&["York"], 0);
        let m = g.mark(&["in", "new", "York", "City", "today"]);
        assert_eq!(m[0], 0);
        assert_eq!(m[1], 1 << 8);
        assert_eq!(m[2], (1 << 9) | (1 << 3));
        assert_eq!(m[3], 1 << 10);
        assert!(g.mark(&[]).is_empty());
        // A span's marks are complete whatever the span.
        let keys: Vec<u64> = ["in", "new", "York", "City", "today"]
            .iter()
            .map(|w| token_key(w))
            .collect();
        for lo in 0..5 {
            for hi in lo..=5 {
                let mut part = vec![0u16; 5];
                g.mark_span(&keys, lo, hi, &mut part);
                assert_eq!(part[lo..hi], m[lo..hi], "{lo}..{hi}");
            }
        }
    }

    #[test]
    fn spans_marked_in_turn_skip_nothing() {
        let mut g = Gazetteer::default();
        g.add(&["New", "York", "City"], 2);
        g.add(&["York"], 0);
        g.add(&["Kent"], 1);
        g.add(&["a", "b", "c", "d", "e", "f"], 3);
        let words = [
            "in", "New", "York", "City", "a", "b", "c", "d", "e", "f", "Kent", "New", "York",
        ];
        let keys: Vec<u64> = words.iter().map(|w| token_key(w)).collect();
        let n = keys.len();
        // Every split of the sentence into disjoint spans with gaps.
        for a1 in 0..n {
            for b1 in a1 + 1..=n {
                for a2 in b1 + 1..n {
                    for b2 in a2 + 1..=n {
                        let mut each = vec![0u16; n];
                        g.mark_span(&keys, a1, b1, &mut each);
                        g.mark_span(&keys, a2, b2, &mut each);
                        let mut chained = vec![0u16; n];
                        g.mark_span_from(&keys, a1, b1, 0, &mut chained);
                        g.mark_span_from(&keys, a2, b2, b1, &mut chained);
                        assert_eq!(each, chained, "{a1}..{b1}, {a2}..{b2}");
                    }
                }
            }
        }
    }

    #[test]
    fn lexicon_packs_and_finds() {
        let v = pack(700, 100, 30, 7);
        assert_eq!(
            (cluster(v, 0), cluster(v, 1), cluster(v, 2), cap_bucket(v)),
            (700, 100, 30, 7)
        );
        let lex = Lexicon::from_entries(vec![(hash_str("paris"), v)]);
        assert_eq!(lex.get_key(hash_str("paris")), Some(v));
        assert_eq!(lex.get_key(hash_str("london")), None);
    }
}
