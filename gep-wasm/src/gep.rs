//! `Gep`: a GEP held by the page, as a handle with methods.

use gep_core::ffi::{self, Answer};
use gep_core::{Snapshot, State};
use wasm_bindgen::prelude::*;

use crate::convert::{answer, gep_error, json_arg, text_arg, thrown, to_js};

/// A GEP: its document, state and snapshot. Commands move it forward; a
/// refused command leaves it as it was.
#[wasm_bindgen]
pub struct Gep {
    document: String,
    state: State,
    snapshot: Box<Snapshot>,
}

impl Gep {
    fn from_answer(answer: Answer) -> Result<Gep, JsValue> {
        match answer {
            Answer::Ok {
                state,
                document,
                snapshot,
                ..
            } => Ok(Gep {
                document,
                state,
                snapshot,
            }),
            Answer::Refused { violations } | Answer::Failure { violations } => Err(gep_error(&violations)),
        }
    }
}

#[wasm_bindgen]
impl Gep {
    /// Loads a document; throws a `GepError` with every violation when it
    /// does not load.
    pub fn load(#[wasm_bindgen(unchecked_param_type = "string | Document")] document: JsValue) -> Result<Gep, JsValue> {
        Gep::from_answer(ffi::load(&json_arg(&document, "document").map_err(thrown)?))
    }

    /// Starts a GEP from a `propose` command; throws a `GepError` with every
    /// violation when it is refused.
    pub fn start(
        #[wasm_bindgen(js_name = gepId, unchecked_param_type = "GepId")] gep_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Command")] command: JsValue,
    ) -> Result<Gep, JsValue> {
        let gep_id = text_arg(&gep_id, "gepId").map_err(thrown)?;
        Gep::from_answer(ffi::start(&gep_id, &json_arg(&command, "command").map_err(thrown)?))
    }

    /// Applies a command. Accepted, the GEP moves on; refused, it stays as it
    /// was and the answer holds every violation.
    #[wasm_bindgen(unchecked_return_type = "Answer")]
    pub fn apply(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | Command")] command: JsValue,
    ) -> Result<JsValue, JsValue> {
        answer(|| {
            let answer = ffi::apply(&self.document, &json_arg(&command, "command")?);
            let js = to_js(&answer)?;
            if let Ok(next) = Gep::from_answer(answer) {
                *self = next;
            }
            Ok(js)
        })
    }

    /// The state.
    #[wasm_bindgen(getter, unchecked_return_type = "State")]
    pub fn state(&self) -> String {
        self.state.as_str().to_owned()
    }

    /// The document, as JSON text: what to store.
    pub fn save(&self) -> String {
        self.document.clone()
    }

    /// The current state, for display.
    #[wasm_bindgen(unchecked_return_type = "Snapshot")]
    pub fn snapshot(&self) -> Result<JsValue, JsValue> {
        to_js(&self.snapshot)
    }

    /// Checks a registration form for this GEP.
    #[wasm_bindgen(js_name = validateRegistrationForm, unchecked_return_type = "FormReply")]
    pub fn validate_registration_form(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | RegistrationForm")] form: JsValue,
    ) -> Result<JsValue, JsValue> {
        answer(|| {
            Ok(to_js(&ffi::validate_registration_form(
                &self.document,
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
            Ok(to_js(&ffi::contact_list(
                &self.document,
                &text_arg(&requester, "requester")?,
            ))?)
        })
    }

    /// The IC record, once approved (OR08).
    #[wasm_bindgen(js_name = icRecord, unchecked_return_type = "IcRecordReply")]
    pub fn ic_record(&self) -> Result<JsValue, JsValue> {
        to_js(&ffi::ic_record(&self.document))
    }
}
