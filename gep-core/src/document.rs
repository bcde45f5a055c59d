//! The document: a versioned JSON event log. Loading replays it through the
//! state machine, so a document that breaks the charter cannot be loaded; it
//! gets the same coded violations, with paths into the document.
//!
//! ```
//! use gep_core::{AnyGep, sample};
//! let gep = sample::approved_gep().unwrap();
//! let saved = gep.to_json();
//! let loaded = AnyGep::from_json(&saved).unwrap();
//! assert_eq!(loaded, gep);
//! assert_eq!(loaded.to_json(), saved);
//! ```

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::any::AnyGep;
use crate::code::Code;
use crate::command::{Command, LogEntry};
use crate::ids::GepId;
use crate::limits::check_input_size;
use crate::strict::Strict;
use crate::tagged::INNER_PATH_TAG;
use crate::time::TIMESTAMP_ERROR_TAG;
use crate::violation::{Path, PathSegment, Violation, Violations};

/// The version of the document format this library reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// The largest document accepted, in bytes (IN09).
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

const VERSION_ERROR_TAG: &str = "gep-version:";

/// The stored form of a GEP.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The format's version: [`FORMAT_VERSION`].
    pub version: Version,
    /// The GEP's id.
    pub gep_id: GepId,
    /// The event log, oldest first; it starts with `proposed`.
    pub events: Vec<LogEntry>,
}

/// A document format version that this library supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, JsonSchema)]
#[schemars(transparent)]
pub struct Version(#[schemars(range(min = 1, max = 1))] u32);

impl Version {
    /// The current version.
    pub const CURRENT: Version = Version(FORMAT_VERSION);
}

impl Serialize for Version {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_u64(VersionVisitor)
    }
}

/// Checks the version as it is read, so that an error points at it.
struct VersionVisitor;

impl serde::de::Visitor<'_> for VersionVisitor {
    type Value = Version;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a format version number")
    }

    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Version, E> {
        if n == u64::from(FORMAT_VERSION) {
            Ok(Version(FORMAT_VERSION))
        } else {
            Err(E::custom(format_args!(
                "{VERSION_ERROR_TAG} format version {n} is not supported (this library reads version {FORMAT_VERSION})"
            )))
        }
    }
}

#[derive(Serialize)]
struct DocumentRef<'a> {
    version: Version,
    gep_id: GepId,
    events: &'a [LogEntry],
}

impl AnyGep {
    /// Saves the GEP as its JSON document (compact). Saving is
    /// deterministic: load then save gives the same bytes.
    pub fn to_json(&self) -> String {
        let doc = DocumentRef {
            version: Version::CURRENT,
            gep_id: self.id(),
            events: self.log(),
        };
        // Serialising plain structs with string keys cannot fail.
        serde_json::to_string(&doc).unwrap_or_default()
    }

    /// Saves the GEP as its JSON document, indented for reading.
    pub fn to_json_pretty(&self) -> String {
        let doc = DocumentRef {
            version: Version::CURRENT,
            gep_id: self.id(),
            events: self.log(),
        };
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    }

    /// Loads a document from bytes.
    ///
    /// # Errors
    /// IN09 past [`MAX_DOCUMENT_BYTES`], IN01 for bytes that are not UTF-8,
    /// then as [`AnyGep::from_json`].
    pub fn from_slice(bytes: &[u8]) -> Result<AnyGep, Violations> {
        check_input_size("document", bytes.len()).map_err(|v| Violations(vec![v]))?;
        let text = std::str::from_utf8(bytes).map_err(|e| {
            Violations(vec![crate::ffi::not_utf8(
                ("le document", "the document"),
                e.valid_up_to(),
            )])
        })?;
        Self::from_json(text)
    }

