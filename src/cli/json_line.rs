//! `newsdex extract --json` lines written by hand, the same bytes as
//! `serde_json::to_writer` of [`ArticleOut`].
//!
//! serde_json escapes strings one byte at a time through a table (~8
//! instructions per byte), and quoted text is most of each line: this
//! writer finds the next byte to escape eight bytes at a time. The test
//! module keeps serde_json as the reference, so a field added to the
//! `*Out` structs and not here fails `json_line_is_serde_json`.

use super::extract::{ArticleOut, EntityOut, SpanOut, StatementOut};
use newsdex::extract::swar::{eq_lanes, find_first, HIGH, ONES};
use newsdex::extract::SpeakerType;

/// The high bit of every byte below 0x20 (only the lowest flag is exact:
/// a borrow can flag a byte above a flagged one, as in `eq_lanes`).
#[inline(always)]
fn control_lanes(x: u64) -> u64 {
    x.wrapping_sub(ONES * 0x20) & !x & HIGH
}

/// Whether serde_json writes `b` as an escape.
#[inline(always)]
fn escaped(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// `s` as a JSON string with serde_json's escapes: `\"`, `\\`, the five
/// short control escapes, `\u00xx` (lower-case hex) for the other control
/// bytes; everything else, DEL and non-ASCII included, as it is.
pub fn push_str(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let b = s.as_bytes();
    out.push(b'"');
    let mut from = 0;
    while let Some(rest) = b.get(from..) {
        let Some(k) = find_first(
            rest,
            |x| control_lanes(x) | eq_lanes(x, b'"') | eq_lanes(x, b'\\'),
            escaped,
        ) else {
            out.extend_from_slice(rest);
            break;
        };
        out.extend_from_slice(&rest[..k]);
        let c = rest[k];
        match c {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0C => out.extend_from_slice(b"\\f"),
            _ => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(c >> 4)],
                HEX[usize::from(c & 0xF)],
            ]),
        }
        from += k + 1;
    }
    out.push(b'"');
}

fn push_usize(out: &mut Vec<u8>, mut n: usize) {
    // Two digits per division, as serde_json's `itoa` does.
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    while n >= 100 {
        let p = 2 * (n % 100);
        n /= 100;
        at -= 2;
        digits[at..at + 2].copy_from_slice(&PAIRS[p..p + 2]);
    }
    if n >= 10 {
        at -= 2;
        digits[at..at + 2].copy_from_slice(&PAIRS[2 * n..2 * n + 2]);
    } else {
        at -= 1;
        digits[at] = b'0' + n as u8;
    }
    out.extend_from_slice(&digits[at..]);
}

/// `null`, or what `push` writes for the value.
fn push_opt<T>(out: &mut Vec<u8>, v: Option<T>, push: impl Fn(&mut Vec<u8>, T)) {
    match v {
        Some(v) => push(out, v),
        None => out.extend_from_slice(b"null"),
    }
}

/// A JSON array of what `push` writes for each item.
fn push_list<T>(out: &mut Vec<u8>, list: &[T], push: impl Fn(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, item) in list.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push(out, item);
    }
    out.push(b']');
}

fn push_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    push_opt(out, s, push_str);
}

fn push_strings(out: &mut Vec<u8>, list: &[String]) {
    push_list(out, list, |out, s| push_str(out, s));
}

fn push_span(out: &mut Vec<u8>, s: &SpanOut) {
    out.extend_from_slice(b"{\"text\":");
    push_str(out, s.text);
    out.extend_from_slice(b",\"start\":");
    push_usize(out, s.start);
    out.extend_from_slice(b",\"end\":");
    push_usize(out, s.end);
    out.push(b'}');
}

fn push_opt_span(out: &mut Vec<u8>, s: Option<&SpanOut>) {
    push_opt(out, s, push_span);
}

fn push_spans(out: &mut Vec<u8>, list: &[SpanOut]) {
    push_list(out, list, push_span);
}

fn push_entity(out: &mut Vec<u8>, e: &EntityOut) {
    out.extend_from_slice(b"{\"name\":");
    push_str(out, e.name);
    out.extend_from_slice(b",\"type\":");
    push_str(out, e.kind);
    out.extend_from_slice(b",\"qid\":");
    push_opt_str(out, e.qid);
    out.extend_from_slice(b",\"country\":");
    push_opt_str(out, e.country);
    out.extend_from_slice(b",\"mentions\":");
    push_spans(out, &e.mentions);
    out.extend_from_slice(b",\"roles\":");
    push_strings(out, e.roles);
    out.extend_from_slice(b",\"affiliations\":");
    push_strings(out, e.affiliations);
    out.push(b'}');
}

fn speaker_type(t: SpeakerType) -> &'static [u8] {
    match t {
        SpeakerType::Person => b"\"person\"",
        SpeakerType::Org => b"\"org\"",
        SpeakerType::Unnamed => b"\"unnamed\"",
    }
}

