//! `newsdex tag`: tag CoNLL-format text.
use super::ExitCode;
use anyhow::Context;
use clap::Args;
use newsdex::extract::ner::conll::{self, TagScheme};
use newsdex::extract::ner::Tagger;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct TagArgs {
    /// CoNLL-format input (first column the word); `-` for standard input.
    /// Each token line is written back with the predicted tag appended as a
    /// last column, in the input's own scheme (IOB1, as CoNLL-2003, unless
    /// its last column is IOB2), ready for conlleval.
    #[arg(long)]
    pub conll: PathBuf,
    /// Model file.
    #[arg(long, default_value = "models/ner.bin")]
    pub model: PathBuf,
}

/// Read a file, or standard input for `-`, lossily as UTF-8.
pub(super) fn read_input(path: &Path) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
    } else {
        bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The scheme of the input's last column, IOB1 when it does not tell.
pub(super) fn input_scheme(text: &str) -> TagScheme {
    let tags: Vec<&str> = text
        .lines()
        .filter(|l| !conll::is_docstart(l))
        .filter_map(|l| {
            let mut cols = l.split_whitespace();
            cols.next()?;
            cols.last()
        })
        .collect();
    conll::detect_scheme(&tags).unwrap_or(TagScheme::Iob1)
}

/// Predicted tags of one document's lines: one entry per line, `None` for
/// lines that are not tokens (blank or whitespace only).
pub(super) fn tag_lines(tagger: &Tagger, lines: &[&str], scheme: TagScheme) -> Vec<Option<String>> {
    let mut sentences: Vec<Vec<&str>> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for l in lines {
        match l.split_whitespace().next() {
            Some(w) => cur.push(w),
            None => {
                if !cur.is_empty() {
                    sentences.push(std::mem::take(&mut cur));
                }
            }
        }
    }
    if !cur.is_empty() {
        sentences.push(cur);
    }
    let spans = tagger.tag_document(&sentences);
    let mut tags = sentences
        .iter()
        .zip(&spans)
        .flat_map(|(s, sp)| conll::spans_to_tags(s.len(), sp, scheme));
    lines
        .iter()
        .map(|l| {
            if l.split_whitespace().next().is_some() {
                Some(tags.next().unwrap_or_else(|| "O".to_string()))
            } else {
                None
            }
        })
        .collect()
}

/// Split input into documents at `-DOCSTART-` lines; `f` gets each
/// document's lines, or the DOCSTART line itself.
pub(super) fn for_each_doc<'a>(
    text: &'a str,
    mut f: impl FnMut(Result<&[&'a str], &'a str>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut doc: Vec<&str> = Vec::new();
    for line in text.lines() {
        if conll::is_docstart(line) {
            if !doc.is_empty() {
                f(Ok(&doc))?;
                doc.clear();
            }
            f(Err(line))?;
        } else {
            doc.push(line);
        }
    }
    if !doc.is_empty() {
        f(Ok(&doc))?;
    }
    Ok(())
}

pub fn run(args: TagArgs) -> anyhow::Result<ExitCode> {
    let tagger = Tagger::load(&args.model)?;
    let text = read_input(&args.conll)?;
    let scheme = input_scheme(&text);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for_each_doc(&text, |item| {
        match item {
            Err(docstart) => writeln!(out, "{docstart}")?,
            Ok(lines) => {
                let tags = tag_lines(&tagger, lines, scheme);
                for (l, t) in lines.iter().zip(tags) {
                    match t {
                        Some(t) => writeln!(out, "{} {t}", l.trim_end())?,
                        None => writeln!(out, "{l}")?,
                    }
                }
            }
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(ExitCode::Ok)
}
