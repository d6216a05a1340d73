//! `newsdex extract`: extraction without indexing.
//!
//! Prints, per article, the entities and statements found, either as a
//! readable summary or (`--json`) one JSON object per line. Offsets in the
//! JSON are UTF-8 byte offsets into the input file as given where the reader
//! knows where title and body sit (text files), else into
//! `Article::text()` (title, blank line, body).

use super::{ExitCode, InputOptions};
use anyhow::Context as _;
use clap::Args;
use newsdex::corpus::{self, Article, ReadOptions, RecordErrorKind};
use newsdex::extract::{Entity, Extraction, Span, SpeakerType, Statement};
use serde::Serialize;
use std::io::Write;
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

/// Read options from the shared input flags (`--field body=text`).
pub fn read_options(input: &InputOptions) -> anyhow::Result<ReadOptions> {
    let mut fields = Vec::new();
    for f in &input.fields {
        let (field, key) = f
            .split_once('=')
            .filter(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty())
            .with_context(|| format!("--field {f:?}: expected FIELD=KEY, e.g. body=text"))?;
        fields.push((field.trim().to_string(), key.trim().to_string()));
    }
    Ok(ReadOptions {
        format: input.format,
        fields,
    })
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };
    let opts = read_options(&args.input)?;
    // The same pipeline as `newsdex index` (knowledge base, gazetteers,
    // the name tagger when its model is there).
    let (extractor, _) = super::build_extractor(&args.input.gazetteer)?;
    let items = corpus::read_paths(&paths, &opts)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut line = Vec::new();
    for item in items {
        let article = match item {
            Ok(a) => a,
            Err(e) => {
                eprintln!("warning: {e}");
                if e.kind == RecordErrorKind::Failed {
                    failed += 1;
                }
                continue;
            }
        };
        for w in &article.warnings {
            eprintln!("warning: {}: {w}", article.origin);
        }
        let text = article.text();
        let extraction = extractor.extract_in(&text, &newsdex::extract::Context::of(&article));
        let written = if args.json {
            let v = render_json(&article, &text, &extraction);
            line.clear();
            super::json_line::push_article(&mut line, &v);
            line.push(b'\n');
            out.write_all(&line).map_err(anyhow::Error::from)
        } else {
            write_summary(&mut out, &article, &text, &extraction).map_err(anyhow::Error::from)
        };
        if let Err(e) = written {
            if super::is_broken_pipe(&e) {
                return Ok(ExitCode::Ok);
            }
            return Err(e);
        }
    }
    if let Err(e) = out.flush() {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Ok(ExitCode::Ok);
        }
        return Err(e.into());
    }
    Ok(if failed > 0 {
        ExitCode::Partial
    } else {
        ExitCode::Ok
    })
}

/// `{"text","start","end"}`: a span of the extracted text, offsets mapped
/// to the input file.
#[derive(Serialize)]
pub struct SpanOut<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// One entity as printed by `--json`.
#[derive(Serialize)]
pub struct EntityOut<'a> {
    pub name: &'a str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub qid: Option<&'a str>,
    pub country: Option<&'a str>,
    pub mentions: Vec<SpanOut<'a>>,
    pub roles: &'a [String],
    pub affiliations: &'a [String],
}

/// One statement as printed by `--json`.
#[derive(Serialize)]
pub struct StatementOut<'a> {
    pub speaker: Option<&'a str>,
    pub speaker_type: SpeakerType,
    pub affiliations: &'a [String],
    pub direct: bool,
    pub speaker_mention: Option<SpanOut<'a>>,
    pub cue: Option<SpanOut<'a>>,
    pub content: SpanOut<'a>,
    /// The quoted pieces of a quote broken by its attribution.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub content_parts: Vec<SpanOut<'a>>,
}

/// The `--json` line of one article.
#[derive(Serialize)]
pub struct ArticleOut<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub entities: Vec<EntityOut<'a>>,
    pub statements: Vec<StatementOut<'a>>,
}

/// A span of `text` with offsets mapped to the input file.
pub fn render_span<'a>(article: &Article, text: &'a str, span: Span) -> SpanOut<'a> {
    SpanOut {
        text: span.slice(text),
        start: article.file_offset(span.start),
        end: article.file_offset(span.end),
    }
}

/// One entity for `--json`.
pub fn render_entity<'a>(article: &Article, text: &'a str, e: &'a Entity) -> EntityOut<'a> {
    EntityOut {
        name: &e.name,
        kind: e.kind.as_str(),
        qid: e.qid.as_deref(),
        country: e.country.as_deref(),
        mentions: e
            .mentions
            .iter()
            .map(|m| render_span(article, text, *m))
            .collect(),
        roles: &e.roles,
        affiliations: &e.affiliations,
    }
}

/// One statement for `--json`, spans mapped like entity mentions.
pub fn render_statement<'a>(
    article: &Article,
    text: &'a str,
    s: &'a Statement,
) -> StatementOut<'a> {
    StatementOut {
        speaker: s.speaker.as_deref(),
        speaker_type: s.speaker_type,
        affiliations: &s.affiliations,
        direct: s.direct,
        speaker_mention: s.speaker_mention.map(|m| render_span(article, text, m)),
        cue: s.cue.map(|m| render_span(article, text, m)),
        content: render_span(article, text, s.content),
        content_parts: s
            .content_parts
            .iter()
            .map(|p| render_span(article, text, *p))
            .collect(),
    }
}

/// The `--json` line of one article.
pub fn render_json<'a>(article: &'a Article, text: &'a str, x: &'a Extraction) -> ArticleOut<'a> {
    ArticleOut {
        id: &article.id,
        title: &article.title,
        entities: x
            .entities
            .iter()
            .map(|e| render_entity(article, text, e))
            .collect(),
        statements: x
            .statements
            .iter()
            .map(|s| render_statement(article, text, s))
            .collect(),
    }
}

fn write_summary(
    out: &mut impl Write,
    article: &Article,
    text: &str,
    x: &Extraction,
) -> std::io::Result<()> {
    writeln!(out, "== {}  {}", article.id, article.title.trim())?;
    for e in &x.entities {
        let mut line = format!("  {:<6} {}", e.kind.as_str(), e.name);
        if let Some(c) = e.country.as_deref().filter(|c| *c != e.name) {
            line.push_str(&format!(" ({c})"));
        }
        line.push_str(&format!("  ×{}", e.mentions.len()));
        if !e.affiliations.is_empty() {
            line.push_str(&format!("  [{}]", e.affiliations.join(", ")));
        }
        if let Some(r) = e.roles.first() {
            line.push_str(&format!("  — {r}"));
        }
        writeln!(out, "{line}")?;
    }
    for s in &x.statements {
        let who = s.speaker.as_deref().unwrap_or("(unnamed)");
        let content: String = s.content.slice(text).chars().take(160).collect();
        let quote = if s.direct { "\"" } else { "" };
        writeln!(out, "  said   {who}: {quote}{}{quote}", content.trim())?;
    }
    writeln!(out)
}
