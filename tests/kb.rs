//! Knowledge-base checks on real news text (skipped when the shared corpus
//! is absent) and a throughput measurement of the name matcher.

use std::io::Read;
use std::time::Instant;

use newsdex::extract::kb::KnowledgeBase;

mod common;

/// Up to `limit` bytes of article text from the NYT/Guardian war corpus.
fn news_text(limit: usize) -> Option<String> {
    let path = common::shared_root().join("news/ru_ua_nyt_guardian_2022.jsonl.gz");
    let file = std::fs::File::open(path).ok()?;
    let mut raw = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut raw)
        .ok()?;
    let mut out = String::new();
    for line in raw.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        for key in ["title", "text", "body", "content"] {
            if let Some(s) = v.get(key).and_then(|x| x.as_str()) {
                out.push_str(s);
                out.push('\n');
            }
        }
        if out.len() >= limit {
            break;
        }
    }
    Some(out)
}

#[test]
fn finds_war_news_actors_in_real_text() {
    let Some(text) = news_text(2_000_000) else {
        eprintln!("skipping: ../shared/corpus not found");
        return;
    };
    let kb = KnowledgeBase::builtin().expect("builtin");
    let ms = kb.find_mentions(&text);
    let names: std::collections::HashSet<&str> = ms
        .iter()
        .filter_map(|m| m.ids.first())
        .filter_map(|id| kb.get(*id))
        .map(|e| e.name.as_str())
        .collect();
    for want in [
        "Vladimir Putin",
        "Volodymyr Zelenskyy",
        "Kyiv",
        "Russia",
        "Ukraine",
    ] {
        assert!(names.contains(want), "{want} not found in the war corpus");
    }
    for m in &ms {
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
    }
}

/// This process's user+system CPU seconds (Linux), for timing on a busy box.
fn cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
    Some((ticks(11)? + ticks(12)?) / 100.0)
}

/// `cargo test --release --test kb -- --ignored --nocapture throughput`
#[test]
#[ignore]
fn throughput() {
    let Some(text) = news_text(usize::MAX) else {
        eprintln!("skipping: ../shared/corpus not found");
        return;
    };
    let t = Instant::now();
    let kb = KnowledgeBase::builtin().expect("builtin");
    let load = t.elapsed();
    let t = Instant::now();
    kb.prepare().expect("matcher");
    let build = t.elapsed();
    let c = cpu_secs();
    let mut words = 0;
    for _ in 0..15 {
        words += std::hint::black_box(text.to_lowercase())
            .split_whitespace()
            .count();
    }
    let base = cpu_secs()
        .map_or(0.0, |c2| (c2 - c.unwrap_or(0.0)) / 15.0)
        .max(1e-9);
    eprintln!(
        "baseline (lowercase + split, {} words): {:.1} MB/s",
        words / 15,
        text.len() as f64 / base / 1e6
    );
    let t = Instant::now();
    let c = cpu_secs();
    let mut n = 0;
    for _ in 0..15 {
        n += kb.find_mentions(&text).len();
    }
    let wall = t.elapsed().as_secs_f64() / 15.0;
    // The machine is shared: CPU time says more than wall time.
    let secs = cpu_secs()
        .map_or(wall, |c2| (c2 - c.unwrap_or(0.0)) / 15.0)
        .max(1e-9);
    eprintln!("wall {:.1} MB/s", text.len() as f64 / wall / 1e6);
    eprintln!(
        "entries {}, load {:?}, matcher build {:?}, {} bytes, {} matches/run, {:.1} MB/s",
        kb.len(),
        load,
        build,
        text.len(),
        n / 15,
        text.len() as f64 / secs / 1e6
    );
}
