//! The tantivy index: schema and the incremental writer.
