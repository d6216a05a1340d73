//! `newsdex eval ner`: NER evaluation, conlleval-style (exact-match chunks).
use super::tag::{for_each_doc, input_scheme, read_input, tag_lines};
use super::ExitCode;
use newsdex::extract::ner::conll::Score;
use newsdex::extract::ner::Tagger;
use std::io::Write;
use std::time::Instant;

pub fn run(
    file: &std::path::Path,
    model: &std::path::Path,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let t0 = Instant::now();
    let tagger = Tagger::load(model)?;
    let load = t0.elapsed();
    let text = read_input(file)?;
    let scheme = input_scheme(&text);
    let mut score = Score::default();
    let t1 = Instant::now();
    for_each_doc(&text, |item| {
        let Ok(lines) = item else { return Ok(()) };
        let pred = tag_lines(&tagger, lines, scheme);
        // Sentence by sentence, so that no chunk spans a boundary.
        let (mut gold_s, mut pred_s): (Vec<&str>, Vec<String>) = (Vec::new(), Vec::new());
        for (l, p) in lines.iter().zip(pred) {
            let cols: Vec<&str> = l.split_whitespace().collect();
            match (p, cols.first()) {
                (Some(p), Some(_)) => {
                    let gold = if cols.len() >= 2 {
                        cols.last().copied().unwrap_or("O")
                    } else {
                        "O"
                    };
                    gold_s.push(gold);
                    pred_s.push(p);
                }
                _ => {
                    score.add(&gold_s, &pred_s);
                    gold_s.clear();
                    pred_s.clear();
                }
            }
        }
        score.add(&gold_s, &pred_s);
        Ok(())
    })?;
    let secs = t1.elapsed().as_secs_f64();
    if json {
        let mut v = score.to_json();
        if let Some(o) = v.as_object_mut() {
            o.insert("model_load_ms".into(), (load.as_secs_f64() * 1000.0).into());
            o.insert("tagging_seconds".into(), secs.into());
        }
        // write!, not println!: a closed pipe (`| head`) is an error that
        // main treats as normal, println! would panic.
        writeln!(
            std::io::stdout().lock(),
            "{}",
            serde_json::to_string_pretty(&v)?
        )?;
    } else {
        write!(std::io::stdout().lock(), "{}", score.report())?;
        eprintln!(
            "model loaded in {:.0} ms; tagged {} tokens in {:.2}s ({:.0} tokens/s, including I/O)",
            load.as_secs_f64() * 1000.0,
            score.tokens,
            secs,
            score.tokens as f64 / secs.max(1e-9)
        );
    }
    Ok(ExitCode::Ok)
}
