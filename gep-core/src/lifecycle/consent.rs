//! `give_consent` and `withdraw_consent` (DE10), the contact list and the
//! IC record (OR08).
//!
//! Consent may be given or withdrawn at any time from the announcement on,
//! approval included; the contact list exists from `held` on and goes only
//! to the attendees.

use super::{Announced, Approved, Gep, GepState, Held, Refused, Reported};
use crate::command::{Consent, Event};
use crate::ids::PersonId;
use crate::model::Role;
use crate::person_map::PersonMap;
use crate::privacy::{self, Contact, IcRecord, ParticipantName, Scanner, fold};
use crate::time::Timestamp;
use crate::violation::Violations;

/// The states in which a person may give or withdraw their consent to the
/// contact list: from `announced` on, approval included.
pub trait AcceptsConsent: GepState {}
impl AcceptsConsent for Announced {}
impl AcceptsConsent for Held {}
impl AcceptsConsent for Reported {}
impl AcceptsConsent for Approved {}

/// The states that have attendees, and so a contact list: `held`,
/// `reported`, `approved`.
pub trait Attended: GepState {
    /// The attendees and their roles.
    fn attendee_roles(&self) -> &PersonMap<Role>;
}

impl Attended for Held {
    fn attendee_roles(&self) -> &PersonMap<Role> {
        &self.attendees
    }
}

impl Attended for Reported {
    fn attendee_roles(&self) -> &PersonMap<Role> {
        &self.held.attendees
    }
}

impl Attended for Approved {
    fn attendee_roles(&self) -> &PersonMap<Role> {
        &self.reported.held.attendees
    }
}

impl<S: AcceptsConsent> Gep<S> {
    /// The actor agrees that their name and e-mail go on the contact list
    /// (DE10). Giving it again changes nothing but is recorded.
    ///
    /// # Errors
    /// LC02, LC03 (the actor is not known to the GEP).
    pub fn give_consent(self, at: Timestamp, actor: PersonId, consent: Consent) -> Result<Self, Refused<S>> {
        let mut found = Vec::new();
        self.common_checks(at, actor, &consent, &mut found);
        let (mut gep, warnings) = self.refuse_on_errors(found)?;
        gep.consents.insert(actor, ());
        gep.record(at, actor, Event::ConsentGiven(consent), warnings);
        Ok(gep)
    }

    /// The actor withdraws their consent: they leave the contact list (DE10).
    ///
    /// # Errors
    /// LC02, LC03 (the actor is not known to the GEP).
    pub fn withdraw_consent(self, at: Timestamp, actor: PersonId, consent: Consent) -> Result<Self, Refused<S>> {
        let mut found = Vec::new();
        self.common_checks(at, actor, &consent, &mut found);
        let (mut gep, warnings) = self.refuse_on_errors(found)?;
        gep.consents.remove(&actor);
        gep.record(at, actor, Event::ConsentWithdrawn(consent), warnings);
        Ok(gep)
    }
}

impl<S: GepState> Gep<S> {
    /// Whether this person has consented to the contact list (DE10).
    pub fn has_consented(&self, person: PersonId) -> bool {
        self.consents.contains_key(&person)
    }

    /// Whether the personal data were purged.
    pub fn is_purged(&self) -> bool {
        self.log.iter().any(|e| matches!(e.event, Event::PersonalDataPurged(_)))
    }
}

impl<S: Attended> Gep<S> {
    /// The contact list, for an attendee: the names and e-mail addresses of
    /// the attendees who consented (DE10), sorted by family name; no phone,
    /// no organisation (PR04).
    ///
    /// # Errors
    /// DE10 when the requester is not an attendee, or once the personal data
    /// were purged.
    pub fn contact_list(&self, requester: PersonId) -> Result<Vec<Contact>, Violations> {
        privacy::contact_list(
            &self.people,
            self.state.attendee_roles(),
            &self.consents,
            self.is_purged(),
            requester,
        )
    }
}

impl Gep<Approved> {
    /// The IC record (OR08): dates, place, theme, the participants' names
    /// and the anonymised synthesis of the approved report; nothing else
    /// about persons.
    pub fn ic_record(&self) -> IcRecord {
        let scanner = Scanner::from_people(self.people());
        let (synthesis, _) = privacy::redact_synthesis(self.report().report(), &scanner);
        let mut participants: Vec<(String, String, ParticipantName)> = self
            .attendees()
            .keys()
            .filter_map(|id| self.people.get(id))
            .map(|p| {
                (
                    fold(&p.family_name),
                    fold(&p.given_name),
                    ParticipantName {
                        given_name: p.given_name.clone(),
                        family_name: p.family_name.clone(),
                    },
                )
            })
            .collect();
        participants.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        let format = &self.proposal.format;
        IcRecord {
            gep_id: self.id,
            dates: privacy::Dates {
                start: format.start,
                end: format.end,
            },
            place: privacy::Place {
                name: self.proposal.venue.name.clone(),
                city: self.proposal.venue.city.clone(),
            },
            theme: self.proposal.theme.clone(),
            participants: participants.into_iter().map(|(_, _, p)| p).collect(),
            synthesis,
        }
    }
}
