//! The JSON Schemas of the wire formats, generated from the Rust types.
//!
//! The checked-in copies live in `schemas/` at the repository root; a test
//! fails when they are stale, and `UPDATE_SCHEMAS=1 cargo test -p gep-core
//! --test schemas` writes them anew.
//!
//! ```
//! let names: Vec<&str> = gep_core::schema::all().into_iter().map(|(name, _)| name).collect();
//! assert!(names.contains(&"document.schema.json"));
//! ```

use crate::privacy::IcRecord;
use crate::{Command, Document, Snapshot, Violation};

/// Every schema: its file name and its JSON.
pub fn all() -> Vec<(&'static str, serde_json::Value)> {
    vec![
        (
            "document.schema.json",
            serde_json::to_value(schemars::schema_for!(Document)).unwrap_or_default(),
        ),
        (
            "command.schema.json",
            serde_json::to_value(schemars::schema_for!(Command)).unwrap_or_default(),
        ),
        (
            "snapshot.schema.json",
            serde_json::to_value(schemars::schema_for!(Snapshot)).unwrap_or_default(),
        ),
        (
            "ic_record.schema.json",
            serde_json::to_value(schemars::schema_for!(IcRecord)).unwrap_or_default(),
        ),
        (
            "violation.schema.json",
            serde_json::to_value(schemars::schema_for!(Violation)).unwrap_or_default(),
        ),
    ]
}
