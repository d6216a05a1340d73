//! Query latency of a newsdex index, for `bench/run.sh`.
//!
//! Opens the index with tantivy directly (fields are found by name, so this
//! keeps working as long as the schema has `title`, `body`, `published`,
//! `facet` and `kind`), and times a fixed list of queries of the kinds users
//! type: single terms, phrases, boolean combinations, and each of those
//! narrowed by a date range or a facet. A query is what `newsdex search`
//! does for one page of results: parse, restrict to articles, collect the top
//! 10 and the total count, and load the 10 stored documents.
//!
//! Every query runs once to warm the caches, then `--rounds` more times; the
//! timed runs of all queries together give p50/p90/p99 (nearest rank).
//!
//! Run: `cargo run --release --example query_latency -- --index DIR`.

use std::ops::Bound;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::{TimeZone, Utc};
use clap::Parser;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{DateTime, Index, Searcher, TantivyDocument, Term};

#[derive(Parser, Debug)]
#[command(about = "Time a fixed list of queries against a newsdex index")]
struct Args {
    /// The newsdex index directory.
    #[arg(long)]
    index: PathBuf,
    /// Timed runs of each query (after one warm-up run).
    #[arg(long, default_value_t = 20)]
    rounds: usize,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

/// A date range as (from, to) years: `[from-01-01, to-01-01)`.
type Years = (i32, i32);

/// The fixed query list: text in tantivy syntax over title and body, an
/// optional date range, an optional facet filter. Chosen to span rare and
/// frequent terms, phrases and boolean forms of US politics news 2017–2020
/// (the benchmark corpus) and the war in Ukraine (the shipped corpus).
const QUERIES: &[(&str, Option<Years>, Option<&str>)] = &[
    ("trump", None, None),
    ("putin", None, None),
    ("kremlin", None, None),
    ("impeachment", None, None),
    ("coronavirus", None, None),
    ("tariffs", None, None),
    ("zelensky", None, None),
    ("filibuster", None, None),
    ("\"supreme court\"", None, None),
    ("\"white house\"", None, None),
    ("\"health care\"", None, None),
    ("\"border wall\"", None, None),
    ("\"national security adviser\"", None, None),
    ("\"said in a statement\"", None, None),
    ("trump AND putin", None, None),
    ("ukraine AND (aid OR weapons)", None, None),
    ("immigration -wall", None, None),
    ("+senate +vote -house", None, None),
    ("russia OR china OR iran", None, None),
    ("title:trump", None, None),
    ("title:(election AND fraud)", None, None),
    ("economy jobs unemployment", None, None),
    ("trump", Some((2019, 2020)), None),
    ("\"supreme court\"", Some((2018, 2019)), None),
    ("impeachment AND ukraine", Some((2019, 2021)), None),
    ("ceasefire", Some((2022, 2023)), None),
    ("trump", None, Some("/source/The Hill")),
    ("russia", None, Some("/source/Reuters")),
    ("election", None, Some("/date/2018")),
    (
        "\"health care\" AND senate",
        Some((2017, 2018)),
        Some("/source/CNN (Web News)"),
    ),
];

struct Fields {
    title: tantivy::schema::Field,
    body: tantivy::schema::Field,
    published: Option<tantivy::schema::Field>,
    facet: Option<tantivy::schema::Field>,
    kind: Option<tantivy::schema::Field>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let index = Index::open_in_dir(&args.index)
        .with_context(|| format!("opening the index at {}", args.index.display()))?;
    let schema = index.schema();
    let field = |name: &str| schema.get_field(name).ok();
    let fields = Fields {
        title: field("title").context("the index has no `title` field")?,
        body: field("body").context("the index has no `body` field")?,
        published: field("published"),
        facet: field("facet"),
        kind: field("kind"),
    };
    let parser = QueryParser::for_index(&index, vec![fields.title, fields.body]);
    let reader = index.reader()?;
    let searcher = reader.searcher();

    let mut queries: Vec<(String, Box<dyn Query>)> = Vec::new();
    for (text, years, facet) in QUERIES {
        match build(&parser, &fields, text, *years, *facet) {
            Ok(q) => queries.push((describe(text, *years, *facet), q)),
            Err(e) => eprintln!("query_latency: skipping {text:?}: {e}"),
        }
    }
    anyhow::ensure!(!queries.is_empty(), "no query could be built");

