//! Training: averaged perceptron, greedy decoding with the model's own
//! previous decisions (so training sees what tagging will see).

use rayon::prelude::*;

use super::conll::ConllDoc;
use super::features::{dynamic_features, static_features, DocInfo, DocToks, History};
use super::lexicon::{Gazetteer, Lexicon};
use super::{best_label, prev_code, NerType, Scheme, Tagger};

/// A labelled sentence: words and names as token ranges.
#[derive(Debug, Clone, Default)]
pub struct LabelledSentence {
    pub words: Vec<String>,
    pub names: Vec<(usize, usize, NerType)>,
}

/// A labelled document.
#[derive(Debug, Clone, Default)]
pub struct LabelledDoc {
    pub sentences: Vec<LabelledSentence>,
}

impl LabelledDoc {
    /// Gold names of a CoNLL document (types other than the four are dropped).
    pub fn from_conll(doc: &ConllDoc) -> LabelledDoc {
        let sentences = doc
            .sentences
            .iter()
            .map(|s| LabelledSentence {
                words: s.words.clone(),
                names: super::conll::chunks(&s.tags)
                    .into_iter()
                    .filter_map(|(a, b, t)| NerType::parse(&t).map(|t| (a, b, t)))
                    .collect(),
            })
            .collect();
        LabelledDoc { sentences }
    }

    fn toks(&self, lexicon: &Lexicon, gaz: &Gazetteer) -> DocToks {
        let mut doc = DocToks::default();
        for s in &self.sentences {
            let w: Vec<&str> = s.words.iter().map(String::as_str).collect();
            doc.push(&w, lexicon, gaz, true);
        }
        doc
    }
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    pub scheme: Scheme,
    pub hash_bits: u32,
    pub seed: u64,
    /// Models trained with seeds `seed..seed + ensemble` whose weights are
    /// averaged (less variance than any one of them).
    pub ensemble: usize,
    /// Feature groups (`ner::flags`).
    pub features: u32,
    pub lexicon: Lexicon,
    pub gazetteer: Gazetteer,
    /// Free text stored in the model (what it was trained on and how).
    pub info: String,
}

/// Deterministic xorshift64* for shuffling.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

struct PreparedDoc {
    doc: DocToks,
    /// Per sentence, per token: static feature buckets.
    feats: Vec<Vec<Vec<u32>>>,
    gold: Vec<Vec<u8>>,
}

/// Train; after each epoch `report(run, epoch, dev_score)` is called. Each
/// run keeps its best dev epoch (its last without dev data); with several
/// runs (`ensemble`) their weights are averaged and reported as epoch 0.
pub fn train(
    train_docs: &[LabelledDoc],
    dev_docs: &[LabelledDoc],
    opts: &TrainOptions,
    report: impl FnMut(usize, usize, Option<&super::conll::Score>) + Send,
) -> Tagger {
    let shift = 64 - opts.hash_bits;
    let bucket = |h: u64| (h >> shift) as u32;
    let scheme = opts.scheme;
    let prepared: Vec<PreparedDoc> = train_docs
        .iter()
        .map(|d| {
            let doc = d.toks(&opts.lexicon, &opts.gazetteer);
            let mut info = DocInfo::default();
            info.fill(&doc, opts.features);
            let mut buf = Vec::new();
            let feats = doc
                .sents()
                .map(|s| {
                    (0..s.toks.len())
                        .map(|i| {
                            buf.clear();
                            static_features(&s, &info, i, opts.features, &mut buf);
                            buf.iter().map(|&h| bucket(h)).collect()
                        })
                        .collect()
                })
                .collect();
            let gold = d
                .sentences
                .iter()
                .map(|s| scheme.encode(s.words.len(), &s.names))
                .collect();
            PreparedDoc { doc, feats, gold }
        })
        .collect();
    let runs = opts.ensemble.max(1);
    // Runs are independent: train them in parallel, sum in run order so the
    // result does not depend on scheduling.
    let report = std::sync::Mutex::new(report);
    let weights: Vec<Vec<f32>> = (0..runs)
        .into_par_iter()
        .map(|run| {
            let seed = opts.seed.wrapping_add(run as u64);
            train_one(&prepared, dev_docs, opts, seed, |epoch, score| {
                if let Ok(mut r) = report.lock() {
                    r(run + 1, epoch, score);
                }
            })
        })
        .collect();
    let mut report = report.into_inner().unwrap_or_else(|e| e.into_inner());
    let mut sum: Option<Vec<f32>> = None;
    for w in weights {
        match sum.as_mut() {
            None => sum = Some(w),
            Some(acc) => acc.iter_mut().zip(&w).for_each(|(a, b)| *a += b),
        }
    }
    let avg = sum.unwrap_or_default();
    let tagger = quantise(&avg, opts);
    if runs > 1 && !dev_docs.is_empty() {
        report(0, 0, Some(&evaluate(&tagger, dev_docs)));
    }
    tagger
}

