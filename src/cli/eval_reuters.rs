//! `newsdex eval reuters`: entity extraction against the Reuters-21578
//! document-level PEOPLE and PLACES codes.
//!
//! Places: every gold code maps to one or more canonical knowledge-base
//! places (`data/reuters/places.tsv` for codes that are not plain names);
//! an extracted place counts as the country it lies in. People: a code such
//! as `james-baker` or `de-larosiere` matches an extracted person whose
//! folded name contains the code's words in order, whatever the source of
//! the person (knowledge base, rules or tagger). Scores are micro-averaged
//! over the articles that carry at least one code of the kind.

use super::ExitCode;
use newsdex::corpus::{self, Format, ReadOptions, RecordErrorKind};
use newsdex::extract::kb::{fold, KnowledgeBase};
use newsdex::extract::{Entity, EntityKind};
use rayon::prelude::*;
use serde_json::json;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

const PLACE_TABLE: &str = include_str!("../../data/reuters/places.tsv");

/// Folded canonical names a place code accepts.
pub fn place_code_names(kb: &KnowledgeBase, code: &str) -> Vec<String> {
    for line in PLACE_TABLE.lines() {
        if line.starts_with('#') {
            continue;
        }
        if let Some((c, names)) = line.split_once('\t') {
            if c == code {
                return names.split('|').map(fold).collect();
            }
        }
    }
    let name = code.replace('-', " ");
    match kb
        .country(&name)
        .or_else(|| kb.resolve(&name, Some(EntityKind::Place)))
    {
        Some(e) => vec![fold(&e.name)],
        None => vec![fold(&name)],
    }
}

/// The folded countries an article's extracted places lie in.
pub fn predicted_countries(kb: &KnowledgeBase, entities: &[Entity]) -> HashSet<String> {
    let mut out = HashSet::new();
    for e in entities.iter().filter(|e| e.kind == EntityKind::Place) {
        match &e.country {
            Some(c) => {
                out.insert(fold(c));
            }
            None => {
                if kb.country(&e.name).is_some() {
                    out.insert(fold(&e.name));
                }
            }
        }
    }
    out
}

/// Whether a people code (`james-baker`) names the person `name`: the
/// code's words appear in order, contiguously, in the folded name.
pub fn person_matches(code: &str, name: &str) -> bool {
    let code_words: Vec<String> = code
        .split('-')
        .map(|w| plain(&fold(w)))
        .filter(|w| !w.is_empty())
        .collect();
    let folded = plain(&fold(name));
    // Middle initials ("James A. Baker") are not in the codes.
    let name_words: Vec<&str> = folded
        .split(' ')
        .filter(|w| w.chars().count() > 1 || code_words.iter().any(|c| c == w))
        .collect();
    if code_words.is_empty() || name_words.is_empty() {
        return false;
    }
    // Compact forms cover spelling splits: "de-larosiere" ~ "Delarosiere".
    let compact_code: String = code_words.concat();
    let compact_name: String = name_words.concat();
    if compact_code == compact_name {
        return true;
    }
    if code_words.len() > name_words.len() {
        return false;
    }
    name_words
        .windows(code_words.len())
        .any(|w| w.iter().zip(&code_words).all(|(a, b)| *a == b.as_str()))
}

/// German umlauts are written "oe" in 1987 wire copy ("Poehl") and
/// folded to "o" from "Pöhl": compare both without the "e".
fn plain(s: &str) -> String {
    s.replace("oe", "o").replace("ue", "u").replace("ae", "a")
}

