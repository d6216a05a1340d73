//! The incremental, idempotent, crash-safe indexer.
//!
//! How the guarantees are met:
//! - **Idempotent**: every article document stores a content hash
//!   ([`super::document::content_hash`]). Before indexing an article we look
//!   its id up in the last committed snapshot: same hash → unchanged, nothing
//!   written; other hash → its documents are deleted by `article_id` and the
//!   new ones added; absent → added.
//! - **Crash-safe**: tantivy only makes documents visible at `commit()`, which
//!   atomically replaces `meta.json`. We commit every `commit_every` articles
//!   and at the end. A run killed at any point leaves the last commit intact;
//!   a rerun finds the committed articles unchanged and adds the rest, so the
//!   index ends with exactly one document per article.
//! - **Bounded memory**: a reader thread streams articles in small batches
//!   through a bounded channel; only a few batches are in flight at once.
//! - **All cores**: extraction runs on rayon's pool, tantivy's writer runs its
//!   own indexing threads, and the two overlap: a preparing thread extracts
//!   the next batches while this one writes and commits.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use rayon::prelude::*;
use serde::Serialize;
use tantivy::columnar::Column;
use tantivy::schema::IndexRecordOption;
use tantivy::{
    DocSet, IndexWriter, InvertedIndexReader, Searcher, SegmentReader, TantivyDocument, Term,
    TERMINATED,
};

use super::document::{article_doc, content_hash, statement_doc, SharedFacets};
use super::NewsIndex;
use crate::corpus::{stable_hash, Article, ReadItem, RecordErrorKind};
use crate::extract::{Extraction, Extractor};

/// Articles per batch handed from the reader thread to the indexer.
const BATCH: usize = 64;
/// Batches buffered between reader and indexer.
const QUEUE: usize = 4;
/// Batches of built documents buffered between extraction and the writing
/// thread. A commit holds the writing thread for as long as tantivy takes to
/// write its segments (about half a second per 5,000 articles); this many
/// batches (~1,000 articles) keep extraction busy meanwhile instead of
/// leaving a core idle.
const BUILT_QUEUE: usize = 16;

/// Knobs of an indexing run.
#[derive(Debug, Clone)]
pub struct WriterOptions {
    /// Stop at the first record that cannot be read.
    pub strict: bool,
    /// Commit after this many added or updated articles.
    pub commit_every: usize,
    /// tantivy indexing threads when nothing is extracted; with extraction,
    /// see [`indexing_threads`].
    pub threads: usize,
    /// tantivy's memory budget, shared by its threads (bytes).
    pub memory_budget: usize,
}

impl Default for WriterOptions {
    fn default() -> Self {
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2)
            .clamp(1, 8);
        WriterOptions {
            strict: false,
            commit_every: 5_000,
            threads,
            memory_budget: 512 << 20,
        }
    }
}

/// What an indexing run did; printed as the summary line or as JSON.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub added: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub skipped: u64,
    pub failed: u64,
    /// Articles indexed without a publication date (unparseable or absent).
    pub undated: u64,
    /// Statement documents written.
    pub statements: u64,
    pub bytes_read: u64,
    pub seconds: f64,
}

impl Summary {
    pub fn mb_read(&self) -> f64 {
        self.bytes_read as f64 / 1e6
    }
    pub fn articles(&self) -> u64 {
        self.added + self.updated + self.unchanged
    }
    pub fn docs_per_s(&self) -> f64 {
        self.articles() as f64 / self.seconds.max(1e-9)
    }
    pub fn mb_per_s(&self) -> f64 {
        self.mb_read() / self.seconds.max(1e-9)
    }
    /// The summary as the JSON object `index --json` prints.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "failed": self.failed,
            "undated": self.undated,
            "statements": self.statements,
            "mb_read": round3(self.mb_read()),
            "seconds": round3(self.seconds),
            "docs_per_s": round3(self.docs_per_s()),
            "mb_per_s": round3(self.mb_per_s()),
        })
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Callbacks for the user interface (progress bar, warnings).
pub trait Progress: Sync {
    /// One more record read; `bytes` of input consumed.
    fn advance(&self, bytes: u64);
    /// A non-fatal problem to report, already prefixed with `file:line`.
    fn warn(&self, message: &str);
    /// Something worth saying as it happens (commits).
    fn note(&self, _message: &str) {}
}

/// A progress sink that says nothing (tests, library use).
pub struct Silent;
impl Progress for Silent {
    fn advance(&self, _bytes: u64) {}
    fn warn(&self, _message: &str) {}
}

/// The error `--strict` ends a run with, after committing what was indexed.
#[derive(Debug, thiserror::Error)]
#[error("{0} (stopped by --strict; everything before it was indexed)")]
pub struct StrictStop(pub String);

