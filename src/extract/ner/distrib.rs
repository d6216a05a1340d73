//! Distributional word features learnt from unlabelled news: spherical
//! k-means clusters of (randomly projected) left/right context vectors at
//! three granularities, and how often each word is capitalised when it is
//! not the first word of a sentence. Both generalise from the labelled
//! training words to words never seen with a label.

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;

use anyhow::Context;
use rayon::prelude::*;

use super::features::{hash_str, normalise, Fh};
use super::lexicon::{pack, Lexicon};

/// Dimensions of each side's projected context vector.
const DIM: usize = 48;
/// Cluster counts: fine, middle, coarse.
const KS: [usize; 3] = [600, 150, 40];
const ITERATIONS: usize = 8;

/// Split raw text into CoNLL-like tokens: punctuation and clitics (`'s`,
/// `n't`) apart from words.
pub fn tokenize(text: &str) -> Vec<&str> {
    const LEAD: &[char] = &['"', '\'', '(', '[', '{', '“', '‘', '«'];
    const TRAIL: &[char] = &[
        '"', '\'', ')', ']', '}', '”', '’', '»', '.', ',', ';', ':', '!', '?',
    ];
    let mut out = Vec::new();
    for mut w in text.split_whitespace() {
        while let Some(c) = w.chars().next().filter(|c| LEAD.contains(c)) {
            let (a, b) = w.split_at(c.len_utf8());
            out.push(a);
            w = b;
        }
        let mut tail = Vec::new();
        while let Some(c) = w.chars().next_back().filter(|c| TRAIL.contains(c)) {
            // Keep the period of abbreviations and initials ("U.S.", "J.").
            let stem = w.get(..w.len() - c.len_utf8()).unwrap_or("");
            if c == '.' && stem.contains(char::is_uppercase) && w.len() <= 5 {
                break;
            }
            let (a, b) = w.split_at(w.len() - c.len_utf8());
            tail.push(b);
            w = a;
        }
        for clitic in ["'s", "’s", "n't", "n’t"] {
            if w.len() > clitic.len() && w.ends_with(clitic) {
                let (a, b) = w.split_at(w.len() - clitic.len());
                if !a.is_empty() {
                    out.push(a);
                }
                w = b;
                break;
            }
        }
        if !w.is_empty() {
            out.push(w);
        }
        out.extend(tail.into_iter().rev());
    }
    out
}

fn read_texts(path: &PathBuf) -> anyhow::Result<Vec<String>> {
    let raw = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let bytes = if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(raw.as_slice())
            .read_to_end(&mut out)
            .with_context(|| format!("cannot decompress {}", path.display()))?;
        out
    } else {
        raw
    };
    let text = String::from_utf8_lossy(&bytes);
    let mut out = Vec::new();
    if text.trim_start().starts_with('<') {
        // Reuters-21578 SGML: the text of every <TITLE> and <BODY>.
        for tag in ["TITLE", "BODY"] {
            let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
            for part in text.split(open.as_str()).skip(1) {
                let body = part.split(close.as_str()).next().unwrap_or("");
                let body = body
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&")
                    .replace("&#3;", "")
                    .replace("&#5;", "")
                    .replace("&#22;", "");
                // Reuters wraps lines; a paragraph starts with indentation.
                out.push(
                    body.replace("\n    ", "\n\n")
                        .replace('\n', " ")
                        .replace("  ", "\n"),
                );
            }
        }
        return Ok(out);
    }
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        for key in ["title", "body"] {
            if let Some(s) = v.get(key).and_then(|s| s.as_str()) {
                out.push(s.to_string());
            }
        }
    }
    Ok(out)
}

fn sentence_end(tok: &str) -> bool {
    matches!(tok, "." | "!" | "?" | ":" | "\"" | "“" | "”")
}

#[derive(Default, Clone, Copy)]
struct WordStats {
    count: u64,
    mid: u64,
    mid_cap: u64,
}

/// A ±1 pseudo-random vector for a context word, derived from its hash.
fn projection(h: u64) -> [f32; DIM] {
    let mut v = [0f32; DIM];
    for (j, x) in v.iter_mut().enumerate() {
        let bit = Fh::new(300).n(h).n(j as u64).done() & 1;
        *x = if bit == 1 { 1.0 } else { -1.0 };
    }
    v
}

