//! `newsdex search`: full-text search with filters and facet counts.
use super::{ExitCode, Filters, IndexLocation};
use clap::Args;

#[derive(Args, Debug)]
pub struct SearchArgs {
    /// Tantivy query syntax over title and body (phrases, AND/OR/NOT,
    /// field:value, fuzzy term~1), or a plain-English question such as
    /// "statements by Kremlin officials".
    pub query: String,
    #[command(flatten)]
    pub filters: Filters,
    #[command(flatten)]
    pub index: IndexLocation,
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Order of hits.
    #[arg(long, value_enum, default_value = "relevance")]
    pub sort: Sort,
    /// One JSON object on stdout.
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Relevance,
    Date,
}

pub fn run(_args: SearchArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`search` is not built yet")
}
