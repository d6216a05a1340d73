//! `newsdex train-ner`: train the name tagger.
use super::ExitCode;
use anyhow::Context;
use clap::{Args, ValueEnum};
use newsdex::extract::ner::{conll, lexicon, train, Scheme};
use std::path::PathBuf;
use std::time::Instant;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SchemeArg {
    Iob2,
    Bilou,
}

#[derive(Args, Debug)]
pub struct TrainNerArgs {
    /// CoNLL-format training file.
    #[arg(long)]
    pub train: PathBuf,
    /// CoNLL-format development file (dev F1 printed per epoch; the best
    /// epoch's model is kept).
    #[arg(long)]
    pub dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(short = 'o', long = "output", default_value = "models/ner.bin")]
    pub output: PathBuf,
    /// Training passes over the data.
    #[arg(long, default_value_t = 12)]
    pub epochs: usize,
    /// Label encoding inside the model.
    #[arg(long, value_enum, default_value = "bilou")]
    pub scheme: SchemeArg,
    /// log2 of the number of feature buckets (model size: 2^bits × labels × 2 bytes).
    #[arg(long, default_value_t = 18)]
    pub hash_bits: u32,
    /// Seed for shuffling documents between epochs.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Train this many models (seeds `seed`, `seed+1`, …) and average them.
    #[arg(long, default_value_t = 8)]
    pub ensemble: usize,
    /// GMB `ner_dataset.csv[.gz]`: its names become a gazetteer feature.
    #[arg(long, value_name = "FILE")]
    pub gmb_gazetteer: Option<PathBuf>,
    /// Leave the built-in knowledge base's names, aliases and demonyms
    /// out of the gazetteer (they are in by default).
    #[arg(long)]
    pub no_kb_gazetteer: bool,
    /// GMB `ner_dataset.csv[.gz]`: also train on its sentences (tags mapped to CoNLL types).
    #[arg(long, value_name = "FILE")]
    pub gmb_train: Option<PathBuf>,
    /// Unlabelled news (JSONL, optionally gzipped, with `title`/`body`):
    /// word clusters and capitalisation statistics are learnt from it.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub unlabelled: Vec<PathBuf>,
    /// Reuse the distributional lexicon of an existing model instead of
    /// building one from `--unlabelled` (saves minutes when tuning).
    #[arg(long, value_name = "MODEL")]
    pub lexicon_from: Option<PathBuf>,
    /// Feature groups, a bit mask (1 word cluster, 2 neighbour clusters,
    /// 4 article casing, 8 label history, 16 gazetteer, 32 context aggregation,
    /// 64 character trigrams); bits from 128 up remove or merge context
    /// templates to save weight-row reads (`ner::flags`, docs/parts/ner.md).
    #[arg(long, default_value_t = newsdex::extract::ner::flags::DEFAULT)]
    pub features: u32,
    /// Words in the distributional lexicon (most frequent first).
    #[arg(long, default_value_t = 60000)]
    pub lexicon_words: usize,
}

fn read_docs(path: &PathBuf) -> anyhow::Result<Vec<train::LabelledDoc>> {
    let text = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let text = String::from_utf8_lossy(&text);
    Ok(conll::parse(&text)
        .iter()
        .map(train::LabelledDoc::from_conll)
        .collect())
}

