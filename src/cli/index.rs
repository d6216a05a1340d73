//! `newsdex index`: read articles, extract, and write them to the index.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use newsdex::corpus::{read_paths, ReadOptions};
use newsdex::index::writer::{index_stream, Progress, StrictStop, Summary, WriterOptions};
use newsdex::index::NewsIndex;

use super::{ExitCode, IndexLocation, InputOptions};

#[derive(Args, Debug)]
#[command(
    after_help = "EXAMPLES:\n  newsdex index                                 (corpus/ into index/)\n  newsdex index news.jsonl.gz reuters/ --index /tmp/idx\n  cat feed.jsonl | newsdex index - --field body=text --field date=published_at\n  newsdex index --rebuild --json\n\nRe-running on the same input adds nothing; an article whose id exists with other\ncontent replaces it (with its statements). A run killed at any moment leaves the\nindex as of its last commit: run it again to finish.\n\nEXIT STATUS:\n  0  every record indexed (or unchanged)\n  1  finished, but some records were skipped or failed (each named on stderr as file:line)\n  2  usage or fatal error (missing path, index locked by another writer, --strict stop)"
)]
pub struct IndexArgs {
    /// Files or folders to index (default: corpus/); `-` for standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub index: IndexLocation,
    #[command(flatten)]
    pub input: InputOptions,
    /// Stop at the first record that fails (exit 2) instead of skipping it.
    #[arg(long)]
    pub strict: bool,
    /// Delete the index and build it again from scratch.
    #[arg(long)]
    pub rebuild: bool,
    /// Index articles only, without entity and statement extraction.
    #[arg(long)]
    pub no_extract: bool,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

/// Progress bar and warnings on stderr. The bar is drawn only when stderr is
/// a terminal; warnings beyond the first hundred are counted, not printed.
struct CliProgress {
    bar: ProgressBar,
    warned: AtomicUsize,
    bytes: AtomicU64,
}

const MAX_WARNINGS: usize = 100;

impl CliProgress {
    fn new() -> CliProgress {
        let bar = if std::io::stderr().is_terminal() {
            let b = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            b.set_style(
                ProgressStyle::with_template("{spinner} {elapsed_precise} {pos} records · {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            b.enable_steady_tick(std::time::Duration::from_millis(120));
            b
        } else {
            ProgressBar::hidden()
        };
        CliProgress {
            bar,
            warned: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
        let n = self.warned.load(Ordering::Relaxed);
        if n > MAX_WARNINGS {
            eprintln!("newsdex: {} more warnings not shown", n - MAX_WARNINGS);
        }
    }
}

impl Progress for CliProgress {
    fn advance(&self, bytes: u64) {
        self.bar.inc(1);
        let total = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
        if bytes > 0 && !self.bar.is_hidden() {
            self.bar
                .set_message(format!("{:.1} MB", total as f64 / 1e6));
        }
    }

    fn warn(&self, message: &str) {
        let n = self.warned.fetch_add(1, Ordering::Relaxed);
        if n < MAX_WARNINGS {
            self.bar
                .suspend(|| eprintln!("newsdex: warning: {message}"));
        }
    }
}

/// Index the given paths (or `corpus/`) into the index folder, incrementally.
pub fn run(args: IndexArgs) -> anyhow::Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(super::DEFAULT_CORPUS)]
    } else {
        args.paths.clone()
    };
    let summary = index_paths(
        &paths,
        &args.index,
        &args.input,
        args.strict,
        args.rebuild,
        !args.no_extract,
    )?;
    if args.json {
        println!("{}", summary.to_json());
    } else {
        eprintln!("{}", summary_line(&summary));
    }
    Ok(if summary.failed > 0 || summary.skipped > 0 {
        ExitCode::Partial
    } else {
        ExitCode::Ok
    })
}

/// The work of `index`, shared with `search`'s first-run build.
pub fn index_paths(
    paths: &[PathBuf],
    loc: &IndexLocation,
    input: &InputOptions,
    strict: bool,
    rebuild: bool,
    extract: bool,
) -> anyhow::Result<Summary> {
    let read_opts = ReadOptions {
        format: input.format,
        fields: super::parse_field_maps(&input.fields)?,
    };
    // Check the inputs before touching the index: a typo in a path must not
    // cost the user their index (--rebuild) or a lock.
    let items = read_paths(paths, &read_opts)?;
    let (extractor, salt) = if extract {
        let (x, salt) = super::build_extractor(&input.gazetteer)?;
        (Some(x), salt)
    } else {
        (None, 0)
    };
    if rebuild {
        NewsIndex::remove(&loc.dir)?;
    }
    let ni = NewsIndex::open_or_create(&loc.dir)?;
    let progress = CliProgress::new();
    let opts = WriterOptions {
        strict,
        ..WriterOptions::default()
    };
    let result = index_stream(&ni, items, extractor.as_ref(), salt, &opts, &progress);
    progress.finish();
    match result {
        Ok(s) => Ok(s),
        Err(e) if e.downcast_ref::<StrictStop>().is_some() => Err(e),
        Err(e) => Err(e.context(format!(
            "indexing into {} stopped; what was committed before is intact, run again to finish",
            loc.dir.display()
        ))),
    }
}

/// `added 816 · updated 0 · unchanged 0 · skipped 0 · failed 0 · 12.3 MB in 4.1 s (199 docs/s, 3.0 MB/s)`
pub fn summary_line(s: &Summary) -> String {
    let mut line = format!(
        "added {} · updated {} · unchanged {} · skipped {} · failed {} · {:.1} MB in {:.1} s ({:.0} docs/s, {:.1} MB/s)",
        s.added,
        s.updated,
        s.unchanged,
        s.skipped,
        s.failed,
        s.mb_read(),
        s.seconds,
        s.docs_per_s(),
        s.mb_per_s()
    );
    if s.statements > 0 {
        line.push_str(&format!(" · {} statements", s.statements));
    }
    if s.undated > 0 {
        line.push_str(&format!(" · {} without a date", s.undated));
    }
    line
}
