//! `Gep`: a GEP held by the page, as a handle with methods.

use gep_core::AnyGep;
use gep_core::ffi;
use wasm_bindgen::prelude::*;

use crate::convert::{answer, gep_error, json_arg, text_arg, thrown, to_js};

/// A GEP held by the page, loaded once: commands, form checks, the contact
/// list and the IC record work on it without reading its document again.
/// A refused command leaves it as it was.
#[wasm_bindgen]
pub struct Gep {
    gep: AnyGep,
}

#[wasm_bindgen]
impl Gep {
    /// Loads a document; throws a `GepError` with every violation when it
    /// does not load.
    pub fn load(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer | Document")] document: JsValue,
    ) -> Result<Gep, JsValue> {
        let text = json_arg(&document, "document").map_err(thrown)?;
        match AnyGep::from_json(&text) {
            Ok(gep) => Ok(Gep { gep }),
            Err(violations) => Err(gep_error(&violations.0)),
        }
    }

    /// Starts a GEP from a `propose` command; throws a `GepError` with every
    /// violation when it is refused.
    pub fn start(
        #[wasm_bindgen(js_name = gepId, unchecked_param_type = "GepId")] gep_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer | Command")] command: JsValue,
    ) -> Result<Gep, JsValue> {
        let gep_id = text_arg(&gep_id, "gepId").map_err(thrown)?;
        let command = json_arg(&command, "command").map_err(thrown)?;
        match ffi::start_gep(&gep_id, &command) {
            Ok(gep) => Ok(Gep { gep }),
            Err(violations) => Err(gep_error(&violations.0)),
        }
    }

    /// Applies a command. Accepted, the GEP moves on; refused, it stays as it
    /// was and the answer holds every violation.
    #[wasm_bindgen(unchecked_return_type = "Answer")]
    pub fn apply(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer | Command")] command: JsValue,
    ) -> Result<JsValue, JsValue> {
        answer(|| {
            let command = json_arg(&command, "command")?;
            // Refused, the GEP comes back as it was.
            let (gep, answer) = ffi::apply_to(self.gep.clone(), &command);
            let js = to_js(&answer)?;
            self.gep = gep;
            Ok(js)
        })
    }

    /// The state.
    #[wasm_bindgen(getter, unchecked_return_type = "State")]
    pub fn state(&self) -> String {
        self.gep.state().as_str().to_owned()
    }

    /// The document, as JSON text: what to store.
    pub fn save(&self) -> String {
        self.gep.to_json()
    }

    /// The current state, for display.
    #[wasm_bindgen(unchecked_return_type = "Snapshot")]
    pub fn snapshot(&self) -> Result<JsValue, JsValue> {
        to_js(&self.gep.snapshot())
    }

    /// Checks a registration form for this GEP.
    #[wasm_bindgen(js_name = validateRegistrationForm, unchecked_return_type = "FormReply")]
    pub fn validate_registration_form(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer | RegistrationForm")] form: JsValue,
    ) -> Result<JsValue, JsValue> {
        answer(|| {
            Ok(to_js(&ffi::registration_form_for(
                &self.gep,
                &json_arg(&form, "form")?,
            ))?)
        })
    }

    /// The contact list for `requester`, an attendee (DE10).
    #[wasm_bindgen(js_name = contactList, unchecked_return_type = "ContactListReply")]
    pub fn contact_list(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PersonId")] requester: JsValue,
    ) -> Result<JsValue, JsValue> {
        answer(|| {
            Ok(to_js(&ffi::contact_list_of(
                &self.gep,
                &text_arg(&requester, "requester")?,
            ))?)
        })
    }

    /// The IC record, once approved (OR08).
    #[wasm_bindgen(js_name = icRecord, unchecked_return_type = "IcRecordReply")]
    pub fn ic_record(&self) -> Result<JsValue, JsValue> {
        to_js(&ffi::ic_record_of(&self.gep))
    }
}
