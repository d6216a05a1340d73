//! Queries: a [`SearchRequest`] (full text in tantivy syntax, kind, facet and
//! date filters, order, page) run against a [`NewsIndex`], giving ranked hits
//! with snippets and facet counts over the whole result set.

pub mod filters;
pub mod natural;
pub mod render;
pub mod stored;

use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;

use anyhow::Context;
use chrono::{DateTime, Utc};
use serde::Serialize;
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

use crate::index::NewsIndex;

/// Which documents a search looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Article,
    Statement,
    All,
}

/// Order of hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Sort {
    /// BM25 score, best first.
    Relevance,
    /// Publication date, newest first.
    Date,
}

/// Everything a search needs, already resolved (names turned into facets).
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// Tantivy query syntax over title and body; `None` matches everything.
    pub text: Option<String>,
    pub kind: Kind,
    /// Each group must match (AND between groups); within a group any facet
    /// may match (OR), e.g. the several ids an ambiguous name resolves to.
    pub facets: Vec<Vec<Facet>>,
    pub from: Option<DateTime<Utc>>,
    /// Exclusive upper bound.
    pub to: Option<DateTime<Utc>>,
    pub sort: Sort,
    pub limit: usize,
    pub offset: usize,
    /// Facet roots to count, with how many values to keep for each.
    pub count: Vec<(&'static str, usize)>,
    /// Fold word-for-word copies (the same statement by the same speaker in
    /// several syndicated articles, the same article under several ids)
    /// into the first one shown; `limit` and `offset` then count distinct
    /// hits.
    pub collapse: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            text: None,
            kind: Kind::Article,
            facets: Vec::new(),
            from: None,
            to: None,
            sort: Sort::Relevance,
            limit: 10,
            offset: 0,
            count: Vec::new(),
            collapse: true,
        }
    }
}

/// One ranked result.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// BM25 score; `None` when sorted by date.
    pub score: Option<f32>,
    /// A passage of the body around the matched terms.
    pub snippet: String,
    /// Byte ranges of `snippet` to highlight.
    #[serde(skip)]
    pub highlights: Vec<(usize, usize)>,
    pub attribution: Option<String>,
    /// The article id (the hit's own id for an article).
    pub article_id: String,
    /// Stored extraction details: entities of an article, speaker and cue of
    /// a statement.
    #[serde(skip)]
    pub meta: serde_json::Value,
    /// Full body text (a statement's quote); not serialised as such.
    #[serde(skip)]
    pub body: String,
    /// Ids of the word-for-word copies folded into this hit.
    pub copies: Vec<String>,
}

/// Facet counts: value (path below the root) and number of matching documents.
pub type FacetCounts = BTreeMap<String, Vec<(String, u64)>>;

#[derive(Debug, Clone)]
pub struct SearchResults {
    /// Matching documents, copies included.
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Copies folded into the hits shown (see `SearchRequest::collapse`).
    pub folded: usize,
    pub facets: FacetCounts,
}

