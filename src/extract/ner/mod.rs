//! Statistical name tagger (PER / ORG / LOC / MISC): a greedy left-to-right
//! averaged perceptron over hashed features (see `docs/parts/ner.md` for
//! why), trained on CoNLL-2003 by `newsdex train-ner`.
//!
//! ```no_run
//! use newsdex::extract::ner::Tagger;
//! let tagger = Tagger::default_model()?;
//! let names = tagger.tag_sentence(&["Peter", "Blackburn", "visited", "Kyiv"]);
//! # Ok::<(), anyhow::Error>(())
//! ```

pub mod conll;
pub mod distrib;
mod features;
pub mod gmb;
pub mod lexicon;
mod model;
pub mod train;

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Serialize;

pub use features::flags;
use features::{
    context_features, dynamic_features, token_features, DocInfo, DocToks, History, Start, Tok,
    REACH,
};
use lexicon::{Gazetteer, Lexicon};

/// Name types, as in CoNLL-2003.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum NerType {
    Per,
    Org,
    Loc,
    Misc,
}

impl NerType {
    /// All types, in label order.
    pub const ALL: [NerType; 4] = [NerType::Per, NerType::Org, NerType::Loc, NerType::Misc];

    /// CoNLL spelling: `PER`, `ORG`, `LOC`, `MISC`.
    pub fn as_str(&self) -> &'static str {
        match self {
            NerType::Per => "PER",
            NerType::Org => "ORG",
            NerType::Loc => "LOC",
            NerType::Misc => "MISC",
        }
    }

    /// Parse the CoNLL spelling.
    pub fn parse(s: &str) -> Option<NerType> {
        match s {
            "PER" => Some(NerType::Per),
            "ORG" => Some(NerType::Org),
            "LOC" => Some(NerType::Loc),
            "MISC" => Some(NerType::Misc),
            _ => None,
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    fn from_index(i: usize) -> Option<NerType> {
        NerType::ALL.get(i).copied()
    }
}

/// How names are encoded as per-token labels inside the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// Begin / inside / outside.
    Iob2 = 0,
    /// Begin / inside / last / unit / outside.
    Bilou = 1,
}

impl Scheme {
    /// Number of labels (O plus parts × 4 types).
    pub fn n_labels(self) -> usize {
        1 + 4 * self.parts()
    }

    fn parts(self) -> usize {
        match self {
            Scheme::Iob2 => 2,
            Scheme::Bilou => 4,
        }
    }

    fn label(self, ty: NerType, part: usize) -> usize {
        1 + ty.index() * self.parts() + part
    }

    /// (type, part) of a label; `None` for O.
    fn split(self, label: usize) -> Option<(NerType, usize)> {
        let l = label.checked_sub(1)?;
        Some((NerType::from_index(l / self.parts())?, l % self.parts()))
    }

    /// Whether the label after `prev` may continue a name.
    fn may_continue(self, prev: Option<usize>) -> bool {
        let p = prev.and_then(|p| self.split(p));
        match self {
            Scheme::Iob2 => p.is_some(),
            Scheme::Bilou => matches!(p, Some((_, 0)) | Some((_, 1))),
        }
    }

    /// Entity type + 1, or 0 for O: what the document history remembers.
    fn ty_code(self, label: usize) -> u8 {
        self.split(label).map_or(0, |(t, _)| t.index() as u8 + 1)
    }

    /// Whether `cur` may follow `prev` (`None`: sentence start); `last`
    /// marks the sentence's final token, where no name may stay open.
    fn allowed(self, prev: Option<usize>, cur: usize, last: bool) -> bool {
        let p = prev.and_then(|p| self.split(p));
        let c = self.split(cur);
        match self {
            Scheme::Iob2 => match c {
                Some((ty, 1)) => matches!(p, Some((pt, _)) if pt == ty),
                _ => true,
            },
            Scheme::Bilou => {
                let open = matches!(p, Some((_, 0)) | Some((_, 1)));
                if open {
                    let Some((pt, _)) = p else { return false };
                    match c {
                        Some((ty, 2)) => ty == pt,
                        Some((ty, 1)) => ty == pt && !last,
                        _ => false,
                    }
                } else {
                    match c {
                        None | Some((_, 3)) => true,
                        Some((_, 0)) => !last,
                        _ => false,
                    }
                }
            }
        }
    }

    /// Gold labels for a sentence of `n` tokens holding `spans`.
    pub(crate) fn encode(self, n: usize, spans: &[(usize, usize, NerType)]) -> Vec<u8> {
        let mut out = vec![0u8; n];
        for &(s, e, ty) in spans {
            let e = e.min(n);
            for (k, slot) in out.iter_mut().enumerate().take(e).skip(s) {
                let part = match self {
                    Scheme::Iob2 => usize::from(k != s),
                    Scheme::Bilou => {
                        if e - s == 1 {
                            3
                        } else if k == s {
                            0
                        } else if k + 1 == e {
                            2
                        } else {
                            1
                        }
                    }
                };
                *slot = self.label(ty, part) as u8;
            }
        }
        out
    }

