//! `register` and `withdraw`: registrations in order of arrival, within the
//! cap, with a waiting list (OR07, OR06, PR01, PR04, PR05, PR07).
//!
//! Registrations are ordered by their timestamp. Since timestamps never go
//! backwards along the log (LC02), the log order is the timestamp order, and
//! two registrations with the same timestamp keep their log order: that is
//! the deterministic tie-break.

use litemap::LiteMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::checks::{actor_not_allowed, check_new_people, check_purpose, classify_role, unknown_person};
use super::{Announced, Gep, Refused};
use crate::code::Code;
use crate::command::{Admission, Event, Registration, Withdrawal};
use crate::ids::PersonId;
use crate::model::{Person, Role};
use crate::person_map::PersonMap;
use crate::time::Timestamp;
use crate::violation::{Path, Violation};

/// Where a registrant stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RegistrationStatus {
    /// Has a seat.
    Admitted,
    /// On the waiting list.
    Waiting,
    /// Withdrew.
    Withdrawn,
}

/// One registration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RegistrationEntry {
    /// Who.
    pub person: PersonId,
    /// With which role.
    pub role: Role,
    /// When they registered.
    pub at: Timestamp,
    /// Where they stand now.
    pub status: RegistrationStatus,
}

/// The registrations of an announced GEP, in order of arrival.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Registrations {
    cap: Option<u32>,
    entries: Vec<RegistrationEntry>,
    // Indexes over the active (admitted or waiting) entries, so that each
    // registration costs a look-up rather than a scan. Sorted vectors: no
    // hashing to pay for a few dozen entries, and no worst case on crafted
    // keys past moving the entries after an insertion (2,000 at most, the
    // limits). `waiting` is a set: the indexes of the waiting entries.
    active_emails: LiteMap<String, usize>,
    active_people: PersonMap<usize>,
    waiting: LiteMap<usize, ()>,
    admitted: usize,
}

impl Registrations {
    pub(super) fn new(cap: Option<u32>) -> Self {
        Registrations {
            cap,
            entries: Vec::new(),
            active_emails: LiteMap::new_vec(),
            active_people: PersonMap::new(),
            waiting: LiteMap::new_vec(),
            admitted: 0,
        }
    }

    /// The cap, if any.
    pub fn cap(&self) -> Option<u32> {
        self.cap
    }

    /// Every registration, in order of arrival.
    pub fn entries(&self) -> &[RegistrationEntry] {
        &self.entries
    }

    /// The admitted registrants, in order.
    pub fn admitted(&self) -> impl Iterator<Item = &RegistrationEntry> {
        self.entries.iter().filter(|e| e.status == RegistrationStatus::Admitted)
    }

    /// The waiting list, in order.
    pub fn waiting(&self) -> impl Iterator<Item = &RegistrationEntry> {
        self.waiting.keys().filter_map(|&i| self.entries.get(i))
    }

    /// How many are admitted.
    pub fn admitted_count(&self) -> usize {
        self.admitted
    }

    /// The active (admitted or waiting) registration of a person.
    pub fn active(&self, person: PersonId) -> Option<&RegistrationEntry> {
        self.active_people.get(&person).and_then(|&i| self.entries.get(i))
    }

    fn has_seat_free(&self) -> bool {
        self.cap.is_none_or(|cap| self.admitted < cap as usize)
    }

    fn push(&mut self, person: PersonId, folded_email: String, role: Role, at: Timestamp) {
        let index = self.entries.len();
        let status = if self.has_seat_free() {
            self.admitted += 1;
            RegistrationStatus::Admitted
        } else {
            self.waiting.insert(index, ());
            RegistrationStatus::Waiting
        };
        self.entries.push(RegistrationEntry {
            person,
            role,
            at,
            status,
        });
        self.active_emails.insert(folded_email, index);
        self.active_people.insert(person, index);
    }

    /// Withdraws a person; returns who takes the freed seat, if anyone.
    fn withdraw(&mut self, person: PersonId, folded_email: &str) -> Option<PersonId> {
        let index = self.active_people.remove(&person)?;
        self.active_emails.remove(folded_email);
        let entry = self.entries.get_mut(index)?;
        let was = entry.status;
        entry.status = RegistrationStatus::Withdrawn;
        match was {
            RegistrationStatus::Waiting => {
                self.waiting.remove(&index);
                None
            }
            RegistrationStatus::Admitted => {
                self.admitted = self.admitted.saturating_sub(1);
                let first = *self.waiting.first()?.0;
                self.waiting.remove(&first);
                let promoted = self.entries.get_mut(first)?;
                promoted.status = RegistrationStatus::Admitted;
                self.admitted += 1;
                Some(promoted.person)
            }
            RegistrationStatus::Withdrawn => None,
        }
    }
}

