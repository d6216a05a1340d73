//! CoNLL-format reading, chunk semantics and a conlleval-compatible scorer.

use std::collections::BTreeMap;

use serde::Serialize;

use super::NerType;

/// A `-DOCSTART-` line (first column), which separates documents.
pub fn is_docstart(line: &str) -> bool {
    line.split_whitespace().next() == Some("-DOCSTART-")
}

/// One sentence of a CoNLL file: words (first column) and, when the line has
/// at least two columns, the last column (the gold tag).
#[derive(Debug, Clone, Default)]
pub struct ConllSentence {
    pub words: Vec<String>,
    pub tags: Vec<String>,
}

/// A document: the sentences between two `-DOCSTART-` lines.
#[derive(Debug, Clone, Default)]
pub struct ConllDoc {
    pub sentences: Vec<ConllSentence>,
}

/// Parse CoNLL text into documents. Whitespace-only lines end a sentence;
/// a file without `-DOCSTART-` lines is one document.
pub fn parse(text: &str) -> Vec<ConllDoc> {
    let mut docs = Vec::new();
    let mut doc = ConllDoc::default();
    let mut sent = ConllSentence::default();
    for line in text.lines() {
        if is_docstart(line) {
            if !sent.words.is_empty() {
                doc.sentences.push(std::mem::take(&mut sent));
            }
            if !doc.sentences.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        match cols.first() {
            None => {
                if !sent.words.is_empty() {
                    doc.sentences.push(std::mem::take(&mut sent));
                }
            }
            Some(w) => {
                sent.words.push((*w).to_string());
                let tag = if cols.len() >= 2 {
                    cols.last().copied().unwrap_or("O")
                } else {
                    "O"
                };
                sent.tags.push(tag.to_string());
            }
        }
    }
    if !sent.words.is_empty() {
        doc.sentences.push(sent);
    }
    if !doc.sentences.is_empty() {
        docs.push(doc);
    }
    docs
}

/// Split a tag such as `B-PER` into its prefix and type (conlleval rules:
/// anything that is not `X-TYPE` counts as outside).
fn split_tag(tag: &str) -> (char, &str) {
    match tag.split_once('-') {
        Some((p, ty)) if p.chars().count() == 1 && !ty.is_empty() => {
            let c = p.chars().next().unwrap_or('O');
            let c = match c {
                'S' | 'U' => 'B',
                'L' => 'E',
                other => other,
            };
            (c, ty)
        }
        _ => ('O', ""),
    }
}

fn end_of_chunk(prev: char, cur: char, prev_ty: &str, ty: &str) -> bool {
    matches!(
        (prev, cur),
        ('B', 'B') | ('B', 'O') | ('I', 'B') | ('I', 'O') | ('E', 'E') | ('E', 'I') | ('E', 'O')
    ) || (prev != 'O' && prev != '.' && prev_ty != ty)
}

fn start_of_chunk(prev: char, cur: char, prev_ty: &str, ty: &str) -> bool {
    matches!(
        (prev, cur),
        ('B', 'B') | ('I', 'B') | ('O', 'B') | ('O', 'I') | ('E', 'E') | ('E', 'I') | ('O', 'E')
    ) || (cur != 'O' && cur != '.' && prev_ty != ty)
}

/// Chunks `[start, end)` with their type, exactly as conlleval reads a tag
/// sequence (IOB1, IOB2 and IOBES all work).
pub fn chunks<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let (mut prev, mut prev_ty) = ('O', String::new());
    for (i, t) in tags.iter().enumerate() {
        let (cur, ty) = split_tag(t.as_ref());
        if end_of_chunk(prev, cur, &prev_ty, ty) {
            if let Some((s, oty)) = open.take() {
                out.push((s, i, oty));
            }
        }
        if start_of_chunk(prev, cur, &prev_ty, ty) {
            open = Some((i, ty.to_string()));
        }
        prev = cur;
        prev_ty = ty.to_string();
    }
    if let Some((s, oty)) = open {
        out.push((s, tags.len(), oty));
    }
    out
}

/// Tag scheme of CoNLL tags written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagScheme {
    /// CoNLL-2003's own: `I-` everywhere, `B-` only between two adjacent
    /// names of the same type.
    Iob1,
    /// `B-` on the first token of every name.
    Iob2,
}

/// Which scheme a gold tag column uses; `None` when it does not tell (no
/// tags, or only single-token names of one kind that fit both).
pub fn detect_scheme<S: AsRef<str>>(tags: &[S]) -> Option<TagScheme> {
    let (mut iob1, mut iob2) = (0usize, 0usize);
    let mut prev = ('O', String::new());
    for t in tags {
        let (c, ty) = split_tag(t.as_ref());
        let continues = prev.0 != 'O' && prev.1 == ty;
        match c {
            'I' if !continues => iob1 += 1,
            'B' if !continues => iob2 += 1,
            _ => {}
        }
        prev = (c, ty.to_string());
    }
    match (iob1, iob2) {
        (0, 0) => None,
        (a, b) if a >= b => Some(TagScheme::Iob1),
        _ => Some(TagScheme::Iob2),
    }
}

