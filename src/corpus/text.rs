//! Plain text and Markdown files: one article per file.
//!
//! Layout: optional `key: value` header lines (or a `---` front-matter block),
//! then the title line, then the body. Only a fixed set of keys counts as a
//! header, so a title such as "Breaking: floods" stays a title. Title and body
//! are kept as exact slices of the file, and their byte offsets recorded, so
//! spans found in them map back to the file (see `Article::file_offset`).

use super::input::{self, Input};
use super::jsonl::shorten;
use super::{
    parse_date, Article, Origin, ReadItem, RecordError, RecordErrorKind, MAX_ARTICLE_BYTES,
};

/// Header keys recognised (compared case-insensitively).
const HEADER_KEYS: &[&str] = &[
    "id",
    "title",
    "date",
    "published",
    "source",
    "url",
    "author",
    "authors",
];

/// Yields the single article of one text input.
pub(crate) struct TextReader {
    input: Option<Input>,
    path: String,
}

impl TextReader {
    pub(crate) fn new(input: Input, path: String) -> Self {
        TextReader {
            input: Some(input),
            path,
        }
    }
}

impl Iterator for TextReader {
    type Item = ReadItem;

    fn next(&mut self) -> Option<ReadItem> {
        let mut input = self.input.take()?;
        Some(read_text(&mut input, &self.path))
    }
}

fn read_text(input: &mut Input, path: &str) -> ReadItem {
    let origin = Origin {
        path: path.to_string(),
        line: 1,
    };
    let fail = |reason: String, kind| RecordError {
        origin: origin.clone(),
        reason,
        kind,
    };
    let (bytes, total) = input::read_all_bounded(&mut **input, MAX_ARTICLE_BYTES)
        .map_err(|e| fail(format!("read error: {e}"), RecordErrorKind::Failed))?;
    if total > MAX_ARTICLE_BYTES {
        return Err(fail(input::too_large(total), RecordErrorKind::Failed));
    }
    let (text, lossy) = input::decode(bytes);
    let mut article = parse_text(&text);
    if article.body.is_empty() {
        return Err(fail("empty body".to_string(), RecordErrorKind::Skipped));
    }
    if lossy {
        // Replacement characters are 3 bytes where the bad byte was 1: the
        // offsets would no longer point at the right place in the file.
        article.title_offset = None;
        article.body_offset = None;
        article.warnings.push(input::LOSSY_WARNING.to_string());
    }
    article.origin = origin;
    article.input_bytes = total;
    article.ensure_id();
    Ok(article)
}

/// Lines of `text` with the byte offset each starts at (no line ends).
fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        let rest = text.get(pos..)?;
        if rest.is_empty() {
            return None;
        }
        let start = pos;
        let (line, advance) = match rest.find('\n') {
            Some(i) => (rest.get(..i).unwrap_or(rest), i + 1),
            None => (rest, rest.len()),
        };
        pos += advance;
        Some((start, line.strip_suffix('\r').unwrap_or(line)))
    })
}

/// `s` trimmed, with the offset of the trimmed text given `s` starts at `at`.
fn trimmed(at: usize, s: &str) -> (usize, &str) {
    let start_trimmed = s.trim_start();
    (
        at + (s.len() - start_trimmed.len()),
        start_trimmed.trim_end(),
    )
}

/// A header line `key: value` with a known key: (key lower-cased, offset of
/// the value, value).
fn header(at: usize, line: &str) -> Option<(String, usize, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim().to_ascii_lowercase();
    if !HEADER_KEYS.contains(&key.as_str()) {
        return None;
    }
    let (offset, value) = trimmed(at + line.len() - value.len(), value);
    Some((key, offset, value))
}

/// Split a text file into headers, title and body; id and origin are left to
/// the caller. Never fails: a file with no body gives an empty body.
pub(crate) fn parse_text(text: &str) -> Article {
    let mut article = Article::default();
    let mut title: Option<(usize, &str)> = None;
    let mut lines = lines_with_offsets(text).peekable();
    // A UTF-8 byte-order mark is not part of the first line.
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };

    let front_matter = text
        .get(bom..)
        .and_then(|t| t.lines().next())
        .is_some_and(|l| l.trim_end() == "---")
        && text
            .get(bom..)
            .is_some_and(|t| t.lines().skip(1).any(|l| l.trim_end() == "---"));
    if front_matter {
        lines.next();
        for (at, line) in lines.by_ref() {
            if line.trim_end() == "---" {
                break;
            }
            if let Some(h) = header(at, line) {
                apply_header(&mut article, &mut title, h);
            }
        }
    }

    // Leading headers, then the title line.
    while let Some((at, line)) = lines.next() {
        let (at, line) = if at == 0 {
            (bom, line.get(bom..).unwrap_or(line))
        } else {
            (at, line)
        };
        if line.trim().is_empty() {
            continue;
        }
        if let Some(h) = header(at, line) {
            apply_header(&mut article, &mut title, h);
            continue;
        }
        if title.is_none() {
            title = Some(title_of(at, line));
            // A Markdown setext underline (`=====`) belongs to the title.
            if lines.peek().is_some_and(|(_, next)| is_underline(next)) {
                lines.next();
            }
        } else {
            // The title came from a header: this line starts the body.
            let (at, _) = trimmed(at, line);
            set_body(&mut article, text, at);
            break;
        }
        if let Some((at, _)) = lines.find(|(_, l)| !l.trim().is_empty()) {
            let (at, _) = trimmed(at, text.get(at..).unwrap_or_default());
            set_body(&mut article, text, at);
        }
        break;
    }
    if let Some((offset, t)) = title {
        article.title = t.to_string();
        article.title_offset = Some(offset);
    }
    article
}

