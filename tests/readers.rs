//! Corpus readers on real samples from `../shared/corpus` (skipped when it is
//! absent) and on malformed synthetic input.

use std::io::Write;
use std::path::{Path, PathBuf};

use newsdex::corpus::{
    normalise_url, read_paths, stable_hash, Article, Format, ReadItem, ReadOptions, RecordError,
    RecordErrorKind,
};

mod common;

/// A file of the shared corpus, or `None` (with a message) when it is not there.
fn corpus(rel: &str) -> Option<PathBuf> {
    let path = common::shared_root().join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipping: ../shared/corpus not found ({})", path.display());
        None
    }
}

fn read_all(paths: &[PathBuf], opts: &ReadOptions) -> Vec<ReadItem> {
    match read_paths(paths, opts) {
        Ok(items) => items.collect(),
        Err(e) => panic!("read_paths failed: {e:#}"),
    }
}

fn split(items: Vec<ReadItem>) -> (Vec<Article>, Vec<RecordError>) {
    let mut ok = Vec::new();
    let mut err = Vec::new();
    for item in items {
        match item {
            Ok(a) => ok.push(a),
            Err(e) => err.push(e),
        }
    }
    (ok, err)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("mkdir: {e}"));
    }
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    path
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap_or_else(|e| panic!("gzip: {e}"));
    enc.finish().unwrap_or_else(|e| panic!("gzip: {e}"))
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

// --- real samples -----------------------------------------------------------

#[test]
fn seed_text_file() {
    let Some(path) = corpus("seed/ukraine-peace-talks-florida.txt") else {
        return;
    };
    let file = std::fs::read_to_string(&path).unwrap_or_default();
    let (ok, err) = split(read_all(
        std::slice::from_ref(&path),
        &ReadOptions::default(),
    ));
    assert!(err.is_empty(), "{err:?}");
    let [a] = ok.as_slice() else {
        panic!("expected one article, got {}", ok.len())
    };
    assert!(a.title.starts_with("US Envoy Holds"), "{}", a.title);
    assert!(
        a.body.starts_with("US Envoy:"),
        "second headline opens the body"
    );
    assert!(a.id.starts_with("sha:") && a.id.len() == 20, "{}", a.id);
    assert_eq!(a.origin.path, path.display().to_string());
    assert_eq!(a.input_bytes, file.len());
    assert!(a.published.is_none() && a.source.is_none());
    // Offsets in text() map back onto identical bytes of the file.
    let text = a.text();
    for needle in ["Witkoff", "Hallandale Beach", "Kushner"] {
        let at = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not in text"));
        let f = a.file_offset(at);
        assert_eq!(file.get(f..f + needle.len()), Some(needle));
    }
    // Reading twice gives the same id.
    let again = split(read_all(&[path], &ReadOptions::default())).0;
    assert_eq!(again.first().map(|b| b.id.clone()), Some(a.id.clone()));
}

#[test]
fn shipped_corpus_folder() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (ok, err) = split(read_all(&[dir], &ReadOptions::default()));
    assert!(err.is_empty(), "{:?}", err.first());
    // 816 Kremlin items + the seed article; corpus/README.md is not one.
    assert_eq!(ok.len(), 817);
    assert!(ok
        .iter()
        .all(|a| !a.title.contains("the articles newsdex indexes")));
}

#[test]
fn kremlin_jsonl() {
    let Some(path) = corpus("open/kremlin_en_2021_2022.jsonl") else {
        return;
    };
    let (ok, err) = split(read_all(&[path], &ReadOptions::default()));
    assert!(err.is_empty(), "{:?}", err.first());
    assert_eq!(ok.len(), 816);
    for a in &ok {
        assert!(a.id.starts_with("kremlin:"), "{}", a.id);
        assert!(a
            .attribution
            .as_deref()
            .is_some_and(|s| s.contains("kremlin.ru")));
        assert!(a.published.is_some(), "{}: no date", a.id);
        assert_eq!(
            a.source.as_deref(),
            Some("President of Russia (en.kremlin.ru)")
        );
        assert!(a.url.is_some() && !a.body.is_empty() && a.warnings.is_empty());
    }
    assert_eq!(ok.first().map(|a| a.origin.line), Some(1));
    assert_eq!(ok.last().map(|a| a.origin.line), Some(816));
}

