//! JavaScript values in, JSON text to `gep-core`; JSON text out, plain
//! JavaScript objects back; violations thrown as `GepError`s.
//!
//! Two things JavaScript lets through that the core must not see silently:
//!
//! - **Lone surrogates.** A JavaScript string is UTF-16 and may hold a lone
//!   surrogate (`"\uD800"`); wasm-bindgen would turn it into U+FFFD on the way
//!   in, changing the text without a word. A string argument that holds one
//!   is refused with IN01 at the root, its context giving the `argument` and
//!   the `offset` of the surrogate in UTF-16 code units. The check costs
//!   nothing unless the converted text holds a U+FFFD.
//! - **Non-finite numbers.** `JSON.stringify` writes `NaN` and `±Infinity` as
//!   `null`, which an optional field reads as "absent" (`cap: NaN` would mean
//!   no cap). In an object argument they are refused with IN04 at their path,
//!   as the Python binding refuses `float('nan')`.
//!
//! Either answers as a malformed input does: a `failure` answer, or a thrown
//! `GepError` from the calls that throw on failure (`Gep.load`, `Gep.start`).

use gep_core::ffi::Answer;
use gep_core::{Code, Path, PathSegment, Violation};
use js_sys::{ArrayBuffer, Error, JSON, JsString, Reflect, Uint8Array};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

/// Why an argument could not be read.
pub(crate) enum Unread {
    /// The call cannot run (a missing argument, a value that is not JSON):
    /// thrown as a `GepError`.
    Throw(JsValue),
    /// The argument is malformed input: answered as a `failure`.
    Input(Violation),
}

impl From<JsValue> for Unread {
    fn from(e: JsValue) -> Self {
        Unread::Throw(e)
    }
}

/// Runs a call: a malformed argument becomes its `failure` answer, which has
/// the same shape for every answer type (`{status: "failure", violations}`).
pub(crate) fn answer(run: impl FnOnce() -> Result<JsValue, Unread>) -> Result<JsValue, JsValue> {
    match run() {
        Ok(value) => Ok(value),
        Err(Unread::Throw(e)) => Err(e),
        Err(Unread::Input(v)) => to_js(&Answer::Failure { violations: vec![v] }),
    }
}

/// For the calls that throw on failure: a malformed argument is thrown too.
pub(crate) fn thrown(unread: Unread) -> JsValue {
    match unread {
        Unread::Throw(e) => e,
        Unread::Input(v) => gep_error(&[v]),
    }
}

/// The JSON text of an argument: a string as it is, UTF-8 bytes (a
/// `Uint8Array`, such as Node's `Buffer`, or an `ArrayBuffer`) as the text
/// they encode, any other value as `JSON.stringify` writes it (non-finite
/// numbers refused).
pub(crate) fn json_arg(value: &JsValue, name: &str) -> Result<String, Unread> {
    if let Some(text) = js_text(value, name)? {
        return Ok(text);
    }
    if let Some(text) = js_bytes(value, name)? {
        return Ok(text);
    }
    if value.is_undefined() || value.is_null() {
        return Err(bad_argument(name, "est manquant", "is missing").into());
    }
    let mut non_finite = false;
    let mut replacer = |_key: JsString, v: JsValue| -> Result<Option<JsValue>, wasm_bindgen::JsError> {
        if v.as_f64().is_some_and(|n| !n.is_finite()) {
            non_finite = true;
            return Ok(Some(JsValue::from_str(NON_FINITE)));
        }
        Ok(Some(v))
    };
    let json = JSON::stringify_with_replacer_func(value, &mut replacer, None)
        .ok()
        .filter(|s| s.is_string())
        .ok_or_else(|| bad_argument(name, "n'est pas du JSON", "is not JSON"))?;
    check_units(&json, name)?;
    let text = json
        .as_string()
        .ok_or_else(|| bad_argument(name, "n'est pas du JSON", "is not JSON"))?;
    if non_finite {
        return Err(Unread::Input(non_finite_number(&text)));
    }
    Ok(text)
}

/// A string argument.
pub(crate) fn text_arg(value: &JsValue, name: &str) -> Result<String, Unread> {
    js_text(value, name)?.ok_or_else(|| bad_argument(name, "doit être une chaîne", "must be a string").into())
}