enum Action {
    Add,
    Update,
}

/// Per-segment handles to look articles up in the committed snapshot.
///
/// An article is found through `article_id`, which it shares with its
/// statements; of the documents under that term, the article is the one with
/// a content hash (statements have none). The `id` field is stored only, so
/// it cannot be looked up (see `schema::build_schema`).
struct Lookup {
    segments: Vec<(SegmentReader, Arc<InvertedIndexReader>, Column<u64>)>,
    article_id: tantivy::schema::Field,
}

impl Lookup {
    fn new(searcher: &Searcher, ni: &NewsIndex) -> anyhow::Result<Lookup> {
        let mut segments = Vec::new();
        for seg in searcher.segment_readers() {
            let inv = seg.inverted_index(ni.fields.article_id)?;
            let hash = seg.fast_fields().u64("hash")?;
            segments.push((seg.clone(), inv, hash));
        }
        Ok(Lookup {
            segments,
            article_id: ni.fields.article_id,
        })
    }

    /// Content hash of the live article with this id, if any.
    fn hash_of(&self, id: &str) -> anyhow::Result<Option<u64>> {
        let term = Term::from_field_text(self.article_id, id);
        for (seg, inv, hash) in &self.segments {
            if let Some(mut postings) = inv.read_postings(&term, IndexRecordOption::Basic)? {
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    if !seg.is_deleted(doc) {
                        if let Some(h) = hash.first(doc) {
                            return Ok(Some(h));
                        }
                    }
                    doc = postings.advance();
                }
            }
        }
        Ok(None)
    }
}

/// Index a stream of articles into `ni`. `extractor` of `None` indexes the
/// articles without entities or statements. `salt` fingerprints everything
/// besides the article that shapes its documents (knowledge base,
/// gazetteers), so that changing it refreshes the articles on the next run.
pub fn index_stream(
    ni: &NewsIndex,
    items: Box<dyn Iterator<Item = ReadItem> + Send>,
    extractor: Option<&Extractor>,
    salt: u64,
    opts: &WriterOptions,
    progress: &dyn Progress,
) -> anyhow::Result<Summary> {
    let start = Instant::now();
    let threads = match extractor {
        Some(_) => indexing_threads(opts.threads),
        None => opts.threads.max(1),
    };
    let mut writer: IndexWriter<TantivyDocument> = ni
        .index
        .writer_with_num_threads(threads, opts.memory_budget.max(16 << 20))
        .map_err(|e| lock_error(e, ni))?;
    let reader = ni.reader()?;
    let lookup = Lookup::new(&reader.searcher(), ni)?;

    let (tx, rx) = crossbeam_channel::bounded::<Vec<ReadItem>>(QUEUE);
    let feeder = std::thread::spawn(move || {
        let mut batch = Vec::with_capacity(BATCH);
        for item in items {
            batch.push(item);
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                if tx.send(full).is_err() {
                    return;
                }
            }
        }
        if !batch.is_empty() {
            let _ = tx.send(batch);
        }
    });

    // Two stages overlap: this function's thread writes documents and
    // commits, while a second thread decides what each article needs and runs
    // extraction on rayon's pool. A commit (which waits for tantivy to flush)
    // then no longer stops extraction, and extraction does not wait for the
    // writer's queue to drain.
    let (sum, stop) = std::thread::scope(
        |scope| -> anyhow::Result<(Summary, Option<anyhow::Error>)> {
            let (btx, brx) = crossbeam_channel::bounded::<Vec<Built>>(BUILT_QUEUE);
            let lookup = &lookup;
            let lean = extractor.and_then(|_| lean_pool(threads));
            let prepare = scope.spawn(move || {
                let lean = lean.as_ref();
                prepare_batches(rx, btx, ni, lookup, extractor, salt, opts, progress, lean)
            });

            let mut written = Summary::default();
            let mut since_commit = 0usize;
            let mut failure: Option<anyhow::Error> = None;
            for built in brx.iter() {
                if let Err(e) = write_batch(&mut writer, ni, built, &mut written, &mut since_commit)
                {
                    failure = Some(e);
                    break;
                }
                if since_commit >= opts.commit_every {
                    if let Err(e) = writer.commit().context("commit failed") {
                        failure = Some(e);
                        break;
                    }
                    progress.note(&format!(
                        "committed {} articles",
                        written.added + written.updated
                    ));
                    since_commit = 0;
                }
            }
            // On a write failure, dropping the receiver makes the preparing
            // thread stop at its next send.
            drop(brx);
            let prepared = prepare
                .join()
                .map_err(|_| anyhow::anyhow!("the extraction thread panicked"))?;
            if let Some(e) = failure {
                return Err(e);
            }
            let (mut sum, stop) = prepared?;
            sum.added = written.added;
            sum.updated = written.updated;
            sum.statements = written.statements;
            Ok((sum, stop))
        },
    )?;
    let _ = feeder.join();

    writer.commit().context("commit failed")?;
    writer
        .wait_merging_threads()
        .context("merging segments failed")?;
    let mut sum = sum;
    sum.seconds = start.elapsed().as_secs_f64();
    match stop {
        Some(e) => Err(e),
        None => Ok(sum),
    }
}