#[test]
fn reuters_sgml_gz() {
    let Some(path) = corpus("reuters21578/reut2-000.sgm.gz") else {
        return;
    };
    let items = read_all(&[path], &ReadOptions::default());
    assert_eq!(items.len(), 1000, "one item per <REUTERS> element");
    let (ok, err) = split(items);
    assert!(
        err.iter().all(|e| e.kind == RecordErrorKind::Skipped),
        "{err:?}"
    );
    assert!(!err.is_empty() && err.iter().all(|e| e.reason == "empty body"));
    assert!(ok.len() > 850, "{}", ok.len());
    let first = ok.first().cloned().unwrap_or_default();
    assert_eq!(first.id, "reuters-1");
    assert_eq!(first.title, "BAHIA COCOA REVIEW");
    assert_eq!(first.source.as_deref(), Some("Reuters"));
    assert!(first
        .body
        .starts_with("SALVADOR, Feb 26\nShowers continued"));
    assert!(!first.body.contains("Reuter\n") && !first.body.ends_with("Reuter"));
    assert!(!first.body.contains('\u{3}'));
    for tag in [
        "topics/cocoa",
        "places/el-salvador",
        "places/usa",
        "places/uruguay",
    ] {
        assert!(
            first.tags.iter().any(|t| t == tag),
            "{tag} in {:?}",
            first.tags
        );
    }
    assert_eq!(
        first.published.map(|d| d.to_rfc3339()),
        Some("1987-02-26T15:01:01.790+00:00".to_string())
    );
    assert_eq!(first.origin.line, 2);
    assert!(ok
        .iter()
        .all(|a| a.id.starts_with("reuters-") && a.warnings.is_empty()));
    // Gold people/orgs codes land in tags too.
    assert!(ok
        .iter()
        .any(|a| a.tags.iter().any(|t| t.starts_with("people/"))));
    assert!(ok
        .iter()
        .any(|a| a.tags.iter().any(|t| t.starts_with("orgs/"))));
}

#[test]
fn reuters_lossy_byte_warns() {
    let Some(path) = corpus("reuters21578/reut2-017.sgm.gz") else {
        return;
    };
    let (ok, _) = split(read_all(&[path], &ReadOptions::default()));
    let lossy: Vec<&Article> = ok.iter().filter(|a| !a.warnings.is_empty()).collect();
    assert_eq!(lossy.len(), 1, "exactly one record has the 0xFC byte");
    assert!(lossy.iter().all(|a| a.text().contains('\u{fffd}')));
}

#[test]
fn reuters_all_files_count() {
    let Some(dir) = corpus("reuters21578") else {
        return;
    };
    let paths: Vec<PathBuf> = (0..22)
        .map(|i| dir.join(format!("reut2-{i:03}.sgm.gz")))
        .collect();
    let (ok, err) = split(read_all(&paths, &ReadOptions::default()));
    assert_eq!(ok.len() + err.len(), 21_578);
    assert!(err.iter().all(|e| e.kind == RecordErrorKind::Skipped));
    let undated = ok.iter().filter(|a| a.published.is_none()).count();
    assert_eq!(undated, 0, "malformed Reuters dates fall back to the day");
}

// --- synthetic input ----------------------------------------------------------