    /// Names encoded by a label sequence (tolerant of invalid sequences).
    #[cfg(test)]
    pub(crate) fn decode(self, labels: &[u8]) -> Vec<(usize, usize, NerType)> {
        let mut out = Vec::new();
        self.decode_each(labels, |a, b, t| out.push((a, b, t)));
        out
    }

    /// [`Scheme::decode`], handing each name to `f` in order.
    pub(crate) fn decode_each(self, labels: &[u8], mut f: impl FnMut(usize, usize, NerType)) {
        let mut open: Option<(usize, NerType)> = None;
        for (i, &l) in labels.iter().enumerate() {
            // O outside a name changes nothing (most labels: the tagger
            // skips most tokens).
            if l == 0 && open.is_none() {
                continue;
            }
            let cur = self.split(usize::from(l));
            let continues = match (open, cur) {
                (Some((_, ot)), Some((ty, part))) => ot == ty && (part == 1 || part == 2),
                _ => false,
            };
            if !continues {
                if let Some((s, ty)) = open.take() {
                    f(s, i, ty);
                }
                if let Some((ty, _)) = cur {
                    open = Some((i, ty));
                }
            }
            let closes = matches!((self, cur), (Scheme::Bilou, Some((_, 2 | 3))) | (_, None));
            if closes {
                if let Some((s, ty)) = open.take() {
                    f(s, i + 1, ty);
                }
            }
        }
        if let Some((s, ty)) = open {
            f(s, labels.len(), ty);
        }
    }
}

/// Pick the best label allowed after `prev`; ties go to the lowest label so
/// decoding is deterministic.
pub(crate) fn best_label<T: PartialOrd + Copy>(
    scheme: Scheme,
    scores: &[T],
    prev: Option<usize>,
    last: bool,
) -> usize {
    let mut best: Option<(usize, T)> = None;
    for (l, &s) in scores.iter().enumerate() {
        if !scheme.allowed(prev, l, last) {
            continue;
        }
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((l, s));
        }
    }
    best.map_or(0, |(l, _)| l)
}

/// [`best_label`]'s allowed labels as bit masks, one per previous label
/// (none first) and last-token flag: the scheme's transition rules are
/// asked once per tagger instead of once per label of every scored token.
#[derive(Debug, Clone)]
pub(crate) struct Allowed {
    masks: [[u32; 2]; MAX_LABELS + 1],
}

impl Allowed {
    pub(crate) fn new(scheme: Scheme, n_labels: usize) -> Allowed {
        let mut masks = [[0u32; 2]; MAX_LABELS + 1];
        for (p, row) in masks.iter_mut().enumerate() {
            let prev = p.checked_sub(1);
            for (last, m) in row.iter_mut().enumerate() {
                for l in 0..n_labels.min(32) {
                    if scheme.allowed(prev, l, last == 1) {
                        *m |= 1 << l;
                    }
                }
            }
        }
        Allowed { masks }
    }

    /// [`best_label`] for integer scores.
    fn best(&self, scheme: Scheme, scores: &[i32], prev: Option<usize>, last: bool) -> usize {
        let row = prev.map_or(Some(0), |p| p.checked_add(1));
        let Some(mut mask) = row
            .and_then(|r| self.masks.get(r))
            .and_then(|m| m.get(usize::from(last)))
            .copied()
            .filter(|_| scores.len() <= 32)
        else {
            return best_label(scheme, scores, prev, last);
        };
        let mut best: Option<(usize, i32)> = None;
        while mask != 0 {
            let l = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            let Some(&s) = scores.get(l) else {
                break;
            };
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((l, s));
            }
        }
        best.map_or(0, |(l, _)| l)
    }
}

/// Sentences of words, as the tagger reads them: a list per sentence, or
/// one list for a whole text cut by ranges ([`FlatSentences`]).
pub trait Sentences {
    /// Number of sentences.
    fn count(&self) -> usize;
    /// Words of sentence `s` (none past the end).
    fn words(&self, s: usize) -> &[&str];
}

impl Sentences for [Vec<&str>] {
    fn count(&self) -> usize {
        self.len()
    }

    fn words(&self, s: usize) -> &[&str] {
        self.get(s).map_or(&[], Vec::as_slice)
    }
}

impl<const N: usize> Sentences for [Vec<&str>; N] {
    fn count(&self) -> usize {
        N
    }

    fn words(&self, s: usize) -> &[&str] {
        self[..].words(s)
    }
}

/// A text's words in one list, its sentences as ranges of it: one
/// allocation per text instead of one per sentence.
pub struct FlatSentences<'a, 'w> {
    pub words: &'a [&'w str],
    pub ranges: &'a [std::ops::Range<usize>],
}

impl Sentences for FlatSentences<'_, '_> {
    fn count(&self) -> usize {
        self.ranges.len()
    }

    fn words(&self, s: usize) -> &[&str] {
        self.ranges
            .get(s)
            .and_then(|r| self.words.get(r.clone()))
            .unwrap_or(&[])
    }
}