impl Gep<Announced> {
    /// Registers a person. Registration is open from the announcement to the
    /// start; past the cap, the registrant waits in order of arrival.
    ///
    /// # Errors
    /// OR07 (closed, or already registered: same person or same e-mail,
    /// folded), PR05 (confidentiality not accepted), PR04 (on behalf of an
    /// organisation), PR07 (observer role or purpose), PR01 (another role),
    /// IN07 (details), LC04 (neither the person nor the organiser), LC02.
    /// Never for the person's membership status (OR06).
    pub fn register(
        self,
        at: Timestamp,
        actor: PersonId,
        registration: impl Into<Box<Registration>>,
    ) -> Result<Self, Refused<Announced>> {
        let registration = registration.into();
        let mut found = Vec::new();
        let action = || Path::root().key("action");
        let person: &Person = &registration.person;
        self.size_checks(&registration, &mut found);
        if self.state.registrations.entries.len() >= crate::limits::MAX_REGISTRATIONS {
            found.push(crate::limits::too_many(
                action(),
                crate::limits::MAX_REGISTRATIONS,
                "inscriptions à un GEP",
                "registrations to a GEP",
            ));
        }
        super::checks::time_forward(self.last_at(), at, &mut found);
        if actor != person.id && actor != self.organiser {
            if self.people.contains_key(&actor) {
                found.push(actor_not_allowed(
                    "la personne elle-même ou l'organisateur",
                    "the person or the organiser",
                ));
            } else {
                found.push(unknown_person(Path::root().key("actor"), actor));
            }
        }
        check_new_people(
            &self.people,
            std::iter::once(person),
            |_| action().key("person"),
            &mut found,
        );
        if at >= self.proposal.format.start {
            found.push(registration_closed(self.proposal.format.start));
        }
        let regs = &self.state.registrations;
        let email = person.folded_email();
        if regs.active_people.contains_key(&person.id) || regs.active_emails.contains_key(&email) {
            found.push(
                Violation::error(
                    Code::OR07,
                    action().key("person").key("email"),
                    "cette personne est déjà inscrite (une inscription par personne)",
                    "this person is already registered (one registration per person)",
                )
                .with("email", &person.email),
            );
        }
        if !registration.accepted_confidentiality {
            found.push(confidentiality_missing(action().key("accepted_confidentiality")));
        }
        if registration.on_behalf_of.is_some() {
            found.push(Violation::error(
                Code::PR04,
                action().key("on_behalf_of"),
                "chacun participe à titre personnel, sans engager son organisme",
                "everyone takes part in a personal capacity, without committing their organisation",
            ));
        }
        if let Some(purpose) = &registration.purpose {
            check_purpose(purpose, action().key("purpose"), &mut found);
        }
        let role = classify_role(&registration.role, || action().key("role"));
        if let Err(v) = &role {
            found.push(v.clone());
        }
        let (mut gep, warnings) = self.refuse_on_errors(found)?;
        let role = role.unwrap_or(Role::Participant);
        gep.people.insert_new(person.id, || registration.person.clone());
        gep.state.registrations.push(person.id, email, role, at);
        gep.record(at, actor, Event::Registered(registration), warnings);
        Ok(gep)
    }

    /// A registrant withdraws (or the organiser withdraws them). If they had
    /// a seat, the first on the waiting list takes it, recorded as an
    /// `admitted_from_waiting_list` event.
    ///
    /// # Errors
    /// OR07 (registration closed at the start), LC05 (no active
    /// registration), LC04 (neither the person nor the organiser), LC02, LC03.
    pub fn withdraw(self, at: Timestamp, actor: PersonId, withdrawal: Withdrawal) -> Result<Self, Refused<Announced>> {
        let mut found = Vec::new();
        self.common_checks(at, actor, &withdrawal, &mut found);
        if at >= self.proposal.format.start {
            found.push(registration_closed(self.proposal.format.start));
        }
        let person = withdrawal.person;
        if self.people.contains_key(&actor) && actor != person && actor != self.organiser {
            found.push(actor_not_allowed(
                "la personne elle-même ou l'organisateur",
                "the person or the organiser",
            ));
        }
        if self.state.registrations.active(person).is_none() {
            found.push(
                Violation::error(
                    Code::LC05,
                    Path::root().key("action").key("person"),
                    "cette personne n'a pas d'inscription en cours",
                    "this person has no active registration",
                )
                .with("person", person),
            );
        }
        let (mut gep, warnings) = self.refuse_on_errors(found)?;
        let email = gep.people.get(&person).map(|p| p.folded_email()).unwrap_or_default();
        let promoted = gep.state.registrations.withdraw(person, &email);
        gep.record(at, actor, Event::Withdrew(withdrawal), warnings);
        if let Some(promoted) = promoted {
            gep.record(
                at,
                actor,
                Event::AdmittedFromWaitingList(Admission { person: promoted }),
                Vec::new(),
            );
        }
        Ok(gep)
    }

    /// The registrations.
    pub fn registrations(&self) -> &Registrations {
        &self.state.registrations
    }
}

/// OR07: registration closes when the GEP starts.
fn registration_closed(start: Timestamp) -> Violation {
    Violation::error(
        Code::OR07,
        Path::root().key("at"),
        "les inscriptions sont closes : le GEP a commencé",
        "registration is closed: the GEP has started",
    )
    .with("start", start)
}

/// PR05.
pub(super) fn confidentiality_missing(path: Path) -> Violation {
    Violation::error(
        Code::PR05,
        path,
        "chacun s'engage à respecter la confidentialité des propos tenus",
        "everyone commits to the confidentiality of what is said",
    )
}

impl Gep<super::Held> {
    /// The registrations as they stood at the start.
    pub fn registrations(&self) -> &Registrations {
        &self.state.announced.registrations
    }
}

impl Gep<super::Reported> {
    /// The registrations as they stood at the start.
    pub fn registrations(&self) -> &Registrations {
        &self.state.held.announced.registrations
    }
}

impl Gep<super::Approved> {
    /// The registrations as they stood at the start.
    pub fn registrations(&self) -> &Registrations {
        &self.state.reported.held.announced.registrations
    }
}
