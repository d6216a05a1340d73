//! Single-threaded throughput of each extraction stage (text analysis,
//! entities, statements) on one input file:
//! `cargo run --release --example extract_stages -- FILE.jsonl`.
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).expect("usage: extract_stages FILE");
    let items = newsdex::corpus::read_paths(&[path.into()], &Default::default()).unwrap();
    let arts: Vec<_> = items.filter_map(Result::ok).collect();
    let kb = newsdex::extract::kb::KnowledgeBase::builtin().unwrap();
    let texts: Vec<String> = arts.iter().map(|a| a.text()).collect();
    let mb = texts.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
    let t = Instant::now();
    let docs: Vec<_> = texts
        .iter()
        .map(|t| newsdex::extract::text::Doc::analyze(t))
        .collect();
    let t_doc = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let ents: Vec<_> = docs
        .iter()
        .map(|d| newsdex::extract::entities::extract(d, &kb, None, None))
        .collect();
    let t_ent = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let n: usize = docs
        .iter()
        .zip(&ents)
        .map(|(d, e)| newsdex::extract::statements::extract(d, e, &kb, None).len())
        .sum();
    let t_st = t.elapsed().as_secs_f64();
    println!(
        "{mb:.1} MB: doc {:.1} MB/s, entities {:.1} MB/s, statements {:.1} MB/s ({n} statements)",
        mb / t_doc,
        mb / t_ent,
        mb / t_st
    );
}
