//! Privacy by construction: the anonymisation scanner (DE08) and redaction,
//! best-practice framing (PR02), consent and the contact list (DE10), the
//! IC record (OR08), what leaves the group (PR04), and the purge of
//! personal data after approval.
//!
//! The scanner's cases: names in any order, folded for case, accents
//! (precomposed and NFD), apostrophes and elisions, hyphens and particles,
//! at word boundaries; common words in lower case as warnings; e-mail
//! addresses; French phone numbers in their usual formats and what is not
//! one (years, dates, amounts, counts); organisations as warnings; spans in
//! UTF-8 bytes that slice the original text exactly, NFD and emoji
//! included. Then the lifecycle (report and revise refuse DE08 unless
//! waived, keep warnings, warn PR02), the contact list's authorisation, the
//! IC record's exact fields, a walk through every export, the purge round
//! trip, and a property test.
//!
//! Assertions are on codes, kinds, spans and paths, never on message text.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use gep_core::model::{Person, Report, Waiver};
use gep_core::privacy::{
    FindingKind, Folded, Placeholders, Redactor, RosterEntry, Scanner, best_practices, fold, redact,
};
use gep_core::{
    Action, AnyGep, Code, Command, Consent, Path, PersonId, Purge, ReportResponse, Severity, State, Timestamp,
    Violations, ffi, sample,
};
use proptest::prelude::*;
use serde_json::Value;

// ---------------------------------------------------------------------------
// A roster
// ---------------------------------------------------------------------------

fn id(n: u128) -> PersonId {
    PersonId::from_u128(n)
}

fn entry(n: u128, given: &str, family: &str) -> RosterEntry {
    RosterEntry::new(id(n), given, family)
}

fn roster() -> Vec<RosterEntry> {
    let mut helene = entry(1, "Hélène", "Dubois-Martin");
    helene.email = Some("helene.duboismartin@exemple.fr".into());
    helene.phone = Some("06 12 34 56 78".into());
    helene.organisation = Some("Métropole de Lyon".into());
    let mut karim = entry(2, "Karim", "Benali");
    karim.phone = Some("+44 20 7946 0958".into());
    vec![
        helene,
        karim,
        entry(3, "Françoise", "Le Goff"),
        entry(4, "Marie-Claire", "N'Diaye"),
        entry(5, "Léa", "Martin"),
        entry(6, "Éric", "Durand"),
        entry(7, "Pierre", "Lambert"),
        entry(8, "Claire", "Fontaine"),
        entry(9, "Marin", "Roux"),
    ]
}

fn scanner() -> Scanner {
    Scanner::new(&roster())
}

/// (kind, severity, matched text, person) of every finding.
fn found(text: &str) -> Vec<(FindingKind, Severity, String, Option<PersonId>)> {
    let findings = scanner().scan(text);
    for f in &findings {
        assert_eq!(&text[f.start..f.end], f.text, "span does not slice the text");
    }
    findings
        .into_iter()
        .map(|f| (f.kind, f.severity, f.text, f.person))
        .collect()
}

fn names(text: &str) -> Vec<(String, Option<PersonId>)> {
    found(text)
        .into_iter()
        .filter(|f| f.0 == FindingKind::Name && f.1 == Severity::Error)
        .map(|f| (f.2, f.3))
        .collect()
}

fn one_name(text: &str, matched: &str, person: u128) {
    assert_eq!(names(text), vec![(matched.to_owned(), Some(id(person)))], "in {text:?}");
}

// ---------------------------------------------------------------------------
// Folding
// ---------------------------------------------------------------------------

#[test]
fn folding_unifies_case_accents_apostrophes_hyphens_and_ligatures() {
    assert_eq!(fold("Hélène"), "helene");
    assert_eq!(fold("He\u{301}le\u{300}ne"), "helene", "NFD folds as NFC");
    assert_eq!(fold("ÉRIC"), "eric");
    assert_eq!(fold("N’Diaye"), fold("N'Diaye"));
    assert_eq!(fold("N‘Diaye"), fold("NʼDiaye"));
    assert_eq!(fold("Marie-Claire"), "marie claire");
    assert_eq!(fold("Marie\u{2011}Claire"), "marie claire");
    assert_eq!(fold("Marie \u{a0} Claire"), "marie claire");
    assert_eq!(fold("Œuvre, cœur, Ægée, Straße"), "oeuvre, coeur, aegee, strasse");
    assert_eq!(fold("Nguyễn Thị Phạm"), "nguyen thi pham");
    assert_eq!(fold("Ștefan Łukasz"), "stefan lukasz");
}

#[test]
fn folded_spans_map_back_to_whole_characters() {
    let text = "Voir « E\u{301}ric » 🙂 et Œdipe";
    let folded = Folded::new(text);
    let at = folded.as_str().find("eric").unwrap();
    let (s, e) = folded.original_span(at, at + 4);
    assert_eq!(&text[s..e], "E\u{301}ric");
    let at = folded.as_str().find("oedipe").unwrap();
    let (s, e) = folded.original_span(at, at + 6);
    assert_eq!(&text[s..e], "Œdipe");
    // Half a ligature maps to the whole character.
    let (s, e) = folded.original_span(at, at + 1);
    assert_eq!(&text[s..e], "Œ");
}

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

#[test]
fn full_names_in_any_order_and_case() {
    for text in [
        "Selon Léa Martin, oui.",
        "Selon Martin Léa, oui.",
        "Selon LÉA MARTIN, oui.",
        "Selon lea martin, oui.",
        "Selon MARTIN Léa, oui.",
    ] {
        let matched = text.trim_start_matches("Selon ").trim_end_matches(", oui.");
        one_name(text, matched, 5);
    }
}

#[test]
fn given_and_family_names_alone() {
    one_name("Karim a présenté sa démarche.", "Karim", 2);
    one_name("La démarche de Benali.", "Benali", 2);
    one_name("Avec Durand.", "Durand", 6);
    one_name("avec éric.", "éric", 6);
}

