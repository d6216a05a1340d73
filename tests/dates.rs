//! Table test of `parse_date` over the date forms news sources use.

use newsdex::corpus::parse_date;

/// Input, expected UTC time in RFC 3339 (`None`: must be rejected).
const CASES: &[(&str, Option<&str>)] = &[
    // ISO 8601 / RFC 3339, with and without time and zone.
    ("2025-11-30", Some("2025-11-30T00:00:00Z")),
    ("2025-11-30T14:05:00Z", Some("2025-11-30T14:05:00Z")),
    ("2025-11-30T14:05:00.250Z", Some("2025-11-30T14:05:00.250Z")),
    ("2025-11-30 14:05:00+03:00", Some("2025-11-30T11:05:00Z")),
    ("2025-11-30T14:05:00+0300", Some("2025-11-30T11:05:00Z")),
    ("2025-11-30T14:05:00-05:00", Some("2025-11-30T19:05:00Z")),
    ("2025-11-30T14:05", Some("2025-11-30T14:05:00Z")),
    ("2025-11-30 14:05:09", Some("2025-11-30T14:05:09Z")),
    ("2025-11-30 14:05 UTC", Some("2025-11-30T14:05:00Z")),
    ("  2025-11-30\n", Some("2025-11-30T00:00:00Z")),
    // RFC 2822, as in RSS.
    (
        "Sun, 30 Nov 2025 14:05:00 +0000",
        Some("2025-11-30T14:05:00Z"),
    ),
    (
        "Sun, 30 Nov 2025 14:05:00 GMT",
        Some("2025-11-30T14:05:00Z"),
    ),
    ("30 Nov 2025 16:05:00 +0200", Some("2025-11-30T14:05:00Z")),
    // Reuters-21578, including its malformed times.
    ("26-FEB-1987 15:01:01.79", Some("1987-02-26T15:01:01.790Z")),
    ("31-MAR-1987 605:12:19.12", Some("1987-03-31T00:00:00Z")),
    ("5-MAR-1987  09:12:44.53", Some("1987-03-05T09:12:44.530Z")),
    // Written forms.
    ("November 30, 2025", Some("2025-11-30T00:00:00Z")),
    ("Nov. 30, 2025", Some("2025-11-30T00:00:00Z")),
    ("Sept. 3, 2024", Some("2024-09-03T00:00:00Z")),
    ("30 November 2025", Some("2025-11-30T00:00:00Z")),
    ("30 Nov 2025", Some("2025-11-30T00:00:00Z")),
    ("Sunday, November 30, 2025", Some("2025-11-30T00:00:00Z")),
    ("Sun 30 Nov 2025", Some("2025-11-30T00:00:00Z")),
    ("November 30, 2025 at 2:05 pm", Some("2025-11-30T14:05:00Z")),
    ("Nov 30, 2025 2:05 PM EST", Some("2025-11-30T19:05:00Z")),
    ("30 Nov 2025 09:00 CEST", Some("2025-11-30T07:00:00Z")),
    // An unknown zone name costs the time, not the day.
    ("Nov 30, 2025 2:05 PM XYZT", Some("2025-11-30T14:05:00Z")),
    ("2025/11/30", Some("2025-11-30T00:00:00Z")),
    ("2025/11/30 08:00", Some("2025-11-30T08:00:00Z")),
    ("11/30/2025", Some("2025-11-30T00:00:00Z")),
    ("30/11/2025", Some("2025-11-30T00:00:00Z")),
    ("30.11.2025", Some("2025-11-30T00:00:00Z")),
    // Unix timestamps.
    ("1764511500", Some("2025-11-30T14:05:00Z")),
    // Garbage.
    ("", None),
    ("   ", None),
    ("yesterday", None),
    ("2025", None),
    ("2025-13-45", None),
    ("February 30, 2025", None),
    ("Nov 2025", None),
    ("12345", None),
    ("９９-ÄÖ-ü", None),
    ("2025-11-30T25:99:00Z", None),
];

#[test]
fn date_table() {
    let mut failures = Vec::new();
    for (input, expected) in CASES {
        let got = parse_date(input).map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true));
        if got.as_deref() != *expected {
            failures.push(format!("{input:?}: got {got:?}, expected {expected:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn never_panics_on_odd_input() {
    let long = "9".repeat(10_000);
    let odd = [
        long.as_str(),
        "\u{0}\u{1}",
        "-",
        "T",
        "Mon,",
        "2:05 pm",
        "am pm",
        "12:99 pm 2025-01-01",
        "0000-00-00",
        "+99999-01-01",
        "ñ 30 ñ 2025",
    ];
    for s in odd {
        let _ = parse_date(s);
    }
    // Byte-boundary torture: every prefix of a multi-byte string.
    let s = "30 ñovember 2025 ✓";
    for (i, _) in s.char_indices() {
        let _ = parse_date(s.get(..i).unwrap_or_default());
    }
}
