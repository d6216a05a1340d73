//! Name tagger throughput and model load time.
//!
//! `cargo run --release --example ner_speed -- [MODEL] [FILE] [ROUNDS] [exact]`
//! (defaults: models/ner.bin, ../shared/corpus/conll2003/eng.testa, 5;
//! `exact` times `Tagger::tag_document_exact`, which scores every token).
//! FILE is CoNLL-2003 text or, when its name holds `.jsonl`, news
//! articles split into sentences the way extraction splits them (the
//! splitting is not timed).
//! Reports the best round (wall and CPU time), the one least disturbed by
//! other processes on a shared machine, and a digest of every name found
//! (equal digests: same output); tagging runs on the calling thread only
//! (one core).

use std::path::PathBuf;
use std::time::Instant;

use newsdex::extract::ner::{conll, Tagger};

/// CPU time this thread has run, in seconds (Linux schedstat, ns
/// precision); `None` elsewhere. On a busy shared machine wall time
/// measures the neighbours, CPU time measures the tagger.
fn thread_cpu() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let model = PathBuf::from(args.next().unwrap_or_else(|| "models/ner.bin".into()));
    let data = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/corpus/conll2003/eng.testa".into()),
    );
    let rounds: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5);
    let exact = args.next().is_some_and(|a| a == "exact");
    let mut best_load = f64::MAX;
    let cpu0 = thread_cpu();
    for _ in 0..rounds {
        let t = Instant::now();
        let tagger = Tagger::load(&model)?;
        best_load = best_load.min(t.elapsed().as_secs_f64());
        drop(tagger);
    }
    let load_cpu = cpu0.zip(thread_cpu()).map(|(a, b)| (b - a) / rounds as f64);
    let tagger = Tagger::load(&model)?;
    let owned: Vec<Vec<Vec<String>>> = if data.to_string_lossy().contains(".jsonl") {
        newsdex::corpus::read_paths(std::slice::from_ref(&data), &Default::default())?
            .filter_map(Result::ok)
            .map(|a| {
                let text = a.text();
                let doc = newsdex::extract::text::Doc::analyze(&text);
                (0..doc.sentences.len())
                    .map(|s| {
                        doc.sentence_words(s)
                            .into_iter()
                            .map(String::from)
                            .collect()
                    })
                    .collect()
            })
            .collect()
    } else {
        let text = std::fs::read_to_string(&data)?;
        conll::parse(&text)
            .into_iter()
            .map(|d| d.sentences.into_iter().map(|s| s.words).collect())
            .collect()
    };
    let docs: Vec<Vec<Vec<&str>>> = owned
        .iter()
        .map(|d| {
            d.iter()
                .map(|s| s.iter().map(String::as_str).collect())
                .collect()
        })
        .collect();
    let tokens: usize = docs.iter().flatten().map(Vec::len).sum();
    let mut best = f64::MAX;
    let mut best_cpu: Option<f64> = None;
    let mut names = 0;
    // FNV-1a over every name of every document: equal digests before and
    // after a speed change are a quick check that the output is unchanged.
    let mut digest = 0u64;
    for _ in 0..rounds {
        let t = Instant::now();
        let cpu0 = thread_cpu();
        names = 0;
        digest = 0xcbf2_9ce4_8422_2325;
        for d in &docs {
            let tagged = if exact {
                tagger.tag_document_exact(d)
            } else {
                tagger.tag_document(d)
            };
            for (s, spans) in tagged.iter().enumerate() {
                for &(a, b, ty) in spans {
                    names += 1;
                    for x in [s, a, b, ty as usize] {
                        digest = (digest ^ x as u64).wrapping_mul(0x100_0000_01b3);
                    }
                }
            }
            digest = (digest ^ 0xFFFF).wrapping_mul(0x100_0000_01b3);
        }
        best = best.min(t.elapsed().as_secs_f64());
        if let Some(c) = cpu0.zip(thread_cpu()).map(|(a, b)| b - a) {
            best_cpu = Some(best_cpu.map_or(c, |b: f64| b.min(c)));
        }
    }
    if let (Some(l), Some(t)) = (load_cpu, best_cpu) {
        println!(
            "CPU time: load {:.1} ms; tagging {:.3}s per pass (best of {rounds}): {:.0} tokens/s per core",
            l * 1000.0,
            t,
            tokens as f64 / t
        );
    }
    println!("output digest {digest:016x}");
    println!(
        "wall time: model {} ({:.1} MB): load {:.1} ms; tagged {tokens} tokens ({names} names) in {:.3}s: {:.0} tokens/s (best of {rounds})",
        model.display(),
        std::fs::metadata(&model)?.len() as f64 / 1e6,
        best_load * 1000.0,
        best,
        tokens as f64 / best
    );
    Ok(())
}
