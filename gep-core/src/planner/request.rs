//! What the facilitator asks for: the attendees, the number of rounds, the
//! method and the options; its checks (IN07, IN09) and the limits.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::code::Code;
use crate::ids::PersonId;
use crate::privacy::FnvMap;
use crate::violation::{Path, Violation, Violations};

/// The most people a plan seats: the pair table of the search grows with the
/// square of it (a megabyte at this limit).
pub const MAX_PEOPLE: usize = 1000;
/// The most rounds a plan has.
pub const MAX_ROUNDS: u32 = 12;
/// The most pairs to keep apart.
pub const MAX_APART: usize = 4 * MAX_PEOPLE;
/// The most search effort a request may ask for.
pub const MAX_EFFORT: u32 = 100;
/// The search effort when the request does not say.
pub const DEFAULT_EFFORT: u32 = 10;
/// The largest seed, 2^53 − 1: the largest integer that JavaScript's
/// numbers hold exactly, so that a seed reads the same in every language and
/// a plan's seed given back replays the plan.
pub const MAX_SEED: u64 = (1 << 53) - 1;

/// How people change tables from one round to the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Everyone may move each round.
    Rotation,
    /// World café: one host per table stays for every round, the others move.
    WorldCafe,
    /// Ambassadors: the groups of the first round stay; after it, each group
    /// sends one ambassador (a different member each round where possible)
    /// to another group, and every group receives exactly one per round,
    /// never twice from the same group where possible.
    Ambassadors,
}

impl Method {
    /// Every method.
    pub const ALL: [Method; 3] = [Method::Rotation, Method::WorldCafe, Method::Ambassadors];

    /// The wire name, as recorded in a session's rounds: `rotation`,
    /// `world_cafe`, `ambassadors`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Rotation => "rotation",
            Method::WorldCafe => "world_cafe",
            Method::Ambassadors => "ambassadors",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The text is not a method.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown method `{0}` (rotation, world_cafe, ambassadors)")]
pub struct UnknownMethod(pub String);

impl FromStr for Method {
    type Err = UnknownMethod;

    /// The wire name; `world-cafe` is taken too, for command lines.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "rotation" => Ok(Method::Rotation),
            "world_cafe" | "world-cafe" => Ok(Method::WorldCafe),
            "ambassadors" => Ok(Method::Ambassadors),
            other => Err(UnknownMethod(other.to_owned())),
        }
    }
}

/// Someone to seat.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attendee {
    /// Who; unique in the request.
    pub id: PersonId,
    /// A name for the day's sheets (the id is shown without it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Their organisation: colleagues sit apart where possible. Compared
    /// without case and surrounding spaces; a blank one counts as none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// A facilitator of the GEP: left out of the tables when
    /// [`PlanOptions::leave_out_facilitators`] asks for it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub facilitator: bool,
}

impl Attendee {
    /// An attendee with no name, no organisation, not a facilitator.
    pub fn new(id: PersonId) -> Self {
        Attendee {
            id,
            name: None,
            organisation: None,
            facilitator: false,
        }
    }

    /// The same attendee, with this name.
    #[must_use]
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// The same attendee, of this organisation.
    #[must_use]
    pub fn with_organisation(mut self, organisation: impl Into<String>) -> Self {
        self.organisation = Some(organisation.into());
        self
    }

    /// The same attendee, marked as a facilitator.
    #[must_use]
    pub fn as_facilitator(mut self) -> Self {
        self.facilitator = true;
        self
    }
}

/// The options of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanOptions {
    /// Pairs who must never share a table (a hard constraint: a plan that
    /// cannot keep them apart is refused with DE03).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub apart: Vec<[PersonId; 2]>,
    /// Leave the facilitators out of the tables (they go round instead).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub leave_out_facilitators: bool,
    /// How hard to search, from 0 (the construction alone) to
    /// [`MAX_EFFORT`]; the work grows linearly with it. The budget is
    /// counted in steps, never read from a clock, so the plan depends only
    /// on the request.
    #[serde(default = "default_effort")]
    pub effort: u32,
}

fn default_effort() -> u32 {
    DEFAULT_EFFORT
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            apart: Vec::new(),
            leave_out_facilitators: false,
            effort: DEFAULT_EFFORT,
        }
    }
}

/// A request for a table plan.
///
/// ```
/// use gep_core::PersonId;
/// use gep_core::planner::{Attendee, Method, PlanRequest};
/// let attendees = (0..37).map(|i| Attendee::new(PersonId::from_u128(i))).collect();
/// let request = PlanRequest::new(attendees, 3, Method::Rotation).with_seed(7);
/// let json = serde_json::to_string(&request).unwrap();
/// assert!(json.contains("\"method\":\"rotation\""));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanRequest {
    /// The people to seat, in the order the plan refers to them (a plan's
    /// tables hold indices into this list).
    pub attendees: Vec<Attendee>,
    /// How many rounds, from 1 to [`MAX_ROUNDS`].
    pub rounds: u32,
    /// How people move between rounds.
    pub method: Method,
    /// The seed: the same request and seed give the same plan, on every
    /// target. From 0 to [`MAX_SEED`] (IN07 past it).
    #[serde(default)]
    pub seed: u64,
    /// The options.
    #[serde(default)]
    pub options: PlanOptions,
}

