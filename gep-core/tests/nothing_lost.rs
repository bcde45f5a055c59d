//! Nothing is lost by a refusal: for every conformance vector whose last step
//! is refused (`tests/vectors/`), and for every adversarial case that applies
//! a command (`tests/adversarial/`), the GEP saved after the refusal is
//! byte-identical to its save before the attempt, and the GEP given back
//! still takes a valid command.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod adversarial_cases;

use std::collections::BTreeMap;

use adversarial_cases::{DEFAULT_ID, Entry, cases, fixtures, given_document, tests_dir};
use gep_core::ffi::{self, Answer};
use gep_core::{AnyGep, Code, Command, GepId, PersonId, State};
use serde_json::Value;

/// A command every open state takes: the organiser asks for support, dated
/// after anything the fixtures and vectors hold.
fn follow_up(gep: &AnyGep) -> Command {
    let text = serde_json::json!({
        "at": "2099-01-01T00:00:00+00:00",
        "actor": gep.organiser().to_string(),
        "action": {"type": "request_support", "topic": "un lieu pour la prochaine séance"},
    })
    .to_string();
    gep_core::document::parse(&text).unwrap()
}

/// The GEP given back by a refusal is whole: its document loads back equal,
/// and it takes a valid command (a closed GEP refuses it with LC01, as any).
fn still_works(gep: AnyGep, what: &str) {
    let saved = gep.to_json();
    assert_eq!(
        AnyGep::from_json(&saved).unwrap(),
        gep,
        "{what}: the saved document loads back equal"
    );
    let events = gep.log().len();
    match gep.state() {
        State::Declined | State::Cancelled => {
            let refused = gep.apply(follow_up_closed()).unwrap_err();
            assert_eq!(refused.violations().codes(), vec![Code::LC01], "{what}");
        }
        _ => {
            let command = follow_up(&gep);
            let next = gep
                .apply(command)
                .unwrap_or_else(|r| panic!("{what}: a valid command after the refusal: {}", r.violations()));
            assert_eq!(next.log().len(), events + 1, "{what}");
        }
    }
}

fn follow_up_closed() -> Command {
    let text = serde_json::json!({
        "at": "2099-01-01T00:00:00+00:00",
        "actor": "00000000-0000-0000-0000-000000000001",
        "action": {"type": "request_support", "topic": "un lieu"},
    })
    .to_string();
    gep_core::document::parse(&text).unwrap()
}

/// Applies a refused command to `gep` both ways (typed, and through the
/// JSON boundary the bindings call) and checks that nothing is lost.
fn check_refusal(gep: AnyGep, raw: &str, what: &str) {
    let before = gep.to_json();
    match gep_core::document::parse::<Command>(raw) {
        Err(_) => {
            // Unreadable: the GEP is never touched; the boundary says so.
            assert!(matches!(ffi::apply(&before, raw), Answer::Failure { .. }), "{what}");
            still_works(gep, what);
        }
        Ok(command) => {
            let refused = gep
                .apply(command)
                .err()
                .unwrap_or_else(|| panic!("{what}: expected a refusal"));
            let (back, _) = refused.into_parts();
            assert_eq!(back.to_json(), before, "{what}: a refused command changed the document");
            assert!(!matches!(ffi::apply(&before, raw), Answer::Ok { .. }), "{what}");
            still_works(back, what);
        }
    }
}

#[derive(Default, Debug)]
struct Counts {
    commands: usize,
    exports: usize,
    adversarial: usize,
}

fn parse(value: &Value) -> Command {
    gep_core::document::parse(&value.to_string()).unwrap()
}

/// Runs a vector up to its refusal; returns what it checked.
fn vector(v: &Value, fixtures: &BTreeMap<String, Vec<Value>>, counts: &mut Counts) {
    let name = v["name"].as_str().unwrap();
    if v.get("document").is_some() || v.get("document_text").is_some() {
        return; // A refused document leaves no GEP behind.
    }
    let mut commands: Vec<Value> = Vec::new();
    if let Some(given) = v.get("given").and_then(Value::as_str) {
        commands.extend(fixtures[given].iter().cloned());
    }
    commands.extend(v["commands"].as_array().cloned().unwrap_or_default());
    let refused = !v["expect"]["violations"].as_array().unwrap().is_empty();
    let id: GepId = v
        .get("gep_id")
        .and_then(Value::as_str)
        .unwrap_or(DEFAULT_ID)
        .parse()
        .unwrap();
    let (last, before_last) = commands.split_last().unwrap();
    let export = v.get("export");
    let mut gep: Option<AnyGep> = None;
    for raw in if refused && export.is_none() {
        before_last
    } else {
        &commands[..]
    } {
        gep = Some(match gep {
            None => AnyGep::start(id, parse(raw)).unwrap(),
            Some(g) => g.apply(parse(raw)).unwrap(),
        });
    }
    if !refused {
        return;
    }
    let Some(gep) = gep else {
        return; // A refused `propose`: no GEP before the attempt.
    };
    match export {
        None => {
            check_refusal(gep, &last.to_string(), name);
            counts.commands += 1;
        }
        Some(export) => {
            let before = gep.to_json();
            let result = match export["type"].as_str().unwrap() {
                "contact_list" => {
                    let requester: PersonId = export["requester"].as_str().unwrap().parse().unwrap();
                    gep.contact_list(requester).map(|_| ())
                }
                _ => gep.ic_record().map(|_| ()),
            };
            assert!(result.is_err(), "{name}: the export is refused");
            assert_eq!(gep.to_json(), before, "{name}: a refused export changed the document");
            still_works(gep, name);
            counts.exports += 1;
        }
    }
}

#[test]
fn a_refused_conformance_step_loses_nothing() {
    let fixtures = fixtures();
    let mut counts = Counts::default();
    let mut files: Vec<_> = std::fs::read_dir(tests_dir().join("vectors"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for path in files {
        let vectors: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for v in &vectors {
            vector(v, &fixtures, &mut counts);
        }
    }
    eprintln!("nothing lost: {counts:?}");
    // Every refused command vector and every refused export are checked: at
    // least as many as today, so that the test cannot pass on nothing.
    assert!(counts.commands >= 80, "{counts:?}");
    assert!(counts.exports >= 4, "{counts:?}");
}

#[test]
fn a_refused_adversarial_command_loses_nothing() {
    let fixtures = fixtures();
    let mut counts = Counts::default();
    let mut failures = Vec::new();
    for (file, case) in cases() {
        if case.entry != Entry::Apply || case.expect.status == "ok" {
            continue;
        }
        let what = format!("{file}: {}", case.name);
        let checked = std::panic::catch_unwind(|| {
            let document = given_document(&case, &fixtures);
            let gep = AnyGep::from_json(&document).unwrap();
            check_refusal(gep, &case.input.expand(), &what);
        });
        if checked.is_err() {
            let awaits = case.awaits.as_deref().unwrap_or("-");
            failures.push(format!("{what} [awaits: {awaits}]"));
        }
        counts.adversarial += 1;
    }
    eprintln!("nothing lost: {counts:?}");
    assert!(failures.is_empty(), "failed:\n{}", failures.join("\n"));
    assert!(counts.adversarial >= 50, "{counts:?}");
}