    /// Loads a document: parses it, then replays every event through the
    /// state machine.
    ///
    /// # Errors
    /// An input code (IN01–IN09) with its path when the JSON does not fit
    /// the format; otherwise the violations of the first event the charter
    /// refuses, with paths into the document (`["events", 4, "event", …]`).
    pub fn from_json(text: &str) -> Result<AnyGep, Violations> {
        check_input_size("document", text.len()).map_err(|v| Violations(vec![v]))?;
        let document: Document = parse(text)?;
        replay(document)
    }
}

/// Parses JSON into `T`, turning any error into one coded violation with the
/// path where it happened.
///
/// # Errors
/// IN01 (syntax), IN02 (unknown field), IN03 (missing field), IN04 (type or
/// value), IN05 (timestamp), IN06 (version).
pub fn parse<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, Violations> {
    // One pass that tracks nothing, structs read from objects only
    // ([`Strict`]); only when it fails is the text before the error read
    // again to name the path ([`crate::locate`]).
    let mut de = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(Strict(&mut de))
        .map_err(|e| Violations(vec![input_violation(crate::locate::error_path(text, &e), &e)]))?;
    // Trailing characters after the value.
    de.end()
        .map_err(|e| Violations(vec![input_violation(Path::root(), &e)]))?;
    Ok(value)
}

fn input_violation(mut path: Path, error: &serde_json::Error) -> Violation {
    let full = crate::locate::message_without_position(error);
    let mut message = full.as_str();
    if let Some((inner, rest)) = split_inner_path(message) {
        path.0.extend(inner);
        message = rest;
    }
    let (code, fr): (Code, String) = match error.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Io => (
            Code::IN01,
            format!("JSON mal formé (ligne {}, colonne {})", error.line(), error.column()),
        ),
        serde_json::error::Category::Eof => (Code::IN01, "JSON tronqué".to_owned()),
        serde_json::error::Category::Data => classify_data(message),
    };
    let message_en = message
        .trim_start_matches(TIMESTAMP_ERROR_TAG)
        .trim_start_matches(VERSION_ERROR_TAG)
        .trim()
        .to_owned();
    let mut v = Violation::error(code, path, elided(fr), elided(message_en));
    if code == Code::IN01 {
        v = v.with("line", error.line()).with("column", error.column());
    }
    v
}

/// The characters of a message kept at each end when it quotes too long a
/// value: serde_json's messages repeat the value they could not read
/// (`invalid type: string "…"`), which may be megabytes long.
const MESSAGE_ENDS: usize = 100;

/// A message of at most `2 × MESSAGE_ENDS` characters as it is; a longer
/// one with its middle replaced by ` … `, so that what it expected, at its
/// end, stays.
fn elided(message: String) -> String {
    let count = message.chars().count();
    if count <= 2 * MESSAGE_ENDS {
        return message;
    }
    let head = message.chars().take(MESSAGE_ENDS);
    let tail = message.chars().skip(count - MESSAGE_ENDS);
    head.chain(" … ".chars()).chain(tail).collect()
}

/// Splits `gep-inner-path:[…] message` (an error inside a buffered object,
/// see `tagged.rs`) into the inner path and the message.
fn split_inner_path(message: &str) -> Option<(Vec<PathSegment>, &str)> {
    let rest = message.strip_prefix(INNER_PATH_TAG)?;
    let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<Vec<PathSegment>>();
    let segments = stream.next()?.ok()?;
    let offset = stream.byte_offset();
    Some((segments, rest.get(offset..).unwrap_or("").trim_start()))
}

fn quoted(message: &str) -> &str {
    message.split('`').nth(1).unwrap_or("")
}

fn classify_data(message: &str) -> (Code, String) {
    if message.starts_with(TIMESTAMP_ERROR_TAG) {
        (
            Code::IN05,
            format!(
                "« {} » n'est pas un horodatage RFC 3339 avec décalage horaire",
                quoted(message)
            ),
        )
    } else if message.starts_with(VERSION_ERROR_TAG) {
        (
            Code::IN06,
            format!("version de format non prise en charge (attendue : {FORMAT_VERSION})"),
        )
    } else if message.starts_with("unknown field") {
        (Code::IN02, format!("champ inconnu « {} »", quoted(message)))
    } else if message.starts_with("missing field") {
        (Code::IN03, format!("champ manquant « {} »", quoted(message)))
    } else if message.starts_with("duplicate field") {
        (Code::IN04, format!("champ en double « {} »", quoted(message)))
    } else if message.starts_with("unknown variant") {
        (Code::IN04, format!("valeur inconnue « {} »", quoted(message)))
    } else {
        (Code::IN04, "type ou valeur incorrects".to_owned())
    }
}