impl PlanRequest {
    /// A request with seed 0 and the default options.
    pub fn new(attendees: Vec<Attendee>, rounds: u32, method: Method) -> Self {
        PlanRequest {
            attendees,
            rounds,
            method,
            seed: 0,
            options: PlanOptions::default(),
        }
    }

    /// The same request with this seed.
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// The same request with these options.
    #[must_use]
    pub fn with_options(mut self, options: PlanOptions) -> Self {
        self.options = options;
        self
    }
}

/// Checks the sizes of a request before anything is built: more than
/// [`MAX_PEOPLE`] attendees or more than [`MAX_ROUNDS`] rounds is IN09.
///
/// Callers that build a request from numbers (a command line) call it first,
/// so that nothing large is allocated.
///
/// ```
/// use gep_core::Code;
/// use gep_core::planner::check_limits;
/// assert!(check_limits(120, 4).is_ok());
/// assert_eq!(check_limits(5_000, 4).unwrap_err().codes(), vec![Code::IN09]);
/// ```
///
/// # Errors
/// IN09 for each number past its limit.
pub fn check_limits(people: u64, rounds: u64) -> Result<(), Violations> {
    let mut found = Vec::new();
    if people > MAX_PEOPLE as u64 {
        found.push(
            Violation::error(
                Code::IN09,
                Path::root().key("attendees"),
                format!("un plan de tables place au plus {MAX_PEOPLE} personnes"),
                format!("a table plan seats at most {MAX_PEOPLE} people"),
            )
            .with("size", people)
            .with("max", MAX_PEOPLE),
        );
    }
    if rounds > u64::from(MAX_ROUNDS) {
        found.push(
            Violation::error(
                Code::IN09,
                Path::root().key("rounds"),
                format!("un plan de tables compte au plus {MAX_ROUNDS} tours"),
                format!("a table plan has at most {MAX_ROUNDS} rounds"),
            )
            .with("size", rounds)
            .with("max", MAX_ROUNDS),
        );
    }
    if found.is_empty() {
        Ok(())
    } else {
        Err(Violations(found))
    }
}

/// No organisation.
pub(crate) const NO_ORG: u32 = u32::MAX;

/// A checked request, in the planner's terms: the seated people numbered
/// `0..n`, their organisations as numbers, the pairs to keep apart.
#[derive(Clone, Debug)]
pub(crate) struct Problem {
    /// Seated index → attendee index.
    pub seated: Vec<usize>,
    /// Attendee indices of the facilitators left out.
    pub left_out: Vec<usize>,
    /// Per seated person, their organisation's number, or [`NO_ORG`].
    pub org: Vec<u32>,
    /// Pairs of seated people to keep apart, with the index of the option.
    pub apart: Vec<(usize, usize, usize)>,
    /// Rounds.
    pub rounds: usize,
    /// The method.
    pub method: Method,
    /// The seed.
    pub seed: u64,
    /// The search effort.
    pub effort: u32,
}

impl Problem {
    /// The number of seated people.
    pub(crate) fn n(&self) -> usize {
        self.seated.len()
    }
}

fn invalid(path: Path, fr: impl Into<String>, en: impl Into<String>) -> Violation {
    Violation::error(Code::IN07, path, fr, en)
}

/// An organisation's name as compared: trimmed, lower case, single spaces.
fn org_key(name: &str) -> String {
    let mut key = String::new();
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        for c in word.chars() {
            for lower in c.to_lowercase() {
                key.push(lower);
            }
        }
    }
    key
}

