//! Command-line interface: argument definitions and one function per command.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

mod entities;
mod eval;
mod eval_ner;
mod eval_polnear;
mod eval_reuters;
mod extract;
mod index;
mod json_line;
mod search;
mod statements;
mod tag;
mod train_ner;

/// Exit codes. 0: everything done; 1: done, but some input records failed
/// (they were skipped and reported); 2: usage or fatal error, nothing done
/// beyond what was already committed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    Ok = 0,
    Partial = 1,
    Fatal = 2,
}

#[derive(Parser, Debug)]
#[command(
    name = "newsdex",
    version,
    about = "Search news by who said what: articles, entities and attributed statements in a tantivy index",
    long_about = None,
    after_help = "EXAMPLES:\n  newsdex search \"peace talks\"                 (builds index/ from corpus/ on first use)\n  newsdex index corpus/ more-news.jsonl.gz\n  newsdex search 'ceasefire AND Kyiv' --from 2022-01-01 --source 'President of Russia (en.kremlin.ru)'\n  newsdex search \"statements by Kremlin officials\"\n  newsdex statements --by Ushakov --json\n  newsdex entities --type person\n\nEXIT STATUS:\n  0  success\n  1  finished, but some input records failed and were skipped (each reported on stderr)\n  2  usage error or fatal error (message on stderr)"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Index articles (default: corpus/ into index/), incrementally.
    Index(index::IndexArgs),
    /// Full-text and faceted search over articles and statements.
    Search(search::SearchArgs),
    /// Run entity and statement extraction on articles without indexing.
    Extract(extract::ExtractArgs),
    /// The most mentioned people, organisations and places.
    Entities(entities::EntitiesArgs),
    /// Search statements by speaker, organisation or country.
    Statements(statements::StatementsArgs),
    /// Evaluate extraction against gold data (Reuters, PolNeAR, CoNLL).
    Eval(eval::EvalArgs),
    /// Train the name tagger on CoNLL-format data.
    #[command(name = "train-ner")]
    TrainNer(train_ner::TrainNerArgs),
    /// Tag CoNLL-format text with the name tagger.
    Tag(tag::TagArgs),
}

/// Where the index lives; shared by every command that reads or writes it.
#[derive(Args, Debug, Clone)]
pub struct IndexLocation {
    /// Index directory.
    #[arg(long = "index", value_name = "DIR", default_value = "index")]
    pub dir: PathBuf,
}

/// How to read input files; shared by `index` and `extract`.
#[derive(Args, Debug, Clone, Default)]
pub struct InputOptions {
    /// Input format, instead of guessing from the extension or content.
    #[arg(long, value_enum)]
    pub format: Option<newsdex::corpus::Format>,
    /// Map an article field to another JSON key, e.g. `--field body=text`
    /// (repeatable; fields: id, title, body, date, source, url, authors).
    #[arg(long = "field", value_name = "FIELD=KEY")]
    pub fields: Vec<String>,
    /// Extra knowledge base entries (same format as data/kb/*.jsonl), merged in.
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
}

/// Result filters; shared by `search`, `entities` and `statements`.
#[derive(Args, Debug, Clone, Default)]
pub struct Filters {
    /// Only items published on or after this date (YYYY-MM-DD or any supported date form).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only items published on or before this date.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only items from this source (exact source name, as shown in results).
    #[arg(long, value_name = "NAME")]
    pub source: Vec<String>,
    /// Only items under this facet path, e.g. `/date/2022/02` or `/person/Vladimir Putin` (repeatable).
    #[arg(long, value_name = "PATH")]
    pub facet: Vec<String>,
    /// Only items mentioning this person (any known alias, e.g. Zelensky).
    #[arg(long, value_name = "NAME")]
    pub person: Vec<String>,
    /// Only items mentioning this organisation.
    #[arg(long, value_name = "NAME")]
    pub org: Vec<String>,
    /// Only items mentioning this place (a country matches its cities too).
    #[arg(long, value_name = "NAME")]
    pub place: Vec<String>,
    /// Only items mentioning people affiliated with this body, e.g. `Russia/Kremlin` or `Kremlin`.
    #[arg(long, value_name = "COUNTRY/BODY")]
    pub affiliation: Vec<String>,
}

/// Run the parsed command line; `Err` is a fatal error (exit 2).
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Index(a) => index::run(a),
        Command::Search(a) => search::run(a),
        Command::Extract(a) => extract::run(a),
        Command::Entities(a) => entities::run(a),
        Command::Statements(a) => statements::run(a),
        Command::Eval(a) => eval::run(a),
        Command::TrainNer(a) => train_ner::run(a),
        Command::Tag(a) => tag::run(a),
    }
}

