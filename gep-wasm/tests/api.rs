//! The binding surface: camelCase functions and the `Gep` handle, spans in
//! UTF-16 code units, forms, errors that carry codes, and inputs that never
//! make the module trap.

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{fixture_commands, js, s, thrown};
use gep_wasm::*;
use js_sys::{Array, JsString, Object, Reflect};
use serde_json::{Value, json};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

#[cfg(feature = "browser")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const ID: &str = "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11";

fn gep_at(fixture: &str) -> Gep {
    let commands = fixture_commands(fixture);
    let mut gep = Gep::start(s(ID), s(&commands[0])).unwrap();
    for c in &commands[1..] {
        assert_eq!(js(&gep.apply(s(c)).unwrap())["status"], "ok");
    }
    gep
}

fn roster() -> JsValue {
    s(
        r#"[{"id": "00000000-0000-0000-0000-000000000001", "given_name": "Hélène", "family_name": "Dubois-Martin",
           "email": "helene.duboismartin@exemple.fr", "phone": "06 12 34 56 78"},
          {"id": "00000000-0000-0000-0000-000000000002", "given_name": "Karim", "family_name": "Benali"}]"#,
    )
}

/// Every finding's span, taken with JavaScript's own `slice`, is its text.
fn spans_hold(text: &str) -> Vec<Value> {
    let reply = js(&scan_text(s(text), roster()).unwrap());
    assert_eq!(reply["status"], "ok", "{reply}");
    let found = reply["value"].as_array().unwrap().clone();
    let js_text = JsString::from(text);
    for f in &found {
        let (start, end) = (f["start"].as_u64().unwrap() as u32, f["end"].as_u64().unwrap() as u32);
        assert_eq!(
            String::from(js_text.slice(start, end)),
            f["text"].as_str().unwrap(),
            "{f} in {text:?}"
        );
    }
    found
}

fn kinds(found: &[Value]) -> Vec<&str> {
    found.iter().map(|f| f["kind"].as_str().unwrap()).collect()
}

#[wasm_bindgen_test]
fn spans_are_utf16_code_units_on_accented_text() {
    let found = spans_hold("Échange animé : Hélène Dubois-Martin (06 12 34 56 78) a répondu à Karim.");
    assert!(
        kinds(&found).contains(&"name") && kinds(&found).contains(&"phone"),
        "{found:?}"
    );
}

#[wasm_bindgen_test]
fn spans_are_utf16_code_units_on_emoji() {
    let text = "🙂🙂 Karim 👋🏽 a écrit à helene.duboismartin@exemple.fr 🎉";
    let found = spans_hold(text);
    let email = found.iter().find(|f| f["kind"] == "email").unwrap();
    // Two emoji of two code units each, a space, then the name: the e-mail
    // starts where JavaScript's indexOf says.
    let at = JsString::from(text).index_of("helene.", 0);
    assert_eq!(email["start"].as_i64().unwrap(), i64::from(at));
    assert!(kinds(&found).contains(&"name"));
}

#[wasm_bindgen_test]
fn spans_are_utf16_code_units_on_nfd_text() {
    // "Hélène" with combining accents (NFD): six letters, eight code units.
    let text = "Merci à He\u{301}le\u{300}ne pour l'accueil 🙂.";
    let found = spans_hold(text);
    let name = found
        .iter()
        .find(|f| f["kind"] == "name")
        .expect("the NFD name is found");
    assert_eq!(name["start"], 8);
    assert_eq!(name["end"], 16);
}