pub fn run(args: TrainNerArgs) -> anyhow::Result<ExitCode> {
    if !(12..=24).contains(&args.hash_bits) {
        anyhow::bail!("--hash-bits must be between 12 and 24");
    }
    let started = Instant::now();
    let mut train_docs = read_docs(&args.train)?;
    let dev_docs = match &args.dev {
        Some(p) => read_docs(p)?,
        None => Vec::new(),
    };
    let mut gazetteer = lexicon::Gazetteer::default();
    if let Some(p) = &args.gmb_gazetteer {
        let gmb = newsdex::extract::ner::gmb::read(p)?;
        gazetteer = newsdex::extract::ner::gmb::gazetteer(&gmb);
        eprintln!("gazetteer: {} names from {}", gazetteer.len(), p.display());
    }
    if !args.no_kb_gazetteer {
        let kb = newsdex::extract::kb::KnowledgeBase::builtin()?;
        let g = newsdex::extract::ner::gmb::kb_gazetteer(&kb);
        eprintln!("gazetteer: {} names from the knowledge base", g.len());
        gazetteer.merge(g);
    }
    if let Some(p) = &args.gmb_train {
        let gmb = newsdex::extract::ner::gmb::read(p)?;
        eprintln!("GMB: {} documents added to training", gmb.len());
        train_docs.extend(gmb);
    }
    let lex = if let Some(p) = &args.lexicon_from {
        newsdex::extract::ner::Tagger::load(p)?.lexicon().clone()
    } else if args.unlabelled.is_empty() {
        lexicon::Lexicon::default()
    } else {
        let t = Instant::now();
        let lex = newsdex::extract::ner::distrib::build(&args.unlabelled, args.lexicon_words)?;
        eprintln!(
            "lexicon: {} words in {:.1}s",
            lex.len(),
            t.elapsed().as_secs_f64()
        );
        lex
    };
    let scheme = match args.scheme {
        SchemeArg::Iob2 => Scheme::Iob2,
        SchemeArg::Bilou => Scheme::Bilou,
    };
    let name = |p: &PathBuf| {
        p.file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let info = serde_json::json!({
        "train": name(&args.train),
        "dev": args.dev.as_ref().map(name),
        "gmb_gazetteer": args.gmb_gazetteer.as_ref().map(name),
        "gmb_train": args.gmb_train.as_ref().map(name),
        "kb_gazetteer": !args.no_kb_gazetteer,
        "unlabelled": args.unlabelled.iter().map(name).collect::<Vec<_>>(),
        "lexicon_from": args.lexicon_from.as_ref().map(name),
        "scheme": format!("{:?}", args.scheme),
        "hash_bits": args.hash_bits,
        "epochs": args.epochs,
        "seed": args.seed,
        "features": args.features,
        "ensemble": args.ensemble,
    })
    .to_string();
    let opts = train::TrainOptions {
        epochs: args.epochs,
        scheme,
        hash_bits: args.hash_bits,
        seed: args.seed,
        features: args.features,
        ensemble: args.ensemble,
        lexicon: lex,
        gazetteer,
        info,
    };
    let n_tokens: usize = train_docs
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.words.len())
        .sum();
    eprintln!(
        "training on {} documents, {} tokens",
        train_docs.len(),
        n_tokens
    );
    let tagger = train::train(
        &train_docs,
        &dev_docs,
        &opts,
        |run, epoch, score| match score {
            Some(s) => {
                let per: Vec<String> = s
                    .by_type
                    .iter()
                    .map(|(t, c)| format!("{t} {:.2}", c.f1()))
                    .collect();
                eprintln!(
                    "{}: dev F1 {:.2} (P {:.2} R {:.2}; {}) [{:.0}s]",
                    if run == 0 {
                        "averaged".to_string()
                    } else {
                        format!("run {run} epoch {epoch:>2}")
                    },
                    s.overall.f1(),
                    s.overall.precision(),
                    s.overall.recall(),
                    per.join(", "),
                    started.elapsed().as_secs_f64()
                );
            }
            None => eprintln!(
                "epoch {epoch:>2} done [{:.0}s]",
                started.elapsed().as_secs_f64()
            ),
        },
    );
    let bytes = tagger.to_bytes();
    if let Some(dir) = args.output.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let tmp = args.output.with_extension("bin.tmp");
    std::fs::write(&tmp, &bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, &args.output)
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    eprintln!(
        "wrote {} ({:.1} MB) in {:.0}s",
        args.output.display(),
        bytes.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::Ok)
}