/// Build the tantivy query for a request.
pub fn build_query(ni: &NewsIndex, req: &SearchRequest) -> anyhow::Result<Box<dyn Query>> {
    let f = &ni.fields;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if let Some(text) = req.text.as_deref().filter(|t| !t.trim().is_empty()) {
        clauses.push((Occur::Must, text_query(ni, text)?));
    }
    match req.kind {
        Kind::All => {}
        Kind::Article | Kind::Statement => {
            let k = if req.kind == Kind::Article {
                "article"
            } else {
                "statement"
            };
            clauses.push((Occur::Must, term_query(Term::from_field_text(f.kind, k))));
        }
    }
    for group in &req.facets {
        let alts: Vec<(Occur, Box<dyn Query>)> = group
            .iter()
            .map(|fc| (Occur::Should, facet_query(ni, fc)))
            .collect();
        if !alts.is_empty() {
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(alts))));
        }
    }
    if req.from.is_some() || req.to.is_some() {
        let bound = |d: Option<DateTime<Utc>>, incl: bool| match d {
            None => Bound::Unbounded,
            Some(d) => {
                let t = Term::from_field_date(
                    f.published,
                    tantivy::DateTime::from_timestamp_secs(d.timestamp()),
                );
                if incl {
                    Bound::Included(t)
                } else {
                    Bound::Excluded(t)
                }
            }
        };
        clauses.push((
            Occur::Must,
            Box::new(RangeQuery::new(bound(req.from, true), bound(req.to, false))),
        ));
    }
    if clauses.is_empty() {
        return Ok(Box::new(AllQuery));
    }
    if clauses.len() == 1 && clauses[0].0 == Occur::Must {
        return Ok(clauses
            .pop()
            .map(|(_, q)| q)
            .unwrap_or_else(|| Box::new(AllQuery)));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

/// Parse tantivy query syntax over title and body, AND by default, with
/// `word~N` meaning a fuzzy match within N edits (N ≤ 2). tantivy's parser
/// reads `~N` only as phrase slop, so such words are swapped for
/// placeholders before parsing and rebuilt as fuzzy term queries after.
pub fn text_query(ni: &NewsIndex, text: &str) -> anyhow::Result<Box<dyn Query>> {
    let f = &ni.fields;
    let mut parser = QueryParser::for_index(&ni.index, vec![f.title, f.body]);
    // News readers expect "peace talks" to mean both words.
    parser.set_conjunction_by_default();
    parser.set_field_boost(f.title, 2.0);
    let invalid = |e: String| {
        anyhow::anyhow!("invalid query `{text}`: {e} (see `newsdex search --help` for the syntax)")
    };
    let (rewritten, fuzzy) = extract_fuzzy(text);
    if fuzzy.is_empty() {
        return parser.parse_query(text).map_err(|e| invalid(e.to_string()));
    }
    let ast = tantivy::query_grammar::parse_query(&rewritten)
        .map_err(|_| invalid("syntax error".to_string()))?;
    build_fuzzy(ni, &parser, &fuzzy, ast).map_err(|e| invalid(e.to_string()))
}

/// A `field:word~N` of the query.
struct Fuzzy {
    field: Option<String>,
    word: String,
    distance: u8,
}

const FUZZY_MARK: &str = "nwdxfuzzy";

/// Replace every unquoted `word~N` (optionally `field:word~N`) by a
/// placeholder word; return the new text and the fuzzy terms in order.
fn extract_fuzzy(text: &str) -> (String, Vec<Fuzzy>) {
    let mut out = String::with_capacity(text.len());
    let mut found = Vec::new();
    let mut in_quotes = false;
    let mut rest = text;
    while !rest.is_empty() {
        let Some(c) = rest.chars().next() else { break };
        if c == '"' {
            in_quotes = !in_quotes;
        }
        let at_word_start = !in_quotes && (c.is_alphanumeric());
        let prev_ok = out
            .chars()
            .last()
            .is_none_or(|p| p.is_whitespace() || p == '(' || p == '+' || p == '-');
        if at_word_start && prev_ok {
            let end = rest
                .find(|ch: char| ch.is_whitespace() || ch == ')')
                .unwrap_or(rest.len());
            let token = &rest[..end];
            if let Some((head, dist)) = token.rsplit_once('~') {
                if let (Ok(d), false) = (dist.parse::<u8>(), head.is_empty()) {
                    let (field, word) = match head.split_once(':') {
                        Some((fld, w)) => (Some(fld.to_string()), w),
                        None => (None, head),
                    };
                    if !word.is_empty() && !word.contains('"') {
                        out.push_str(&format!("{FUZZY_MARK}{}", found.len()));
                        found.push(Fuzzy {
                            field,
                            word: word.to_string(),
                            distance: d.min(2),
                        });
                        rest = &rest[end..];
                        continue;
                    }
                }
            }
            out.push_str(token);
            rest = &rest[end..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    (out, found)
}

type Ast = tantivy::query_grammar::UserInputAst;

/// The fuzzy term a placeholder leaf stands for.
fn fuzzy_of<'a>(ast: &Ast, fuzzy: &'a [Fuzzy]) -> Option<&'a Fuzzy> {
    use tantivy::query_grammar::UserInputLeaf;
    if let Ast::Leaf(leaf) = ast {
        if let UserInputLeaf::Literal(lit) = leaf.as_ref() {
            let n: usize = lit.phrase.strip_prefix(FUZZY_MARK)?.parse().ok()?;
            return fuzzy.get(n);
        }
    }
    None
}

fn build_fuzzy(
    ni: &NewsIndex,
    parser: &QueryParser,
    fuzzy: &[Fuzzy],
    ast: Ast,
) -> Result<Box<dyn Query>, tantivy::query::QueryParserError> {
    use tantivy::query::{BoostQuery, FuzzyTermQuery, QueryParserError};
    use tantivy::query_grammar::Occur as GOccur;
    if let Some(fz) = fuzzy_of(&ast, fuzzy) {
        let fields = match &fz.field {
            Some(name) => vec![ni
                .index
                .schema()
                .get_field(name)
                .map_err(|_| QueryParserError::FieldDoesNotExist(name.clone()))?],
            None => vec![ni.fields.title, ni.fields.body],
        };
        let mut alts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for field in fields {
            // Match the analysed form (lower-cased, stemmed), as indexed.
            let mut analyzer = ni
                .index
                .tokenizer_for_field(field)
                .map_err(|_| QueryParserError::FieldNotIndexed(fz.word.clone()))?;
            let mut stream = analyzer.token_stream(&fz.word);
            while let Some(tok) = stream.next() {
                let term = Term::from_field_text(field, &tok.text);
                alts.push((
                    Occur::Should,
                    Box::new(FuzzyTermQuery::new(term, fz.distance, true)),
                ));
            }
        }
        return Ok(Box::new(BooleanQuery::new(alts)));
    }
    match ast {
        Ast::Clause(cs) => {
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for (occur, sub) in cs {
                let occur = match occur {
                    Some(GOccur::Should) => Occur::Should,
                    Some(GOccur::MustNot) => Occur::MustNot,
                    Some(GOccur::Must) | None => Occur::Must,
                };
                clauses.push((occur, build_fuzzy(ni, parser, fuzzy, sub)?));
            }
            if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
                clauses.push((Occur::Must, Box::new(AllQuery)));
            }
            Ok(Box::new(BooleanQuery::new(clauses)))
        }
        Ast::Boost(sub, b) => Ok(Box::new(BoostQuery::new(
            build_fuzzy(ni, parser, fuzzy, *sub)?,
            b.into_inner() as f32,
        ))),
        leaf => parser.build_query_from_user_input_ast(leaf),
    }
}

/// The query for one facet filter. Two dimensions users can name are held
/// in another form since schema version 4: a month `/month/YYYY-MM` is the
/// date facet `/date/YYYY/MM`, and `/kind/K` is the `kind` term (see
/// `index::document::SharedFacets`). A path under them of any other shape
/// matched nothing and still does.
fn facet_query(ni: &NewsIndex, fc: &Facet) -> Box<dyn Query> {
    let f = &ni.fields;
    let path = fc.to_path();
    match path.as_slice() {
        ["month"] => return term_query(Term::from_facet(f.facet, &Facet::from_path(["date"]))),
        ["month", ym] => {
            if let Some((y, m)) = ym.rsplit_once('-') {
                let date = Facet::from_path(["date", y, m]);
                return term_query(Term::from_facet(f.facet, &date));
            }
        }
        ["kind"] => return Box::new(AllQuery),
        ["kind", k] => return term_query(Term::from_field_text(f.kind, k)),
        _ => {}
    }
    term_query(Term::from_facet(f.facet, fc))
}

fn term_query(t: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(t, IndexRecordOption::Basic))
}

