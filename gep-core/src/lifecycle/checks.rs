//! Checks shared by several transitions.

use std::sync::Arc;

use crate::code::Code;
use crate::ids::PersonId;
use crate::model::{Person, Role};
use crate::person_map::PersonMap;
use crate::time::Timestamp;
use crate::violation::{Path, Violation};

/// LC02: a command is never earlier than the last event.
pub(super) fn time_forward(last: Timestamp, at: Timestamp, out: &mut Vec<Violation>) {
    if at < last {
        out.push(
            Violation::error(
                Code::LC02,
                Path::root().key("at"),
                format!("l'horodatage {at} est antérieur au dernier événement ({last})"),
                format!("timestamp {at} is earlier than the last event ({last})"),
            )
            .with("at", at)
            .with("last", last),
        );
    }
}

/// LC03.
pub(super) fn unknown_person(path: Path, id: PersonId) -> Violation {
    Violation::error(
        Code::LC03,
        path,
        format!("la personne {id} est inconnue de ce GEP"),
        format!("person {id} is not known to this GEP"),
    )
    .with("person", id)
}

/// LC04.
pub(super) fn actor_not_allowed(needed_fr: &str, needed_en: &str) -> Violation {
    Violation::error(
        Code::LC04,
        Path::root().key("actor"),
        format!("seul {needed_fr} peut faire cela"),
        format!("only {needed_en} may do this"),
    )
}

/// Whether a text is empty once trimmed.
pub(super) fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// IN07 for a required text left blank.
pub(super) fn require_text(
    s: &str,
    path: impl FnOnce() -> Path,
    what_fr: &str,
    what_en: &str,
    out: &mut Vec<Violation>,
) {
    if blank(s) {
        out.push(Violation::error(
            Code::IN07,
            path(),
            format!("{what_fr} est vide"),
            format!("{what_en} is empty"),
        ));
    }
}

/// Whether an e-mail address is plausible: one `@`, a non-empty local part,
/// a dotted domain, no spaces. Deliverability is not the library's concern.
pub(super) fn plausible_email(email: &str) -> bool {
    let email = email.trim();
    let mut parts = email.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !has_whitespace(email)
        }
        _ => false,
    }
}

/// Whether `s` holds a white-space character (`char::is_whitespace`), byte
/// by byte when it is ASCII, as e-mail addresses nearly always are.
fn has_whitespace(s: &str) -> bool {
    if s.is_ascii() {
        s.bytes()
            .any(|b| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'))
    } else {
        s.chars().any(char::is_whitespace)
    }
}

/// IN07 checks of a person's details.
fn check_person(person: &Person, path: &Path, out: &mut Vec<Violation>) {
    require_text(
        &person.given_name,
        || path.clone().key("given_name"),
        "le prénom",
        "the given name",
        out,
    );
    require_text(
        &person.family_name,
        || path.clone().key("family_name"),
        "le nom",
        "the family name",
        out,
    );
    if !plausible_email(&person.email) {
        out.push(
            Violation::error(
                Code::IN07,
                path.clone().key("email"),
                format!("« {} » n'est pas une adresse électronique valide", person.email),
                format!("`{}` is not a valid e-mail address", person.email),
            )
            .with("email", &person.email),
        );
    }
    if person.phone.as_deref().is_some_and(blank) {
        out.push(Violation::error(
            Code::IN07,
            path.clone().key("phone"),
            "le téléphone est vide (omettez-le plutôt)",
            "the phone is empty (omit it instead)",
        ));
    }
}

/// Checks people a command introduces: valid details (IN07), and an id
/// already known must come with the same details (IN07).
///
/// `path_of(i)` is the path of the `i`-th person; it is built only for a
/// violation, since loading a document runs this for every registration.
pub(super) fn check_new_people<'a>(
    known: &PersonMap<Arc<Person>>,
    people: impl Iterator<Item = &'a Person>,
    path_of: impl Fn(usize) -> Path,
    out: &mut Vec<Violation>,
) {
    // The newcomers: the first on its own (most commands bring one person,
    // and a map would cost an allocation), all of them in `seen` from the
    // second on.
    let mut first: Option<&Person> = None;
    let mut seen: PersonMap<&Person> = PersonMap::new();
    let mut newcomers = 0usize;
    let mut overflow = None;
    for (i, person) in people.enumerate() {
        let before = out.len();
        check_person(person, &Path::root(), out);
        for v in out.get_mut(before..).unwrap_or_default() {
            v.path = std::mem::take(&mut v.path).prefixed(&path_of(i));
        }
        let id = person.id;
        let known_as = known.get(&id).map(Arc::as_ref);
        let earlier = known_as.or_else(|| match first {
            Some(f) if f.id == id => Some(f),
            _ => seen.get(&id).copied(),
        });
        let fresh = known_as.is_none()
            && match first {
                None => {
                    first = Some(person);
                    true
                }
                Some(f) if f.id == id => false,
                Some(f) => {
                    if seen.is_empty() {
                        seen.insert(f.id, f);
                    }
                    seen.insert(id, person).is_none()
                }
            };
        if fresh {
            newcomers += 1;
            if known.len().saturating_add(newcomers) > crate::limits::MAX_PEOPLE && overflow.is_none() {
                overflow = Some(i);
            }
        }
        if earlier.is_some_and(|p| p != person) {
            out.push(
                Violation::error(
                    Code::IN07,
                    path_of(i).key("id"),
                    format!("la personne {} est déjà connue avec d'autres coordonnées", person.id),
                    format!("person {} is already known with other details", person.id),
                )
                .with("person", person.id),
            );
        }
    }
    if let Some(i) = overflow {
        out.push(crate::limits::too_many_people(path_of(i)));
    }
}

