//! Extraction throughput by stage, single-threaded: sentence/token
//! analysis, knowledge-base matching, the whole entity layer, and the whole
//! extractor (entities and statements).
//!
//! `cargo run --release --example extract_bench -- FILE...` (any format the
//! readers take); prints MB/s per stage over the articles' `text()`.

use newsdex::corpus::{read_paths, ReadOptions};
use newsdex::extract::{entities, kb::KnowledgeBase, text::Doc, Extractor};
use std::path::PathBuf;
use std::time::Instant;

#[path = "support/cpu.rs"]
mod cpu;
use cpu::cpu_secs;

fn main() -> anyhow::Result<()> {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let texts: Vec<(String, Option<chrono::NaiveDate>)> =
        read_paths(&paths, &ReadOptions::default())?
            .filter_map(Result::ok)
            .map(|a| (a.text(), a.published.map(|d| d.date_naive())))
            .collect();
    let bytes: usize = texts.iter().map(|(t, _)| t.len()).sum();
    let kb = KnowledgeBase::builtin_shared()?;
    kb.prepare()?;
    let mb = bytes as f64 / 1e6;
    let origin = Instant::now();
    let report = |stage: &str, start: f64| {
        let secs = cpu_secs(origin) - start;
        println!("{stage:<28} {:>8.2} s CPU  {:>8.1} MB/s", secs, mb / secs);
    };
    println!("{} articles, {:.1} MB", texts.len(), mb);

    let t = cpu_secs(origin);
    let mut n = 0usize;
    for (text, _) in &texts {
        n += Doc::analyze(text).tokens.len();
    }
    report("text::Doc::analyze", t);

    let t = cpu_secs(origin);
    for (text, _) in &texts {
        n += kb.find_mentions(text).len();
    }
    report("kb.find_mentions", t);

    let t = cpu_secs(origin);
    for (text, date) in &texts {
        let doc = Doc::analyze(text);
        n += entities::extract(&doc, &kb, None, *date).len();
    }
    report("analyze + entities::extract", t);

    let ex = Extractor {
        kb: kb.clone(),
        tagger: None,
    };
    let t = cpu_secs(origin);
    for (text, date) in &texts {
        let x = ex.extract(text, *date);
        n += x.entities.len() + x.statements.len();
    }
    report("Extractor::extract (all)", t);
    eprintln!("({n})");
    Ok(())
}
