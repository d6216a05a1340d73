//! The tantivy index: schema, documents, and the incremental writer.

pub mod analyzer;
pub mod document;
pub mod schema;
pub mod writer;

use std::path::{Path, PathBuf};

use anyhow::Context;
use tantivy::{Index, IndexReader, ReloadPolicy};

pub use schema::{build_schema, Fields, SCHEMA_VERSION};

/// File written next to tantivy's own files, recording which newsdex schema
/// built the index.
const STAMP_FILE: &str = "newsdex.json";

/// An opened newsdex index.
pub struct NewsIndex {
    pub index: Index,
    pub fields: Fields,
    pub dir: PathBuf,
}

impl NewsIndex {
    /// True when `dir` holds a (committed) tantivy index.
    pub fn exists(dir: &Path) -> bool {
        dir.join("meta.json").is_file()
    }

    /// Open an existing index for reading or writing.
    pub fn open(dir: &Path) -> anyhow::Result<NewsIndex> {
        if !Self::exists(dir) {
            anyhow::bail!(
                "no index at {}: build one with `newsdex index [PATH...] --index {}`",
                dir.display(),
                dir.display()
            );
        }
        check_stamp(dir)?;
        let index = Index::open_in_dir(dir).with_context(|| {
            format!(
                "cannot open the index at {} (damaged or not a newsdex index; \
                 `newsdex index --rebuild` builds it again)",
                dir.display()
            )
        })?;
        analyzer::register(&index);
        let fields = Fields::from_schema(&index.schema())?;
        Ok(NewsIndex {
            index,
            fields,
            dir: dir.to_path_buf(),
        })
    }

    /// Open the index at `dir`, creating an empty one when there is none.
    pub fn open_or_create(dir: &Path) -> anyhow::Result<NewsIndex> {
        if Self::exists(dir) {
            return Self::open(dir);
        }
        if dir.exists() && !dir.is_dir() {
            anyhow::bail!("{} exists and is not a folder", dir.display());
        }
        if dir.is_dir() {
            let foreign = std::fs::read_dir(dir)
                .with_context(|| format!("cannot read {}", dir.display()))?
                .filter_map(|e| e.ok())
                .any(|e| !is_index_file(&e.file_name().to_string_lossy()));
            if foreign {
                anyhow::bail!(
                    "{} is not empty and holds no index; choose another --index folder",
                    dir.display()
                );
            }
        }
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create index folder {}", dir.display()))?;
        let index = Index::create_in_dir(dir, build_schema())
            .with_context(|| format!("cannot create an index in {}", dir.display()))?;
        write_stamp(dir)?;
        analyzer::register(&index);
        let fields = Fields::from_schema(&index.schema())?;
        Ok(NewsIndex {
            index,
            fields,
            dir: dir.to_path_buf(),
        })
    }

    /// Delete the index at `dir` (only if it is one) so it can be rebuilt.
    pub fn remove(dir: &Path) -> anyhow::Result<()> {
        if !dir.exists() {
            return Ok(());
        }
        let entries: Vec<_> = std::fs::read_dir(dir)
            .with_context(|| format!("cannot read {}", dir.display()))?
            .filter_map(|e| e.ok())
            .collect();
        if entries
            .iter()
            .any(|e| !is_index_file(&e.file_name().to_string_lossy()))
        {
            anyhow::bail!(
                "refusing to delete {}: it holds files that are not part of an index",
                dir.display()
            );
        }
        for e in entries {
            std::fs::remove_file(e.path())
                .with_context(|| format!("cannot delete {}", e.path().display()))?;
        }
        Ok(())
    }

    /// A reader that sees each new commit shortly after it lands, so a search
    /// can run while an indexing run is in progress.
    pub fn reader(&self) -> anyhow::Result<IndexReader> {
        self.index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .with_context(|| format!("cannot read the index at {}", self.dir.display()))
    }
}

/// Files a newsdex index folder may hold: tantivy's segment files, its meta
/// and lock files, and our stamp.
fn is_index_file(name: &str) -> bool {
    name == STAMP_FILE
        || name == "meta.json"
        || name == ".managed.json"
        || name.starts_with(".tantivy-")
        || name.ends_with(".lock")
        || [
            ".idx",
            ".pos",
            ".term",
            ".store",
            ".fast",
            ".fieldnorm",
            ".del",
            ".tmp",
        ]
        .iter()
        .any(|ext| name.ends_with(ext))
}

fn write_stamp(dir: &Path) -> anyhow::Result<()> {
    let stamp = serde_json::json!({ "schema_version": SCHEMA_VERSION });
    std::fs::write(dir.join(STAMP_FILE), format!("{stamp}\n"))
        .with_context(|| format!("cannot write {}", dir.join(STAMP_FILE).display()))
}

fn check_stamp(dir: &Path) -> anyhow::Result<()> {
    let path = dir.join(STAMP_FILE);
    let version = std::fs::read_to_string(&path)
        .ok()
        .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok())
        .and_then(|v| v.get("schema_version").and_then(|v| v.as_u64()));
    match version {
        Some(SCHEMA_VERSION) => Ok(()),
        Some(v) => anyhow::bail!(
            "the index at {} has schema version {v}, this newsdex uses {SCHEMA_VERSION}: \
             rebuild it with `newsdex index --rebuild --index {}`",
            dir.display(),
            dir.display()
        ),
        None => anyhow::bail!(
            "{} holds a tantivy index that newsdex did not build (no {STAMP_FILE}); \
             choose another --index folder",
            dir.display()
        ),
    }
}