fn set_body(article: &mut Article, text: &str, at: usize) {
    let body = text.get(at..).unwrap_or_default().trim_end();
    article.body = body.to_string();
    article.body_offset = Some(at);
}

/// The title within a title line: trimmed, without a Markdown `#` marker.
fn title_of(at: usize, line: &str) -> (usize, &str) {
    let (at, t) = trimmed(at, line);
    let hashes = t.len() - t.trim_start_matches('#').len();
    if hashes > 0 && hashes <= 6 {
        if let Some(rest) = t.get(hashes..).filter(|r| r.starts_with(' ')) {
            let (at2, t2) = trimmed(at + hashes, rest);
            if !t2.is_empty() {
                return (at2, t2);
            }
        }
    }
    (at, t)
}

fn is_underline(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'))
}

fn apply_header<'a>(
    article: &mut Article,
    title: &mut Option<(usize, &'a str)>,
    (key, offset, value): (String, usize, &'a str),
) {
    if value.is_empty() {
        return;
    }
    match key.as_str() {
        "id" => article.id = value.to_string(),
        "title" => *title = Some((offset, value)),
        "date" | "published" => {
            article.published = parse_date(value);
            if article.published.is_none() {
                article
                    .warnings
                    .push(format!("unparseable date {}", shorten(value)));
            }
        }
        "source" => article.source = Some(value.to_string()),
        "url" => article.url = Some(value.to_string()),
        "author" | "authors" => article.authors.extend(
            value
                .split([',', ';'])
                .flat_map(|p| p.split(" and "))
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string),
        ),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_offsets(text: &str, a: &Article) {
        if let Some(t) = a.title_offset {
            assert_eq!(text.get(t..t + a.title.len()), Some(a.title.as_str()));
        }
        if let Some(b) = a.body_offset {
            assert_eq!(text.get(b..b + a.body.len()), Some(a.body.as_str()));
        }
    }

    #[test]
    fn headers_title_body() {
        let text =
            "Source: Wire\r\nDATE: 2025-11-30\n\nBreaking: floods\n\n\n  Water rose.\nMore.\n\n";
        let a = parse_text(text);
        assert_eq!(a.source.as_deref(), Some("Wire"));
        assert!(a.published.is_some());
        assert_eq!(a.title, "Breaking: floods");
        assert_eq!(a.body, "Water rose.\nMore.");
        check_offsets(text, &a);
    }

    #[test]
    fn front_matter_and_markdown_title() {
        let text = "---\ntitle: From header\nauthor: A and B\nlayout: post\n---\n\nFirst para.\n";
        let a = parse_text(text);
        assert_eq!(a.title, "From header");
        assert_eq!(a.body, "First para.");
        assert_eq!(a.authors, vec!["A", "B"]);
        check_offsets(text, &a);

        let md = "\u{feff}# Heading one\n\nText here.";
        let a = parse_text(md);
        assert_eq!(a.title, "Heading one");
        assert_eq!(a.body, "Text here.");
        check_offsets(md, &a);

        let setext = "Heading\n=======\nBody";
        let a = parse_text(setext);
        assert_eq!((a.title.as_str(), a.body.as_str()), ("Heading", "Body"));
    }

    #[test]
    fn title_only_has_empty_body() {
        let a = parse_text("\n\nJust a title\n\n");
        assert_eq!(a.title, "Just a title");
        assert!(a.body.is_empty());
        assert!(parse_text("").title.is_empty());
    }

    #[test]
    fn file_offset_maps_back() {
        let text = "id: x1\nTitle line\n\nBody starts here.";
        let mut a = parse_text(text);
        a.ensure_id();
        assert_eq!(a.id, "x1");
        let joined = a.text();
        let pos = joined.find("starts").unwrap_or_default();
        let file_pos = a.file_offset(pos);
        assert_eq!(text.get(file_pos..file_pos + 6), Some("starts"));
    }
}
