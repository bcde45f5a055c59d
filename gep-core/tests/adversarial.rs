//! Runs every adversarial case of `tests/adversarial/` (see `tests/README.md`,
//! "Adversarial cases") through `gep_core::ffi`, the JSON boundary the
//! bindings call, and checks that each gets its coded answer: never a panic,
//! never a hang. Then a few cases only Rust can write (bytes, roster text).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod adversarial_cases;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use adversarial_cases::{Case, DEFAULT_ID, Entry, Expect, Input, cases, fixture_gep, fixtures, given_document};
use gep_core::ffi::{self, Answer, PlanAnswer, Reply, TextUnit};
use gep_core::{AnyGep, Code, Command, GepId, Violation};
use serde_json::Value;
/// No case may take longer than this (debug build, two shared cores).
const SLOW: Duration = Duration::from_secs(20);

/// What happened, in the shape of `expect`.
fn outcome(status: &str, violations: &[Violation], state: Option<String>, findings: Option<usize>) -> Expect {
    let mut codes: Vec<String> = violations
        .iter()
        .filter(|v| v.is_error())
        .map(|v| v.code.as_str().to_owned())
        .collect();
    codes.sort();
    let mut paths: Vec<Value> = violations
        .iter()
        .filter(|v| v.is_error())
        .map(|v| serde_json::to_value(&v.path).unwrap())
        .collect();
    paths.sort_by_key(|p| p.to_string());
    Expect {
        status: status.to_owned(),
        violations: codes,
        paths: Some(paths),
        state,
        findings,
    }
}

fn from_answer(answer: &Answer) -> Expect {
    match answer {
        Answer::Ok { state, .. } => outcome("ok", &[], Some(state.as_str().to_owned()), None),
        Answer::Refused { violations } => outcome("refused", violations, None, None),
        Answer::Failure { violations } => outcome("failure", violations, None, None),
    }
}

/// Runs one case through the JSON boundary.
fn run(case: &Case, fixtures: &BTreeMap<String, Vec<Value>>) -> Expect {
    let input = case.input.expand();
    match case.entry {
        Entry::Load => from_answer(&ffi::load(&input)),
        Entry::Start => from_answer(&ffi::start(case.gep_id.as_deref().unwrap_or(DEFAULT_ID), &input)),
        Entry::Apply => {
            let document = given_document(case, fixtures);
            let answer = ffi::apply(&document, &input);
            check_nothing_lost(&document, &input, &answer);
            from_answer(&answer)
        }
        Entry::Scan => {
            let roster = case.roster.as_ref().expect("a scan case has a `roster`").to_string();
            match ffi::scan(&input, &roster, TextUnit::Utf16) {
                Reply::Ok { value } => outcome("ok", &[], None, Some(value.len())),
                Reply::Refused { violations } => outcome("refused", &violations, None, None),
                Reply::Failure { violations } => outcome("failure", &violations, None, None),
            }
        }
        Entry::Redact => {
            let roster = case.roster.as_ref().expect("a redact case has a `roster`").to_string();
            let placeholders = case.placeholders.as_ref().map(Value::to_string);
            match ffi::redact(&input, &roster, placeholders.as_deref()) {
                Reply::Ok { .. } => outcome("ok", &[], None, None),
                Reply::Refused { violations } => outcome("refused", &violations, None, None),
                Reply::Failure { violations } => outcome("failure", &violations, None, None),
            }
        }
        Entry::Plan => match ffi::plan_tables(&input) {
            PlanAnswer::Ok { .. } => outcome("ok", &[], None, None),
            PlanAnswer::Refused { violations } => outcome("refused", &violations, None, None),
            PlanAnswer::Failure { violations } => outcome("failure", &violations, None, None),
        },
    }
}

/// The typed route gives the same answer as the JSON boundary, and a refused
/// command gives back a GEP whose document is byte-identical.
fn check_nothing_lost(document: &str, command: &str, answer: &Answer) {
    let gep = AnyGep::from_json(document).expect("the given document loads");
    let Ok(command) = gep_core::document::parse::<Command>(command) else {
        assert!(
            matches!(answer, Answer::Failure { .. }),
            "a command that does not parse fails"
        );
        return;
    };
    match gep.apply(command) {
        Ok(_) => assert!(
            matches!(answer, Answer::Ok { .. }),
            "the typed route accepts what ffi accepts"
        ),
        Err(refused) => {
            assert!(
                !matches!(answer, Answer::Ok { .. }),
                "the typed route refuses what ffi refuses"
            );
            let (back, _) = refused.into_parts();
            assert_eq!(back.to_json(), document, "a refused command changed the document");
        }
    }
}