#[test]
fn accents_precomposed_and_combining() {
    one_name("Hélène a parlé", "Hélène", 1);
    one_name("Helene a parlé", "Helene", 1);
    one_name("HÉLÈNE a parlé", "HÉLÈNE", 1);
    one_name("He\u{301}le\u{300}ne a parlé", "He\u{301}le\u{300}ne", 1);
    // A combining mark after the last letter belongs to the name's span.
    one_name("Le\u{301}a\u{301} a parlé", "Le\u{301}a\u{301}", 5);
}

#[test]
fn apostrophes_and_elisions() {
    one_name("l'avis d'Hélène", "Hélène", 1);
    one_name("l’avis d’Hélène", "Hélène", 1);
    one_name("l’avis d’Éric", "Éric", 6);
    one_name("l'idée d'E\u{301}ric", "E\u{301}ric", 6);
    one_name("la démarche de N'Diaye", "N'Diaye", 4);
    one_name("la démarche de N’Diaye", "N’Diaye", 4);
    one_name("la démarche de Ndiaye", "Ndiaye", 4);
    one_name("la démarche de N Diaye", "N Diaye", 4);
}

#[test]
fn hyphens_and_particles() {
    one_name("Marie-Claire a proposé", "Marie-Claire", 4);
    one_name("Marie Claire a proposé", "Marie Claire", 4);
    one_name("Marie\u{2011}Claire a proposé", "Marie\u{2011}Claire", 4);
    one_name("selon Marie-Claire N’Diaye", "Marie-Claire N’Diaye", 4);
    one_name("chez Dubois-Martin", "Dubois-Martin", 1);
    one_name("chez Dubois Martin", "Dubois Martin", 1);
    one_name("chez Hélène Dubois-Martin", "Hélène Dubois-Martin", 1);
    one_name("avec Mme Le Goff", "Le Goff", 3);
    one_name("avec Mme LE GOFF", "LE GOFF", 3);
    one_name("avec Mme Legoff", "Legoff", 3);
    one_name("avec Françoise Le Goff", "Françoise Le Goff", 3);
    // The particle alone is not a name, nor the rest of the name.
    assert!(names("Le groupe a lu Le Monde et parlé de golf").is_empty());
}

#[test]
fn word_boundaries() {
    assert!(names("Léandre et Léane sont venus").is_empty(), "Léa is not in Léandre");
    assert!(found("la marine marchande").is_empty(), "Marin is not in marine");
    assert!(names("les Martiniquais, Karima et Benalili").is_empty());
    assert!(names("Léa2 et 2Léa").is_empty());
    one_name("(Léa)", "Léa", 5);
    one_name("Léa.", "Léa", 5);
    one_name("«Léa»", "Léa", 5);
    one_name("Léa", "Léa", 5);
}

#[test]
fn common_words_in_lower_case_are_warnings() {
    // Lower case: most likely the word.
    assert_eq!(
        found("une pierre, une eau claire, une fontaine, un marin roux"),
        vec![
            (FindingKind::Name, Severity::Warning, "pierre".into(), Some(id(7))),
            (FindingKind::Name, Severity::Warning, "claire".into(), Some(id(8))),
            (FindingKind::Name, Severity::Warning, "fontaine".into(), Some(id(8))),
            // "marin roux" is a full name: an error whatever the case.
            (FindingKind::Name, Severity::Error, "marin roux".into(), Some(id(9))),
        ]
    );
    // Capitalised: an error.
    one_name("Pierre a parlé.", "Pierre", 7);
    one_name("CLAIRE a parlé.", "CLAIRE", 8);
    // A lower-case name that is not a common word is an error.
    one_name("karim a parlé.", "karim", 2);
}

#[test]
fn names_inside_an_email_are_the_email() {
    assert_eq!(
        found("Écrire à lea.martin@exemple.fr."),
        vec![(
            FindingKind::Email,
            Severity::Error,
            "lea.martin@exemple.fr".into(),
            None
        )]
    );
}

// ---------------------------------------------------------------------------
// E-mail addresses, phones, organisations
// ---------------------------------------------------------------------------

#[test]
fn every_email_address_is_an_error() {
    let text = "Contacts : helene.duboismartin@exemple.fr, x_y+z@sub.example.org; \
                pas@ici ni @lea ni a@b.c, mais Jean-Luc.O.Connor@Mairie-Lyon.FR.";
    let emails: Vec<_> = found(text)
        .into_iter()
        .filter(|f| f.0 == FindingKind::Email)
        .map(|f| (f.2, f.3, f.1))
        .collect();
    assert_eq!(
        emails,
        vec![
            ("helene.duboismartin@exemple.fr".into(), Some(id(1)), Severity::Error),
            ("x_y+z@sub.example.org".into(), None, Severity::Error),
            ("Jean-Luc.O.Connor@Mairie-Lyon.FR".into(), None, Severity::Error),
        ]
    );
}

#[test]
fn french_phone_numbers_in_their_usual_formats() {
    for phone in [
        "06 12 34 56 78",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "0612345678",
        "06\u{a0}12\u{a0}34\u{a0}56\u{a0}78",
        "+33 6 12 34 56 78",
        "+33612345678",
        "+33 (0)6 12 34 56 78",
        "+33(0)612345678",
        "0033 6 12 34 56 78",
        "01 42 68 53 00",
        "+33 1 42 68 53 00",
    ] {
        let text = format!("Appeler le {phone}, merci.");
        let phones: Vec<_> = found(&text).into_iter().filter(|f| f.0 == FindingKind::Phone).collect();
        assert_eq!(phones.len(), 1, "{phone:?}: {phones:?}");
        assert_eq!(phones[0].2, phone);
        assert_eq!(phones[0].1, Severity::Error);
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        let person = digits.contains("612345678").then_some(id(1));
        assert_eq!(phones[0].3, person, "{phone:?}");
    }
}

