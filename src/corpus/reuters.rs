//! Reuters-21578 SGML: `<REUTERS ...>` elements, read one at a time.
//!
//! The files are SGML, not well-formed XML, so rather than an XML parser this
//! cuts each element out of the stream by its start and end tags and picks
//! the few sub-elements it needs by name. Only one element (bounded by
//! `MAX_ARTICLE_BYTES`) is in memory at a time, whatever the file size.

use super::input::{self, Input, Line};
use super::jsonl::shorten;
use super::{
    parse_date, Article, Origin, ReadItem, RecordError, RecordErrorKind, MAX_ARTICLE_BYTES,
};

const START_TAG: &[u8] = b"<REUTERS";
const END_TAG: &[u8] = b"</REUTERS>";

/// Gold category lists and the tag namespace each goes to.
const CATEGORIES: &[(&str, &str)] = &[
    ("TOPICS", "topics"),
    ("PLACES", "places"),
    ("PEOPLE", "people"),
    ("ORGS", "orgs"),
    ("EXCHANGES", "exchanges"),
    ("COMPANIES", "companies"),
];

/// Streams the articles of one Reuters SGML input.
pub(crate) struct ReutersReader {
    input: Input,
    path: String,
    /// Lines consumed so far.
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl ReutersReader {
    pub(crate) fn new(input: Input, path: String) -> Self {
        ReutersReader {
            input,
            path,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    fn error(&self, line: usize, reason: String, kind: RecordErrorKind) -> RecordError {
        RecordError {
            origin: Origin {
                path: self.path.clone(),
                line,
            },
            reason,
            kind,
        }
    }

    /// Next line into `self.buf`; `None` at the end of input. A read error
    /// ends the stream after being reported.
    fn next_line(&mut self) -> Option<Result<usize, RecordError>> {
        match input::read_line_bounded(&mut *self.input, &mut self.buf, MAX_ARTICLE_BYTES) {
            Ok(Line::Eof) => None,
            Ok(Line::Complete { len } | Line::TooLong { len }) => {
                self.line += 1;
                Some(Ok(len))
            }
            Err(e) => {
                self.done = true;
                Some(Err(self.error(
                    self.line + 1,
                    format!("read error: {e}"),
                    RecordErrorKind::Failed,
                )))
            }
        }
    }
}

impl Iterator for ReutersReader {
    type Item = ReadItem;

    fn next(&mut self) -> Option<ReadItem> {
        // Find the start tag.
        let (start_line, mut record, mut total) = loop {
            if self.done {
                return None;
            }
            let len = match self.next_line()? {
                Ok(len) => len,
                Err(e) => return Some(Err(e)),
            };
            if let Some(at) = find(&self.buf, START_TAG) {
                let first = self.buf.get(at..).unwrap_or_default().to_vec();
                break (self.line, first, len - at);
            }
        };
        record.push(b'\n');
        // Collect lines up to the end tag, keeping at most the size limit.
        let mut too_large = false;
        // Only the newest line is searched for the end tag: searching the
        // whole record each time would be quadratic in its length.
        let mut ended = find(&record, END_TAG).is_some();
        while !ended {
            let len = match self.next_line() {
                Some(Ok(len)) => len,
                Some(Err(e)) => return Some(Err(e)),
                None => {
                    self.done = true;
                    return Some(Err(self.error(
                        start_line,
                        "unterminated <REUTERS> element".to_string(),
                        RecordErrorKind::Failed,
                    )));
                }
            };
            total += len;
            ended = find(&self.buf, END_TAG).is_some();
            if too_large || record.len() + self.buf.len() + 1 > MAX_ARTICLE_BYTES {
                too_large = true;
                continue;
            }
            record.extend_from_slice(&self.buf);
            record.push(b'\n');
        }
        if too_large {
            return Some(Err(self.error(
                start_line,
                input::too_large(total),
                RecordErrorKind::Failed,
            )));
        }
        if let Some(end) = find(&record, END_TAG) {
            record.truncate(end + END_TAG.len());
        }
        let origin = Origin {
            path: self.path.clone(),
            line: start_line,
        };
        Some(parse_record(record, origin, total))
    }
}

/// Position of `needle` in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The content of the first `<TAG ...>...</TAG>` in `s`, and the attribute
/// text of its start tag.
fn element<'a>(s: &'a str, tag: &str) -> Option<(&'a str, &'a str)> {
    let open = format!("<{tag}");
    let mut from = 0;
    loop {
        let start = from + s.get(from..)?.find(&open)?;
        let after = s.get(start + open.len()..)?;
        // `<TEXT` must not match `<TEXTURE`: the name ends at `>` or a space.
        if after.starts_with('>') || after.starts_with(char::is_whitespace) {
            let attrs_end = after.find('>')?;
            let attrs = after.get(..attrs_end)?;
            let content = after.get(attrs_end + 1..)?;
            let close = format!("</{tag}>");
            let content = match content.find(&close) {
                Some(end) => content.get(..end)?,
                None => content,
            };
            return Some((content, attrs));
        }
        from = start + open.len();
    }
}

/// The value of `NAME="value"` in a start tag's attribute text.
fn attribute<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let start = attrs.find(&key)? + key.len();
    let rest = attrs.get(start..)?;
    rest.get(..rest.find('"')?)
}

/// Remove SGML tags (`<...>`) from `s`.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Decode SGML character references; control characters (Reuters' `&#3;`
/// end-of-text markers and the like) are dropped, whether escaped or raw.
pub(crate) fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        push_text(&mut out, rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp + 1..).unwrap_or_default();
        let semi = after.find(';').filter(|&i| i <= 8);
        let decoded = semi.and_then(|i| {
            let name = after.get(..i)?;
            let c = match name {
                "lt" => '<',
                "gt" => '>',
                "amp" => '&',
                "quot" => '"',
                "apos" => '\'',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, i))
        });
        match decoded {
            Some((c, i)) => {
                push_text(&mut out, c.encode_utf8(&mut [0; 4]));
                rest = after.get(i + 1..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    push_text(&mut out, rest);
    out
}

fn push_text(out: &mut String, s: &str) {
    out.extend(
        s.chars()
            .filter(|&c| !c.is_control() || c == '\n' || c == '\t'),
    );
}

/// Rejoin the wire's hard-wrapped lines: a line indented (or after a blank
/// line) starts a paragraph, others continue the previous one. Paragraphs are
/// separated by a newline, like the other corpora. The trailing `Reuter`
/// sign-off is dropped: it is not part of the story.
fn reflow(body: &str) -> String {
    let mut lines: Vec<&str> = body.lines().collect();
    while lines.last().is_some_and(|l| {
        let t = l.trim();
        t.is_empty() || t == "Reuter" || t == "REUTER"
    }) {
        lines.pop();
    }
    let mut out = String::with_capacity(body.len());
    let mut new_paragraph = true;
    for line in lines {
        let t = line.trim();
        if t.is_empty() {
            new_paragraph = true;
            continue;
        }
        let indented = line.starts_with(char::is_whitespace);
        if !out.is_empty() {
            out.push(if new_paragraph || indented { '\n' } else { ' ' });
        }
        out.push_str(t);
        new_paragraph = false;
    }
    out
}

fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn parse_record(bytes: Vec<u8>, origin: Origin, total: usize) -> ReadItem {
    let (record, lossy) = input::decode(bytes);
    let mut article = Article {
        source: Some("Reuters".to_string()),
        origin: origin.clone(),
        input_bytes: total,
        ..Article::default()
    };
    if lossy {
        article.warnings.push(input::LOSSY_WARNING.to_string());
    }
    let open_attrs = element(&record, "REUTERS")
        .map(|(_, a)| a)
        .unwrap_or_default();
    if let Some(newid) = attribute(open_attrs, "NEWID").filter(|v| !v.trim().is_empty()) {
        article.id = format!("reuters-{}", newid.trim());
    }
    if let Some((date, _)) = element(&record, "DATE") {
        let date = decode_entities(date);
        article.published = parse_date(&date);
        if article.published.is_none() {
            article
                .warnings
                .push(format!("unparseable date {}", shorten(date.trim())));
        }
    }
    for (tag, namespace) in CATEGORIES {
        let Some((list, _)) = element(&record, tag) else {
            continue;
        };
        let mut rest = list;
        while let Some((value, _)) = element(rest, "D") {
            let value = collapse_whitespace(&decode_entities(value));
            if !value.is_empty() {
                article.tags.push(format!("{namespace}/{value}"));
            }
            let Some(end) = rest.find("</D>") else { break };
            rest = rest.get(end + 4..).unwrap_or_default();
        }
    }

    let (text, text_attrs) = element(&record, "TEXT").unwrap_or_default();
    let brief = attribute(text_attrs, "TYPE") == Some("BRIEF");
    if let Some((title, _)) = element(text, "TITLE") {
        article.title = collapse_whitespace(&decode_entities(title));
    }
    if let Some((author, _)) = element(text, "AUTHOR") {
        let author = collapse_whitespace(&decode_entities(author));
        let author = author
            .strip_prefix("By ")
            .or_else(|| author.strip_prefix("by "))
            .or_else(|| author.strip_prefix("BY "))
            .unwrap_or(&author);
        let author = author.split(',').next().unwrap_or_default().trim();
        if !author.is_empty() {
            article.authors.push(author.to_string());
        }
    }
    let body = match element(text, "BODY") {
        Some((body, _)) => reflow(&decode_entities(body)),
        // Briefs are a headline plus filler ("Blah blah blah."), not a story.
        None if brief => String::new(),
        None => {
            // Unprocessed items have the story directly in <TEXT>; a title,
            // if any, is already in `title`.
            let without_title = match element(text, "TITLE") {
                Some((t, _)) => text.replacen(t, "", 1),
                None => text.to_string(),
            };
            reflow(&decode_entities(&strip_tags(&without_title)))
        }
    };
    if body.trim().is_empty() {
        return Err(RecordError {
            origin,
            reason: "empty body".to_string(),
            kind: RecordErrorKind::Skipped,
        });
    }
    // The dateline ("TOKYO, March 3 -") opens the body, as on the wire, so
    // that place and date mentions in it are seen by extraction.
    let dateline = element(text, "DATELINE")
        .map(|(d, _)| collapse_whitespace(&decode_entities(d)))
        .map(|d| d.trim_end_matches(['-', ' ']).to_string())
        .filter(|d| !d.is_empty());
    article.body = match dateline {
        Some(d) => format!("{d}\n{body}"),
        None => body,
    };
    article.ensure_id();
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n\
<REUTERS TOPICS=\"YES\" NEWID=\"42\">\n<DATE>31-MAR-1987 605:12:19.12</DATE>\n\
<TOPICS><D>grain</D></TOPICS>\n<PLACES><D>usa</D><D>ussr</D></PLACES>\n<PEOPLE></PEOPLE>\n\
<TEXT>&#2;\n<TITLE>GRAIN &amp; OILSEED\nTALKS</TITLE>\n<AUTHOR>    By Jane Roe, Reuters</AUTHOR>\n\
<DATELINE>    CHICAGO, March 31 - </DATELINE><BODY>Talks went on &lt;well&gt;,\nan official said.\n    A second paragraph.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n\
<REUTERS NEWID=\"43\">\n<TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>BRIEF ONLY\n</TITLE>Blah blah blah.\n&#3;\n</TEXT>\n</REUTERS>\n";

    fn read(data: &[u8]) -> Vec<ReadItem> {
        let input: Input = Box::new(std::io::Cursor::new(data.to_vec()));
        ReutersReader::new(input, "r.sgm".into()).collect()
    }

    #[test]
    fn reads_fields_tags_and_skips_briefs() {
        let items = read(SAMPLE.as_bytes());
        assert_eq!(items.len(), 2);
        let a = items
            .first()
            .cloned()
            .and_then(Result::ok)
            .unwrap_or_default();
        assert_eq!(a.id, "reuters-42");
        assert_eq!(a.title, "GRAIN & OILSEED TALKS");
        assert_eq!(a.authors, vec!["Jane Roe"]);
        assert_eq!(
            a.body,
            "CHICAGO, March 31\nTalks went on <well>, an official said.\nA second paragraph."
        );
        assert_eq!(a.tags, vec!["topics/grain", "places/usa", "places/ussr"]);
        assert_eq!(
            a.published.map(|d| d.to_rfc3339()),
            Some("1987-03-31T00:00:00+00:00".to_string())
        );
        assert_eq!(a.origin.line, 2);
        let b = items
            .get(1)
            .cloned()
            .map(|r| r.err().map(|e| (e.kind, e.reason)));
        assert_eq!(
            b,
            Some(Some((RecordErrorKind::Skipped, "empty body".to_string())))
        );
    }

    #[test]
    fn lossy_bytes_warn_and_truncation_fails() {
        let mut data = SAMPLE.as_bytes().to_vec();
        if let Some(p) = find(&data, b"second") {
            data.insert(p, 0xFC);
        }
        let items = read(&data);
        let a = items
            .first()
            .cloned()
            .and_then(Result::ok)
            .unwrap_or_default();
        assert_eq!(a.warnings, vec![input::LOSSY_WARNING.to_string()]);
        let cut = data.get(..200).unwrap_or_default();
        let items = read(cut);
        assert!(matches!(items.as_slice(), [Err(e)] if e.reason.contains("unterminated")));
    }

    #[test]
    fn entities_and_controls() {
        assert_eq!(
            decode_entities("a&#3;b &amp; c&#x41;&bogus; &"),
            "ab & cA&bogus; &"
        );
        assert_eq!(decode_entities("x\u{3}y"), "xy");
    }
}
