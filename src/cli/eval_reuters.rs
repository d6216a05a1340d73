//! `newsdex eval reuters`: Reuters evaluation.
use super::ExitCode;

pub fn run(paths: &[std::path::PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let _ = (paths, json);
    anyhow::bail!("`eval reuters` is not built yet")
}