/// One condition of a request that, dropped, would let it match.
#[derive(Debug, Clone, Serialize)]
pub struct Relaxation {
    /// `"dates"`, `"text"` or `"facet"`.
    pub without: &'static str,
    /// The condition as a user reads it: `affiliation Russia/Kremlin`.
    pub condition: String,
    /// Matches once it is dropped.
    pub total: usize,
}

/// Why nothing matched: for each condition of `req` (the date range, the
/// words, each facet group), how many documents match without it. A zero
/// result then tells the user which filter to loosen instead of leaving
/// them to guess; only conditions whose removal finds something are kept.
pub fn relaxations(
    ni: &NewsIndex,
    searcher: &Searcher,
    req: &SearchRequest,
) -> anyhow::Result<Vec<Relaxation>> {
    let conditions = usize::from(req.from.is_some() || req.to.is_some())
        + usize::from(req.text.is_some())
        + req.facets.len();
    // With a single condition, dropping it just means "everything".
    if conditions < 2 {
        return Ok(Vec::new());
    }
    let count = |r: SearchRequest| -> anyhow::Result<usize> {
        let q = build_query(ni, &r)?;
        Ok(searcher.search(&q, &Count)?)
    };
    let base = || SearchRequest {
        text: req.text.clone(),
        kind: req.kind,
        facets: req.facets.clone(),
        from: req.from,
        to: req.to,
        limit: 0,
        ..SearchRequest::default()
    };
    let mut out = Vec::new();
    if req.from.is_some() || req.to.is_some() {
        let day = |d: DateTime<Utc>| d.format("%Y-%m-%d").to_string();
        let condition = match (req.from, req.to) {
            (Some(f), Some(t)) => format!(
                "the date range {} to {}",
                day(f),
                day(t - chrono::Duration::days(1))
            ),
            (Some(f), None) => format!("the date range since {}", day(f)),
            (None, Some(t)) => format!("the date range before {}", day(t)),
            (None, None) => String::new(),
        };
        let total = count(SearchRequest {
            from: None,
            to: None,
            ..base()
        })?;
        out.push(Relaxation {
            without: "dates",
            condition,
            total,
        });
    }
    if let Some(text) = &req.text {
        let total = count(SearchRequest {
            text: None,
            ..base()
        })?;
        out.push(Relaxation {
            without: "text",
            condition: format!("the words {text:?}"),
            total,
        });
    }
    for (i, group) in req.facets.iter().enumerate() {
        let mut facets = req.facets.clone();
        facets.remove(i);
        let total = count(SearchRequest { facets, ..base() })?;
        let condition = group
            .iter()
            .map(|f| {
                let path = f.to_path();
                match path.split_first() {
                    Some((root, rest)) if !rest.is_empty() => {
                        format!("{root} {}", rest.join("/"))
                    }
                    _ => f.to_string(),
                }
            })
            .collect::<Vec<_>>()
            .join(" or ");
        out.push(Relaxation {
            without: "facet",
            condition,
            total,
        });
    }
    out.retain(|r| r.total > 0);
    Ok(out)
}