/// True when the error chain ends in a closed stdout (EPIPE).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// One line: the error and its causes, joined, without a backtrace.
pub fn describe(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let s = cause.to_string();
        if !parts.iter().any(|p| p.contains(&s)) {
            parts.push(s);
        }
    }
    parts.join(": ")
}

/// The shipped corpus, indexed by default.
pub const DEFAULT_CORPUS: &str = "corpus";
/// The default index folder.
pub const DEFAULT_INDEX: &str = "index";

/// `--field body=text` → `("body", "text")`; the readers check field names.
pub fn parse_field_maps(specs: &[String]) -> anyhow::Result<Vec<(String, String)>> {
    specs
        .iter()
        .map(|s| match s.split_once('=') {
            Some((field, key)) if !field.trim().is_empty() && !key.trim().is_empty() => {
                Ok((field.trim().to_string(), key.trim().to_string()))
            }
            _ => anyhow::bail!("--field {s}: expected FIELD=KEY, e.g. --field body=text"),
        })
        .collect()
}

/// The knowledge base: built-in data plus `--gazetteer` files, all-or-nothing.
pub fn load_kb(gazetteers: &[PathBuf]) -> anyhow::Result<newsdex::extract::kb::KnowledgeBase> {
    let mut kb = newsdex::extract::kb::KnowledgeBase::builtin()?;
    for g in gazetteers {
        kb.merge_file(g)?;
    }
    Ok(kb)
}

/// The extraction pipeline and a fingerprint of what shapes its output
/// beyond the code (gazetteer contents), for the indexer's content hashes.
pub fn build_extractor(
    gazetteers: &[PathBuf],
) -> anyhow::Result<(newsdex::extract::Extractor, u64)> {
    // The tagger's model (an 18 MB file and its tables) loads on a second
    // thread while this one builds the knowledge base: start-up runs before
    // any other work, so it otherwise leaves every other core idle.
    let (kb, tagger) = std::thread::scope(|scope| {
        let tagger = scope.spawn(newsdex::extract::ner::Tagger::default_model);
        let kb = load_kb(gazetteers);
        let tagger = tagger
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("loading the model panicked")));
        (kb, tagger)
    });
    let kb = kb?;
    let mut salt_bytes = Vec::new();
    for g in gazetteers {
        // Already read successfully by load_kb; a failure here is a race.
        let bytes = std::fs::read(g).map_err(|e| anyhow::anyhow!("{}: {e}", g.display()))?;
        salt_bytes.extend_from_slice(&bytes);
    }
    // The tagger is optional: without a model file, extraction runs on the
    // knowledge base and rules alone (said once, on stderr).
    let tagger = match tagger {
        Ok(t) => {
            salt_bytes.extend_from_slice(t.info().as_bytes());
            Some(std::sync::Arc::new(t))
        }
        Err(e) => {
            eprintln!(
                "newsdex: warning: no name tagger ({e}); using the knowledge base and rules only"
            );
            None
        }
    };
    let salt = newsdex::corpus::stable_hash(&salt_bytes);
    Ok((
        newsdex::extract::Extractor {
            kb: std::sync::Arc::new(kb),
            tagger,
        },
        salt,
    ))
}

/// Open the index for reading. The default index is built from `corpus/` on
/// first use (saying so on stderr), so a fresh clone can search at once.
pub fn open_for_search(loc: &IndexLocation) -> anyhow::Result<newsdex::index::NewsIndex> {
    use newsdex::index::NewsIndex;
    if !NewsIndex::exists(&loc.dir) && loc.dir == std::path::Path::new(DEFAULT_INDEX) {
        let corpus = std::path::Path::new(DEFAULT_CORPUS);
        if !corpus.is_dir() {
            anyhow::bail!(
                "no index at {DEFAULT_INDEX}/ and no {DEFAULT_CORPUS}/ folder to build it from; \
                 run `newsdex index PATH...` first"
            );
        }
        eprintln!(
            "newsdex: no index yet; building {DEFAULT_INDEX}/ from {DEFAULT_CORPUS}/ (first run only)…"
        );
        let summary = index::index_paths(
            &[corpus.to_path_buf()],
            loc,
            &InputOptions::default(),
            false,
            false,
            true,
        )?;
        eprintln!("newsdex: {}", index::summary_line(&summary));
    }
    NewsIndex::open(&loc.dir)
}

/// A point in time, as filters use it.
type Utc = chrono::DateTime<chrono::Utc>;