#[test]
fn years_dates_amounts_and_counts_are_not_phones() {
    for text in [
        "en 2024",
        "le 12/03/2025",
        "le 12.03.2025",
        "1 200 €",
        "12 participants",
        "de 10 h à 12 h 30",
        "1 234 567 890 habitants",
        "06 12 34 56 78 90 12",
        "n° 0612345678901",
        "réf0612345678",
        "0612345678x",
        "12345678901",
        "+44 1 23 45 67 89",
    ] {
        let phones: Vec<_> = found(text).into_iter().filter(|f| f.0 == FindingKind::Phone).collect();
        assert!(phones.is_empty(), "{text:?}: {phones:?}");
    }
}

#[test]
fn a_roster_phone_in_any_format() {
    assert_eq!(
        found("joindre le +44 20 7946 0958"),
        vec![(
            FindingKind::Phone,
            Severity::Error,
            "+44 20 7946 0958".into(),
            Some(id(2))
        )]
    );
}

#[test]
fn organisations_are_warnings() {
    assert_eq!(
        found("un projet de la métropole de Lyon"),
        vec![(
            FindingKind::Organisation,
            Severity::Warning,
            "métropole de Lyon".into(),
            Some(id(1))
        )]
    );
}

#[test]
fn spans_are_utf8_byte_offsets_that_slice_the_original() {
    let text = "🙂👩‍👩‍👧 Ce\u{301}cile et 🎉 He\u{301}le\u{300}ne (06 12 34 56 78) ✉ lea@exemple.fr 🇫🇷";
    let findings = scanner().scan(text);
    let got: Vec<(&str, FindingKind)> = findings.iter().map(|f| (&text[f.start..f.end], f.kind)).collect();
    assert_eq!(
        got,
        vec![
            ("He\u{301}le\u{300}ne", FindingKind::Name),
            ("06 12 34 56 78", FindingKind::Phone),
            ("lea@exemple.fr", FindingKind::Email),
        ]
    );
    for f in &findings {
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert_eq!(f.text, &text[f.start..f.end]);
    }
    let start = text.find("He\u{301}").unwrap();
    assert_eq!(findings[0].start, start);
    assert_eq!(findings[0].end, start + "He\u{301}le\u{300}ne".len());
}

#[test]
fn findings_are_sorted_and_never_overlap() {
    let text = "Léa Martin, Martin, Léa; Karim Benali Karim; 0612345678 lea@x.fr Marie-Claire N'Diaye";
    let findings = scanner().scan(text);
    for pair in findings.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{pair:?}");
    }
    assert_eq!(findings.len(), 8);
}

#[test]
fn a_phone_inside_an_address_is_the_address() {
    let kinds: Vec<_> = found("x@0612345678.fr et 06 12 34 56 78-x@y.fr")
        .into_iter()
        .map(|f| (f.0, f.2))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (FindingKind::Email, "x@0612345678.fr".to_owned()),
            (FindingKind::Phone, "06 12 34 56 78".to_owned()),
            (FindingKind::Email, "x@y.fr".to_owned()),
        ]
    );
}

#[test]
fn an_empty_roster_still_finds_emails_and_phones() {
    let scanner = Scanner::new(&[]);
    let kinds: Vec<_> = scanner
        .scan("Léa : lea@exemple.fr, 06 12 34 56 78")
        .iter()
        .map(|f| f.kind)
        .collect();
    assert_eq!(kinds, vec![FindingKind::Email, FindingKind::Phone]);
}

// ---------------------------------------------------------------------------
// Best practices (PR02)
// ---------------------------------------------------------------------------

#[test]
fn best_practice_framings() {
    for text in [
        "Les bonnes pratiques de l'aller-vers",
        "la meilleure pratique",
        "Meilleures Pratiques",
        "a best-practice guide",
        "Best practices",
        "des pratiques exemplaires",
        "les pratiques à suivre",
    ] {
        let found = best_practices(text);
        assert_eq!(found.len(), 1, "{text:?}");
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].kind, FindingKind::BestPractice);
        assert_eq!(found[0].text, &text[found[0].start..found[0].end]);
    }
    for text in [
        "explorer l'éventail des pratiques",
        "une bonne pratiquante",
        "les bonnes pratiquées",
    ] {
        assert!(best_practices(text).is_empty(), "{text:?}");
    }
}

// ---------------------------------------------------------------------------
// Redaction
// ---------------------------------------------------------------------------

#[test]
fn one_stable_placeholder_per_person() {
    let scanner = scanner();
    let mut redactor = Redactor::new(&scanner, Placeholders::default());
    assert_eq!(
        redactor
            .redact("Léa Martin et Karim. Puis Karim, puis Léa (lea@x.fr, 06 12 34 56 78), de la Métropole de Lyon."),
        "[personne A] et [personne B]. Puis [personne B], puis [personne A] ([courriel], [téléphone]), de la \
         [organisation]."
    );
    // The same letters in the next text of the same redactor.
    assert_eq!(
        redactor.redact("Éric, Karim et Léa"),
        "[personne C], [personne B] et [personne A]"
    );
    // A common word in lower case is left as written.
    assert_eq!(redactor.redact("la pierre et Pierre"), "la pierre et [personne D]");
}

#[test]
fn placeholders_are_configurable() {
    let scanner = scanner();
    let placeholders = Placeholders {
        person: "<P{}>".into(),
        email: "<@>".into(),
        phone: "<tel>".into(),
        organisation: "<org>".into(),
    };
    let mut redactor = Redactor::new(&scanner, placeholders);
    assert_eq!(
        redactor.redact("Karim, lea@x.fr, 0612345678, Métropole de Lyon"),
        "<PA>, <@>, <tel>, <org>"
    );
    assert_eq!(redact("Léa et Karim", &roster()), "[personne A] et [personne B]");
}

#[test]
fn redacted_text_has_no_error_left() {
    let text = "D’après He\u{301}le\u{300}ne Dubois-Martin (06.12.34.56.78), \
                Marie-Claire et LE GOFF ont écrit à x@y.fr 🙂 pour la Métropole de Lyon.";
    let redacted = redact(text, &roster());
    assert!(scanner().scan(&redacted).iter().all(|f| !f.is_error()), "{redacted}");
    assert!(!redacted.contains('@'));
}

