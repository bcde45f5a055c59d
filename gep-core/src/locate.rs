//! Where in a JSON text a parse error lies, as a [`Path`]: the keys and
//! indices of the values open at the error's position.
//!
//! Documents and commands are parsed in one pass that tracks nothing; only
//! when that pass fails is the text before the error read again, by the
//! small scanner below, to name the path. Tracking the path during the parse
//! would cost a copy of every deserializer (it weighs on the WebAssembly
//! build) and an allocation for every key.

use crate::violation::{Path, PathSegment};

/// The path of the value that `error` (raised while parsing `text`) lies
/// in: every object key read and every array element begun before the
/// error's position. A missing field belongs to the object, not to the last
/// key read in it.
pub(crate) fn error_path(text: &str, error: &serde_json::Error) -> Path {
    let Some(offset) = byte_offset(text, error.line(), error.column()) else {
        return Path::root();
    };
    let place = match error.classify() {
        serde_json::error::Category::Data if error.to_string().starts_with("missing field") => Place::MissingField,
        serde_json::error::Category::Eof => Place::End,
        _ => Place::Value,
    };
    path_at(text.as_bytes().get(..offset).unwrap_or(text.as_bytes()), place)
}

/// The error's message without the position serde_json appends to it
/// (` at line L column C`).
pub(crate) fn message_without_position(error: &serde_json::Error) -> String {
    let mut message = error.to_string();
    if let Some(cut) = message.rfind(" at line ") {
        message.truncate(cut);
    }
    message
}

/// The byte offset of serde_json's 1-based `line` and byte `column` (0 when
/// serde_json gives no position).
fn byte_offset(text: &str, line: usize, column: usize) -> Option<usize> {
    if line == 0 {
        return None;
    }
    let start = if line == 1 {
        0
    } else {
        text.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .nth(line - 2)
            .map(|(i, _)| i + 1)?
    };
    Some(start.saturating_add(column).min(text.len()))
}

/// What the error is about, for the innermost key or index.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Place {
    /// A value: the innermost key or index counts while its value is read
    /// or has just ended (a value's own error is raised right after it).
    Value,
    /// The end of the text: a value that ended is done with.
    End,
    /// A missing field: the innermost object, if still open, is the place
    /// rather than its last key.
    MissingField,
}

/// One open container of the scan.
enum Frame {
    /// An object, with the key whose value is being read, if any.
    Object(Option<String>),
    /// An array, with the index of the current element and whether it has
    /// begun.
    Array(usize, bool),
}

/// The path at the end of `json`, a prefix of a JSON text, for an error
/// about `place`.
///
/// The innermost key or index counts while its value is being read or has
/// just ended; once past it, the error lies between values, in the
/// container.
fn path_at(json: &[u8], place: Place) -> Path {
    let mut stack: Vec<Frame> = Vec::new();
    // In an object, whether the next string is a key.
    let mut expect_key = false;
    // Where the innermost frame's current value ended, if it has.
    let mut ended_at = None;
    let mut in_scalar = false;
    let mut last = 0u8;
    let mut i = 0;
    while let Some(&b) = json.get(i) {
        if in_scalar && matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b',' | b':' | b'}' | b']') {
            in_scalar = false;
            ended_at = Some(i);
        }
        match b {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b':' => {}
            b'{' => {
                begin_value(&mut stack);
                stack.push(Frame::Object(None));
                expect_key = true;
                ended_at = None;
            }
            b'[' => {
                begin_value(&mut stack);
                stack.push(Frame::Array(0, false));
                ended_at = None;
            }
            b'}' | b']' => {
                stack.pop();
                expect_key = false;
                ended_at = Some(i + 1);
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::Array(index, begun)) => {
                        *index += 1;
                        *begun = false;
                    }
                    Some(Frame::Object(key)) => {
                        *key = None;
                        expect_key = true;
                    }
                    None => {}
                }
                ended_at = None;
            }
            b'"' => {
                let end = string_end(json, i + 1);
                if expect_key {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        *key = Some(decode_key(json.get(i..end).unwrap_or_default()));
                    }
                    expect_key = false;
                } else {
                    begin_value(&mut stack);
                    ended_at = Some(end);
                }
                last = b;
                i = end;
                continue;
            }
            _ => {
                if !in_scalar {
                    begin_value(&mut stack);
                    in_scalar = true;
                }
            }
        }
        last = b;
        i += 1;
    }
    let past_value = ended_at.is_some_and(|end| end < json.len() || place == Place::End);
    let still_open = last != b'}';
    if let Some(frame) = stack.last_mut() {
        match frame {
            Frame::Object(key) if past_value || (place == Place::MissingField && still_open) => *key = None,
            Frame::Array(_, begun) if past_value => *begun = false,
            _ => {}
        }
    }
    Path(
        stack
            .into_iter()
            .filter_map(|frame| match frame {
                Frame::Object(key) => key.map(PathSegment::Key),
                Frame::Array(index, true) => Some(PathSegment::Index(index)),
                Frame::Array(_, false) => None,
            })
            .collect(),
    )
}

/// Marks the current element of an enclosing array as begun.
fn begin_value(stack: &mut [Frame]) {
    if let Some(Frame::Array(_, begun)) = stack.last_mut() {
        *begun = true;
    }
}

/// The index just past the string whose contents start at `start` (past
/// its closing quote), or the end of `json` if it is cut short.
fn string_end(json: &[u8], start: usize) -> usize {
    let mut i = start;
    while let Some(&b) = json.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    json.len()
}