#[test]
fn jsonl_bad_line_empty_body_and_blank_lines() {
    let dir = tempdir();
    let data = concat!(
        "{\"id\": \"a\", \"title\": \"One\", \"body\": \"First body.\", \"date\": \"2025-11-30\", \"authors\": [\"X Y\"]}\n",
        "\n",
        "{\"id\": \"b\", \"title\": \"Two\", \"body\": \"oops\" \n",
        "{\"id\": \"c\", \"title\": \"Three\", \"body\": \"  \\n \"}\n",
        "   \n",
        "{\"id\": \"d\", \"title\": \"Four\", \"body\": \"Fourth body.\", \"date\": \"not a date\"}\n",
        "[1, 2]\n",
    );
    let path = write(dir.path(), "news.jsonl", data.as_bytes());
    let name = path.display().to_string();
    let items = read_all(&[path], &ReadOptions::default());
    assert_eq!(items.len(), 5, "blank lines are not records");
    let (ok, err) = split(items);
    assert_eq!(
        ok.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        ["a", "d"]
    );
    assert_eq!(
        ok.first().map(|a| a.authors.clone()),
        Some(vec!["X Y".to_string()])
    );
    let bad = err.first().unwrap_or_else(|| panic!("no error"));
    assert_eq!(bad.kind, RecordErrorKind::Failed);
    assert_eq!(bad.origin.to_string(), format!("{name}:3"));
    assert!(
        bad.to_string()
            .starts_with(&format!("{name}:3: invalid JSON: ")),
        "{bad}"
    );
    let empty = err.get(1).unwrap_or_else(|| panic!("no skip"));
    assert_eq!(
        (empty.kind, empty.reason.as_str(), empty.origin.line),
        (RecordErrorKind::Skipped, "empty body", 4)
    );
    let not_object = err.get(2).unwrap_or_else(|| panic!("no error for array"));
    assert_eq!(
        (not_object.kind, not_object.origin.line),
        (RecordErrorKind::Failed, 7)
    );
    let d = ok.get(1).cloned().unwrap_or_default();
    assert!(d.published.is_none());
    assert!(
        d.warnings.iter().any(|w| w.contains("unparseable date")),
        "{:?}",
        d.warnings
    );
    assert_eq!(d.origin.line, 6);
}

#[test]
fn jsonl_gz_invalid_utf8_and_huge_line() {
    let dir = tempdir();
    let mut data = Vec::new();
    data.extend_from_slice(b"{\"title\": \"Caf\xe9\", \"body\": \"Ol\xe9 body\", \"url\": \"HTTPS://Example.COM/News/1/#top\"}\n");
    data.extend_from_slice(b"{\"body\": \"");
    data.extend(std::iter::repeat_n(b'x', 20 * 1024 * 1024));
    data.extend_from_slice(b"\"}\n");
    data.extend_from_slice(b"{\"body\": \"after the big one\"}");
    let path = write(dir.path(), "big.jsonl.gz", &gzip(&data));
    let items = read_all(&[path], &ReadOptions::default());
    assert_eq!(items.len(), 3);
    let (ok, err) = split(items);
    let lossy = ok.first().cloned().unwrap_or_default();
    assert_eq!(lossy.title, "Caf\u{fffd}");
    assert_eq!(lossy.warnings.len(), 1, "{:?}", lossy.warnings);
    assert_eq!(lossy.id, "url:https://example.com/News/1");
    let big = err.first().unwrap_or_else(|| panic!("no error"));
    assert_eq!(big.kind, RecordErrorKind::Failed);
    assert_eq!(big.reason, "article too large (21 MB > 16 MB)");
    assert_eq!(big.origin.line, 2);
    let last = ok.get(1).cloned().unwrap_or_default();
    assert_eq!(
        (last.body.as_str(), last.origin.line),
        ("after the big one", 3)
    );
    assert_eq!(last.input_bytes, "{\"body\": \"after the big one\"}".len());
}

