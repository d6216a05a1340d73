//! The statement queries of the seed article, end to end: index the seed
//! alone, ask in plain English, check who is returned.

mod common;

use std::collections::BTreeSet;
use std::fs;

use common::*;

fn speakers(v: &serde_json::Value) -> BTreeSet<String> {
    v["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["speaker"].as_str().unwrap_or("").to_string())
        .collect()
}

fn texts(v: &serde_json::Value) -> String {
    v["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["text"].as_str().unwrap_or(""))
        .collect::<Vec<_>>()
        .join(" | ")
}

#[test]
fn seed_statement_queries() {
    let Some(shared) = shared_corpus() else {
        return;
    };
    let seed = shared.join("seed/ukraine-peace-talks-florida.txt");
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    fs::copy(&seed, d.join("seed.txt")).unwrap();
    let o = run_in(d, &["index", "seed.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    let ask = |q: &str| {
        let o = run_in(d, &["search", q, "--json", "--limit", "50"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        json(&o)
    };

    let kremlin = ask("statements by Kremlin officials");
    assert!(kremlin["interpretation"]["description"]
        .as_str()
        .unwrap()
        .contains("Russia/Kremlin"));
    assert_eq!(
        speakers(&kremlin),
        BTreeSet::from(["Kirill Dmitriev".to_string(), "Yuri Ushakov".to_string()]),
        "{kremlin}"
    );
    let t = texts(&kremlin);
    assert!(
        t.contains("trilateral talks was not being seriously discussed"),
        "{t}"
    );
    assert!(t.contains("constructively"), "{t}");
    for h in kremlin["hits"].as_array().unwrap() {
        assert_eq!(h["kind"], "statement");
        assert_eq!(h["speaker_type"], "person");
        assert!(h["article_id"].as_str().is_some_and(|s| !s.is_empty()));
        assert!(h["affiliations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Russia/Kremlin"));
    }

    // Affiliation counts drill into the body under the country.
    let affs: Vec<&str> = kremlin["facets"]["affiliation"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v["value"].as_str())
        .collect();
    assert!(affs.contains(&"Russia/Kremlin"), "{affs:?}");

    let ukraine = ask("statements by Ukrainian officials");
    assert_eq!(
        speakers(&ukraine),
        BTreeSet::from([
            "Dmytro Lubinets".to_string(),
            "Volodymyr Zelenskyy".to_string()
        ]),
        "{ukraine}"
    );

    let witkoff = ask("statements by Witkoff");
    assert_eq!(
        speakers(&witkoff),
        BTreeSet::from(["Steve Witkoff".to_string()])
    );
    assert!(texts(&witkoff).contains("Our shared priority is to stop the killing"));

    // The same through `statements`, and a typo that falls back to text.
    let o = run_in(d, &["statements", "--by", "Ushakov", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        speakers(&json(&o)),
        BTreeSet::from(["Yuri Ushakov".to_string()])
    );
    let o = run_in(
        d,
        &[
            "statements",
            "what did Ushakov say about trilateral talks",
            "--json",
        ],
    );
    assert_eq!(
        speakers(&json(&o)),
        BTreeSet::from(["Yuri Ushakov".to_string()])
    );
    let typo = ask("statements by Ushakoff");
    assert!(
        !typo["interpretation"]["unresolved"]
            .as_array()
            .unwrap()
            .is_empty(),
        "{typo}"
    );
    let o = run_in(d, &["statements", "--by", "Nobody Atall"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no speaker named"), "{}", stderr(&o));
}
