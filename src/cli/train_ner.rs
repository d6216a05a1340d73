//! `newsdex train-ner`: train the name tagger.
use super::ExitCode;
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct TrainNerArgs {
    /// CoNLL-format training file.
    #[arg(long)]
    pub train: PathBuf,
    /// CoNLL-format development file (dev F1 printed per epoch).
    #[arg(long)]
    pub dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(short = 'o', long = "output", default_value = "models/ner.bin")]
    pub output: PathBuf,
}

pub fn run(_args: TrainNerArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`train-ner` is not built yet")
}
