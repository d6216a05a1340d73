//! Helpers shared by the integration tests: running the binary, writing
//! synthetic corpora, finding the shared data.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The `newsdex` binary built for these tests.
pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_newsdex"));
    // Tests must not depend on the developer's terminal.
    c.env("NO_COLOR", "1");
    c
}

/// Run `newsdex ARGS` in `dir`, returning its output.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the newsdex binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Parse stdout as one JSON value.
pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            stdout(o),
            stderr(o)
        )
    })
}

/// Where the shared development data is: `$NEWSDEX_SHARED_CORPUS`, for
/// checkouts that do not sit next to `shared/` (git worktrees), else
/// `../shared/corpus` beside the crate.
pub fn shared_root() -> PathBuf {
    std::env::var_os("NEWSDEX_SHARED_CORPUS")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
}

/// The shared corpus, or `None` (after saying so) when it is absent.
pub fn shared_corpus() -> Option<PathBuf> {
    let p = shared_root();
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared/corpus not found");
        None
    }
}

/// One synthetic JSONL article.
pub fn article(id: &str, title: &str, body: &str, date: &str, source: &str) -> String {
    serde_json::json!({
        "id": id, "title": title, "body": body, "date": date, "source": source,
        "url": format!("https://example.org/{id}"),
    })
    .to_string()
}

/// A small corpus with known words, dates and sources.
pub fn small_corpus() -> String {
    [
        article(
            "a1",
            "Peace talks resume in Geneva",
            "Diplomats met on Monday for peace talks about the ceasefire.",
            "2022-02-01",
            "Wire One",
        ),
        article(
            "a2",
            "Grain exports rise",
            "Exports of wheat and grain rose sharply in March, traders said.",
            "2022-03-15",
            "Wire Two",
        ),
        article(
            "a3",
            "Talks stall over ceasefire",
            "The ceasefire talks stalled as both sides traded accusations.",
            "2022-03-20",
            "Wire One",
        ),
        article(
            "a4",
            "Markets calm",
            "Stock markets were calm as investors awaited central bank news.",
            "2023-01-05",
            "Wire Two",
        ),
        article(
            "a5",
            "No date here",
            "An undated article about peace and quiet in the countryside.",
            "not a date",
            "Wire Three",
        ),
    ]
    .join("\n")
        + "\n"
}

/// Many synthetic articles, for kill-and-rerun tests.
pub fn big_corpus(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        let body = format!(
            "Article number {i} reports on harbour traffic, shipping and grain. {}",
            "The port authority said volumes were steady this week. ".repeat(20)
        );
        s.push_str(&article(
            &format!("big{i}"),
            &format!("Harbour report {i}"),
            &body,
            "2021-06-01",
            "Synthetic Wire",
        ));
        s.push('\n');
    }
    s
}
