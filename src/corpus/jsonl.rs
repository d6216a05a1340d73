//! JSON Lines: one article object per line.
//!
//! Besides the documented keys (`id, title, body, date, source, url, authors,
//! attribution, tags`), a few names common in news datasets and APIs are read
//! when the documented key is absent (`headline`, `text`, `content`,
//! `published_at`, `link`, `author`, ...), so most dumps load without
//! `--field`. A `--field` remapping replaces that list for its field.

use std::sync::Arc;

use serde_json::{Map, Value};

use super::input::{self, Input, Line};
use super::{
    parse_date, Article, Origin, ReadItem, ReadOptions, RecordError, RecordErrorKind,
    MAX_ARTICLE_BYTES,
};

/// Keys tried, in order, for each article field when not remapped.
const DEFAULT_KEYS: &[(&str, &[&str])] = &[
    ("id", &["id", "_id", "uuid", "guid"]),
    ("title", &["title", "headline"]),
    (
        "body",
        &[
            "body",
            "text",
            "content",
            "article",
            "maintext",
            "article_text",
        ],
    ),
    (
        "date",
        &[
            "date",
            "published",
            "published_at",
            "publishedAt",
            "pubDate",
            "date_publish",
            "datetime",
            "timestamp",
        ],
    ),
    ("source", &["source", "source_name", "publisher", "outlet"]),
    ("url", &["url", "link", "uri"]),
    ("authors", &["authors", "author", "byline"]),
    ("attribution", &["attribution"]),
    ("tags", &["tags", "keywords"]),
];

/// Streams the records of one JSONL input.
pub(crate) struct JsonlReader {
    input: Input,
    path: String,
    /// Lines consumed so far (the next line is `line + 1`).
    line: usize,
    buf: Vec<u8>,
    opts: Arc<ReadOptions>,
    done: bool,
}

impl JsonlReader {
    pub(crate) fn new(input: Input, path: String, opts: Arc<ReadOptions>) -> Self {
        JsonlReader {
            input,
            path,
            line: 0,
            buf: Vec::new(),
            opts,
            done: false,
        }
    }

    fn origin(&self) -> Origin {
        Origin {
            path: self.path.clone(),
            line: self.line,
        }
    }

    fn fail(&self, reason: String) -> RecordError {
        RecordError {
            origin: self.origin(),
            reason,
            kind: RecordErrorKind::Failed,
        }
    }

    fn parse(&mut self, len: usize) -> ReadItem {
        // The buffer becomes the article's text without a copy.
        let bytes = std::mem::take(&mut self.buf);
        let (text, lossy) = input::decode(bytes);
        // A byte-order mark is legal at the start of a UTF-8 file only.
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let value: Value =
            serde_json::from_str(text).map_err(|e| self.fail(format!("invalid JSON: {e}")))?;
        to_article(value, self.origin(), len, lossy, &self.opts)
    }
}

/// The JSON keys to try for `field`: the `--field` remapping, else the
/// defaults.
fn keys<'a>(opts: &'a ReadOptions, field: &str) -> Vec<&'a str> {
    if let Some((_, key)) = opts.fields.iter().rev().find(|(f, _)| f == field) {
        return vec![key.as_str()];
    }
    DEFAULT_KEYS
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, keys)| keys.to_vec())
        .unwrap_or_default()
}

/// The first present, non-null value among the keys for `field`.
fn get<'a>(opts: &ReadOptions, obj: &'a Map<String, Value>, field: &str) -> Option<&'a Value> {
    keys(opts, field)
        .into_iter()
        .filter_map(|k| obj.get(k))
        .find(|v| !v.is_null())
}

/// One JSON value (which must be an object) as an article.
fn to_article(
    value: Value,
    origin: Origin,
    len: usize,
    lossy: bool,
    opts: &ReadOptions,
) -> ReadItem {
    let Value::Object(obj) = value else {
        return Err(RecordError {
            origin,
            reason: "invalid JSON: expected an object (one article per line)".to_string(),
            kind: RecordErrorKind::Failed,
        });
    };
    let mut article = Article {
        origin,
        input_bytes: len,
        ..Article::default()
    };
    if lossy {
        article.warnings.push(input::LOSSY_WARNING.to_string());
    }
    let string = |field: &str| get(opts, &obj, field).and_then(as_text);
    article.id = string("id")
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    article.title = string("title")
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    article.body = string("body")
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    article.source = get(opts, &obj, "source")
        .and_then(source_name)
        .filter(|s| !s.is_empty());
    article.url = string("url")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    article.attribution = string("attribution").filter(|s| !s.trim().is_empty());
    article.authors = get(opts, &obj, "authors").map(names).unwrap_or_default();
    article.tags = get(opts, &obj, "tags").map(names).unwrap_or_default();
    if let Some(date) = string("date") {
        article.published = parse_date(&date);
        if article.published.is_none() && !date.trim().is_empty() {
            article
                .warnings
                .push(format!("unparseable date {}", shorten(&date)));
        }
    }
    if article.body.is_empty() {
        return Err(RecordError {
            origin: article.origin,
            reason: "empty body".to_string(),
            kind: RecordErrorKind::Skipped,
        });
    }
    article.ensure_id();
    Ok(article)
}

