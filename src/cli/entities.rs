//! `newsdex entities`: the most mentioned entities in matching articles.
use super::{ExitCode, Filters, IndexLocation};
use clap::Args;

#[derive(Args, Debug)]
pub struct EntitiesArgs {
    /// Full-text query selecting the articles (default: all).
    pub query: Option<String>,
    /// Only this kind of entity.
    #[arg(long = "type", value_name = "person|org|place")]
    pub kind: Option<String>,
    #[command(flatten)]
    pub filters: Filters,
    #[command(flatten)]
    pub index: IndexLocation,
    /// How many entities to list.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
}

pub fn run(_args: EntitiesArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`entities` is not built yet")
}