/// Parse `--from` / `--to`; `--to` with a bare date covers that whole day.
pub fn date_bounds(f: &Filters) -> anyhow::Result<(Option<Utc>, Option<Utc>)> {
    let parse = |flag: &str, s: &str| {
        newsdex::corpus::parse_date(s).ok_or_else(|| {
            anyhow::anyhow!("{flag} {s}: not a date (try YYYY-MM-DD, e.g. {flag} 2025-11-01)")
        })
    };
    let from = f.from.as_deref().map(|s| parse("--from", s)).transpose()?;
    let to = match f.to.as_deref() {
        None => None,
        Some(s) => {
            let d = parse("--to", s)?;
            let midnight = d.time() == chrono::NaiveTime::MIN;
            Some(if midnight {
                d + chrono::Duration::days(1)
            } else {
                d + chrono::Duration::seconds(1)
            })
        }
    };
    if let (Some(a), Some(b)) = (from, to) {
        if a >= b {
            anyhow::bail!("--from is after --to: nothing can match");
        }
    }
    Ok((from, to))
}

/// Turn the entity, source and facet filters into facet groups (AND between
/// groups, OR within one).
pub fn filter_facets(
    f: &Filters,
    resolver: &newsdex::query::filters::Resolver,
) -> anyhow::Result<Vec<Vec<tantivy::schema::Facet>>> {
    use newsdex::index::schema::{facet, parse_facet};
    let mut groups = Vec::new();
    for s in &f.source {
        groups.push(vec![facet("source", [s.as_str()])]);
    }
    for p in &f.facet {
        groups.push(vec![parse_facet(p)?]);
    }
    for n in &f.person {
        groups.push(
            resolver
                .person(n)
                .map_err(|e| anyhow::anyhow!("--person: {e}"))?,
        );
    }
    for n in &f.org {
        groups.push(resolver.org(n).map_err(|e| anyhow::anyhow!("--org: {e}"))?);
    }
    for n in &f.place {
        groups.push(
            resolver
                .place(n)
                .map_err(|e| anyhow::anyhow!("--place: {e}"))?,
        );
    }
    for n in &f.affiliation {
        groups.push(
            resolver
                .affiliation(n)
                .map_err(|e| anyhow::anyhow!("--affiliation: {e}"))?,
        );
    }
    Ok(groups)
}

/// A question in plain English ("statements by Kremlin officials since
/// November"), as `search` and `statements` apply it.
pub struct Interpreted {
    pub interpretation: newsdex::query::natural::Interpretation,
    /// Facet groups for its speakers and affiliations.
    pub facets: Vec<Vec<tantivy::schema::Facet>>,
    pub from: Option<Utc>,
    /// Exclusive upper bound (the day after the last day it names).
    pub to: Option<Utc>,
}

impl ResolvedFilters {
    /// Merge a plain-English reading of the query: its speakers and
    /// affiliations join the facet groups, and its dates apply where no
    /// `--from`/`--to` was given (explicit flags win).
    pub fn absorb(&mut self, i: &Interpreted) {
        self.facets.extend(i.facets.iter().cloned());
        self.from = self.from.or(i.from);
        self.to = self.to.or(i.to);
    }
}

/// The full-text part of a query: nothing for an empty query or `*`.
pub fn query_text(query: &str) -> Option<String> {
    match query.trim() {
        "" | "*" => None,
        q => Some(q.to_string()),
    }
}

/// Read `query` as a plain-English statement question, if it is one.
pub fn interpret(query: &str, kb: &newsdex::extract::kb::KnowledgeBase) -> Option<Interpreted> {
    use newsdex::index::schema::facet;
    let today = chrono::Utc::now().date_naive();
    let i = newsdex::query::natural::interpret(query, kb, today)?;
    let mut facets = Vec::new();
    if !i.speakers.is_empty() {
        facets.push(
            i.speakers
                .iter()
                .map(|s| facet("speaker", [s.as_str()]))
                .collect(),
        );
    }
    if !i.affiliations.is_empty() {
        facets.push(
            i.affiliations
                .iter()
                .map(|a| facet("affiliation", a.split('/')))
                .collect(),
        );
    }
    let midnight = |d: chrono::NaiveDate| d.and_time(chrono::NaiveTime::MIN).and_utc();
    Some(Interpreted {
        from: i.from.map(midnight),
        to: i.to.map(|d| midnight(d) + chrono::Duration::days(1)),
        facets,
        interpretation: i,
    })
}

/// Lines telling the user how a question was read, and what was not understood.
pub fn interpretation_lines(i: &newsdex::query::natural::Interpretation) -> Vec<String> {
    let mut lines = vec![format!("interpreted as: {}", i.description)];
    for u in &i.unresolved {
        let hint = if u.suggestions.is_empty() {
            String::new()
        } else {
            format!(" (closest known: {})", u.suggestions.join(", "))
        };
        lines.push(format!(
            "note: `{}` is not a known speaker{hint}; searched as text instead",
            u.phrase
        ));
    }
    lines
}