/// One averaged-perceptron run; the averaged weights of its best epoch.
fn train_one(
    prepared: &[PreparedDoc],
    dev_docs: &[LabelledDoc],
    opts: &TrainOptions,
    seed: u64,
    mut report: impl FnMut(usize, Option<&super::conll::Score>),
) -> Vec<f32> {
    let scheme = opts.scheme;
    let nl = scheme.n_labels();
    let shift = 64 - opts.hash_bits;
    let bucket = |h: u64| (h >> shift) as u32;
    let size = (1usize << opts.hash_bits) * nl;
    let mut w = vec![0f32; size];
    // Sum of (time × update) for the averaging trick: avg = w - u / c.
    let mut u = vec![0f32; size];
    let mut c: f32 = 1.0;
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut best: Option<(f64, Vec<f32>)> = None;
    let mut dynf: Vec<u64> = Vec::new();
    let mut feats: Vec<u32> = Vec::new();
    let mut scores = vec![0f32; nl];
    for epoch in 1..=opts.epochs {
        rng.shuffle(&mut order);
        for &d in &order {
            let Some(doc) = prepared.get(d) else { continue };
            let mut hist = History::default();
            for ((sent, sfeats), gold) in doc.doc.sents().zip(&doc.feats).zip(&doc.gold) {
                let n = sent.toks.len();
                let mut labels: Vec<u8> = Vec::with_capacity(n);
                for (i, (stat, &g)) in sfeats.iter().zip(gold).enumerate() {
                    let prev = i
                        .checked_sub(1)
                        .and_then(|p| labels.get(p))
                        .map(|&l| usize::from(l));
                    let prev2 = i
                        .checked_sub(2)
                        .and_then(|p| labels.get(p))
                        .map(|&l| usize::from(l));
                    dynf.clear();
                    dynamic_features(
                        &sent,
                        &hist,
                        i,
                        prev_code(prev),
                        prev_code(prev2),
                        opts.features,
                        &mut dynf,
                    );
                    feats.clear();
                    feats.extend_from_slice(stat);
                    feats.extend(dynf.iter().map(|&h| bucket(h)));
                    scores.iter_mut().for_each(|s| *s = 0.0);
                    for &f in &feats {
                        let row = f as usize * nl;
                        if let Some(ws) = w.get(row..row + nl) {
                            for (s, &x) in scores.iter_mut().zip(ws) {
                                *s += x;
                            }
                        }
                    }
                    let p = best_label(scheme, &scores, prev, i + 1 == n);
                    let g = usize::from(g);
                    if p != g {
                        for &f in &feats {
                            let row = f as usize * nl;
                            for (l, delta) in [(g, 1.0f32), (p, -1.0f32)] {
                                if let (Some(wx), Some(ux)) =
                                    (w.get_mut(row + l), u.get_mut(row + l))
                                {
                                    *wx += delta;
                                    *ux += c * delta;
                                }
                            }
                        }
                    }
                    c += 1.0;
                    if let Some(t) = sent.toks.get(i) {
                        hist.record(t, scheme.ty_code(p));
                    }
                    labels.push(p as u8);
                }
            }
        }
        let avg: Vec<f32> = w.iter().zip(&u).map(|(&w, &u)| w - u / c).collect();
        let tagger = quantise(&avg, opts);
        if dev_docs.is_empty() {
            report(epoch, None);
            best = Some((0.0, avg));
        } else {
            let score = evaluate(&tagger, dev_docs);
            report(epoch, Some(&score));
            let f = score.overall.f1();
            if best.as_ref().is_none_or(|(b, _)| f > *b) {
                best = Some((f, avg));
            }
        }
    }
    match best {
        Some((_, t)) => t,
        None => w,
    }
}

fn quantise(avg: &[f32], opts: &TrainOptions) -> Tagger {
    let max = avg.iter().fold(0f32, |m, &x| m.max(x.abs()));
    let scale = if max > 0.0 { 32000.0 / max } else { 1.0 };
    let weights = avg
        .iter()
        .map(|&x| (x * scale).round().clamp(-32767.0, 32767.0) as i16)
        .collect();
    Tagger {
        scheme: opts.scheme,
        hash_bits: opts.hash_bits,
        n_labels: opts.scheme.n_labels(),
        scale,
        features: opts.features,
        info: opts.info.clone(),
        lexicon: opts.lexicon.clone(),
        gazetteer: opts.gazetteer.clone(),
        weights,
        allowed: super::Allowed::new(opts.scheme, opts.scheme.n_labels()),
        id: super::tagger_id(),
    }
}

/// conlleval-style score of `tagger` on labelled documents, every token
/// scored ([`Tagger::tag_document_exact`]): training picks epochs by the
/// model's own score, so a model rebuilds identically whatever shortcuts
/// tagging takes. `newsdex eval ner` measures the fast path.
pub fn evaluate(tagger: &Tagger, docs: &[LabelledDoc]) -> super::conll::Score {
    use super::conll::{spans_to_tags, TagScheme};
    let mut score = super::conll::Score::default();
    for d in docs {
        let sents: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let pred = tagger.tag_document_exact(&sents);
        for (s, p) in d.sentences.iter().zip(&pred) {
            let n = s.words.len();
            score.add(
                &spans_to_tags(n, &s.names, TagScheme::Iob2),
                &spans_to_tags(n, p, TagScheme::Iob2),
            );
        }
    }
    score
}
