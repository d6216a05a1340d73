//! Single-threaded throughput of each extraction stage (text analysis,
//! entities, statements) on one input file, in CPU time so that other work
//! on a shared machine does not count:
//! `cargo run --release --example extract_stages -- FILE.jsonl [STAGES] [ROUNDS]`.
//!
//! `STAGES` (default `doc,entities,statements`) picks the stages to time, so
//! that `perf record` on e.g. `entities` sees that stage alone; `ROUNDS`
//! (default 1) repeats each timed stage and reports the best round.
use std::time::Instant;

#[path = "support/cpu.rs"]
mod cpu;
use cpu::cpu_secs;

/// Best CPU time of `rounds` runs of `f`, and its last result.
fn best<T>(rounds: usize, origin: Instant, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::INFINITY;
    let mut out = None;
    for _ in 0..rounds.max(1) {
        let t = cpu_secs(origin);
        let r = f();
        best = best.min(cpu_secs(origin) - t);
        out = Some(r);
    }
    match out {
        Some(r) => (best, r),
        None => unreachable!("rounds.max(1) runs at least once"),
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: extract_stages FILE [STAGES] [ROUNDS]");
    let stages = args
        .next()
        .unwrap_or_else(|| "doc,entities,statements".into());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let on = |s: &str| stages.split(',').any(|x| x == s);
    let items = newsdex::corpus::read_paths(&[path.into()], &Default::default()).unwrap();
    let arts: Vec<_> = items.filter_map(Result::ok).collect();
    let kb = newsdex::extract::kb::KnowledgeBase::builtin().unwrap();
    let texts: Vec<String> = arts.iter().map(|a| a.text()).collect();
    let mb = texts.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
    let origin = Instant::now();
    let analyze = || -> Vec<_> {
        texts
            .iter()
            .map(|t| newsdex::extract::text::Doc::analyze(t))
            .collect()
    };
    let mut line = format!("{mb:.1} MB:");
    let docs = if on("doc") {
        let (t, docs) = best(rounds, origin, analyze);
        line += &format!(" doc {:.1} MB/s", mb / t);
        docs
    } else {
        analyze()
    };
    let entities = || -> Vec<_> {
        docs.iter()
            .map(|d| newsdex::extract::entities::extract(d, &kb, None, None))
            .collect()
    };
    let ents = if on("entities") {
        let (t, ents) = best(rounds, origin, entities);
        line += &format!(" entities {:.1} MB/s", mb / t);
        ents
    } else if on("statements") {
        entities()
    } else {
        Vec::new()
    };
    if on("statements") {
        let (t, n) = best(rounds, origin, || -> usize {
            docs.iter()
                .zip(&ents)
                .map(|(d, e)| newsdex::extract::statements::extract(d, e, &kb, None).len())
                .sum()
        });
        line += &format!(" statements {:.1} MB/s ({n} statements)", mb / t);
    }
    println!("{line} (CPU time, best of {rounds})");
}
