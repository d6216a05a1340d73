//! Name tagger: bad input, model file robustness, determinism and dev F1.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use newsdex::extract::ner::train::{self, LabelledDoc, LabelledSentence, TrainOptions};
use newsdex::extract::ner::{conll, NerType, Scheme, Tagger};

const MODEL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/models/ner.bin");
mod common;
/// Dev F1 of the committed model (see models/README.md) less a small margin.
const MIN_DEV_F1: f64 = 90.0;

fn model() -> Option<Tagger> {
    if !Path::new(MODEL).is_file() {
        eprintln!("skipping: models/ner.bin not found");
        return None;
    }
    match Tagger::load(Path::new(MODEL)) {
        Ok(t) => Some(t),
        Err(e) => panic!("committed model does not load: {e:#}"),
    }
}

fn tag_cli(input: &str) -> (bool, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsdex"))
        .args(["tag", "--conll", "-", "--model", MODEL])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run newsdex");
    let mut stdin = child.stdin.take().expect("stdin");
    let data = input.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(data.as_bytes()));
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("join").expect("write stdin");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn foreign_empty_and_truncated_models_are_errors() {
    for bytes in [
        &b""[..],
        b"NEWSDXNR",
        b"hello world, not a model at all",
        &[0u8; 4096],
    ] {
        let err = Tagger::from_bytes(bytes).expect_err("must not load");
        assert!(!format!("{err:#}").is_empty());
    }
    let missing = Tagger::load(Path::new("/nonexistent/ner.bin")).expect_err("missing file");
    assert!(format!("{missing:#}").contains("/nonexistent/ner.bin"));
    let Some(_) = model() else { return };
    let full = std::fs::read(MODEL).expect("read model");
    for cut in [9, 20, 100, full.len() / 2, full.len() - 1] {
        let err = Tagger::from_bytes(&full[..cut]).expect_err("truncated model must not load");
        let msg = format!("{err:#}");
        assert!(
            msg.contains("truncated") || msg.contains("checksum"),
            "{msg}"
        );
    }
    let mut flipped = full.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x55;
    assert!(Tagger::from_bytes(&flipped).is_err());
}

#[test]
fn tags_a_plain_sentence_and_odd_tokens() {
    let Some(t) = model() else { return };
    let names = t.tag_sentence(&[
        "Angela",
        "Merkel",
        "met",
        "officials",
        "of",
        "the",
        "European",
        "Commission",
        "in",
        "Brussels",
        ".",
    ]);
    assert!(names.contains(&(0, 2, NerType::Per)), "{names:?}");
    assert!(names.contains(&(9, 10, NerType::Loc)), "{names:?}");
    assert!(t.tag_sentence(&[]).is_empty());
    assert!(t.tag_document(&[]).is_empty());
    let long = "Ö".repeat(10_000);
    let odd = ["", " ", "\u{0}", &long, "x-y-z", "٣٤", "🙂"];
    for names in t.tag_document(&[odd.to_vec(), vec![]]) {
        for (s, e, _) in names {
            assert!(s < e && e <= odd.len());
        }
    }
}

#[test]
fn tag_command_handles_bad_input() {
    let Some(_) = model() else { return };
    // Empty input: empty output.
    let (ok, out, err) = tag_cli("");
    assert!(ok, "{err}");
    assert!(out.is_empty());
    // Whitespace-only lines separate sentences and are kept; DOCSTART passes through.
    let (ok, out, err) = tag_cli("-DOCSTART- -X- O O\n\nJohn NNP I-PER\n   \nsaid VBD O\n");
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert_eq!(lines[0], "-DOCSTART- -X- O O");
    assert_eq!(lines[3], "   ");
    assert!(lines[2].starts_with("John NNP I-PER "), "{out}");
    assert_eq!(lines[4].split_whitespace().count(), 4);
    // Tokens of 10,000 characters.
    let big = format!(
        "{} NN O\n{} NNP O\n",
        "a".repeat(10_000),
        "Z".repeat(10_000)
    );
    let (ok, out, err) = tag_cli(&big);
    assert!(ok, "{err}");
    assert_eq!(out.lines().count(), 2);
    // One sentence of 100,000 tokens.
    let mut s = String::new();
    for i in 0..100_000 {
        s.push_str(if i % 7 == 0 { "Paris\n" } else { "word\n" });
    }
    let (ok, out, err) = tag_cli(&s);
    assert!(ok, "{err}");
    assert_eq!(out.lines().count(), 100_000);
    assert!(out.lines().all(|l| l.split_whitespace().count() == 2));
}

type Names = &'static [(usize, usize, NerType)];