/// Run a request.
pub fn search(
    ni: &NewsIndex,
    searcher: &Searcher,
    req: &SearchRequest,
) -> anyhow::Result<SearchResults> {
    let query = build_query(ni, req)?;
    let mut facet_collector = FacetCollector::for_field("facet");
    // Months are counted as the children of each year's date facet, in the
    // same pass (a collector of their own: `/date` may be counted too).
    let mut month_collector = FacetCollector::for_field("facet");
    for (root, _) in &req.count {
        if *root == "month" {
            for year in index_years(ni, searcher) {
                month_collector.add_facet(Facet::from_path(["date", year.as_str()]));
            }
        } else {
            facet_collector.add_facet(Facet::from_path([*root]));
        }
    }
    let (total, counts, month_counts) = searcher
        .search(&query, &(Count, facet_collector, month_collector))
        .context("search failed")?;

    let mut loader = stored::Loader::new(ni, searcher);
    let page = if req.collapse {
        distinct_page(ni, searcher, &mut loader, &*query, req, total)?
    } else {
        let mut page = Vec::new();
        for (score, addr) in top_addresses(searcher, &*query, req, req.offset, req.limit, total)? {
            page.push((score, loader.load(addr)?, Vec::new()));
        }
        page
    };
    let folded = page.iter().map(|(_, _, copies)| copies.len()).sum();

    let mut snippets = SnippetGenerator::create(searcher, &*query, ni.fields.body)?;
    snippets.set_max_num_chars(240);
    let mut hits = Vec::with_capacity(page.len());
    for (score, doc, copies) in page {
        let mut hit = to_hit(ni, &doc, score, &snippets);
        hit.copies = copies;
        hits.push(hit);
    }

    let mut facets = FacetCounts::new();
    for (root, k) in &req.count {
        let mut values: Vec<(String, u64)> = if *root == "month" {
            month_counts
                .get(Facet::from_path(["date"]))
                .map(|(fc, n)| (fc.to_path().get(1..).unwrap_or_default().join("-"), n))
                .collect()
        } else {
            counts
                .get(Facet::from_path([*root]))
                .map(|(fc, n)| (facet_tail(fc, 1), n))
                .collect()
        };
        // Months read best in calendar order; every other dimension by count.
        if *root == "month" {
            values.sort();
            if values.len() > *k {
                values.drain(..values.len() - *k);
            }
        } else {
            values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            values.truncate(*k);
            // Places sit under their country and bodies under theirs: show
            // the leading ones' children too ("Russia/Kremlin"), ranked
            // together with the top level.
            if HIERARCHICAL.contains(root) && !values.is_empty() {
                let parents: Vec<String> = values.iter().map(|(v, _)| v.clone()).collect();
                values.extend(child_counts(searcher, &*query, root, &parents)?);
                values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                values.truncate(*k);
            }
        }
        facets.insert(root.to_string(), values);
    }
    Ok(SearchResults {
        total,
        hits,
        folded,
        facets,
    })
}

