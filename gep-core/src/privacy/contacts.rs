//! The contact list (DE10): after the meeting, the names and e-mail
//! addresses of the attendees who consented, for the attendees only.
//!
//! ```
//! use gep_core::{AnyGep, Code, sample};
//! let gep = sample::approved_gep()?;
//! // Two registrants agree to share their details; one changes their mind.
//! let gep = gep.apply(sample::give_consent(sample::registrant_id(0)))?;
//! let gep = gep.apply(sample::give_consent(sample::registrant_id(1)))?;
//! let gep = gep.apply(sample::withdraw_consent(sample::registrant_id(1)))?;
//! // An attendee obtains the list: only those who consented are on it.
//! let list = gep.contact_list(sample::registrant_id(2))?;
//! assert_eq!(list.len(), 1);
//! assert_eq!(list[0].person, sample::registrant_id(0));
//! assert_eq!(list[0].email, "lea.martin0@exemple.fr");
//! // Someone who did not attend does not.
//! let refused = gep.contact_list(sample::COORDINATOR).unwrap_err();
//! assert_eq!(refused.codes(), vec![Code::DE10]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The list holds no phone and no organisation (PR04): the charter lets
//! names and e-mails be shared with consent, nothing more.

use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::fold::fold;
use crate::code::Code;
use crate::ids::PersonId;
use crate::lifecycle::State;
use crate::model::{Person, Role};
use crate::person_map::PersonMap;
use crate::violation::{Path, Violation, Violations};

/// One entry of the contact list: a name and an e-mail address, nothing
/// else (PR04).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Who.
    pub person: PersonId,
    /// Given name.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// E-mail address.
    pub email: String,
}

/// The contact list for `requester`: the attendees who consented, sorted by
/// family name then given name (folded).
pub(crate) fn contact_list(
    people: &PersonMap<Arc<Person>>,
    attendees: &PersonMap<Role>,
    consents: &PersonMap<()>,
    purged: bool,
    requester: PersonId,
) -> Result<Vec<Contact>, Violations> {
    if purged {
        return Err(Violations(vec![Violation::error(
            Code::DE10,
            Path::root(),
            "les données personnelles de ce GEP ont été purgées : il n'y a plus de liste de contacts",
            "the personal data of this GEP were purged: there is no contact list any more",
        )]));
    }
    if !attendees.contains_key(&requester) {
        return Err(Violations(vec![
            Violation::error(
                Code::DE10,
                Path::root().key("requester"),
                "la liste de contacts n'est communiquée qu'aux personnes présentes au GEP",
                "the contact list goes only to the attendees of the GEP",
            )
            .with("person", requester),
        ]));
    }
    let mut list: Vec<(String, String, Contact)> = attendees
        .keys()
        .filter(|id| consents.contains_key(id))
        .filter_map(|id| people.get(id))
        .map(|p| {
            (
                fold(&p.family_name),
                fold(&p.given_name),
                Contact {
                    person: p.id,
                    given_name: p.given_name.clone(),
                    family_name: p.family_name.clone(),
                    email: p.email.clone(),
                },
            )
        })
        .collect();
    list.sort_by(|a, b| (&a.0, &a.1, a.2.person).cmp(&(&b.0, &b.1, b.2.person)));
    Ok(list.into_iter().map(|(_, _, c)| c).collect())
}

/// DE10 for a state without a contact list (before `held`, or an end).
pub(crate) fn no_contact_list(state: State) -> Violations {
    Violations(vec![
        Violation::error(
            Code::DE10,
            Path::root(),
            format!("la liste de contacts n'existe qu'après la rencontre, pas dans l'état « {state} »"),
            format!("the contact list exists only after the meeting, not in state `{state}`"),
        )
        .with("state", state),
    ])
}
