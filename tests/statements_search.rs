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
    // A title or role before the name, in a question and in --by.
    let titled = ask("what did Kremlin aide Yuri Ushakov say about trilateral talks");
    assert_eq!(
        speakers(&titled),
        BTreeSet::from(["Yuri Ushakov".to_string()])
    );
    let o = run_in(d, &["statements", "--by", "adviser Ushakov", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
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

/// A statement that syndicated copies of a story carry word for word is
/// listed once, with the copies' ids; the same words from someone else are
/// not a copy; `--no-collapse` lists every copy, and paging counts distinct
/// hits.
#[test]
fn syndicated_copies_fold_into_one_hit() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let quote =
        "\"We will not accept any deal on the harbour,\" Mayor Anna Kowalczyk said on Tuesday.";
    let other =
        "\"We will not accept any deal on the harbour,\" Governor Piotr Nowak said on Tuesday.";
    let corpus = [
        article(
            "w1",
            "Harbour deal rejected",
            quote,
            "2023-03-07",
            "Wire One",
        ),
        article("w2", "Harbour news (copy)", quote, "2023-03-07", "Wire Two"),
        article("w3", "Port news", other, "2023-03-07", "Wire Three"),
    ]
    .join("\n");
    fs::write(d.join("news.jsonl"), corpus).unwrap();
    let o = run_in(d, &["index", "news.jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    let list = |extra: &[&str]| {
        let mut args = vec!["statements", "harbour", "--json"];
        args.extend_from_slice(extra);
        let o = run_in(d, &args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        json(&o)
    };
    let folded = list(&[]);
    assert_eq!(folded["total"], 3, "{folded}");
    assert_eq!(folded["folded"], 1, "{folded}");
    let hits = folded["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 2, "{folded}");
    let mayor = hits
        .iter()
        .find(|h| h["speaker"] == "Anna Kowalczyk")
        .expect("the mayor's statement");
    let copies = mayor["copies"].as_array().unwrap();
    assert_eq!(copies.len(), 1, "{mayor}");
    let ids = [
        mayor["article_id"].as_str().unwrap(),
        copies[0].as_str().unwrap(),
    ];
    assert!(ids.iter().any(|i| i.starts_with("w1")) && ids.iter().any(|i| i.starts_with("w2")));
    assert!(
        hits.iter().any(|h| h["speaker"] == "Piotr Nowak"),
        "{folded}"
    );

    let all = list(&["--no-collapse"]);
    assert_eq!(all["hits"].as_array().unwrap().len(), 3, "{all}");
    assert_eq!(all["folded"], 0);

    // The second page of one is the second distinct statement.
    let first = list(&["--limit", "1"]);
    let second = list(&["--limit", "1", "--offset", "1"]);
    let speaker = |v: &serde_json::Value| v["hits"][0]["speaker"].as_str().unwrap().to_string();
    assert_ne!(speaker(&first), speaker(&second));
    assert_eq!(
        list(&["--limit", "1", "--offset", "2"])["hits"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

/// A statement stores only spans into its article's text; what search shows
/// of it (words, mention, cue, title, source, URL) is read back from the
/// article, and must be exactly what extraction found.
#[test]
fn statement_hits_read_their_words_from_the_article() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let line = serde_json::json!({
        "id": "a1",
        "title": "Mayor warns of “hard winter”",
        "body": "“We are ready,” Mayor Anna Berg said, “but the winter will be hard.” \
                 Officials said the budget was short.",
        "date": "2024-01-15",
        "source": "Daily Test",
        "url": "https://example.org/a1",
    });
    fs::write(d.join("in.jsonl"), format!("{line}\n")).unwrap();
    let o = run_in(d, &["index", "in.jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run_in(d, &["extract", "--json", "in.jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let extracted = json(&o);
    let o = run_in(d, &["statements", "*", "--json", "--limit", "20"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let found = json(&o);
    let hits = found["hits"].as_array().expect("hits");
    let want = extracted["statements"].as_array().expect("statements");
    assert_eq!(hits.len(), want.len(), "{found}\n{extracted}");
    assert!(!hits.is_empty());
    let broken = hits
        .iter()
        .find(|h| h["text"] == "We are ready, … but the winter will be hard.")
        .unwrap_or_else(|| panic!("the broken quote, joined: {found}"));
    assert_eq!(broken["speaker_mention"], "Mayor Anna Berg");
    assert_eq!(broken["cue"], "said");
    for h in hits {
        assert_eq!(h["title"], "Mayor warns of “hard winter”");
        assert_eq!(h["source"], "Daily Test");
        assert_eq!(h["url"], "https://example.org/a1");
        assert_eq!(h["date"], "2024-01-15");
        assert_eq!(h["article_id"], "a1");
        let mention = h["speaker_mention"].as_str();
        let cue = h["cue"].as_str();
        assert!(
            want.iter()
                .any(|s| s["speaker_mention"]["text"].as_str() == mention
                    && s["cue"]["text"].as_str() == cue),
            "{h}"
        );
    }
}
