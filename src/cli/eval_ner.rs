//! `newsdex eval ner`: NER evaluation.
use super::ExitCode;

pub fn run(
    file: &std::path::Path,
    model: &std::path::Path,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let _ = (file, model, json);
    anyhow::bail!("`eval ner` is not built yet")
}
