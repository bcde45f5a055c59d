//! The form checks of `ffi`: every violation of a partial form at once, at
//! the form field's path.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use gep_core::Code;
use gep_core::ffi::{self, Answer, FormCheck, Reply};
use serde_json::{Value, json};

fn check(reply: Reply<FormCheck>) -> FormCheck {
    match reply {
        Reply::Ok { value } => value,
        other => panic!("{other:?}"),
    }
}

fn found(check: &FormCheck) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = check
        .violations
        .iter()
        .map(|v| (v.code.as_str().to_owned(), v.path.to_string()))
        .collect();
    out.sort();
    out
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = list.iter().map(|(c, p)| ((*c).to_owned(), (*p).to_owned())).collect();
    out.sort();
    out
}

fn fixture(name: &str) -> Vec<Value> {
    let path = format!("{}/../tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The form of a command: its action's fields beside `at` and `actor`.
fn form_of(command: &Value) -> Value {
    let mut form = command["action"].as_object().unwrap().clone();
    form.remove("type");
    form.insert("at".into(), command["at"].clone());
    form.insert("actor".into(), command["actor"].clone());
    Value::Object(form)
}

fn announced_document() -> String {
    let commands = fixture("announced");
    let Answer::Ok { mut document, .. } = ffi::start("6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11", &commands[0].to_string())
    else {
        panic!()
    };
    for c in &commands[1..] {
        let Answer::Ok { document: next, .. } = ffi::apply(&document, &c.to_string()) else {
            panic!()
        };
        document = next;
    }
    document
}

#[test]
fn a_complete_proposal_form_is_accepted() {
    let form = form_of(&fixture("proposed")[0]);
    let c = check(ffi::validate_proposal_form(&form.to_string()));
    assert!(c.accepted, "{:?}", c.violations);
    assert!(c.violations.iter().all(|v| v.is_warning()));
}

#[test]
fn an_empty_proposal_form_lists_every_missing_field() {
    let c = check(ffi::validate_proposal_form("{}"));
    assert!(!c.accepted);
    let expected = [
        "at",
        "actor",
        "title",
        "theme",
        "questions",
        "format",
        "venue",
        "charter",
        "people",
    ];
    assert_eq!(found(&c), pairs(&expected.map(|p| ("IN03", p))));
}

#[test]
fn charter_violations_and_input_errors_come_together() {
    let mut form = form_of(&fixture("proposed")[0]);
    form["theme"] = json!("  ");
    form["questions"] = json!(["Comment ?", 3, ""]);
    form["charter"]["accepted"] = json!(false);
    form["format"].as_object_mut().unwrap().remove("start");
    form["zzz"] = json!(1);
    let c = check(ffi::validate_proposal_form(&form.to_string()));
    assert!(!c.accepted);
    // No DE07 for the format: its start is missing, so its duration is
    // unknown.
    assert_eq!(
        found(&c),
        pairs(&[
            ("DE01", "theme"),
            ("DE01", "questions[2]"),
            ("IN04", "questions[1]"),
            ("OR02", "charter.accepted"),
            ("IN03", "format.start"),
            ("IN02", "zzz"),
        ])
    );
    let de01 = c.violations.iter().find(|v| v.path.to_string() == "theme").unwrap();
    assert_eq!(de01.message_fr, "le thème général est vide");
}

#[test]
fn a_malformed_timestamp_is_reported_at_its_field() {
    let mut form = form_of(&fixture("proposed")[0]);
    form["format"]["end"] = json!("2026-04-16 12h30");
    let c = check(ffi::validate_proposal_form(&form.to_string()));
    assert_eq!(found(&c), pairs(&[("IN05", "format.end")]));
}

#[test]
fn the_organiser_must_be_a_member() {
    let mut form = form_of(&fixture("proposed")[0]);
    form["people"][0]["ic_status"] = json!("sympathiser");
    let c = check(ffi::validate_proposal_form(&form.to_string()));
    assert_eq!(found(&c), pairs(&[("OR01", "actor")]));
}

#[test]
fn a_form_that_is_not_an_object_is_a_failure() {
    for text in ["[]", "3", "{", ""] {
        let reply = ffi::validate_proposal_form(text);
        assert!(matches!(reply, Reply::Failure { .. }), "{text}: {reply:?}");
    }
}

/// A registration form the announced GEP accepts.
fn complete_registration_form() -> Value {
    json!({
        "at": "2026-02-03T10:00:00+01:00",
        "actor": "00000000-0000-0000-0000-0000000000aa",
        "person": {
            "id": "00000000-0000-0000-0000-0000000000aa",
            "given_name": "Zoé",
            "family_name": "Lefèvre",
            "email": "zoe.lefevre@exemple.fr",
            "ic_status": "non_member"
        },
        "role": "participant",
        "accepted_confidentiality": true
    })
}

#[test]
fn a_registration_form_is_checked_against_the_gep() {
    let document = announced_document();
    let mut form = complete_registration_form();
    let c = check(ffi::validate_registration_form(&document, &form.to_string()));
    assert!(c.accepted, "{:?}", c.violations);

    form["accepted_confidentiality"] = json!(false);
    form["on_behalf_of"] = json!("Ville de Lyon");
    form["person"].as_object_mut().unwrap().remove("email");
    let c = check(ffi::validate_registration_form(&document, &form.to_string()));
    assert_eq!(
        found(&c),
        pairs(&[
            ("PR05", "accepted_confidentiality"),
            ("PR04", "on_behalf_of"),
            ("IN03", "person.email")
        ])
    );
    assert!(
        c.violations
            .iter()
            .all(|v| !v.message_fr.is_empty() && !v.message_en.is_empty())
    );
}

/// Over a loaded GEP (`registration_form_for`, what a page holding the GEP
/// runs as the person types): the same answer as over the document, and the
/// GEP left as it was.
#[test]
fn a_registration_form_is_checked_alike_over_a_loaded_gep() {
    let text = announced_document();
    let gep = gep_core::AnyGep::from_json(&text).unwrap();
    let partial = json!({"person": {"given_name": "Zoé"}, "accepted_confidentiality": false});
    for form in [complete_registration_form(), partial, json!({}), json!("x")] {
        let form = form.to_string();
        let before = gep.clone();
        assert_eq!(
            ffi::registration_form_for(&gep, &form),
            ffi::validate_registration_form(&text, &form),
            "{form}"
        );
        assert_eq!(gep, before, "{form}");
    }
}

#[test]
fn a_registration_form_for_a_document_that_does_not_load_is_a_failure() {
    let reply = ffi::validate_registration_form("{}", "{}");
    let Reply::Failure { violations } = reply else {
        panic!("{reply:?}")
    };
    assert_eq!(violations[0].code, Code::IN03);
}

#[test]
fn repairs_are_bounded() {
    // A hundred bad questions: each is reported until the bound, and the
    // check ends.
    let questions: Vec<Value> = (0..100).map(Value::from).collect();
    let form = json!({"questions": questions});
    let c = check(ffi::validate_proposal_form(&form.to_string()));
    assert!(!c.accepted);
    assert!(c.violations.len() <= 65);
}