/// Adds people to the registry (after the checks passed).
pub(super) fn add_people<'a>(known: &mut PersonMap<Arc<Person>>, people: impl Iterator<Item = &'a Person>) {
    for person in people {
        known.insert_new(person.id, || Arc::new(person.clone()));
    }
}

/// Folds a text for keyword comparison: lower case, French accents removed.
pub(super) fn fold(s: &str) -> String {
    s.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            '-' | ' ' => '_',
            other => other,
        })
        .collect()
}

/// Words that make a role, or a purpose, one of observation (PR07).
const OBSERVER_WORDS: &[&str] = &[
    "observ",
    "research",
    "recherche",
    "chercheu",
    "student",
    "etudiant",
    "study",
    "etude",
    "thesis",
    "doctora",
    "thesard",
    "enquete",
    "survey",
    "auditeur",
    "auditrice",
    "spectat",
];

/// Whether a folded code word (a role or a purpose, not prose) speaks of
/// observation or research (PR07).
pub(super) fn is_observation(folded: &str) -> bool {
    OBSERVER_WORDS.iter().any(|w| folded.contains(w))
}

/// Classifies a role given as free text: one of the three roles, or PR07 for
/// an observer or researcher, or PR01 for anything else (trainer, speaker,
/// expert…: no *sachant* in a GEP).
pub(super) fn classify_role(raw: &str, path: impl FnOnce() -> Path) -> Result<Role, Violation> {
    if let Some(role) = Role::from_wire(raw) {
        return Ok(role);
    }
    let folded = fold(raw);
    if is_observation(&folded) {
        Err(Violation::error(
            Code::PR07,
            path(),
            format!("aucun observateur n'est présent dans un GEP : le rôle « {raw} » est refusé"),
            format!("no observer attends a GEP: role `{raw}` is refused"),
        )
        .with("role", raw))
    } else {
        Err(Violation::error(
            Code::PR01,
            path(),
            format!("les seuls rôles sont participant, animateur et invité : « {raw} » est refusé"),
            format!("the only roles are participant, facilitator and guest: `{raw}` is refused"),
        )
        .with("role", raw))
    }
}

/// The purposes a registration may state.
pub(super) const PURPOSES: &[&str] = &["practice_exchange"];

/// Checks a registration's stated purpose: `practice_exchange`, or PR07 for
/// observation and research, or IN04 for anything else.
pub(super) fn check_purpose(raw: &str, path: Path, out: &mut Vec<Violation>) {
    if PURPOSES.contains(&raw) {
        return;
    }
    if is_observation(&fold(raw)) {
        out.push(
            Violation::error(
                Code::PR07,
                path,
                format!("on ne vient pas à un GEP pour l'observer ou l'étudier : « {raw} » est refusé"),
                format!("nobody attends a GEP to observe or study it: `{raw}` is refused"),
            )
            .with("purpose", raw),
        );
    } else {
        out.push(
            Violation::error(
                Code::IN04,
                path,
                format!("« {raw} » n'est pas un motif connu (attendu : practice_exchange)"),
                format!("`{raw}` is not a known purpose (expected: practice_exchange)"),
            )
            .with("purpose", raw),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_is_found_as_char_is_whitespace_finds_it() {
        for c in (0u32..0x3100).filter_map(char::from_u32) {
            let text = format!("a{c}b@exemple.fr");
            assert_eq!(has_whitespace(&text), c.is_whitespace(), "{:?}", c);
        }
        assert!(plausible_email("camille.lefevre@exemple.fr"));
        assert!(!plausible_email("camille lefevre@exemple.fr"));
        assert!(!plausible_email("camille\u{a0}lefevre@exemple.fr"));
        assert!(!plausible_email("camille\u{b}lefevre@exemple.fr"));
    }
}
