//! `newsdex extract`: extraction without indexing.
use super::{ExitCode, InputOptions};
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Files or folders to read; `-` for standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub input: InputOptions,
    /// One JSON object per article per line.
    #[arg(long)]
    pub json: bool,
}

pub fn run(_args: ExtractArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`extract` is not built yet")
}