// ---------------------------------------------------------------------------
// The lifecycle: report and revise (DE08, PR02)
// ---------------------------------------------------------------------------

fn registrants() -> Vec<PersonId> {
    (0..8).map(sample::registrant_id).collect()
}

fn run(commands: Vec<Command>) -> Result<AnyGep, Violations> {
    let mut commands = commands.into_iter();
    let mut gep = AnyGep::start(sample::GEP, commands.next().unwrap())?;
    for command in commands {
        gep = gep.apply(command).map_err(|r| r.into_parts().1)?;
    }
    Ok(gep)
}

fn held() -> AnyGep {
    let mut commands = vec![sample::propose(), sample::validate(), sample::announce(None)];
    commands.extend((0..8).map(sample::register));
    commands.push(sample::hold_with(&registrants(), 3));
    run(commands).unwrap()
}

fn report_command(report: Report) -> Command {
    Command::new(
        sample::at("2026-04-20T10:00:00+02:00"),
        sample::ORGANISER,
        Action::Report(Box::new(report)),
    )
}

fn report_with(edit: impl FnOnce(&mut Report)) -> Report {
    let mut report = sample::report_of(300);
    edit(&mut report);
    report
}

fn paths(vs: &Violations, code: Code, severity: Severity) -> Vec<Path> {
    vs.as_slice()
        .iter()
        .filter(|v| v.code == code && v.severity == severity)
        .map(|v| v.path.clone())
        .collect()
}

fn action() -> Path {
    Path::root().key("action")
}

#[test]
fn the_sample_report_is_clean() {
    let gep = held().apply(sample::report()).unwrap();
    assert!(
        gep.warnings()
            .iter()
            .all(|w| w.code != Code::DE08 && w.code != Code::PR02),
        "{:?}",
        gep.warnings()
    );
}

#[test]
fn a_name_in_the_discussion_or_the_synthesis_refuses_the_report() {
    let report = report_with(|r| {
        r.discussion.push_str(" Léa Martin a raconté sa démarche.");
        r.synthesis.questions = Some(vec![
            "Aller vers les habitants".into(),
            "Comment Karim a mobilisé les jeunes (karim.benali@exemple.fr)".into(),
        ]);
    });
    let refused = held().apply(report_command(report.clone())).unwrap_err();
    let vs = refused.violations();
    let mut got = paths(vs, Code::DE08, Severity::Error);
    got.sort();
    assert_eq!(
        got,
        vec![
            action().key("discussion"),
            action().key("synthesis").key("questions").index(1),
            action().key("synthesis").key("questions").index(1),
        ]
    );
    let in_discussion = vs
        .as_slice()
        .iter()
        .find(|v| v.path == action().key("discussion"))
        .unwrap();
    let (start, end) = (
        in_discussion.context["start"].parse::<usize>().unwrap(),
        in_discussion.context["end"].parse::<usize>().unwrap(),
    );
    assert_eq!(&report.discussion[start..end], "Léa Martin");
    assert_eq!(in_discussion.context["kind"], "name");
    assert_eq!(in_discussion.context["person"], sample::registrant_id(0).to_string());
    assert_eq!(refused.gep().state(), State::Held);
}

#[test]
fn evaluation_and_expectations_are_scanned_too() {
    let report = report_with(|r| r.evaluation = Some("Merci à Karim Benali.".into()));
    let refused = held().apply(report_command(report)).unwrap_err();
    assert_eq!(
        paths(refused.violations(), Code::DE08, Severity::Error),
        vec![action().key("evaluation")]
    );
}

fn waiver(field: Path, text: &str, occurrence: usize, reason: &str) -> Waiver {
    Waiver {
        field,
        text: text.into(),
        occurrence,
        reason: reason.into(),
    }
}

#[test]
fn the_author_may_waive_a_finding_with_a_reason() {
    let discussion = Path::root().key("discussion");
    let report = report_with(|r| {
        r.discussion
            .push_str(" Rendez-vous place Thomas Dupont, puis Thomas a parlé.");
        r.waivers = vec![waiver(discussion.clone(), "Thomas", 0, "le nom d'une place")];
    });
    // Only the first "Pierre" is waived: the second still refuses.
    let refused = held().apply(report_command(report.clone())).unwrap_err();
    let errors: Vec<_> = refused.violations().errors().collect();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].code, Code::DE08);
    assert_eq!(errors[0].context["occurrence"], "1");

    // Waive both: the report goes through, the findings kept as warnings,
    // the waivers recorded in the log and shown with the report.
    let mut report = report;
    report
        .waivers
        .push(waiver(discussion.clone(), "Thomas", 1, "un homonyme public"));
    let gep = held().apply(report_command(report.clone())).unwrap();
    assert_eq!(gep.state(), State::Reported);
    assert_eq!(
        paths(&Violations(gep.warnings().to_vec()), Code::DE08, Severity::Warning),
        vec![action().key("discussion"), action().key("discussion")]
    );
    let last = gep.log().last().unwrap();
    assert_eq!(last.warnings.iter().filter(|w| w.code == Code::DE08).count(), 2);
    let AnyGep::Reported(g) = &gep else { panic!() };
    assert_eq!(g.report().report().waivers, report.waivers);
    assert_eq!(gep.snapshot().report.unwrap().waivers, report.waivers);
    // The document, with its waivers, loads.
    assert_eq!(AnyGep::from_json(&gep.to_json()).unwrap(), gep);
}

