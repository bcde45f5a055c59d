// The table of codes. Kept in its own file so that the documentation of each
// rule (what it checks, why, an example, what to do instead) reads as a list.
codes! {
    /// Peers, no *sachant*: the only roles are participant, facilitator and guest.
    PR01 => Error, "propose, register", "the only roles are participant, facilitator and guest", "les seuls rôles sont participant, animateur et invité";
    /// No normalising of "best practices" in the report's synthesis.
    PR02 => Warning, "report", "the synthesis must not frame its content as best practices", "la synthèse ne doit pas présenter son contenu comme de bonnes pratiques";
    /// No promotion of consulting or training activities.
    PR03 => Attested, "hold", "no promotion of consulting or training activities", "pas de promotion d'activités de conseil ou de formation";
    /// Everyone takes part in a personal capacity.
    PR04 => Error, "register, export", "everyone takes part in a personal capacity", "chacun participe à titre personnel";
    /// Each registration carries the acceptance of the confidentiality commitment.
    PR05 => Error, "register, hold", "the confidentiality commitment must be accepted", "l'engagement de confidentialité doit être accepté";
    /// Sessions are not recorded.
    PR06 => Attested, "hold", "sessions are not recorded", "les séances ne sont pas enregistrées";
    /// No observers.
    PR07 => Error, "register, hold", "no observer is present", "aucun observateur n'est présent";
    /// A proposal has a theme and at least one question.
    DE01 => Error, "propose", "a proposal has a theme and at least one question", "une proposition a un thème et au moins une question";
    /// The session record gives the outcome of every proposed question.
    DE02 => Error, "hold", "the session record gives the outcome of every question", "le relevé de séance donne le sort de chaque question";
    /// Subgroups of 5 to 6 people; one seat per attendee per round.
    DE03 => Error, "hold, planner", "subgroups of 5 to 6 people, one seat per round", "sous-groupes de 5 à 6 personnes, une place par tour";
    /// Plenary outcomes may be recorded.
    DE04 => Informative, "hold", "plenary outcomes may be recorded", "les apports de la plénière peuvent être consignés";
    /// The synthesis has its three sections and a facilitator as author.
    DE05 => Error, "report, revise", "the synthesis has questions, resources and follow-ups, by a facilitator", "la synthèse a questionnement, ressources et suites, par un animateur";
    /// An evaluation and the participants' expectations are advised.
    DE06 => Warning, "report, revise", "an evaluation and the expectations are advised", "une évaluation et les attentes sont conseillées";
    /// A GEP lasts half a day to a day, or an evening.
    DE07 => Error, "propose", "a GEP lasts an evening, half a day or a day", "un GEP dure une soirée, une demi-journée ou une journée";
    /// The report is anonymised.
    DE08 => Error, "report, revise", "the report is anonymised", "le compte-rendu est anonymisé";
    /// The report is validated by the attendees before approval.
    DE09 => Error, "approve", "the report is validated by the attendees", "le compte-rendu est validé par les participants";
    /// Contact details are shared only with consent, only among attendees.
    DE10 => Error, "export", "contact details are shared only with consent", "les coordonnées ne sont partagées qu'avec accord";
    /// Documents handed out are of the kinds the charter lists.
    DE11 => Error, "hold", "documents are of the kinds the charter lists", "les documents sont des types prévus par la charte";
    /// A case-study presenter is an attending participant.
    DE12 => Error, "hold", "a case study is presented by an attending participant", "un cas d'étude est présenté par un participant présent";
    /// The organiser is an IC member.
    OR01 => Error, "propose", "the organiser is a member of the IC", "l'organisateur est membre de l'IC";
    /// The organiser accepts the charter.
    OR02 => Error, "propose", "the organiser accepts the charter", "l'organisateur accepte la charte";
    /// The coordination team validates the setup and the themes.
    OR03 => Error, "validate, decline", "the coordination team validates the setup and the theme", "l'équipe de coordination valide le dispositif et le thème";
    /// A meeting with at least one coordination member precedes validation.
    OR04 => Error, "validate", "a meeting with the coordination team precedes validation", "une rencontre avec l'équipe de coordination précède la validation";
    /// The GEP is announced on the IC site and the mailing list.
    OR05 => Error, "announce", "the GEP is announced on the IC site and the mailing list", "le GEP est annoncé sur le site de l'IC et la liste de diffusion";
    /// Non-members are welcome.
    OR06 => Error, "announce, register", "membership of the IC is not required", "l'adhésion à l'IC n'est pas requise";
    /// Registrations: cap, order, waiting list, one per person, open from announcement to start.
    OR07 => Error, "announce, register, hold", "registrations follow the order of arrival within the cap", "les inscriptions suivent l'ordre d'arrivée dans la limite fixée";
    /// The IC record holds exactly dates, places, theme, names and synthesis.
    OR08 => Error, "approve, export", "the IC record holds only what the charter lists", "la fiche de l'IC ne contient que ce que la charte prévoit";
    /// Facilitators may ask the IC for support.
    OR09 => Informative, "any", "facilitators may ask the IC for support", "les animateurs peuvent demander l'accompagnement de l'IC";
    /// The input is not well-formed JSON (or not UTF-8).
    IN01 => Error, "input", "malformed JSON", "JSON mal formé";
    /// The input has a field that the format does not know.
    IN02 => Error, "input", "unknown field", "champ inconnu";
    /// The input lacks a required field.
    IN03 => Error, "input", "missing field", "champ manquant";
    /// A value has the wrong JSON type or is not one of the allowed values.
    IN04 => Error, "input", "wrong type or value", "type ou valeur incorrects";
    /// A timestamp is not RFC 3339 with a UTC offset, or is out of range.
    IN05 => Error, "input", "invalid timestamp", "horodatage invalide";
    /// The document's format version is not supported.
    IN06 => Error, "input", "unsupported format version", "version de format non prise en charge";
    /// A value is well-typed but unusable: an empty name, a malformed e-mail address, a person given twice with different details.
    IN07 => Error, "input", "invalid value", "valeur invalide";
    /// A document's derived events do not match what its replay produces.
    IN08 => Error, "input", "inconsistent document", "document incohérent";
    /// The input exceeds a documented size limit.
    IN09 => Error, "input", "size limit exceeded", "limite de taille dépassée";
    /// The command is not one that the GEP's current state takes.
    LC01 => Error, "lifecycle", "command not allowed in this state", "commande impossible dans cet état";
    /// A timestamp is earlier than the previous event's.
    LC02 => Error, "lifecycle", "time goes backwards", "le temps recule";
    /// A person id that the GEP does not know.
    LC03 => Error, "lifecycle", "unknown person", "personne inconnue";
    /// The actor does not have the role this command needs.
    LC04 => Error, "lifecycle", "actor not allowed", "acteur non autorisé";
    /// The command refers to something the GEP does not hold (no such registration, no such revision).
    LC05 => Error, "lifecycle", "nothing to act on", "objet introuvable";
    /// The command comes too early for the GEP's schedule.
    LC06 => Error, "lifecycle", "too early", "trop tôt";
}
