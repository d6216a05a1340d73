//! `newsdex search`: full-text search with filters and facet counts.

use clap::Args;

use newsdex::query::{search, Kind, SearchRequest, Sort};

use super::{ExitCode, Filters, IndexLocation};

#[derive(Args, Debug)]
#[command(
    after_help = "QUERY SYNTAX (tantivy):\n  peace talks               both words (AND is the default)\n  \"peace talks\"             the phrase\n  ceasefire OR truce        either word\n  Kyiv -Moscow              Kyiv but not Moscow (also: Kyiv AND NOT Moscow)\n  title:sanctions           a word in the title\n  Zelensky~1                fuzzy: one edit away\n\nEXAMPLES:\n  newsdex search \"peace talks\"\n  newsdex search 'ceasefire AND Kyiv' --from 2022-02-01 --to 2022-03-31 --sort date\n  newsdex search sanctions --person Zelensky --place Ukraine --json\n  newsdex search '*' --facet /month/2022-02 --limit 0       (facet counts only)\n  newsdex search \"statements by Kremlin officials\""
)]
pub struct SearchArgs {
    /// Tantivy query syntax over title and body (phrases, AND/OR/NOT,
    /// field:value, fuzzy term~1), or a plain-English question such as
    /// "statements by Kremlin officials". `*` matches everything.
    pub query: String,
    #[command(flatten)]
    pub filters: Filters,
    #[command(flatten)]
    pub index: IndexLocation,
    /// Which documents to search: articles, statements, or both.
    #[arg(long, value_enum, default_value = "article")]
    pub kind: Kind,
    /// Number of hits to show.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Hits to skip (for paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Order of hits.
    #[arg(long, value_enum, default_value = "relevance")]
    pub sort: Sort,
    /// One JSON object on stdout.
    #[arg(long)]
    pub json: bool,
    /// Show every copy of a hit: by default a statement carried word for
    /// word by several articles (or an article under several ids) is shown
    /// once, with the other copies' ids.
    #[arg(long = "no-collapse")]
    pub no_collapse: bool,
}

/// Facet roots counted for every search, with how many values each shows.
pub const COUNTED: &[(&str, usize)] = &[
    ("source", 10),
    ("month", 24),
    ("person", 10),
    ("org", 10),
    ("place", 10),
    ("affiliation", 10),
    ("speaker", 10),
];

/// Run a search and print hits and facet counts.
pub fn run(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let session = super::Session::open(&args.index)?;
    let mut filters = session.filters(&args.filters)?;
    let mut kind = args.kind;
    let mut text = super::query_text(&args.query);
    // A plain-English statement question searches statements, filtered by
    // speaker and affiliation.
    let interpreted = super::interpret(&args.query, &session.kb);
    if let Some(i) = &interpreted {
        if i.interpretation.statements_only {
            kind = Kind::Statement;
        }
        text = i.interpretation.text.clone();
        filters.absorb(i);
    }
    // Without words to rank by, every hit scores alike: newest first.
    let sort = if text.is_none() {
        Sort::Date
    } else {
        args.sort
    };
    let req = SearchRequest {
        text,
        kind,
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
        &args.query,
        interpreted.as_ref(),
        &req,
        &res,
        args.json,
    )?;
    Ok(ExitCode::Ok)
}
