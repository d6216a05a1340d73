//! Corpus readers: every supported input format becomes a stream of [`Article`]s.
//!
//! Readers never abort on a bad record: they yield a [`RecordError`] naming the
//! file and line, and go on with the next record. The caller decides whether
//! that is fatal (`--strict`).

use chrono::{DateTime, Utc};
use serde::Serialize;

pub mod date;
mod input;
mod jsonl;
mod reuters;
mod source;
mod text;

pub use date::parse_date;

/// Largest record a reader accepts (decompressed bytes). Larger records are
/// reported as failed without being held in memory, so a corrupt or hostile
/// input cannot exhaust it.
pub const MAX_ARTICLE_BYTES: usize = 16 * 1024 * 1024;

/// A stable 64-bit hash (FNV-1a) of `bytes`: the same on every platform and
/// Rust version, unlike `std`'s `DefaultHasher`, so it can be stored in an
/// index and compared across runs.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    bytes
        .iter()
        .fold(OFFSET, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}

/// `url` in a canonical form for use as an id: scheme and host lower-cased,
/// fragment and trailing slash removed, surrounding whitespace trimmed.
pub fn normalise_url(url: &str) -> String {
    let url = url.trim();
    let url = url.split_once('#').map_or(url, |(before, _)| before);
    let (scheme, rest) = match url.split_once("://") {
        Some((scheme, rest)) => (Some(scheme.to_ascii_lowercase()), rest),
        None => (None, url),
    };
    let host_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (host, tail) = rest.split_at(host_end);
    let (path, query) = match tail.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (tail, None),
    };
    let mut out = String::with_capacity(url.len());
    if let Some(scheme) = scheme {
        out.push_str(&scheme);
        out.push_str("://");
    }
    out.push_str(&host.to_ascii_lowercase());
    out.push_str(path.trim_end_matches('/'));
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

/// One news article, whatever format it came from.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Article {
    /// Unique key. Readers fill it from the input when there is one; otherwise
    /// [`Article::ensure_id`] derives it from the url, else from a content hash.
    pub id: String,
    pub title: String,
    pub body: String,
    /// Publication time, normalised to UTC. `None` when the input had no
    /// parseable date (the article is still indexed, and counted).
    pub published: Option<DateTime<Utc>>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub authors: Vec<String>,
    /// Free-form tags as `namespace/value` paths, e.g. `places/usa`,
    /// `people/james-baker` for Reuters gold codes, or `topics/earn`.
    pub tags: Vec<String>,
    /// Credit line that a licence requires to be shown with the article
    /// (CC BY items of the shipped corpus carry one).
    pub attribution: Option<String>,
    /// Where the record came from, for messages.
    pub origin: Origin,
    /// Byte offset in the input file where `title` starts, when the title is
    /// an exact copy of the file's bytes (text files); see [`Article::text`].
    pub title_offset: Option<usize>,
    /// Byte offset in the input file where `body` starts, when the body is an
    /// exact copy of the file's bytes (text files).
    pub body_offset: Option<usize>,
    /// Bytes of input this record took (decompressed), for throughput figures.
    pub input_bytes: usize,
    /// Non-fatal problems met while reading it (e.g. invalid UTF-8 decoded
    /// lossily); the consumer prints them as warnings.
    pub warnings: Vec<String>,
}

/// File and line (1-based) a record starts on; `path` is `-` for stdin.
/// Line 0 means the whole file (e.g. it could not be opened).
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Origin {
    pub path: String,
    pub line: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.path)
        } else {
            write!(f, "{}:{}", self.path, self.line)
        }
    }
}

/// A record that was not turned into an article. Carries enough to print
/// `file:line: reason` and to count it.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{origin}: {reason}")]
pub struct RecordError {
    pub origin: Origin,
    pub reason: String,
    /// `Skipped`: readable but not indexable (empty body); `Failed`: unreadable
    /// (malformed line, unreadable file).
    pub kind: RecordErrorKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordErrorKind {
    Skipped,
    Failed,
}

/// Input formats; chosen per file by extension or content unless forced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line (`.jsonl`, `.jsonl.gz`, `.ndjson`).
    Jsonl,
    /// A `.txt` / `.md` file: title line, optional `key: value` headers, body.
    Text,
    /// Reuters-21578 SGML (`.sgm`, `.sgm.gz`).
    Reuters,
}

/// How to read inputs.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Forced format; `None` guesses per file.
    pub format: Option<Format>,
    /// Article field → JSON key remappings from `--field body=text`.
    pub fields: Vec<(String, String)>,
}

/// One item of a reader's stream.
pub type ReadItem = Result<Article, RecordError>;

/// Separator between title and body in [`Article::text`].
pub const TITLE_BODY_SEP: &str = "\n\n";

impl Article {
    /// Give the article an id when the input had none: `url:` + the
    /// normalised url when there is a url, else `sha:` + 16 hex digits of
    /// [`stable_hash`] over title, a newline and body. Both are stable across
    /// runs, so re-indexing the same input replaces rather than duplicates.
    pub fn ensure_id(&mut self) {
        if !self.id.trim().is_empty() {
            return;
        }
        if let Some(url) = self.url.as_deref().map(normalise_url) {
            if !url.is_empty() {
                self.id = format!("url:{url}");
                return;
            }
        }
        let mut content = Vec::with_capacity(self.title.len() + self.body.len() + 1);
        content.extend_from_slice(self.title.as_bytes());
        content.push(b'\n');
        content.extend_from_slice(self.body.as_bytes());
        self.id = format!("sha:{:016x}", stable_hash(&content));
    }

    /// The text extraction runs over: title, a blank line, body. Offsets into
    /// it are turned into offsets into the input file by [`Article::file_offset`].
    pub fn text(&self) -> String {
        let mut s = String::with_capacity(self.title.len() + self.body.len() + 2);
        s.push_str(&self.title);
        s.push_str(TITLE_BODY_SEP);
        s.push_str(&self.body);
        s
    }

    /// Map a byte offset into [`Article::text`] to a byte offset into the input
    /// file as given, where the reader recorded where title and body sit.
    /// For formats where it did not (JSONL, SGML), offsets are into `text()`.
    pub fn file_offset(&self, text_offset: usize) -> usize {
        let body_start = self.title.len() + TITLE_BODY_SEP.len();
        if text_offset >= body_start {
            match self.body_offset {
                Some(b) => b + (text_offset - body_start),
                None => text_offset,
            }
        } else {
            match self.title_offset {
                Some(t) => t + text_offset.min(self.title.len()),
                None => text_offset,
            }
        }
    }
}

/// Stream the articles of every path (files, folders walked recursively in
/// name order, or `-` for stdin). Memory stays bounded by one record; a path
/// that does not exist is a fatal error before anything is read.
pub fn read_paths(
    paths: &[std::path::PathBuf],
    opts: &ReadOptions,
) -> anyhow::Result<Box<dyn Iterator<Item = ReadItem> + Send>> {
    source::read_paths(paths, opts)
}
