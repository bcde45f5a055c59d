//! A GEP from proposal to approval, through the typed API.
//!
//! `cargo run --example lifecycle`
//!
//! Hélène Dubois-Martin, member of the Institut de la Concertation, proposes
//! a half-day GEP in Lyon on involving residents in urban renewal. The
//! coordination team validates it, she announces it with a cap of six, eight
//! people register (two wait), one withdraws and the first waiting takes the
//! seat. A researcher who asks to come as an observer is refused, and the
//! GEP comes back unchanged. The session is held, the report validated by
//! every attendee and approved. The event log is printed at the end.

use gep_core::model::Person;
use gep_core::{AnyGep, Approval, Registration, ReportResponse, Withdrawal, sample};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let name = |gep_people: &[&Person], id| {
        gep_people
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| id.to_string(), |p| p.full_name())
    };

    // Proposed → Validated → Announced, each a distinct type.
    let proposed = sample::proposed_gep()?;
    println!("Proposé : « {} »", proposed.proposal().theme);
    let validate = sample::validate();
    let gep_core::Action::Validate(validation) = validate.action else {
        return Ok(());
    };
    let validated = proposed.validate(validate.at, validate.actor, validation)?;
    println!("Validé par l'équipe de coordination le {}", validated.validated().0);

    let announce = sample::announce(Some(6));
    let gep_core::Action::Announce(announcement) = announce.action else {
        return Ok(());
    };
    let mut announced = validated.announce(announce.at, announce.actor, announcement)?;
    println!("Annoncé sur le site de l'IC et la liste de diffusion, limite : 6 participants");

    for i in 0..8 {
        let command = sample::register(i);
        let gep_core::Action::Register(registration) = command.action else {
            continue;
        };
        announced = announced.register(command.at, command.actor, registration)?;
    }
    let people: Vec<Person> = announced.people().cloned().collect();
    let refs: Vec<&Person> = people.iter().collect();
    let list = |entries: Vec<gep_core::PersonId>| {
        entries
            .into_iter()
            .map(|id| name(&refs, id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let regs = announced.registrations();
    println!("Inscrits admis : {}", list(regs.admitted().map(|e| e.person).collect()));
    println!("Liste d'attente : {}", list(regs.waiting().map(|e| e.person).collect()));

    // A withdrawal frees a seat: the first waiting is admitted.
    let withdrawn = sample::registrant_id(2);
    let first_waiting = announced.registrations().waiting().next().map(|e| e.person);
    announced = announced.withdraw(
        sample::at("2026-03-02T18:00:00+01:00"),
        withdrawn,
        Withdrawal { person: withdrawn },
    )?;
    if let Some(first) = first_waiting {
        println!(
            "{} se désiste ; {}, première en attente, est admise",
            name(&refs, withdrawn),
            name(&refs, first)
        );
    }

    // A refused transition: an observer, who has not accepted confidentiality.
    println!("\nTentative d'inscription d'une chercheuse comme observatrice :");
    let before = AnyGep::from(announced.clone()).to_json();
    let mut observer = sample::registrant(40);
    observer.given_name = "Agnès".into();
    observer.family_name = "Marchand".into();
    observer.email = "agnes.marchand@universite.example".into();
    let attempt = announced.register(
        sample::at("2026-03-03T11:00:00+01:00"),
        observer.id,
        Registration {
            person: observer.into(),
            role: "observatrice".into(),
            accepted_confidentiality: false,
            on_behalf_of: None,
            purpose: Some("research".into()),
        },
    );
    let refused = match attempt {
        Ok(_) => return Err("an observer was admitted".into()),
        Err(refused) => refused,
    };
    for v in refused.violations().as_slice() {
        println!("  {} {:?} à `{}`", v.code, v.severity, v.path);
        println!("     fr : {}", v.message_fr);
        println!("     en : {}", v.message_en);
    }
    let announced = refused.into_gep();
    let unchanged = AnyGep::from(announced.clone()).to_json() == before;
    println!("  le GEP rendu est inchangé : {unchanged}\n");

    // Held, reported, validated by every attendee, approved.
    let present: Vec<_> = announced.registrations().admitted().map(|e| e.person).collect();
    let hold = sample::hold_with(&present, 3);
    let gep_core::Action::Hold(record) = hold.action else {
        return Ok(());
    };
    let held = announced.hold(hold.at, hold.actor, record)?;
    println!("Séance tenue : {} présents", held.attendees().len());
    let report = sample::report();
    let gep_core::Action::Report(text) = report.action else {
        return Ok(());
    };
    let mut reported = held.report(report.at, report.actor, text)?;
    let attendees: Vec<_> = reported.attendees().keys().copied().collect();
    for person in attendees {
        reported = reported.validate_report(
            sample::at("2026-04-22T09:00:00+02:00"),
            person,
            ReportResponse { revision: 1 },
        )?;
    }
    let approved = reported.approve(sample::at("2026-04-23T09:00:00+02:00"), sample::ORGANISER, Approval {})?;
    println!("Compte-rendu approuvé le {}\n", approved.approved_at());

    println!("Journal des événements :");
    for (i, entry) in approved.log().iter().enumerate() {
        let who = match &entry.event {
            gep_core::Event::AdmittedFromWaitingList(admission) => name(&refs, admission.person),
            _ => name(&refs, entry.actor),
        };
        println!("{i:>3}  {}  {:<28} {who}", entry.at, entry.event.name());
    }
    let document = AnyGep::from(approved).to_json();
    println!(
        "\nDocument : {} octets ; il se recharge à l'identique : {}",
        document.len(),
        AnyGep::from_json(&document)?.to_json() == document
    );
    Ok(())
}