/// Up to `limit` hits from rank `offset`, in the request's order.
fn top_addresses(
    searcher: &Searcher,
    query: &dyn Query,
    req: &SearchRequest,
    offset: usize,
    limit: usize,
    total: usize,
) -> anyhow::Result<Vec<(Option<f32>, DocAddress)>> {
    let mut addresses = Vec::new();
    if limit == 0 || offset >= total {
        return Ok(addresses);
    }
    // tantivy sizes its heap by the limit: never ask for more than exist.
    let top = TopDocs::with_limit(limit.min(total - offset)).and_offset(offset);
    match req.sort {
        Sort::Relevance => {
            for (score, addr) in searcher.search(query, &top.order_by_score())? {
                addresses.push((Some(score), addr));
            }
        }
        Sort::Date => {
            let by_date = top.order_by_fast_field::<tantivy::DateTime>("published", Order::Desc);
            for (_, addr) in searcher.search(query, &by_date)? {
                addresses.push((None, addr));
            }
        }
    }
    Ok(addresses)
}

/// A document with the ids of the copies folded into it.
type Distinct = (Option<f32>, TantivyDocument, Vec<String>);

/// The request's page of distinct hits. Copies rank next to each other (the
/// same words score the same and syndicated copies share a date), so
/// reading ranks in growing windows finds them without scanning every match;
/// a copy ranked beyond the last window read is not folded.
fn distinct_page(
    ni: &NewsIndex,
    searcher: &Searcher,
    loader: &mut stored::Loader,
    query: &dyn Query,
    req: &SearchRequest,
    total: usize,
) -> anyhow::Result<Vec<Distinct>> {
    let want = req.offset.saturating_add(req.limit);
    if req.limit == 0 || total == 0 {
        return Ok(Vec::new());
    }
    let mut distinct: Vec<Distinct> = Vec::new();
    let mut first_of: HashMap<u64, usize> = HashMap::new();
    let mut read = 0;
    // Read one rank past the page so that copies of its last hit fold too.
    while read < total && (distinct.len() <= want) {
        let window = (want + 1).saturating_sub(distinct.len()).max(16) * 2;
        for (score, addr) in top_addresses(searcher, query, req, read, window, total)? {
            read += 1;
            let doc = loader.load(addr)?;
            let key = copy_key(ni, &doc);
            match first_of.get(&key) {
                Some(&i) => {
                    let id = first_text(&doc, ni.fields.id).unwrap_or_default();
                    distinct[i].2.push(id);
                }
                None => {
                    first_of.insert(key, distinct.len());
                    distinct.push((score, doc, Vec::new()));
                }
            }
        }
    }
    distinct.truncate(want);
    Ok(distinct.split_off(req.offset.min(distinct.len())))
}

/// What makes two documents copies: the kind, a statement's speaker, and
/// the words of the body (the title for an article without one), compared
/// case-blind and ignoring punctuation and spacing, so that a straight and a
/// curly quote or a re-wrapped line do not tell copies apart.
fn copy_key(ni: &NewsIndex, doc: &TantivyDocument) -> u64 {
    use std::hash::{Hash, Hasher};
    let f = &ni.fields;
    let text = |field| stored::text_of(doc, field).unwrap_or("");
    let kind = text(f.kind);
    let mut h = std::collections::hash_map::DefaultHasher::new();
    kind.hash(&mut h);
    if kind == "statement" {
        // Two speakers saying the same words ("We will win") are not copies.
        text(f.speaker).hash(&mut h);
    }
    let body = text(f.body);
    let words = if body.trim().is_empty() {
        text(f.title)
    } else {
        body
    };
    for w in words
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        for c in w.chars().flat_map(char::to_lowercase) {
            c.hash(&mut h);
        }
        ' '.hash(&mut h);
    }
    h.finish()
}

