//! `newsdex entities`: the most mentioned entities in matching articles.

use std::io::{IsTerminal, Write};

use clap::Args;
use serde_json::json;

use newsdex::query::{search, Kind, SearchRequest, Sort};

use super::{ExitCode, Filters, IndexLocation};

#[derive(Args, Debug)]
#[command(
    after_help = "Counts are numbers of matching articles that mention the entity.\n\nEXAMPLES:\n  newsdex entities                          (whole index)\n  newsdex entities ceasefire --type person\n  newsdex entities --from 2022-02-24 --place Ukraine --json"
)]
pub struct EntitiesArgs {
    /// Full-text query selecting the articles (default: all).
    pub query: Option<String>,
    /// Only this kind of entity.
    #[arg(long = "type", value_enum)]
    pub kind: Option<EntityType>,
    #[command(flatten)]
    pub filters: Filters,
    #[command(flatten)]
    pub index: IndexLocation,
    /// How many entities to list per type.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityType {
    Person,
    Org,
    Place,
}

impl EntityType {
    fn root(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Org => "org",
            EntityType::Place => "place",
        }
    }
}

/// List the entities most often mentioned by the articles that match.
pub fn run(args: EntitiesArgs) -> anyhow::Result<ExitCode> {
    let session = super::Session::open(&args.index)?;
    let super::ResolvedFilters { facets, from, to } = session.filters(&args.filters)?;
    let types: Vec<EntityType> = match args.kind {
        Some(t) => vec![t],
        None => vec![EntityType::Person, EntityType::Org, EntityType::Place],
    };
    let limit = args.limit.max(1);
    let req = SearchRequest {
        text: args
            .query
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty() && *q != "*")
            .map(str::to_string),
        kind: Kind::Article,
        facets,
        from,
        to,
        sort: Sort::Relevance,
        limit: 0,
        offset: 0,
        count: types.iter().map(|t| (t.root(), limit)).collect(),
        collapse: false,
    };
    let res = search(&session.ni, &session.searcher, &req)?;
    // Places come with the places inside the leading countries (the
    // search counts hierarchical facets that way).
    let lists: Vec<(EntityType, Vec<(String, u64)>)> = types
        .iter()
        .map(|t| (*t, res.facets.get(t.root()).cloned().unwrap_or_default()))
        .collect();

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.json {
        let entities: Vec<_> = lists
            .iter()
            .flat_map(|(t, vs)| {
                vs.iter()
                    .map(move |(v, c)| json!({"name": v, "type": t.root(), "count": c}))
            })
            .collect();
        let v = json!({
            "query": args.query,
            "articles": res.total,
            "entities": entities,
        });
        writeln!(out, "{v}")?;
    } else {
        let color = std::io::stdout().is_terminal();
        writeln!(out, "{} matching articles", res.total)?;
        for (t, vs) in &lists {
            let label = match t {
                EntityType::Person => "People",
                EntityType::Org => "Organisations",
                EntityType::Place => "Places",
            };
            writeln!(out)?;
            if color {
                writeln!(out, "\x1b[1m{label}\x1b[0m")?;
            } else {
                writeln!(out, "{label}")?;
            }
            if vs.is_empty() {
                writeln!(out, "  (none)")?;
            }
            for (v, c) in vs {
                writeln!(out, "  {c:>7}  {v}")?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::Ok)
}
