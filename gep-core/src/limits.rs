//! The sizes the library accepts, each refused with IN09 before any costly
//! work.
//!
//! A GEP gathers a few dozen people for half a day; the limits leave wide
//! room above any real meeting while keeping every check linear in the size
//! of its input and every answer quick, whatever arrives from a web form or a
//! file.
//!
//! | What | Limit | Where it is checked |
//! |---|---|---|
//! | a document | [`MAX_DOCUMENT_BYTES`] bytes | before parsing |
//! | events in a document | [`MAX_EVENTS`] | before replaying; and each command |
//! | one text of a command | [`MAX_TEXT_BYTES`] bytes | each command, before its rules |
//! | a person's name, e-mail, phone, organisation | [`MAX_NAME_BYTES`] bytes | each command |
//! | one list of a command | [`MAX_ITEMS`] items | each command |
//! | people known to a GEP | [`MAX_PEOPLE`] | each command that adds people |
//! | registrations of a GEP | [`MAX_REGISTRATIONS`] | `register` |
//! | a table plan | [`planner::MAX_PEOPLE`](crate::planner::MAX_PEOPLE) people, [`planner::MAX_ROUNDS`](crate::planner::MAX_ROUNDS) rounds | the planner's request |
//! | a text to scan or redact | [`MAX_DOCUMENT_BYTES`] bytes | [`ffi`](crate::ffi) entry points |
//! | a redacted text | [`MAX_DOCUMENT_BYTES`] bytes | [`Redactor::try_redact`](crate::privacy::Redactor::try_redact), as it is written |
//!
//! ```
//! use gep_core::{AnyGep, Code, sample};
//! use gep_core::limits::MAX_TEXT_BYTES;
//!
//! let mut propose = sample::propose();
//! if let gep_core::Action::Propose(p) = &mut propose.action {
//!     p.theme = "x".repeat(MAX_TEXT_BYTES + 1);
//! }
//! let refused = AnyGep::start(sample::GEP, propose).unwrap_err();
//! assert_eq!(refused.codes(), vec![Code::IN09]);
//! assert_eq!(refused.0[0].path.to_string(), "action.theme");
//! ```

use serde::Serialize;
use serde::ser;

use crate::code::Code;
use crate::violation::{Path, PathSegment, Violation};

pub use crate::document::MAX_DOCUMENT_BYTES;

/// The most events a document holds.
pub const MAX_EVENTS: usize = 10_000;
/// The longest text in a command (a synthesis section, the discussion…), in
/// UTF-8 bytes.
pub const MAX_TEXT_BYTES: usize = 256 * 1024;
/// The longest name, e-mail, phone or organisation of a person, in UTF-8
/// bytes.
pub const MAX_NAME_BYTES: usize = 256;
/// The most items in any one list of a command (attendance, subgroups,
/// questions, documents…).
pub const MAX_ITEMS: usize = 2_500;
/// The most people a GEP knows (team, registrants, walk-ins).
pub const MAX_PEOPLE: usize = 2_500;
/// The most registrations a GEP takes, withdrawn ones included.
pub const MAX_REGISTRATIONS: usize = 2_000;

/// At most this many size violations are reported for one command: past it,
/// the input is plainly not a GEP's.
const MAX_REPORTED: usize = 50;

/// The fields that hold a person's name or contact details.
const NAME_FIELDS: [&str; 5] = ["given_name", "family_name", "email", "phone", "organisation"];

