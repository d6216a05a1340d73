//! Publication dates as news sources write them, normalised to UTC.
//!
//! Feeds and datasets disagree on date formats, so rather than one strict
//! format this tries a fixed list (ISO 8601 / RFC 3339, RFC 2822, Reuters
//! `26-FEB-1987 15:01:01.79`, "Nov. 30, 2025", "30 November 2025", ...). When
//! the whole string does not parse, the longest leading run of words that does
//! is taken, so a malformed or unusual time (`31-MAR-1987 605:12:19.12`,
//! `November 30, 2025 2:05 pm EST`) still yields the day.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

/// Longer inputs are not dates; refusing them bounds the work per call.
const MAX_DATE_LEN: usize = 100;

/// Formats with an explicit UTC offset (after normalisation, see [`normalise`]).
const ZONED_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%dT%H:%M%z",
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M%z",
    "%Y-%m-%d %H:%M:%S%.f %z",
    "%Y-%m-%d %H:%M %z",
    "%d %B %Y %H:%M:%S%.f %z",
    "%d %B %Y %H:%M %z",
    "%B %d %Y %H:%M:%S%.f %z",
    "%B %d %Y %H:%M %z",
];

/// Formats with a time but no zone: read as UTC.
const NAIVE_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S%.f",
    "%Y/%m/%d %H:%M",
    "%d-%B-%Y %H:%M:%S%.f",
    "%d-%B-%Y %H:%M",
    "%d %B %Y %H:%M:%S%.f",
    "%d %B %Y %H:%M",
    "%B %d %Y %H:%M:%S%.f",
    "%B %d %Y %H:%M",
    "%Y%m%dT%H%M%S",
];

/// Day-only formats: midnight UTC.
const DATE_FORMATS: &[&str] = &[
    "%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%d-%B-%Y", "%d %B %Y", "%B %d %Y", "%d.%m.%Y",
    // US order first: English-language news mostly writes month/day/year.
    "%m/%d/%Y", "%d/%m/%Y", "%Y%m%d",
];

/// Zone abbreviations common in English-language news datelines. Ambiguous
/// ones (IST, CST in China) are read the way US/European outlets use them.
const ZONE_NAMES: &[(&str, &str)] = &[
    ("utc", "+0000"),
    ("gmt", "+0000"),
    ("z", "+0000"),
    ("est", "-0500"),
    ("edt", "-0400"),
    ("cst", "-0600"),
    ("cdt", "-0500"),
    ("mst", "-0700"),
    ("mdt", "-0600"),
    ("pst", "-0800"),
    ("pdt", "-0700"),
    ("bst", "+0100"),
    ("cet", "+0100"),
    ("cest", "+0200"),
    ("eet", "+0200"),
    ("eest", "+0300"),
    ("msk", "+0300"),
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// Parse a publication date in any of the supported forms and normalise it to
/// UTC; a date without a zone is taken as UTC, a date without a time as
/// midnight. Returns `None` for anything else (never panics).
pub fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if s.is_empty() || s.len() > MAX_DATE_LEN {
        return None;
    }
    // The commonest form in datasets ("2017-01-06") would otherwise reach
    // `%Y-%m-%d` only after two dozen failed format parses (~20,000
    // instructions an article); nothing before that format accepts it.
    if let Some(d) = iso_day(s) {
        return plausible(Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN)));
    }
    parse_formats(s)
}

/// [`parse_date`] of a trimmed string of bounded length by the format list.
fn parse_formats(s: &str) -> Option<DateTime<Utc>> {
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return plausible(dt.with_timezone(&Utc));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return plausible(dt.with_timezone(&Utc));
    }
    if let Some(secs) = unix_seconds(s) {
        return Utc.timestamp_opt(secs, 0).single().and_then(plausible);
    }
    let norm = normalise(s);
    if let Some(dt) = parse_normalised(&norm) {
        return plausible(dt);
    }
    // Fall back to the longest leading run of words that is a date, so that an
    // odd or malformed time does not lose the day.
    let words: Vec<&str> = norm.split(' ').collect();
    for n in (1..words.len()).rev() {
        let prefix = words.get(..n)?.join(" ");
        if let Some(dt) = parse_normalised(&prefix) {
            return plausible(dt);
        }
    }
    None
}

/// `YYYY-MM-DD` exactly, when it is a real day (anything else is left to
/// the format list).
fn iso_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        b.get(r)?.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(num(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)
}

/// News is neither prehistoric nor far in the future; such values are
/// garbage that happened to match a format (e.g. an 8-digit number).
fn plausible(dt: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let year = chrono::Datelike::year(&dt);
    (1800..=2200).contains(&year).then_some(dt)
}

/// A bare integer of 9 to 10 digits is a Unix timestamp in seconds (13 digits:
/// milliseconds). Shorter numbers are left to the `%Y%m%d` format.
fn unix_seconds(s: &str) -> Option<i64> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = s.parse().ok()?;
    match s.len() {
        9 | 10 => Some(n),
        13 => Some(n / 1000),
        _ => None,
    }
}