/// The interpretation as the `"interpretation"` JSON object.
pub fn interpretation_json(i: &newsdex::query::natural::Interpretation) -> serde_json::Value {
    serde_json::json!({
        "description": i.description,
        "statements_only": i.statements_only,
        "speakers": i.speakers,
        "affiliations": i.affiliations,
        "text": i.text,
        "from": i.from.map(|d| d.to_string()),
        "to": i.to.map(|d| d.to_string()),
        "unresolved": i.unresolved.iter().map(|u| serde_json::json!({
            "phrase": u.phrase, "suggestions": u.suggestions,
        })).collect::<Vec<_>>(),
    })
}

/// Print search results for `search` and `statements`: one JSON object, or
/// the interpretation (if any), a header line, hits and facet counts.
pub fn print_results(
    session: &Session,
    query: &str,
    interpreted: Option<&Interpreted>,
    req: &newsdex::query::SearchRequest,
    res: &newsdex::query::SearchResults,
    json: bool,
) -> anyhow::Result<()> {
    use newsdex::query::render::{facets_json, hit_json, print_text};
    use newsdex::query::Kind;
    use std::io::{IsTerminal, Write};
    let (kind, offset) = (req.kind, req.offset);
    // An empty result says which condition to drop to find something.
    let relaxed = if res.total == 0 {
        newsdex::query::relaxations(&session.ni, &session.searcher, req)?
    } else {
        Vec::new()
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        let mut v = serde_json::json!({
            "query": query,
            "interpretation": interpreted.map(|i| interpretation_json(&i.interpretation)),
            "kind": kind,
            "total": res.total,
            "offset": offset,
            "folded": res.folded,
            "hits": res.hits.iter().map(hit_json).collect::<Vec<_>>(),
            "facets": facets_json(res),
        });
        if res.total == 0 {
            v["relaxations"] = serde_json::json!(relaxed);
        }
        writeln!(out, "{v}")?;
    } else {
        if let Some(i) = interpreted {
            for line in interpretation_lines(&i.interpretation) {
                writeln!(out, "{line}")?;
            }
        }
        let what = match kind {
            Kind::Article => "articles",
            Kind::Statement => "statements",
            Kind::All => "documents",
        };
        // "1 article matches", "3 articles match".
        let noun = |n: usize| {
            if n == 1 {
                what.trim_end_matches('s')
            } else {
                what
            }
        };
        let mut header = if query.is_empty() {
            format!("{} {}", res.total, noun(res.total))
        } else if res.total == 1 {
            format!("1 {} matches {query:?}", noun(1))
        } else {
            format!("{} {what} match {query:?}", res.total)
        };
        if !res.hits.is_empty() {
            header.push_str(&format!(
                " (showing {}–{}",
                offset + 1,
                offset + res.hits.len()
            ));
            if res.folded > 0 {
                let copies = if res.folded == 1 { "copy" } else { "copies" };
                header.push_str(&format!(
                    "; {} word-for-word {copies} folded in, --no-collapse shows them",
                    res.folded
                ));
            }
            header.push(')');
        }
        print_text(
            &mut out,
            &header,
            res,
            offset,
            std::io::stdout().is_terminal(),
        )?;
        if !relaxed.is_empty() {
            writeln!(out, "Each of these would match if dropped:")?;
            for r in &relaxed {
                writeln!(
                    out,
                    "  without {}: {} {}",
                    r.condition,
                    r.total,
                    noun(r.total)
                )?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// What the query commands share: the index, the knowledge base (to resolve
/// names) and a searcher on the last commit.
pub struct Session {
    pub ni: newsdex::index::NewsIndex,
    pub kb: newsdex::extract::kb::KnowledgeBase,
    pub searcher: tantivy::Searcher,
}

/// Command-line filters turned into facet groups and a date range.
pub struct ResolvedFilters {
    pub facets: Vec<Vec<tantivy::schema::Facet>>,
    pub from: Option<Utc>,
    pub to: Option<Utc>,
}

impl Session {
    /// Open the index (building the default one on first use).
    pub fn open(loc: &IndexLocation) -> anyhow::Result<Session> {
        let ni = open_for_search(loc)?;
        let kb = load_kb(&[])?;
        let searcher = ni.reader()?.searcher();
        Ok(Session { ni, kb, searcher })
    }

    pub fn resolver(&self) -> newsdex::query::filters::Resolver<'_> {
        newsdex::query::filters::Resolver {
            kb: &self.kb,
            ni: &self.ni,
            searcher: &self.searcher,
        }
    }

    /// Resolve `--from/--to`, sources, facets and entity filters.
    pub fn filters(&self, f: &Filters) -> anyhow::Result<ResolvedFilters> {
        let (from, to) = date_bounds(f)?;
        let facets = filter_facets(f, &self.resolver())?;
        Ok(ResolvedFilters { facets, from, to })
    }
}
