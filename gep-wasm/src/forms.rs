//! The proposal and registration forms, checked as the person types.

use gep_core::ffi;
use wasm_bindgen::prelude::*;

use crate::convert::{answer, json_arg, to_js};

/// Checks a proposal form, complete or not: every violation, with the path
/// of its form field, in French and in English.
#[wasm_bindgen(js_name = validateProposalForm, unchecked_return_type = "FormReply")]
pub fn validate_proposal_form(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer | ProposalForm")] form: JsValue,
) -> Result<JsValue, JsValue> {
    answer(|| Ok(to_js(&ffi::validate_proposal_form(&json_arg(&form, "form")?))?))
}

/// Checks a registration form, complete or not, for the GEP of `document`.
#[wasm_bindgen(js_name = validateRegistrationForm, unchecked_return_type = "FormReply")]
pub fn validate_registration_form(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer | Document")] document: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer | RegistrationForm")] form: JsValue,
) -> Result<JsValue, JsValue> {
    answer(|| {
        Ok(to_js(&ffi::validate_registration_form(
            &json_arg(&document, "document")?,
            &json_arg(&form, "form")?,
        ))?)
    })
}