#[test]
fn a_waiver_needs_a_reason_and_a_finding() {
    let discussion = Path::root().key("discussion");
    let report = report_with(|r| {
        r.discussion.push_str(" Karim a parlé.");
        r.waivers = vec![waiver(discussion.clone(), "Karim", 0, "  ")];
    });
    let refused = held().apply(report_command(report)).unwrap_err();
    let mut codes: Vec<(Code, Path)> = refused
        .violations()
        .errors()
        .map(|v| (v.code, v.path.clone()))
        .collect();
    codes.sort();
    assert_eq!(
        codes,
        vec![
            (Code::DE08, action().key("discussion")),
            (Code::IN07, action().key("waivers").index(0).key("reason")),
        ]
    );
    // A waiver that matches nothing is a warning.
    let report = report_with(|r| r.waivers = vec![waiver(discussion, "Karim", 0, "rien")]);
    let gep = held().apply(report_command(report)).unwrap();
    assert_eq!(
        paths(&Violations(gep.warnings().to_vec()), Code::DE08, Severity::Warning),
        vec![action().key("waivers").index(0)]
    );
}

#[test]
fn warnings_are_kept_without_personal_data() {
    let report = report_with(|r| {
        r.discussion
            .push_str(" La Métropole de Lyon finance ; une pierre angulaire.");
        r.synthesis.follow_ups = Some(vec!["Rédiger un guide des bonnes pratiques".into()]);
    });
    let gep = held().apply(report_command(report)).unwrap();
    let warnings = Violations(gep.warnings().to_vec());
    assert_eq!(
        paths(&warnings, Code::DE08, Severity::Warning),
        vec![action().key("discussion")]
    );
    assert_eq!(
        paths(&warnings, Code::PR02, Severity::Warning),
        vec![action().key("synthesis").key("follow_ups").index(0)]
    );
    // "pierre" is not a name here: nobody named Pierre is known to this GEP.
    let json = serde_json::to_string(gep.warnings()).unwrap();
    assert!(!json.contains("Métropole"), "{json}");
}

#[test]
fn revise_is_scanned_too() {
    let reported = held().apply(sample::report()).unwrap();
    let report = report_with(|r| r.discussion.push_str(" Appeler le 06 98 76 54 32."));
    let revise = Command::new(
        sample::at("2026-04-21T10:00:00+02:00"),
        sample::ORGANISER,
        Action::Revise(Box::new(report)),
    );
    let refused = reported.apply(revise).unwrap_err();
    assert_eq!(
        paths(refused.violations(), Code::DE08, Severity::Error),
        vec![action().key("discussion")]
    );
    assert_eq!(refused.violations().errors().next().unwrap().context["kind"], "phone");
}

// ---------------------------------------------------------------------------
// Consent and the contact list (DE10)
// ---------------------------------------------------------------------------

fn consent(person: PersonId, at: &str, give: bool) -> Command {
    let action = if give {
        Action::GiveConsent(Consent {})
    } else {
        Action::WithdrawConsent(Consent {})
    };
    Command::new(sample::at(at), person, action)
}

fn approved() -> AnyGep {
    sample::approved_gep().unwrap()
}

fn contact_ids(gep: &AnyGep, requester: PersonId) -> Result<Vec<PersonId>, Vec<Code>> {
    gep.contact_list(requester)
        .map(|list| list.into_iter().map(|c| c.person).collect())
        .map_err(|vs| vs.codes())
}

#[test]
fn consent_is_given_and_withdrawn_from_the_announcement_on() {
    // Before the announcement: no consent yet.
    let validated = run(vec![sample::propose(), sample::validate()]).unwrap();
    let refused = validated
        .apply(consent(sample::ORGANISER, "2026-01-21T10:00:00+01:00", true))
        .unwrap_err();
    assert_eq!(refused.violations().codes(), vec![Code::LC01]);

    // Announced: a registrant consents in advance; no list yet.
    let mut commands = vec![sample::propose(), sample::validate(), sample::announce(None)];
    commands.extend((0..8).map(sample::register));
    commands.push(consent(sample::registrant_id(0), "2026-02-03T10:00:00+01:00", true));
    commands.push(consent(sample::registrant_id(1), "2026-02-03T10:00:00+01:00", true));
    commands.push(consent(sample::COORDINATOR, "2026-02-03T10:00:00+01:00", true));
    let announced = run(commands.clone()).unwrap();
    assert_eq!(announced.state(), State::Announced);
    assert_eq!(contact_ids(&announced, sample::registrant_id(0)), Err(vec![Code::DE10]));

    // Held: attendees get the attendees who consented.
    commands.push(sample::hold_with(&registrants(), 3));
    let held = run(commands.clone()).unwrap();
    assert_eq!(
        contact_ids(&held, sample::registrant_id(5)),
        Ok(vec![sample::registrant_id(1), sample::registrant_id(0)]),
        "sorted by family name: Bernard, Martin; the coordinator did not attend"
    );
    // Nobody else gets it.
    assert_eq!(contact_ids(&held, sample::COORDINATOR), Err(vec![Code::DE10]));
    assert_eq!(contact_ids(&held, PersonId::from_u128(999)), Err(vec![Code::DE10]));

    // Withdrawn consent removes the person, in any later state.
    commands.push(consent(sample::registrant_id(1), "2026-04-17T10:00:00+02:00", false));
    let held = run(commands).unwrap();
    assert_eq!(
        contact_ids(&held, sample::ORGANISER),
        Ok(vec![sample::registrant_id(0)])
    );
    let AnyGep::Held(typed) = &held else { panic!() };
    assert!(typed.has_consented(sample::registrant_id(0)));
    assert!(!typed.has_consented(sample::registrant_id(1)));
    let list = typed.contact_list(sample::registrant_id(3)).unwrap();
    assert_eq!(list[0].email, "lea.martin0@exemple.fr");
    assert_eq!(list[0].given_name, "Léa");
    // The document with consents loads.
    assert_eq!(AnyGep::from_json(&held.to_json()).unwrap(), held);
}

