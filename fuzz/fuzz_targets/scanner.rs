//! `scanner`: the anonymisation scanner (DE08) and redaction over arbitrary
//! text and an arbitrary roster.
//!
//! The roster's names, addresses, phones and organisations come from the
//! fuzz input (free strings, or a small dictionary of hard cases: accents,
//! apostrophes, hyphens, the placeholders' own words); the text mixes free
//! strings with those names, upper-cased, run together, glued to digits…
//!
//! Properties:
//! - scanning never panics; every finding's span is within the text, on char
//!   boundaries, not empty, its `text` is the span's text; findings are in
//!   text order and never overlap;
//! - the scanner built for the text (`Scanner::from_people_for`) finds there
//!   exactly what the full one (`Scanner::from_people`) finds;
//! - the JSON entry (`ffi::scan`) agrees with the scanner, its spans in
//!   UTF-16 units and code points within the text's length in those units;
//! - the text redacted with the default placeholders, rescanned with the
//!   same roster, has no error-level finding;
//! - redaction with placeholders from the fuzz input, and `best_practices`,
//!   never panic and give spans within the text.

#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use gep_core::PersonId;
use gep_core::ffi::{self, Reply, TextUnit};
use gep_core::model::{IcStatus, Person};
use gep_core::privacy::{Finding, Placeholders, Redactor, RosterEntry, Scanner, best_practices};
use libfuzzer_sys::fuzz_target;

/// Names that are hard cases for the scanner and the redaction.
const DICTIONARY: &[&str] = &[
    "Léa",
    "LÉA",
    "Le\u{301}a",
    "Martin",
    "Marie-Claire",
    "N'Diaye",
    "N’Diaye",
    "Le Goff",
    "Pierre",
    "pierre",
    "Œ",
    "ß",
    "İ",
    "Dubois-Martin",
    "d'Arc",
    "personne",
    "Personne",
    "courriel",
    "téléphone",
    "organisation",
    "A",
    "AB",
    "Métropole de Lyon",
    "06 12 34 56 78",
    "lea@exemple.fr",
    "",
    " ",
    "-",
    "'",
];

#[derive(Arbitrary, Debug, Clone)]
enum Name {
    Free(String),
    Known(u8),
}