fn compare(case: &Case, got: Expect) -> Result<(), String> {
    let want = &case.expect;
    let mut got = got;
    let mut want_codes = want.violations.clone();
    want_codes.sort();
    if want.paths.is_none() {
        got.paths = None;
    }
    if want.state.is_none() {
        got.state = None;
    }
    if want.findings.is_none() {
        got.findings = None;
    }
    let mut want_paths = want.paths.clone();
    if let Some(p) = want_paths.as_mut() {
        p.sort_by_key(|p| p.to_string());
    }
    let want = Expect {
        status: want.status.clone(),
        violations: want_codes,
        paths: want_paths,
        state: want.state.clone(),
        findings: want.findings,
    };
    if got == want {
        Ok(())
    } else {
        Err(format!("expected {}, got {}", short(&want), short(&got)))
    }
}

/// An outcome in a line: the status, the codes and the first paths.
fn short(e: &Expect) -> String {
    let mut codes = e.violations.clone();
    codes.dedup();
    let paths: Vec<String> = e.paths.iter().flatten().take(3).map(Value::to_string).collect();
    format!(
        "{} {:?} ({} errors) paths {}{} state {:?} findings {:?}",
        e.status,
        codes,
        e.violations.len(),
        paths.join(" "),
        if e.paths.as_ref().is_some_and(|p| p.len() > 3) {
            " …"
        } else {
            ""
        },
        e.state,
        e.findings
    )
}