#[derive(Default, Debug, Clone)]
struct Tally {
    articles: usize,
    gold: usize,
    found: usize,
    predicted: usize,
    correct: usize,
    /// Predicted items that name some code of the whole code list (for
    /// people: an "in-vocabulary" precision, as most people in a text have
    /// no code at all).
    predicted_in_vocab: usize,
    correct_in_vocab: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.articles += o.articles;
        self.gold += o.gold;
        self.found += o.found;
        self.predicted += o.predicted;
        self.correct += o.correct;
        self.predicted_in_vocab += o.predicted_in_vocab;
        self.correct_in_vocab += o.correct_in_vocab;
    }
    fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    fn json(&self) -> serde_json::Value {
        json!({
            "articles": self.articles,
            "gold": self.gold,
            "found": self.found,
            "recall": self.recall(),
            "predicted": self.predicted,
            "correct": self.correct,
            "precision": self.precision(),
            "predicted_in_vocabulary": self.predicted_in_vocab,
            "precision_in_vocabulary": ratio(self.correct_in_vocab, self.predicted_in_vocab),
        })
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Per-article outcome.
#[derive(Default)]
struct Outcome {
    places: Tally,
    people: Tally,
    /// (code, found) for every gold code.
    place_codes: Vec<(String, bool)>,
    people_codes: Vec<(String, bool)>,
    /// Predicted countries / people no gold code accounts for.
    false_places: Vec<String>,
}

/// The whole-list people codes, from `all-people-strings.lc.txt[.gz]` next to
/// the first input file, if it is there.
fn people_vocabulary(paths: &[PathBuf]) -> Vec<String> {
    let Some(dir) = paths.first().and_then(|p| {
        if p.is_dir() {
            Some(p.clone())
        } else {
            p.parent().map(Path::to_path_buf)
        }
    }) else {
        return Vec::new();
    };
    let mut text = String::new();
    let plain = dir.join("all-people-strings.lc.txt");
    let gz = dir.join("all-people-strings.lc.txt.gz");
    if let Ok(t) = std::fs::read_to_string(&plain) {
        text = t;
    } else if let Ok(f) = std::fs::File::open(&gz) {
        let mut d = flate2::read::GzDecoder::new(f);
        if d.read_to_string(&mut text).is_err() {
            text.clear();
        }
    }
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn score(
    kb: &KnowledgeBase,
    vocab: &[String],
    gold_places: &[String],
    gold_people: &[String],
    entities: &[Entity],
) -> Outcome {
    let mut o = Outcome::default();
    if !gold_places.is_empty() {
        let predicted = predicted_countries(kb, entities);
        let accepted: Vec<Vec<String>> = gold_places
            .iter()
            .map(|c| place_code_names(kb, c))
            .collect();
        o.places.articles = 1;
        o.places.gold = gold_places.len();
        for (code, names) in gold_places.iter().zip(&accepted) {
            let hit = names.iter().any(|n| predicted.contains(n));
            if hit {
                o.places.found += 1;
            }
            o.place_codes.push((code.clone(), hit));
        }
        o.places.predicted = predicted.len();
        o.places.predicted_in_vocab = predicted.len();
        for p in &predicted {
            if accepted.iter().any(|names| names.contains(p)) {
                o.places.correct += 1;
                o.places.correct_in_vocab += 1;
            } else {
                o.false_places.push(p.clone());
            }
        }
    }
    if !gold_people.is_empty() {
        let people: Vec<&Entity> = entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .collect();
        o.people.articles = 1;
        o.people.gold = gold_people.len();
        for code in gold_people {
            let hit = people.iter().any(|p| person_matches(code, &p.name));
            if hit {
                o.people.found += 1;
            }
            o.people_codes.push((code.clone(), hit));
        }
        o.people.predicted = people.len();
        for p in &people {
            let correct = gold_people.iter().any(|c| person_matches(c, &p.name));
            let in_vocab = correct || vocab.iter().any(|c| person_matches(c, &p.name));
            if correct {
                o.people.correct += 1;
            }
            if in_vocab {
                o.people.predicted_in_vocab += 1;
                if correct {
                    o.people.correct_in_vocab += 1;
                }
            }
        }
    }
    o
}

pub fn run(paths: &[PathBuf], json_out: bool) -> anyhow::Result<ExitCode> {
    // The shipped pipeline, tagger included when its model is there;
    // NEWSDEX_NER_MODEL=/nonexistent measures the rules alone.
    let (extractor, _) = super::build_extractor(&[])?;
    let kb = extractor.kb.clone();
    let with_tagger = extractor.tagger.is_some();
    let opts = ReadOptions {
        format: Some(Format::Reuters),
        fields: Vec::new(),
    };
    let vocab = people_vocabulary(paths);
    let mut failed = 0usize;
    let mut articles = Vec::new();
    let mut total = 0usize;
    for item in corpus::read_paths(paths, &opts)? {
        match item {
            Ok(a) => {
                total += 1;
                let has_gold = a
                    .tags
                    .iter()
                    .any(|t| t.starts_with("places/") || t.starts_with("people/"));
                if has_gold {
                    articles.push(a);
                }
            }
            Err(e) => {
                if e.kind == RecordErrorKind::Failed {
                    eprintln!("warning: {e}");
                    failed += 1;
                }
            }
        }
    }
    let started = std::time::Instant::now();
    let bytes: usize = articles.iter().map(|a| a.title.len() + a.body.len()).sum();
    let outcomes: Vec<Outcome> = articles
        .par_iter()
        .map(|a| {
            let codes = |ns: &str| -> Vec<String> {
                a.tags
                    .iter()
                    .filter_map(|t| t.strip_prefix(ns))
                    .map(str::to_string)
                    .collect()
            };
            let text = a.text();
            let x = extractor.extract(&text, a.published.map(|d| d.date_naive()));
            score(
                &kb,
                &vocab,
                &codes("places/"),
                &codes("people/"),
                &x.entities,
            )
        })
        .collect();
    let elapsed = started.elapsed().as_secs_f64();
    let mut places = Tally::default();
    let mut people = Tally::default();
    let mut per_place: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut per_person: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut false_places: HashMap<String, usize> = HashMap::new();
    for o in &outcomes {
        places.add(&o.places);
        people.add(&o.people);
        for (c, hit) in &o.place_codes {
            let e = per_place.entry(c.clone()).or_default();
            e.0 += 1;
            e.1 += usize::from(*hit);
        }
        for (c, hit) in &o.people_codes {
            let e = per_person.entry(c.clone()).or_default();
            e.0 += 1;
            e.1 += usize::from(*hit);
        }
        for p in &o.false_places {
            *false_places.entry(p.clone()).or_default() += 1;
        }
    }
    let worst = |m: &BTreeMap<String, (usize, usize)>| -> Vec<(String, usize, usize)> {
        let mut v: Vec<(String, usize, usize)> =
            m.iter().map(|(c, (g, f))| (c.clone(), *g, *f)).collect();
        // Most missed first: the codes that cost the most recall.
        v.sort_by(|a, b| (b.1 - b.2).cmp(&(a.1 - a.2)).then(a.0.cmp(&b.0)));
        v.truncate(15);
        v
    };
    let worst_places = worst(&per_place);
    let worst_people = worst(&per_person);
    let mut fp: Vec<(String, usize)> = false_places.into_iter().collect();
    fp.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    fp.truncate(15);
    if json_out {
        let rows = |v: &[(String, usize, usize)]| -> Vec<serde_json::Value> {
            v.iter()
                .map(|(c, g, f)| json!({"code": c, "gold": g, "found": f, "recall": ratio(*f, *g)}))
                .collect()
        };
        let v = json!({
            "articles_read": total,
            "articles_with_gold": articles.len(),
            "places": places.json(),
            "people": people.json(),
            "worst_places": rows(&worst_places),
            "worst_people": rows(&worst_people),
            "false_places": fp.iter().map(|(c, n)| json!({"place": c, "articles": n})).collect::<Vec<_>>(),
            "tagger": with_tagger,
            "extraction_seconds": elapsed,
            "extraction_bytes": bytes,
        });
        println!("{v}");
    } else {
        println!(
            "Reuters-21578: {total} articles read, {} with PLACES or PEOPLE codes (name tagger {})",
            articles.len(),
            if with_tagger { "on" } else { "off" }
        );
        for (label, t) in [("PLACES", &places), ("PEOPLE", &people)] {
            println!(
                "{label:<7} articles {:>6}  recall {:>6.2}% ({}/{})  precision {:>6.2}% ({}/{})  in-vocabulary precision {:>6.2}% ({}/{})",
                t.articles,
                100.0 * t.recall(),
                t.found,
                t.gold,
                100.0 * t.precision(),
                t.correct,
                t.predicted,
                100.0 * ratio(t.correct_in_vocab, t.predicted_in_vocab),
                t.correct_in_vocab,
                t.predicted_in_vocab,
            );
        }
        for (label, rows) in [("places", &worst_places), ("people", &worst_people)] {
            println!("\nMost missed {label} codes (code, gold articles, found, recall):");
            for (c, g, f) in rows.iter().filter(|r| r.1 > r.2) {
                println!("  {c:<24} {g:>6} {f:>6} {:>6.1}%", 100.0 * ratio(*f, *g));
            }
        }
        println!("\nMost frequent extracted countries without a gold code (articles):");
        for (c, n) in &fp {
            println!("  {c:<24} {n:>6}");
        }
        println!(
            "\nextraction: {:.1} MB in {:.2} s wall ({} threads)",
            bytes as f64 / 1e6,
            elapsed,
            rayon::current_num_threads()
        );
    }
    Ok(if failed > 0 {
        ExitCode::Partial
    } else {
        ExitCode::Ok
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_codes() {
        assert!(person_matches("james-baker", "James Baker"));
        assert!(person_matches("james-baker", "James A. Baker"));
        assert!(!person_matches("james-baker", "Howard Baker"));
        assert!(person_matches("volcker", "Paul Volcker"));
        assert!(person_matches("de-larosiere", "Jacques de Larosiere"));
        assert!(person_matches("de-larosiere", "Delarosiere"));
        assert!(person_matches("poehl", "Karl Otto Pöhl"));
        assert!(!person_matches("baker", "Bakersfield"));
        assert!(!person_matches("", "Anyone"));
    }
}
