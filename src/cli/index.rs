//! `newsdex index`: read articles, extract, and write them to the index.
use super::{ExitCode, IndexLocation, InputOptions};
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct IndexArgs {
    /// Files or folders to index (default: corpus/); `-` for standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub index: IndexLocation,
    #[command(flatten)]
    pub input: InputOptions,
    /// Stop at the first record that fails (exit 2) instead of skipping it.
    #[arg(long)]
    pub strict: bool,
    /// Delete the index and build it again from scratch.
    #[arg(long)]
    pub rebuild: bool,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

pub fn run(_args: IndexArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`index` is not built yet")
}
