//! JSON-in, JSON-out operations for the bindings (WASM, Python).
//!
//! The bindings only convert: every operation is here, on strings, and its
//! answer is one serialisable value. An answer is `ok`, `refused` (the call
//! ran and the charter refused it) or `failure` (the call could not run: the
//! input is not a document or a command).
//!
//! ```
//! use gep_core::{ffi, sample};
//! let doc = sample::approved_gep().unwrap().to_json();
//! match ffi::load(&doc) {
//!     ffi::Answer::Ok { state, .. } => assert_eq!(state, gep_core::State::Approved),
//!     other => panic!("{other:?}"),
//! }
//! assert!(matches!(ffi::load("{"), ffi::Answer::Failure { .. }));
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::any::AnyGep;
use crate::code::{Code, RuleSeverity};
use crate::command::Command;
use crate::document::parse;
use crate::ids::GepId;
use crate::lifecycle::State;
use crate::snapshot::Snapshot;
use crate::violation::{Violation, Violations};

/// The answer of an operation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Answer {
    /// Done.
    Ok {
        /// The state now.
        state: State,
        /// The document now.
        document: String,
        /// The state, for display.
        snapshot: Box<Snapshot>,
        /// The warnings of this operation.
        warnings: Vec<Violation>,
    },
    /// The charter (or the lifecycle) refused: nothing changed.
    Refused {
        /// Every violation.
        violations: Vec<Violation>,
    },
    /// The input could not be read: not a document, not a command.
    Failure {
        /// The input errors, with their paths.
        violations: Vec<Violation>,
    },
}

impl Answer {
    fn ok(gep: &AnyGep, warnings: Vec<Violation>) -> Answer {
        Answer::Ok {
            state: gep.state(),
            document: gep.to_json(),
            snapshot: Box::new(gep.snapshot()),
            warnings,
        }
    }

    fn not_done(violations: Violations) -> Answer {
        let input = violations.errors().all(|v| v.code.as_str().starts_with("IN"));
        if input {
            Answer::Failure {
                violations: violations.0,
            }
        } else {
            Answer::Refused {
                violations: violations.0,
            }
        }
    }

    /// The answer as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Loads a document.
pub fn load(document: &str) -> Answer {
    match AnyGep::from_json(document) {
        Ok(gep) => Answer::ok(&gep, Vec::new()),
        Err(violations) => Answer::not_done(violations),
    }
}

/// Starts a GEP from a `propose` command.
pub fn start(gep_id: &str, command: &str) -> Answer {
    let id: GepId = match parse(&serde_json::Value::from(gep_id).to_string()) {
        Ok(id) => id,
        Err(violations) => {
            return Answer::Failure {
                violations: violations.0,
            };
        }
    };
    let command: Command = match parse(command) {
        Ok(c) => c,
        Err(violations) => {
            return Answer::Failure {
                violations: violations.0,
            };
        }
    };
    match AnyGep::start(id, command) {
        Ok(gep) => {
            let warnings = gep.warnings().to_vec();
            Answer::ok(&gep, warnings)
        }
        Err(violations) => Answer::not_done(violations),
    }
}

/// Applies a command to a document.
pub fn apply(document: &str, command: &str) -> Answer {
    let gep = match AnyGep::from_json(document) {
        Ok(gep) => gep,
        Err(violations) => {
            return Answer::Failure {
                violations: violations.0,
            };
        }
    };
    let command: Command = match parse(command) {
        Ok(c) => c,
        Err(violations) => {
            return Answer::Failure {
                violations: violations.0,
            };
        }
    };
    let kept = gep.warnings().len();
    match gep.apply(command) {
        Ok(gep) => {
            let warnings = gep.warnings().get(kept..).unwrap_or_default().to_vec();
            Answer::ok(&gep, warnings)
        }
        Err(refused) => Answer::not_done(refused.into_parts().1),
    }
}

/// One entry of the rules catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RuleInfo {
    /// The code.
    pub code: Code,
    /// Its severity in the charter's table.
    pub severity: RuleSeverity,
    /// Where it applies.
    pub applies_at: String,
    /// Whether it comes from the charter.
    pub charter: bool,
    /// Title in French.
    pub title_fr: String,
    /// Title in English.
    pub title_en: String,
}

/// The rules catalogue: every code.
pub fn rules() -> Vec<RuleInfo> {
    Code::ALL
        .iter()
        .map(|&code| RuleInfo {
            code,
            severity: code.default_severity(),
            applies_at: code.applies_at().to_owned(),
            charter: code.is_charter(),
            title_fr: code.title_fr().to_owned(),
            title_en: code.title_en().to_owned(),
        })
        .collect()
}