impl Iterator for JsonlReader {
    type Item = ReadItem;

    fn next(&mut self) -> Option<ReadItem> {
        while !self.done {
            let read = input::read_line_bounded(&mut *self.input, &mut self.buf, MAX_ARTICLE_BYTES);
            match read {
                Err(e) => {
                    self.done = true;
                    self.line += 1;
                    return Some(Err(self.fail(format!("read error: {e}"))));
                }
                Ok(Line::Eof) => self.done = true,
                Ok(Line::TooLong { len }) => {
                    self.line += 1;
                    return Some(Err(self.fail(input::too_large(len))));
                }
                Ok(Line::Complete { len }) => {
                    self.line += 1;
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(self.parse(len));
                }
            }
        }
        None
    }
}

/// Largest JSON document (array or pretty-printed objects) read whole. Such
/// files cannot be streamed line by line, so they are held in memory; beyond
/// this they should be converted to JSON Lines.
pub(crate) const MAX_JSON_DOCUMENT_BYTES: usize = 4 * MAX_ARTICLE_BYTES;

/// True when `head` (the first bytes of a JSON input) is not one object per
/// line: a top-level array, or an object whose first line is a lone `{` (a
/// pretty-printed object).
pub(crate) fn is_json_document(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let rest = head.get(start..).unwrap_or_default();
    match rest.first() {
        Some(b'[') => true,
        Some(b'{') => {
            let line_end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
            rest.get(1..line_end)
                .is_some_and(|l| l.iter().all(u8::is_ascii_whitespace))
        }
        _ => false,
    }
}

/// Reads a whole JSON document: an array of article objects, or objects one
/// after another (pretty-printed, or several per line). Records carry the line
/// their value starts on. A syntax error ends the file: past it, where the
/// next object starts cannot be known.
pub(crate) struct JsonDocReader {
    path: String,
    opts: Arc<ReadOptions>,
    text: String,
    lossy: bool,
    pos: usize,
    line: usize,
    in_array: bool,
    done: bool,
    pending: Option<RecordError>,
}

impl JsonDocReader {
    pub(crate) fn new(mut input: Input, path: String, opts: Arc<ReadOptions>) -> Self {
        let mut reader = JsonDocReader {
            path,
            opts,
            text: String::new(),
            lossy: false,
            pos: 0,
            line: 1,
            in_array: false,
            done: false,
            pending: None,
        };
        match input::read_all_bounded(&mut *input, MAX_JSON_DOCUMENT_BYTES) {
            Err(e) => reader.pending = Some(reader.fail(format!("read error: {e}"))),
            Ok((_, total)) if total > MAX_JSON_DOCUMENT_BYTES => {
                reader.pending = Some(reader.fail(format!(
                    "JSON document too large ({} MB > {} MB); convert it to JSON Lines (one article per line)",
                    total.div_ceil(1024 * 1024),
                    MAX_JSON_DOCUMENT_BYTES / (1024 * 1024)
                )))
            }
            Ok((bytes, _)) => {
                let (text, lossy) = input::decode(bytes);
                reader.text = text;
                reader.lossy = lossy;
                if reader.text.starts_with('\u{feff}') {
                    reader.pos = 3;
                }
                reader.skip_blank(false);
                if reader.text.get(reader.pos..).is_some_and(|r| r.starts_with('[')) {
                    reader.in_array = true;
                    reader.advance(1);
                }
            }
        }
        reader
    }

    fn fail(&self, reason: String) -> RecordError {
        RecordError {
            origin: Origin {
                path: self.path.clone(),
                line: self.line,
            },
            reason,
            kind: RecordErrorKind::Failed,
        }
    }

    /// Move `n` bytes forward, counting lines.
    fn advance(&mut self, n: usize) {
        let end = (self.pos + n).min(self.text.len());
        let skipped = self.text.as_bytes().get(self.pos..end).unwrap_or_default();
        self.line += skipped.iter().filter(|&&b| b == b'\n').count();
        self.pos = end;
    }

