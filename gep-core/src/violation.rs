//! Violations as data: a code, a severity, a path into the input, a message
//! in French and in English, and context values.
//!
//! ```
//! use gep_core::{Code, Path, Severity, Violation};
//! let v = Violation::error(
//!     Code::DE01,
//!     Path::root().key("action").key("theme"),
//!     "le thème est vide",
//!     "the theme is empty",
//! );
//! assert_eq!(v.code, Code::DE01);
//! assert_eq!(v.severity, Severity::Error);
//! assert_eq!(v.path.to_string(), "action.theme");
//! ```

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::code::Code;

/// How serious a violation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The command, or the loading of the document, is refused.
    Error,
    /// The command goes through; the warning is reported and kept.
    Warning,
}

/// One step of a [`Path`]: an object key or an array index.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum PathSegment {
    /// An array index.
    Index(usize),
    /// An object key.
    Key(String),
}

/// Where in the input a violation lies: keys and indices from the root, as
/// pydantic's `loc`. On the wire, a list such as `["events", 3, "at"]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Path(pub Vec<PathSegment>);

impl Path {
    /// The empty path: the input as a whole.
    pub const fn root() -> Self {
        Path(Vec::new())
    }

    /// This path followed by an object key.
    #[must_use]
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.0.push(PathSegment::Key(key.into()));
        self
    }

    /// This path followed by an array index.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.0.push(PathSegment::Index(index));
        self
    }

    /// The segments.
    pub fn segments(&self) -> &[PathSegment] {
        &self.0
    }

    /// `prefix` followed by this path.
    #[must_use]
    pub fn prefixed(self, prefix: &Path) -> Self {
        let mut segments = prefix.0.clone();
        segments.extend(self.0);
        Path(segments)
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                PathSegment::Index(n) => write!(f, "[{n}]")?,
                PathSegment::Key(k) if i == 0 => f.write_str(k)?,
                PathSegment::Key(k) => write!(f, ".{k}")?,
            }
        }
        Ok(())
    }
}

/// One broken rule, with everything a caller needs to show it next to the
/// field at fault. Callers branch on `code`, never on the messages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Violation {
    /// The stable code.
    pub code: Code,
    /// Error (refuses) or warning (kept).
    pub severity: Severity,
    /// Where in the input.
    pub path: Path,
    /// The message in French.
    pub message_fr: String,
    /// The message in English.
    pub message_en: String,
    /// Values that the messages mention, for callers that build their own.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub context: BTreeMap<String, String>,
}

impl Violation {
    /// An error-level violation.
    pub fn error(code: Code, path: Path, fr: impl Into<String>, en: impl Into<String>) -> Self {
        Self::new(code, Severity::Error, path, fr.into(), en.into())
    }

    /// A warning.
    pub fn warning(code: Code, path: Path, fr: impl Into<String>, en: impl Into<String>) -> Self {
        Self::new(code, Severity::Warning, path, fr.into(), en.into())
    }

    fn new(code: Code, severity: Severity, path: Path, message_fr: String, message_en: String) -> Self {
        Violation {
            code,
            severity,
            path,
            message_fr,
            message_en,
            context: BTreeMap::new(),
        }
    }

    /// Adds a context value.
    #[must_use]
    pub fn with(self, key: &str, value: impl fmt::Display) -> Self {
        self.with_text(key, value.to_string())
    }

    // Apart from `with`, which is compiled once per type of value.
    fn with_text(mut self, key: &str, value: String) -> Self {
        self.context.insert(key.to_owned(), value);
        self
    }

    /// Whether this violation refuses the command.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Whether this violation is a warning.
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }

    /// The same violation, its path placed under `prefix`.
    #[must_use]
    pub fn under(mut self, prefix: &Path) -> Self {
        self.path = self.path.prefixed(prefix);
        self
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at `{}`: {}", self.code, self.path, self.message_en)
    }
}

impl std::error::Error for Violation {}

/// A list of violations that holds at least one error.
///
/// Returned where a call could not go through; warnings found on the way are
/// in the list too.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Violations(pub Vec<Violation>);

impl Violations {
    /// The violations.
    pub fn as_slice(&self) -> &[Violation] {
        &self.0
    }

    /// The codes, in order.
    pub fn codes(&self) -> Vec<Code> {
        self.0.iter().map(|v| v.code).collect()
    }

    /// Whether any violation has this code.
    pub fn contains(&self, code: Code) -> bool {
        self.0.iter().any(|v| v.code == code)
    }

    /// The error-level violations.
    pub fn errors(&self) -> impl Iterator<Item = &Violation> {
        self.0.iter().filter(|v| v.is_error())
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}

impl IntoIterator for Violations {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}
