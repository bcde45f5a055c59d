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
//!
//! A binding that keeps a GEP loaded, as the WebAssembly `Gep` handle
//! does, runs the operations on a document over the loaded [`AnyGep`]
//! instead, without reading the document again: [`start_gep`],
//! [`apply_to`], [`registration_form_for`], [`contact_list_of`],
//! [`ic_record_of`].
//!
//! The privacy operations ([`scan`], [`redact`], [`contact_list`],
//! [`ic_record`]) answer with a [`Reply`], whose `ok` carries a `value`:
//!
//! ```
//! use gep_core::{ffi, sample};
//! let roster = r#"[{"id": "00000000-0000-0000-0000-000000000001",
//!                   "given_name": "Léa", "family_name": "Martin"}]"#;
//! // Spans in UTF-16 code units, as JavaScript counts them.
//! let reply = ffi::scan("🙂 Léa", roster, ffi::TextUnit::Utf16);
//! let ffi::Reply::Ok { value } = reply else { panic!() };
//! assert_eq!((value[0].start, value[0].end), (3, 6));
//! let doc = sample::approved_gep().unwrap().to_json();
//! assert!(matches!(ffi::ic_record(&doc), ffi::Reply::Ok { .. }));
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::any::AnyGep;
use crate::code::{Code, RuleSeverity};
use crate::command::Command;
use crate::document::parse;
use crate::ids::GepId;
use crate::ids::PersonId;
use crate::lifecycle::State;
use crate::privacy::{Contact, Finding, IcRecord, Placeholders, Redactor, RosterEntry, Scanner};
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
        let input = violations.errors().all(|v| v.code.is_input());
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

/// Bytes given for a JSON text (a document, a command, a request…) as that
/// text. Bytes that are not UTF-8 are IN01 at the root, with the `offset`
/// of the byte where they stop being UTF-8; `what` names the input in French
/// and in English.
///
/// ```
/// use gep_core::{Code, ffi};
/// assert_eq!(ffi::utf8_text(b"{}".to_vec(), ("le document", "the document")).unwrap(), "{}");
/// let refused = ffi::utf8_text(b"{\"a\": \"\xff\"}".to_vec(), ("le document", "the document")).unwrap_err();
/// assert_eq!(refused.code, Code::IN01);
/// assert_eq!(refused.context["offset"], "7");
/// ```
///
/// # Errors
/// IN01 when the bytes are not UTF-8.
pub fn utf8_text(bytes: Vec<u8>, what: (&str, &str)) -> Result<String, Violation> {
    String::from_utf8(bytes).map_err(|e| not_utf8(what, e.utf8_error().valid_up_to()))
}

/// IN01: the input `what` is not UTF-8 from byte `offset` on.
pub(crate) fn not_utf8(what: (&str, &str), offset: usize) -> Violation {
    Violation::error(
        Code::IN01,
        crate::violation::Path::root(),
        format!("{} n'est pas en UTF-8 (octet {offset})", what.0),
        format!("{} is not UTF-8 (byte {offset})", what.1),
    )
    .with("offset", offset)
}

/// Loads a document.
pub fn load(document: &str) -> Answer {
    match AnyGep::from_json(document) {
        Ok(gep) => Answer::ok(&gep, Vec::new()),
        Err(violations) => Answer::not_done(violations),
    }
}

/// An input that could not be read: the call cannot run.
fn readable<T>(input: Result<T, Violations>) -> Result<T, Answer> {
    input.map_err(|violations| Answer::Failure {
        violations: violations.0,
    })
}

/// Starts a GEP from a `propose` command.
pub fn start(gep_id: &str, command: &str) -> Answer {
    match start_gep(gep_id, command) {
        Ok(gep) => {
            let warnings = gep.warnings().to_vec();
            Answer::ok(&gep, warnings)
        }
        Err(violations) => Answer::not_done(violations),
    }
}

/// [`start`] for a binding that keeps the GEP: the GEP itself, or every
/// violation (input errors when the id or the command does not read).
///
/// # Errors
/// The violations of an id or command that does not read, or of a
/// refused proposal.
pub fn start_gep(gep_id: &str, command: &str) -> Result<AnyGep, Violations> {
    let id: GepId = parse(&serde_json::Value::from(gep_id).to_string())?;
    let command: Command = parse(command)?;
    AnyGep::start(id, command)
}