/// A trained tagger. Immutable once loaded, so it is `Send + Sync` and can
/// be shared by indexing threads behind an `Arc`.
#[derive(Debug)]
pub struct Tagger {
    scheme: Scheme,
    hash_bits: u32,
    n_labels: usize,
    scale: f32,
    features: u32,
    info: String,
    lexicon: Lexicon,
    gazetteer: Gazetteer,
    weights: Vec<i16>,
    allowed: Allowed,
    /// Distinct for every tagger made in this process: the per-thread
    /// [`StaticCache`] holds sums of one tagger's weights.
    id: u64,
}

/// A new [`Tagger::id`].
pub(crate) fn tagger_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Environment variable naming the model file for [`Tagger::default_model`].
pub const MODEL_ENV: &str = "NEWSDEX_NER_MODEL";

impl Tagger {
    /// Load a model written by `newsdex train-ner`. A truncated, corrupted or
    /// foreign file gives an error, never a panic.
    pub fn load(path: &Path) -> anyhow::Result<Tagger> {
        let bytes = std::fs::read(path)
            .with_context(|| format!("cannot read NER model {}", path.display()))?;
        Tagger::from_bytes(&bytes).with_context(|| format!("bad NER model {}", path.display()))
    }

    /// Parse a model from its bytes.
    pub fn from_bytes(bytes: &[u8]) -> anyhow::Result<Tagger> {
        let m = model::decode(bytes)?;
        Ok(Tagger {
            scheme: m.scheme,
            hash_bits: m.hash_bits,
            n_labels: m.n_labels,
            scale: m.scale,
            features: m.features,
            info: m.info,
            lexicon: m.lexicon,
            gazetteer: m.gazetteer,
            weights: m.weights,
            allowed: Allowed::new(m.scheme, m.n_labels),
            id: tagger_id(),
        })
    }

    /// `$NEWSDEX_NER_MODEL`, else `./models/ner.bin`, else the model in the
    /// source tree this binary was built from.
    pub fn default_model() -> anyhow::Result<Tagger> {
        Tagger::load(&Tagger::default_path())
    }

    /// The file [`Tagger::default_model`] loads.
    pub fn default_path() -> PathBuf {
        if let Some(p) = std::env::var_os(MODEL_ENV).filter(|p| !p.is_empty()) {
            return PathBuf::from(p);
        }
        let local = PathBuf::from("models/ner.bin");
        if local.is_file() {
            return local;
        }
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/models/ner.bin"))
    }

    /// How the model was trained (JSON written by `train-ner`).
    pub fn info(&self) -> &str {
        &self.info
    }

    /// The distributional lexicon shipped in the model.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The model's serialised form (what [`Tagger::load`] reads).
    pub fn to_bytes(&self) -> Vec<u8> {
        model::encode(&model::ModelData {
            scheme: self.scheme,
            hash_bits: self.hash_bits,
            n_labels: self.n_labels,
            scale: self.scale,
            features: self.features,
            info: self.info.clone(),
            lexicon: self.lexicon.clone(),
            gazetteer: self.gazetteer.clone(),
            weights: self.weights.clone(),
        })
    }

    /// Names in one sentence: token ranges `[start, end)` and their type.
    pub fn tag_sentence(&self, words: &[&str]) -> Vec<(usize, usize, NerType)> {
        self.tag_document(&[words.to_vec()])
            .pop()
            .unwrap_or_default()
    }

    /// Names in each sentence of one document. Tagging a whole article at
    /// once lets a name's other mentions (and how the article writes it
    /// elsewhere) inform each decision.
    ///
    /// Tokens with no upper-case letter that follow a closed label (O, or
    /// the end of a name) are labelled O without being scored (except name
    /// particles such as "de" before a capitalised word): the full
    /// model almost never starts a name on them (measured in
    /// `docs/parts/ner.md`), and most news tokens are of that kind. So are
    /// sentence openers such as "The" or "But" before a lower-case word
    /// ([`features::routine_opener`]): where the full model names them
    /// ("And" as an organisation), it is wrong. Such a
    /// token leaves no trace in the document history, so skipping it only
    /// changes the output where the full model would have started a name
    /// there. [`Tagger::tag_document_exact`] scores every token.
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<(usize, usize, NerType)>> {
        self.collect(sentences, true, None)
    }

    /// [`Tagger::tag_document`] reading the words from `sentences` and
    /// handing each name to `f` as (sentence, start, end, type), in order:
    /// no word list or name list is built.
    pub fn tag_each<S: Sentences + ?Sized>(
        &self,
        sentences: &S,
        mut f: impl FnMut(usize, usize, usize, NerType),
    ) {
        self.tag_inner(sentences, true, None, &mut f);
    }

    /// [`Tagger::tag_document`] scoring every token: the reference the
    /// fast path is audited against, and what training and evaluation of
    /// the model itself see.
    pub fn tag_document_exact(&self, sentences: &[Vec<&str>]) -> Vec<Vec<(usize, usize, NerType)>> {
        self.collect(sentences, false, None)
    }

    /// [`Tagger::tag_document_exact`], counting in `audit` how the full
    /// model labels the tokens the fast path would skip.
    pub fn audit_skips(
        &self,
        sentences: &[Vec<&str>],
        audit: &mut SkipAudit,
    ) -> Vec<Vec<(usize, usize, NerType)>> {
        self.collect(sentences, false, Some(audit))
    }