/// tantivy indexing threads beside extraction on `cores` cores. Extraction
/// is about two thirds of the CPU of an indexing run and tantivy's threads
/// the other third (docs/parts/perf.md, session 8), so a third of the cores
/// keeps up with extraction. More threads than that only share the same
/// cores, and cost more in all: each writes its own segments, with its own
/// term tables for the same words (on 2 cores, 1 thread instead of 2: 3.3%
/// less user CPU on the AllSides file, wall time the same or ~1% less).
pub fn indexing_threads(cores: usize) -> usize {
    (cores / 3).max(1)
}

/// Built batches waiting for the writer from which extraction leaves
/// tantivy's threads their cores. Extraction keeps every core busy, and
/// tantivy's indexing thread, which needs about a third of the run's CPU,
/// then gets only its even share of the cores: on 2 cores two thirds of
/// one, too little (per-thread CPU on the AllSides file: tantivy's
/// indexing thread 8.1 s, extraction and the rest 15.6 s). It fell behind,
/// its own queue (10,000 documents) and this one filled, extraction then
/// waited on a full queue with a core idle, and the whole backlog (up to
/// ~1,500 articles) was indexed by that one thread after extraction ended.
/// Once batches wait here tantivy's queue is full; extraction then leaves
/// tantivy's threads cores of their own until they catch up
/// ([`lean_pool`]).
const WRITER_BEHIND: usize = 2;

/// Whether the next batch is built on all cores, with `waiting` built
/// batches not yet taken by the writer. Without extraction building is
/// cheap and never holds the writer back.
fn on_all_cores(extract: bool, waiting: usize) -> bool {
    !extract || waiting < WRITER_BEHIND
}

/// Where extraction runs while the writer is behind: a pool with one thread
/// per core less tantivy's indexing threads, or `None` for this thread
/// alone (when that is one thread, as on 2 cores, or no pool can be built).
fn lean_pool(tantivy_threads: usize) -> Option<rayon::ThreadPool> {
    let n = rayon::current_num_threads().saturating_sub(tantivy_threads);
    if n <= 1 {
        return None;
    }
    rayon::ThreadPoolBuilder::new().num_threads(n).build().ok()
}

/// An article ready to write: what to do, its id, and its documents.
struct Built {
    action: Action,
    id: String,
    docs: Vec<TantivyDocument>,
}

/// The preparing stage: read batches from the reader thread, decide for each
/// article whether it is new, changed or unchanged, and build the documents
/// of the ones to write (extraction on all cores). Returns the reading half
/// of the summary and, under `--strict`, the error that stopped the run.
#[allow(clippy::too_many_arguments)]
fn prepare_batches(
    rx: crossbeam_channel::Receiver<Vec<ReadItem>>,
    out: crossbeam_channel::Sender<Vec<Built>>,
    ni: &NewsIndex,
    lookup: &Lookup,
    extractor: Option<&Extractor>,
    salt: u64,
    opts: &WriterOptions,
    progress: &dyn Progress,
    lean: Option<&rayon::ThreadPool>,
) -> anyhow::Result<(Summary, Option<anyhow::Error>)> {
    let mut sum = Summary::default();
    // ids seen in this run (by hash of the id, to keep memory small) and the
    // content hash they had, so that an id repeated in the input is written once.
    let mut seen: HashMap<u64, u64> = HashMap::new();
    let mut stop: Option<anyhow::Error> = None;
    for batch in rx.iter() {
        let mut todo: Vec<(Article, u64, Action)> = Vec::new();
        for item in batch {
            let mut article = match item {
                Ok(a) => a,
                Err(e) => {
                    progress.advance(0);
                    match e.kind {
                        RecordErrorKind::Skipped => sum.skipped += 1,
                        RecordErrorKind::Failed => sum.failed += 1,
                    }
                    if opts.strict {
                        // Index what came before it in this batch, then stop.
                        stop = Some(StrictStop(e.to_string()).into());
                        break;
                    }
                    progress.warn(&e.to_string());
                    continue;
                }
            };
            sum.bytes_read += article.input_bytes as u64;
            progress.advance(article.input_bytes as u64);
            for w in &article.warnings {
                progress.warn(&format!("{}: {}", article.origin, w));
            }
            article.ensure_id();
            let hash = content_hash(&article, salt);
            let key = stable_hash(article.id.as_bytes());
            let action = match seen.insert(key, hash) {
                Some(prev) if prev == hash => None,
                Some(_) => Some(Action::Update),
                None => match lookup.hash_of(&article.id)? {
                    Some(h) if h == hash => None,
                    Some(_) => Some(Action::Update),
                    None => Some(Action::Add),
                },
            };
            match action {
                None => sum.unchanged += 1,
                Some(action) => {
                    if article.published.is_none() {
                        sum.undated += 1;
                    }
                    todo.push((article, hash, action));
                }
            }
        }

        // Extraction is the expensive part: run it on all cores, keeping the
        // input order so that a repeated id's last version wins; on fewer
        // threads while the writer is behind (see `WRITER_BEHIND`).
        let build = |(a, hash, action): (Article, u64, Action)| {
            let docs = build_docs(ni, &a, hash, extractor);
            Built {
                action,
                id: a.id,
                docs,
            }
        };
        let built: Vec<Built> = if on_all_cores(extractor.is_some(), out.len()) {
            todo.into_par_iter().map(build).collect()
        } else if let Some(pool) = lean {
            pool.install(|| todo.into_par_iter().map(build).collect())
        } else {
            todo.into_iter().map(build).collect()
        };
        if out.send(built).is_err() || stop.is_some() {
            break;
        }
    }
    Ok((sum, stop))
}