/// Applies a command to a document.
pub fn apply(document: &str, command: &str) -> Answer {
    match readable(AnyGep::from_json(document)) {
        Ok(gep) => apply_to(gep, command).1,
        Err(failure) => failure,
    }
}

/// [`apply`] for a binding that keeps the GEP loaded rather than its
/// document: the GEP after the command (the one given, unchanged, when the
/// command is refused or does not read) and the answer.
///
/// ```
/// use gep_core::{ffi, sample};
/// let gep = sample::approved_gep().unwrap();
/// let (after, answer) = ffi::apply_to(gep.clone(), "{");
/// assert!(matches!(answer, ffi::Answer::Failure { .. }));
/// assert_eq!(after, gep);
/// ```
pub fn apply_to(gep: AnyGep, command: &str) -> (AnyGep, Answer) {
    let command: Command = match readable(parse(command)) {
        Ok(command) => command,
        Err(failure) => return (gep, failure),
    };
    let kept = gep.warnings().len();
    match gep.apply(command) {
        Ok(gep) => {
            let warnings = gep.warnings().get(kept..).unwrap_or_default().to_vec();
            let answer = Answer::ok(&gep, warnings);
            (gep, answer)
        }
        Err(refused) => {
            let (gep, violations) = refused.into_parts();
            (gep, Answer::not_done(violations))
        }
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

/// The answer of an operation that reads rather than changes: a value, or
/// why there is none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Reply<T> {
    /// Done.
    Ok {
        /// The value.
        value: T,
    },
    /// The charter refused (DE10 for a contact list, OR08 for an IC record).
    Refused {
        /// Every violation.
        violations: Vec<Violation>,
    },
    /// The input could not be read.
    Failure {
        /// The input errors, with their paths.
        violations: Vec<Violation>,
    },
}

impl<T: Serialize> Reply<T> {
    /// The reply as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    fn failure(violations: Violations) -> Self {
        Reply::Failure {
            violations: violations.0,
        }
    }

    fn from_result(result: Result<T, Violations>) -> Self {
        match result {
            Ok(value) => Reply::Ok { value },
            Err(violations) => Reply::Refused {
                violations: violations.0,
            },
        }
    }
}

/// The unit in which a host counts text positions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextUnit {
    /// UTF-8 bytes (Rust).
    Utf8,
    /// UTF-16 code units (JavaScript).
    Utf16,
    /// Code points (Python).
    CodePoint,
}

impl TextUnit {
    /// The offset `byte` (a UTF-8 offset on a character boundary) in this
    /// unit.
    pub fn offset(self, text: &str, byte: usize) -> usize {
        self.length(text.get(..byte).unwrap_or(text))
    }

    /// The length of `text` in this unit.
    fn length(self, text: &str) -> usize {
        match self {
            TextUnit::Utf8 => text.len(),
            TextUnit::Utf16 => text.encode_utf16().count(),
            TextUnit::CodePoint => text.chars().count(),
        }
    }
}

/// Converts the spans of findings in `text` from UTF-8 bytes to `unit`, in
/// one pass over the text whatever the number of findings (a text naming
/// someone 100,000 times is no slower to convert than one naming them once).
pub fn convert_spans(text: &str, findings: &mut [Finding], unit: TextUnit) {
    if unit == TextUnit::Utf8 {
        return;
    }
    let mut offsets: Vec<&mut usize> = findings.iter_mut().flat_map(|f| [&mut f.start, &mut f.end]).collect();
    crate::order::sort_by_key(&mut offsets, |offset| **offset as u128);
    let (mut byte, mut converted) = (0, 0);
    for offset in offsets {
        let mut target = (*offset).min(text.len());
        while !text.is_char_boundary(target) {
            target -= 1;
        }
        converted += unit.length(text.get(byte..target).unwrap_or_default());
        byte = byte.max(target);
        *offset = converted;
    }
}

fn roster(json: &str) -> Result<Vec<RosterEntry>, Violations> {
    parse(json)
}

/// IN09 for each text or JSON argument of a privacy operation larger than
/// a document may be.
fn check_sizes(inputs: &[(&str, &str)]) -> Result<(), Violations> {
    let found: Vec<Violation> = inputs
        .iter()
        .filter_map(|(name, input)| crate::limits::check_input_size(name, input.len()).err())
        .collect();
    if found.is_empty() {
        Ok(())
    } else {
        Err(Violations(found))
    }
}

