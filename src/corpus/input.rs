//! Byte-level input shared by the readers: opening files (gzip or not),
//! reading lines without unbounded allocation, and lossy UTF-8 decoding.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::read::MultiGzDecoder;

/// Buffered input of one file or stdin.
pub(crate) type Input = Box<dyn BufRead + Send>;

const BUF_SIZE: usize = 256 * 1024;

/// Open `path`, decompressing it when it starts with the gzip magic bytes
/// (whatever its name: `.gz` files renamed, or gzip on stdin).
pub(crate) fn open_file(path: &Path) -> io::Result<Input> {
    let file = File::open(path)?;
    maybe_gunzip(Box::new(file))
}

/// Buffer `raw` and transparently gunzip it when it is gzip.
pub(crate) fn maybe_gunzip(raw: Box<dyn Read + Send>) -> io::Result<Input> {
    let mut reader = BufReader::with_capacity(BUF_SIZE, raw);
    let head = reader.fill_buf()?;
    if head.starts_with(&[0x1f, 0x8b]) {
        // Multi-member, because `cat a.gz b.gz` is a valid gzip stream.
        Ok(Box::new(BufReader::with_capacity(
            BUF_SIZE,
            MultiGzDecoder::new(reader),
        )))
    } else {
        Ok(Box::new(reader))
    }
}

/// The first bytes of `input` without consuming them, for format guessing
/// (after gzip was undone). May be shorter than the file's first line.
pub(crate) fn peek(input: &mut Input) -> io::Result<Vec<u8>> {
    Ok(input.fill_buf()?.iter().take(4096).copied().collect())
}

/// Outcome of [`read_line_bounded`].
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// End of input, nothing read.
    Eof,
    /// A line (without its newline) is in the buffer; `len` counts the bytes
    /// consumed from the input, newline included.
    Complete { len: usize },
    /// The line was longer than the limit: it was consumed up to its newline
    /// but only the first `limit` bytes are in the buffer.
    TooLong { len: usize },
}

/// Read one line into `buf` (cleared first), keeping at most `limit` bytes in
/// memory. Unlike `BufRead::read_until`, a multi-gigabyte line costs `limit`
/// bytes, not gigabytes.
pub(crate) fn read_line_bounded(
    input: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Line> {
    buf.clear();
    let mut len = 0usize;
    let mut too_long = false;
    loop {
        let chunk = match input.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        // A byte loop here cost ~6 instructions per input byte; eight
        // bytes are tested at a time instead.
        let (piece, consumed, done) = match crate::extract::swar::find_byte(chunk, b'\n') {
            Some(i) => (chunk.get(..i).unwrap_or(chunk), i + 1, true),
            None => (chunk, chunk.len(), false),
        };
        let room = limit.saturating_sub(buf.len());
        if piece.len() > room {
            too_long = true;
        }
        buf.extend_from_slice(piece.get(..room.min(piece.len())).unwrap_or(piece));
        len += consumed;
        input.consume(consumed);
        if done {
            break;
        }
    }
    if len == 0 {
        return Ok(Line::Eof);
    }
    if !too_long && buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(if too_long {
        Line::TooLong { len }
    } else {
        Line::Complete { len }
    })
}

/// Read all of `input`, but at most `limit` bytes into memory. Returns the
/// bytes and the total length; `total > limit` means the input was too large.
pub(crate) fn read_all_bounded(
    input: &mut dyn BufRead,
    limit: usize,
) -> io::Result<(Vec<u8>, usize)> {
    let mut data = Vec::new();
    input.take(limit as u64 + 1).read_to_end(&mut data)?;
    if data.len() <= limit {
        let total = data.len();
        return Ok((data, total));
    }
    // Count the rest without keeping it.
    let rest = io::copy(input, &mut io::sink())?;
    let total = data.len() + usize::try_from(rest).unwrap_or(usize::MAX);
    data.truncate(limit);
    Ok((data, total))
}

/// Decode UTF-8, replacing invalid sequences; the flag tells whether any were.
pub(crate) fn decode(bytes: Vec<u8>) -> (String, bool) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, false),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
    }
}

/// The message for a record over [`super::MAX_ARTICLE_BYTES`].
pub(crate) fn too_large(len: usize) -> String {
    format!(
        "article too large ({} MB > {} MB)",
        len.div_ceil(1024 * 1024),
        super::MAX_ARTICLE_BYTES / (1024 * 1024)
    )
}

/// The warning attached to an article decoded lossily.
pub(crate) const LOSSY_WARNING: &str =
    "input is not valid UTF-8; invalid bytes were replaced with U+FFFD";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_lines_are_cut_and_consumed() {
        let data = b"short\nthis line is long\r\nlast".to_vec();
        let mut input: &[u8] = &data;
        let mut buf = Vec::new();
        assert_eq!(
            read_line_bounded(&mut input, &mut buf, 8).ok(),
            Some(Line::Complete { len: 6 })
        );
        assert_eq!(buf, b"short");
        assert_eq!(
            read_line_bounded(&mut input, &mut buf, 8).ok(),
            Some(Line::TooLong { len: 19 })
        );
        assert_eq!(buf, b"this lin");
        assert_eq!(
            read_line_bounded(&mut input, &mut buf, 8).ok(),
            Some(Line::Complete { len: 4 })
        );
        assert_eq!(buf, b"last");
        assert_eq!(
            read_line_bounded(&mut input, &mut buf, 8).ok(),
            Some(Line::Eof)
        );
    }

    #[test]
    fn read_all_bounded_counts_past_the_limit() {
        let data = vec![b'x'; 100];
        let mut input: &[u8] = &data;
        let (kept, total) = read_all_bounded(&mut input, 10).unwrap_or_default();
        assert_eq!((kept.len(), total), (10, 100));
    }

    #[test]
    fn too_large_message() {
        assert_eq!(
            too_large(20 * 1024 * 1024),
            "article too large (20 MB > 16 MB)"
        );
    }
}
