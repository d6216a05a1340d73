//! Reader for the GMB named-entity CSV (`Sentence #,Word,POS,Tag`,
//! Windows-1252, IOB2 over GMB's own types), mapped to CoNLL types.

use std::io::Read;
use std::path::Path;

use anyhow::Context;

use super::lexicon::Gazetteer;
use super::train::{LabelledDoc, LabelledSentence};
use super::NerType;

/// Windows-1252 code points for bytes 0x80–0x9F (the rest is Latin-1).
const CP1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn decode_cp1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252.get(usize::from(b - 0x80)).copied().unwrap_or('?'),
            _ => char::from(b),
        })
        .collect()
}

/// Split one CSV line into fields (double quotes, `""` escapes).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// Map one GMB name to a CoNLL type: nationality adjectives and plurals
/// (`gpe` tagged JJ/NNS: "Iraqi", "Afghans") are MISC in CoNLL, country
/// names LOC; time expressions are not names.
fn map_type(gmb: &str, first_pos: &str) -> Option<NerType> {
    match gmb {
        "per" => Some(NerType::Per),
        "org" => Some(NerType::Org),
        "geo" => Some(NerType::Loc),
        "gpe" if first_pos.starts_with("NNP") && first_pos != "NNPS" => Some(NerType::Loc),
        "gpe" | "art" | "eve" | "nat" => Some(NerType::Misc),
        _ => None,
    }
}

/// Sentences per pseudo-document: GMB has no document boundaries, but
/// neighbouring sentences mostly come from the same story.
const SENTENCES_PER_DOC: usize = 10;

/// Read the GMB CSV (plain or gzipped) as labelled pseudo-documents.
pub fn read(path: &Path) -> anyhow::Result<Vec<LabelledDoc>> {
    let raw = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let bytes = if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(raw.as_slice())
            .read_to_end(&mut out)
            .with_context(|| format!("cannot decompress {}", path.display()))?;
        out
    } else {
        raw
    };
    let text = decode_cp1252(&bytes);
    let mut sentences: Vec<LabelledSentence> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut pos: Vec<String> = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let flush = |words: &mut Vec<String>,
                 pos: &mut Vec<String>,
                 tags: &mut Vec<String>,
                 out: &mut Vec<LabelledSentence>| {
        if words.is_empty() {
            return;
        }
        let names = super::conll::chunks(tags)
            .into_iter()
            .filter_map(|(s, e, ty)| {
                let p = pos.get(s).map_or("", String::as_str);
                map_type(&ty, p).map(|t| (s, e, t))
            })
            .collect();
        out.push(LabelledSentence {
            words: std::mem::take(words),
            names,
        });
        pos.clear();
        tags.clear();
    };
    for line in text.lines().skip(1) {
        let f = csv_fields(line.trim_end_matches('\r'));
        let [sent, word, p, tag] = f.as_slice() else {
            continue;
        };
        if !sent.trim().is_empty() {
            flush(&mut words, &mut pos, &mut tags, &mut sentences);
        }
        if word.is_empty() {
            continue;
        }
        words.push(word.clone());
        pos.push(p.clone());
        tags.push(tag.clone());
    }
    flush(&mut words, &mut pos, &mut tags, &mut sentences);
    let mut docs = Vec::new();
    let mut it = sentences.into_iter().peekable();
    while it.peek().is_some() {
        docs.push(LabelledDoc {
            sentences: it.by_ref().take(SENTENCES_PER_DOC).collect(),
        });
    }
    Ok(docs)
}

/// A gazetteer of every capitalised name in `docs`.
pub fn gazetteer(docs: &[LabelledDoc]) -> Gazetteer {
    let mut g = Gazetteer::default();
    for s in docs.iter().flat_map(|d| &d.sentences) {
        for &(a, b, ty) in &s.names {
            let Some(toks) = s.words.get(a..b) else {
                continue;
            };
            if toks
                .first()
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase)
            {
                g.add(toks, ty as u8);
            }
        }
    }
    g
}

/// A gazetteer of the knowledge base's names and aliases (people PER,
/// organisations ORG, places LOC) and demonyms (MISC, as CoNLL tags
/// "German" or "Iraqis").
pub fn kb_gazetteer(kb: &crate::extract::kb::KnowledgeBase) -> Gazetteer {
    use crate::extract::EntityKind;
    let mut g = Gazetteer::default();
    for (_, e) in kb.entries() {
        let ty = match e.kind {
            EntityKind::Person => NerType::Per,
            EntityKind::Org => NerType::Org,
            EntityKind::Place => NerType::Loc,
        };
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            let toks = super::distrib::tokenize(name);
            let toks: Vec<&str> = toks.into_iter().skip_while(|t| *t == "the").collect();
            if toks
                .first()
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase)
            {
                g.add(&toks, ty as u8);
            }
        }
        for d in &e.demonyms {
            g.add(&super::distrib::tokenize(d), NerType::Misc as u8);
        }
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_and_encoding() {
        assert_eq!(csv_fields(r#","""",``,O"#), vec!["", "\"", "``", "O"]);
        assert_eq!(
            csv_fields(",\"10,000\",CD,O"),
            vec!["", "10,000", "CD", "O"]
        );
        assert_eq!(decode_cp1252(&[0x92, b'a', 0xE9]), "’aé");
        assert_eq!(map_type("gpe", "JJ"), Some(NerType::Misc));
        assert_eq!(map_type("gpe", "NNP"), Some(NerType::Loc));
        assert_eq!(map_type("tim", "NNP"), None);
    }
}
