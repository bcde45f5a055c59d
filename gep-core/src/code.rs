//! The stable codes: one table maps each code to its default severity, where
//! it applies and its title in French and in English.
//!
//! Codes of the charter (`PRxx`, `DExx`, `ORxx`) come from the numbered rules
//! of the charter; the codes of input errors (`INxx`) and lifecycle errors
//! (`LCxx`) are the library's own and never reuse a charter code. Codes are
//! public API: never renumbered; a code that is no longer used is marked
//! retired in [`Code::is_retired`] and stays known.
//!
//! ```
//! use gep_core::Code;
//! let code: Code = "PR07".parse().unwrap();
//! assert_eq!(code, Code::PR07);
//! assert_eq!(code.as_str(), "PR07");
//! assert!(code.is_charter());
//! assert!(Code::ALL.iter().any(|c| c.as_str() == "LC02"));
//! ```

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::violation::Severity;

macro_rules! codes {
    ($( $(#[$doc:meta])* $code:ident => $sev:ident, $where:literal, $en:literal, $fr:literal; )*) => {
        /// A stable rule code.
        ///
        /// Each variant's documentation says what it checks, why (quoting
        /// the charter of the GEP in its French text), an example and what to do
        /// instead. The wire form is the code itself, e.g. `"PR07"`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* #[schemars(description = $en)] $code, )*
        }

        impl Code {
            /// Every code, in table order.
            pub const ALL: &'static [Code] = &[$(Code::$code),*];

            /// The code as written in the rules, e.g. `"DE05"`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$code => stringify!($code),)* }
            }

            /// The severity of the rule as the charter table gives it. A rule
            /// with two severities (DE03, DE08) gives the stronger here; each
            /// violation carries its own severity.
            pub const fn default_severity(self) -> RuleSeverity {
                match self { $(Code::$code => RuleSeverity::$sev,)* }
            }

            /// Where the rule is checked (commands or exports).
            pub const fn applies_at(self) -> &'static str {
                match self { $(Code::$code => $where,)* }
            }

            /// The rule's title in English.
            pub const fn title_en(self) -> &'static str {
                match self { $(Code::$code => $en,)* }
            }

            /// The rule's title in French.
            pub const fn title_fr(self) -> &'static str {
                match self { $(Code::$code => $fr,)* }
            }
        }

        impl FromStr for Code {
            type Err = UnknownCode;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $(stringify!($code) => Ok(Code::$code),)*
                    _ => Err(UnknownCode(s.to_owned())),
                }
            }
        }
    };
}

/// The severity a rule has in the charter's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleSeverity {
    /// The command is refused.
    Error,
    /// The command goes through; the warning is kept.
    Warning,
    /// The fact must be attested by a named person; refused without it.
    Attested,
    /// The rule describes something the record may carry; nothing is refused.
    Informative,
}

impl RuleSeverity {
    /// The severity of a violation of this rule.
    pub const fn violation_severity(self) -> Severity {
        match self {
            RuleSeverity::Warning | RuleSeverity::Informative => Severity::Warning,
            RuleSeverity::Error | RuleSeverity::Attested => Severity::Error,
        }
    }
}

/// The text is not a known code.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown rule code `{0}`")]
pub struct UnknownCode(pub String);

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Code {
    /// Whether the code comes from the charter (PR, DE, OR) rather than from
    /// the library's input or lifecycle checks.
    pub fn is_charter(self) -> bool {
        !self.is_input() && !self.as_str().starts_with("LC")
    }

    /// Whether the code is an input error (`INxx`): the input could not be
    /// read, so the call could not run at all.
    pub fn is_input(self) -> bool {
        self.as_str().starts_with("IN")
    }

    /// Whether the code is retired: still known, never produced. None is yet.
    pub const fn is_retired(self) -> bool {
        false
    }
}

include!("code_table.rs");