/// Tags for `n` tokens holding the (non-overlapping, sorted) `spans`.
pub fn spans_to_tags(
    n: usize,
    spans: &[(usize, usize, NerType)],
    scheme: TagScheme,
) -> Vec<String> {
    let mut tags = vec!["O".to_string(); n];
    let mut prev_end: Option<(usize, NerType)> = None;
    for &(s, e, ty) in spans {
        let adjacent_same = prev_end == Some((s, ty));
        for (k, slot) in tags.iter_mut().enumerate().take(e.min(n)).skip(s) {
            let p = if k == s && (scheme == TagScheme::Iob2 || adjacent_same) {
                "B"
            } else {
                "I"
            };
            *slot = format!("{p}-{}", ty.as_str());
        }
        prev_end = Some((e, ty));
    }
    tags
}

/// Counts for one type or overall.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Counts {
    pub gold: usize,
    pub found: usize,
    pub correct: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        pct(self.correct, self.found)
    }
    pub fn recall(&self) -> f64 {
        pct(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// conlleval-style accumulated scores.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub tokens: usize,
    pub correct_tags: usize,
    pub overall: Counts,
    pub by_type: BTreeMap<String, Counts>,
}

impl Score {
    /// Add one sentence: gold and guessed tags, token by token.
    pub fn add<S: AsRef<str>, T: AsRef<str>>(&mut self, gold: &[S], guess: &[T]) {
        self.tokens += gold.len();
        self.correct_tags += gold
            .iter()
            .zip(guess)
            .filter(|(g, p)| g.as_ref() == p.as_ref())
            .count();
        let g = chunks(gold);
        let p = chunks(guess);
        for c in &g {
            self.overall.gold += 1;
            self.by_type.entry(c.2.clone()).or_default().gold += 1;
        }
        for c in &p {
            self.overall.found += 1;
            let e = self.by_type.entry(c.2.clone()).or_default();
            e.found += 1;
            if g.contains(c) {
                e.correct += 1;
                self.overall.correct += 1;
            }
        }
    }

    pub fn accuracy(&self) -> f64 {
        pct(self.correct_tags, self.tokens)
    }

    /// The report conlleval prints.
    pub fn report(&self) -> String {
        let mut s = format!(
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.\n",
            self.tokens, self.overall.gold, self.overall.found, self.overall.correct
        );
        s.push_str(&format!(
            "accuracy: {:6.2}%; precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}\n",
            self.accuracy(),
            self.overall.precision(),
            self.overall.recall(),
            self.overall.f1()
        ));
        for (ty, c) in &self.by_type {
            s.push_str(&format!(
                "{:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}\n",
                ty,
                c.precision(),
                c.recall(),
                c.f1(),
                c.found
            ));
        }
        s
    }

    /// The same figures as JSON.
    pub fn to_json(&self) -> serde_json::Value {
        let types: BTreeMap<&String, serde_json::Value> = self
            .by_type
            .iter()
            .map(|(k, c)| (k, counts_json(c)))
            .collect();
        serde_json::json!({
            "tokens": self.tokens,
            "accuracy": self.accuracy(),
            "overall": counts_json(&self.overall),
            "by_type": types,
        })
    }
}

fn counts_json(c: &Counts) -> serde_json::Value {
    serde_json::json!({
        "gold": c.gold, "found": c.found, "correct": c.correct,
        "precision": c.precision(), "recall": c.recall(), "f1": c.f1(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_chunks_follow_conlleval() {
        let tags = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG", "O"];
        let c = chunks(&tags);
        assert_eq!(
            c,
            vec![
                (0, 2, "PER".to_string()),
                (2, 3, "PER".to_string()),
                (4, 5, "LOC".to_string()),
                (5, 6, "ORG".to_string())
            ]
        );
        assert_eq!(detect_scheme(&tags), Some(TagScheme::Iob1));
        let iob2 = ["B-PER", "I-PER", "O", "B-LOC"];
        assert_eq!(detect_scheme(&iob2), Some(TagScheme::Iob2));
        assert_eq!(detect_scheme(&["O", "O"]), None);
    }

    #[test]
    fn spans_round_trip_in_both_schemes() {
        let spans = [
            (0, 2, NerType::Per),
            (2, 3, NerType::Per),
            (4, 5, NerType::Loc),
        ];
        for scheme in [TagScheme::Iob1, TagScheme::Iob2] {
            let tags = spans_to_tags(6, &spans, scheme);
            let back: Vec<(usize, usize)> = chunks(&tags).iter().map(|c| (c.0, c.1)).collect();
            assert_eq!(back, vec![(0, 2), (2, 3), (4, 5)]);
        }
        assert_eq!(
            spans_to_tags(3, &[(0, 1, NerType::Org)], TagScheme::Iob1)[0],
            "I-ORG"
        );
    }

    #[test]
    fn scorer_counts_exact_matches_only() {
        let mut s = Score::default();
        s.add(
            &["I-PER", "I-PER", "O", "I-LOC"],
            &["I-PER", "O", "O", "I-LOC"],
        );
        assert_eq!(s.overall.gold, 2);
        assert_eq!(s.overall.found, 2);
        assert_eq!(s.overall.correct, 1);
        assert!((s.overall.f1() - 50.0).abs() < 1e-9);
        assert!(s.report().contains("FB1"));
    }

    #[test]
    fn parse_handles_docstart_and_blank_lines() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n   \nPeter NNP I-NP I-PER\n\n-DOCSTART- -X- O O\nx\n";
        let docs = parse(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].tags, vec!["I-ORG", "O"]);
        assert_eq!(docs[1].sentences[0].tags, vec!["O"]);
        assert!(parse("").is_empty());
    }
}