/// A JavaScript string as Rust text, or `None` for another value; IN09 for
/// a string past the size limit (in code units before the copy, in UTF-8
/// bytes after), IN01 for one that holds a lone surrogate.
fn js_text(value: &JsValue, name: &str) -> Result<Option<String>, Unread> {
    let Some(js) = value.dyn_ref::<JsString>() else {
        return Ok(None);
    };
    check_units(js, name)?;
    let Some(text) = js.as_string() else {
        return Ok(None);
    };
    gep_core::limits::check_input_size(name, text.len()).map_err(Unread::Input)?;
    // A lone surrogate arrives as U+FFFD: look closer only then.
    if holds_replacement_character(&text)
        && let Some(offset) = lone_surrogate(js)
    {
        return Err(Unread::Input(
            Violation::error(
                Code::IN01,
                Path::root(),
                format!(
                    "l'argument « {name} » contient un demi-caractère UTF-16 isolé (unité {offset}) : ce n'est pas du texte Unicode"
                ),
                format!("the argument `{name}` holds a lone UTF-16 surrogate (code unit {offset}): it is not Unicode text"),
            )
            .with("argument", name)
            .with("offset", offset),
        ));
    }
    Ok(Some(text))
}

/// IN09 for a string of more UTF-16 code units than a document may have
/// bytes (UTF-8 takes at least a byte for each unit), before the string is
/// copied into the module: a string of hundreds of megabytes would not fit
/// in its memory.
fn check_units(js: &JsString, name: &str) -> Result<(), Unread> {
    let units = usize::try_from(js.length()).unwrap_or(usize::MAX);
    gep_core::limits::check_input_size(name, units).map_err(Unread::Input)
}

/// UTF-8 bytes as text, or `None` for a value that is neither a
/// `Uint8Array` nor an `ArrayBuffer`. Past the size limit they are refused
/// (IN09) before they are copied into the module; bytes that are not UTF-8
/// are IN01 with the `offset` where they stop being UTF-8.
fn js_bytes(value: &JsValue, name: &str) -> Result<Option<String>, Unread> {
    if !value.is_instance_of::<Uint8Array>() && !value.is_instance_of::<ArrayBuffer>() {
        return Ok(None);
    }
    let unreadable = || {
        bad_argument(
            name,
            "ne peut pas être lu (tampon détaché, ou mémoire épuisée)",
            "cannot be read (a detached buffer, or memory exhausted)",
        )
    };
    // The size first: the getter of `byteLength` reads the internal slots
    // of a real buffer or view, and throws (caught) for an object that only
    // has their prototype, before anything is copied element by element.
    let size = byte_length(value).ok_or_else(unreadable)?;
    gep_core::limits::check_input_size(name, size).map_err(Unread::Input)?;
    // The engine copies a Uint8Array (or views an ArrayBuffer) from its
    // internal slots: no getter of the value runs, and a detached buffer is
    // an exception caught here, not one thrown through the module, which
    // would leave a `Gep` handle borrowed for good.
    let bytes: Uint8Array = ByteCopy::new(value)
        .map(JsCast::unchecked_into)
        .map_err(|_| unreadable())?;
    // The size of the copy, which is the module's own array: a view whose
    // `byteLength` was redefined on it could have given another above.
    let size = byte_length(&bytes).ok_or_else(unreadable)?;
    gep_core::limits::check_input_size(name, size).map_err(Unread::Input)?;
    let what = (format!("l'argument « {name} »"), format!("the argument `{name}`"));
    gep_core::ffi::utf8_text(bytes.to_vec(), (&what.0, &what.1))
        .map(Some)
        .map_err(|v| Unread::Input(v.with("argument", name)))
}

/// The `byteLength` of a buffer or view, read as a number:
/// `Uint8Array::length` is a u32, which a buffer of 4 GiB wraps to 0. A
/// float-to-integer cast saturates, so 2^32 and more stay past the limit.
fn byte_length(value: &JsValue) -> Option<usize> {
    let n = Reflect::get(value, &JsValue::from_str("byteLength")).ok()?.as_f64()?;
    Some(n as usize)
}

#[wasm_bindgen]
extern "C" {
    /// A `Uint8Array` made by `new`, with an exception caught.
    #[wasm_bindgen(js_name = Uint8Array)]
    type ByteCopy;

    /// `new Uint8Array(value)`, its exception caught.
    #[wasm_bindgen(constructor, js_class = "Uint8Array", catch)]
    fn new(value: &JsValue) -> Result<ByteCopy, JsValue>;
}