#[test]
fn field_remapping() {
    let dir = tempdir();
    let path = write(
        dir.path(),
        "remap.ndjson",
        b"{\"headline\": \"H\", \"text\": \"from text\", \"body\": \"from body\", \"when\": \"30 Nov 2025\"}\n",
    );
    let opts = ReadOptions {
        format: None,
        fields: vec![
            ("body".to_string(), "text".to_string()),
            ("date".to_string(), "when".to_string()),
        ],
    };
    let (ok, _) = split(read_all(std::slice::from_ref(&path), &opts));
    let a = ok.first().cloned().unwrap_or_default();
    assert_eq!((a.title.as_str(), a.body.as_str()), ("H", "from text"));
    assert!(a.published.is_some());
    let bad = ReadOptions {
        format: None,
        fields: vec![("bogus".to_string(), "x".to_string())],
    };
    assert!(read_paths(&[path], &bad).is_err());
}

#[test]
fn text_headers_and_lossy_text() {
    let dir = tempdir();
    let text = "Title: Floods hit the coast\nDate: Sunday, Nov. 30, 2025\nSource: Example Wire\nAuthors: Ann Lee, Bo Chan\n\nWater rose overnight, officials said.\n";
    let a_path = write(dir.path(), "a.txt", text.as_bytes());
    let b_path = write(
        dir.path(),
        "b.md",
        "Breaking: floods\n\n\nRain fell.\n".as_bytes(),
    );
    let c_path = write(dir.path(), "c.txt", b"Caf\xe9 title\nBody \xff here.\n");
    let d_path = write(dir.path(), "d.txt", b"Only a title\n\n");
    let items = read_all(&[a_path, b_path, c_path, d_path], &ReadOptions::default());
    let (ok, err) = split(items);
    let a = ok.first().cloned().unwrap_or_default();
    assert_eq!(a.title, "Floods hit the coast");
    assert_eq!(a.source.as_deref(), Some("Example Wire"));
    assert_eq!(a.authors, ["Ann Lee", "Bo Chan"]);
    assert_eq!(
        a.published.map(|d| d.to_rfc3339()),
        Some("2025-11-30T00:00:00+00:00".into())
    );
    assert_eq!(a.body, "Water rose overnight, officials said.");
    assert_eq!(a.title_offset, text.find("Floods"));
    assert_eq!(a.body_offset, text.find("Water"));
    let b = ok.get(1).cloned().unwrap_or_default();
    assert_eq!(
        (b.title.as_str(), b.body.as_str()),
        ("Breaking: floods", "Rain fell.")
    );
    let c = ok.get(2).cloned().unwrap_or_default();
    assert_eq!(c.body, "Body \u{fffd} here.");
    assert!(c.body_offset.is_none() && !c.warnings.is_empty());
    assert_eq!(ok.len(), 3);
    let [d] = err.as_slice() else {
        panic!("{err:?}")
    };
    assert_eq!(
        (d.kind, d.reason.as_str()),
        (RecordErrorKind::Skipped, "empty body")
    );
}

