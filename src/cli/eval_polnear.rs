//! `newsdex eval polnear`: statements against PolNeAR brat attributions.
//!
//! Every annotation file is its own gold set (a text annotated twice is
//! scored twice): both annotators' readings are legitimate, and choosing one
//! would need a rule the held-out split may not share. Offsets in the .ann
//! files count code points; the system's byte spans are converted to code
//! points before comparing.
//!
//! A system statement matches a gold attribution when their content spans
//! overlap by at least half of the longer one (characters, over the union of
//! discontinuous gold pieces); matching is one-to-one, greedy by overlap.
//! Speaker accuracy is over matched pairs whose gold attribution has a
//! source: right when the system's speaker mention overlaps the gold source,
//! or the system's resolved speaker is the gold source's entity or is named
//! in it (a surname is enough: "Mr. Trump" names Donald Trump).

use super::ExitCode;
use anyhow::Context;
use newsdex::extract::{entities, kb::KnowledgeBase, statements, text::Doc, Entity, Statement};
use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

/// Code-point spans of one gold attribution.
#[derive(Debug, Clone)]
struct Gold {
    content: Vec<(usize, usize)>,
    source: Vec<(usize, usize)>,
    cue: Vec<(usize, usize)>,
}

/// Parses brat `T` and `E` lines; ignores everything else (notes, text
/// continuation lines of multi-line spans).
fn parse_ann(ann: &str) -> Vec<Gold> {
    let mut spans: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') && id[1..].chars().all(|c| c.is_ascii_digit()) && id.len() > 1 {
            let Some((_, offsets)) = body.split_once(' ') else {
                continue;
            };
            let pieces: Vec<(usize, usize)> = offsets
                .split(';')
                .filter_map(|p| {
                    let mut it = p.split_whitespace();
                    let a = it.next()?.parse().ok()?;
                    let b = it.next()?.parse().ok()?;
                    (b > a).then_some((a, b))
                })
                .collect();
            spans.insert(id, pieces);
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    events
        .into_iter()
        .filter_map(|body| {
            let mut content = None;
            let mut source = Vec::new();
            let mut cue = Vec::new();
            for arg in body.split_whitespace() {
                let Some((role, t)) = arg.split_once(':') else {
                    continue;
                };
                match role {
                    "Content" => content = spans.get(t).cloned(),
                    "Source" => source = spans.get(t).cloned().unwrap_or_default(),
                    "Cue" => cue = spans.get(t).cloned().unwrap_or_default(),
                    _ => {}
                }
            }
            let content = content.filter(|c| !c.is_empty())?;
            Some(Gold {
                content,
                source,
                cue,
            })
        })
        .collect()
}

/// Byte offset → code-point index, for one text.
struct CharIndex(Vec<usize>);

impl CharIndex {
    fn new(text: &str) -> CharIndex {
        CharIndex(text.char_indices().map(|(b, _)| b).collect())
    }
    fn of(&self, byte: usize) -> usize {
        self.0.partition_point(|&b| b < byte)
    }
}

fn overlap(a: (usize, usize), pieces: &[(usize, usize)]) -> usize {
    pieces
        .iter()
        .map(|&(s, e)| e.min(a.1).saturating_sub(s.max(a.0)))
        .sum()
}

fn total(pieces: &[(usize, usize)]) -> usize {
    pieces.iter().map(|(s, e)| e.saturating_sub(*s)).sum()
}