    /// The names of each sentence as lists.
    fn collect(
        &self,
        sentences: &[Vec<&str>],
        skip: bool,
        audit: Option<&mut SkipAudit>,
    ) -> Vec<Vec<(usize, usize, NerType)>> {
        let mut out = vec![Vec::new(); sentences.len()];
        self.tag_inner(sentences, skip, audit, &mut |s, a, b, t| {
            if let Some(v) = out.get_mut(s) {
                v.push((a, b, t));
            }
        });
        out
    }

    fn tag_inner<S: Sentences + ?Sized>(
        &self,
        sentences: &S,
        skip: bool,
        audit: Option<&mut SkipAudit>,
        f: &mut dyn FnMut(usize, usize, usize, NerType),
    ) {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => self.tag_with(&mut scratch, sentences, skip, audit, f),
            // Only reachable if tagging re-entered itself on this thread.
            Err(_) => self.tag_with(&mut Scratch::default(), sentences, skip, audit, f),
        })
    }

    fn tag_with<S: Sentences + ?Sized>(
        &self,
        scratch: &mut Scratch,
        sentences: &S,
        skip: bool,
        mut audit: Option<&mut SkipAudit>,
        f: &mut dyn FnMut(usize, usize, usize, NerType),
    ) {
        let Scratch {
            doc,
            info,
            hist,
            feats,
            rows,
            ranges,
            window,
            wkeys,
            wgaz,
            labels,
            cache,
            partials,
            fill_all,
        } = scratch;
        cache.start_document(self.id);
        doc.prepare(
            sentences,
            &self.lexicon,
            &self.gazetteer,
            !skip || *fill_all,
        );
        info.fill(doc, self.features);
        hist.clear();
        let shift = 64 - self.hash_bits;
        let mut scores = [0i32; MAX_LABELS];
        let scores = scores.get_mut(..self.n_labels).unwrap_or(&mut []);
        for (s, sent) in doc.sents().enumerate() {
            let words = sentences.words(s);
            let word = |i: usize| words.get(i).copied().unwrap_or("");
            let n = sent.toks.len();
            labels.clear();
            rows.clear();
            partials.clear();
            ranges.clear();
            ranges.resize(
                n,
                Queued {
                    a: NOT_YET,
                    ..Queued::EMPTY
                },
            );
            // Tokens scored whatever label precedes them get their static
            // features (which do not depend on any decision) a few tokens
            // ahead, and their weight rows are prefetched: most rows miss
            // the cache, and the hashing of the tokens in between hides
            // that latency.
            let (mut ahead, mut queued) = (0usize, 0usize);
            let mut i = 0;
            while let Some(tok) = sent.toks.get(i) {
                while ahead < n && queued < LOOKAHEAD {
                    if !skip || sent.toks.get(ahead).is_some_and(|t| t.scored) {
                        let w = word(ahead);
                        let q = Queue {
                            feats,
                            rows,
                            ranges,
                            partials,
                        };
                        self.queue_static(&sent, info, ahead, ahead, w, cache, q, shift);
                        queued += 1;
                    }
                    ahead += 1;
                }
                if ranges.get(i).is_some_and(|r| r.a != NOT_YET) {
                    queued = queued.saturating_sub(1);
                }
                let prev = i
                    .checked_sub(1)
                    .and_then(|p| labels.get(p))
                    .map(|&l| usize::from(l));
                // Exactly the tokens `always_scored` leaves out.
                let skippable = !self.scheme.may_continue(prev) && !tok.scored;
                if skip && skippable {
                    // With no name open, every token up to the next
                    // always-scored one is O too: none of them was queued
                    // (the lookahead only queues always-scored tokens), so
                    // jumping there skips nothing but their O labels.
                    let next = sent
                        .toks
                        .get(i + 1..)
                        .and_then(|rest| rest.iter().position(|t| t.scored))
                        .map_or(n, |p| i + 1 + p);
                    labels.resize(next, 0);
                    i = next;
                    continue;
                }
                // A token scored only because a name is open may lack the
                // hashes and gazetteer marks of its neighbourhood: then it
                // is scored on copies of its neighbourhood that have them.
                let lo = i.saturating_sub(REACH);
                let hi = (i + REACH + 1).min(n);
                let near = sent.toks.get(lo..hi).unwrap_or(&[]);
                let (view, k) = if near.iter().all(|t| t.full) {
                    (sent, i)
                } else {
                    window.clear();
                    for (j, t) in near.iter().enumerate() {
                        let mut t = t.clone();
                        if !t.full {
                            let w = word(lo + j);
                            t.fill(w, sent.norm_bytes(lo + j), &self.lexicon);
                        }
                        window.push(t);
                    }
                    wkeys.clear();
                    wkeys.extend(sent.toks.iter().map(|t| t.key));
                    wgaz.clear();
                    wgaz.resize(n, 0);
                    self.gazetteer.mark_span(wkeys, lo, hi, wgaz);
                    let g = wgaz.get(lo..hi).unwrap_or(&[]);
                    (sent.window(window, g), i - lo)
                };
                if ranges.get(i).is_none_or(|r| r.a == NOT_YET) {
                    let w = word(i);
                    let q = Queue {
                        feats,
                        rows,
                        ranges,
                        partials,
                    };
                    self.queue_static(&view, info, k, i, w, cache, q, shift);
                }
                let q = ranges.get(i).copied().unwrap_or(Queued::EMPTY);
                let mut base = [0i32; MAX_LABELS];
                match partials.get(q.hit as usize) {
                    Some(sums) => base = *sums,
                    None => {
                        // A word not in the cache: its own rows are summed
                        // now (they were prefetched), and kept.
                        let own = rows.get(q.a as usize..q.m as usize).unwrap_or(&[]);
                        self.score(&base, own, &[], scores);
                        for (b, &s) in base.iter_mut().zip(scores.iter()) {
                            *b = s;
                        }
                        if let Some(t) = view.toks.get(k) {
                            let w = word(i);
                            cache.insert(t.word, k == 0, view.all_caps, w, &base);
                        }
                    }
                }
                let stat = rows.get(q.m as usize..q.b as usize).unwrap_or(&[]);
                feats.clear();
                let prev2 = i
                    .checked_sub(2)
                    .and_then(|p| labels.get(p))
                    .map(|&l| usize::from(l));
                dynamic_features(
                    &view,
                    hist,
                    k,
                    prev_code(prev),
                    prev_code(prev2),
                    self.features,
                    feats,
                );
                self.score(&base, stat, feats, scores);
                let l = self.allowed.best(self.scheme, scores, prev, i + 1 == n);
                if let (true, Some(a)) = (skippable, audit.as_deref_mut()) {
                    a.count(tok.start, l != 0);
                }
                if let Some(t) = view.toks.get(k) {
                    hist.record(t, self.scheme.ty_code(l));
                }
                labels.push(l as u8);
                i += 1;
            }
            self.scheme.decode_each(labels, |a, b, t| f(s, a, b, t));
        }
        doc.trim();
        if rows.capacity() > 1 << 16 {
            *rows = Vec::new();
            *ranges = Vec::new();
        }
    }

    /// Static features of token `i` (the word `word`) of `sent` as
    /// weight-row numbers appended to `q.rows` (their place in
    /// `q.ranges[slot]`), each row prefetched. The word's own features
    /// are left out when `cache` holds the sum of their rows.
    #[allow(clippy::too_many_arguments)]
    fn queue_static(
        &self,
        sent: &features::Sent,
        info: &DocInfo,
        i: usize,
        slot: usize,
        word: &str,
        cache: &StaticCache,
        q: Queue,
        shift: u32,
    ) {
        let Queue {
            feats,
            rows,
            ranges,
            partials,
        } = q;
        let a = rows.len();
        let cached = sent
            .toks
            .get(i)
            .and_then(|t| cache.find(t.word, i == 0, sent.all_caps, word));
        let hit = match cached {
            Some(sums) => {
                // Copied: the slot may be taken by another word before
                // this token is scored.
                partials.push(*sums);
                partials.len() as u32 - 1
            }
            None => NO_HIT,
        };
        // One reservation for the features' rows, not a capacity test each.
        let add = |feats: &Vec<u64>, rows: &mut Vec<u32>| {
            rows.extend(feats.iter().map(|&f| {
                let r = (f >> shift) as u32;
                prefetch_row(&self.weights, r as usize * self.n_labels, self.n_labels);
                r
            }));
        };
        if hit == NO_HIT {
            feats.clear();
            token_features(sent, i, self.features, feats);
            add(feats, rows);
        }
        let m = rows.len();
        feats.clear();
        context_features(sent, info, i, self.features, feats);
        add(feats, rows);
        if let Some(r) = ranges.get_mut(slot) {
            *r = Queued {
                a: a as u32,
                m: m as u32,
                b: rows.len() as u32,
                hit,
            };
        }
    }
}