fn parse_normalised(s: &str) -> Option<DateTime<Utc>> {
    if s.is_empty() {
        return None;
    }
    for f in ZONED_FORMATS {
        if let Ok(dt) = DateTime::<FixedOffset>::parse_from_str(s, f) {
            return Some(dt.with_timezone(&Utc));
        }
    }
    for f in NAIVE_FORMATS {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, f) {
            return Some(Utc.from_utc_datetime(&dt));
        }
    }
    for f in DATE_FORMATS {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return Some(Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN)));
        }
    }
    None
}

/// Bring the many spellings onto the few that the format tables know: no
/// weekday, no commas or dots after month names, `Sept` → `Sep`, single
/// spaces, zone names (`Z`, `UTC`, `EST`, ...) as numeric offsets, `at` between date and time dropped,
/// 12-hour times converted to 24-hour.
fn normalise(s: &str) -> String {
    let mut words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let lower = w.to_ascii_lowercase();
            // "Nov." → "Nov", "Sept." → "Sep"; a trailing dot on a number
            // (`30.`) is dropped too.
            let trimmed = lower.trim_end_matches('.');
            if trimmed == "sept" {
                "sep".to_string()
            } else if trimmed.chars().all(|c| c.is_ascii_alphabetic())
                || trimmed.chars().all(|c| c.is_ascii_digit())
            {
                trimmed.to_string()
            } else {
                lower
            }
        })
        .collect();
    if words
        .first()
        .is_some_and(|w| WEEKDAYS.contains(&w.as_str()))
    {
        words.remove(0);
    }
    words.retain(|w| w != "at" && w != "on");
    // "2:05 pm" → "14:05".
    let mut i = 0;
    while i < words.len() {
        let is_meridiem = matches!(
            words.get(i).map(String::as_str),
            Some("am" | "pm" | "a.m" | "p.m")
        );
        if is_meridiem && i > 0 {
            let pm = words.get(i).is_some_and(|w| w.starts_with('p'));
            if let Some(prev) = words.get_mut(i - 1) {
                if let Some(t) = to_24h(prev, pm) {
                    *prev = t;
                    words.remove(i);
                    continue;
                }
            }
        }
        i += 1;
    }
    if let Some(last) = words.last_mut() {
        if let Some((_, offset)) = ZONE_NAMES.iter().find(|(name, _)| name == last) {
            *last = (*offset).to_string();
        } else if let Some(stripped) = last.strip_suffix('z') {
            // `2025-11-30t14:05:00z` (lower-cased above) → explicit offset.
            if stripped.contains(':') {
                *last = format!("{stripped}+0000");
            }
        }
    }
    let joined = words.join(" ");
    // ISO forms were lower-cased with the rest; chrono wants the `T`.
    upper_iso_t(&joined)
}

/// `2:05` or `2` with am/pm → `14:05`; `None` when `t` is not such a time.
fn to_24h(t: &str, pm: bool) -> Option<String> {
    let (h, m) = match t.split_once(':') {
        Some((h, m)) => (h, m),
        None => (t, "00"),
    };
    let h: u32 = h.parse().ok()?;
    if !(1..=12).contains(&h) || m.len() != 2 || !m.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h24 = match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    Some(format!("{h24:02}:{m}"))
}

/// Restore the `T` separator of ISO 8601 (`2025-11-30t14:05`), which the
/// lower-casing in [`normalise`] turned into `t`.
fn upper_iso_t(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        let digit_before = i > 0 && bytes.get(i - 1).is_some_and(u8::is_ascii_digit);
        let digit_after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if c == 't' && digit_before && digit_after {
            out.push('T');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `YYYY-MM-DD` shortcut gives what the format list gives, and
    /// leaves near misses to it.
    #[test]
    fn iso_days_parse_as_the_format_list_does() {
        for s in [
            "2017-01-06",
            "1999-12-31",
            "2024-02-29",
            "2023-02-29",
            "2017-13-01",
            "2017-00-10",
            "2017-01-00",
            "0999-01-01",
            "2017-1-06",
            "2017/01/06",
            "2017-01-0x",
            "+017-01-06",
            "2017-01-06T10:00:00Z",
        ] {
            assert_eq!(parse_date(s), parse_formats(s), "{s}");
        }
        for m in 0..=13 {
            for d in 0..=32 {
                let s = format!("2016-{m:02}-{d:02}");
                assert_eq!(parse_date(&s), parse_formats(&s), "{s}");
            }
        }
        assert_eq!(iso_day("2017-01-06"), NaiveDate::from_ymd_opt(2017, 1, 6));
        assert_eq!(iso_day("2023-02-29"), None);
        assert_eq!(iso_day("2017-1-06"), None);
    }

    #[test]
    fn to_24h_converts_and_rejects() {
        assert_eq!(to_24h("2:05", true).as_deref(), Some("14:05"));
        assert_eq!(to_24h("12:30", false).as_deref(), Some("00:30"));
        assert_eq!(to_24h("13:00", true), None);
        assert_eq!(to_24h("x", true), None);
    }

    #[test]
    fn normalise_strips_weekday_and_punctuation() {
        assert_eq!(normalise("Sunday, Nov. 30, 2025"), "nov 30 2025");
        assert_eq!(
            normalise("2025-11-30T14:05:00Z"),
            "2025-11-30T14:05:00+0000"
        );
    }
}
