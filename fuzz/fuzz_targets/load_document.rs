//! `load_document`: arbitrary bytes as a GEP document.
//!
//! Properties:
//! - loading never panics, through the bytes entry (`AnyGep::from_slice`)
//!   and, for UTF-8, the text entry (`AnyGep::from_json`), and both agree;
//! - a refused document gets at least one error, each with a code and both
//!   messages; bytes that are not UTF-8 get IN01;
//! - a document that loads saves to a document that loads to an equal GEP,
//!   and saving that one gives byte-identical JSON; the snapshot and the
//!   exports do not panic.

#![no_main]

use gep_core::{AnyGep, Code, Violations};
use libfuzzer_sys::fuzz_target;

fn check_refusal(violations: &Violations) {
    assert!(
        violations.errors().next().is_some(),
        "a refusal without an error: {violations:?}"
    );
    for v in violations.as_slice() {
        assert!(
            !v.message_fr.is_empty() && !v.message_en.is_empty(),
            "a violation without a message: {v:?}"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let from_bytes = AnyGep::from_slice(data);
    match std::str::from_utf8(data) {
        Ok(text) => {
            let from_text = AnyGep::from_json(text);
            assert_eq!(from_bytes, from_text, "the bytes and the text entries disagree");
        }
        Err(_) => {
            let violations = from_bytes.as_ref().expect_err("bytes that are not UTF-8 loaded");
            assert_eq!(violations.codes(), vec![Code::IN01]);
        }
    }
    let gep = match from_bytes {
        Ok(gep) => gep,
        Err(violations) => {
            check_refusal(&violations);
            return;
        }
    };
    let saved = gep.to_json();
    let reloaded = match AnyGep::from_json(&saved) {
        Ok(g) => g,
        Err(v) => panic!("a saved document does not load: {v:?}\n{saved}"),
    };
    assert_eq!(reloaded, gep, "save then load is not the identity");
    assert_eq!(reloaded.to_json(), saved, "saving twice gives different bytes");
    // The pretty form is the same document.
    assert_eq!(AnyGep::from_json(&gep.to_json_pretty()).as_ref(), Ok(&gep));
    let snapshot = gep.snapshot();
    assert_eq!(snapshot.events, gep.log().len());
    let _ = gep.ic_record();
    for person in gep.people() {
        let _ = gep.contact_list(person.id);
    }
});