/// IN09 for every text and list of `payload` past the limits, with its path
/// under `base`. One walk over the payload that neither allocates nor
/// formats nor follows the fields; only when a text longer than a name or
/// a list past its limit comes up (a report's texts do), a second walk that
/// follows the fields and keeps the paths.
pub(crate) fn check_payload<T: Serialize + ?Sized>(payload: &T, base: &[&'static str], out: &mut Vec<Violation>) {
    let mut walker = Walker {
        tracking: false,
        field: None,
        stack: Vec::new(),
        base,
        found: Vec::new(),
    };
    // The walker's own errors only stop the walk early; what it found stays.
    if payload.serialize(&mut walker).is_ok() {
        return;
    }
    walker.tracking = true;
    let _ = payload.serialize(&mut walker);
    out.append(&mut walker.found);
}

/// IN09, at the root, when an input of `size` bytes (a document, a
/// request, a text to scan) is larger than a document may be
/// ([`MAX_DOCUMENT_BYTES`]): checked before it is read. `argument` names
/// the input in the message and the context.
///
/// ```
/// use gep_core::{Code, limits};
/// assert!(limits::check_input_size("text", 7).is_ok());
/// let refused = limits::check_input_size("text", limits::MAX_DOCUMENT_BYTES + 1);
/// assert_eq!(refused.unwrap_err().code, Code::IN09);
/// ```
///
/// # Errors
/// The IN09 violation, with the `argument`, its `size` and the `max`.
pub fn check_input_size(argument: &str, size: usize) -> Result<(), Violation> {
    let max = MAX_DOCUMENT_BYTES;
    if size <= max {
        return Ok(());
    }
    Err(Violation::error(
        Code::IN09,
        Path::root(),
        format!("« {argument} » dépasse la taille maximale ({size} octets, au plus {max})"),
        format!("`{argument}` exceeds the maximum size ({size} bytes, at most {max})"),
    )
    .with("argument", argument)
    .with("size", size)
    .with("max", max))
}

/// IN09 at `path`: a GEP would know more than [`MAX_PEOPLE`] people.
pub(crate) fn too_many_people(path: Path) -> Violation {
    too_many(path, MAX_PEOPLE, "personnes dans un GEP", "people in a GEP")
}

/// IN09 when a command could take a GEP's log past [`MAX_EVENTS`]: a
/// command appends at most two events (a withdrawal and the admission from
/// the waiting list it frees), so that a saved document never holds more
/// than the limit that loading applies.
pub(crate) fn check_events(events: usize, path: impl FnOnce() -> Path, out: &mut Vec<Violation>) {
    if events.saturating_add(2) > MAX_EVENTS {
        out.push(too_many(
            path(),
            MAX_EVENTS,
            "événements dans un GEP",
            "events in a GEP",
        ));
    }
}

/// IN09: more than `max` of something.
pub(crate) fn too_many(path: Path, max: usize, what_fr: &str, what_en: &str) -> Violation {
    Violation::error(
        Code::IN09,
        path,
        format!("au plus {max} {what_fr}"),
        format!("at most {max} {what_en}"),
    )
    .with("max", max)
}

fn too_long(path: Path, len: usize, max: usize) -> Violation {
    Violation::error(
        Code::IN09,
        path,
        format!("texte trop long ({len} octets, au plus {max})"),
        format!("text too long ({len} bytes, at most {max})"),
    )
    .with("length", len)
    .with("max", max)
}

/// A serializer that serializes nothing: it walks the payload, keeping the
/// path, and notes each text or list past the limits.
struct Walker<'a> {
    /// Whether to follow the fields, keep the path and note violations;
    /// otherwise the walk stops at the first text longer than a name or
    /// list past its limit.
    tracking: bool,
    /// The struct field being walked, if the walk is right inside one.
    field: Option<&'static str>,
    stack: Vec<Segment>,
    base: &'a [&'static str],
    found: Vec<Violation>,
}

/// A step of the walker's path, borrowed where it can be: the walk
/// allocates nothing for the fields of a struct.
enum Segment {
    Field(&'static str),
    Index(usize),
    Key(String),
}

impl Segment {
    fn to_path_segment(&self) -> PathSegment {
        match self {
            Segment::Field(name) => PathSegment::Key((*name).to_owned()),
            Segment::Index(i) => PathSegment::Index(*i),
            Segment::Key(key) => PathSegment::Key(key.clone()),
        }
    }
}

/// Stops the walk once enough has been found.
#[derive(Debug)]
struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("size limits: enough found")
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl Walker<'_> {
    fn path(&self) -> Path {
        let mut path = Path(self.base.iter().map(|k| PathSegment::Key((*k).to_owned())).collect());
        path.0.extend(self.stack.iter().map(Segment::to_path_segment));
        path
    }

    fn note(&mut self, violation: impl FnOnce(Path) -> Violation) -> Result<(), Stop> {
        if !self.tracking {
            return Err(Stop);
        }
        let v = violation(self.path());
        self.found.push(v);
        if self.found.len() >= MAX_REPORTED {
            Err(Stop)
        } else {
            Ok(())
        }
    }

    fn text(&mut self, s: &str) -> Result<(), Stop> {
        if s.len() <= MAX_NAME_BYTES.min(MAX_TEXT_BYTES) {
            return Ok(());
        }
        if !self.tracking {
            // Which limit applies depends on the field, which only the
            // second pass follows.
            return Err(Stop);
        }
        let in_name = self.field.is_some_and(|k| NAME_FIELDS.contains(&k));
        let max = if in_name { MAX_NAME_BYTES } else { MAX_TEXT_BYTES };
        if s.len() > max {
            self.note(|path| too_long(path, s.len(), max))?;
        }
        Ok(())
    }

    fn list(&mut self, len: Option<usize>) -> Result<(), Stop> {
        match len {
            Some(len) if len > MAX_ITEMS => {
                self.note(|path| too_many(path, MAX_ITEMS, "éléments dans une liste", "items in a list"))
            }
            _ => Ok(()),
        }
    }

    fn nested<T: Serialize + ?Sized>(&mut self, segment: Segment, value: &T) -> Result<(), Stop> {
        if !self.tracking {
            return value.serialize(&mut *self);
        }
        let field = std::mem::replace(
            &mut self.field,
            match segment {
                Segment::Field(name) => Some(name),
                Segment::Index(_) | Segment::Key(_) => None,
            },
        );
        if self.tracking {
            self.stack.push(segment);
        }
        let result = value.serialize(&mut *self);
        if self.tracking {
            self.stack.pop();
        }
        self.field = field;
        result
    }
}

