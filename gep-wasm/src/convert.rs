//! JavaScript values in, JSON text to `gep-core`; JSON text out, plain
//! JavaScript objects back; violations thrown as `GepError`s.

use gep_core::{Code, Path, Violation};
use js_sys::{Error, JSON, Reflect};
use serde::Serialize;
use wasm_bindgen::JsValue;

/// The JSON text of an argument: a string as it is, any other value as
/// `JSON.stringify` writes it.
pub(crate) fn json_arg(value: &JsValue, name: &str) -> Result<String, JsValue> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    if value.is_undefined() || value.is_null() {
        return Err(bad_argument(name, "est manquant", "is missing"));
    }
    JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| bad_argument(name, "n'est pas du JSON", "is not JSON"))
}

/// A string argument.
pub(crate) fn text_arg(value: &JsValue, name: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| bad_argument(name, "doit être une chaîne", "must be a string"))
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
