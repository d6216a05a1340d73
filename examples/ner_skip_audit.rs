//! Audit of the tagger's skip rule (`Tagger::tag_document` labels tokens
//! without an upper-case letter O, unscored, after a closed label): how
//! often the full model gives such tokens a name label, and how the names
//! of the fast path differ from the full model's.
//!
//! `cargo run --release --example ner_skip_audit -- FILE [MAX_DOCS] [SHOW]`
//! where FILE is CoNLL-2003 text (`*.testa`, `*.train`...) or a news file
//! `newsdex` reads (JSONL, gzipped or not); news is split into sentences
//! the way extraction does. SHOW differing names are printed with their
//! sentence (for research data: read, don't copy).

use std::path::PathBuf;

use newsdex::extract::ner::{conll, NerType, SkipAudit, Tagger};
use newsdex::extract::text::{Casing, Doc};

type Spans = Vec<Vec<(usize, usize, NerType)>>;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/corpus/conll2003/eng.testa".into()),
    );
    let max: usize = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(usize::MAX);
    let mut show: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    let tagger = Tagger::default_model()?;
    // Each document as sentences of words, plus whether each sentence is
    // running text (extraction keeps names from those only).
    let docs: Vec<(Vec<Vec<String>>, Vec<bool>)> = if path.to_string_lossy().contains("conll") {
        let text = std::fs::read_to_string(&path)?;
        conll::parse(&text)
            .into_iter()
            .take(max)
            .map(|d| {
                let n = d.sentences.len();
                (
                    d.sentences.into_iter().map(|s| s.words).collect(),
                    vec![true; n],
                )
            })
            .collect()
    } else {
        newsdex::corpus::read_paths(&[path], &Default::default())?
            .filter_map(Result::ok)
            .take(max)
            .map(|a| {
                let text = a.text();
                let doc = Doc::analyze(&text);
                let sents = (0..doc.sentences.len())
                    .map(|s| {
                        doc.sentence_words(s)
                            .into_iter()
                            .map(String::from)
                            .collect()
                    })
                    .collect();
                let normal = doc
                    .sentence_casing
                    .iter()
                    .map(|c| *c == Casing::Normal)
                    .collect();
                (sents, normal)
            })
            .collect()
    };
    let mut audit = SkipAudit::default();
    let (mut tokens, mut names_exact, mut names_fast) = (0usize, 0usize, 0usize);
    let (mut lost, mut gained, mut lost_kept, mut gained_kept) = (0usize, 0usize, 0usize, 0usize);
    for (sents, normal) in &docs {
        let words: Vec<Vec<&str>> = sents
            .iter()
            .map(|s| s.iter().map(String::as_str).collect())
            .collect();
        tokens += words.iter().map(Vec::len).sum::<usize>();
        let exact: Spans = tagger.audit_skips(&words, &mut audit);
        let fast: Spans = tagger.tag_document(&words);
        for (s, (e, f)) in exact.iter().zip(&fast).enumerate() {
            names_exact += e.len();
            names_fast += f.len();
            let kept = normal.get(s).copied().unwrap_or(false);
            for (tag, a, b) in [("-", e, f), ("+", f, e)] {
                for x in a.iter().filter(|x| !b.contains(x)) {
                    if tag == "-" {
                        lost += 1;
                        lost_kept += usize::from(kept);
                    } else {
                        gained += 1;
                        gained_kept += usize::from(kept);
                    }
                    if show > 0 {
                        show -= 1;
                        let w = words.get(s).map(Vec::as_slice).unwrap_or(&[]);
                        let name = w.get(x.0..x.1).map(|n| n.join(" ")).unwrap_or_default();
                        let lo = x.0.saturating_sub(6);
                        let ctx = w
                            .get(lo..(x.1 + 4).min(w.len()))
                            .map(|n| n.join(" "))
                            .unwrap_or_default();
                        println!(
                            "{tag} {:?} {name:?} {}| {ctx}",
                            x.2,
                            if kept { "" } else { "(dropped) " }
                        );
                    }
                }
            }
        }
    }
    println!("{} documents, {tokens} tokens", docs.len());
    let skipped: u64 = audit.tokens.iter().sum();
    println!(
        "skippable tokens (no upper-case letter, after a closed label): {skipped} = {:.1}% of tokens",
        100.0 * skipped as f64 / tokens.max(1) as f64
    );
    for (k, name) in SkipAudit::CLASSES.iter().enumerate() {
        let t = audit.tokens.get(k).copied().unwrap_or(0);
        let n = audit.named.get(k).copied().unwrap_or(0);
        println!(
            "  {name:12} {t:9} tokens, full model names {n} ({:.4}%)",
            100.0 * n as f64 / t.max(1) as f64
        );
    }
    println!(
        "names: full model {names_exact}, fast path {names_fast}; only in full {lost} ({lost_kept} in running text), only in fast {gained} ({gained_kept} in running text)"
    );
    Ok(())
}
