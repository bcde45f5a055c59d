//! Documents and commands: load, start, apply.

use gep_core::ffi;
use wasm_bindgen::prelude::*;

use crate::convert::{answer, json_arg, text_arg, to_js};

/// Loads a document (JSON text or object): its state, snapshot and
/// document, or every violation that keeps it from loading.
#[wasm_bindgen(js_name = loadDocument, unchecked_return_type = "Answer")]
pub fn load_document(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer | Document")] document: JsValue,
) -> Result<JsValue, JsValue> {
    answer(|| Ok(to_js(&ffi::load(&json_arg(&document, "document")?))?))
}

/// Starts a GEP with id `gepId` from a `propose` command.
#[wasm_bindgen(js_name = startGep, unchecked_return_type = "Answer")]
pub fn start_gep(
    #[wasm_bindgen(js_name = gepId, unchecked_param_type = "GepId")] gep_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer | Command")] command: JsValue,
) -> Result<JsValue, JsValue> {
    answer(|| {
        Ok(to_js(&ffi::start(
            &text_arg(&gep_id, "gepId")?,
            &json_arg(&command, "command")?,
        ))?)
    })
}

/// Applies a command to a document: the new state, or every violation.
#[wasm_bindgen(js_name = applyCommand, unchecked_return_type = "Answer")]
pub fn apply_command(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer | Document")] document: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer | Command")] command: JsValue,
) -> Result<JsValue, JsValue> {
    answer(|| {
        Ok(to_js(&ffi::apply(
            &json_arg(&document, "document")?,
            &json_arg(&command, "command")?,
        ))?)
    })
}