#[test]
fn consent_after_approval_and_unknown_people() {
    let gep = approved()
        .apply(sample::give_consent(sample::registrant_id(2)))
        .unwrap();
    assert_eq!(contact_ids(&gep, sample::GUEST), Ok(vec![sample::registrant_id(2)]));
    let refused = gep
        .apply(consent(PersonId::from_u128(999), "2026-04-25T10:00:00+02:00", true))
        .unwrap_err();
    assert_eq!(refused.violations().codes(), vec![Code::LC03]);
    let gep = refused.into_parts().0;
    let gep = gep.apply(sample::withdraw_consent(sample::registrant_id(2))).unwrap();
    assert_eq!(contact_ids(&gep, sample::GUEST), Ok(vec![]));
    let names: Vec<&str> = gep.log().iter().rev().take(2).map(|e| e.event.name()).collect();
    assert_eq!(names, vec!["consent_withdrawn", "consent_given"]);
}

#[test]
fn cancelled_and_declined_geps_have_no_contact_list() {
    let cancelled = run(vec![
        sample::propose(),
        sample::validate(),
        Command::new(
            sample::at("2026-01-21T10:00:00+01:00"),
            sample::ORGANISER,
            Action::Cancel(gep_core::Decision { reason: "salle".into() }),
        ),
    ])
    .unwrap();
    assert_eq!(contact_ids(&cancelled, sample::ORGANISER), Err(vec![Code::DE10]));
    assert_eq!(cancelled.ic_record().unwrap_err().codes(), vec![Code::OR08]);
}

// ---------------------------------------------------------------------------
// The IC record (OR08) and what leaves the group (PR04)
// ---------------------------------------------------------------------------

fn keys(value: &Value) -> Vec<String> {
    value.as_object().unwrap().keys().cloned().collect()
}

#[test]
fn the_ic_record_has_exactly_the_charter_fields() {
    let gep = approved();
    let record = gep.ic_record().unwrap();
    let json = serde_json::to_value(&record).unwrap();
    assert_eq!(
        keys(&json),
        vec!["dates", "gep_id", "participants", "place", "synthesis", "theme"]
    );
    assert_eq!(keys(&json["dates"]), vec!["end", "start"]);
    assert_eq!(keys(&json["place"]), vec!["city", "name"]);
    assert_eq!(
        keys(&json["synthesis"]),
        vec!["discussion", "follow_ups", "questions", "resources"]
    );
    for p in json["participants"].as_array().unwrap() {
        assert_eq!(keys(p), vec!["family_name", "given_name"]);
    }
    assert_eq!(record.participants.len(), 11);
    assert_eq!(record.participants[0].family_name, "Benali");
    assert_eq!(record.theme, sample::THEME);
    assert_eq!(record.place.city, "Lyon");
    assert_eq!(record.dates.start, sample::format().start);
    let AnyGep::Approved(typed) = &gep else { panic!() };
    assert_eq!(typed.ic_record(), record);

    // Only an approved GEP has one.
    assert_eq!(held().ic_record().unwrap_err().codes(), vec![Code::OR08]);
    let reported = held().apply(sample::report()).unwrap();
    assert_eq!(reported.ic_record().unwrap_err().codes(), vec![Code::OR08]);
}

/// A GEP whose people all have an e-mail, a phone and an organisation, with
/// a report that names an attendee and mentions an organisation (a waived
/// name, a kept warning), approved, everyone consenting.
fn loaded_gep() -> AnyGep {
    let mut propose = sample::propose();
    let Action::Propose(p) = &mut propose.action else {
        panic!()
    };
    for (i, person) in p.people.iter_mut().enumerate() {
        person.phone = Some(format!("06 11 22 33 4{i}"));
        person.organisation = Some(format!("Collectif Tournesol {i}"));
    }
    let mut commands = vec![propose, sample::validate(), sample::announce(None)];
    for i in 0..8 {
        let mut c = sample::register(i);
        let Action::Register(r) = &mut c.action else { panic!() };
        std::sync::Arc::make_mut(&mut r.person).phone = Some(format!("07 55 44 33 2{i}"));
        std::sync::Arc::make_mut(&mut r.person).organisation = Some(format!("Association Horizon {i}"));
        commands.push(c);
    }
    commands.push(sample::hold_with(&registrants(), 3));
    let report = report_with(|r| {
        r.discussion
            .push_str(" Thomas, de l'Association Horizon 1, a décrit le travail de Thomas Bernard.");
        r.waivers = vec![
            waiver(Path::root().key("discussion"), "Thomas", 0, "un autre Thomas"),
            waiver(Path::root().key("discussion"), "Thomas Bernard", 0, "un auteur publié"),
        ];
    });
    commands.push(report_command(report));
    commands.push(Command::new(
        sample::at("2026-04-21T10:00:00+02:00"),
        sample::registrant_id(3),
        Action::ObjectToReport(gep_core::ReportObjection {
            revision: 1,
            comment: "Mme Garnier (07 55 44 33 24) n'est pas d'accord".into(),
        }),
    ));
    let revised = report_with(|r| {
        r.discussion
            .push_str(" Thomas Bernard, de l'Association Horizon 1, a conclu.");
        r.waivers = vec![waiver(
            Path::root().key("discussion"),
            "Thomas Bernard",
            0,
            "un auteur publié",
        )];
    });
    commands.push(Command::new(
        sample::at("2026-04-21T11:00:00+02:00"),
        sample::ORGANISER,
        Action::Revise(Box::new(revised)),
    ));
    let everyone: Vec<PersonId> = [sample::ORGANISER, sample::FACILITATOR, sample::GUEST]
        .into_iter()
        .chain(registrants())
        .collect();
    for &p in &everyone {
        commands.push(Command::new(
            sample::at("2026-04-22T09:00:00+02:00"),
            p,
            Action::ValidateReport(ReportResponse { revision: 2 }),
        ));
    }
    commands.push(sample::approve());
    for &p in &everyone {
        commands.push(sample::give_consent(p));
    }
    run(commands).unwrap()
}

/// Every e-mail, phone and organisation of everyone known to the GEP.
fn private_strings(gep: &AnyGep) -> Vec<String> {
    let mut out = Vec::new();
    for p in gep.people() {
        out.push(p.email.clone());
        out.extend(p.phone.clone());
        out.extend(p.organisation.clone());
    }
    out
}

fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            out.push(k.clone());
            strings(v, out);
        }),
        _ => {}
    }
}