/// The buffers [`Tagger::queue_static`] appends to.
struct Queue<'a> {
    feats: &'a mut Vec<u64>,
    rows: &'a mut Vec<u32>,
    ranges: &'a mut [Queued],
    partials: &'a mut Vec<[i32; MAX_LABELS]>,
}

/// Where a token's static weight rows are in `Scratch::rows`: the word's
/// own rows `a..m` (empty when the cache held their sum, copied to
/// `Scratch::partials[hit]`), then its context's rows `m..b`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Queued {
    a: u32,
    m: u32,
    b: u32,
    hit: u32,
}

impl Queued {
    const EMPTY: Queued = Queued {
        a: 0,
        m: 0,
        b: 0,
        hit: NO_HIT,
    };
}

/// `Queued::hit` of a word whose sum is not cached.
const NO_HIT: u32 = u32::MAX;

/// Per-thread sums of the weight rows of a word's own static features
/// ([`features::token_features`]), keyed by the word's bytes, whether it
/// begins its sentence and the sentence's headline flag: everything those
/// features read. A scored token of a word seen before then costs one
/// lookup instead of about 25 hashes and as many weight rows, most of them
/// cache misses in the 18 MB table (news repeats its capitalised words:
/// "The", "He", the article's names). The sums are integers, so adding
/// them in another order gives the same scores: the output is identical.
///
/// A direct-mapped table of [`CACHE_SLOTS`] slots (2 MB): a word's slot
/// follows from its hash, so a lookup is one memory access (a hash map
/// took three dependent ones: control bytes, bucket, entry), and a new
/// word simply replaces the one in its slot, which bounds the memory.
#[derive(Default)]
struct StaticCache {
    /// [`Tagger::id`] of the tagger whose weights are summed.
    owner: u64,
    /// Empty until the first lookup, then [`CACHE_SLOTS`] long.
    slots: Vec<Slot>,
}