/// The writing stage: hand one batch of articles' documents to tantivy,
/// deleting the old documents of a changed article first.
fn write_batch(
    writer: &mut IndexWriter<TantivyDocument>,
    ni: &NewsIndex,
    built: Vec<Built>,
    sum: &mut Summary,
    since_commit: &mut usize,
) -> anyhow::Result<()> {
    for b in built {
        match b.action {
            Action::Add => sum.added += 1,
            Action::Update => {
                sum.updated += 1;
                writer.delete_term(Term::from_field_text(ni.fields.article_id, &b.id));
            }
        }
        sum.statements += b.docs.len().saturating_sub(1) as u64;
        for d in b.docs {
            writer.add_document(d)?;
        }
        *since_commit += 1;
    }
    Ok(())
}

/// The article's document and one per statement.
fn build_docs(
    ni: &NewsIndex,
    a: &Article,
    hash: u64,
    extractor: Option<&Extractor>,
) -> Vec<TantivyDocument> {
    let text = a.text();
    let x = match extractor {
        Some(ex) => ex.extract_in(&text, &crate::extract::Context::of(a)),
        None => Extraction::default(),
    };
    let mut docs = Vec::with_capacity(1 + x.statements.len());
    let shared = SharedFacets::of(a);
    docs.push(article_doc(&ni.fields, a, &shared, &text, &x, hash));
    for (n, s) in x.statements.iter().enumerate() {
        let roles: &[String] = s
            .speaker
            .as_deref()
            .and_then(|sp| x.entities.iter().find(|e| e.name == sp))
            .map(|e| e.roles.as_slice())
            .unwrap_or(&[]);
        docs.push(statement_doc(&ni.fields, a, &shared, &text, n, s, roles));
    }
    docs
}

/// A clear message for the one failure users meet most: another writer.
fn lock_error(e: tantivy::TantivyError, ni: &NewsIndex) -> anyhow::Error {
    match e {
        tantivy::TantivyError::LockFailure(..) => anyhow::anyhow!(
            "the index at {} is being written by another newsdex process; \
             wait for it to finish (searching it meanwhile is fine)",
            ni.dir.display()
        ),
        other => anyhow::Error::new(other).context(format!(
            "cannot open the index at {} for writing",
            ni.dir.display()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extraction_leaves_the_writer_its_cores_when_behind() {
        assert!(on_all_cores(true, 0));
        assert!(on_all_cores(true, 1));
        assert!(!on_all_cores(true, 2));
        assert!(!on_all_cores(true, BUILT_QUEUE));
        assert!(on_all_cores(false, BUILT_QUEUE));
        let cores = rayon::current_num_threads();
        // Nothing left beside tantivy's threads: this thread alone.
        assert!(lean_pool(cores).is_none());
        assert!(lean_pool(cores.saturating_sub(1)).is_none());
        // Otherwise one thread per core tantivy does not use.
        if cores > 2 {
            let pool = lean_pool(1).map(|p| p.current_num_threads());
            assert_eq!(pool, Some(cores - 1));
        }
    }

    #[test]
    fn a_third_of_the_cores_index_beside_extraction() {
        assert_eq!(indexing_threads(0), 1);
        assert_eq!(indexing_threads(1), 1);
        assert_eq!(indexing_threads(2), 1);
        assert_eq!(indexing_threads(6), 2);
        assert_eq!(indexing_threads(8), 2);
    }
}