    /// Skip whitespace, and commas between array elements.
    fn skip_blank(&mut self, commas: bool) {
        let rest = self.text.as_bytes().get(self.pos..).unwrap_or_default();
        let n = rest
            .iter()
            .position(|&b| !(b.is_ascii_whitespace() || (commas && b == b',')))
            .unwrap_or(rest.len());
        self.advance(n);
    }
}

impl Iterator for JsonDocReader {
    type Item = ReadItem;

    fn next(&mut self) -> Option<ReadItem> {
        if let Some(e) = self.pending.take() {
            self.done = true;
            return Some(Err(e));
        }
        if self.done {
            return None;
        }
        self.skip_blank(self.in_array);
        let rest = self.text.get(self.pos..).unwrap_or_default();
        if rest.is_empty() || (self.in_array && rest.starts_with(']')) {
            self.done = true;
            return None;
        }
        let mut values = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
        match values.next() {
            Some(Ok(value)) => {
                let len = values.byte_offset();
                let origin = Origin {
                    path: self.path.clone(),
                    line: self.line,
                };
                self.advance(len);
                Some(to_article(value, origin, len, self.lossy, &self.opts))
            }
            Some(Err(e)) => {
                self.done = true;
                Some(Err(self.fail(format!("invalid JSON: {e}"))))
            }
            None => {
                self.done = true;
                None
            }
        }
    }
}

/// A JSON scalar as text; an array of strings (paragraphs) joined by newlines.
fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(as_text).collect();
            (!parts.is_empty()).then(|| parts.join("\n"))
        }
        Value::Null | Value::Object(_) => None,
    }
}

/// A source is a string, or an object with a name (`{"id": .., "name": ..}`
/// as news APIs send it).
fn source_name(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) => o
            .get("name")
            .or_else(|| o.get("title"))
            .and_then(as_text)
            .map(|s| s.trim().to_string()),
        other => as_text(other).map(|s| s.trim().to_string()),
    }
}

/// Authors or tags: an array of strings (or of `{"name": ..}` objects), or one
/// string listing them separated by commas or semicolons.
fn names(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    match v {
        Value::Array(items) => {
            for item in items {
                let name = match item {
                    Value::Object(_) => source_name(item),
                    other => as_text(other),
                };
                if let Some(name) = name {
                    out.push(name.trim().to_string());
                }
            }
        }
        Value::String(s) => out.extend(s.split([',', ';']).map(|p| p.trim().to_string())),
        _ => {}
    }
    out.retain(|s| !s.is_empty());
    out.dedup();
    out
}

/// A value quoted for a message, cut to a readable length on a char boundary.
pub(crate) fn shorten(s: &str) -> String {
    const MAX_CHARS: usize = 40;
    let mut out: String = s.chars().take(MAX_CHARS).collect();
    if s.chars().nth(MAX_CHARS).is_some() {
        out.push('…');
    }
    format!("`{out}`")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(data: &str, fields: Vec<(String, String)>) -> Vec<ReadItem> {
        let input: Input = Box::new(std::io::Cursor::new(data.as_bytes().to_vec()));
        let opts = Arc::new(ReadOptions {
            format: None,
            fields,
        });
        JsonlReader::new(input, "t.jsonl".into(), opts).collect()
    }

    #[test]
    fn fields_nulls_and_fallback_keys() {
        let items = read(
            "{\"title\": null, \"text\": \"Body.\", \"author\": \"A. B, C. D\", \"source\": {\"name\": \"Wire\"}, \"tags\": [\"x/y\"], \"extra\": 1}\n",
            vec![],
        );
        let a = items
            .into_iter()
            .next()
            .and_then(Result::ok)
            .unwrap_or_default();
        assert_eq!(a.title, "");
        assert_eq!(a.body, "Body.");
        assert_eq!(a.authors, vec!["A. B", "C. D"]);
        assert_eq!(a.source.as_deref(), Some("Wire"));
        assert_eq!(a.tags, vec!["x/y"]);
        assert!(a.id.starts_with("sha:"));
    }

    #[test]
    fn remapped_field_replaces_defaults() {
        let items = read(
            "{\"body\": \"ignored\", \"story\": \"Used.\", \"id\": 7}\n",
            vec![("body".into(), "story".into())],
        );
        let a = items
            .into_iter()
            .next()
            .and_then(Result::ok)
            .unwrap_or_default();
        assert_eq!(a.body, "Used.");
        assert_eq!(a.id, "7");
    }

    #[test]
    fn bad_date_is_a_warning() {
        let items = read("{\"body\": \"x\", \"date\": \"someday\"}\n", vec![]);
        let a = items
            .into_iter()
            .next()
            .and_then(Result::ok)
            .unwrap_or_default();
        assert!(a.published.is_none());
        assert_eq!(a.warnings, vec!["unparseable date `someday`"]);
    }
}