impl Name {
    fn get(&self) -> String {
        match self {
            Name::Free(s) => s.clone(),
            Name::Known(i) => DICTIONARY[usize::from(*i) % DICTIONARY.len()].to_owned(),
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Entry {
    given: Name,
    family: Name,
    email: Option<Name>,
    phone: Option<Name>,
    organisation: Option<Name>,
}

#[derive(Arbitrary, Debug)]
enum Piece {
    Free(String),
    Known(u8),
    Given(u8),
    Family(u8),
    Full(u8),
    Reversed(u8),
    Upper(u8),
    Email(u8),
    Phone(u8),
    Organisation(u8),
    Digits(u32),
    Separator(u8),
}

#[derive(Arbitrary, Debug)]
struct Input {
    roster: Vec<Entry>,
    text: Vec<Piece>,
    placeholders: Option<[String; 4]>,
}

fn render(pieces: &[Piece], people: &[Person]) -> String {
    let mut out = String::new();
    let person = |i: &u8| people.get(usize::from(*i) % people.len().max(1));
    for piece in pieces {
        match piece {
            Piece::Free(s) => out.push_str(s),
            Piece::Known(i) => out.push_str(DICTIONARY[usize::from(*i) % DICTIONARY.len()]),
            Piece::Given(i) => out.extend(person(i).map(|p| p.given_name.as_str())),
            Piece::Family(i) => out.extend(person(i).map(|p| p.family_name.as_str())),
            Piece::Full(i) => out.extend(person(i).map(Person::full_name)),
            Piece::Reversed(i) => out.extend(person(i).map(|p| format!("{} {}", p.family_name, p.given_name))),
            Piece::Upper(i) => out.extend(person(i).map(|p| p.full_name().to_uppercase())),
            Piece::Email(i) => out.extend(person(i).map(|p| p.email.as_str())),
            Piece::Phone(i) => out.extend(person(i).and_then(|p| p.phone.as_deref())),
            Piece::Organisation(i) => out.extend(person(i).and_then(|p| p.organisation.as_deref())),
            Piece::Digits(n) => out.push_str(&format!("0{n:09}")),
            Piece::Separator(c) => out.push(
                *[' ', '\'', '’', '-', '.', '@', '\u{a0}', '\u{301}', '(', '0']
                    .get(usize::from(*c) % 10)
                    .unwrap_or(&' '),
            ),
        }
    }
    out
}

fn check_spans(text: &str, findings: &[Finding]) {
    for f in findings {
        assert!(
            f.start < f.end && f.end <= text.len(),
            "span {}..{} out of {}",
            f.start,
            f.end,
            text.len()
        );
        assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "span {}..{} not on char boundaries",
            f.start,
            f.end
        );
        assert_eq!(&text[f.start..f.end], f.text, "a finding's text is not its span's");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    let people: Vec<Person> = input
        .roster
        .iter()
        .take(12)
        .enumerate()
        .map(|(i, e)| Person {
            id: PersonId::from_u128(i as u128 + 1),
            given_name: e.given.get(),
            family_name: e.family.get(),
            email: e.email.as_ref().map_or_else(|| format!("p{i}@exemple.fr"), Name::get),
            phone: e.phone.as_ref().map(Name::get),
            organisation: e.organisation.as_ref().map(Name::get),
            ic_status: IcStatus::Member,
            coordination_team: false,
        })
        .collect();
    let text = render(&input.text, &people);

    let scanner = Scanner::from_people(&people);
    let findings = scanner.scan(&text);
    check_spans(&text, &findings);
    for pair in findings.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "findings overlap or are out of order: {:?}",
            pair
        );
    }

    // The scanner built for this text finds what the full one finds.
    let for_text = Scanner::from_people_for(&people, &[&text]);
    assert_eq!(
        for_text.scan(&text),
        findings,
        "from_people_for disagrees with from_people"
    );

    // The roster as RosterEntry, through the JSON entry, in other units.
    let roster: Vec<RosterEntry> = people.iter().map(RosterEntry::from).collect();
    assert_eq!(
        Scanner::new(&roster).scan(&text),
        findings,
        "Scanner::new disagrees with from_people"
    );
    let roster_json = serde_json::to_string(&roster).expect("a roster serialises");
    for (unit, len) in [
        (TextUnit::Utf16, text.encode_utf16().count()),
        (TextUnit::CodePoint, text.chars().count()),
    ] {
        match ffi::scan(&text, &roster_json, unit) {
            Reply::Ok { value } => {
                assert_eq!(
                    value.len(),
                    findings.len(),
                    "ffi::scan found another number of findings"
                );
                for (f, g) in value.iter().zip(&findings) {
                    assert!(f.start < f.end && f.end <= len, "a converted span is out of the text");
                    assert_eq!((f.kind, &f.text), (g.kind, &g.text), "ffi::scan found something else");
                    assert_eq!(
                        (f.start, f.end),
                        (unit.offset(&text, g.start), unit.offset(&text, g.end))
                    );
                }
            }
            other => panic!("ffi::scan refused a roster it wrote: {other:?}"),
        }
    }

    // Redaction leaves no error.
    let redacted = Redactor::new(&scanner, Placeholders::default()).redact(&text);
    let again = scanner.scan(&redacted);
    check_spans(&redacted, &again);
    let errors: Vec<&Finding> = again.iter().filter(|f| f.is_error()).collect();
    assert!(
        errors.is_empty(),
        "{text:?} redacted to {redacted:?} still holds {errors:?}"
    );

    // Placeholders from the input: no panic.
    if let Some([person, email, phone, organisation]) = input.placeholders {
        let placeholders = Placeholders {
            person,
            email,
            phone,
            organisation,
        };
        let _ = Redactor::new(&scanner, placeholders).redact(&text);
    }
    check_spans(&text, &best_practices(&text));
});
