//! Rendering search results for people (a terminal or a pipe) and for scripts
//! (`--json`).

use std::io::Write;

use serde_json::{json, Value};

use super::{Hit, SearchResults};

/// Human-readable labels of the facet roots, in display order.
const FACET_LABELS: &[(&str, &str)] = &[
    ("source", "Sources"),
    ("month", "Per month"),
    ("person", "People"),
    ("org", "Organisations"),
    ("place", "Places"),
    ("affiliation", "Affiliations"),
    ("speaker", "Speakers"),
];

/// Wrap `s` in ANSI bold when `on`.
fn bold(s: &str, on: bool) -> String {
    if on {
        format!("\x1b[1m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

/// The snippet with its highlighted ranges in bold (terminal) or left plain.
fn snippet_text(hit: &Hit, color: bool) -> String {
    if !color || hit.highlights.is_empty() {
        return flatten(&hit.snippet);
    }
    let mut out = String::new();
    let mut last = 0;
    for &(s, e) in &hit.highlights {
        let (Some(before), Some(mid)) = (hit.snippet.get(last..s), hit.snippet.get(s..e)) else {
            continue;
        };
        out.push_str(before);
        out.push_str(&bold(mid, true));
        last = e;
    }
    out.push_str(hit.snippet.get(last..).unwrap_or(""));
    flatten(&out)
}

fn flatten(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn meta_str<'a>(meta: &'a Value, key: &str) -> Option<&'a str> {
    meta.get(key).and_then(Value::as_str)
}

fn meta_list(meta: &Value, key: &str) -> Vec<String> {
    meta.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Plain-text results: header, hits, facet counts.
pub fn print_text(
    out: &mut dyn Write,
    header: &str,
    res: &SearchResults,
    offset: usize,
    color: bool,
) -> std::io::Result<()> {
    writeln!(out, "{header}")?;
    for (i, hit) in res.hits.iter().enumerate() {
        writeln!(out)?;
        let n = offset + i + 1;
        if hit.kind == "statement" {
            print_statement(out, n, hit, color)?;
        } else {
            print_article(out, n, hit, color)?;
        }
    }
    let mut first = true;
    for (root, label) in FACET_LABELS {
        let Some(values) = res.facets.get(*root) else {
            continue;
        };
        if values.is_empty() {
            continue;
        }
        if first {
            writeln!(out)?;
            first = false;
        }
        let list: Vec<String> = values.iter().map(|(v, c)| format!("{v} ({c})")).collect();
        writeln!(out, "{}: {}", bold(label, color), list.join(" · "))?;
    }
    Ok(())
}

fn print_article(out: &mut dyn Write, n: usize, hit: &Hit, color: bool) -> std::io::Result<()> {
    let title = if hit.title.is_empty() {
        "(untitled)"
    } else {
        hit.title.as_str()
    };
    writeln!(out, "{n:>3}. {}", bold(title, color))?;
    writeln!(out, "     {}", byline(hit))?;
    print_copies(out, hit)?;
    if !hit.snippet.is_empty() {
        writeln!(out, "     {}", snippet_text(hit, color))?;
    }
    if let Some(a) = hit.attribution.as_deref() {
        writeln!(out, "     {}", flatten(a))?;
    }
    Ok(())
}

fn print_statement(out: &mut dyn Write, n: usize, hit: &Hit, color: bool) -> std::io::Result<()> {
    let speaker = meta_str(&hit.meta, "speaker")
        .or_else(|| meta_str(&hit.meta, "speaker_mention"))
        .unwrap_or("(unnamed source)");
    let mut line = bold(speaker, color);
    let roles = meta_list(&hit.meta, "roles");
    if let Some(r) = roles.first() {
        line.push_str(&format!(", {r}"));
    }
    let affs = meta_list(&hit.meta, "affiliations");
    if !affs.is_empty() {
        line.push_str(&format!(" [{}]", affs.join("; ")));
    }
    writeln!(out, "{n:>3}. {line}")?;
    let direct = hit
        .meta
        .get("direct")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    // The whole quote is in --json; a terminal gets the start of a long one.
    let quote = super::lead(&hit.body, 600);
    if direct {
        writeln!(out, "     “{quote}”")?;
    } else {
        writeln!(out, "     {quote}")?;
    }
    writeln!(out, "     {}", byline(hit))?;
    print_copies(out, hit)?;
    if !hit.title.is_empty() {
        writeln!(out, "     in: {}", hit.title)?;
    }
    if let Some(a) = hit.attribution.as_deref() {
        writeln!(out, "     {}", flatten(a))?;
    }
    Ok(())
}

/// The other documents that carry the same words, by article id.
fn print_copies(out: &mut dyn Write, hit: &Hit) -> std::io::Result<()> {
    const SHOWN: usize = 3;
    if hit.copies.is_empty() {
        return Ok(());
    }
    let ids: Vec<&str> = hit
        .copies
        .iter()
        .take(SHOWN)
        .map(|id| id.split_once("#s").map_or(id.as_str(), |(a, _)| a))
        .collect();
    let more = hit.copies.len().saturating_sub(SHOWN);
    let tail = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    let n = hit.copies.len();
    let noun = if n == 1 { "copy" } else { "copies" };
    writeln!(out, "     also in ({n} {noun}): {}{tail}", ids.join(", "))
}

fn byline(hit: &Hit) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.push(hit.date.clone().unwrap_or_else(|| "undated".into()));
    if let Some(s) = &hit.source {
        parts.push(s.clone());
    }
    parts.push(if hit.kind == "statement" {
        format!("article {}", hit.article_id)
    } else {
        hit.id.clone()
    });
    if let Some(u) = &hit.url {
        parts.push(u.clone());
    }
    parts.join(" · ")
}

/// One hit as JSON: the common keys, plus the statement keys for statements.
pub fn hit_json(hit: &Hit) -> Value {
    let mut v = json!({
        "id": hit.id,
        "kind": hit.kind,
        "title": hit.title,
        "date": hit.date,
        "source": hit.source,
        "url": hit.url,
        "score": hit.score,
        "snippet": flatten(&hit.snippet),
        "attribution": hit.attribution,
        "article_id": hit.article_id,
        "copies": hit.copies,
    });
    if hit.kind == "statement" {
        if let Some(obj) = v.as_object_mut() {
            let m = &hit.meta;
            obj.insert("text".into(), json!(hit.body));
            obj.insert(
                "speaker".into(),
                m.get("speaker").cloned().unwrap_or(Value::Null),
            );
            obj.insert(
                "speaker_type".into(),
                m.get("speaker_type").cloned().unwrap_or(Value::Null),
            );
            obj.insert(
                "speaker_mention".into(),
                m.get("speaker_mention").cloned().unwrap_or(Value::Null),
            );
            obj.insert("roles".into(), json!(meta_list(m, "roles")));
            obj.insert("affiliations".into(), json!(meta_list(m, "affiliations")));
            obj.insert(
                "direct".into(),
                m.get("direct").cloned().unwrap_or(Value::Null),
            );
            obj.insert("cue".into(), m.get("cue").cloned().unwrap_or(Value::Null));
        }
    } else if let Some(ents) = hit.meta.get("entities") {
        if let Some(obj) = v.as_object_mut() {
            obj.insert("entities".into(), ents.clone());
        }
    }
    v
}

/// Facet counts as `{root: [{"value", "count"}]}`.
pub fn facets_json(res: &SearchResults) -> Value {
    let mut m = serde_json::Map::new();
    for (root, values) in &res.facets {
        m.insert(
            root.clone(),
            Value::Array(
                values
                    .iter()
                    .map(|(v, c)| json!({"value": v, "count": c}))
                    .collect(),
            ),
        );
    }
    Value::Object(m)
}