fn push_statement(out: &mut Vec<u8>, s: &StatementOut) {
    out.extend_from_slice(b"{\"speaker\":");
    push_opt_str(out, s.speaker);
    out.extend_from_slice(b",\"speaker_type\":");
    out.extend_from_slice(speaker_type(s.speaker_type));
    out.extend_from_slice(b",\"affiliations\":");
    push_strings(out, s.affiliations);
    out.extend_from_slice(if s.direct {
        b",\"direct\":true"
    } else {
        b",\"direct\":false"
    });
    out.extend_from_slice(b",\"speaker_mention\":");
    push_opt_span(out, s.speaker_mention.as_ref());
    out.extend_from_slice(b",\"cue\":");
    push_opt_span(out, s.cue.as_ref());
    out.extend_from_slice(b",\"content\":");
    push_span(out, &s.content);
    if !s.content_parts.is_empty() {
        out.extend_from_slice(b",\"content_parts\":");
        push_spans(out, &s.content_parts);
    }
    out.push(b'}');
}

/// Appends the JSON of one article (no newline).
pub fn push_article(out: &mut Vec<u8>, a: &ArticleOut) {
    out.extend_from_slice(b"{\"id\":");
    push_str(out, a.id);
    out.extend_from_slice(b",\"title\":");
    push_str(out, a.title);
    out.extend_from_slice(b",\"entities\":");
    push_list(out, &a.entities, push_entity);
    out.extend_from_slice(b",\"statements\":");
    push_list(out, &a.statements, push_statement);
    out.push(b'}');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde(s: &str) -> Vec<u8> {
        serde_json::to_vec(s).unwrap_or_default()
    }

    #[test]
    fn strings_escape_as_serde_json() {
        // Every byte that needs an escape, and the bytes next to the
        // tests' edges (0x1F/0x20, '"' and '\\' neighbours, DEL,
        // non-ASCII), at every position around the 8-byte chunk edges.
        let pieces: Vec<String> = (0u8..0x80)
            .map(|b| char::from(b).to_string())
            .chain(["é", "—", "日本", "\u{2028}", "😀"].map(String::from))
            .collect();
        for p in &pieces {
            for before in 0..18 {
                for after in [0, 1, 7, 8, 9] {
                    let s = format!("{}{p}{}", "a".repeat(before), "!".repeat(after));
                    let mut got = Vec::new();
                    push_str(&mut got, &s);
                    assert_eq!(got, serde(&s), "{s:?}");
                }
            }
        }
        let mut rng = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            let mut s = String::new();
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            for k in 0..(rng % 40) {
                let i = (rng >> (k % 50)) as usize % pieces.len();
                s.push_str(&pieces[i]);
            }
            let mut got = Vec::new();
            push_str(&mut got, &s);
            assert_eq!(got, serde(&s), "{s:?}");
        }
    }

    #[test]
    fn json_line_is_serde_json() {
        let roles = vec!["chief \"whip\"".to_string(), "mayor".to_string()];
        let none: Vec<String> = Vec::new();
        let span = |text, start, end| SpanOut { text, start, end };
        let a = ArticleOut {
            id: "x\\1",
            title: "A\ttitle\n",
            entities: vec![
                EntityOut {
                    name: "Ana Díaz",
                    kind: "person",
                    qid: Some("Q1"),
                    country: None,
                    mentions: vec![
                        span("Ana", 0, 3),
                        span("Díaz", 10, usize::MAX),
                        span("x", 9, 99),
                        span("y", 100, 1_000_007),
                    ],
                    roles: &roles,
                    affiliations: &none,
                },
                EntityOut {
                    name: "Acme",
                    kind: "org",
                    qid: None,
                    country: Some("Ruritania"),
                    mentions: Vec::new(),
                    roles: &none,
                    affiliations: &roles,
                },
            ],
            statements: vec![
                StatementOut {
                    speaker: Some("Ana Díaz"),
                    speaker_type: SpeakerType::Person,
                    affiliations: &roles,
                    direct: true,
                    speaker_mention: Some(span("she", 40, 43)),
                    cue: Some(span("said", 44, 48)),
                    content: span("\"We\u{1} will\"", 0, 12),
                    content_parts: vec![span("We", 1, 3), span("will", 5, 9)],
                },
                StatementOut {
                    speaker: None,
                    speaker_type: SpeakerType::Unnamed,
                    affiliations: &none,
                    direct: false,
                    speaker_mention: None,
                    cue: None,
                    content: span("", 0, 0),
                    content_parts: Vec::new(),
                },
                StatementOut {
                    speaker: Some("Acme"),
                    speaker_type: SpeakerType::Org,
                    affiliations: &none,
                    direct: false,
                    speaker_mention: None,
                    cue: None,
                    content: span("x", 7, 8),
                    content_parts: Vec::new(),
                },
            ],
        };
        let mut got = Vec::new();
        push_article(&mut got, &a);
        let want = serde_json::to_vec(&a).unwrap_or_default();
        assert_eq!(
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(&want)
        );
        let empty = ArticleOut {
            id: "",
            title: "",
            entities: Vec::new(),
            statements: Vec::new(),
        };
        got.clear();
        push_article(&mut got, &empty);
        assert_eq!(got, serde_json::to_vec(&empty).unwrap_or_default());
    }
}
