//! `newsdex eval`: score extraction against gold annotations.
use super::ExitCode;
use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct EvalArgs {
    #[command(subcommand)]
    pub what: EvalWhat,
}

#[derive(Subcommand, Debug)]
pub enum EvalWhat {
    /// Entities against Reuters-21578 gold PEOPLE and PLACES tags.
    Reuters {
        /// Reuters SGML files (.sgm or .sgm.gz).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Statements against PolNeAR brat attributions.
    Polnear {
        /// A PolNeAR split folder holding text/ and attributions/.
        dir: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// The name tagger against CoNLL-format gold tags (conlleval-style report).
    Ner {
        file: PathBuf,
        /// Model file.
        #[arg(long, default_value = "models/ner.bin")]
        model: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    match args.what {
        EvalWhat::Reuters { paths, json } => super::eval_reuters::run(&paths, json),
        EvalWhat::Polnear { dir, json } => super::eval_polnear::run(&dir, json),
        EvalWhat::Ner { file, model, json } => super::eval_ner::run(&file, &model, json),
    }
}