/// Whether `text` holds U+FFFD (`EF BF BD` in UTF-8). Every string argument
/// goes through this check, a whole document included: `memchr` finds the
/// rare byte `EF` (it starts only the characters U+F000 to U+FFFF) several
/// bytes at a time, where `str::contains` runs a general substring search.
fn holds_replacement_character(text: &str) -> bool {
    const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();
    let mut rest = text.as_bytes();
    while let Some(at) = memchr::memchr(0xEF, rest) {
        let Some(tail) = rest.get(at..) else { return false };
        if tail.starts_with(REPLACEMENT) {
            return true;
        }
        rest = tail.get(1..).unwrap_or_default();
    }
    false
}

/// Where the first lone surrogate of `s` is, in UTF-16 code units.
fn lone_surrogate(s: &JsString) -> Option<usize> {
    let mut offset = 0;
    for unit in char::decode_utf16(s.iter()) {
        match unit {
            Ok(c) => offset += c.len_utf16(),
            Err(_) => return Some(offset),
        }
    }
    None
}

/// What a non-finite number becomes while stringifying, to be found after.
const NON_FINITE: &str = "\u{0}gep:non-finite-number\u{0}";

/// IN04 at the path of the first non-finite number of an argument.
fn non_finite_number(text: &str) -> Violation {
    let path = serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|value| find_marker(&value, &mut Vec::new()))
        .unwrap_or_default();
    Violation::error(
        Code::IN04,
        path,
        "nombre non fini (NaN ou infini)",
        "non-finite number (NaN or infinity)",
    )
}

fn find_marker(value: &Value, at: &mut Vec<PathSegment>) -> Option<Path> {
    match value {
        Value::String(s) if s == NON_FINITE => Some(Path(at.clone())),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, v)| {
            at.push(PathSegment::Index(i));
            let found = find_marker(v, at);
            at.pop();
            found
        }),
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            at.push(PathSegment::Key(k.clone()));
            let found = find_marker(v, at);
            at.pop();
            found
        }),
        _ => None,
    }
}

/// A value as the plain JavaScript object of its JSON.
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| bad_argument("result", "", &e.to_string()))?;
    JSON::parse(&text)
}

/// A `GepError`: an `Error` with the first violation's `code`, and every
/// violation.
pub(crate) fn gep_error(violations: &[Violation]) -> JsValue {
    let first = violations.first();
    let error = Error::new(&first.map(ToString::to_string).unwrap_or_default());
    error.set_name("GepError");
    let code = first.map(|v| v.code.as_str()).unwrap_or_default();
    let list = to_js(&violations).unwrap_or(JsValue::NULL);
    // Setting a property on a fresh Error cannot fail.
    let _ = Reflect::set(&error, &"code".into(), &code.into());
    let _ = Reflect::set(&error, &"violations".into(), &list);
    error.into()
}

fn bad_argument(name: &str, fr: &str, en: &str) -> JsValue {
    let violation = Violation::error(
        Code::IN04,
        Path::root().key(name),
        format!("l'argument « {name} » {fr}"),
        format!("the argument `{name}` {en}"),
    );
    gep_error(&[violation])
}

#[cfg(test)]
mod tests {
    use super::holds_replacement_character;

    #[test]
    fn finds_u_fffd_as_str_contains_does() {
        // Characters whose UTF-8 starts with EF, as U+FFFD's does, around it.
        let near = [
            "\u{F000}", "\u{FEFF}", "\u{FFFC}", "\u{FFFE}", "\u{FFBD}", "\u{FFFD}", "é", "🙂", "a",
        ];
        let mut texts = vec![String::new(), "\u{FFFD}".to_owned(), "Zoé Perrin".to_owned()];
        for a in near {
            for b in near {
                for c in near {
                    texts.push(format!("{a}{b}{c}"));
                    texts.push(format!("x{a}yy{b}zzz{c}"));
                }
            }
        }
        for text in &texts {
            assert_eq!(holds_replacement_character(text), text.contains('\u{FFFD}'), "{text:?}");
        }
        assert!(texts.iter().any(|t| holds_replacement_character(t)));
        assert!(
            texts
                .iter()
                .any(|t| !holds_replacement_character(t) && t.contains('\u{FFBD}'))
        );
    }
}
