//! The `ffi` functions over a loaded GEP (`start_gep`, `apply_to`,
//! `contact_list_of`, `ic_record_of`; `registration_form_for` is in
//! `forms.rs`) answer exactly as their counterparts over the document text,
//! and a refused or unreadable command gives the GEP back unchanged.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use gep_core::ffi::{self, Answer};
use gep_core::{AnyGep, Code, State, sample};
use serde_json::Value;

const GEP_ID: &str = "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11";

fn fixture(name: &str) -> Vec<Value> {
    let path = format!("{}/../tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The document of an `ok` answer.
fn document(answer: &Answer) -> &str {
    match answer {
        Answer::Ok { document, .. } => document,
        other => panic!("not ok: {other:?}"),
    }
}

/// Every fixture's commands, through both paths side by side.
#[test]
fn every_fixture_goes_the_same_way_over_the_text_and_over_the_loaded_gep() {
    for name in [
        "proposed",
        "validated",
        "announced",
        "announced_capped",
        "held",
        "reported",
        "approved",
    ] {
        let commands = fixture(name);
        let first = commands[0].to_string();
        let mut gep = ffi::start_gep(GEP_ID, &first).unwrap();
        let mut text_answer = ffi::start(GEP_ID, &first);
        assert_eq!(document(&text_answer), gep.to_json(), "{name}: start");
        for (i, command) in commands.iter().enumerate().skip(1) {
            let command = command.to_string();
            let (next, answer) = ffi::apply_to(gep, &command);
            text_answer = ffi::apply(document(&text_answer), &command);
            assert_eq!(answer, text_answer, "{name}: command {i}");
            assert_eq!(next.to_json(), document(&answer), "{name}: command {i}");
            gep = next;
        }
    }
}

#[test]
fn a_refused_or_unreadable_command_gives_the_gep_back_unchanged() {
    let gep = sample::approved_gep().unwrap();
    let text = gep.to_json();
    // An approved GEP takes no registration: refused by the lifecycle.
    let register = sample::register(1);
    let register = serde_json::to_string(&register).unwrap();
    let (back, answer) = ffi::apply_to(gep.clone(), &register);
    assert_eq!(back, gep);
    assert_eq!(answer, ffi::apply(&text, &register));
    let Answer::Refused { violations } = &answer else {
        panic!("{answer:?}")
    };
    assert!(violations.iter().any(|v| v.code == Code::LC01), "{violations:?}");

    for unreadable in ["{", "[]", r#"{"at": "2026-01-01T00:00:00+01:00"}"#] {
        let (back, answer) = ffi::apply_to(gep.clone(), unreadable);
        assert_eq!(back, gep, "{unreadable}");
        assert_eq!(answer, ffi::apply(&text, unreadable), "{unreadable}");
        assert!(matches!(answer, Answer::Failure { .. }), "{unreadable}: {answer:?}");
    }
}

#[test]
fn a_start_that_does_not_read_gives_its_input_violations() {
    let propose = serde_json::to_string(&sample::propose()).unwrap();
    for (id, command) in [("not-a-uuid", propose.as_str()), (GEP_ID, "{")] {
        let violations = ffi::start_gep(id, command).unwrap_err();
        let Answer::Failure { violations: text } = ffi::start(id, command) else {
            panic!("{id} {command}")
        };
        assert_eq!(violations.0, text);
        assert!(violations.0.iter().all(|v| v.code.is_input()), "{violations:?}");
    }
    assert_eq!(ffi::start_gep(GEP_ID, &propose).unwrap().state(), State::Proposed);
}

#[test]
fn contact_list_and_ic_record_answer_alike() {
    let gep: AnyGep = sample::approved_gep().unwrap();
    let text = gep.to_json();
    let people = gep.people().iter().map(|p| p.id.to_string()).collect::<Vec<_>>();
    for requester in people.iter().map(String::as_str).chain(["not-a-uuid", GEP_ID]) {
        assert_eq!(
            ffi::contact_list_of(&gep, requester),
            ffi::contact_list(&text, requester),
            "{requester}"
        );
    }
    assert!(
        people
            .iter()
            .any(|id| matches!(ffi::contact_list_of(&gep, id), ffi::Reply::Ok { .. }))
    );
    assert_eq!(ffi::ic_record_of(&gep), ffi::ic_record(&text));
    assert!(matches!(ffi::ic_record_of(&gep), ffi::Reply::Ok { .. }));
}
