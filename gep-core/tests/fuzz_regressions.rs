//! Regression tests for what the cargo-fuzz targets of `fuzz/` found (see
//! `docs/reliability.md`, "Fuzzing"): each test replays a minimised input,
//! inlined, as a plain test, so that the bug stays fixed without a nightly
//! toolchain.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![allow(missing_docs)]

use gep_core::model::Waiver;
use gep_core::privacy::{Placeholders, Redactor, RosterEntry, Scanner, redact};
use gep_core::{Action, AnyGep, Code, Command, Path, PersonId, State, sample};

/// `scanner` target: a roster name that the person placeholder itself
/// contains (`Personne`, a French family name, and `[personne A]`). Each
/// pass of the redaction found the name again inside the placeholder it had
/// just written, wrapped it once more, and after the last pass the redacted
/// text still named the person: `[[[[personne A]]]]`.
#[test]
fn redaction_of_a_name_inside_its_own_placeholder_leaves_no_error() {
    // The fuzzer's input, minimised: given name `Personne`, family name `A`.
    let roster = [RosterEntry::new(PersonId::from_u128(1), "Personne", "A")];
    let scanner = Scanner::new(&roster);
    let redacted = Redactor::new(&scanner, Placeholders::default()).redact("Personne A");
    let left: Vec<_> = scanner.scan(&redacted).into_iter().filter(|f| f.is_error()).collect();
    assert!(left.is_empty(), "{redacted:?} still holds {left:?}");
    assert!(!redacted.to_lowercase().contains("personne"), "{redacted:?}");

    // The same with an ordinary full name.
    let roster = [RosterEntry::new(PersonId::from_u128(1), "Jean", "Personne")];
    let scanner = Scanner::new(&roster);
    let redacted = redact("Selon Jean Personne, puis M. Personne et Léa.", &roster);
    assert!(scanner.scan(&redacted).iter().all(|f| !f.is_error()), "{redacted:?}");
    assert!(!redacted.to_lowercase().contains("personne"), "{redacted:?}");
    // The placeholder would name the person: a neutral mark takes its place.
    assert_eq!(redacted, "Selon […], puis M. […] et Léa.");
    // Every person's placeholder says `personne`: with this roster, all of
    // them give way; an address keeps its own.
    let roster = [
        RosterEntry::new(PersonId::from_u128(1), "Jean", "Personne"),
        RosterEntry::new(PersonId::from_u128(2), "Léa", "Martin"),
    ];
    assert_eq!(
        redact("Jean Personne et Léa (lea@exemple.fr).", &roster),
        "[…] et […] ([courriel])."
    );
}

/// The consequence in the lifecycle: a report that names `M. Personne` under
/// a waiver is approved; the purge redacts the report, clears the waivers
/// and replays the log, which the redaction left naming the person, so the
/// purge was refused (DE08) and nothing could be purged.
#[test]
fn purging_a_report_that_names_a_person_called_personne() {
    let mut commands = vec![sample::propose(), sample::validate(), sample::announce(None)];
    let mut registration = sample::register(0);
    if let Action::Register(r) = &mut registration.action {
        std::sync::Arc::make_mut(&mut r.person).family_name = "Personne".to_owned();
    }
    commands.push(registration);
    commands.push(sample::hold_with(&[sample::registrant_id(0)], 3));
    let mut report = sample::report();
    if let Action::Report(r) = &mut report.action {
        r.discussion
            .push_str("M. Personne a présenté la démarche de son quartier.");
        r.waivers.push(Waiver {
            field: Path::root().key("discussion"),
            text: "Personne".to_owned(),
            occurrence: 0,
            reason: "cité avec son accord".to_owned(),
        });
    }
    commands.push(report);
    for p in [
        sample::ORGANISER,
        sample::FACILITATOR,
        sample::GUEST,
        sample::registrant_id(0),
    ] {
        commands.push(sample::validate_report(p));
    }
    commands.push(sample::approve());
    let mut commands = commands.into_iter();
    let mut gep = AnyGep::start(sample::GEP, commands.next().unwrap()).unwrap();
    for c in commands {
        gep = gep.apply(c).unwrap();
    }
    assert_eq!(gep.state(), State::Approved);
    let purged = gep
        .apply(sample::purge())
        .unwrap_or_else(|r| panic!("purge refused: {r}"));
    let saved = purged.to_json();
    assert!(
        !saved.contains("Personne a présenté"),
        "the report still names the person"
    );
    assert_eq!(AnyGep::from_json(&saved).unwrap(), purged);
}

