//! Redaction: the anonymised text, with one stable placeholder per person.
//!
//! ```
//! use gep_core::privacy::{Placeholders, Redactor, RosterEntry, Scanner};
//! use gep_core::PersonId;
//!
//! let roster = [
//!     RosterEntry::new(PersonId::from_u128(1), "Léa", "Martin"),
//!     RosterEntry::new(PersonId::from_u128(2), "Pierre", "Benali"),
//! ];
//! let scanner = Scanner::new(&roster);
//! let mut redactor = Redactor::new(&scanner, Placeholders::default());
//! let text = "Léa Martin et Pierre ont vu la pierre ; Léa écrit à lea@exemple.fr.";
//! assert_eq!(
//!     redactor.redact(text),
//!     "[personne A] et [personne B] ont vu la pierre ; [personne A] écrit à [courriel]."
//! );
//! ```
//!
//! What is replaced: every error-level name, every e-mail address, phone
//! number and organisation. A name found as a warning (a given name that is
//! a common word, written in lower case: *la pierre*) most likely means the
//! word and is left as written.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::scanner::{Finding, FindingKind, Scanner};
use crate::code::Code;
use crate::ids::PersonId;
use crate::limits::MAX_DOCUMENT_BYTES;
use crate::violation::{Path, Violation};

/// The placeholders that replace what the scanner found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Placeholders {
    /// For a person; `{}` is replaced by the person's letter (`A`, `B`…,
    /// `Z`, `AA`…), stable within a redactor. Default `[personne {}]`.
    pub person: String,
    /// For an e-mail address. Default `[courriel]`.
    pub email: String,
    /// For a phone number. Default `[téléphone]`.
    pub phone: String,
    /// For an organisation. Default `[organisation]`.
    pub organisation: String,
}

impl Default for Placeholders {
    fn default() -> Self {
        Placeholders {
            person: "[personne {}]".to_owned(),
            email: "[courriel]".to_owned(),
            phone: "[téléphone]".to_owned(),
            organisation: "[organisation]".to_owned(),
        }
    }
}

/// Redaction stops after this many passes, should the placeholders
/// themselves contain what the scanner looks for.
const MAX_PASSES: usize = 4;

/// What replaces a finding whose placeholder holds what the scanner looks
/// for (a person named `Personne`, whose placeholder is `[personne A]`), and
/// every finding after [`MAX_PASSES`]: it has no word character, so no scan
/// finds anything in it, and each pass that uses it removes some.
const NEUTRAL: &str = "[…]";

/// Redacts texts with one scanner, giving each person the same letter in
/// every text it redacts (in order of first appearance).
#[derive(Clone, Debug)]
pub struct Redactor<'s> {
    scanner: &'s Scanner,
    placeholders: Placeholders,
    letters: HashMap<PersonId, usize>,
    /// Placeholders already scanned: whether the scanner finds something
    /// to replace in them.
    unsafe_placeholders: HashMap<String, bool>,
    /// Past [`MAX_PASSES`]: every finding becomes [`NEUTRAL`].
    neutral: bool,
}

impl<'s> Redactor<'s> {
    /// A redactor.
    pub fn new(scanner: &'s Scanner, placeholders: Placeholders) -> Self {
        Redactor {
            scanner,
            placeholders,
            letters: HashMap::new(),
            unsafe_placeholders: HashMap::new(),
            neutral: false,
        }
    }

    /// The text, anonymised: scanned and redacted until a scan finds no
    /// error left (a replacement can make a word boundary where there was
    /// none: `Léa0612345678` becomes `Léa[téléphone]`, where `Léa` now
    /// stands alone).
    ///
    /// A placeholder in which the scanner would find something is replaced
    /// by `[…]`, and so is everything found after a few passes, so that the
    /// result never holds an error.
    ///
    /// The result is not bounded: long placeholders over many findings can
    /// make it much longer than the text. For a text from outside, see
    /// [`try_redact`](Self::try_redact).
    pub fn redact(&mut self, text: &str) -> String {
        self.redact_within(text, usize::MAX).unwrap_or_default()
    }

    /// [`redact`](Self::redact), refused when the redacted text would be
    /// longer than a document may be ([`MAX_DOCUMENT_BYTES`] bytes): what
    /// the bindings run, where a text of the largest size with a long
    /// placeholder for each of its words would otherwise take gigabytes.
    ///
    /// ```
    /// use gep_core::privacy::{Placeholders, Redactor, RosterEntry, Scanner};
    /// use gep_core::{Code, PersonId};
    ///
    /// let roster = [RosterEntry::new(PersonId::from_u128(1), "Zoé", "Perrin")];
    /// let scanner = Scanner::new(&roster);
    /// let text = "Zoé Perrin a parlé. ";
    /// let mut redactor = Redactor::new(&scanner, Placeholders::default());
    /// assert_eq!(redactor.try_redact(text).unwrap(), "[personne A] a parlé. ");
    ///
    /// let long = Placeholders { person: "x".repeat(1 << 20), ..Placeholders::default() };
    /// let refused = Redactor::new(&scanner, long).try_redact(&text.repeat(20)).unwrap_err();
    /// assert_eq!(refused.code, Code::IN09);
    /// ```
    ///
    /// # Errors
    /// IN09, at the root, with the `max` size in bytes.
    pub fn try_redact(&mut self, text: &str) -> Result<String, Violation> {
        self.redact_within(text, MAX_DOCUMENT_BYTES)
            .ok_or_else(|| redacted_too_large(MAX_DOCUMENT_BYTES))
    }

