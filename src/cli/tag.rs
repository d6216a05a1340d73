//! `newsdex tag`: tag CoNLL-format text.
use super::ExitCode;
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct TagArgs {
    /// CoNLL-format input (first column the word); `-` for standard input.
    #[arg(long)]
    pub conll: PathBuf,
    /// Model file.
    #[arg(long, default_value = "models/ner.bin")]
    pub model: PathBuf,
}

pub fn run(_args: TagArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`tag` is not built yet")
}