#[test]
fn folders_unreadable_files_and_missing_paths() {
    let dir = tempdir();
    write(dir.path(), "b/2.txt", b"Two\n\nSecond.");
    write(dir.path(), "a.txt", b"One\n\nFirst.");
    write(dir.path(), "b/1.jsonl", b"{\"body\": \"json one\"}\n");
    write(dir.path(), ".hidden.txt", b"Hidden\n\nNo.");
    write(dir.path(), "b/.git/x.txt", b"Hidden\n\nNo.");
    write(dir.path(), "image.png", b"\x89PNG");
    write(dir.path(), "README.md", b"# About\n\nNot an article.");
    write(
        dir.path(),
        "c/bad.jsonl.gz",
        b"\x1f\x8b\x08\x00garbage that is not deflate",
    );
    write(
        dir.path(),
        "d.sgm",
        b"<REUTERS NEWID=\"9\"><TEXT><BODY>Wire copy.</BODY></TEXT></REUTERS>\n",
    );
    let items = read_all(&[dir.path().to_path_buf()], &ReadOptions::default());
    let summary: Vec<String> = items
        .iter()
        .map(|i| match i {
            Ok(a) => a.body.clone(),
            Err(e) => format!("ERR {}", e.origin.path.rsplit('/').next().unwrap_or("")),
        })
        .collect();
    assert_eq!(
        summary,
        [
            "First.",
            "json one",
            "Second.",
            "ERR bad.jsonl.gz",
            "Wire copy."
        ]
    );

    // A file with an unknown extension is read when named, format by content.
    let odd = write(
        dir.path(),
        "feed.data",
        b"{\"body\": \"guessed\"}\n{\"body\": \"two\"}\n",
    );
    let (ok, _) = split(read_all(
        std::slice::from_ref(&odd),
        &ReadOptions::default(),
    ));
    assert_eq!(
        ok.iter().map(|a| a.body.as_str()).collect::<Vec<_>>(),
        ["guessed", "two"]
    );
    // A forced format wins over the extension.
    let forced = ReadOptions {
        format: Some(Format::Text),
        fields: vec![],
    };
    let (ok, _) = split(read_all(&[odd], &forced));
    assert_eq!(ok.len(), 1);
    assert_eq!(
        ok.first().map(|a| a.title.as_str()),
        Some("{\"body\": \"guessed\"}")
    );

    let missing = dir.path().join("nope.jsonl");
    match read_paths(
        &[dir.path().join("a.txt"), missing.clone()],
        &ReadOptions::default(),
    ) {
        Ok(_) => panic!("missing path accepted"),
        Err(e) => assert_eq!(
            e.to_string(),
            format!("{}: no such file or directory", missing.display())
        ),
    }
}