fn assert_nothing_private(what: &str, value: &Value, private: &[String], allowed_emails: &[String]) {
    let mut all = Vec::new();
    strings(value, &mut all);
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    for s in &all {
        for p in private {
            if allowed_emails.contains(p) {
                continue;
            }
            assert!(!s.contains(p.as_str()), "{what} leaks {p:?} in {s:?}");
            let d = digits(p);
            if p.starts_with('0') && d.len() == 10 {
                assert!(!digits(s).contains(&d), "{what} leaks the phone {p:?} in {s:?}");
            }
        }
        if !allowed_emails.iter().any(|e| s == e) {
            assert!(!s.contains('@'), "{what} leaks an e-mail address: {s:?}");
        }
    }
    for key in ["email", "phone", "organisation", "on_behalf_of", "comment"] {
        if key != "email" || allowed_emails.is_empty() {
            assert!(!all.iter().any(|k| k == key), "{what} has a field `{key}`");
        }
    }
}

#[test]
fn nothing_else_about_persons_leaves() {
    let gep = loaded_gep();
    let private = private_strings(&gep);
    assert!(private.len() >= 30);

    // The IC record: names and the anonymised synthesis only.
    let record = serde_json::to_value(gep.ic_record().unwrap()).unwrap();
    assert_nothing_private("the IC record", &record, &private, &[]);
    let discussion = record["synthesis"]["discussion"].as_str().unwrap();
    assert!(discussion.contains("[personne A]"), "{discussion}");
    assert!(discussion.contains("[organisation]"), "{discussion}");
    assert!(!discussion.contains("Thomas"), "a waived name is redacted all the same");
    let participants: Vec<String> = record["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{} {}",
                p["given_name"].as_str().unwrap(),
                p["family_name"].as_str().unwrap()
            )
        })
        .collect();
    assert!(
        participants.contains(&"Thomas Bernard".to_owned()),
        "names form a separate list"
    );

    // The contact list: names and e-mails of the attendees who consented;
    // no phone, no organisation.
    let list = gep.contact_list(sample::registrant_id(0)).unwrap();
    assert_eq!(list.len(), 11);
    let emails: Vec<String> = list.iter().map(|c| c.email.clone()).collect();
    let list = serde_json::to_value(&list).unwrap();
    for c in list.as_array().unwrap() {
        assert_eq!(keys(c), vec!["email", "family_name", "given_name", "person"]);
    }
    assert_nothing_private("the contact list", &list, &private, &emails);

    // The snapshot, for display: names and ids, nothing else.
    let snapshot = serde_json::to_value(gep.snapshot()).unwrap();
    let mut snapshot_private = private.clone();
    snapshot_private.retain(|p| !p.is_empty());
    let mut all = Vec::new();
    strings(&snapshot, &mut all);
    for s in &all {
        for p in &snapshot_private {
            assert!(!s.contains(p.as_str()), "the snapshot leaks {p:?} in {s:?}");
        }
    }

    // The ffi answers carry the same values.
    let doc = gep.to_json();
    let ffi::Reply::Ok { value } = ffi::ic_record(&doc) else {
        panic!()
    };
    assert_eq!(serde_json::to_value(value).unwrap(), record);
    let ffi::Reply::Ok { value } = ffi::contact_list(&doc, &sample::registrant_id(0).to_string()) else {
        panic!()
    };
    assert_eq!(serde_json::to_value(value).unwrap(), list);
    let ffi::Reply::Refused { violations } = ffi::contact_list(&doc, &sample::COORDINATOR.to_string()) else {
        panic!()
    };
    assert_eq!(violations[0].code, Code::DE10);
    assert!(matches!(ffi::contact_list(&doc, "nobody"), ffi::Reply::Failure { .. }));
}

// ---------------------------------------------------------------------------
// Retention: the purge
// ---------------------------------------------------------------------------

fn purge_by(actor: PersonId) -> Command {
    Command::new(
        sample::at("2026-06-01T09:00:00+02:00"),
        actor,
        Action::PurgePersonalData(Purge {}),
    )
}

#[test]
fn the_purge_keeps_the_ic_record_and_drops_the_rest() {
    let gep = loaded_gep();
    let private = private_strings(&gep);
    let record = gep.ic_record().unwrap();
    let purged = gep.apply(sample::purge()).unwrap();
    assert_eq!(purged.state(), State::Approved);
    assert_eq!(purged.log().last().unwrap().event.name(), "personal_data_purged");

    // The purged document loads, equal, and saves to the same bytes.
    let doc = purged.to_json();
    let loaded = AnyGep::from_json(&doc).unwrap();
    assert_eq!(loaded, purged);
    assert_eq!(loaded.to_json(), doc);
    // The IC record is unchanged.
    assert_eq!(loaded.ic_record().unwrap(), record);
    assert_eq!(purged.ic_record().unwrap(), record);
    // Names are kept; e-mails, phones, organisations and comments are not.
    for p in loaded.people() {
        assert!(p.email.ends_with("@purged.invalid"), "{}", p.email);
        assert!(p.phone.is_none() && p.organisation.is_none());
        assert!(!p.given_name.is_empty());
    }
    for s in &private {
        assert!(!doc.contains(s.as_str()), "the purged document still holds {s:?}");
    }
    assert!(!doc.contains("Garnier (07"), "objection comments are purged");
    assert!(!doc.contains("Thomas,"), "the report's texts are redacted");
    // The log keeps its events, in order.
    assert_eq!(loaded.log().len(), gep_log_len_before(&doc));
    // No contact list any more.
    assert_eq!(contact_ids(&loaded, sample::registrant_id(0)), Err(vec![Code::DE10]));
    // Purging again changes nothing but the log.
    let again = loaded
        .apply(Command::new(
            sample::at("2026-06-02T09:00:00+02:00"),
            sample::COORDINATOR,
            Action::PurgePersonalData(Purge {}),
        ))
        .unwrap();
    assert_eq!(again.ic_record().unwrap(), record);
    assert_eq!(again.log().len(), purged.log().len() + 1);
    assert_eq!(AnyGep::from_json(&again.to_json()).unwrap(), again);
}

