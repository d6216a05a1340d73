//! The baseline for `bench/run.sh`: index a JSONL(.gz) file with tantivy and
//! nothing else, to see what newsdex's extra work costs.
//!
//! It does the least a search index of news must do:
//!
//! 1. stream the file line by line (gunzipping on the fly) and take `title`
//!    and `body` from each JSON object, with `serde_json`;
//! 2. index both with the same text analysis newsdex uses for them
//!    (`en_stem`: lower-casing and English stemming, with positions so phrase
//!    queries work) and store them, so results can be shown;
//! 3. give tantivy's writer the same number of threads and the same memory
//!    budget as `newsdex index --no-extract`: both are taken from newsdex's
//!    `WriterOptions::default()` (available cores, at most 8; 512 MB in total).
//!    With extraction, newsdex gives tantivy a third of them
//!    (`index::writer::indexing_threads`), as extraction keeps the rest busy;
//! 4. commit once and wait for segment merges, so the index is complete and
//!    searchable when the clock stops.
//!
//! What it leaves out, and newsdex does: entity and statement extraction,
//! statement documents, facets, dates, ids and content hashes for incremental
//! updates, periodic commits.
//!
//! Run: `cargo run --release --example plain_tantivy -- FILE.jsonl.gz`.
//! It prints one JSON object: `docs`, `mb_read` (decompressed MB, 10^6 bytes),
//! `seconds`, `mb_per_s`, `docs_per_s`, `threads`, `memory_mb`.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::Parser;
use newsdex::index::writer::WriterOptions;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED};
use tantivy::{doc, Index, IndexWriter, TantivyDocument};

#[derive(Parser, Debug)]
#[command(about = "Index title and body of a JSONL(.gz) file with plain tantivy, timed")]
struct Args {
    /// The JSONL file (gzip-compressed or not).
    file: PathBuf,
    /// Index directory (created; must not hold an index). Default: a
    /// temporary directory, removed at the end.
    #[arg(long)]
    index: Option<PathBuf>,
    /// tantivy indexing threads. Default: as newsdex.
    #[arg(long)]
    threads: Option<usize>,
    /// tantivy memory budget in MB, shared by the threads. Default: as newsdex.
    #[arg(long)]
    memory_mb: Option<usize>,
}

/// The two fields the baseline reads; everything else in a line is skipped
/// by serde without being allocated.
#[derive(serde::Deserialize)]
struct Line {
    title: Option<String>,
    body: Option<String>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    // newsdex's own defaults, so that the comparison stays fair if they change.
    let newsdex = WriterOptions::default();
    let threads = args.threads.unwrap_or(newsdex.threads).max(1);
    let memory_mb = args
        .memory_mb
        .unwrap_or(newsdex.memory_budget >> 20)
        .max(16);

    let mut schema = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    ) | STORED;
    let title = schema.add_text_field("title", text.clone());
    let body = schema.add_text_field("body", text);
    let schema = schema.build();

    let tmp;
    let dir = match &args.index {
        Some(dir) => {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            dir.clone()
        }
        None => {
            tmp = tempfile::tempdir()?;
            tmp.path().to_path_buf()
        }
    };

    // The clock starts before the file is opened and stops after the merge,
    // as newsdex's `seconds` covers its whole run.
    let start = Instant::now();
    let index = Index::create_in_dir(&dir, schema)
        .with_context(|| format!("creating an index in {}", dir.display()))?;
    let mut writer: IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(threads, memory_mb << 20)?;

    let file = File::open(&args.file).with_context(|| format!("{}", args.file.display()))?;
    let mut raw = BufReader::with_capacity(256 * 1024, file);
    let gz = raw.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    let input: Box<dyn Read> = if gz {
        Box::new(flate2::read::MultiGzDecoder::new(raw))
    } else {
        Box::new(raw)
    };
    let mut input = BufReader::with_capacity(256 * 1024, input);

    let mut bytes = 0usize;
    let mut docs = 0u64;
    let mut bad = 0u64;
    let mut buf = String::new();
    loop {
        buf.clear();
        let n = input.read_line(&mut buf)?;
        if n == 0 {
            break;
        }
        bytes += n;
        if buf.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Line>(&buf) {
            Ok(line) => {
                writer.add_document(doc!(
                    title => line.title.unwrap_or_default(),
                    body => line.body.unwrap_or_default(),
                ))?;
                docs += 1;
            }
            Err(_) => bad += 1,
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let seconds = start.elapsed().as_secs_f64();

    let mb = bytes as f64 / 1e6;
    let out = serde_json::json!({
        "docs": docs,
        "bad_lines": bad,
        "mb_read": round3(mb),
        "seconds": round3(seconds),
        "mb_per_s": round3(mb / seconds.max(1e-9)),
        "docs_per_s": round3(docs as f64 / seconds.max(1e-9)),
        "threads": threads,
        "memory_mb": memory_mb,
    });
    println!("{out}");
    Ok(())
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