/// One cached word. 128 bytes: the key and the word share the first cache
/// line, the sums follow.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Slot {
    /// [`Tok::word`] of the word.
    hash: u64,
    /// [`StaticCache::flags`], 0 for an empty slot.
    flags: u8,
    len: u8,
    word: [u8; CACHE_WORD_BYTES],
    sums: [i32; MAX_LABELS],
}

impl Slot {
    const EMPTY: Slot = Slot {
        hash: 0,
        flags: 0,
        len: 0,
        word: [0; CACHE_WORD_BYTES],
        sums: [0; MAX_LABELS],
    };
}

/// Slots of a [`StaticCache`] (a power of two).
const CACHE_SLOTS: usize = 1 << 14;

/// Longer words are not cached (they rarely repeat); this length fills the
/// first cache line of a [`Slot`].
const CACHE_WORD_BYTES: usize = 46;

impl StaticCache {
    /// Before tagging a document with the tagger `owner`.
    fn start_document(&mut self, owner: u64) {
        if self.owner != owner {
            self.slots.iter_mut().for_each(|s| *s = Slot::EMPTY);
            self.owner = owner;
        }
    }

    /// Occupied-slot flag plus the two sentence bits a word's features read.
    fn flags(first: bool, caps: bool) -> u8 {
        4 | u8::from(first) | u8::from(caps) << 1
    }

