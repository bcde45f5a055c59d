//! Size limits (`gep_core::limits`) get their own code (IN09), with a path,
//! before any costly work.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use gep_core::{AnyGep, Code, MAX_DOCUMENT_BYTES};

#[test]
fn a_document_past_the_size_limit_is_refused_with_in09() {
    let text = " ".repeat(MAX_DOCUMENT_BYTES + 1);
    let violations = AnyGep::from_json(&text).unwrap_err();
    assert_eq!(violations.codes(), vec![Code::IN09]);
    let violations = AnyGep::from_slice(text.as_bytes()).unwrap_err();
    assert_eq!(violations.codes(), vec![Code::IN09]);
}

#[test]
fn bytes_that_are_not_utf8_get_in01() {
    let violations = AnyGep::from_slice(b"{\"version\":1,\xff}").unwrap_err();
    assert_eq!(violations.codes(), vec![Code::IN01]);
}

#[test]
fn a_message_does_not_repeat_a_long_value() {
    // serde_json's messages quote the value they could not read: a megabyte
    // where an action or a timestamp is expected would be a megabyte of
    // message.
    let long = "x".repeat(1 << 20);
    for field in ["action", "at"] {
        let command = gep_core::sample::propose();
        let mut json = serde_json::to_value(&command).unwrap();
        json[field] = serde_json::Value::from(long.as_str());
        let violations = gep_core::document::parse::<gep_core::Command>(&json.to_string()).unwrap_err();
        let v = &violations.0[0];
        assert_eq!(v.path.to_string(), field);
        assert!(matches!(v.code, Code::IN04 | Code::IN05), "{:?}", v.code);
        for message in [&v.message_fr, &v.message_en] {
            assert!(
                message.chars().count() <= 203,
                "{field}: {} characters",
                message.chars().count()
            );
        }
        assert!(
            v.message_en.contains(" … "),
            "{field}: the middle of the value is elided"
        );
    }
}

mod sizes {
    use gep_core::limits::{MAX_EVENTS, MAX_NAME_BYTES, MAX_REGISTRATIONS, MAX_TEXT_BYTES};
    use gep_core::{Action, AnyGep, Code, Violations, sample};

    fn announced() -> AnyGep {
        let gep = AnyGep::start(sample::GEP, sample::propose()).unwrap();
        let gep = gep.apply(sample::validate()).unwrap();
        gep.apply(sample::announce(Some(30))).unwrap()
    }

    fn paths(violations: &Violations) -> Vec<(String, Code)> {
        violations.0.iter().map(|v| (v.path.to_string(), v.code)).collect()
    }

    #[test]
    fn registrations_stop_at_the_limit_and_the_gep_is_unchanged() {
        let mut gep = announced();
        for i in 0..MAX_REGISTRATIONS {
            gep = gep.apply(sample::register(i)).unwrap();
        }
        let before = gep.to_json();
        let refused = gep.apply(sample::register(MAX_REGISTRATIONS)).unwrap_err();
        assert_eq!(paths(refused.violations()), vec![("action".to_owned(), Code::IN09)]);
        let (gep, _) = refused.into_parts();
        assert_eq!(gep.to_json(), before);
        // A withdrawal frees a seat but not a registration: the limit counts
        // every registration, as the log does.
        let gep = gep.apply(sample::withdraw(0)).unwrap();
        let mut late = sample::register(MAX_REGISTRATIONS);
        late.at = sample::withdraw(0).at;
        let refused = gep.apply(late).unwrap_err();
        assert_eq!(refused.violations().codes(), vec![Code::IN09]);
    }

    #[test]
    fn a_long_name_is_refused_at_its_path() {
        let mut register = sample::register(0);
        if let Action::Register(r) = &mut register.action {
            std::sync::Arc::make_mut(&mut r.person).family_name = "é".repeat(MAX_NAME_BYTES);
        }
        let refused = announced().apply(register).unwrap_err();
        assert_eq!(
            paths(refused.violations()),
            vec![("action.person.family_name".to_owned(), Code::IN09)]
        );
    }

    #[test]
    fn a_ten_megabyte_synthesis_is_refused_without_being_scanned() {
        let gep = AnyGep::start(sample::GEP, sample::propose()).unwrap();
        let gep = gep.apply(sample::validate()).unwrap();
        let gep = gep.apply(sample::announce(None)).unwrap();
        let gep = gep.apply(sample::hold()).unwrap();
        let mut report = sample::report();
        if let Action::Report(r) = &mut report.action {
            // An e-mail address the scanner would report (DE08), if it ran.
            let text = "écrire à jeanne.martin@example.org ".repeat(10_000_000 / 36);
            r.synthesis.questions = Some(vec![text]);
        }
        let refused = gep.apply(report).unwrap_err();
        let found = paths(refused.violations());
        assert_eq!(found, vec![("action.synthesis.questions[0]".to_owned(), Code::IN09)]);
        assert_eq!(refused.violations().0[0].context["max"], MAX_TEXT_BYTES.to_string());
    }

    #[test]
    fn the_log_stops_at_the_limit_and_a_full_document_still_loads() {
        let mut gep = announced();
        let mut refused = None;
        for i in 0..MAX_EVENTS {
            let mut command = if i % 2 == 0 {
                sample::give_consent(sample::ORGANISER)
            } else {
                sample::withdraw_consent(sample::ORGANISER)
            };
            command.at = sample::withdraw_consent(sample::ORGANISER).at;
            match gep.apply(command) {
                Ok(next) => gep = next,
                Err(r) => {
                    refused = Some(r);
                    break;
                }
            }
        }
        let refused = refused.expect("the log limit is reached");
        assert_eq!(paths(refused.violations()), vec![(String::new(), Code::IN09)]);
        let (gep, _) = refused.into_parts();
        assert!(gep.log().len() <= MAX_EVENTS);
        let saved = gep.to_json();
        assert_eq!(AnyGep::from_json(&saved).unwrap().to_json(), saved);
    }

    #[test]
    fn a_document_with_too_many_events_is_refused_before_replay() {
        let saved = announced().to_json();
        let mut document: serde_json::Value = serde_json::from_str(&saved).unwrap();
        let events = document["events"].as_array_mut().unwrap();
        let last = events.last().unwrap().clone();
        events.resize(MAX_EVENTS + 1, last);
        let refused = AnyGep::from_json(&document.to_string()).unwrap_err();
        assert_eq!(paths(&refused), vec![("events".to_owned(), Code::IN09)]);
    }
}

mod early {
    use gep_core::limits::MAX_ITEMS;
    use gep_core::{Action, AnyGep, Code, PersonId, sample};

    #[test]
    fn a_list_past_the_limit_gets_its_in09_alone() {
        let gep = AnyGep::start(sample::GEP, sample::propose()).unwrap();
        let mut validate = sample::validate();
        if let Action::Validate(v) = &mut validate.action {
            v.meeting.coordination_members = (0..=MAX_ITEMS as u128)
                .map(|i| PersonId::from_u128(1 << 64 | i))
                .collect();
        }
        let refused = gep.apply(validate).unwrap_err();
        let found: Vec<_> = refused
            .violations()
            .0
            .iter()
            .map(|v| (v.path.to_string(), v.code))
            .collect();
        assert_eq!(
            found,
            vec![("action.meeting.coordination_members".to_owned(), Code::IN09)]
        );
    }
}
