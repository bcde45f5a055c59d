//! What the wasm-bindgen-test suites share: the embedded conformance data,
//! and conversions between JavaScript values and `serde_json` values.

#![allow(dead_code, missing_docs)]

use std::collections::BTreeMap;

use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

mod data {
    include!(concat!(env!("OUT_DIR"), "/test_data.rs"));
}

/// Every vector, with the name of its file.
pub fn vectors() -> Vec<(&'static str, Value)> {
    data::VECTORS
        .iter()
        .flat_map(|(file, text)| {
            let list: Vec<Value> = serde_json::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"));
            list.into_iter().map(move |v| (*file, v))
        })
        .collect()
}

/// Every fixture, by name.
pub fn fixtures() -> BTreeMap<String, Vec<Value>> {
    data::FIXTURES
        .iter()
        .map(|(name, text)| ((*name).to_owned(), serde_json::from_str(text).unwrap()))
        .collect()
}

/// The commands of a fixture, as JSON text.
pub fn fixture_commands(name: &str) -> Vec<String> {
    fixtures()[name].iter().map(Value::to_string).collect()
}

/// A JavaScript value as a `serde_json` value (through `JSON.stringify`).
pub fn js(value: &JsValue) -> Value {
    let text = js_sys::JSON::stringify(value).unwrap().as_string().unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// A string argument.
pub fn s(text: &str) -> JsValue {
    JsValue::from_str(text)
}

/// The `code` and `violations` of a thrown `GepError`.
pub fn thrown(error: &JsValue) -> (String, Value) {
    assert!(error.is_instance_of::<js_sys::Error>(), "not an Error: {error:?}");
    let name = js_sys::Reflect::get(error, &"name".into()).unwrap().as_string();
    assert_eq!(name.as_deref(), Some("GepError"));
    let code = js_sys::Reflect::get(error, &"code".into())
        .unwrap()
        .as_string()
        .unwrap_or_default();
    let violations = js(&js_sys::Reflect::get(error, &"violations".into()).unwrap());
    (code, violations)
}

/// The sorted codes of the violations of one severity.
pub fn codes(violations: &Value, severity: &str) -> Vec<String> {
    let mut out: Vec<String> = violations
        .as_array()
        .into_iter()
        .flatten()
        .filter(|v| v["severity"] == severity)
        .map(|v| v["code"].as_str().unwrap_or_default().to_owned())
        .collect();
    out.sort();
    out
}

/// The paths of the errors, sorted as the Rust runner sorts them.
pub fn error_paths(violations: &Value) -> Vec<Value> {
    let mut out: Vec<Value> = violations
        .as_array()
        .into_iter()
        .flatten()
        .filter(|v| v["severity"] == "error")
        .map(|v| v["path"].clone())
        .collect();
    out.sort_by_key(Value::to_string);
    out
}