fn synthetic() -> Vec<LabelledDoc> {
    let sents: &[(&str, Names)] = &[
        (
            "Maria Lopez visited Oslo on Monday .",
            &[(0, 2, NerType::Per), (3, 4, NerType::Loc)],
        ),
        (
            "The Acme Corporation hired Tom Baker .",
            &[(1, 3, NerType::Org), (4, 6, NerType::Per)],
        ),
        (
            "Lopez said Oslo was cold .",
            &[(0, 1, NerType::Per), (1, 2, NerType::Loc)],
        ),
        (
            "He flew from Lima to Oslo with Acme Corporation staff .",
            &[
                (3, 4, NerType::Loc),
                (5, 6, NerType::Loc),
                (7, 9, NerType::Org),
            ],
        ),
        ("Olympic fans cheered .", &[(0, 1, NerType::Misc)]),
    ];
    let doc = LabelledDoc {
        sentences: sents
            .iter()
            .map(|(s, n)| LabelledSentence {
                words: s.split(' ').map(String::from).collect(),
                names: n.to_vec(),
            })
            .collect(),
    };
    vec![doc.clone(), doc]
}

#[test]
fn training_learns_and_is_deterministic() {
    let docs = synthetic();
    let opts = TrainOptions {
        epochs: 8,
        scheme: Scheme::Bilou,
        hash_bits: 14,
        seed: 7,
        ensemble: 2,
        features: newsdex::extract::ner::flags::ALL,
        lexicon: Default::default(),
        gazetteer: Default::default(),
        info: "synthetic".into(),
    };
    let a = train::train(&docs, &docs, &opts, |_, _, _| {});
    let b = train::train(&docs, &docs, &opts, |_, _, _| {});
    assert_eq!(
        a.to_bytes(),
        b.to_bytes(),
        "same input must give the same model bytes"
    );
    let score = train::evaluate(&a, &docs);
    assert!(score.overall.f1() > 95.0, "{}", score.report());
    let back = Tagger::from_bytes(&a.to_bytes()).expect("round trip");
    assert_eq!(back.to_bytes(), a.to_bytes());
    let iob2 = Scheme::Iob2;
    let c = train::train(
        &docs,
        &[],
        &TrainOptions {
            scheme: iob2,
            ..opts
        },
        |_, _, _| {},
    );
    assert!(train::evaluate(&c, &docs).overall.f1() > 95.0);
}

#[test]
fn dev_f1_of_committed_model() {
    let Some(t) = model() else { return };
    let dev = common::shared_root().join("conll2003/eng.testa");
    if !dev.is_file() {
        eprintln!("skipping: ../shared/corpus not found");
        return;
    }
    let text = std::fs::read_to_string(&dev).expect("read dev");
    let docs: Vec<LabelledDoc> = conll::parse(&text)
        .iter()
        .map(LabelledDoc::from_conll)
        .collect();
    let score = train::evaluate(&t, &docs);
    eprintln!("{}", score.report());
    assert!(
        score.overall.f1() >= MIN_DEV_F1,
        "dev F1 {:.2} < {MIN_DEV_F1}",
        score.overall.f1()
    );
    // What users get: the fast path, which leaves most tokens unscored.
    let mut fast = conll::Score::default();
    let mut differing = 0;
    for d in &docs {
        let sents: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let pred = t.tag_document(&sents);
        differing += usize::from(pred != t.tag_document_exact(&sents));
        for (s, p) in d.sentences.iter().zip(&pred) {
            let n = s.words.len();
            fast.add(
                &conll::spans_to_tags(n, &s.names, conll::TagScheme::Iob2),
                &conll::spans_to_tags(n, p, conll::TagScheme::Iob2),
            );
        }
    }
    assert!(
        fast.overall.f1() >= score.overall.f1() - 0.05,
        "fast path dev F1 {:.2} vs {:.2} scoring every token",
        fast.overall.f1(),
        score.overall.f1()
    );
    assert!(
        differing <= 2,
        "{differing} dev documents tagged differently"
    );
}

#[test]
fn fast_path_scores_every_token_that_can_matter() {
    let Some(t) = model() else { return };
    let docs: Vec<Vec<Vec<&str>>> = vec![
        vec![
            vec![
                "The", "Bank", "of", "England", "raised", "rates", "on", "Monday", ".",
            ],
            vec![
                "Mayor", "Bill", "de", "Blasio", "said", "the", "city", "of", "New", "York",
                "would", "appeal", ".",
            ],
            vec![
                "\u{201c}", "We", "will", "win", ",", "\u{201d}", "said", "Angela", "Merkel", "in",
                "Berlin", ".",
            ],
        ],
        vec![vec![
            "PARIS", "-", "French", "police", "detained", "12", "people", "in", "the", "Paris",
            "suburbs", ".",
        ]],
        vec![vec![
            "shares", "of", "apple", "fell", "3", "%", "after", "iPhone", "sales", "slowed", ".",
        ]],
    ];
    for sents in &docs {
        assert_eq!(
            t.tag_document(sents),
            t.tag_document_exact(sents),
            "{sents:?}"
        );
    }
    let names = t.tag_sentence(&["The", "Bank", "of", "England", "raised", "rates", "."]);
    assert!(names.iter().any(|&(a, b, _)| (a, b) == (1, 4)), "{names:?}");
}