/// `commands` target, a deep path: from the `reported` fixture, the
/// fuzzer's revision of the report puts a phone number in a follow-up
/// (`06 05 96 34 56`) and waives something else with an empty reason.
/// Both errors come at once, with their paths, and the GEP comes back
/// byte-identical; the same revision without them is accepted and reloads.
#[test]
fn a_revision_with_a_phone_number_and_an_empty_waiver_reason_is_refused_whole() {
    let fixture: Vec<Command> = serde_json::from_str(include_str!("../../tests/fixtures/reported.json")).unwrap();
    let mut fixture = fixture.into_iter();
    let mut gep = AnyGep::start(sample::GEP, fixture.next().unwrap()).unwrap();
    for c in fixture {
        gep = gep.apply(c).unwrap();
    }
    assert_eq!(gep.state(), State::Reported);
    let before = gep.to_json();

    // The command as the fuzzer built it.
    let revise: Command = gep_core::document::parse(
        r#"
    {
      "at": "2026-04-22T15:00:00+08:00",
      "actor": "00000000-0000-0000-0000-000000000001",
      "action": {
        "type": "revise",
        "author": "00000000-0000-0000-0000-000000000001",
        "synthesis": {
          "questions": [
            "Aller vers les habitants qui ne viennent pas aux réunions",
            "Recueillir la parole des jeunes"
          ],
          "resources": [
            "Guide de l'aller-vers (centre de ressources régional)"
          ],
          "follow_ups": [
            "06 05 96 34 56"
          ]
        },
        "discussion": "Les échanges ont d'abord porté sur la difficulté à rejoindre les habitants qui ne se déplacent pas aux réunions publiques. Plusieurs participants ont décrit des démarches d'« aller vers » : permanences au pied des immeubles, présence sur les marchés, porte-à-porte en binôme avec des associations de locataires. Le groupe a souligné que ces démarches demandent du temps et une présence régulière, et qu'elles s'accommodent mal des calendriers contraints des projets. Les échanges ont d'abord porté sur la difficulté à rejoindre les habitants qui ne se déplacent pas aux réunions publiques. Plusieurs participants ont décrit des démarches d'« aller vers » : permanences au pied des immeubles, présence sur les marchés, porte-à-porte en binôme avec des associations de locataires. Le groupe a souligné que ces démarches demandent du temps et une présence régulière, et qu'elles s'accommodent mal des calendriers contraints des projets. ",
        "evaluation": "Séance jugée utile ; le temps en sous-groupes a paru trop court.",
        "expectations": "Approfondir le lien avec les bailleurs sociaux.",
        "validation_deadline": "2026-05-15T18:00:00+02:00",
        "waivers": [
          {
            "field": [
              "synthesis",
              "follow_ups",
              3
            ],
            "text": "Métropole de Lyon",
            "occurrence": 3,
            "reason": ""
          }
        ]
      }
    }
"#,
    )
    .unwrap();
    let refused = gep.clone().apply(revise.clone()).unwrap_err();
    let found: Vec<(Code, String)> = refused
        .violations()
        .as_slice()
        .iter()
        .map(|v| (v.code, v.path.to_string()))
        .collect();
    assert_eq!(
        found,
        vec![
            (Code::DE08, "action.synthesis.follow_ups[0]".to_owned()),
            (Code::IN07, "action.waivers[0].reason".to_owned()),
        ]
    );
    assert_eq!(
        refused.gep().to_json(),
        before,
        "a refused revision changed the document"
    );

    // Without the phone and the waiver, the same revision is accepted.
    let mut fixed = revise;
    if let Action::Revise(report) = &mut fixed.action {
        report.synthesis.follow_ups = Some(vec!["Un second GEP à l'automne".to_owned()]);
        report.waivers.clear();
    }
    let revised = gep.clone().apply(fixed).unwrap();
    assert_eq!(revised.log().len(), gep.log().len() + 1);
    match &revised {
        AnyGep::Reported(g) => assert_eq!(g.report().revision(), 2),
        other => panic!("{:?}", other.state()),
    }
    let saved = revised.to_json();
    assert_eq!(AnyGep::from_json(&saved).unwrap(), revised);
}