#[test]
fn ids_and_hash_are_stable() {
    // FNV-1a 64 reference values.
    assert_eq!(stable_hash(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(stable_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(stable_hash(b"foobar"), 0x8594_4171_f739_67e8);
    assert_eq!(
        normalise_url(" HTTP://WWW.Example.org/a/B/?q=1#frag "),
        "http://www.example.org/a/B?q=1"
    );
    assert_eq!(normalise_url("https://example.org/"), "https://example.org");
    let mut a = Article {
        title: "T".into(),
        body: "B".into(),
        ..Article::default()
    };
    a.ensure_id();
    assert_eq!(a.id, format!("sha:{:016x}", stable_hash(b"T\nB")));
    let mut kept = Article {
        id: "given".into(),
        url: Some("http://x".into()),
        ..Article::default()
    };
    kept.ensure_id();
    assert_eq!(kept.id, "given");
}

#[test]
fn reuters_oversized_record_fails_and_the_next_is_read() {
    let dir = tempdir();
    let mut data =
        b"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"1\">\n<TEXT><BODY>".to_vec();
    let line = [b"word ".repeat(200), b"\n".to_vec()].concat();
    while data.len() < 17 * 1024 * 1024 {
        data.extend_from_slice(&line);
    }
    data.extend_from_slice(b"</BODY></TEXT>\n</REUTERS>\n<REUTERS NEWID=\"2\">\n<TEXT><TITLE>SMALL</TITLE><BODY>Fine.\n</BODY></TEXT>\n</REUTERS>\n");
    let path = write(dir.path(), "big.sgm", &data);
    let items = read_all(&[path], &ReadOptions::default());
    let [Err(big), Ok(small)] = items.as_slice() else {
        panic!("{items:?}")
    };
    assert_eq!((big.kind, big.origin.line), (RecordErrorKind::Failed, 2));
    assert!(
        big.reason.starts_with("article too large (18 MB > 16 MB)"),
        "{}",
        big.reason
    );
    assert_eq!(
        (small.id.as_str(), small.body.as_str()),
        ("reuters-2", "Fine.")
    );
}

/// Random splices of format fragments, multi-byte characters and invalid
/// bytes, read as every format: nothing may panic, and every record either
/// yields an article with a non-empty body and an id, or an error.
#[test]
fn no_panic_on_random_input() {
    const PIECES: &[&[u8]] = &[
        b"<REUTERS NEWID=\"",
        b"\">",
        b"</REUTERS>",
        b"<TEXT TYPE=\"BRIEF\">",
        b"<TITLE>",
        b"</TITLE>",
        b"<BODY>",
        b"</BODY>",
        b"<DATELINE>",
        b"<D>",
        b"</D>",
        b"<PLACES>",
        b"&#3;",
        b"&#",
        b"&amp",
        b"&",
        b"{",
        b"}",
        b"\"body\": ",
        b"\"title\": ",
        b"\"date\": \"",
        b"\"",
        b",",
        b":",
        b"\n",
        b"\r\n",
        b"   ",
        b"title: ",
        b"date: Nov. 30, 2025",
        b"---",
        b"# ",
        b"caf\xc3\xa9",
        b"\xe2\x9c\x93",
        b"\xff",
        b"\xc3",
        b"\xef\xbb\xbf",
        b"word",
        b"26-FEB-1987 15:01:01.79",
    ];
    let dir = tempdir();
    // xorshift: deterministic, no extra crate.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for case in 0..300 {
        let mut data = Vec::new();
        for _ in 0..(next() % 40) {
            let piece = PIECES
                .get((next() % PIECES.len() as u64) as usize)
                .copied()
                .unwrap_or(b"");
            data.extend_from_slice(piece);
        }
        let path = write(dir.path(), &format!("case{case}.bin"), &data);
        for format in [Format::Jsonl, Format::Text, Format::Reuters] {
            let opts = ReadOptions {
                format: Some(format),
                fields: vec![],
            };
            for item in read_all(std::slice::from_ref(&path), &opts) {
                match item {
                    Ok(a) => {
                        assert!(
                            !a.body.trim().is_empty(),
                            "case {case} {format:?}: empty body"
                        );
                        assert!(!a.id.is_empty(), "case {case} {format:?}: no id");
                        // Recorded offsets point at exact copies in the file.
                        if let Some(t) = a.title_offset {
                            assert_eq!(data.get(t..t + a.title.len()), Some(a.title.as_bytes()));
                        }
                        if let Some(b) = a.body_offset {
                            assert_eq!(data.get(b..b + a.body.len()), Some(a.body.as_bytes()));
                        }
                        let text = a.text();
                        for offset in [0, a.title.len(), text.len()] {
                            let _ = a.file_offset(offset);
                        }
                    }
                    Err(e) => assert!(!e.reason.is_empty()),
                }
            }
        }
    }
}

#[test]
fn json_arrays_and_pretty_printed_objects() {
    let dir = tempdir();
    let array = "[\n  {\"title\": \"A\", \"body\": \"First.\"},\n  {\"title\": \"B\",\n   \"body\": \"\"},\n  {\"title\": \"C\", \"body\": \"Third.\"}\n]\n";
    let pretty = "{\n  \"title\": \"P\",\n  \"body\": \"Pretty.\"\n}\n{\n  \"title\": \"Q\",\n  \"body\": \"Two.\"\n}\n";
    let broken = "[{\"body\": \"ok\"}, {\"body\": oops}, {\"body\": \"lost\"}]";
    let paths = [
        write(dir.path(), "array.json", array.as_bytes()),
        write(dir.path(), "pretty.json", pretty.as_bytes()),
        write(dir.path(), "broken.json.gz", &gzip(broken.as_bytes())),
    ];
    let items = read_all(&paths, &ReadOptions::default());
    let summary: Vec<String> = items
        .iter()
        .map(|i| match i {
            Ok(a) => format!("{}@{}", a.body, a.origin.line),
            Err(e) => format!("{:?}@{}", e.kind, e.origin.line),
        })
        .collect();
    assert_eq!(
        summary,
        [
            "First.@2",
            "Skipped@3",
            "Third.@5",
            "Pretty.@1",
            "Two.@5",
            "ok@1",
            "Failed@1"
        ]
    );
}