#[wasm_bindgen_test]
fn redaction_removes_what_the_scan_finds() {
    let text = "Hélène Dubois-Martin 🙂 helene.duboismartin@exemple.fr";
    let reply = js(&redact_text(s(text), roster(), None).unwrap());
    let redacted = reply["value"].as_str().unwrap();
    assert!(!redacted.contains("Hélène") && !redacted.contains('@'), "{redacted}");
    assert!(redacted.contains('🙂'));
    let custom = js(&redact_text(s(text), roster(), Some(s(r#"{"email": "[e-mail]"}"#))).unwrap());
    assert!(custom["value"].as_str().unwrap().contains("[e-mail]"));
}

#[wasm_bindgen_test]
fn a_partial_proposal_form_gives_every_violation_at_its_field() {
    let form = Object::new();
    Reflect::set(&form, &"theme".into(), &"  ".into()).unwrap();
    let reply = js(&validate_proposal_form(form.into()).unwrap());
    let check = &reply["value"];
    assert_eq!(check["accepted"], false);
    let theme = check["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["path"] == json!(["theme"]))
        .unwrap();
    assert_eq!(theme["code"], "DE01");
    assert_eq!(theme["severity"], "error");
    assert_eq!(theme["message_fr"], "le thème général est vide");
    assert!(!theme["message_en"].as_str().unwrap().is_empty());
    let missing: Vec<&Value> = check["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["code"] == "IN03")
        .collect();
    assert!(missing.iter().any(|v| v["path"] == json!(["venue"])));
}

#[wasm_bindgen_test]
fn a_registration_form_is_checked_against_the_gep() {
    let gep = gep_at("announced");
    let form = json!({
        "at": "2026-02-03T10:00:00+01:00", "actor": "00000000-0000-0000-0000-0000000000aa",
        "person": {"id": "00000000-0000-0000-0000-0000000000aa", "given_name": "Zoé", "family_name": "Lefèvre",
                   "email": "zoe.lefevre@exemple.fr", "ic_status": "non_member"},
        "role": "observer", "accepted_confidentiality": false
    });
    let by_handle = js(&gep.validate_registration_form(s(&form.to_string())).unwrap());
    let by_function = js(&validate_registration_form(s(&gep.save()), s(&form.to_string())).unwrap());
    assert_eq!(by_handle, by_function);
    let mut found: Vec<(String, String)> = by_handle["value"]["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["code"].as_str().unwrap().to_owned(), v["path"].to_string()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            ("PR05".to_owned(), r#"["accepted_confidentiality"]"#.to_owned()),
            ("PR07".to_owned(), r#"["role"]"#.to_owned())
        ]
    );
}

#[wasm_bindgen_test]
fn the_handle_loads_applies_and_saves() {
    let mut gep = gep_at("validated");
    assert_eq!(gep.state(), "validated");
    let saved = gep.save();
    let announce = r#"{"at": "2026-02-01T09:00:00+01:00", "actor": "00000000-0000-0000-0000-000000000001",
                       "action": {"type": "announce", "ic_site": true, "mailing_list": false}}"#;
    let refused = js(&gep.apply(s(announce)).unwrap());
    assert_eq!(refused["status"], "refused");
    assert_eq!(refused["violations"][0]["code"], "OR05");
    assert_eq!(refused["violations"][0]["path"], json!(["action", "mailing_list"]));
    assert_eq!(gep.save(), saved, "a refused command changes nothing");
    let loaded = Gep::load(s(&saved)).unwrap();
    assert_eq!(loaded.save(), saved);
    assert_eq!(js(&loaded.snapshot().unwrap())["state"], "validated");
}

#[wasm_bindgen_test]
fn documents_and_commands_may_be_objects() {
    let gep = gep_at("proposed");
    let document = js_sys::JSON::parse(&gep.save()).unwrap();
    let answer = js(&load_document(document).unwrap());
    assert_eq!(answer["status"], "ok");
    assert_eq!(answer["document"].as_str().unwrap(), gep.save());
}

#[wasm_bindgen_test]
fn exports_and_rules() {
    let approved = gep_at("approved");
    assert_eq!(approved.state(), "approved");
    let record = js(&approved.ic_record().unwrap());
    assert_eq!(record["status"], "ok", "{record}");
    let early = js(&ic_record(s(&gep_at("held").save())).unwrap());
    assert_eq!(early["status"], "refused");
    assert_eq!(early["violations"][0]["code"], "OR08");
    let contacts = js(&contact_list(s(&approved.save()), s("00000000-0000-0000-0000-000000000999")).unwrap());
    assert_eq!(contacts["status"], "refused");
    assert_eq!(contacts["violations"][0]["code"], "DE10");

    let rules = js(&rules().unwrap());
    let rules = rules.as_array().unwrap();
    assert!(rules.len() > 40);
    for r in rules {
        assert!(!r["title_fr"].as_str().unwrap().is_empty() && !r["title_en"].as_str().unwrap().is_empty());
        assert!(r["severity"].is_string() && r["code"].is_string());
    }
}

#[wasm_bindgen_test]
fn table_plans() {
    let attendees: Vec<Value> = (1..=12)
        .map(|i| json!({"id": format!("00000000-0000-0000-0000-{i:012}")}))
        .collect();
    let request = json!({"attendees": attendees, "rounds": 3, "method": "rotation", "seed": 7});
    let plan = js(&plan_tables(s(&request.to_string())).unwrap());
    assert_eq!(plan["status"], "ok", "{plan}");
    assert_eq!(plan["plan"]["rounds"].as_array().unwrap().len(), 3);
    let again = js(&plan_tables(s(&request.to_string())).unwrap());
    assert_eq!(plan, again, "the same seed gives the same plan");
    let bad = js(&plan_tables(s(r#"{"rounds": 2}"#)).unwrap());
    assert_eq!(bad["status"], "failure");
    assert_eq!(bad["violations"][0]["code"], "IN03");
}

#[wasm_bindgen_test]
fn a_call_that_cannot_run_throws_an_error_with_a_code() {
    let (code, violations) = thrown(&load_document(JsValue::UNDEFINED).unwrap_err());
    assert_eq!(code, "IN04");
    assert_eq!(violations[0]["path"], json!(["document"]));
    let (code, _) = thrown(&scan_text(JsValue::from(3), roster()).unwrap_err());
    assert_eq!(code, "IN04");
    // A value JSON cannot write: a cycle.
    let cycle = Object::new();
    Reflect::set(&cycle, &"self".into(), &cycle).unwrap();
    let (code, _) = thrown(&apply_command(s("{}"), cycle.into()).unwrap_err());
    assert_eq!(code, "IN04");
    let (code, violations) = thrown(&Gep::load(s("{")).err().unwrap());
    assert_eq!(code, "IN01");
    assert_eq!(violations[0]["code"], "IN01");
    // A refusal is an answer, not a throw.
    let answer = js(&load_document(s("{")).unwrap());
    assert_eq!(answer["status"], "failure");
}

/// A small deterministic generator (xorshift), for garbage inputs.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// `text` with a few characters replaced, removed or inserted.
    fn mutate(&mut self, text: &str) -> String {
        const PIECES: &[&str] = &[
            "{", "}", "[", "]", "\"", ",", ":", "null", "-1", "1e999", "é", "🙂", "\u{301}", "\\u0000", "\\ud800",
            "true", " ",
        ];
        let mut chars: Vec<char> = text.chars().collect();
        for _ in 0..1 + self.below(4) {
            if chars.is_empty() {
                break;
            }
            let at = self.below(chars.len());
            match self.below(3) {
                0 => {
                    chars.remove(at);
                }
                1 => chars
                    .splice(at..at, PIECES[self.below(PIECES.len())].chars())
                    .for_each(drop),
                _ => chars[at] = PIECES[self.below(PIECES.len())].chars().next().unwrap(),
            }
        }
        chars.into_iter().collect()
    }
}

/// Any answer, or a thrown `GepError`: never a trap.
fn survives(result: Result<JsValue, JsValue>) {
    match result {
        Ok(value) => assert!(value.is_object() || value.is_string(), "{value:?}"),
        Err(e) => {
            thrown(&e);
        }
    }
}

#[wasm_bindgen_test]
fn no_input_makes_the_module_trap() {
    let mut noise = Noise(0x9e37_79b9_7f4a_7c15);
    let gep = gep_at("reported");
    let document = gep.save();
    let commands = fixture_commands("reported");
    let text = "Hélène Dubois-Martin 🙂 06 12 34 56 78 He\u{301}le\u{300}ne";
    let deep = "[".repeat(100_000);
    let odd: Vec<JsValue> = vec![
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from(f64::NAN),
        JsValue::from(true),
        Array::new().into(),
        s(""),
        s(&deep),
        s("\u{feff}{}"),
        s(&"9".repeat(5000)),
    ];
    for value in &odd {
        survives(load_document(value.clone()));
        survives(start_gep(value.clone(), value.clone()));
        survives(apply_command(s(&document), value.clone()));
        survives(validate_proposal_form(value.clone()));
        survives(validate_registration_form(s(&document), value.clone()));
        survives(scan_text(value.clone(), value.clone()));
        survives(scan_text(s(text), value.clone()));
        survives(redact_text(s(text), roster(), Some(value.clone())));
        survives(contact_list(value.clone(), value.clone()));
        survives(ic_record(value.clone()));
        survives(plan_tables(value.clone()));
        survives(Gep::load(value.clone()).map(JsValue::from));
    }
    for _ in 0..150 {
        let doc = noise.mutate(&document);
        survives(load_document(s(&doc)));
        let pick = noise.below(commands.len());
        let command = noise.mutate(&commands[pick]);
        survives(apply_command(s(&document), s(&command)));
        survives(start_gep(s(ID), s(&command)));
        survives(validate_proposal_form(s(&noise.mutate(&commands[0]))));
        survives(scan_text(s(&noise.mutate(text)), roster()));
        survives(redact_text(s(&noise.mutate(text)), roster(), None));
        let request = noise.mutate(
            r#"{"attendees": [{"id": "00000000-0000-0000-0000-000000000001"}], "rounds": 2, "method": "rotation"}"#,
        );
        survives(plan_tables(s(&request)));
    }
    // Still working afterwards.
    assert_eq!(js(&load_document(s(&document)).unwrap())["state"], "reported");
}