/// Scans a text against a roster (a JSON list of people: `id`,
/// `given_name`, `family_name`, and optionally `email`, `phone`,
/// `organisation`); spans in `unit`. A text or a roster larger than a
/// document may be is IN09.
pub fn scan(text: &str, roster_json: &str, unit: TextUnit) -> Reply<Vec<Finding>> {
    if let Err(violations) = check_sizes(&[("text", text), ("roster", roster_json)]) {
        return Reply::failure(violations);
    }
    match roster(roster_json) {
        Ok(people) => {
            let mut findings = Scanner::new(&people).scan(text);
            convert_spans(text, &mut findings, unit);
            Reply::Ok { value: findings }
        }
        Err(violations) => Reply::failure(violations),
    }
}

/// Redacts a text against a roster, with the default placeholders or those
/// given as JSON (`{"person": "[P{}]", "email": …}`, every key optional).
/// A text, roster or placeholders larger than a document may be is IN09.
pub fn redact(text: &str, roster_json: &str, placeholders_json: Option<&str>) -> Reply<String> {
    let sizes = [
        ("text", text),
        ("roster", roster_json),
        ("placeholders", placeholders_json.unwrap_or_default()),
    ];
    if let Err(violations) = check_sizes(&sizes) {
        return Reply::failure(violations);
    }
    let people = match roster(roster_json) {
        Ok(people) => people,
        Err(violations) => return Reply::failure(violations),
    };
    let placeholders = match placeholders_json
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "null")
    {
        Some(json) => match parse::<Placeholders>(json) {
            Ok(p) => p,
            Err(violations) => return Reply::failure(violations),
        },
        None => Placeholders::default(),
    };
    let scanner = Scanner::new(&people);
    match Redactor::new(&scanner, placeholders).try_redact(text) {
        Ok(value) => Reply::Ok { value },
        Err(violation) => Reply::failure(Violations(vec![violation])),
    }
}

/// The contact list of a document for `requester` (a person's id) (DE10).
pub fn contact_list(document: &str, requester: &str) -> Reply<Vec<Contact>> {
    match AnyGep::from_json(document) {
        Ok(gep) => contact_list_of(&gep, requester),
        Err(violations) => Reply::failure(violations),
    }
}

/// [`contact_list`] of a loaded GEP.
pub fn contact_list_of(gep: &AnyGep, requester: &str) -> Reply<Vec<Contact>> {
    match parse::<PersonId>(&serde_json::Value::from(requester).to_string()) {
        Ok(requester) => Reply::from_result(gep.contact_list(requester)),
        Err(violations) => Reply::failure(violations),
    }
}

/// The IC record of a document (OR08).
pub fn ic_record(document: &str) -> Reply<IcRecord> {
    match AnyGep::from_json(document) {
        Ok(gep) => ic_record_of(&gep),
        Err(violations) => Reply::failure(violations),
    }
}

/// [`ic_record`] of a loaded GEP.
pub fn ic_record_of(gep: &AnyGep) -> Reply<IcRecord> {
    Reply::from_result(gep.ic_record())
}

// ----------------------------------------------------------------------------
// Forms: the proposal and registration forms of the IC website, checked as
// the person types. A form is a command with its action's fields at the top
// level (`{"at": …, "actor": …, "theme": …}`): the same transitions run, and
// every path is the form field's path.
// ----------------------------------------------------------------------------

/// What a form check found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FormCheck {
    /// Whether the form would be accepted as it is: no error among the
    /// violations.
    pub accepted: bool,
    /// Every violation, errors and warnings, with its path in the form.
    pub violations: Vec<Violation>,
}

