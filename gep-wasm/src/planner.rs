//! Table plans for the day (DE03).

use gep_core::ffi;
use wasm_bindgen::prelude::*;

use crate::convert::{answer, json_arg, to_js};

/// A table plan from a plan request: the rounds, each person's itinerary
/// measures and warnings; the same seed gives the same plan.
#[wasm_bindgen(js_name = planTables, unchecked_return_type = "PlanAnswer")]
pub fn plan_tables(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer | PlanRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    answer(|| Ok(to_js(&ffi::plan_tables(&json_arg(&request, "request")?))?))
}
