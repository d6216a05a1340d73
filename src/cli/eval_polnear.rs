//! `newsdex eval polnear`: PolNeAR evaluation.
use super::ExitCode;

pub fn run(dir: &std::path::Path, json: bool) -> anyhow::Result<ExitCode> {
    let _ = (dir, json);
    anyhow::bail!("`eval polnear` is not built yet")
}