/// Checks a proposal form, complete or not: the fields of a `propose`
/// command's action, with `at` and `actor` (the organiser) beside them.
///
/// Every missing or malformed field gets its input violation (IN03, IN04,
/// IN05, IN02) at its path, and the charter's checks run on the rest at
/// once: a check that would read a missing or malformed field is not
/// reported.
///
/// ```
/// use gep_core::{ffi, Code};
/// let form = r#"{"theme": " ", "questions": ["Comment ?"]}"#;
/// let ffi::Reply::Ok { value } = ffi::validate_proposal_form(form) else { panic!() };
/// assert!(!value.accepted);
/// let theme = value.violations.iter().find(|v| v.path.to_string() == "theme").unwrap();
/// assert_eq!(theme.code, Code::DE01);
/// assert!(value.violations.iter().any(|v| v.code == Code::IN03 && v.path.to_string() == "venue"));
/// ```
pub fn validate_proposal_form(form: &str) -> Reply<FormCheck> {
    form::check::<crate::model::Proposal>(form, form::proposal_blank(), |at, actor, proposal| {
        let command = Command::new(at, actor, crate::command::Action::Propose(Box::new(proposal)));
        match AnyGep::start(GepId::from_u128(0), command) {
            Ok(gep) => gep.warnings().to_vec(),
            Err(violations) => violations.0,
        }
    })
}

/// Checks a registration form for the GEP of `document`, complete or not:
/// the fields of a `register` command's action, with `at` and `actor` (the
/// person, or the organiser) beside them. See [`validate_proposal_form`].
pub fn validate_registration_form(document: &str, form: &str) -> Reply<FormCheck> {
    match AnyGep::from_json(document) {
        Ok(gep) => registration_form_for(&gep, form),
        Err(violations) => Reply::failure(violations),
    }
}

/// [`validate_registration_form`] for a loaded GEP, which it leaves as it
/// is: what a page holding the GEP runs as the person types.
pub fn registration_form_for(gep: &AnyGep, form: &str) -> Reply<FormCheck> {
    let gep = gep.clone();
    let kept = gep.warnings().len();
    form::check::<crate::command::Registration>(form, form::registration_blank(), move |at, actor, registration| {
        let command = Command::new(at, actor, crate::command::Action::Register(Box::new(registration)));
        match gep.apply(command) {
            Ok(gep) => gep.warnings().get(kept..).unwrap_or_default().to_vec(),
            Err(refused) => refused.into_parts().1.0,
        }
    })
}

mod form {
    //! Reading a form field by field: a field that does not read is
    //! reported, then filled in from a blank form so that the others can be
    //! checked; the checks that read a filled-in field are left out.

    use serde::de::DeserializeOwned;
    use serde_json::{Map, Value};

    use super::{FormCheck, Reply};
    use crate::code::Code;
    use crate::document::parse;
    use crate::ids::PersonId;
    use crate::time::Timestamp;
    use crate::violation::{Path, PathSegment, Violation, Violations};