/// Checks a request (IN07, IN09) and numbers its people.
pub(crate) fn prepare(request: &PlanRequest) -> Result<Problem, Violations> {
    check_limits(request.attendees.len() as u64, u64::from(request.rounds))?;
    let options = &request.options;
    let mut found = Vec::new();
    if options.apart.len() > MAX_APART {
        found.push(
            Violation::error(
                Code::IN09,
                Path::root().key("options").key("apart"),
                format!("au plus {MAX_APART} paires à séparer"),
                format!("at most {MAX_APART} pairs to keep apart"),
            )
            .with("size", options.apart.len())
            .with("max", MAX_APART),
        );
    }
    if options.effort > MAX_EFFORT {
        found.push(
            Violation::error(
                Code::IN09,
                Path::root().key("options").key("effort"),
                format!("l'effort de recherche va de 0 à {MAX_EFFORT}"),
                format!("the search effort goes from 0 to {MAX_EFFORT}"),
            )
            .with("size", options.effort)
            .with("max", MAX_EFFORT),
        );
    }
    if !found.is_empty() {
        return Err(Violations(found));
    }
    if request.rounds == 0 {
        found.push(invalid(
            Path::root().key("rounds"),
            "un plan compte au moins un tour",
            "a plan has at least one round",
        ));
    }
    if request.seed > MAX_SEED {
        found.push(
            invalid(
                Path::root().key("seed"),
                format!(
                    "la graine va de 0 à {MAX_SEED} (2^53 − 1), le plus grand entier que chaque langage lit exactement"
                ),
                format!(
                    "the seed goes from 0 to {MAX_SEED} (2^53 − 1), the largest integer every language reads exactly"
                ),
            )
            .with("max", MAX_SEED),
        );
    }
    if request.attendees.is_empty() {
        found.push(invalid(
            Path::root().key("attendees"),
            "il n'y a personne à placer",
            "there is nobody to seat",
        ));
    }
    let attendees = &request.attendees;
    let mut index_of: FnvMap<PersonId, usize> = FnvMap::default();
    index_of.reserve(attendees.len());
    for (i, attendee) in attendees.iter().enumerate() {
        if index_of.insert(attendee.id, i).is_some() {
            found.push(
                invalid(
                    Path::root().key("attendees").index(i).key("id"),
                    "cette personne figure deux fois parmi les présents",
                    "this person is listed twice among the attendees",
                )
                .with("person", attendee.id),
            );
        }
    }
    let leave_out = options.leave_out_facilitators;
    let mut seated = Vec::new();
    let mut left_out = Vec::new();
    let mut seat_of = vec![usize::MAX; request.attendees.len()];
    for (i, attendee) in request.attendees.iter().enumerate() {
        if leave_out && attendee.facilitator {
            left_out.push(i);
        } else {
            if let Some(slot) = seat_of.get_mut(i) {
                *slot = seated.len();
            }
            seated.push(i);
        }
    }
    if seated.is_empty() && !request.attendees.is_empty() {
        found.push(invalid(
            Path::root().key("options").key("leave_out_facilitators"),
            "sans les animateurs, il n'y a personne à placer",
            "without the facilitators, there is nobody to seat",
        ));
    }
    let mut apart = Vec::new();
    for (k, pair) in options.apart.iter().enumerate() {
        let path = || Path::root().key("options").key("apart").index(k);
        let [a, b] = *pair;
        let mut ends = [None, None];
        for (side, (id, end)) in [a, b].into_iter().zip(ends.iter_mut()).enumerate() {
            match index_of.get(&id) {
                Some(&i) => *end = Some(i),
                None => found.push(
                    invalid(
                        path().index(side),
                        "cette personne n'est pas parmi les présents",
                        "this person is not among the attendees",
                    )
                    .with("person", id),
                ),
            }
        }
        if a == b {
            found.push(
                invalid(
                    path(),
                    "une paire à séparer réunit deux personnes différentes",
                    "a pair to keep apart joins two different people",
                )
                .with("person", a),
            );
            continue;
        }
        if let [Some(i), Some(j)] = ends {
            let (si, sj) = (
                seat_of.get(i).copied().unwrap_or(usize::MAX),
                seat_of.get(j).copied().unwrap_or(usize::MAX),
            );
            // A pair with someone left out is kept apart by construction.
            if si != usize::MAX && sj != usize::MAX {
                apart.push((si.min(sj), si.max(sj), k));
            }
        }
    }
    if !found.is_empty() {
        return Err(Violations(found));
    }
    // Organisations numbered in order of appearance.
    let mut org_of: FnvMap<String, usize> = FnvMap::default();
    let mut org = Vec::with_capacity(seated.len());
    for &i in &seated {
        let key = attendees
            .get(i)
            .and_then(|a| a.organisation.as_deref())
            .map(org_key)
            .unwrap_or_default();
        if key.is_empty() {
            org.push(NO_ORG);
            continue;
        }
        let next = org_of.len();
        let k = *org_of.entry(key).or_insert(next);
        org.push(u32::try_from(k).unwrap_or(NO_ORG - 1));
    }
    Ok(Problem {
        seated,
        left_out,
        org,
        apart,
        rounds: request.rounds as usize,
        method: request.method,
        seed: request.seed,
        effort: request.options.effort,
    })
}

#[cfg(test)]
mod tests {
    use super::org_key;

    #[test]
    fn organisations_compare_without_case_and_spaces() {
        assert_eq!(org_key("  Métropole   de Lyon "), "métropole de lyon");
        assert_eq!(org_key(" \t "), "");
    }
}