/// A key as written (quotes and escapes included), decoded; as written if it
/// is cut short or cannot be decoded.
fn decode_key(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    serde_json::from_str::<String>(&text).unwrap_or_else(|_| text.trim_matches('"').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(json: &str, missing: bool) -> Vec<PathSegment> {
        path_at(
            json.as_bytes(),
            if missing { Place::MissingField } else { Place::Value },
        )
        .0
    }

    fn key(k: &str) -> PathSegment {
        PathSegment::Key(k.to_owned())
    }

    #[test]
    fn the_path_names_open_keys_and_begun_elements() {
        assert_eq!(path("", false), vec![]);
        assert_eq!(path("{", false), vec![]);
        assert_eq!(path(r#"{"a""#, false), vec![key("a")]);
        assert_eq!(
            path(r#"{"a": 1, "b": [1, 2, {"c": "x"#, false),
            vec![key("b"), PathSegment::Index(2), key("c")]
        );
        assert_eq!(path(r#"{"a": [1, 2], "b": {"c": 1}, "d""#, false), vec![key("d")]);
        assert_eq!(path(r#"{"a": ["#, false), vec![key("a")]);
        assert_eq!(path(r#"{"a": [{"b": 1}, "#, false), vec![key("a")]);
        assert_eq!(
            path(r#"{"a": [{"b": 1}, 7"#, false),
            vec![key("a"), PathSegment::Index(1)]
        );
        assert_eq!(path(r#"{"a": [{"b": 1}]"#, false), vec![key("a")]);
        assert_eq!(path(r#"{"a": [{"b": 1}] "#, false), vec![]);
        assert_eq!(path(r#"{"a": "x""#, false), vec![key("a")]);
        assert_eq!(path(r#"{"a": "x" "#, false), vec![]);
        assert_eq!(path(r#"{"a": 12 "#, false), vec![]);
    }

    #[test]
    fn strings_with_brackets_quotes_and_escapes_are_skipped() {
        let json = r#"{"a": "} ] , { [ \" \\", "k\u00e9y\"": {"#;
        assert_eq!(path(json, false), vec![key("ké\u{0079}\"")]);
    }

    #[test]
    fn a_missing_field_is_the_object_itself() {
        assert_eq!(
            path(r#"[{"a": 1}, {"b": {"c": 1, "d": 2"#, true),
            vec![PathSegment::Index(1), key("b")]
        );
    }

    #[test]
    fn errors_from_serde_json_are_located() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Inner {
            n: u8,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Outer {
            items: Vec<Inner>,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Nested {
            inner: Inner,
        }
        for (json, expected) in [
            ("{\"inner\": {}}", vec![key("inner")]),
            ("{\"inner\": {\"n\": 1, \"x\": 2}}", vec![key("inner"), key("x")]),
            ("{\"inner\": {\"n\": 1}, \"x\": 2}", vec![]),
            ("{\"inner\": {\"n\": 1}}", vec![]),
        ] {
            match serde_json::from_str::<Nested>(json) {
                Err(error) => assert_eq!(error_path(json, &error).0, expected, "{json}: {error}"),
                Ok(_) => assert!(expected.is_empty(), "{json}"),
            }
        }
        for (json, expected) in [
            (
                "{\"items\": [{\"n\": 1}, {\"n\": 300}]}",
                vec![key("items"), PathSegment::Index(1), key("n")],
            ),
            (
                "{\"items\": [{\"n\": 1},\n {\"m\": 1}]}",
                vec![key("items"), PathSegment::Index(1), key("m")],
            ),
            (
                "{\"items\": [{\"n\": 1}, {}]}",
                vec![key("items"), PathSegment::Index(1)],
            ),
            ("{\"items\": [{\"n\": 1}, {\"n\": 2}]", vec![]),
            ("{\"items\": [{\"n\": 1}, {\"n\": 2}] ", vec![]),
            ("{\"items\": [{\"n\": 1}, {\"n\": 2}],", vec![]),
            ("{\"items\": [{\"n\": 1}, {\"n\": 2}, ", vec![key("items")]),
            ("{\"items\": [{\"n\": 1}, {\"n\": 2}", vec![key("items")]),
            (
                "{\"items\": [{\"n\": 1}, {\"n\": 2",
                vec![key("items"), PathSegment::Index(1), key("n")],
            ),
            (
                "{\"items\": [{\"n\": 1}, {\"n\": \"2\"}]}",
                vec![key("items"), PathSegment::Index(1), key("n")],
            ),
            (
                "{\"items\": [{\"n\": 1}, {\"n\": 300 }]}",
                vec![key("items"), PathSegment::Index(1), key("n")],
            ),
            (
                "{\"items\": [{\"n\": 1}, {\"n\": 2 , \"n\": 3}]}",
                vec![key("items"), PathSegment::Index(1), key("n")],
            ),
            (
                "{\"items\": [[\"x\"]]}",
                vec![key("items"), PathSegment::Index(0), PathSegment::Index(0)],
            ),
            ("{\"items\": {}}", vec![key("items")]),
            ("{}", vec![]),
            ("[]", vec![]),
            (
                "{\"items\":\n\n [{\"n\": x}]}",
                vec![key("items"), PathSegment::Index(0), key("n")],
            ),
        ] {
            match serde_json::from_str::<Outer>(json) {
                Err(error) => assert_eq!(error_path(json, &error).0, expected, "{json}: {error}"),
                Ok(_) => panic!("{json} parsed"),
            }
        }
    }
}
