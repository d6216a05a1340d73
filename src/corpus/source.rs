//! From the paths given on the command line to one stream of records: folder
//! walking, format choice per file, and opening files lazily, one at a time.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::input::{self, Input};
use super::{jsonl, reuters, text};
use super::{Format, Origin, ReadItem, ReadOptions, RecordError, RecordErrorKind};

/// Article fields that `--field FIELD=KEY` may remap.
pub(crate) const FIELDS: &[&str] = &[
    "id",
    "title",
    "body",
    "date",
    "source",
    "url",
    "authors",
    "attribution",
    "tags",
];

/// Symlinked folders can form cycles; no real corpus is this deep.
const MAX_DEPTH: usize = 32;

/// One input to read, in order.
enum Source {
    Stdin,
    /// `explicit`: named on the command line (read whatever its extension)
    /// rather than found in a folder.
    File {
        path: PathBuf,
        explicit: bool,
    },
    /// A problem found while listing inputs, reported in its place.
    Error(RecordError),
}

/// See [`super::read_paths`].
pub(crate) fn read_paths(
    paths: &[PathBuf],
    opts: &ReadOptions,
) -> anyhow::Result<Box<dyn Iterator<Item = ReadItem> + Send>> {
    for (field, key) in &opts.fields {
        if !FIELDS.contains(&field.as_str()) {
            anyhow::bail!(
                "unknown article field `{field}` in --field {field}={key} (fields: {})",
                FIELDS.join(", ")
            );
        }
    }
    let mut sources = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                anyhow::bail!("{}: no such file or directory", path.display())
            }
            Err(e) => sources.push(Source::Error(file_error(path, &e))),
            Ok(meta) if meta.is_dir() => walk(path, opts.format.is_some(), 0, &mut sources),
            Ok(_) => sources.push(Source::File {
                path: path.clone(),
                explicit: true,
            }),
        }
    }
    Ok(Box::new(Stream {
        sources: sources.into_iter(),
        current: None,
        opts: Arc::new(opts.clone()),
    }))
}

/// A failure that concerns a whole file rather than one record.
pub(crate) fn file_error(path: &Path, err: &dyn std::fmt::Display) -> RecordError {
    RecordError {
        origin: Origin {
            path: path.display().to_string(),
            line: 0,
        },
        reason: err.to_string(),
        kind: RecordErrorKind::Failed,
    }
}

/// Add the readable files under `dir` in name order, recursively. Hidden
/// entries and READMEs are skipped, and so are files of unknown type unless a
/// format is forced (a folder of news often holds images, notes, ...).
fn walk(dir: &Path, forced: bool, depth: usize, out: &mut Vec<Source>) {
    if depth > MAX_DEPTH {
        out.push(Source::Error(file_error(dir, &"folder nesting too deep")));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(Source::Error(file_error(dir, &e)));
            return;
        }
    };
    let mut children: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                if !entry.file_name().to_string_lossy().starts_with('.') {
                    children.push(entry.path());
                }
            }
            Err(e) => out.push(Source::Error(file_error(dir, &e))),
        }
    }
    children.sort();
    for child in children {
        match std::fs::metadata(&child) {
            Ok(meta) if meta.is_dir() => walk(&child, forced, depth + 1, out),
            Ok(_) if is_documentation(&child) => {}
            Ok(_) if forced || format_by_name(&child).is_some() => out.push(Source::File {
                path: child,
                explicit: false,
            }),
            Ok(_) => {}
            Err(e) => out.push(Source::Error(file_error(&child, &e))),
        }
    }
}

/// READMEs and licence files describe a folder of articles rather than
/// being articles (the shipped `corpus/README.md` is one); a folder walk skips
/// them, naming one explicitly still reads it.
fn is_documentation(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_uppercase())
        .unwrap_or_default();
    [
        "README",
        "LICENSE",
        "LICENCE",
        "COPYING",
        "CHANGELOG",
        "NOTICE",
    ]
    .iter()
    .any(|doc| name == *doc || name.starts_with(&format!("{doc}.")))
}

/// The format a file name announces, looking through a `.gz` suffix.
pub(crate) fn format_by_name(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = Path::new(name).extension()?.to_str()?;
    match ext {
        "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
        "txt" | "md" | "markdown" | "text" => Some(Format::Text),
        "sgm" | "sgml" => Some(Format::Reuters),
        _ => None,
    }
}