/// Facet roots whose values nest (`/place/<country>/<place>`,
/// `/affiliation/<country>/<body>`).
const HIERARCHICAL: &[&str] = &["place", "affiliation"];

/// Counts one level below each `/root/<parent>` for the documents `query`
/// matches, as `parent/child` paths.
pub fn child_counts(
    searcher: &Searcher,
    query: &dyn Query,
    root: &str,
    parents: &[String],
) -> anyhow::Result<Vec<(String, u64)>> {
    let mut fc = FacetCollector::for_field("facet");
    for p in parents {
        fc.add_facet(Facet::from_path([root, p.as_str()]));
    }
    let counts = searcher.search(query, &fc).context("search failed")?;
    let mut out = Vec::new();
    for p in parents {
        for (f, n) in counts.get(Facet::from_path([root, p.as_str()])) {
            out.push((facet_tail(f, 1), n));
        }
    }
    Ok(out)
}

/// The years the index has dated documents in (`/date/YYYY`), read from the
/// facet terms: a handful, found without touching any document.
fn index_years(ni: &NewsIndex, searcher: &Searcher) -> Vec<String> {
    let mut years = Vec::new();
    for seg in searcher.segment_readers() {
        let Ok(inv) = seg.inverted_index(ni.fields.facet) else {
            continue;
        };
        let Ok(mut stream) = inv
            .terms()
            .range()
            .ge("date\0")
            .lt("date\u{1}")
            .into_stream()
        else {
            continue;
        };
        while stream.advance() {
            // Terms are `date\0YYYY`, `date\0YYYY\0MM`, ...: a year is one
            // component, and its months and days follow it in term order.
            let Some(rest) = stream.key().strip_prefix(b"date\0") else {
                continue;
            };
            if !rest.contains(&0) {
                if let Ok(y) = std::str::from_utf8(rest) {
                    years.push(y.to_string());
                }
            }
        }
    }
    years.sort();
    years.dedup();
    years
}

/// The components of a facet after the first `skip`, joined with `/`.
pub fn facet_tail(f: &Facet, skip: usize) -> String {
    f.to_path()
        .into_iter()
        .skip(skip)
        .collect::<Vec<_>>()
        .join("/")
}

fn first_text(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    stored::text_of(doc, field).map(str::to_string)
}

fn to_hit(
    ni: &NewsIndex,
    doc: &TantivyDocument,
    score: Option<f32>,
    gen: &SnippetGenerator,
) -> Hit {
    let f = &ni.fields;
    let body = first_text(doc, f.body).unwrap_or_default();
    let kind = first_text(doc, f.kind).unwrap_or_default();
    let meta: serde_json::Value = first_text(doc, f.meta)
        .and_then(|m| serde_json::from_str(&m).ok())
        .unwrap_or(serde_json::Value::Null);
    let snippet = gen.snippet(&body);
    let (snippet_text, highlights) = if snippet.is_empty() {
        (lead(&body, 240), Vec::new())
    } else {
        (
            snippet.fragment().to_string(),
            snippet
                .highlighted()
                .iter()
                .map(|r| (r.start, r.end))
                .collect(),
        )
    };
    let title = if kind == "statement" {
        meta.get("article_title")
            .and_then(|t| t.as_str())
            .unwrap_or("")
            .to_string()
    } else {
        first_text(doc, f.title).unwrap_or_default()
    };
    Hit {
        id: first_text(doc, f.id).unwrap_or_default(),
        kind,
        title,
        date: doc
            .get_first(f.published)
            .and_then(|v| v.as_datetime())
            .and_then(|d| DateTime::<Utc>::from_timestamp(d.into_timestamp_secs(), 0))
            .map(|d| d.format("%Y-%m-%d").to_string()),
        source: first_text(doc, f.source),
        url: first_text(doc, f.url),
        score,
        snippet: snippet_text,
        highlights,
        attribution: first_text(doc, f.attribution),
        article_id: first_text(doc, f.article_id).unwrap_or_default(),
        meta,
        body,
        copies: Vec::new(),
    }
}

/// The first `max` bytes of `text` (cut on a char and word boundary), one line.
pub fn lead(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.len() <= max {
        return flat;
    }
    let mut cut = max;
    while !flat.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &flat[..cut];
    let head = head.rsplit_once(' ').map_or(head, |(h, _)| h);
    format!("{head}…")
}
