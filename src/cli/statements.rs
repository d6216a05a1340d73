//! `newsdex statements`: statements by speaker, organisation or country.
use super::{ExitCode, Filters, IndexLocation};
use clap::Args;

#[derive(Args, Debug)]
pub struct StatementsArgs {
    /// Full-text query over the statements, or a plain-English question
    /// ("statements by Kremlin officials about trilateral talks").
    pub query: Option<String>,
    /// Only statements by this speaker (any known alias).
    #[arg(long, value_name = "NAME")]
    pub by: Vec<String>,
    /// Only statements by people affiliated with this organisation or body.
    #[arg(long = "by-org", value_name = "ORG")]
    pub by_org: Vec<String>,
    /// Only statements by people of this country.
    #[arg(long = "by-country", value_name = "COUNTRY")]
    pub by_country: Vec<String>,
    #[command(flatten)]
    pub filters: Filters,
    #[command(flatten)]
    pub index: IndexLocation,
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    #[arg(long)]
    pub json: bool,
}

pub fn run(_args: StatementsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`statements` is not built yet")
}