/// Build the lexicon of the `max_words` most frequent words of `paths`.
pub fn build(paths: &[PathBuf], max_words: usize) -> anyhow::Result<Lexicon> {
    let mut texts = Vec::new();
    for p in paths {
        texts.extend(read_texts(p)?);
    }
    // Pass 1: counts and capitalisation, on normalised forms.
    let mut stats: HashMap<String, WordStats> = HashMap::new();
    for t in &texts {
        for para in t.split('\n') {
            let toks = tokenize(para);
            let mut initial = true;
            for w in toks {
                let e = stats.entry(normalise(w)).or_default();
                e.count += 1;
                let letter = w.chars().next().filter(|c| c.is_alphabetic());
                if let (false, Some(c)) = (initial, letter) {
                    e.mid += 1;
                    if c.is_uppercase() {
                        e.mid_cap += 1;
                    }
                }
                initial = sentence_end(w);
            }
        }
    }
    let mut vocab: Vec<(&String, &WordStats)> =
        stats.iter().filter(|(_, s)| s.count >= 3).collect();
    vocab.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(b.0)));
    vocab.truncate(max_words);
    let index: HashMap<&str, usize> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (w.as_str(), i))
        .collect();
    // Context words are weighted down by frequency so that "the" and ","
    // do not dominate every vector.
    let weight: HashMap<&str, f32> = vocab
        .iter()
        .map(|(w, s)| (w.as_str(), 1.0 / (s.count as f32).sqrt()))
        .collect();
    let proj: HashMap<&str, [f32; DIM]> = vocab
        .iter()
        .map(|(w, _)| (w.as_str(), projection(hash_str(w))))
        .collect();
    // Pass 2: projected left/right context sums per vocabulary word.
    let n = vocab.len();
    let mut vecs = vec![0f32; n * 2 * DIM];
    for t in &texts {
        for para in t.split('\n') {
            let norm: Vec<String> = tokenize(para).into_iter().map(normalise).collect();
            for (i, w) in norm.iter().enumerate() {
                let Some(&row) = index.get(w.as_str()) else {
                    continue;
                };
                let base = row * 2 * DIM;
                for (side, ctx) in [
                    (0usize, i.checked_sub(1).and_then(|j| norm.get(j))),
                    (1, norm.get(i + 1)),
                ] {
                    let Some(ctx) = ctx else { continue };
                    let (Some(p), Some(&wt)) = (proj.get(ctx.as_str()), weight.get(ctx.as_str()))
                    else {
                        continue;
                    };
                    if let Some(dst) = vecs.get_mut(base + side * DIM..base + side * DIM + DIM) {
                        for (d, &x) in dst.iter_mut().zip(p.iter()) {
                            *d += wt * x;
                        }
                    }
                }
            }
        }
    }
    for row in vecs.chunks_mut(2 * DIM) {
        let norm = row.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            row.iter_mut().for_each(|x| *x /= norm);
        }
    }
    let assignments: Vec<Vec<u32>> = KS
        .iter()
        .map(|&k| kmeans(&vecs, n, k.min(n.max(1))))
        .collect();
    let entries = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, s))| {
            let cap = if s.mid < 3 {
                11
            } else {
                ((s.mid_cap as f64 / s.mid as f64) * 10.0).round() as u32
            };
            let c = |g: usize| {
                assignments
                    .get(g)
                    .and_then(|a| a.get(i))
                    .copied()
                    .unwrap_or(0)
            };
            (hash_str(w), pack(c(0), c(1), c(2), cap))
        })
        .collect();
    Ok(Lexicon::from_entries(entries))
}

/// Spherical k-means over unit rows of width `2 * DIM`; centroids start at
/// evenly spaced words of the frequency-sorted vocabulary (deterministic).
fn kmeans(vecs: &[f32], n: usize, k: usize) -> Vec<u32> {
    let w = 2 * DIM;
    if n == 0 || k == 0 {
        return vec![0; n];
    }
    let mut cent: Vec<f32> = (0..k)
        .flat_map(|c| {
            let i = c * n / k;
            vecs.get(i * w..i * w + w)
                .map(|r| r.to_vec())
                .unwrap_or_else(|| vec![0.0; w])
        })
        .collect();
    let mut assign = vec![0u32; n];
    for _ in 0..ITERATIONS {
        assign = vecs
            .par_chunks(w)
            .map(|row| {
                let mut best = (0u32, f32::MIN);
                for (c, cr) in cent.chunks(w).enumerate() {
                    let d: f32 = row.iter().zip(cr).map(|(a, b)| a * b).sum();
                    if d > best.1 {
                        best = (c as u32, d);
                    }
                }
                best.0
            })
            .collect();
        let mut sums = vec![0f32; k * w];
        for (row, &a) in vecs.chunks(w).zip(&assign) {
            let a = a as usize;
            if let Some(dst) = sums.get_mut(a * w..a * w + w) {
                for (d, &x) in dst.iter_mut().zip(row) {
                    *d += x;
                }
            }
        }
        for (c, s) in sums.chunks_mut(w).enumerate() {
            let norm = s.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                if let Some(dst) = cent.get_mut(c * w..c * w + w) {
                    for (d, &x) in dst.iter_mut().zip(s.iter()) {
                        *d = x / norm;
                    }
                }
            }
        }
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizer_splits_punctuation_and_clitics() {
        assert_eq!(
            tokenize("\"Putin's aide,\" he said (in U.S. terms). Don't"),
            vec![
                "\"", "Putin", "'s", "aide", ",", "\"", "he", "said", "(", "in", "U.S.", "terms",
                ")", ".", "Do", "n't"
            ]
        );
        assert!(tokenize("").is_empty());
        assert_eq!(tokenize("é’"), vec!["é", "’"]);
    }
}
