//! WebAssembly bindings of `gep-core`: JSON in, JSON out.
//!
//! Every function converts strings and calls [`gep_core::ffi`]; no rule is
//! written here. Each returns the JSON of an answer whose `status` is `ok`,
//! `refused` or `failure`.

#![deny(missing_docs)]

use gep_core::ffi;
use wasm_bindgen::prelude::wasm_bindgen;

/// Loads a document and answers with its state, snapshot and document.
#[wasm_bindgen(js_name = loadDocument)]
pub fn load_document(document: &str) -> String {
    ffi::load(document).to_json()
}

/// Starts a GEP from a `propose` command.
#[wasm_bindgen(js_name = startGep)]
pub fn start_gep(gep_id: &str, command: &str) -> String {
    ffi::start(gep_id, command).to_json()
}

/// Applies a command to a document.
#[wasm_bindgen(js_name = applyCommand)]
pub fn apply_command(document: &str, command: &str) -> String {
    ffi::apply(document, command).to_json()
}

/// The rules catalogue, as JSON.
#[wasm_bindgen]
pub fn rules() -> String {
    serde_json::to_string(&ffi::rules()).unwrap_or_default()
}
