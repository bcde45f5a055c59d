//! Every conformance vector of `tests/` through the WebAssembly API, twice:
//! with the functions, and with the `Gep` handle. Both must give exactly what
//! the Rust runner (`gep-core/tests/conformance.rs`) gives: the vector's
//! `expect`. See `tests/README.md` for the semantics.

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::collections::BTreeMap;

use common::{codes, error_paths, js, s, thrown};
use gep_wasm::{Gep, apply_command, contact_list, ic_record, load_document, start_gep};
use serde_json::{Value, json};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

#[cfg(feature = "browser")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const DEFAULT_ID: &str = "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11";

/// What a run gives, in the shape of `expect`.
fn expect(state: Value, violations: Vec<String>, warnings: Vec<String>, paths: Vec<Value>, export: Value) -> Value {
    json!({"state": state, "violations": violations, "warnings": warnings, "paths": paths, "export": export})
}

/// The vector's document, as text, if it has one.
fn document_text(vector: &Value) -> Option<String> {
    vector["document_text"]
        .as_str()
        .map(str::to_owned)
        .or_else(|| vector.get("document").map(Value::to_string))
}

/// The commands to run: the fixture's, then the vector's.
fn commands(vector: &Value, fixtures: &BTreeMap<String, Vec<Value>>) -> Result<Vec<(bool, String)>, String> {
    let mut out = Vec::new();
    if let Some(given) = vector["given"].as_str() {
        let fixture = fixtures.get(given).ok_or_else(|| format!("no fixture `{given}`"))?;
        out.extend(fixture.iter().map(|c| (true, c.to_string())));
    }
    out.extend(
        vector["commands"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| (false, c.to_string())),
    );
    Ok(out)
}

/// The export of an accepted run, through `contact`/`record`: its errors are
/// the run's violations, its value the run's export.
fn exported(reply: Option<Value>) -> (Vec<String>, Vec<Value>, Value) {
    match reply {
        None => (vec![], vec![], Value::Null),
        Some(r) if r["status"] == "ok" => (vec![], vec![], r["value"].clone()),
        Some(r) => (
            codes(&r["violations"], "error"),
            error_paths(&r["violations"]),
            Value::Null,
        ),
    }
}

/// Saving then loading gives the same state and the same bytes.
fn round_trip(document: &str, state: &Value) -> Result<(), String> {
    let loaded = js(&load_document(s(document)).unwrap());
    if loaded["status"] != "ok" || &loaded["state"] != state {
        return Err(format!("the saved document does not load back: {loaded}"));
    }
    if loaded["document"].as_str() != Some(document) {
        return Err("saving again gives other bytes".into());
    }
    Ok(())
}

/// The run through the functions.
fn run_functions(vector: &Value, fixtures: &BTreeMap<String, Vec<Value>>) -> Result<Value, String> {
    let id = vector["gep_id"].as_str().unwrap_or(DEFAULT_ID);
    let export = vector.get("export");
    let accepted = |answer: &Value| -> Result<Value, String> {
        let document = answer["document"].as_str().unwrap_or_default();
        round_trip(document, &answer["state"])?;
        let reply = export.map(|e| match e["type"].as_str() {
            Some("contact_list") => js(&contact_list(s(document), e["requester"].clone().into_js()).unwrap()),
            _ => js(&ic_record(s(document)).unwrap()),
        });
        let (violations, paths, value) = exported(reply);
        let warnings = codes(&answer["snapshot"]["warnings"], "warning");
        Ok(expect(answer["state"].clone(), violations, warnings, paths, value))
    };
    if let Some(text) = document_text(vector) {
        let answer = js(&load_document(s(&text)).unwrap());
        return match answer["status"].as_str() {
            Some("ok") => accepted(&answer),
            _ if export.is_none() => {
                let vs = &answer["violations"];
                Ok(expect(
                    Value::Null,
                    codes(vs, "error"),
                    codes(vs, "warning"),
                    error_paths(vs),
                    Value::Null,
                ))
            }
            _ => Err(format!("the document of an export vector does not load: {answer}")),
        };
    }
    let commands = commands(vector, fixtures)?;
    let total = commands.len();
    let mut current: Option<Value> = None;
    for (i, (from_fixture, command)) in commands.into_iter().enumerate() {
        let answer = js(&match &current {
            None => start_gep(s(id), s(&command)).unwrap(),
            Some(a) => apply_command(s(a["document"].as_str().unwrap_or_default()), s(&command)).unwrap(),
        });
        if answer["status"] == "ok" {
            current = Some(answer);
            continue;
        }
        if i + 1 != total || from_fixture || export.is_some() {
            return Err(format!("command {i} refused before the end: {answer}"));
        }
        let vs = &answer["violations"];
        let mut warnings = current
            .as_ref()
            .map(|a| codes(&a["snapshot"]["warnings"], "warning"))
            .unwrap_or_default();
        warnings.extend(codes(vs, "warning"));
        warnings.sort();
        let state = current.map(|a| a["state"].clone()).unwrap_or(Value::Null);
        return Ok(expect(
            state,
            codes(vs, "error"),
            warnings,
            error_paths(vs),
            Value::Null,
        ));
    }
    accepted(&current.ok_or("no command")?)
}