/// Replays a log through the state machine (the purge of personal data
/// replays the purged log).
pub(crate) fn replay_log(gep_id: GepId, events: Vec<LogEntry>) -> Result<AnyGep, Violations> {
    replay(Document {
        version: Version::CURRENT,
        gep_id,
        events,
    })
}

/// Replays a parsed document through the state machine.
fn replay(document: Document) -> Result<AnyGep, Violations> {
    let count = document.events.len();
    if count > crate::limits::MAX_EVENTS {
        return Err(Violations(vec![crate::limits::too_many(
            Path::root().key("events"),
            crate::limits::MAX_EVENTS,
            "événements dans un document",
            "events in a document",
        )]));
    }
    let mut entries = document.events.into_iter().enumerate().peekable();
    let Some((_, first)) = entries.next() else {
        return Err(Violations(vec![Violation::error(
            Code::IN03,
            Path::root().key("events"),
            "le journal est vide : il commence par la proposition",
            "the log is empty: it starts with the proposal",
        )]));
    };
    let mut gep = match first.event.into_action() {
        Ok(action) => {
            AnyGep::start(document.gep_id, Command::new(first.at, first.actor, action)).map_err(|v| relocate(v, 0))?
        }
        Err(_) => {
            return Err(inconsistent(
                0,
                "un document commence par la proposition",
                "a document starts with the proposal",
            ));
        }
    };
    gep.reserve_log(count.saturating_sub(1));
    while let Some((i, entry)) = entries.next() {
        let action = entry.event.into_action().map_err(|_| {
            inconsistent(
                i,
                "cet événement dérivé ne découle pas de l'événement précédent",
                "this derived event does not follow from the previous one",
            )
        })?;
        let before = gep.log().len();
        gep = gep
            .apply(Command::new(entry.at, entry.actor, action))
            .map_err(|r| relocate(r.into_parts().1, i))?;
        // Derived events (an admission from the waiting list) must be in the
        // document exactly as the replay produced them.
        for derived in gep.log().get(before + 1..).unwrap_or_default() {
            match entries.next() {
                Some((_, stored))
                    if stored.at == derived.at && stored.actor == derived.actor && stored.event == derived.event => {}
                Some((j, _)) => {
                    return Err(inconsistent(
                        j,
                        "l'événement dérivé attendu ici est différent",
                        "the derived event expected here is different",
                    ));
                }
                None => {
                    return Err(inconsistent(
                        i + 1,
                        "un événement dérivé manque à la fin du journal",
                        "a derived event is missing at the end of the log",
                    ));
                }
            }
        }
    }
    Ok(gep)
}

fn inconsistent(index: usize, fr: &str, en: &str) -> Violations {
    Violations(vec![Violation::error(
        Code::IN08,
        Path::root().key("events").index(index),
        fr,
        en,
    )])
}

/// Moves violations found on a command into the document: `action.x` becomes
/// `events[i].event.x`, `at` becomes `events[i].at`.
fn relocate(violations: Violations, index: usize) -> Violations {
    let prefix = Path::root().key("events").index(index);
    Violations(
        violations
            .into_iter()
            .map(|mut v| {
                let mut segments = v.path.0.into_iter();
                let mut path = prefix.clone();
                match segments.next() {
                    Some(PathSegment::Key(k)) if k == "action" => path = path.key("event"),
                    Some(first) => path.0.push(first),
                    None => {}
                }
                path.0.extend(segments);
                v.path = path;
                v
            })
            .collect(),
    )
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