fn gep_log_len_before(doc: &str) -> usize {
    let value: Value = serde_json::from_str(doc).unwrap();
    value["events"].as_array().unwrap().len()
}

#[test]
fn who_may_purge_and_when() {
    let refused = approved().apply(purge_by(sample::registrant_id(0))).unwrap_err();
    assert_eq!(refused.violations().codes(), vec![Code::LC04]);
    let reported = held().apply(sample::report()).unwrap();
    let refused = reported.apply(purge_by(sample::ORGANISER)).unwrap_err();
    assert_eq!(refused.violations().codes(), vec![Code::LC01]);
    for actor in [sample::ORGANISER, sample::FACILITATOR, sample::COORDINATOR] {
        assert!(approved().apply(purge_by(actor)).is_ok());
    }
    // The sample (with an organiser's phone and organisation) round-trips.
    let purged = approved().apply(sample::purge()).unwrap();
    assert_eq!(purged.ic_record().unwrap(), approved().ic_record().unwrap());
    let when: Timestamp = sample::at("2026-06-01T09:00:00+02:00");
    assert_eq!(purged.last_at(), when);
}

// ---------------------------------------------------------------------------
// The ffi operations
// ---------------------------------------------------------------------------

#[test]
fn ffi_scan_and_redact() {
    let roster = serde_json::to_string(&roster()).unwrap();
    let text = "🙂 Léa, 06 12 34 56 78";
    for (unit, start) in [
        (ffi::TextUnit::Utf8, 5),
        (ffi::TextUnit::Utf16, 3),
        (ffi::TextUnit::CodePoint, 2),
    ] {
        let ffi::Reply::Ok { value } = ffi::scan(text, &roster, unit) else {
            panic!()
        };
        assert_eq!(value[0].start, start, "{unit:?}");
        assert_eq!(
            value[0].end - value[0].start,
            if unit == ffi::TextUnit::Utf8 { 4 } else { 3 }
        );
    }
    // The people of a document are a roster as they are.
    let people = serde_json::to_string(&sample::team_people()).unwrap();
    let ffi::Reply::Ok { value } = ffi::scan("Karim", &people, ffi::TextUnit::Utf8) else {
        panic!()
    };
    assert_eq!(value[0].person, Some(sample::FACILITATOR));
    let ffi::Reply::Ok { value } = ffi::redact(text, &roster, None) else {
        panic!()
    };
    assert_eq!(value, "🙂 [personne A], [téléphone]");
    let ffi::Reply::Ok { value } = ffi::redact(text, &roster, Some(r#"{"person": "X{}"}"#)) else {
        panic!()
    };
    assert_eq!(value, "🙂 XA, [téléphone]");
    assert!(matches!(
        ffi::scan(text, "[{}]", ffi::TextUnit::Utf8),
        ffi::Reply::Failure { .. }
    ));
    assert!(matches!(
        ffi::redact(text, &roster, Some("{\"nope\": 1}")),
        ffi::Reply::Failure { .. }
    ));
    let json = ffi::ic_record(&held().to_json()).to_json();
    assert!(
        json.contains("\"status\":\"refused\"") && json.contains("OR08"),
        "{json}"
    );
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

fn person_from(i: usize, given: String, family: String) -> Person {
    Person {
        id: PersonId::from_u128(i as u128 + 1),
        given_name: given,
        family_name: family,
        email: format!("p{i}@exemple.fr"),
        phone: None,
        organisation: None,
        ic_status: gep_core::model::IcStatus::Member,
        coordination_team: false,
    }
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "\\PC{0,12}",
        2 => prop::sample::select(vec![
            "Léa", "LÉA", "Le\u{301}a", "d’", "l'", " ", "-", "Martin", "06 12 34 56 78", "+33 (0)6 12 34 56 78",
            "x@y.fr", "🙂", "\u{301}", "Œ", "ß", "Marie-Claire", "N'Diaye", "pierre", "Pierre", "Métropole",
            "2024", "1 200 €", "’", "\u{a0}", "@", ".", "0",
        ])
        .prop_map(str::to_owned),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..30).prop_map(|v| v.concat())
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[\\p{L}' -]{0,8}",
        prop::sample::select(vec![
            "Léa",
            "Martin",
            "Marie-Claire",
            "N'Diaye",
            "Pierre",
            "Œ",
            "é",
            "a",
            ""
        ])
        .prop_map(str::to_owned),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn scanning_never_panics_and_redaction_leaves_no_error(
        text in text(),
        people in prop::collection::vec((name(), name()), 0..6),
        organisation in "\\PC{0,10}",
    ) {
        let mut people: Vec<Person> = people
            .into_iter()
            .enumerate()
            .map(|(i, (g, f))| person_from(i, g, f))
            .collect();
        if let Some(p) = people.first_mut() {
            p.organisation = Some(organisation);
        }
        let scanner = Scanner::from_people(&people);
        let findings = scanner.scan(&text);
        for f in &findings {
            prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            prop_assert!(f.start < f.end);
            prop_assert_eq!(&text[f.start..f.end], f.text.as_str());
        }
        for pair in findings.windows(2) {
            prop_assert!(pair[0].end <= pair[1].start);
        }
        let redacted = Redactor::new(&scanner, Placeholders::default()).redact(&text);
        let again = scanner.scan(&redacted);
        let errors: Vec<_> = again.iter().filter(|f| f.is_error()).collect();
        prop_assert!(errors.is_empty(), "{:?} redacted to {:?}: {:?}", text, redacted, errors);
        for f in findings.iter().filter(|f| f.is_error()) {
            prop_assert!(
                !again.iter().any(|g| g.is_error() && g.text == f.text),
                "{:?} survived redaction", f.text
            );
        }
        let _ = best_practices(&text);
        let _ = Folded::new(&text).original_span(0, text.len() + 3);
    }
}