#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
struct Counts {
    system: usize,
    gold: usize,
    matched: usize,
    speaker_scored: usize,
    speaker_right: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.system += o.system;
        self.gold += o.gold;
        self.matched += o.matched;
        self.speaker_scored += o.speaker_scored;
        self.speaker_right += o.speaker_right;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores one text's system output against one gold set.
fn score(text: &str, idx: &CharIndex, sys: &[Statement], ents: &[Entity], gold: &[Gold]) -> Counts {
    // A broken quote is scored by its pieces, like a discontinuous gold span.
    let sys_spans: Vec<Vec<(usize, usize)>> = sys
        .iter()
        .map(|s| {
            let pieces = if s.content_parts.is_empty() {
                std::slice::from_ref(&s.content)
            } else {
                &s.content_parts[..]
            };
            pieces
                .iter()
                .map(|p| (idx.of(p.start), idx.of(p.end)))
                .collect()
        })
        .collect();
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (i, ss) in sys_spans.iter().enumerate() {
        for (j, g) in gold.iter().enumerate() {
            let ov: usize = ss.iter().map(|&p| overlap(p, &g.content)).sum();
            let longer = total(ss).max(total(&g.content));
            if ov > 0 && ov * 2 >= longer {
                pairs.push((ov, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let debug = std::env::var_os("NEWSDEX_POLNEAR_DEBUG").is_some();
    let mut sys_used = vec![false; sys.len()];
    let mut gold_used = vec![false; gold.len()];
    let mut c = Counts {
        system: sys.len(),
        gold: gold.len(),
        ..Counts::default()
    };
    let chars: Vec<char> = if debug {
        text.chars().collect()
    } else {
        Vec::new()
    };
    let show = |pieces: &[(usize, usize)]| -> String {
        pieces
            .iter()
            .map(|&(a, b)| {
                chars
                    .get(a..b.min(chars.len()))
                    .map(|c| c.iter().collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" || ")
            .replace('\n', " ")
    };
    for (_, i, j) in pairs {
        if sys_used[i] || gold_used[j] {
            continue;
        }
        sys_used[i] = true;
        gold_used[j] = true;
        c.matched += 1;
        if debug {
            let cue = sys[i].cue.map(|m| m.slice(text)).unwrap_or("");
            eprintln!("HIT\t{cue}");
        }
        let g = &gold[j];
        if g.source.is_empty() {
            continue;
        }
        c.speaker_scored += 1;
        if speaker_right(text, idx, &sys[i], ents, &g.source) {
            c.speaker_right += 1;
        } else if debug {
            let m = sys[i].speaker_mention.map(|m| m.slice(text)).unwrap_or("");
            eprintln!("SPEAKER\t{}\t{:?}\t{}", show(&g.source), sys[i].speaker, m);
        }
    }
    if debug {
        for (j, g) in gold.iter().enumerate() {
            if !gold_used[j] {
                let near = sys_spans
                    .iter()
                    .position(|ss| ss.iter().any(|&p| overlap(p, &g.content) > 0))
                    .map(|i| show(&sys_spans[i]))
                    .unwrap_or_default();
                // What stands between the source and the cue (`on Thursday
                // said`), or the reverse order marked `>`: frames that fail.
                let gap = match (g.source.first(), g.cue.first()) {
                    (Some(&(_, se)), Some(&(cs, _))) if se <= cs => show(&[(se, cs)]),
                    (Some(&(ss, _)), Some(&(_, ce))) if ce <= ss => {
                        format!(">{}", show(&[(ce, ss)]))
                    }
                    _ => String::from("-"),
                };
                eprintln!(
                    "MISS\t{}\t{}\t{}\tNEAR\t{}\tGAP\t{}",
                    show(&g.cue),
                    show(&g.source),
                    show(&g.content),
                    near,
                    gap
                );
            }
        }
        for (i, st) in sys.iter().enumerate() {
            if !sys_used[i] {
                let cue = st.cue.map(|m| m.slice(text)).unwrap_or("");
                let m = st.speaker_mention.map(|m| m.slice(text)).unwrap_or("");
                eprintln!(
                    "FALSE\t{}\t{}\t{}",
                    cue,
                    m,
                    st.content.slice(text).replace('\n', " ")
                );
            }
        }
    }
    c
}

fn speaker_right(
    text: &str,
    idx: &CharIndex,
    st: &Statement,
    ents: &[Entity],
    source: &[(usize, usize)],
) -> bool {
    if let Some(m) = st.speaker_mention {
        if overlap((idx.of(m.start), idx.of(m.end)), source) > 0 {
            return true;
        }
    }
    let Some(name) = &st.speaker else {
        return false;
    };
    // The gold source is a mention of the same entity.
    let same_entity = ents.iter().any(|e| {
        &e.name == name
            && e.mentions
                .iter()
                .any(|m| overlap((idx.of(m.start), idx.of(m.end)), source) > 0)
    });
    if same_entity {
        return true;
    }
    let chars: Vec<char> = text.chars().collect();
    let gold_text: String = source
        .iter()
        .map(|&(a, b)| {
            chars
                .get(a..b.min(chars.len()))
                .map(|c| c.iter().collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let surname = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
    surname.chars().count() > 2
        && gold_text
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| w == surname)
}

/// One JSON line: the text's name and its statements in code points.
fn dump_text(
    out: &mut impl std::io::Write,
    name: &str,
    text: &str,
    sys: &[Statement],
) -> anyhow::Result<()> {
    let idx = CharIndex::new(text);
    let cp = |s: newsdex::extract::Span| [idx.of(s.start), idx.of(s.end)];
    let statements: Vec<_> = sys
        .iter()
        .map(|s| {
            serde_json::json!({
                "content": cp(s.content),
                "parts": s.content_parts.iter().map(|p| cp(*p)).collect::<Vec<_>>(),
                "cue": s.cue.map(cp),
                "source": s.speaker_mention.map(cp),
                "speaker": s.speaker,
            })
        })
        .collect();
    let line = serde_json::json!({ "name": name, "statements": statements });
    writeln!(out, "{line}")?;
    Ok(())
}

pub fn run(dir: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let ann_dir = dir.join("attributions");
    let text_dir = dir.join("text");
    let mut anns: Vec<_> = std::fs::read_dir(&ann_dir)
        .with_context(|| format!("reading {}", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    if anns.is_empty() {
        anyhow::bail!("no .ann files in {}", ann_dir.display());
    }
    let kb = KnowledgeBase::builtin()?;
    let mut cache: HashMap<String, (String, Vec<Statement>, Vec<Entity>)> = HashMap::new();
    let mut counts = Counts::default();
    let (mut t_statements, mut t_total) = (Duration::ZERO, Duration::ZERO);
    let mut bytes = 0usize;
    let mut texts = 0usize;
    // Tuning aid: every text's statements as JSON lines (code points).
    let mut dump = match std::env::var_os("NEWSDEX_POLNEAR_DUMP") {
        Some(p) => Some(std::io::BufWriter::new(
            std::fs::File::create(&p).with_context(|| format!("creating {p:?}"))?,
        )),
        None => None,
    };
    for ann_path in &anns {
        let stem = ann_path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        // NAME_XXXX.ann annotates text/NAME.txt.
        let name = stem
            .rsplit_once('_')
            .map(|(n, _)| n)
            .unwrap_or(stem)
            .to_string();
        if !cache.contains_key(&name) {
            let path = text_dir.join(format!("{name}.txt"));
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            let t0 = Instant::now();
            let doc = Doc::analyze(&text);
            let ents = entities::extract(&doc, &kb, None, None);
            let t1 = Instant::now();
            let sys = statements::extract(&doc, &ents, &kb, None);
            t_statements += t1.elapsed();
            t_total += t0.elapsed();
            bytes += text.len();
            texts += 1;
            drop(doc);
            if let Some(out) = dump.as_mut() {
                dump_text(out, &name, &text, &sys)?;
            }
            cache.insert(name.clone(), (text, sys, ents));
        }
        let Some((text, sys, ents)) = cache.get(&name) else {
            continue;
        };
        let ann = std::fs::read_to_string(ann_path)
            .with_context(|| format!("reading {}", ann_path.display()))?;
        let gold = parse_ann(&ann);
        let idx = CharIndex::new(text);
        counts.add(score(text, &idx, sys, ents, &gold));
    }
    let p = ratio(counts.matched, counts.system);
    let r = ratio(counts.matched, counts.gold);
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let sa = ratio(counts.speaker_right, counts.speaker_scored);
    let mb_s = |d: Duration| bytes as f64 / 1e6 / d.as_secs_f64().max(1e-9);
    if json {
        let v = serde_json::json!({
            "texts": texts,
            "annotation_files": anns.len(),
            "counts": counts,
            "precision": p,
            "recall": r,
            "f1": f,
            "speaker_accuracy": sa,
            "statements_seconds": t_statements.as_secs_f64(),
            "pipeline_seconds": t_total.as_secs_f64(),
            "bytes": bytes,
        });
        println!("{v}");
    } else {
        println!(
            "PolNeAR {}: {} texts, {} annotation files (each scored as its own gold set)",
            dir.display(),
            texts,
            anns.len()
        );
        println!("  gold attributions  {:>6}", counts.gold);
        println!("  system statements  {:>6}", counts.system);
        println!("  matched            {:>6}", counts.matched);
        println!("  precision          {:>6.1}%", p * 100.0);
        println!("  recall             {:>6.1}%", r * 100.0);
        println!("  F1                 {:>6.1}%", f * 100.0);
        println!(
            "  speaker accuracy   {:>6.1}%  ({} of {} matched pairs with a gold source)",
            sa * 100.0,
            counts.speaker_right,
            counts.speaker_scored
        );
        println!(
            "  time: statements {:.3}s ({:.1} MB/s), whole pipeline {:.3}s ({:.1} MB/s) for {} bytes",
            t_statements.as_secs_f64(),
            mb_s(t_statements),
            t_total.as_secs_f64(),
            mb_s(t_total),
            bytes
        );
    }
    Ok(ExitCode::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdex::extract::{Span, SpeakerType};

    #[test]
    fn parses_discontinuous_and_multiline() {
        let ann = "T1\tSource 0 2\tHe\nT2\tContent 10 20;30 40\tabc\ndef\nT3\tCue 3 7\tsaid\nE1\tAttribution:T9 Content:T2 Cue:T3 Source:T1\n";
        let g = parse_ann(ann);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].content, vec![(10, 20), (30, 40)]);
        assert_eq!(g[0].source, vec![(0, 2)]);
    }

    #[test]
    fn matching_needs_half_of_longer_and_counts_code_points() {
        let text = "Ré said that the plan was bad.";
        let idx = CharIndex::new(text);
        let st = |a: usize, b: usize| Statement {
            speaker: Some("Ré".into()),
            speaker_type: SpeakerType::Person,
            affiliations: vec![],
            direct: false,
            speaker_mention: Some(Span::new(0, 3)),
            cue: None,
            content: Span::new(a, b),
            content_parts: vec![],
        };
        // "that the plan was bad" is bytes 9..30, code points 8..29.
        let gold = vec![Gold {
            content: vec![(8, 29)],
            source: vec![(0, 2)],
            cue: vec![],
        }];
        let c = score(text, &idx, &[st(9, 30)], &[], &gold);
        assert_eq!((c.matched, c.speaker_right), (1, 1));
        let c = score(text, &idx, &[st(9, 15)], &[], &gold);
        assert_eq!(c.matched, 0);
    }
}