#[test]
fn adversarial_cases() {
    let fixtures = fixtures();
    let cases = cases();
    assert!(cases.len() >= 80, "the adversarial cases are found");
    let mut names = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    for (file, case) in &cases {
        assert!(names.insert(case.name.clone()), "duplicate case name `{}`", case.name);
        let _ = &case.about;
        for code in &case.expect.violations {
            assert!(code.parse::<Code>().is_ok(), "{}: unknown code {code}", case.name);
        }
        let started = Instant::now();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(case, &fixtures)));
        let took = started.elapsed();
        if took > Duration::from_secs(1) {
            eprintln!("{file}: {}: {took:?}", case.name);
        }
        let verdict = match result {
            Err(panic) => Err(format!(
                "panicked: {}",
                panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default()
            )),
            Ok(got) => compare(case, got),
        }
        .and_then(|()| {
            if took > SLOW {
                Err(format!("took {took:?}"))
            } else {
                Ok(())
            }
        });
        if let Err(e) = verdict {
            let awaits = case
                .awaits
                .as_deref()
                .map(|a| format!(" [awaits: {a}]"))
                .unwrap_or_default();
            failures.push(format!("{file}: {}{awaits}: {e}", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} adversarial cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

// ----------------------------------------------------------------------------
// Cases only Rust can write.
// ----------------------------------------------------------------------------

fn codes_and_paths(violations: &[Violation]) -> Vec<(String, String)> {
    violations
        .iter()
        .map(|v| (v.code.as_str().to_owned(), v.path.to_string()))
        .collect()
}

fn failure(reply: Reply<Vec<gep_core::privacy::Finding>>) -> Vec<Violation> {
    match reply {
        Reply::Failure { violations } => violations,
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[test]
fn bytes_that_are_not_utf8_in_the_middle_of_a_document_get_in01_at_the_root() {
    let fixtures = fixtures();
    let mut bytes = fixture_gep(&fixtures["announced"]).to_json().into_bytes();
    let at = bytes.len() / 2;
    bytes[at] = 0xff;
    let violations = AnyGep::from_slice(&bytes).unwrap_err();
    assert_eq!(
        codes_and_paths(violations.as_slice()),
        vec![("IN01".into(), String::new())]
    );
    assert_eq!(violations.as_slice()[0].context["offset"], at.to_string());
    // A truncated multi-byte character at the end.
    let mut cut = "{\"version\":1,\"gep_id\":\"é".as_bytes().to_vec();
    cut.pop();
    assert_eq!(AnyGep::from_slice(&cut).unwrap_err().codes(), vec![Code::IN01]);
}

#[test]
fn roster_text_with_a_duplicate_key_is_in04() {
    let roster = r#"[{"id":"00000000-0000-0000-0000-0000000000c8","given_name":"Zoé","given_name":"Léa","family_name":"Perrin"}]"#;
    let violations = failure(ffi::scan("Merci Zoé.", roster, TextUnit::Utf8));
    assert_eq!(violations.len(), 1);
    assert_eq!(violations[0].code, Code::IN04);
}

#[test]
fn roster_text_nested_100000_deep_in_an_ignored_field_is_in01() {
    let roster = format!(
        r#"[{{"id":"00000000-0000-0000-0000-0000000000c8","given_name":"Zoé","family_name":"Perrin","notes":{}"#,
        "[".repeat(100_000)
    );
    let violations = failure(ffi::scan("Merci Zoé.", &roster, TextUnit::Utf8));
    assert_eq!(violations.iter().map(|v| v.code).collect::<Vec<_>>(), vec![Code::IN01]);
}

#[test]
fn roster_text_truncated_is_in01() {
    let violations = failure(ffi::scan(
        "Merci Zoé.",
        r#"[{"id":"00000000-0000-0000-0000-0000000000c8","given_name":"Zo"#,
        TextUnit::Utf8,
    ));
    assert_eq!(violations.iter().map(|v| v.code).collect::<Vec<_>>(), vec![Code::IN01]);
}

#[test]
fn a_gep_id_that_is_not_a_uuid_is_in04() {
    let fixtures = fixtures();
    let propose = fixtures["proposed"][0].to_string();
    for id in ["", "6f1c2b9e", "\"", "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11\u{0}"] {
        match ffi::start(id, &propose) {
            Answer::Failure { violations } => assert_eq!(violations[0].code, Code::IN04, "{id:?}"),
            other => panic!("{id:?}: {other:?}"),
        }
    }
}

/// MAX_REGISTRATIONS through the API, one registration at a time: the first
/// past the limit is refused with IN09 and the GEP comes back unchanged.
#[test]
fn registrations_one_by_one_stop_at_max_registrations() {
    let max = gep_core::limits::MAX_REGISTRATIONS;
    let fixtures = fixtures();
    let mut gep = fixture_gep(&fixtures["announced"][..3]);
    let register = |k: usize| -> Command {
        let id = format!("00000000-0000-0000-0000-{:012}", 100_000 + k);
        let text = serde_json::json!({
            "at": "2026-02-02T08:00:00+01:00", "actor": id,
            "action": {"type": "register",
                       "person": {"id": id, "given_name": "Léa", "family_name": "Martin",
                                  "email": format!("p{k}@exemple.fr"), "ic_status": "member"},
                       "role": "participant", "accepted_confidentiality": true}})
        .to_string();
        gep_core::document::parse(&text).unwrap()
    };
    let started = Instant::now();
    for k in 0..max {
        gep = gep
            .apply(register(k))
            .unwrap_or_else(|r| panic!("registration {k} refused: {}", r.violations()));
    }
    let before = gep.to_json();
    let refused = gep.apply(register(max)).unwrap_err();
    assert_eq!(refused.violations().codes(), vec![Code::IN09]);
    let (gep, _) = refused.into_parts();
    assert_eq!(gep.to_json(), before);
    // The saved document of the full GEP loads.
    assert_eq!(AnyGep::from_json(&before).unwrap(), gep);
    assert!(started.elapsed() < SLOW, "took {:?}", started.elapsed());
}

#[test]
fn the_generator_expands_as_documented() {
    let input: Input = serde_json::from_str(
        r#"{"parts": ["[", {"repeat": "{n}", "count": 3, "start": 7, "separator": ","}, {"repeat": "ab", "count": 2}, "]"]}"#,
    )
    .unwrap();
    assert_eq!(input.expand(), "[000000000007,000000000008,000000000009abab]");
    let _: GepId = DEFAULT_ID.parse().unwrap();
}

/// Spans converted for JavaScript stay right with many findings among
/// characters of every width (the conversion is one pass, not one per
/// finding).
#[test]
fn utf16_spans_of_many_findings_are_right() {
    let roster = r#"[{"id":"00000000-0000-0000-0000-0000000000c8","given_name":"Zoé","family_name":"Perrin"}]"#;
    let text = "🙂 Zoé Perrin, é\u{301} 👋🏽 Zoé ; ".repeat(1_000);
    let Reply::Ok { value } = ffi::scan(&text, roster, TextUnit::Utf16) else {
        panic!("scan failed")
    };
    assert_eq!(value.len(), 2_000);
    let units: Vec<u16> = text.encode_utf16().collect();
    for f in &value {
        assert_eq!(String::from_utf16(&units[f.start..f.end]).unwrap(), f.text);
    }
    let Reply::Ok { value } = ffi::scan(&text, roster, TextUnit::CodePoint) else {
        panic!("scan failed")
    };
    let chars: Vec<char> = text.chars().collect();
    for f in &value {
        assert_eq!(chars[f.start..f.end].iter().collect::<String>(), f.text);
    }
}
