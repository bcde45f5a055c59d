//! The rules catalogue.

use gep_core::ffi;
use wasm_bindgen::prelude::*;

use crate::convert::to_js;

/// Every code: its severity, where it applies, and its title in French and
/// in English.
#[wasm_bindgen(unchecked_return_type = "Rules")]
pub fn rules() -> Result<JsValue, JsValue> {
    to_js(&ffi::rules())
}