    fn index(hash: u64, flags: u8) -> usize {
        let h = hash.wrapping_add(u64::from(flags).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        (h >> (64 - CACHE_SLOTS.trailing_zeros())) as usize
    }

    /// The sums of `word` (hash `hash`), if cached.
    fn find(&self, hash: u64, first: bool, caps: bool, word: &str) -> Option<&[i32; MAX_LABELS]> {
        let flags = StaticCache::flags(first, caps);
        let s = self.slots.get(StaticCache::index(hash, flags))?;
        // The 64-bit hash may collide: the word itself decides.
        let same = s.hash == hash
            && s.flags == flags
            && s.word.get(..usize::from(s.len)) == Some(word.as_bytes());
        same.then_some(&s.sums)
    }

    /// Remember the sums of `word`'s own rows, in place of the word that
    /// had its slot.
    fn insert(&mut self, hash: u64, first: bool, caps: bool, word: &str, sums: &[i32; MAX_LABELS]) {
        let b = word.as_bytes();
        if b.len() > CACHE_WORD_BYTES {
            return;
        }
        if self.slots.is_empty() {
            self.slots = vec![Slot::EMPTY; CACHE_SLOTS];
        }
        let flags = StaticCache::flags(first, caps);
        let Some(s) = self.slots.get_mut(StaticCache::index(hash, flags)) else {
            return;
        };
        s.hash = hash;
        s.flags = flags;
        s.len = b.len() as u8;
        if let Some(w) = s.word.get_mut(..b.len()) {
            w.copy_from_slice(b);
        }
        s.sums = *sums;
    }
}

/// Static features computed this many scored tokens ahead.
const LOOKAHEAD: usize = 6;

/// `Queued::a` of a token whose static rows are not computed yet.
const NOT_YET: u32 = u32::MAX;

/// Ask the CPU to start loading the weight row at `at` (`n` weights).
#[inline(always)]
fn prefetch_row(weights: &[i16], at: usize, n: usize) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        // A row may straddle two cache lines.
        for k in [at, at + n.saturating_sub(1)] {
            if let Some(w) = weights.get(k) {
                // SAFETY: a prefetch is only a hint to the cache: it never
                // faults, reads nothing into the program, and the address
                // is that of an element of `weights`.
                unsafe { _mm_prefetch::<_MM_HINT_T0>((w as *const i16).cast::<i8>()) }
            }
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (weights, at, n);
}

/// Most labels a model can have (BILOU: 17).
const MAX_LABELS: usize = 17;

/// Buffers one thread reuses from document to document.
#[derive(Default)]
struct Scratch {
    doc: DocToks,
    info: DocInfo,
    hist: History,
    feats: Vec<u64>,
    /// One sentence's static weight rows, token after token.
    rows: Vec<u32>,
    /// Per token of the sentence: its place in `rows` (`a` is [`NOT_YET`]
    /// until it is queued).
    ranges: Vec<Queued>,
    /// Copies of a token's neighbourhood with every hash set.
    window: Vec<Tok>,
    /// Gazetteer keys and complete marks of that token's sentence.
    wkeys: Vec<u64>,
    wgaz: Vec<u16>,
    labels: Vec<u8>,
    cache: StaticCache,
    /// One sentence's cached sums, copied (see [`Queued`]).
    partials: Vec<[i32; MAX_LABELS]>,
    /// Tests: give every token its hashes and gazetteer marks up front, so
    /// the neighbourhood copies are never needed.
    fill_all: bool,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl Tagger {
    /// Scores of every label for a token with the partial sums `base`,
    /// static weight rows `stat` and dynamic features `dynamic`.
    fn score(&self, base: &[i32; MAX_LABELS], stat: &[u32], dynamic: &[u64], scores: &mut [i32]) {
        let shift = 64 - self.hash_bits;
        // Fixed row widths let the compiler unroll and vectorise the sum;
        // short loop bodies also let the CPU keep many of the (mostly
        // cache-missing) row loads in flight at once.
        match self.n_labels {
            17 => sum_rows::<17>(&self.weights, base, stat, dynamic, shift, scores),
            9 => sum_rows::<9>(&self.weights, base, stat, dynamic, shift, scores),
            n => {
                for (s, &b) in scores.iter_mut().zip(base) {
                    *s = b;
                }
                let dynamic = dynamic.iter().map(|&f| (f >> shift) as usize);
                for r in stat.iter().map(|&r| r as usize).chain(dynamic) {
                    if let Some(ws) = self.weights.get(r * n..r * n + n) {
                        for (s, &w) in scores.iter_mut().zip(ws) {
                            *s += i32::from(w);
                        }
                    }
                }
            }
        }
    }
}

/// [`Tagger::score`] for rows of `N` labels.
///
/// Inlined by force, as is [`add_row`]: whether the compiler inlined them
/// on its own changed with unrelated edits elsewhere in the crate (its
/// codegen units are cut anew), and an outlined row sum cost ~3% of all
/// extraction instructions.
#[inline(always)]
fn sum_rows<const N: usize>(
    weights: &[i16],
    base: &[i32; MAX_LABELS],
    stat: &[u32],
    dynamic: &[u64],
    shift: u32,
    scores: &mut [i32],
) {
    let mut acc = [0i32; N];
    for (a, &b) in acc.iter_mut().zip(base) {
        *a = b;
    }
    // Whole rows: one bounds test per row instead of a range's two and a
    // length check.
    let (rows, _) = weights.as_chunks::<N>();
    for &r in stat {
        add_row(&mut acc, rows, r as usize);
    }
    for &f in dynamic {
        add_row(&mut acc, rows, (f >> shift) as usize);
    }
    for (s, a) in scores.iter_mut().zip(acc) {
        *s = a;
    }
}

/// Adds weight row `r` of `N` labels to `acc` (a row past the end, which a
/// model file of the wrong size could give, adds nothing).
#[inline(always)]
fn add_row<const N: usize>(acc: &mut [i32; N], rows: &[[i16; N]], r: usize) {
    let Some(ws) = rows.get(r) else {
        return;
    };
    for (a, &w) in acc.iter_mut().zip(ws) {
        *a += i32::from(w);
    }
}

/// How often the full model gives a name label to the tokens
/// [`Tagger::tag_document`] skips, by how the token begins.
#[derive(Debug, Default, Clone, Copy)]
pub struct SkipAudit {
    /// Skippable tokens seen: lower-case, digit, punctuation first, and
    /// routine sentence openers ([`features::routine_opener`]).
    pub tokens: [u64; 4],
    /// Of those, how many the full model labelled other than O.
    pub named: [u64; 4],
}

impl SkipAudit {
    /// Row names of [`SkipAudit::tokens`] and [`SkipAudit::named`].
    pub const CLASSES: [&'static str; 4] = ["lower-case", "digit", "punctuation", "opener"];

    fn count(&mut self, start: Start, named: bool) {
        let k = match start {
            Start::Lower | Start::Particle => 0,
            Start::Digit => 1,
            Start::Punct => 2,
            Start::Cased => 3,
            Start::Other => return,
        };
        if let (Some(t), Some(n)) = (self.tokens.get_mut(k), self.named.get_mut(k)) {
            *t += 1;
            *n += u64::from(named);
        }
    }
}

/// Feature code of a previous label (`None`: before the sentence).
pub(crate) fn prev_code(l: Option<usize>) -> u64 {
    l.map_or(99, |l| l as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Tagger::tag_with`] on `scratch`, the names of each sentence as
    /// lists.
    fn lists(
        tagger: &Tagger,
        scratch: &mut Scratch,
        sents: &[Vec<&str>],
        skip: bool,
    ) -> Vec<Vec<(usize, usize, NerType)>> {
        let mut out = vec![Vec::new(); sents.len()];
        tagger.tag_with(scratch, sents, skip, None, &mut |s, a, b, t| {
            if let Some(v) = out.get_mut(s) {
                v.push((a, b, t));
            }
        });
        out
    }

    #[test]
    fn schemes_round_trip() {
        let spans = vec![
            (0, 2, NerType::Per),
            (2, 3, NerType::Per),
            (4, 7, NerType::Org),
        ];
        for scheme in [Scheme::Iob2, Scheme::Bilou] {
            let labels = scheme.encode(8, &spans);
            assert_eq!(scheme.decode(&labels), spans);
            let mut prev = None;
            for (i, &l) in labels.iter().enumerate() {
                assert!(scheme.allowed(prev, usize::from(l), i + 1 == labels.len()));
                prev = Some(usize::from(l));
            }
        }
    }

    #[test]
    fn allowed_masks_pick_what_best_label_picks() {
        for scheme in [Scheme::Iob2, Scheme::Bilou] {
            let n = scheme.n_labels();
            let allowed = Allowed::new(scheme, n);
            // Score vectors with ties, negatives and one high label each.
            let mut cases: Vec<Vec<i32>> = vec![vec![0; n], vec![-3; n]];
            for hot in 0..n {
                let mut v: Vec<i32> = (0..n).map(|l| (l as i32 * 7) % 5 - 2).collect();
                if let Some(x) = v.get_mut(hot) {
                    *x = 9;
                }
                cases.push(v);
            }
            let prevs = std::iter::once(None).chain((0..n).map(Some));
            for prev in prevs {
                for last in [false, true] {
                    for scores in &cases {
                        assert_eq!(
                            allowed.best(scheme, scores, prev, last),
                            best_label(scheme, scores, prev, last),
                            "{scheme:?} {prev:?} {last} {scores:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn bilou_never_leaves_a_name_open() {
        let s = Scheme::Bilou;
        let b_per = s.label(NerType::Per, 0);
        let i_org = s.label(NerType::Org, 1);
        assert!(!s.allowed(None, b_per, true));
        assert!(!s.allowed(Some(b_per), 0, false));
        assert!(!s.allowed(Some(b_per), i_org, false));
        assert_eq!(best_label(s, &[0.0, 5.0, 0.0, 0.0, 0.0], None, true), 0);
    }

    #[test]
    fn lazy_preparation_tags_like_full_preparation() {
        let Ok(tagger) = Tagger::load(&Tagger::default_path()) else {
            println!("skipping: no models/ner.bin");
            return;
        };
        let text = [
            "Officials at the Bank of the people said on Monday that rates would rise",
            "the University of the west of Texas and van der Berg of the club met",
            "John Smith , who runs the Office of the budget , spoke to reporters",
            "PARIS - THE Ministry of the interior said ON Tuesday",
            "de Blasio and the mayor of New York City visited the Museum of modern art",
        ];
        let sents: Vec<Vec<&str>> = text.iter().map(|t| t.split(' ').collect()).collect();
        let lazy = lists(&tagger, &mut Scratch::default(), &sents, true);
        let mut full = Scratch {
            fill_all: true,
            ..Scratch::default()
        };
        assert_eq!(lists(&tagger, &mut full, &sents, true), lazy);
        assert!(lazy.iter().any(|s| !s.is_empty()));
    }

    #[test]
    fn cached_word_sums_tag_like_fresh_ones() {
        let Ok(tagger) = Tagger::load(&Tagger::default_path()) else {
            println!("skipping: no models/ner.bin");
            return;
        };
        let text = [
            "MARKETS - THE Ministry of Finance said rates rise",
            "The Ministry of Finance said on Monday that Anna Berg would speak",
            "Berg said The Ministry had spoken to Anna and to the Ministry",
        ];
        let sents: Vec<Vec<&str>> = text.iter().map(|t| t.split(' ').collect()).collect();
        // A new scratch starts with an empty cache; the second pass finds
        // every word in it.
        let mut cold = Scratch::default();
        let first = lists(&tagger, &mut cold, &sents, true);
        let second = lists(&tagger, &mut cold, &sents, true);
        assert_eq!(first, second);
        let mut exact_cold = Scratch::default();
        let exact = lists(&tagger, &mut exact_cold, &sents, false);
        assert_eq!(lists(&tagger, &mut exact_cold, &sents, false), exact);
        assert_eq!(lists(&tagger, &mut cold, &sents, false), exact);
        assert!(first.iter().any(|s| !s.is_empty()));
    }

    #[test]
    fn cache_tells_colliding_words_apart() {
        let mut c = StaticCache::default();
        let sums = [7i32; MAX_LABELS];
        c.insert(42, true, false, "Paris", &sums);
        assert_eq!(c.find(42, true, false, "Paris"), Some(&sums));
        // Same hash, another word or other sentence bits: not the entry.
        assert_eq!(c.find(42, true, false, "Parma"), None);
        assert_eq!(c.find(42, false, false, "Paris"), None);
        assert_eq!(c.find(42, true, true, "Paris"), None);
        assert_eq!(c.find(43, true, false, "Paris"), None);
        // Too long to cache, and another tagger empties it.
        let long = "x".repeat(CACHE_WORD_BYTES + 1);
        c.insert(9, false, false, &long, &sums);
        assert_eq!(c.find(9, false, false, &long), None);
        c.start_document(c.owner + 1);
        assert_eq!(c.find(42, true, false, "Paris"), None);
    }

    #[test]
    fn tagger_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Tagger>();
    }
}
