//! `newsdex statements`: statements by speaker, organisation or country.

use clap::Args;

use newsdex::query::{search, Kind, SearchRequest, Sort};

use super::{ExitCode, Filters, IndexLocation};

#[derive(Args, Debug)]
#[command(
    after_help = "EXAMPLES:\n  newsdex statements --by Ushakov\n  newsdex statements \"trilateral talks\" --by-org Kremlin\n  newsdex statements --by-country Ukraine --from 2022-02-24 --json\n  newsdex statements \"what did Peskov say about sanctions\"\n  newsdex statements \"statements by Kremlin officials about trilateral talks since November\"\n\nWith no query the newest statements come first; with one, the best matches."
)]
pub struct StatementsArgs {
    /// Full-text query over the statements, or a plain-English question
    /// ("statements by Kremlin officials about trilateral talks").
    pub query: Option<String>,
    /// Only statements by this speaker (any known alias; repeatable, any of them).
    #[arg(long, value_name = "NAME")]
    pub by: Vec<String>,
    /// Only statements by people affiliated with this organisation or body.
    #[arg(long = "by-org", value_name = "ORG")]
    pub by_org: Vec<String>,
    /// Only statements by people of this country's institutions.
    #[arg(long = "by-country", value_name = "COUNTRY")]
    pub by_country: Vec<String>,
    #[command(flatten)]
    pub filters: Filters,
    #[command(flatten)]
    pub index: IndexLocation,
    /// Order of hits (default: relevance with a query, date without).
    #[arg(long, value_enum)]
    pub sort: Option<Sort>,
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    #[arg(long)]
    pub json: bool,
    /// Show every copy of a hit: by default a statement carried word for
    /// word by several articles (or an article under several ids) is shown
    /// once, with the other copies' ids.
    #[arg(long = "no-collapse")]
    pub no_collapse: bool,
}

/// Facet roots counted for statements.
const COUNTED: &[(&str, usize)] = &[
    ("speaker", 10),
    ("affiliation", 10),
    ("source", 10),
    ("month", 24),
];

/// List statements matching the speaker, body, country and text filters.
pub fn run(args: StatementsArgs) -> anyhow::Result<ExitCode> {
    let session = super::Session::open(&args.index)?;
    let mut filters = session.filters(&args.filters)?;
    let resolver = session.resolver();
    // Several --by names mean any of them; --by-org and --by-country likewise.
    let mut group = |names: &[String], flag: &str, f: &dyn Fn(&str) -> Result<Vec<_>, _>| {
        let mut alts = Vec::new();
        for n in names {
            let found: Vec<tantivy::schema::Facet> =
                f(n).map_err(|e: newsdex::query::filters::UnknownName| {
                    anyhow::anyhow!("{flag}: {e}")
                })?;
            alts.extend(found);
        }
        if !alts.is_empty() {
            filters.facets.push(alts);
        }
        anyhow::Ok(())
    };
    group(&args.by, "--by", &|n| resolver.speaker(n))?;
    group(&args.by_org, "--by-org", &|n| resolver.affiliation(n))?;
    group(&args.by_country, "--by-country", &|n| {
        resolver.affiliation(n)
    })?;

    let query = args.query.as_deref().map(str::trim).unwrap_or("");
    let mut text = super::query_text(query);
    let interpreted = if query.is_empty() {
        None
    } else {
        super::interpret(query, &session.kb)
    };
    if let Some(i) = &interpreted {
        text = i.interpretation.text.clone();
        filters.absorb(i);
    }
    let sort = args.sort.unwrap_or(if text.is_some() {
        Sort::Relevance
    } else {
        Sort::Date
    });
    let req = SearchRequest {
        text,
        kind: Kind::Statement,
        facets: filters.facets,
        from: filters.from,
        to: filters.to,
        sort,
        limit: args.limit,
        offset: args.offset,
        count: COUNTED.to_vec(),
        collapse: !args.no_collapse,
    };
    let res = search(&session.ni, &session.searcher, &req)?;

    super::print_results(
        &session,
        args.query.as_deref().unwrap_or(""),
        interpreted.as_ref(),
        &req,
        &res,
        args.json,
    )?;
    Ok(ExitCode::Ok)
}
