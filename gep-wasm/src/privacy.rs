//! The report's anonymisation (DE08), the contact list (DE10) and the IC
//! record (OR08). Spans are in UTF-16 code units, as JavaScript strings
//! index.

use gep_core::ffi::{self, TextUnit};
use wasm_bindgen::prelude::*;

use crate::convert::{answer, json_arg, text_arg, to_js};

/// Finds the names, e-mails, phones and organisations of `roster` (and any
/// e-mail or phone) in `text`.
#[wasm_bindgen(js_name = scanText, unchecked_return_type = "ScanReply")]
pub fn scan_text(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer | RosterEntry[]")] roster: JsValue,
) -> Result<JsValue, JsValue> {
    answer(|| {
        let text = text_arg(&text, "text")?;
        Ok(to_js(&ffi::scan(
            &text,
            &json_arg(&roster, "roster")?,
            TextUnit::Utf16,
        ))?)
    })
}

/// `text` with what the scanner finds replaced by placeholders.
#[wasm_bindgen(js_name = redactText, unchecked_return_type = "RedactReply")]
pub fn redact_text(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer | RosterEntry[]")] roster: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "string | Uint8Array | ArrayBuffer | Partial<Placeholders> | null | undefined"
    )]
    placeholders: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    answer(|| {
        let placeholders = match placeholders.filter(|p| !p.is_null() && !p.is_undefined()) {
            Some(p) => Some(json_arg(&p, "placeholders")?),
            None => None,
        };
        let text = text_arg(&text, "text")?;
        Ok(to_js(&ffi::redact(
            &text,
            &json_arg(&roster, "roster")?,
            placeholders.as_deref(),
        ))?)
    })
}

/// The contact list of a document for `requester`, an attendee (DE10).
#[wasm_bindgen(js_name = contactList, unchecked_return_type = "ContactListReply")]
pub fn contact_list(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer | Document")] document: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PersonId")] requester: JsValue,
) -> Result<JsValue, JsValue> {
    answer(|| {
        Ok(to_js(&ffi::contact_list(
            &json_arg(&document, "document")?,
            &text_arg(&requester, "requester")?,
        ))?)
    })
}

/// The IC record of an approved document (OR08).
#[wasm_bindgen(js_name = icRecord, unchecked_return_type = "IcRecordReply")]
pub fn ic_record(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer | Document")] document: JsValue,
) -> Result<JsValue, JsValue> {
    answer(|| Ok(to_js(&ffi::ic_record(&json_arg(&document, "document")?))?))
}