/// The run through the `Gep` handle.
fn run_handle(vector: &Value, fixtures: &BTreeMap<String, Vec<Value>>) -> Result<Value, String> {
    let id = vector["gep_id"].as_str().unwrap_or(DEFAULT_ID);
    let export = vector.get("export");
    let accepted = |gep: &Gep| -> Result<Value, String> {
        let state = Value::from(gep.state());
        round_trip(&gep.save(), &state)?;
        let reply = export.map(|e| match e["type"].as_str() {
            Some("contact_list") => js(&gep.contact_list(e["requester"].clone().into_js()).unwrap()),
            _ => js(&gep.ic_record().unwrap()),
        });
        let (violations, paths, value) = exported(reply);
        let warnings = codes(&js(&gep.snapshot().unwrap())["warnings"], "warning");
        Ok(expect(state, violations, warnings, paths, value))
    };
    if let Some(text) = document_text(vector) {
        return match Gep::load(s(&text)) {
            Ok(gep) => accepted(&gep),
            Err(e) if export.is_none() => {
                let (code, vs) = thrown(&e);
                if code != vs[0]["code"] {
                    return Err(format!("the error's code {code} is not its first violation's"));
                }
                Ok(expect(
                    Value::Null,
                    codes(&vs, "error"),
                    codes(&vs, "warning"),
                    error_paths(&vs),
                    Value::Null,
                ))
            }
            Err(e) => Err(format!("the document of an export vector does not load: {e:?}")),
        };
    }
    let commands = commands(vector, fixtures)?;
    let total = commands.len();
    let mut gep: Option<Gep> = None;
    for (i, (from_fixture, command)) in commands.into_iter().enumerate() {
        let last = i + 1 == total && !from_fixture && export.is_none();
        let violations = match &mut gep {
            None => match Gep::start(s(id), s(&command)) {
                Ok(g) => {
                    gep = Some(g);
                    continue;
                }
                Err(e) => thrown(&e).1,
            },
            Some(g) => {
                let before = g.save();
                let answer = js(&g.apply(s(&command)).unwrap());
                if answer["status"] == "ok" {
                    continue;
                }
                if g.save() != before {
                    return Err("a refused command changed the document".into());
                }
                answer["violations"].clone()
            }
        };
        if !last {
            return Err(format!("command {i} refused before the end: {violations}"));
        }
        let mut warnings = gep
            .as_ref()
            .map(|g| codes(&js(&g.snapshot().unwrap())["warnings"], "warning"))
            .unwrap_or_default();
        warnings.extend(codes(&violations, "warning"));
        warnings.sort();
        let state = gep.as_ref().map(|g| Value::from(g.state())).unwrap_or(Value::Null);
        let (errors, paths) = (codes(&violations, "error"), error_paths(&violations));
        return Ok(expect(state, errors, warnings, paths, Value::Null));
    }
    accepted(&gep.ok_or("no command")?)
}

trait IntoJs {
    fn into_js(self) -> JsValue;
}

impl IntoJs for Value {
    fn into_js(self) -> JsValue {
        self.as_str().map(JsValue::from_str).unwrap_or(JsValue::NULL)
    }
}

/// The vector's `expect`, normalised: codes sorted; paths and export only
/// where the vector gives them (`got` is trimmed alike).
fn compare(vector: &Value, mut got: Value) -> Result<(), String> {
    let e = &vector["expect"];
    let sorted = |key: &str| {
        let mut list: Vec<String> = serde_json::from_value(e[key].clone()).unwrap_or_default();
        list.sort();
        list
    };
    let mut want = expect(
        e["state"].clone(),
        sorted("violations"),
        sorted("warnings"),
        vec![],
        Value::Null,
    );
    match e.get("paths").and_then(Value::as_array) {
        Some(paths) => {
            let mut paths = paths.clone();
            paths.sort_by_key(Value::to_string);
            want["paths"] = Value::Array(paths);
        }
        None => got["paths"] = json!([]),
    }
    match e.get("export") {
        Some(export) => want["export"] = export.clone(),
        None => got["export"] = Value::Null,
    }
    if got == want {
        Ok(())
    } else {
        Err(format!("\n  expected {want}\n  got      {got}"))
    }
}

#[wasm_bindgen_test]
fn every_vector_through_the_functions_and_the_handle() {
    let fixtures = common::fixtures();
    let vectors = common::vectors();
    assert!(vectors.len() > 200, "only {} vectors", vectors.len());
    let mut failures = Vec::new();
    for (file, vector) in &vectors {
        let name = vector["name"].as_str().unwrap_or("?");
        for (how, result) in [
            ("functions", run_functions(vector, &fixtures)),
            ("handle", run_handle(vector, &fixtures)),
        ] {
            if let Err(e) = result.and_then(|got| compare(vector, got)) {
                failures.push(format!("{name} ({file}, {how}): {e}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} vectors failed:\n{}",
        failures.len(),
        vectors.len(),
        failures.join("\n")
    );
}

#[wasm_bindgen_test]
fn the_runner_sees_a_wrong_expectation() {
    let fixtures = common::fixtures();
    let (_, mut vector) = common::vectors()
        .into_iter()
        .find(|(_, v)| v.get("given").is_some())
        .unwrap();
    let got = run_functions(&vector, &fixtures).unwrap();
    assert!(compare(&vector, got.clone()).is_ok());
    vector["expect"]["warnings"] = json!(["DE05"]);
    assert!(compare(&vector, got).is_err());
}