    /// At most this many fields are repaired: past it, the form is reported
    /// as it stands.
    const MAX_REPAIRS: usize = 64;
    // The blank forms, as JSON text: read once per check, they take a few
    // hundred bytes of data where `json!` took code for every field. A
    // blank time is 2000-01-01T00:00:00+00:00, a blank id the nil UUID.
    macro_rules! person_blank {
        () => {
            r#"{"id": "00000000-0000-0000-0000-000000000000", "given_name": "", "family_name": "",
                "email": "", "phone": "", "organisation": "", "ic_status": "non_member"}"#
        };
    }

    const PROPOSAL_BLANK: &str = concat!(
        r#"{"at": "2000-01-01T00:00:00+00:00", "actor": "00000000-0000-0000-0000-000000000000",
            "title": "", "theme": "", "questions": [""],
            "format": {"kind": "evening", "start": "2000-01-01T00:00:00+00:00", "end": "2000-01-01T00:00:00+00:00",
                       "meal": {"start": "2000-01-01T00:00:00+00:00", "end": "2000-01-01T00:00:00+00:00"}},
            "venue": {"name": "", "address": "", "city": ""},
            "team": [{"person": "00000000-0000-0000-0000-000000000000", "role": ""}],
            "charter": {"accepted": false, "version": "", "accepted_at": "2000-01-01T00:00:00+00:00"},
            "people": ["#,
        person_blank!(),
        "]}"
    );

    const REGISTRATION_BLANK: &str = concat!(
        r#"{"at": "2000-01-01T00:00:00+00:00", "actor": "00000000-0000-0000-0000-000000000000", "person": "#,
        person_blank!(),
        r#", "role": "", "accepted_confidentiality": false, "on_behalf_of": "", "purpose": ""}"#
    );

    fn blank(text: &str) -> Value {
        serde_json::from_str(text).unwrap_or_default()
    }

    pub(super) fn proposal_blank() -> Value {
        blank(PROPOSAL_BLANK)
    }

    pub(super) fn registration_blank() -> Value {
        blank(REGISTRATION_BLANK)
    }

    #[derive(serde::Deserialize)]
    struct Head {
        at: Timestamp,
        actor: PersonId,
    }

    /// Reads `form`, repairing what does not read, then runs `transition`.
    pub(super) fn check<T: DeserializeOwned>(
        form: &str,
        blank: Value,
        transition: impl FnOnce(Timestamp, PersonId, T) -> Vec<Violation>,
    ) -> Reply<FormCheck> {
        let mut value: Value = match parse(form) {
            Ok(Value::Object(map)) => Value::Object(map),
            Ok(_) => return Reply::failure(not_an_object()),
            Err(violations) => return Reply::failure(violations),
        };
        let mut found = Vec::new();
        let mut filled: Vec<Path> = Vec::new();
        for _ in 0..MAX_REPAIRS {
            let (head, payload) = split(&value);
            let error = match (parse::<Head>(&head.to_string()), parse::<T>(&payload.to_string())) {
                (Ok(head), Ok(payload)) => {
                    let checks = transition(head.at, head.actor, payload);
                    found.extend(
                        checks
                            .into_iter()
                            .map(in_form)
                            .filter(|v| !filled.iter().any(|f| overlaps(f, &v.path))),
                    );
                    return Reply::Ok {
                        value: FormCheck::new(found),
                    };
                }
                (Err(violations), _) | (_, Err(violations)) => violations.0.into_iter().next(),
            };
            let Some(mut violation) = error else { break };
            match repair(&mut value, &blank, &violation) {
                Some(path) => {
                    violation.path = path.clone();
                    found.push(violation);
                    filled.push(scope(path));
                }
                None => {
                    found.push(violation);
                    break;
                }
            }
        }
        Reply::Ok {
            value: FormCheck::new(found),
        }
    }

    impl FormCheck {
        fn new(violations: Vec<Violation>) -> Self {
            FormCheck {
                accepted: !violations.iter().any(Violation::is_error),
                violations,
            }
        }
    }

    fn not_an_object() -> Violations {
        Violations(vec![Violation::error(
            Code::IN04,
            Path::root(),
            "le formulaire doit être un objet JSON",
            "the form must be a JSON object",
        )])
    }

    /// The form's `at` and `actor`, and the action's fields.
    fn split(value: &Value) -> (Value, Value) {
        let mut head = Map::new();
        let mut payload = value.as_object().cloned().unwrap_or_default();
        for key in ["at", "actor"] {
            if let Some(v) = payload.remove(key) {
                head.insert(key.to_owned(), v);
            }
        }
        (Value::Object(head), Value::Object(payload))
    }

    /// A violation of the command, its path moved into the form.
    fn in_form(mut v: Violation) -> Violation {
        if let Some(PathSegment::Key(k)) = v.path.0.first()
            && k == "action"
        {
            v.path.0.remove(0);
        }
        v
    }

    /// Fills in or removes the field at fault; the field's path, or `None`
    /// when nothing can be done.
    fn repair(value: &mut Value, blank: &Value, violation: &Violation) -> Option<Path> {
        let mut path = violation.path.clone();
        match violation.code {
            Code::IN02 => {
                let Some(PathSegment::Key(key)) = path.0.last().cloned() else {
                    return None;
                };
                parent_mut(value, &path)?.as_object_mut()?.remove(&key)?;
            }
            Code::IN03 => {
                let field = violation.message_en.split('`').nth(1)?.to_owned();
                path = path.key(field.clone());
                let fill = empty_arrays(blank_at(blank, &path)?.clone());
                at_mut(value, &violation.path)?.as_object_mut()?.insert(field, fill);
            }
            Code::IN04 | Code::IN05 => {
                let fill = empty_arrays(blank_at(blank, &path)?.clone());
                let slot = at_mut(value, &path)?;
                if *slot == fill {
                    return None;
                }
                *slot = fill;
            }
            _ => return None,
        }
        Some(path)
    }

    /// The blank value at `path`: the first element stands for every index.
    fn blank_at<'a>(blank: &'a Value, path: &Path) -> Option<&'a Value> {
        path.0.iter().try_fold(blank, |v, segment| match segment {
            PathSegment::Key(k) => v.get(k),
            PathSegment::Index(_) => v.get(0),
        })
    }

    fn at_mut<'a>(value: &'a mut Value, path: &Path) -> Option<&'a mut Value> {
        path.0.iter().try_fold(value, |v, segment| match segment {
            PathSegment::Key(k) => v.get_mut(k),
            PathSegment::Index(i) => v.get_mut(*i),
        })
    }

    fn parent_mut<'a>(value: &'a mut Value, path: &Path) -> Option<&'a mut Value> {
        let parent = Path(path.0.get(..path.0.len().checked_sub(1)?)?.to_vec());
        at_mut(value, &parent)
    }

    /// A filled-in list is empty: its elements' blanks only stand in for
    /// elements that do not read.
    fn empty_arrays(mut value: Value) -> Value {
        match &mut value {
            Value::Array(items) => items.clear(),
            Value::Object(map) => map.values_mut().for_each(|v| *v = empty_arrays(std::mem::take(v))),
            _ => {}
        }
        value
    }

    /// What a filled-in field may affect: its enclosing object (the checks
    /// that compare a field with its siblings), or the field itself at the
    /// top level and in a list.
    fn scope(mut path: Path) -> Path {
        if path.0.len() > 1 && matches!(path.0.last(), Some(PathSegment::Key(_))) {
            path.0.pop();
        }
        path
    }

    fn overlaps(filled: &Path, path: &Path) -> bool {
        path.0.starts_with(&filled.0) || (!path.0.is_empty() && filled.0.starts_with(&path.0))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// Every field of a blank form reads, so that a repaired form reads.
        #[test]
        fn the_blank_forms_read_as_their_commands() {
            let (head, proposal) = split(&proposal_blank());
            assert_eq!(head.as_object().map(Map::len), Some(2), "{head}");
            assert!(parse::<Head>(&head.to_string()).is_ok());
            assert_eq!(parse::<crate::model::Proposal>(&proposal.to_string()).map(drop), Ok(()));

            let (head, registration) = split(&registration_blank());
            assert_eq!(head.as_object().map(Map::len), Some(2), "{head}");
            assert!(parse::<Head>(&head.to_string()).is_ok());
            assert_eq!(
                parse::<crate::command::Registration>(&registration.to_string()).map(drop),
                Ok(())
            );
        }
    }
}