/// The format the first bytes of an input suggest: JSON (an object, or an
/// array of them), Reuters SGML, or else plain text.
pub(crate) fn format_by_content(head: &[u8]) -> Format {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = head.get(start..).unwrap_or_default();
    let upper: Vec<u8> = head.iter().take(32).map(u8::to_ascii_uppercase).collect();
    if head.first() == Some(&b'{') || head.first() == Some(&b'[') {
        Format::Jsonl
    } else if upper.starts_with(b"<!DOCTYPE LEWIS") || upper.starts_with(b"<REUTERS") {
        Format::Reuters
    } else {
        Format::Text
    }
}

/// The records of every source, one source open at a time.
struct Stream {
    sources: std::vec::IntoIter<Source>,
    current: Option<Box<dyn Iterator<Item = ReadItem> + Send>>,
    opts: Arc<ReadOptions>,
}

impl Iterator for Stream {
    type Item = ReadItem;

    fn next(&mut self) -> Option<ReadItem> {
        loop {
            if let Some(current) = self.current.as_mut() {
                if let Some(item) = current.next() {
                    return Some(item);
                }
                self.current = None;
            }
            match self.sources.next()? {
                Source::Error(e) => return Some(Err(e)),
                Source::Stdin => {
                    let stdin: Box<dyn std::io::Read + Send> = Box::new(std::io::stdin());
                    match input::maybe_gunzip(stdin) {
                        Ok(inp) => match reader_for(inp, "-".to_string(), None, &self.opts) {
                            Ok(r) => self.current = Some(r),
                            Err(e) => return Some(Err(e)),
                        },
                        Err(e) => return Some(Err(file_error(Path::new("-"), &e))),
                    }
                }
                Source::File { path, explicit } => {
                    let by_name = self.opts.format.or_else(|| format_by_name(&path));
                    if by_name.is_none() && !explicit {
                        continue;
                    }
                    match input::open_file(&path) {
                        Ok(inp) => {
                            let name = path.display().to_string();
                            match reader_for(inp, name, by_name, &self.opts) {
                                Ok(r) => self.current = Some(r),
                                Err(e) => return Some(Err(e)),
                            }
                        }
                        Err(e) => return Some(Err(file_error(&path, &e))),
                    }
                }
            }
        }
    }
}

/// The reader for one opened input; the format is guessed from the content
/// when neither forced nor implied by the name.
fn reader_for(
    mut inp: Input,
    name: String,
    format: Option<Format>,
    opts: &Arc<ReadOptions>,
) -> Result<Box<dyn Iterator<Item = ReadItem> + Send>, RecordError> {
    let format = match format.or(opts.format) {
        Some(f) => f,
        None => match input::peek(&mut inp) {
            Ok(head) => format_by_content(&head),
            Err(e) => return Err(file_error(Path::new(&name), &e)),
        },
    };
    Ok(match format {
        Format::Jsonl => {
            let head = input::peek(&mut inp).map_err(|e| file_error(Path::new(&name), &e))?;
            if jsonl::is_json_document(&head) {
                Box::new(jsonl::JsonDocReader::new(inp, name, Arc::clone(opts)))
            } else {
                Box::new(jsonl::JsonlReader::new(inp, name, Arc::clone(opts)))
            }
        }
        Format::Text => Box::new(text::TextReader::new(inp, name)),
        Format::Reuters => Box::new(reuters::ReutersReader::new(inp, name)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name() {
        assert_eq!(
            format_by_name(Path::new("a/b.jsonl.gz")),
            Some(Format::Jsonl)
        );
        assert_eq!(format_by_name(Path::new("x.NDJSON")), Some(Format::Jsonl));
        assert_eq!(
            format_by_name(Path::new("reut2-000.sgm.gz")),
            Some(Format::Reuters)
        );
        assert_eq!(format_by_name(Path::new("notes.md")), Some(Format::Text));
        assert_eq!(format_by_name(Path::new("image.png")), None);
        assert_eq!(format_by_name(Path::new("archive.gz")), None);
    }

    #[test]
    fn documentation_files() {
        assert!(is_documentation(Path::new("corpus/README.md")));
        assert!(is_documentation(Path::new("x/readme.txt.gz")));
        assert!(is_documentation(Path::new("LICENSE")));
        assert!(!is_documentation(Path::new("readme-floods.txt")));
        assert!(!is_documentation(Path::new("news.jsonl")));
    }

    #[test]
    fn formats_by_content() {
        assert_eq!(format_by_content(b"  {\"id\": 1}"), Format::Jsonl);
        assert_eq!(
            format_by_content(b"<!DOCTYPE lewis SYSTEM"),
            Format::Reuters
        );
        assert_eq!(format_by_content(b"<REUTERS NEWID=\"1\">"), Format::Reuters);
        assert_eq!(format_by_content(b"A title\n\nbody"), Format::Text);
        assert_eq!(format_by_content(b""), Format::Text);
    }
}
