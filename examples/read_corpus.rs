//! Read inputs with newsdex's corpus readers only (no extraction, no index)
//! and report what came out and how fast: the reading share of `newsdex
//! index`'s time.
//!
//! Run: `cargo run --release --example read_corpus -- PATH...` (`-` for stdin).
//! Prints one JSON object: `articles`, `skipped`, `failed`, `warnings`,
//! `undated`, `mb_read` (decompressed MB, 10^6 bytes), `seconds`, `mb_per_s`;
//! with `--errors`, each skipped or failed record on stderr first.

use std::path::PathBuf;
use std::time::Instant;

use newsdex::corpus::{read_paths, ReadOptions, RecordErrorKind};

fn main() -> anyhow::Result<()> {
    let mut show_errors = false;
    let mut paths: Vec<PathBuf> = Vec::new();
    for arg in std::env::args_os().skip(1) {
        if arg == "--errors" {
            show_errors = true;
        } else {
            paths.push(arg.into());
        }
    }
    anyhow::ensure!(!paths.is_empty(), "usage: read_corpus [--errors] PATH...");
    let start = Instant::now();
    let (mut articles, mut skipped, mut failed, mut warnings, mut undated) =
        (0u64, 0u64, 0u64, 0u64, 0u64);
    let mut bytes = 0usize;
    for item in read_paths(&paths, &ReadOptions::default())? {
        match item {
            Ok(a) => {
                articles += 1;
                bytes += a.input_bytes;
                warnings += a.warnings.len() as u64;
                undated += u64::from(a.published.is_none());
            }
            Err(e) => {
                if show_errors {
                    eprintln!("{e}");
                }
                match e.kind {
                    RecordErrorKind::Skipped => skipped += 1,
                    RecordErrorKind::Failed => failed += 1,
                }
            }
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    println!(
        "{}",
        serde_json::json!({
            "articles": articles,
            "skipped": skipped,
            "failed": failed,
            "warnings": warnings,
            "undated": undated,
            "mb_read": (mb * 1000.0).round() / 1000.0,
            "seconds": (seconds * 1000.0).round() / 1000.0,
            "mb_per_s": (mb / seconds.max(1e-9) * 1000.0).round() / 1000.0,
        })
    );
    Ok(())
}