/// The same walker, inside a list, a map or a struct.
///
/// Map keys are texts too, checked like values; they are named in the path
/// only when tracking.
struct Compound<'w, 'a> {
    walker: &'w mut Walker<'a>,
    index: usize,
    key: Option<String>,
}

impl<'w, 'a> ser::Serializer for &'w mut Walker<'a> {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Compound<'w, 'a>;
    type SerializeTuple = Compound<'w, 'a>;
    type SerializeTupleStruct = Compound<'w, 'a>;
    type SerializeTupleVariant = Compound<'w, 'a>;
    type SerializeMap = Compound<'w, 'a>;
    type SerializeStruct = Compound<'w, 'a>;
    type SerializeStructVariant = Compound<'w, 'a>;

    fn serialize_bool(self, _: bool) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_f64(self, _: f64) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_char(self, _: char) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Stop> {
        self.text(v)
    }
    /// Ids and timestamps come this way: short by construction, so not
    /// even formatted.
    fn collect_str<T: std::fmt::Display + ?Sized>(self, _: &T) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        self.nested(Segment::Field(variant), value)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'w, 'a>, Stop> {
        self.list(len)?;
        Ok(Compound {
            walker: self,
            index: 0,
            key: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'w, 'a>, Stop> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'w, 'a>, Stop> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Compound<'w, 'a>, Stop> {
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'w, 'a>, Stop> {
        self.serialize_seq(len)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'w, 'a>, Stop> {
        Ok(Compound {
            walker: self,
            index: 0,
            key: None,
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Compound<'w, 'a>, Stop> {
        self.serialize_struct("", 0)
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let index = self.index;
        self.index += 1;
        self.walker.nested(Segment::Index(index), value)
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

/// Tuples are walked as lists.
macro_rules! like_a_list {
    ($($trait:ident :: $method:ident),*) => {
        $(
            impl ser::$trait for Compound<'_, '_> {
                type Ok = ();
                type Error = Stop;
                fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
                    ser::SerializeSeq::serialize_element(self, value)
                }
                fn end(self) -> Result<(), Stop> {
                    Ok(())
                }
            }
        )*
    };
}

like_a_list!(
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Stop> {
        key.serialize(&mut *self.walker)?;
        if self.walker.tracking {
            self.key = match serde_json::to_value(key) {
                Ok(serde_json::Value::String(name)) => Some(name),
                Ok(other) => Some(other.to_string()),
                Err(_) => None,
            };
        }
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let key = self.key.take().unwrap_or_default();
        self.walker.nested(Segment::Key(key), value)
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Stop> {
        self.walker.nested(Segment::Field(key), value)
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Stop> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    struct Person {
        given_name: String,
        notes: Vec<String>,
        extra: BTreeMap<String, String>,
    }

    fn found(p: &Person) -> Vec<(String, Code)> {
        let mut out = Vec::new();
        check_payload(p, &["action"], &mut out);
        out.into_iter().map(|v| (v.path.to_string(), v.code)).collect()
    }

    #[test]
    fn within_the_limits_nothing_is_found() {
        let p = Person {
            given_name: "Awa".into(),
            notes: vec!["x".repeat(MAX_TEXT_BYTES)],
            extra: BTreeMap::from([("k".into(), "v".into())]),
        };
        assert!(found(&p).is_empty());
    }

    #[test]
    fn names_texts_lists_and_map_values_have_their_paths() {
        let p = Person {
            given_name: "a".repeat(MAX_NAME_BYTES + 1),
            notes: vec![String::new(), "x".repeat(MAX_TEXT_BYTES + 1)],
            extra: BTreeMap::from([("k".into(), "v".repeat(MAX_TEXT_BYTES + 1))]),
        };
        assert_eq!(
            found(&p),
            vec![
                ("action.given_name".to_owned(), Code::IN09),
                ("action.notes[1]".to_owned(), Code::IN09),
                ("action.extra.k".to_owned(), Code::IN09),
            ]
        );
    }

    #[test]
    fn long_lists_are_refused() {
        let p = Person {
            given_name: String::new(),
            notes: vec![String::new(); MAX_ITEMS + 1],
            extra: BTreeMap::new(),
        };
        assert_eq!(found(&p), vec![("action.notes".to_owned(), Code::IN09)]);
    }

    #[test]
    fn the_count_of_violations_is_bounded() {
        let p = Person {
            given_name: String::new(),
            notes: vec!["x".repeat(MAX_TEXT_BYTES + 1); MAX_REPORTED + 10],
            extra: BTreeMap::new(),
        };
        assert_eq!(found(&p).len(), MAX_REPORTED);
    }
}