    /// The passes of [`redact`](Self::redact); `None` as soon as one gives
    /// a text longer than `max` bytes.
    fn redact_within(&mut self, text: &str, max: usize) -> Option<String> {
        let mut text = text.to_owned();
        for pass in 1.. {
            let findings = self.scanner.scan(&text);
            if !findings.iter().any(|f| self.placeholder_kind(f)) {
                break;
            }
            self.neutral = pass > MAX_PASSES;
            let next = self.apply_within(&text, &findings, max);
            self.neutral = false;
            let next = next?;
            if next == text {
                break;
            }
            text = next;
        }
        Some(text)
    }

    fn placeholder_kind(&self, finding: &Finding) -> bool {
        match finding.kind {
            FindingKind::Name => finding.is_error(),
            FindingKind::BestPractice => false,
            FindingKind::Email | FindingKind::Phone | FindingKind::Organisation => true,
        }
    }

    /// The text with these findings (of this text, in text order) replaced.
    pub fn apply(&mut self, text: &str, findings: &[Finding]) -> String {
        self.apply_within(text, findings, usize::MAX).unwrap_or_default()
    }

    /// [`apply`](Self::apply), or `None` as soon as the text would be
    /// longer than `max` bytes.
    fn apply_within(&mut self, text: &str, findings: &[Finding], max: usize) -> Option<String> {
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        for finding in findings {
            let Some(placeholder) = self.placeholder(finding) else {
                continue;
            };
            if finding.start < copied {
                continue;
            }
            let (Some(before), Some(_)) = (text.get(copied..finding.start), text.get(finding.start..finding.end))
            else {
                continue;
            };
            if out.len().saturating_add(before.len()).saturating_add(placeholder.len()) > max {
                return None;
            }
            out.push_str(before);
            out.push_str(&placeholder);
            copied = finding.end;
        }
        let rest = text.get(copied..).unwrap_or_default();
        if out.len().saturating_add(rest.len()) > max {
            return None;
        }
        out.push_str(rest);
        Some(out)
    }

    fn placeholder(&mut self, finding: &Finding) -> Option<String> {
        let placeholder = self.configured_placeholder(finding)?;
        if self.neutral {
            return Some(NEUTRAL.to_owned());
        }
        let found = match self.unsafe_placeholders.get(&placeholder) {
            Some(&found) => found,
            None => {
                let found = self.scanner.scan(&placeholder).iter().any(|f| self.placeholder_kind(f));
                self.unsafe_placeholders.insert(placeholder.clone(), found);
                found
            }
        };
        Some(if found { NEUTRAL.to_owned() } else { placeholder })
    }

    fn configured_placeholder(&mut self, finding: &Finding) -> Option<String> {
        match finding.kind {
            FindingKind::Name if finding.is_error() => {
                let letter = match finding.person {
                    Some(person) => {
                        let next = self.letters.len();
                        letters(*self.letters.entry(person).or_insert(next))
                    }
                    None => "?".to_owned(),
                };
                Some(self.placeholders.person.replace("{}", &letter))
            }
            FindingKind::Name | FindingKind::BestPractice => None,
            FindingKind::Email => Some(self.placeholders.email.clone()),
            FindingKind::Phone => Some(self.placeholders.phone.clone()),
            FindingKind::Organisation => Some(self.placeholders.organisation.clone()),
        }
    }
}

/// IN09: the redacted text would be longer than `max` bytes.
fn redacted_too_large(max: usize) -> Violation {
    Violation::error(
        Code::IN09,
        Path::root(),
        format!("le texte anonymisé dépasserait la taille maximale ({max} octets) : des remplacements plus courts le permettraient"),
        format!("the redacted text would exceed the maximum size ({max} bytes): shorter placeholders would fit"),
    )
    .with("argument", "text")
    .with("max", max)
}

/// The `n`-th letter label, from 0: `A`…`Z`, `AA`…`AZ`, `BA`…
///
/// ```
/// use gep_core::privacy::letters;
/// assert_eq!(letters(0), "A");
/// assert_eq!(letters(25), "Z");
/// assert_eq!(letters(26), "AA");
/// assert_eq!(letters(27), "AB");
/// ```
pub fn letters(n: usize) -> String {
    let mut out = Vec::new();
    let mut n = n;
    loop {
        out.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Redacts one text with the default placeholders.
///
/// ```
/// use gep_core::privacy::{redact, RosterEntry};
/// use gep_core::PersonId;
/// let roster = [RosterEntry::new(PersonId::from_u128(1), "Éric", "N'Diaye")];
/// assert_eq!(redact("l’avis d’Éric, au 06 12 34 56 78", &roster), "l’avis d’[personne A], au [téléphone]");
/// ```
pub fn redact(text: &str, roster: &[super::RosterEntry]) -> String {
    let scanner = Scanner::new(roster);
    Redactor::new(&scanner, Placeholders::default()).redact(text)
}
