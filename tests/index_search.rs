//! End-to-end tests of `newsdex index` and `newsdex search`: idempotence,
//! replacement, filters, JSON shape, exit codes, crash recovery, first run.

mod common;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use common::*;

fn index_json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["index", "--json"];
    all.extend_from_slice(args);
    let o = run_in(dir, &all);
    assert!(
        o.status.code() == Some(0) || o.status.code() == Some(1),
        "index failed: {}",
        stderr(&o)
    );
    json(&o)
}

fn search_json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["search", "--json"];
    all.extend_from_slice(args);
    let o = run_in(dir, &all);
    assert_eq!(o.status.code(), Some(0), "search failed: {}", stderr(&o));
    json(&o)
}

fn ids(v: &serde_json::Value) -> Vec<String> {
    let mut ids: Vec<String> = v["hits"]
        .as_array()
        .expect("hits array")
        .iter()
        .map(|h| h["id"].as_str().unwrap_or("").to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn reindexing_is_idempotent_and_changes_replace() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    fs::write(d.join("news.jsonl"), small_corpus()).unwrap();

    let first = index_json(d, &["news.jsonl", "--no-extract"]);
    assert_eq!(first["added"], 5);
    assert_eq!(first["undated"], 1);
    let second = index_json(d, &["news.jsonl", "--no-extract"]);
    assert_eq!(second["added"], 0);
    assert_eq!(second["updated"], 0);
    assert_eq!(second["unchanged"], 5);

    // Change one article's body: it is replaced, not duplicated.
    let changed = small_corpus().replace("Stock markets were calm", "Bond markets slumped");
    fs::write(d.join("news.jsonl"), changed).unwrap();
    let third = index_json(d, &["news.jsonl", "--no-extract"]);
    assert_eq!(third["updated"], 1);
    assert_eq!(third["unchanged"], 4);

    let all = search_json(d, &["*", "--limit", "100"]);
    assert_eq!(all["total"], 5, "one document per article");
    assert_eq!(search_json(d, &["slumped"])["total"], 1);
    assert_eq!(search_json(d, &["\"stock markets\""])["total"], 0);
}

#[test]
fn full_text_filters_and_json_shape() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    fs::write(d.join("news.jsonl"), small_corpus()).unwrap();
    index_json(d, &["news.jsonl", "--no-extract"]);

    // Conjunction by default, stemming ("talks" ~ "talk"), phrases, NOT.
    assert_eq!(ids(&search_json(d, &["ceasefire talks"])), ["a1", "a3"]);
    assert_eq!(ids(&search_json(d, &["\"peace talks\""])), ["a1"]);
    assert_eq!(ids(&search_json(d, &["ceasefire -stalled"])), ["a1"]);
    assert_eq!(ids(&search_json(d, &["title:grain"])), ["a2"]);
    assert_eq!(ids(&search_json(d, &["cesefire~1"])), ["a1", "a3"]);

    // Dates: --to is inclusive of the day; undated articles never match a range.
    assert_eq!(
        ids(&search_json(
            d,
            &["*", "--from", "2022-03-01", "--to", "2022-03-20"]
        )),
        ["a2", "a3"]
    );
    assert_eq!(ids(&search_json(d, &["*", "--from", "2023-01-01"])), ["a4"]);
    // Source and facet filters.
    assert_eq!(
        ids(&search_json(d, &["*", "--source", "Wire One"])),
        ["a1", "a3"]
    );
    assert_eq!(
        ids(&search_json(d, &["*", "--facet", "/date/2022/03"])),
        ["a2", "a3"]
    );
    assert_eq!(
        ids(&search_json(d, &["*", "--facet", "month/2022-02"])),
        ["a1"]
    );

    // Sorting by date: newest first.
    let by_date = search_json(d, &["*", "--sort", "date", "--limit", "2"]);
    let order: Vec<&str> = by_date["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["a4", "a3"]);

    // The JSON shape scripts rely on.
    let v = search_json(d, &["ceasefire", "--limit", "1"]);
    assert_eq!(v["query"], "ceasefire");
    assert_eq!(v["total"], 2);
    let hit = &v["hits"][0];
    for key in [
        "id", "kind", "title", "date", "source", "url", "score", "snippet",
    ] {
        assert!(hit.get(key).is_some(), "hit lacks {key}: {hit}");
    }
    assert_eq!(hit["kind"], "article");
    assert!(hit["snippet"].as_str().unwrap().contains("ceasefire"));
    let sources = v["facets"]["source"].as_array().unwrap();
    assert_eq!(sources[0]["value"], "Wire One");
    assert_eq!(sources[0]["count"], 2);
    assert!(!v["facets"]["month"].as_array().unwrap().is_empty());

    // Absurd page sizes are answered, not allocated.
    let huge = search_json(d, &["ceasefire", "--limit", "1000000000000000000"]);
    assert_eq!(huge["hits"].as_array().unwrap().len(), 2);

    // Paging past the end is empty, not an error.
    assert_eq!(
        search_json(d, &["ceasefire", "--offset", "5"])["hits"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn an_empty_result_names_the_condition_to_drop() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("news.jsonl"), small_corpus()).unwrap();
    index_json(d, &["news.jsonl", "--no-extract"]);

    // "grain" exists, but not in February, and not from Wire One.
    let v = search_json(
        d,
        &[
            "grain",
            "--from",
            "2022-02-01",
            "--to",
            "2022-02-28",
            "--source",
            "Wire One",
        ],
    );
    assert_eq!(v["total"], 0);
    let relaxed = v["relaxations"].as_array().unwrap();
    let without: Vec<(&str, u64)> = relaxed
        .iter()
        .map(|r| (r["without"].as_str().unwrap(), r["total"].as_u64().unwrap()))
        .collect();
    // Dropping the dates still leaves the source filter: nothing. Dropping
    // the source still leaves February: nothing. Dropping the word leaves
    // Wire One in February: a1.
    assert_eq!(without, [("text", 1)], "{relaxed:?}");

    let v = search_json(d, &["grain", "--from", "2023-01-01"]);
    assert_eq!(v["relaxations"][0]["without"], "dates");
    assert_eq!(v["relaxations"][0]["total"], 1);
    let o = run_in(d, &["search", "grain", "--from", "2023-01-01"]);
    assert!(
        stdout(&o).contains("without the date range since 2023-01-01: 1 article"),
        "{}",
        stdout(&o)
    );
    // A result that matches has nothing to suggest.
    assert!(search_json(d, &["grain"]).get("relaxations").is_none());
}

#[test]
fn errors_are_one_line_with_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    fs::write(d.join("news.jsonl"), small_corpus()).unwrap();

    let o = run_in(d, &["index", "missing.jsonl", "--index", "idx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.jsonl"), "{}", stderr(&o));
    assert!(
        !Path::new(&d.join("idx/meta.json")).exists(),
        "nothing created for a bad path"
    );

    let o = run_in(d, &["search", "x", "--index", "nowhere"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no index"), "{}", stderr(&o));

    index_json(d, &["news.jsonl", "--no-extract"]);
    let o = run_in(d, &["search", "title:(unclosed"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("invalid query"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(!err.contains("panicked"));

    let o = run_in(d, &["search", "x", "--from", "yesterday-ish"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--from"), "{}", stderr(&o));
}

#[test]
fn bad_records_are_skipped_counted_and_named() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let mut s = small_corpus();
    s.push_str("{\"id\": \"broken\", \"title\": \n");
    s.push_str(&article("empty", "Empty", "   ", "2022-01-01", "Wire One"));
    s.push('\n');
    fs::write(d.join("news.jsonl"), s).unwrap();

    let o = run_in(d, &["index", "news.jsonl", "--no-extract", "--json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["added"], 5);
    assert_eq!(v["failed"], 1);
    assert_eq!(v["skipped"], 1);
    let err = stderr(&o);
    assert!(err.contains("news.jsonl:6"), "names file:line: {err}");
    assert!(err.contains("news.jsonl:7"), "names file:line: {err}");

    // --strict stops at the first bad record but keeps what came before.
    let o = run_in(
        d,
        &[
            "index",
            "news.jsonl",
            "--no-extract",
            "--strict",
            "--index",
            "strict",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("news.jsonl:6"), "{}", stderr(&o));
    let v = search_json(d, &["*", "--index", "strict"]);
    assert_eq!(v["total"], 5);
}

/// Kill a real indexing process mid-run, then rerun: the index is readable
/// and ends with exactly one document per article.
#[test]
fn killed_index_run_recovers_on_rerun() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let n = 12_000;
    fs::write(d.join("big.jsonl"), big_corpus(n)).unwrap();

    let mut child = bin()
        .current_dir(d)
        .args(["index", "big.jsonl", "--no-extract"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait for the first commit (meta.json appears with segments), then kill.
    let start = Instant::now();
    loop {
        let meta = fs::read_to_string(d.join("index/meta.json")).unwrap_or_default();
        if meta.contains("\"segment_id\"") || start.elapsed() > Duration::from_secs(60) {
            break;
        }
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = child.kill(); // SIGKILL on Unix
    let _ = child.wait();

    // The index opens and searches fine after the kill.
    let partial = search_json(d, &["harbour", "--limit", "0"]);
    let before = partial["total"].as_u64().unwrap();
    assert!(before <= n as u64);

    let v = index_json(d, &["big.jsonl", "--no-extract"]);
    assert_eq!(
        v["added"].as_u64().unwrap() + v["unchanged"].as_u64().unwrap(),
        n as u64
    );
    assert_eq!(v["unchanged"].as_u64().unwrap(), before);
    let all = search_json(d, &["harbour", "--limit", "0"]);
    assert_eq!(
        all["total"].as_u64().unwrap(),
        n as u64,
        "exactly one document per article"
    );
}

/// A second writer gets a clear error while the first holds the lock, and a
/// search can run meanwhile.
#[test]
fn concurrent_writer_is_refused_and_search_still_works() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    fs::write(d.join("news.jsonl"), small_corpus()).unwrap();
    index_json(d, &["news.jsonl", "--no-extract"]);
    fs::write(d.join("big.jsonl"), big_corpus(20_000)).unwrap();

    let mut child = bin()
        .current_dir(d)
        .args(["index", "big.jsonl", "--no-extract"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let still_running = matches!(child.try_wait(), Ok(None));
    let second = run_in(d, &["index", "news.jsonl", "--no-extract"]);
    let searched = run_in(d, &["search", "ceasefire", "--json"]);
    let _ = child.wait();
    assert_eq!(searched.status.code(), Some(0), "{}", stderr(&searched));
    if still_running {
        assert_eq!(second.status.code(), Some(2), "{}", stderr(&second));
        assert!(
            stderr(&second).contains("another newsdex process"),
            "{}",
            stderr(&second)
        );
    }
}

/// On a fresh checkout, `search` builds index/ from corpus/ first.
#[test]
fn first_search_builds_the_default_index() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    fs::create_dir(d.join("corpus")).unwrap();
    fs::write(d.join("corpus/news.jsonl"), small_corpus()).unwrap();
    let o = run_in(d, &["search", "peace talks", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("building"), "says so: {}", stderr(&o));
    assert!(d.join("index/meta.json").is_file());
    assert_eq!(json(&o)["total"], 1);
    // The second search does not rebuild.
    let o = run_in(d, &["search", "peace talks"]);
    assert!(!stderr(&o).contains("building"));
    assert!(stdout(&o).contains("Peace talks resume in Geneva"));
}

#[test]
fn rebuild_starts_over_and_refuses_foreign_folders() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    fs::write(d.join("news.jsonl"), small_corpus()).unwrap();
    index_json(d, &["news.jsonl", "--no-extract"]);
    let v = index_json(d, &["news.jsonl", "--no-extract", "--rebuild"]);
    assert_eq!(v["added"], 5);

    fs::create_dir(d.join("notes")).unwrap();
    fs::write(d.join("notes/todo.txt"), "keep me").unwrap();
    let o = run_in(d, &["index", "news.jsonl", "--index", "notes", "--rebuild"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        d.join("notes/todo.txt").is_file(),
        "a non-index folder is never deleted"
    );
}
