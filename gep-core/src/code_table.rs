// The table of codes. Kept in its own file so that the documentation of each
// rule (what it checks, why, an example, what to do instead) reads as a list.
codes! {
    /// Peers, no *sachant*: the only roles are participant, facilitator and guest.
    ///
    /// **What it checks.** Every role given as free text must be exactly one of the wire names
    /// `participant`, `facilitator` or `guest` (lower case, no variant spelling). Any other value
    /// that does not speak of observation or research (`trainer`, `speaker`, `lecturer`, `expert`,
    /// `animateur`, `Participant`…) is refused with this code; one that does (`observer`,
    /// `researcher`…) gets [`Code::PR07`] instead. Checked at `propose` for each member of the
    /// organising team (path `action.team[i].role`), at `register` (`action.role`) and at `hold`
    /// for each walk-in (`action.walk_ins[i].role`). Severity: error, the command is refused; the
    /// violation's context carries the refused `role`.
    ///
    /// **Why.** The charter says: « Dans un GEP, aucun participant n'est en situation de
    /// « sachant », même si l'expérience des participants est différente. » and, of guests: « Ils
    /// ne sont pas dans une posture de formateurs ou de conférenciers mais dans celle de personnes
    /// ressources. » (In English: in a GEP nobody is "the one who knows", however different the
    /// participants' experience; guests are resource persons, never trainers or lecturers).
    ///
    /// **Example.** A registration as a trainer:
    ///
    /// ```json
    /// {"at": "2026-02-02T08:00:00+01:00",
    ///  "actor": "00000000-0000-0000-0000-000000000064",
    ///  "action": {"type": "register", "person": {"id": "00000000-0000-0000-0000-000000000064", …},
    ///             "role": "trainer", "accepted_confidentiality": true}}
    /// ```
    ///
    /// **Instead.** Register as `participant`. Someone whose experience helps to introduce, frame
    /// or synthesise a question joins the organising team in the proposal's `team` with the role
    /// `guest`: a resource person, not a speaker.
    PR01 => Error, "propose, register", "the only roles are participant, facilitator and guest", "les seuls rôles sont participant, animateur et invité";
    /// No normalising of "best practices" in the report's synthesis.
    ///
    /// **What it checks.** At `report` and `revise`, every item of the synthesis (`questions`,
    /// `resources`, `follow_ups`) is searched, folded for case, accents and hyphens, for a phrase
    /// that frames its content as a norm: *bonne(s) pratique(s)*, *meilleure(s) pratique(s)*,
    /// *pratique(s) exemplaire(s)*, *pratique(s) à suivre*, *pratique(s) de référence*, *best
    /// practice(s)*, *good practice(s)*, as whole words
    /// ([`privacy::best_practices`](crate::privacy::best_practices)). Each one is a warning at the
    /// item's path (`action.synthesis.follow_ups[0]`…), with the span (`start`, `end`, UTF-8 bytes)
    /// and the phrase (`text`) in its context; the command goes through and the warning is kept in
    /// the log. The discussion is not searched: the rule is about how the synthesis frames its
    /// content.
    ///
    /// **Why.** The charter says: « En aucun cas il ne s'agit de normaliser ou définir des « bonnes
    /// pratiques » mais plutôt d'explorer l'éventail des possibles et de favoriser la réflexion. »
    /// (In English: the aim is never to normalise or define "best practices", but to explore the
    /// range of possibilities and to encourage reflection).
    ///
    /// **Example.** A synthesis that sets out a norm:
    ///
    /// ```json
    /// {"type": "report", "author": "00000000-0000-0000-0000-000000000001",
    ///  "synthesis": {"questions": ["Les bonnes pratiques pour aller vers les habitants"],
    ///                "resources": [],
    ///                "follow_ups": ["Diffuser le référentiel de bonnes pratiques"]},
    ///  "discussion": "…"}
    /// ```
    ///
    /// **Instead.** Describe the range of approaches the group explored and what each one brings or
    /// costs ("plusieurs pistes", "selon les contextes"), without ranking them into a norm.
    PR02 => Warning, "report", "the synthesis must not frame its content as best practices", "la synthèse ne doit pas présenter son contenu comme de bonnes pratiques";
    /// No promotion of consulting or training activities.
    ///
    /// **What it checks.** At `hold`, the session record's `no_promotion` is an attestation that
    /// nothing promotional was distributed: `attested` must be `true` (path
    /// `action.no_promotion.attested`), `by` must be a facilitator of this GEP, that is a member of
    /// the proposal's team with the role `facilitator` (`action.no_promotion.by`), and `at` must be
    /// no later than the command's `at` (`action.no_promotion.at`). Also at `hold`, a document
    /// handed out whose `kind` is not one of the kinds of [`Code::DE11`] and reads as promotional
    /// (once folded to lower case without accents, spaces and hyphens as `_`, it contains `promot`,
    /// `flyer`, `prospectus`, `business_card`, `carte_de_visite`, `advert` or `publicit`) is
    /// refused with this code at `action.documents[i].kind`. Severity: attested in the table; every
    /// violation is an error and `hold` is refused.
    ///
    /// **Why.** The charter says: « Les GEP ne peuvent pas donner lieu à la promotion d'activités
    /// de conseil ou de formation (pas de cartes de visite ou de prospectus distribués...). » (In
    /// English: a GEP may not be used to promote consulting or training activities, so no business
    /// cards or flyers are handed out).
    ///
    /// **Example.** A flyer among the documents, and no attestation:
    ///
    /// ```json
    /// {"type": "hold", …,
    ///  "documents": [{"kind": "flyer", "title": "Nos formations à la concertation"}],
    ///  "no_promotion": {"attested": false, "by": "00000000-0000-0000-0000-000000000001",
    ///                   "at": "2026-04-16T12:25:00+02:00"}, …}
    /// ```
    ///
    /// **Instead.** Hand out only the kinds of document the charter lists, keep business cards and
    /// flyers out of the session, and have a facilitator attest it: `"attested": true`, their own
    /// id in `by`, and a time no later than the `hold` command.
    PR03 => Attested, "hold", "no promotion of consulting or training activities", "pas de promotion d'activités de conseil ou de formation";
    /// Everyone takes part in a personal capacity.
    ///
    /// **What it checks.** At `register`, a registration that carries `on_behalf_of` (whatever its
    /// value) is refused with this code at `action.on_behalf_of`: nobody registers for an
    /// organisation. A person's `organisation` may still be recorded in `person.organisation`; that
    /// is not refused. The export part of the rule (the organisation never appears in the report,
    /// the IC record or the contact list) holds by construction: the exports are types without such
    /// a field. The IC record ([`privacy::IcRecord`](crate::privacy::IcRecord)) carries names and
    /// an anonymised synthesis, where organisations of the roster are replaced by `[organisation]`;
    /// the contact list ([`privacy::Contact`](crate::privacy::Contact)) names and e-mail addresses
    /// only; the report's scan warns of an organisation of the roster ([`Code::DE08`]); the
    /// [`Snapshot`](crate::Snapshot) carries names and ids only. Severity: error.
    ///
    /// **Why.** The charter says: « Chacun participe à titre personnel sans engager son
    /// organisme. » (In English: everyone takes part in a personal capacity, without committing
    /// their organisation).
    ///
    /// **Example.** A registration on behalf of an employer:
    ///
    /// ```json
    /// {"type": "register", "person": {…}, "role": "participant",
    ///  "accepted_confidentiality": true, "on_behalf_of": "Métropole de Lyon"}
    /// ```
    ///
    /// **Instead.** Leave `on_behalf_of` out: the person registers in their own name. Where the
    /// organisers need it, the organisation may go in `person.organisation`, which is recorded but
    /// never exported.
    PR04 => Error, "register, export", "everyone takes part in a personal capacity", "chacun participe à titre personnel";
    /// Each registration carries the acceptance of the confidentiality commitment.
    ///
    /// **What it checks.** At `register`, `accepted_confidentiality` must be `true` (path
    /// `action.accepted_confidentiality`). At `hold`, each walk-in (someone who joins on the day
    /// without a registration) must carry `accepted_confidentiality: true` as well (path
    /// `action.walk_ins[i].accepted_confidentiality`). Severity: error, the command is refused.
    ///
    /// **Why.** The charter says: « Chacun parle avec franchise et s'engage à respecter la
    /// confidentialité des propos tenus. » (In English: everyone speaks frankly and commits to
    /// keeping what is said confidential).
    ///
    /// **Example.**
    ///
    /// ```json
    /// {"type": "register", "person": {…}, "role": "participant",
    ///  "accepted_confidentiality": false}
    /// ```
    ///
    /// **Instead.** Collect the person's acceptance of the confidentiality commitment (on the
    /// registration form, or on arrival for a walk-in) and send `true`.
    PR05 => Error, "register, hold", "the confidentiality commitment must be accepted", "l'engagement de confidentialité doit être accepté";
    /// Sessions are not recorded.
    ///
    /// **What it checks.** At `hold`, the session record's `no_recording` is an attestation that
    /// nothing was recorded, checked as for [`Code::PR03`]: `attested` must be `true` (path
    /// `action.no_recording.attested`), `by` a facilitator of this GEP (`action.no_recording.by`),
    /// `at` no later than the command's `at` (`action.no_recording.at`). Also at `hold`, a document
    /// whose `kind` is not one of the kinds of [`Code::DE11`] and reads as a recording (once
    /// folded, it contains `record`, `enregistr`, `audio` or `video`, and nothing promotional,
    /// which gets PR03 first) is refused with this code at `action.documents[i].kind`: no recording
    /// can be attached. Severity: attested in the table; every violation is an error and `hold` is
    /// refused.
    ///
    /// **Why.** The charter says: « Les séances ne sont pas enregistrées » (In English: sessions
    /// are not recorded).
    ///
    /// **Example.** A recording attached to the session record:
    ///
    /// ```json
    /// {"type": "hold", …,
    ///  "documents": [{"kind": "audio_recording", "title": "Plénière de clôture"}], …}
    /// ```
    ///
    /// **Instead.** Do not record the session and attach no recording; the facilitator attests it
    /// with `"no_recording": {"attested": true, "by": …, "at": …}`. What the groups wish to keep
    /// goes, anonymised, into the plenary outcomes and the report.
    PR06 => Attested, "hold", "sessions are not recorded", "les séances ne sont pas enregistrées";
    /// No observers.
    ///
    /// **What it checks.** A role, or a registration's purpose, that speaks of observation or
    /// research gets this code rather than a generic parse error or [`Code::PR01`]: once folded to
    /// lower case without accents (spaces and hyphens as `_`), it contains `observ`, `research`,
    /// `recherche`, `chercheu`, `student`, `etudiant`, `study`, `etude`, `thesis`, `these`,
    /// `doctora`, `enquete`, `survey`, `auditeur`, `auditrice` or `spectat`. Roles are checked at
    /// `propose` (path `action.team[i].role`), at `register` (`action.role`) and at `hold` for each
    /// walk-in (`action.walk_ins[i].role`). The purpose is checked at `register`
    /// (`action.purpose`): the only known purpose is `practice_exchange`; another one that speaks
    /// of observation gets this code, any other unknown one gets [`Code::IN04`]. Severity: error,
    /// the command is refused; the context carries the refused `role` or `purpose`.
    ///
    /// **Why.** The charter says: « Les séances ne sont pas enregistrées et aucun observateur
    /// (chercheur, étudiant, etc.) n'est présent. » (In English: sessions are not recorded and no
    /// observer (researcher, student, etc.) is present).
    ///
    /// **Example.**
    ///
    /// ```json
    /// {"type": "register", "person": {…}, "role": "observer",
    ///  "accepted_confidentiality": true, "purpose": "recherche doctorale"}
    /// ```
    ///
    /// **Instead.** Only practitioners who take part in the exchange attend: register as
    /// `participant`, with the purpose `practice_exchange` or none. A GEP cannot be attended to
    /// observe or study it.
    PR07 => Error, "register, hold", "no observer is present", "aucun observateur n'est présent";
    /// A proposal has a theme and at least one question.
    ///
    /// **What it checks.** At `propose`: the general theme is not blank (empty once trimmed; path
    /// `action.theme`), the list of questions is not empty (`action.questions`), and no question is
    /// blank (`action.questions[i]`). Severity: error, the proposal is refused.
    ///
    /// **Why.** The charter says: « Des questions sont proposées par les organisateurs, à partir
    /// d'un thème général » (In English: the organisers propose questions, starting from a general
    /// theme).
    ///
    /// **Example.**
    ///
    /// ```json
    /// {"type": "propose", "title": "GEP Lyon", "theme": " ", "questions": [], …}
    /// ```
    ///
    /// **Instead.** Give the general theme in `theme` and at least one question in `questions`; the
    /// participants will adopt, reformulate or set them aside on the day ([`Code::DE02`]).
    DE01 => Error, "propose", "a proposal has a theme and at least one question", "une proposition a un thème et au moins une question";
    /// The session record gives the outcome of every proposed question.
    ///
    /// **What it checks.** At `hold`, `action.questions` lists one outcome per proposed question,
    /// each naming the question by its index in the proposal (from 0). Errors: an index the
    /// proposal does not have, or one given twice (`action.questions[i].question`); an outcome
    /// `reformulated` without a non-blank new `wording` (`action.questions[i].wording`); a proposed
    /// question with no outcome (`action.questions`, the context naming the `question`); and no
    /// question worked on at all, that is none `adopted`, none reformulated and no non-blank entry
    /// in `added_questions` (`action.questions`). Severity: error, `hold` is refused.
    ///
    /// **Why.** The charter says: « Les participants sont invités à donner leur accord sur ces
    /// questions, se les approprier ou les reformuler, en proposer de nouvelles. » (In English: the
    /// participants are invited to agree on the questions, make them their own or reformulate them,
    /// and propose new ones).
    ///
    /// **Example.** For a proposal of three questions:
    ///
    /// ```json
    /// {"type": "hold", …,
    ///  "questions": [{"question": 0, "outcome": "reformulated"}], …}
    /// ```
    ///
    /// **Instead.** Record the fate of every proposed question (`adopted`, `reformulated` with its
    /// `wording`, or `set_aside`), and the questions the participants added in `added_questions`.
    DE02 => Error, "hold", "the session record gives the outcome of every question", "le relevé de séance donne le sort de chaque question";
    /// Subgroups of 5 to 6 people; one seat per attendee per round.
    ///
    /// **What it checks.** At `hold`, in each round of `action.rounds`, each person seated must be
    /// an attendee (listed in `attendance` or among the walk-ins) and may sit in only one subgroup
    /// of the round: a non-attendee, or a second seat in the same round, is an error at
    /// `action.rounds[r].subgroups[g][k]`. A subgroup of fewer than 5 or more than 6 people gets a
    /// warning at `action.rounds[r].subgroups[g]` when the attendance allows subgroups of 5 to 6
    /// only (an attendance of 5–6, 10–12, 15–18, or 20 and more does); with another attendance the
    /// size is not checked. Severity: error for a seat (`hold` is refused), warning for a size
    /// (`hold` goes through and the warning is kept in the log). This version checks subgroups at
    /// `hold` only.
    ///
    /// **Why.** The charter says: « Les échanges en sous-groupes de 5 à 6 personnes sont
    /// privilégiés afin de favoriser la prise de parole de chacun en partant d'expériences
    /// concrètes (méthode du world café, méthode des ambassadeurs...) » (In English: exchanges in
    /// subgroups of 5 to 6 people are favoured, so that everyone gets to speak, starting from
    /// concrete experience (world café, ambassadors method…)).
    ///
    /// **Example.** The same person seated twice in round 0:
    ///
    /// ```json
    /// {"type": "hold", …,
    ///  "rounds": [{"method": "world_cafe",
    ///              "subgroups": [["00000000-0000-0000-0000-000000000064", …],
    ///                            ["00000000-0000-0000-0000-000000000064", …]]}], …}
    /// ```
    ///
    /// **Instead.** Seat each attendee once per round, and aim for subgroups of 5 or 6 people (for
    /// example, 12 attendees in two subgroups of 6 rather than three of 4).
    DE03 => Error, "hold, planner", "subgroups of 5 to 6 people, one seat per round", "sous-groupes de 5 à 6 personnes, une place par tour";
    /// Plenary outcomes may be recorded.
    ///
    /// **What it checks.** Nothing is refused and no violation carries this code: the rule is
    /// informative. The session record may carry, in `SessionRecord.plenary` (`action.plenary` at
    /// `hold`, a list of texts, empty or absent if nothing was pooled), what the groups pooled in
    /// plenary and the leads or proposals they formulated.
    ///
    /// **Why.** The charter says: « En plénière, les groupes mutualisent ce qu'ils souhaitent de
    /// leurs échanges ou formulent des pistes de travail ou des propositions. » (In English: in
    /// plenary, the groups pool whatever they wish of their exchanges, or formulate leads or
    /// proposals).
    ///
    /// **Example.** What the record carries (nothing here breaks a rule):
    ///
    /// ```json
    /// {"type": "hold", …,
    ///  "plenary": ["Constituer un répertoire partagé des formats « hors les murs »."], …}
    /// ```
    ///
    /// **Instead.** Nothing to correct: record only what the groups chose to pool, without naming
    /// anyone.
    DE04 => Informative, "hold", "plenary outcomes may be recorded", "les apports de la plénière peuvent être consignés";
    /// The synthesis has its three sections and a facilitator as author.
    ///
    /// **What it checks.** At `report` and `revise`: the `author` is a facilitator of this GEP, a
    /// member of the proposal's team with the role `facilitator` (path `action.author`); the
    /// synthesis sets out the questions, with at least one non-blank entry
    /// (`action.synthesis.questions`); and it has a section for the resources to share
    /// (`action.synthesis.resources`) and one for the follow-ups (`action.synthesis.follow_ups`),
    /// which may be empty lists but must be present. Severity: error, the command is refused.
    ///
    /// **Why.** The charter says: « Une synthèse des éléments clés (questionnement, ressources à
    /// partager, suites à donner) est faite par l'animateur. » (In English: the facilitator writes
    /// a synthesis of the key elements: questions, resources to share, follow-ups).
    ///
    /// **Example.** A synthesis by the guest, with no follow-ups section:
    ///
    /// ```json
    /// {"type": "report", "author": "00000000-0000-0000-0000-000000000003",
    ///  "synthesis": {"questions": ["Recueillir la parole des jeunes"], "resources": []},
    ///  "discussion": "…"}
    /// ```
    ///
    /// **Instead.** Have a facilitator write the synthesis and give all three sections, e.g.
    /// `"resources": [], "follow_ups": []` when there is nothing to list.
    DE05 => Error, "report, revise", "the synthesis has questions, resources and follow-ups, by a facilitator", "la synthèse a questionnement, ressources et suites, par un animateur";
    /// An evaluation and the participants' expectations are advised.
    ///
    /// **What it checks.** At `report` and `revise`, a report without a brief evaluation of the
    /// session (`evaluation` absent or blank; path `action.evaluation`) or without the
    /// participants' expectations for future GEPs (`expectations`; path `action.expectations`) gets
    /// a warning for each. Severity: warning, the command goes through and the warning is kept with
    /// its event in the log.
    ///
    /// **Why.** The charter says: « Il est important que les sujets proviennent des participants,
    /// il est donc conseillé de prendre un temps avec eux pour une brève évaluation de la séance et
    /// l'expression de leurs attentes pour de futurs GEP. » (In English: subjects should come from
    /// the participants, so it is advised to take time with them for a brief evaluation of the
    /// session and for their expectations for future GEPs).
    ///
    /// **Example.**
    ///
    /// ```json
    /// {"type": "report", "author": "00000000-0000-0000-0000-000000000001",
    ///  "synthesis": {…}, "discussion": "…", "evaluation": ""}
    /// ```
    ///
    /// **Instead.** Take a moment at the end of the session for a brief evaluation and for the
    /// participants' wishes for future GEPs, and give both in `evaluation` and `expectations`.
    DE06 => Warning, "report, revise", "an evaluation and the expectations are advised", "une évaluation et les attentes sont conseillées";
    /// A GEP lasts half a day to a day, or an evening.
    ///
    /// **What it checks.** At `propose`, the format (`action.format`): the end comes after the
    /// start, and the duration, bounds included, fits the kind: `evening` 2 h to 4 h, `half_day` 3
    /// h to 5 h, `full_day` 5 h to 9 h (path `action.format.end`, the context giving the
    /// `minutes`); start and end fall on the same calendar day, each in its own UTC offset
    /// (`action.format.end`); a `full_day` has a `meal` slot (`action.format.meal`); and a meal
    /// slot, for any kind, ends after it starts and lies within the GEP (`action.format.meal`).
    /// Severity: error, the proposal is refused.
    ///
    /// **Why.** The charter says: « Un GEP, c'est 1/2 journée à une journée avec un temps informel
    /// pour le repas ; éventuellement une fin de journée ou une soirée. » (In English: a GEP lasts
    /// half a day to a day, with informal time for a meal; possibly an end of day or an evening).
    ///
    /// **Example.** A full day with no meal slot:
    ///
    /// ```json
    /// {"type": "propose", …,
    ///  "format": {"kind": "full_day", "start": "2026-04-16T09:00:00+02:00",
    ///             "end": "2026-04-16T17:00:00+02:00"}, …}
    /// ```
    ///
    /// **Instead.** Pick the kind that matches the duration, keep the GEP within one day, and give
    /// a full day its informal meal, e.g. `"meal": {"start": "2026-04-16T12:30:00+02:00", "end":
    /// "2026-04-16T13:30:00+02:00"}`.
    DE07 => Error, "propose", "a GEP lasts an evening, half a day or a day", "un GEP dure une soirée, une demi-journée ou une journée";
    /// The report is anonymised.
    ///
    /// **What it checks.** At `report` and `revise`, every text of the report (each item of the
    /// synthesis, the discussion, the evaluation and the expectations) is scanned against the
    /// roster, everyone known to the GEP ([`privacy::Scanner`](crate::privacy::Scanner)). Errors:
    /// a given, family or full name of the roster (in either order; folded for case, accents
    /// precomposed or combining, apostrophes and elisions, hyphens and spaces; particles kept, so
    /// `Le Goff`, `Legoff` and `N’Diaye`, `Ndiaye` match; whole words only, so Léa is not in
    /// Léandre), any e-mail address, any French phone number (`06 12 34 56 78`, `06.12.34.56.78`,
    /// `0612345678`, `+33 6…`, `+33 (0)6…`, `0033 6…`; years, dates, amounts and counts are not
    /// numbers of ten digits from a `0`) and a roster's phone in any format. Warnings: a single
    /// name written in lower case that is also a common French word (*pierre*, *rose*, *claire*,
    /// *fontaine*…), and an organisation of the roster. Each finding points at its text
    /// (`action.discussion`, `action.synthesis.questions[1]`…) with its `kind`, `start` and `end`
    /// (UTF-8 bytes) in the context, and, for an error, the matched `text`, its `occurrence` and
    /// the `person`. The author may waive an error-level finding in the report's `waivers`
    /// (`field`, `text`, `occurrence`, a non-blank `reason`): it is then kept as a warning, and the
    /// waiver is recorded with the report and shown to the attendees who validate it; a waiver
    /// without a reason is [`Code::IN07`], one that matches nothing a warning.
    ///
    /// **Why.** The charter says: « Le compte-rendu est anonymisé et de se réfère pas explicitement
    /// à des personnes ou des situations particulières. » (In English: the report is anonymised and
    /// does not refer explicitly to persons or to particular situations).
    ///
    /// **Example.** A synthesis that names an attendee and gives an address:
    ///
    /// ```json
    /// {"type": "report", …,
    ///  "synthesis": {"questions": ["Comment Léa Martin a mobilisé les jeunes de son quartier"],
    ///                "resources": ["Écrire à lea.martin@exemple.fr pour le guide"],
    ///                "follow_ups": []}, …}
    /// ```
    ///
    /// **Instead.** Write about practices, not people: "une participante a décrit…", and share
    /// resources by their title or public address. Contact details are shared, with consent, in the
    /// contact list ([`Code::DE10`]), never in the report. Where a finding does not identify anyone
    /// (a street named after someone, a namesake), waive it with a reason:
    ///
    /// ```json
    /// "waivers": [{"field": ["discussion"], "text": "Camille", "occurrence": 0,
    ///              "reason": "la rue Camille Desmoulins"}]
    /// ```
    ///
    /// The IC record redacts every error-level finding, waived or not.
    DE08 => Error, "report, revise", "the report is anonymised", "le compte-rendu est anonymisé";
    /// The report is validated by the attendees before approval.
    ///
    /// **What it checks.** At `approve`, every attendee (team members present, admitted registrants
    /// present and walk-ins) must have validated the current revision: an attendee who objected is
    /// an error, and so is one who has not answered, unless the report's `validation_deadline` has
    /// passed (the `approve` comes strictly after it), in which case silence is tacit approval;
    /// objections block whatever the deadline. These errors point at `action`, one per attendee,
    /// the context naming the `person`. At `report` and `revise`, a `validation_deadline` no later
    /// than the command's `at` is an error (`action.validation_deadline`). At `object_to_report`,
    /// an objection without a non-blank `comment` is an error (`action.comment`). A `revise` starts
    /// a new revision and resets every validation and objection. Severity: error, the command is
    /// refused.
    ///
    /// **Why.** The charter says: « Il est validé par les participants avant transmission à l'IC. »
    /// (In English: the report is validated by the participants before it is transmitted to the
    /// IC).
    ///
    /// **Example.** Approving while an attendee's objection stands, or before everyone answered:
    ///
    /// ```json
    /// {"at": "2026-04-23T09:00:00+02:00",
    ///  "actor": "00000000-0000-0000-0000-000000000001",
    ///  "action": {"type": "approve"}}
    /// ```
    ///
    /// **Instead.** Wait until every attendee has sent `validate_report` for the current revision,
    /// or until the validation deadline has passed; answer an objection with `revise`, which
    /// restarts the validation.
    DE09 => Error, "approve", "the report is validated by the attendees", "le compte-rendu est validé par les participants";
    /// Contact details are shared only with consent, only among attendees.
    ///
    /// **What it checks.** Consent is given and withdrawn by the person themselves with the
    /// `give_consent` and `withdraw_consent` commands, in any state from `announced` on, approval
    /// included (events `consent_given`, `consent_withdrawn`). The contact list
    /// ([`Gep::contact_list`](crate::Gep::contact_list), [`AnyGep::contact_list`](crate::AnyGep))
    /// holds the name and e-mail address of each attendee whose latest word is consent, and
    /// nothing else (no phone, no organisation: [`Code::PR04`]). Asking for it is an error with
    /// this code when the requester is not an attendee (path `requester`), before `held` or for a
    /// declined or cancelled GEP (path root, the `state` in the context), and once the personal
    /// data were purged.
    ///
    /// **Why.** The charter says: « Suite à la rencontre, les coordonnées (noms, courriels...) des
    /// participants peuvent être partagées au sein du groupe pour faciliter des échanges
    /// ultérieurs, sous réserve de l'accord des personnes concernées. » (In English: after the
    /// meeting, the participants' contact details (names, e-mails…) may be shared within the group
    /// to ease later exchanges, subject to the consent of the persons concerned).
    ///
    /// **Example.** A coordination member who did not attend asks for the list:
    ///
    /// ```text
    /// gep.contact_list(coordinator)  →  DE10 at ["requester"]
    /// ```
    ///
    /// **Instead.** Each attendee who wishes to be reachable sends `give_consent`; the list is for
    /// the attendees, after the meeting.
    DE10 => Error, "export", "contact details are shared only with consent", "les coordonnées ne sont partagées qu'avec accord";
    /// Documents handed out are of the kinds the charter lists.
    ///
    /// **What it checks.** At `hold`, each document of `action.documents` has a `kind` that is
    /// exactly one of `article`, `experience_account`, `research_work`, `organisation_list`,
    /// `resource_sites` or `other`; any other kind is an error at `action.documents[i].kind`
    /// (unless it reads as promotional, which gets [`Code::PR03`], or as a recording, which gets
    /// [`Code::PR06`]). A document of kind `other` needs a non-blank `description`
    /// (`action.documents[i].description`). Severity: error, `hold` is refused.
    ///
    /// **Why.** The charter says: « Les GEP ne sont pas des sessions de formation, cependant : »
    /// « des documents peuvent être préparés par les organisateurs et distribués sur place pour
    /// prolonger la réflexion (articles, récits d'expériences, travaux de recherche, listes
    /// d'organismes ou de sites ressources...) » (In English: GEPs are not training sessions, but
    /// the organisers may prepare documents to hand out to extend the reflection (articles,
    /// accounts of experience, research work, lists of organisations or of resource sites…)).
    ///
    /// **Example.**
    ///
    /// ```json
    /// {"type": "hold", …,
    ///  "documents": [{"kind": "slides", "title": "Support de cours"},
    ///                {"kind": "other", "title": "Carte du quartier"}], …}
    /// ```
    ///
    /// **Instead.** Use the listed kinds; anything else goes as `other` with a `description` saying
    /// what it is (e.g. `"description": "plan annoté par les habitants"`).
    DE11 => Error, "hold", "documents are of the kinds the charter lists", "les documents sont des types prévus par la charte";
    /// A case-study presenter is an attending participant.
    ///
    /// **What it checks.** At `hold`, the `presenter` of each case study in `action.case_studies`
    /// must be an attendee whose role is `participant` (an admitted registrant, a walk-in or a team
    /// member with that role); a facilitator, a guest or someone absent is an error at
    /// `action.case_studies[i].presenter`. Severity: error, `hold` is refused.
    ///
    /// **Why.** The charter says: « il peut être proposé à un ou plusieurs participants de
    /// présenter en détail une expérience, prise comme un cas d'étude, afin de disposer d'une base
    /// de travail commune. » (In English: one or more participants may be asked to present an
    /// experience in detail, as a case study, to give the group a common basis for work).
    ///
    /// **Example.** A case study presented by the guest:
    ///
    /// ```json
    /// {"type": "hold", …,
    ///  "case_studies": [{"presenter": "00000000-0000-0000-0000-000000000003",
    ///                    "title": "Le budget participatif de Villeurbanne"}], …}
    /// ```
    ///
    /// **Instead.** Ask a participant who attends to present the experience; a guest may introduce,
    /// frame or synthesise, but the case study is a participant's.
    DE12 => Error, "hold", "a case study is presented by an attending participant", "un cas d'étude est présenté par un participant présent";
    /// The organiser is an IC member.
    ///
    /// **What it checks.** At `propose`, the organiser is the command's `actor`, who must be among
    /// the proposal's `people` with `ic_status` `member`; a `sympathiser` or `non_member` is an
    /// error at `actor` (the context giving the `ic_status`). An actor missing from `people` gets
    /// [`Code::LC03`]. Severity: error, the proposal is refused.
    ///
    /// **Why.** The charter says: « Tout membre de l'Institut de la Concertation peut demander à
    /// organiser des GEP dans le cadre de l'IC » (In English: any member of the Institut de la
    /// Concertation may ask to organise GEPs within the IC).
    ///
    /// **Example.** A sympathiser proposing:
    ///
    /// ```json
    /// {"at": "2026-01-10T10:00:00+01:00",
    ///  "actor": "00000000-0000-0000-0000-000000000003",
    ///  "action": {"type": "propose", …,
    ///             "people": [{"id": "00000000-0000-0000-0000-000000000003", …,
    ///                         "ic_status": "sympathiser"}, …]}}
    /// ```
    ///
    /// **Instead.** Have an IC member propose the GEP; sympathisers and non-members may join the
    /// team as facilitators or guests, or register.
    OR01 => Error, "propose", "the organiser is a member of the IC", "l'organisateur est membre de l'IC";
    /// The organiser accepts the charter.
    ///
    /// **What it checks.** At `propose`, `action.charter` records the organiser's acceptance:
    /// `accepted` is `true` (path `action.charter.accepted`), the accepted `version` is not blank
    /// (`action.charter.version`), and `accepted_at` is no later than the command's `at`
    /// (`action.charter.accepted_at`). Severity: error, the proposal is refused.
    ///
    /// **Why.** The charter says: « sous réserve de l'acceptation de ces principes » (In English: a
    /// member may organise a GEP provided they accept these principles).
    ///
    /// **Example.**
    ///
    /// ```json
    /// {"type": "propose", …,
    ///  "charter": {"accepted": false, "version": "",
    ///              "accepted_at": "2026-01-10T09:45:00+01:00"}, …}
    /// ```
    ///
    /// **Instead.** Have the organiser read and accept the charter before proposing, and record it:
    /// `"charter": {"accepted": true, "version": "2019", "accepted_at": …}`.
    OR02 => Error, "propose", "the organiser accepts the charter", "l'organisateur accepte la charte";
    /// The coordination team validates the setup and the themes.
    ///
    /// **What it checks.** At `validate` and `decline`, the `actor` must be a member of the IC's
    /// coordination team (`coordination_team: true` on the person, who may be introduced in the
    /// `validate` command's `people`); otherwise it is an error at `actor`. At `validate`, the
    /// validated `format` and `theme` must be exactly the proposal's: a difference is an error at
    /// `action.format` or `action.theme`. Severity: error, the command is refused.
    ///
    /// **Why.** The charter says: « d'une validation préalable du dispositif et des thèmes par
    /// l'équipe de coordination » (In English: a GEP is organised after the coordination team has
    /// validated the setup and the themes beforehand).
    ///
    /// **Example.** The organiser validating their own proposal, with a changed theme:
    ///
    /// ```json
    /// {"at": "2026-01-20T16:00:00+01:00",
    ///  "actor": "00000000-0000-0000-0000-000000000001",
    ///  "action": {"type": "validate", "format": {…}, "theme": "Un autre thème",
    ///             "meeting": {…}}}
    /// ```
    ///
    /// **Instead.** Have a coordination member send `validate` (or `decline`, with a reason),
    /// repeating the proposal's format and theme as they stand.
    OR03 => Error, "validate, decline", "the coordination team validates the setup and the theme", "l'équipe de coordination valide le dispositif et le thème";
    /// A meeting with at least one coordination member precedes validation.
    ///
    /// **What it checks.** At `validate`, `action.meeting` records the meeting with the organiser:
    /// its `at` is no later than the command's `at` (path `action.meeting.at`), it lists at least
    /// one coordination member (`action.meeting.coordination_members`), and each person listed is a
    /// member of the coordination team (`action.meeting.coordination_members[i]`; an unknown id
    /// gets [`Code::LC03`]). Severity: error, `validate` is refused.
    ///
    /// **Why.** The charter says: « et d'une rencontre avec au moins un membre de cette équipe. »
    /// (In English: and after a meeting with at least one member of that team).
    ///
    /// **Example.** A meeting dated after the validation, with nobody from the team:
    ///
    /// ```json
    /// {"type": "validate", "format": {…}, "theme": "…",
    ///  "meeting": {"at": "2026-01-25T14:00:00+01:00", "coordination_members": []}}
    /// ```
    ///
    /// **Instead.** Meet the organiser first, then validate, giving the meeting's date and the
    /// coordination member(s) who took part.
    OR04 => Error, "validate", "a meeting with the coordination team precedes validation", "une rencontre avec l'équipe de coordination précède la validation";
    /// The GEP is announced on the IC site and the mailing list.
    ///
    /// **What it checks.** At `announce`, both channels must be `true`: `ic_site` (path
    /// `action.ic_site`) and `mailing_list` (`action.mailing_list`). Severity: error, the
    /// announcement is refused.
    ///
    /// **Why.** The charter says: « Chaque GEP donne lieu à une invitation large aux membres et
    /// sympathisants de l'IC au moyen d'une mise en ligne sur le site de l'IC et via la liste de
    /// diffusion. » (In English: each GEP is announced broadly to the IC's members and
    /// sympathisers, online on the IC's site and through the mailing list).
    ///
    /// **Example.**
    ///
    /// ```json
    /// {"at": "2026-02-01T09:00:00+01:00",
    ///  "actor": "00000000-0000-0000-0000-000000000001",
    ///  "action": {"type": "announce", "ic_site": true, "mailing_list": false}}
    /// ```
    ///
    /// **Instead.** Publish the GEP on the IC's site and send it to the mailing list, then announce
    /// with `"ic_site": true, "mailing_list": true`.
    OR05 => Error, "announce", "the GEP is announced on the IC site and the mailing list", "le GEP est annoncé sur le site de l'IC et la liste de diffusion";
    /// Non-members are welcome.
    ///
    /// **What it checks.** At `announce`, `members_only: true` is an error at
    /// `action.members_only`: registration cannot be restricted to members. At `register`, the rule
    /// holds by construction: no check looks at the person's `ic_status`, so no registration is
    /// ever refused for it. Severity: error.
    ///
    /// **Why.** The charter says: « C'est l'occasion d'inviter des non membres, il n'y a pas
    /// d'obligation d'appartenance à l'IC. » (In English: it is an occasion to invite non-members;
    /// membership of the IC is not required).
    ///
    /// **Example.**
    ///
    /// ```json
    /// {"type": "announce", "ic_site": true, "mailing_list": true, "members_only": true}
    /// ```
    ///
    /// **Instead.** Leave `members_only` out (or `false`). To limit numbers, use a cap with an
    /// online registration form ([`Code::OR07`]), which treats everyone alike.
    OR06 => Error, "announce, register", "membership of the IC is not required", "l'adhésion à l'IC n'est pas requise";
    /// Registrations: cap, order, waiting list, one per person, open from announcement to start.
    ///
    /// **What it checks.** At `announce`: a `cap` is at least 1 (path `action.cap`), a capped
    /// announcement gives a non-blank `registration_form` (`action.registration_form`), and the
    /// announcement comes before the GEP's start (path `at`). At `register`: registration is closed
    /// from the start on (`at`), and a person with an active (admitted or waiting) registration, by
    /// id or by e-mail address (trimmed, lower case), cannot register again
    /// (`action.person.email`). Registrations are ordered by their timestamp, ties in log order;
    /// past the cap, registrants wait in that order, and a `withdraw` that frees a seat admits the
    /// first waiting, recorded as an `admitted_from_waiting_list` event. At `hold`: an attendee who
    /// is on the waiting list, or who is neither on the team nor an admitted registrant, is an
    /// error at `action.attendance[i]`; without a cap such a person is added in `walk_ins` instead,
    /// but with a cap any walk-in is an error at `action.walk_ins[i]`. Severity: error, the command
    /// is refused.
    ///
    /// **Why.** The charter says: « Si besoin, pour des raisons de logistique ou de qualité des
    /// débats, la participation peut être limitée au moyen d'un bulletin d'inscription en ligne :
    /// dans ce cas, les participants sont les premiers inscrits. » (In English: where logistics or
    /// the quality of debate require it, participation may be capped through an online registration
    /// form; the participants are then the first registered).
    ///
    /// **Example.** A cap without a registration form:
    ///
    /// ```json
    /// {"type": "announce", "ic_site": true, "mailing_list": true, "cap": 20}
    /// ```
    ///
    /// **Instead.** Give the form's address with the cap (`"registration_form": "https://…"`),
    /// announce before the start, register each person once, and record as attendees only the team
    /// and the admitted registrants (plus walk-ins when there is no cap).
    OR07 => Error, "announce, register, hold", "registrations follow the order of arrival within the cap", "les inscriptions suivent l'ordre d'arrivée dans la limite fixée";
    /// The IC record holds exactly dates, places, theme, names and synthesis.
    ///
    /// **What it checks.** The IC record ([`privacy::IcRecord`](crate::privacy::IcRecord), its
    /// schema `schemas/ic_record.schema.json`) of an `approved` GEP holds exactly the GEP's id, the
    /// dates (start, end), the place (venue name, city), the theme, the names of the participants
    /// (every attendee's given and family names, as a separate list) and the synthesis of the
    /// discussions (the approved report's questions, resources, follow-ups and discussion,
    /// anonymised with one placeholder per person: `[personne A]`, `[courriel]`, `[téléphone]`,
    /// `[organisation]`), and nothing else about persons. Asking for the IC record of a GEP that
    /// is not approved is an error with this code (path root, the `state` in the context).
    ///
    /// **Why.** The charter says: « Un compte-rendu synthétique des GEP (dates, lieux, thème, noms
    /// des participants, synthèse des discussions) doit être transmis à l'IC pour alimenter la base
    /// de données en ligne. » (In English: a synthetic report of each GEP (dates, places, theme,
    /// names of the participants, synthesis of the discussions) must be transmitted to the IC to
    /// feed its online database).
    ///
    /// **Example.** Asking for the IC record of a reported GEP:
    ///
    /// ```text
    /// gep.ic_record()  →  OR08 (state: reported)
    /// ```
    ///
    /// **Instead.** Transmit to the IC only the fields the charter lists, once the report is
    /// approved ([`Code::DE09`]).
    OR08 => Error, "approve, export", "the IC record holds only what the charter lists", "la fiche de l'IC ne contient que ce que la charte prévoit";
    /// Facilitators may ask the IC for support.
    ///
    /// **What it checks.** Nothing is refused and no violation carries this code: the rule is
    /// informative. A facilitator (or the organiser) may record a request for the IC's support with
    /// the `request_support` command, whose `topic` says what it is about; it is accepted in every
    /// state but `declined` and `cancelled`, changes no state, blocks nothing, and is kept in the
    /// log as a `support_requested` event. (A blank topic gets [`Code::IN07`], another actor
    /// [`Code::LC04`].)
    ///
    /// **Why.** The charter says: « L'Institut de la Concertation peut accompagner sur demande les
    /// animateurs de GEP. En outre, ceux-ci s'aident mutuellement en restant disponibles pour
    /// répondre aux questions qu'ils pourraient rencontrer (contenus, animation, compte-rendu,
    /// etc.) » (In English: the IC may accompany GEP facilitators on request; besides, facilitators
    /// help one another by staying available for the questions they may meet (content,
    /// facilitation, report, etc.)).
    ///
    /// **Example.** What the log carries (nothing here breaks a rule):
    ///
    /// ```json
    /// {"at": "2026-03-02T10:00:00+01:00",
    ///  "actor": "00000000-0000-0000-0000-000000000002",
    ///  "action": {"type": "request_support", "topic": "animer un world café à 30 personnes"}}
    /// ```
    ///
    /// **Instead.** Nothing to correct: ask whenever support would help.
    OR09 => Informative, "any", "facilitators may ask the IC for support", "les animateurs peuvent demander l'accompagnement de l'IC";
    /// The input is not well-formed JSON (or not UTF-8).
    ///
    /// **What it checks.** Outside the charter: an input error, raised when a document or a command
    /// is parsed (`AnyGep::from_json`, `AnyGep::from_slice`, `document::parse`). A syntax error (a
    /// trailing comma, a missing quote…) or a truncated input points at the value being read (the
    /// context giving `line` and `column`); characters after the JSON value, or bytes that are not
    /// UTF-8 (the context giving the byte `offset`), point at the root. Severity: error, nothing is
    /// loaded.
    ///
    /// **Example.** A trailing comma:
    ///
    /// ```json
    /// {"at": "2026-03-01T10:00:00+01:00", "actor": "00000000-0000-0000-0000-000000000001",
    ///  "action": {"type": "cancel", "reason": "salle indisponible",}}
    /// ```
    ///
    /// **Instead.** Send one complete JSON value, encoded in UTF-8, as a JSON serialiser writes it.
    IN01 => Error, "input", "malformed JSON", "JSON mal formé";
    /// The input has a field that the format does not know.
    ///
    /// **What it checks.** Outside the charter: every object of the wire format refuses fields it
    /// does not define. The path points at the unknown field itself, e.g. `action.reason` for a
    /// `withdraw` (the English message lists the expected fields). Severity: error.
    ///
    /// **Example.**
    ///
    /// ```json
    /// {"type": "withdraw", "person": "00000000-0000-0000-0000-000000000064",
    ///  "reason": "empêchement"}
    /// ```
    ///
    /// **Instead.** Send only the fields of the format (see the JSON Schemas in `schemas/`); check
    /// the spelling (`mailing_list`, not `mailinglist`).
    IN02 => Error, "input", "unknown field", "champ inconnu";
    /// The input lacks a required field.
    ///
    /// **What it checks.** Outside the charter: a required field is missing, including the `type`
    /// of an action or event. The path points at the object that lacks it (e.g. `action`), the
    /// message naming the field. A document whose `events` list is empty gets it too, at `events`:
    /// a log starts with the proposal. Severity: error.
    ///
    /// **Example.** An announcement without `mailing_list`:
    ///
    /// ```json
    /// {"type": "announce", "ic_site": true}
    /// ```
    ///
    /// **Instead.** Give every required field, even when its value is `false` or an empty list.
    IN03 => Error, "input", "missing field", "champ manquant";
    /// A value has the wrong JSON type or is not one of the allowed values.
    ///
    /// **What it checks.** Outside the charter: a value of the wrong JSON type (a string for a
    /// boolean, a negative number for a count, a malformed UUID), a name that is not one of the
    /// allowed values (an unknown action `type`, format `kind`, `ic_status` or question `outcome`),
    /// a field given twice, or a document `version` that is not a number. The path points at the
    /// value. At `register`, a `purpose` other than `practice_exchange` that does not speak of
    /// observation gets it too, at `action.purpose` (one that does gets [`Code::PR07`]). Severity:
    /// error.
    ///
    /// **Example.**
    ///
    /// ```json
    /// {"type": "announce", "ic_site": "yes", "mailing_list": true, "cap": -3}
    /// ```
    ///
    /// **Instead.** Send the type and the names the format defines: booleans as `true`/`false`,
    /// counts as non-negative integers, ids as UUIDs, names in `snake_case` (`half_day`,
    /// `non_member`, `set_aside`).
    IN04 => Error, "input", "wrong type or value", "type ou valeur incorrects";
    /// A timestamp is not RFC 3339 with a UTC offset, or is out of range.
    ///
    /// **What it checks.** Outside the charter: every timestamp (`at`, `start`, `end`,
    /// `accepted_at`, `validation_deadline`…) must be an RFC 3339 date-time with an explicit UTC
    /// offset, since the same wall-clock time is a different instant in Paris and in Nouméa. The
    /// path points at the timestamp. Severity: error.
    ///
    /// **Example.** A timestamp without its offset:
    ///
    /// ```json
    /// {"at": "2026-03-01T10:00:00", "actor": "00000000-0000-0000-0000-000000000001",
    ///  "action": {"type": "cancel", "reason": "salle indisponible"}}
    /// ```
    ///
    /// **Instead.** Write the offset: `"2026-03-01T10:00:00+01:00"` (or `Z` for UTC).
    IN05 => Error, "input", "invalid timestamp", "horodatage invalide";
    /// The document's format version is not supported.
    ///
    /// **What it checks.** Outside the charter: at loading, a document's `version` must be the
    /// version this library reads and writes, [`FORMAT_VERSION`](crate::FORMAT_VERSION) (1). The
    /// path is `version`. Severity: error, nothing is loaded.
    ///
    /// **Example.**
    ///
    /// ```json
    /// {"version": 2, "gep_id": "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11", "events": […]}
    /// ```
    ///
    /// **Instead.** Load the document with a library version that reads its format, or save it in
    /// version 1.
    IN06 => Error, "input", "unsupported format version", "version de format non prise en charge";
    /// A value is well-typed but unusable: an empty name, a malformed e-mail address, a person given twice with different details.
    ///
    /// **What it checks.** Outside the charter: values that parse but cannot be used, found by the
    /// lifecycle checks. A person's blank `given_name` or `family_name`, an implausible `email`
    /// (one `@`, a non-empty local part, a dotted domain, no spaces), a `phone` given but blank
    /// (paths under the person, e.g. `action.person.email`); a person id already known with other
    /// details (the person's `id`); a blank `title`, `venue.name` or `venue.city` at `propose`; a
    /// person listed twice in the team (`action.team[i].person`) or in the attendance
    /// (`action.attendance[i]`); a walk-in already registered or present
    /// (`action.walk_ins[i].person.id`); a blank `reason` at `decline` or `cancel`; a blank
    /// case-study or document `title` at `hold`; a blank `topic` at `request_support`. Severity:
    /// error, the command is refused.
    ///
    /// **Example.**
    ///
    /// ```json
    /// {"type": "register",
    ///  "person": {"id": "00000000-0000-0000-0000-000000000064", "given_name": "",
    ///             "family_name": "Martin", "email": "lea.martin@", "ic_status": "member"},
    ///  "role": "participant", "accepted_confidentiality": true}
    /// ```
    ///
    /// **Instead.** Fill in every required text, give a working e-mail address, omit `phone` rather
    /// than sending it empty, and reuse a person's id only with the same details.
    IN07 => Error, "input", "invalid value", "valeur invalide";
    /// A document's derived events do not match what its replay produces.
    ///
    /// **What it checks.** Outside the charter: loading replays the document's events through the
    /// lifecycle, and a derived event (`admitted_from_waiting_list`, written by the library after a
    /// withdrawal that freed a seat) must be in the document exactly where and as the replay
    /// produces it. A derived event first in the log, one that does not follow from the previous
    /// event, one that differs from what the replay expects, or one missing at the end is an error
    /// at `events[i]`. Severity: error, nothing is loaded.
    ///
    /// **Example.** An admission that no withdrawal caused:
    ///
    /// ```json
    /// {"version": 1, "gep_id": "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11",
    ///  "events": [{"at": "2026-01-10T10:00:00+01:00",
    ///              "actor": "00000000-0000-0000-0000-000000000001",
    ///              "event": {"type": "admitted_from_waiting_list",
    ///                        "person": "00000000-0000-0000-0000-000000000064"}}]}
    /// ```
    ///
    /// **Instead.** Do not edit a document's log by hand: apply commands and save; the library
    /// writes derived events itself.
    IN08 => Error, "input", "inconsistent document", "document incohérent";
    /// The input exceeds a documented size limit.
    ///
    /// **What it checks.** Outside the charter: the sizes of [`limits`](crate::limits), each
    /// before any costly work. A document larger than
    /// [`MAX_DOCUMENT_BYTES`](crate::MAX_DOCUMENT_BYTES) (16 MiB) is refused before parsing, at the
    /// root, the context giving the `size` and the `max`; one with more than
    /// [`MAX_EVENTS`](crate::limits::MAX_EVENTS) events, at `events`, before replaying. In a
    /// command, a text longer than [`MAX_TEXT_BYTES`](crate::limits::MAX_TEXT_BYTES) (256 KiB), a
    /// name, e-mail, phone or organisation longer than
    /// [`MAX_NAME_BYTES`](crate::limits::MAX_NAME_BYTES), or a list longer than
    /// [`MAX_ITEMS`](crate::limits::MAX_ITEMS) is refused at its path; a GEP takes at most
    /// [`MAX_PEOPLE`](crate::limits::MAX_PEOPLE) people and
    /// [`MAX_REGISTRATIONS`](crate::limits::MAX_REGISTRATIONS) registrations; the planner has its
    /// own ([`planner::MAX_PEOPLE`](crate::planner::MAX_PEOPLE), …). Severity: error, nothing is
    /// loaded, the GEP comes back unchanged.
    ///
    /// **Example.** A report whose synthesis holds 10 MB of text, refused at
    /// `action.synthesis.questions[0]` (in a document, also past 16 MiB as a whole):
    ///
    /// ```json
    /// {"at": "…", "actor": "…", "action": {"type": "report",
    ///   "synthesis": {"questions": ["……(10 MB)……"], …}, …}}
    /// ```
    ///
    /// **Instead.** Keep texts to what a synthesis needs: large resources are shared by reference
    /// (a title or an address), not inlined.
    IN09 => Error, "input", "size limit exceeded", "limite de taille dépassée";
    /// The command is not one that the GEP's current state takes.
    ///
    /// **What it checks.** Outside the charter: a lifecycle error. Each state takes only its own
    /// commands (`proposed`: `validate`, `decline`; `validated`: `announce`, `cancel`; `announced`:
    /// `register`, `withdraw`, `hold`, `cancel`; `held`: `report`; `reported`: `validate_report`,
    /// `object_to_report`, `revise`, `approve`; and `request_support` in every state but `declined`
    /// and `cancelled`), and a GEP starts only with `propose`. Any other command is refused at
    /// `action.type` (in a document, `events[i].event.type`), the context giving the `state` and
    /// the `command`. With the typed API the same mistake does not compile. Severity: error, the
    /// GEP comes back unchanged.
    ///
    /// **Example.** Holding a GEP that is only proposed:
    ///
    /// ```json
    /// {"at": "2026-04-16T12:40:00+02:00",
    ///  "actor": "00000000-0000-0000-0000-000000000001",
    ///  "action": {"type": "hold", …}}
    /// ```
    ///
    /// **Instead.** Follow the lifecycle: propose, validate, announce, hold, report, approve; check
    /// the GEP's `state` before sending a command.
    LC01 => Error, "lifecycle", "command not allowed in this state", "commande impossible dans cet état";
    /// A timestamp is earlier than the previous event's.
    ///
    /// **What it checks.** Outside the charter: every command after `propose` has an `at` no
    /// earlier than the GEP's last event (an equal time is allowed, and keeps log order); an
    /// earlier one is refused at `at`, the context giving `at` and `last`. The core never reads a
    /// clock, so the caller's timestamps are the only time there is. Severity: error.
    ///
    /// **Example.** A withdrawal dated before the registration it withdraws (registered at
    /// `2026-02-02T08:00:00+01:00`):
    ///
    /// ```json
    /// {"at": "2026-02-01T08:00:00+01:00",
    ///  "actor": "00000000-0000-0000-0000-000000000064",
    ///  "action": {"type": "withdraw", "person": "00000000-0000-0000-0000-000000000064"}}
    /// ```
    ///
    /// **Instead.** Timestamp each command when it happens, and apply commands in the order they
    /// happened.
    LC02 => Error, "lifecycle", "time goes backwards", "le temps recule";
    /// A person id that the GEP does not know.
    ///
    /// **What it checks.** Outside the charter: a person id that no command has introduced. The
    /// `actor` of a command (path `actor`; at `propose` the actor must be in `action.people`, at
    /// `register` a new person may act for themselves), a team member (`action.team[i].person`), a
    /// coordination member of the meeting (`action.meeting.coordination_members[i]`) or an attendee
    /// (`action.attendance[i]`) must be known. People become known through `propose` and `validate`
    /// (`people`), `register` (`person`) and `hold` (`walk_ins`). Severity: error, the command is
    /// refused; the context gives the `person`.
    ///
    /// **Example.** An attendee whom no command has introduced:
    ///
    /// ```json
    /// {"type": "hold",
    ///  "attendance": ["00000000-0000-0000-0000-000000000001",
    ///                 "00000000-0000-0000-0000-0000000000ff"], …}
    /// ```
    ///
    /// **Instead.** Introduce each person once, with their details, in the command that first
    /// involves them; someone who joins on the day goes in `walk_ins` with their details.
    LC03 => Error, "lifecycle", "unknown person", "personne inconnue";
    /// The actor does not have the role this command needs.
    ///
    /// **What it checks.** Outside the charter: the `actor` is known but may not send this command.
    /// `announce`: the organiser or a facilitator; `cancel`: the organiser or a coordination
    /// member; `register` and `withdraw`: the person themselves or the organiser; `hold`, `report`
    /// and `revise`: a facilitator; `validate_report` and `object_to_report`: an attendee;
    /// `approve` and `request_support`: a facilitator or the organiser. (A `validate` or `decline`
    /// by someone outside the coordination team gets [`Code::OR03`].) "Facilitator" means a member
    /// of the proposal's team with that role. The path is `actor`. Severity: error.
    ///
    /// **Example.** A participant trying to hold the session:
    ///
    /// ```json
    /// {"at": "2026-04-16T12:40:00+02:00",
    ///  "actor": "00000000-0000-0000-0000-000000000064",
    ///  "action": {"type": "hold", …}}
    /// ```
    ///
    /// **Instead.** Have the person with the needed role send the command.
    LC04 => Error, "lifecycle", "actor not allowed", "acteur non autorisé";
    /// The command refers to something the GEP does not hold (no such registration, no such revision).
    ///
    /// **What it checks.** Outside the charter: `withdraw` for a person with no active (admitted or
    /// waiting) registration is refused at `action.person`; `validate_report` or `object_to_report`
    /// for a revision other than the current one is refused at `action.revision`, the context
    /// giving the `current` revision. Severity: error.
    ///
    /// **Example.** Validating revision 1 after the report was revised:
    ///
    /// ```json
    /// {"at": "2026-04-25T09:00:00+02:00",
    ///  "actor": "00000000-0000-0000-0000-000000000064",
    ///  "action": {"type": "validate_report", "revision": 1}}
    /// ```
    ///
    /// **Instead.** Refer to what exists: respond to the current revision (see the snapshot's
    /// `report.revision`), and withdraw only active registrations.
    LC05 => Error, "lifecycle", "nothing to act on", "objet introuvable";
    /// The command comes too early for the GEP's schedule.
    ///
    /// **What it checks.** Outside the charter: `hold` dated before the GEP's start (`format.start`
    /// of the proposal) is refused at `at`, the context giving the `start`: a session cannot be
    /// recorded before it begins. Severity: error.
    ///
    /// **Example.** For a GEP starting at `2026-04-16T09:00:00+02:00`:
    ///
    /// ```json
    /// {"at": "2026-04-15T18:00:00+02:00",
    ///  "actor": "00000000-0000-0000-0000-000000000001",
    ///  "action": {"type": "hold", …}}
    /// ```
    ///
    /// **Instead.** Send `hold` once the session has started, typically at its end.
    LC06 => Error, "lifecycle", "too early", "trop tôt";
}