/// The answer of [`plan_tables`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum PlanAnswer {
    /// The plan, with its measures and warnings.
    Ok {
        /// The plan.
        plan: Box<crate::planner::Plan>,
    },
    /// The request was read, and no plan keeps its pairs apart (DE03).
    Refused {
        /// Every violation.
        violations: Vec<Violation>,
    },
    /// The request could not be read, or is past the limits.
    Failure {
        /// The input errors, with their paths.
        violations: Vec<Violation>,
    },
}

impl PlanAnswer {
    /// The answer as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Makes a table plan from the JSON of a
/// [`PlanRequest`](crate::planner::PlanRequest).
///
/// ```
/// let request = r#"{"attendees": [{"id": "00000000-0000-0000-0000-000000000001"}], "rounds": 2, "method": "rotation"}"#;
/// match gep_core::ffi::plan_tables(request) {
///     gep_core::ffi::PlanAnswer::Ok { plan } => assert_eq!(plan.rounds.len(), 2),
///     other => panic!("{other:?}"),
/// }
/// ```
pub fn plan_tables(request: &str) -> PlanAnswer {
    if let Err(violation) = crate::limits::check_input_size("request", request.len()) {
        return PlanAnswer::Failure {
            violations: vec![violation],
        };
    }
    let request: crate::planner::PlanRequest = match parse(request) {
        Ok(r) => r,
        Err(violations) => {
            return PlanAnswer::Failure {
                violations: violations.0,
            };
        }
    };
    match crate::planner::plan(&request) {
        Ok(plan) => PlanAnswer::Ok { plan: Box::new(plan) },
        Err(violations) if violations.errors().all(|v| v.code.is_input()) => PlanAnswer::Failure {
            violations: violations.0,
        },
        Err(violations) => PlanAnswer::Refused {
            violations: violations.0,
        },
    }
}