    let mut all: Vec<Duration> = Vec::new();
    let mut per_query: Vec<(String, usize, Duration)> = Vec::new();
    for (label, query) in &queries {
        let (hits, _) = run(&searcher, query.as_ref())?;
        let mut times = Vec::with_capacity(args.rounds);
        for _ in 0..args.rounds.max(1) {
            let (_, took) = run(&searcher, query.as_ref())?;
            times.push(took);
        }
        all.extend_from_slice(&times);
        times.sort();
        per_query.push((label.clone(), hits, percentile(&times, 50.0)));
    }
    all.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let (p50, p90, p99) = (
        ms(percentile(&all, 50.0)),
        ms(percentile(&all, 90.0)),
        ms(percentile(&all, 99.0)),
    );
    if args.json {
        let out = serde_json::json!({
            "queries": queries.len(),
            "rounds": args.rounds.max(1),
            "docs": searcher.num_docs(),
            "p50_ms": round3(p50),
            "p90_ms": round3(p90),
            "p99_ms": round3(p99),
            "max_ms": round3(all.last().copied().map(ms).unwrap_or(0.0)),
        });
        println!("{out}");
    } else {
        println!("{:>10}  {:>9}  query", "median ms", "hits");
        for (label, hits, median) in &per_query {
            println!("{:>10.3}  {:>9}  {label}", ms(*median), hits);
        }
        println!(
            "{} queries x {} rounds over {} documents: p50 {:.3} ms, p90 {:.3} ms, p99 {:.3} ms",
            queries.len(),
            args.rounds.max(1),
            searcher.num_docs(),
            p50,
            p90,
            p99
        );
    }
    Ok(())
}

/// The query for one list entry: the text, restricted to article documents,
/// to the date range and to the facet when given.
fn build(
    parser: &QueryParser,
    fields: &Fields,
    text: &str,
    years: Option<Years>,
    facet: Option<&str>,
) -> anyhow::Result<Box<dyn Query>> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, parser.parse_query(text)?)];
    if let Some(kind) = fields.kind {
        clauses.push((
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(kind, "article"),
                IndexRecordOption::Basic,
            )),
        ));
    }
    if let Some((from, to)) = years {
        let published = fields
            .published
            .context("the index has no `published` field")?;
        let bound = |year: i32| -> anyhow::Result<Term> {
            let t = Utc
                .with_ymd_and_hms(year, 1, 1, 0, 0, 0)
                .single()
                .context("bad year")?;
            Ok(Term::from_field_date_for_search(
                published,
                DateTime::from_timestamp_secs(t.timestamp()),
            ))
        };
        clauses.push((
            Occur::Must,
            Box::new(RangeQuery::new(
                Bound::Included(bound(from)?),
                Bound::Excluded(bound(to)?),
            )),
        ));
    }
    if let Some(path) = facet {
        let field = fields.facet.context("the index has no `facet` field")?;
        let facet = Facet::from_text(path).map_err(|e| anyhow::anyhow!("{path}: {e}"))?;
        clauses.push((
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_facet(field, &facet),
                IndexRecordOption::Basic,
            )),
        ));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

/// One page of results: top 10 and the total, with the 10 documents loaded.
fn run(searcher: &Searcher, query: &dyn Query) -> anyhow::Result<(usize, Duration)> {
    let start = Instant::now();
    let (top, count) =
        searcher.search(query, &(TopDocs::with_limit(10).order_by_score(), Count))?;
    for (_, address) in &top {
        let _doc: TantivyDocument = searcher.doc(*address)?;
    }
    Ok((count, start.elapsed()))
}

/// Nearest-rank percentile of sorted durations.
fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted
        .get(rank.clamp(1, sorted.len()) - 1)
        .copied()
        .unwrap_or_default()
}

fn describe(text: &str, years: Option<Years>, facet: Option<&str>) -> String {
    let mut s = text.to_string();
    if let Some((from, to)) = years {
        s.push_str(&format!("  [{from}-01-01, {to}-01-01)"));
    }
    if let Some(f) = facet {
        s.push_str(&format!("  {f}"));
    }
    s
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
