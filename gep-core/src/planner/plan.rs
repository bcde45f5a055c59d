//! The plan: rounds of tables, the hosts or the ambassadors' trips, the
//! measures and the warnings; and how it is made from a request.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::ambassadors;
use super::bound::{Measures, lower_bound, measure, room_by_level, spread};
use super::construct::{arrange_rows, seat_rounds};
use super::request::{Method, PlanRequest, Problem, prepare};
use super::rng::Rng;
use super::search::{Cost, Scorer, Tables, reached};
use super::sizes::choose;
use crate::code::Code;
use crate::violation::{Path, Violation, Violations};

/// Fresh starts tried when the first search stops short of the bound.
const RESTARTS: usize = 10;

/// Pair look-ups of search per unit of [`effort`](super::PlanOptions::effort).
const WORK_PER_EFFORT: u64 = 1_000_000;

/// An ambassador's trip: in `round` (from 1), `person` leaves table `from`
/// (their group's) for table `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AmbassadorTrip {
    /// The round, from 1 (round 0 is the groups' first).
    pub round: usize,
    /// The ambassador, as an index into the request's attendees.
    pub person: usize,
    /// Their group's table.
    pub from: usize,
    /// The table they visit.
    pub to: usize,
}

/// A table plan for the day.
///
/// People are indices into the request's `attendees`; rounds and tables
/// count from 0 (the exports count from 1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The method.
    pub method: Method,
    /// The seed it was made with.
    pub seed: u64,
    /// The sizes of the tables, the larger first: every round has tables of
    /// these sizes (which table is the larger may change between rounds).
    pub table_sizes: Vec<usize>,
    /// Round → table → people. Within a table: the host first (world café),
    /// the visiting ambassador last (ambassadors), the others in the
    /// request's order.
    pub rounds: Vec<Vec<Vec<usize>>>,
    /// World café: the host of each table, who stays there every round.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hosts: Vec<usize>,
    /// Ambassadors: every trip, round by round.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ambassadors: Vec<AmbassadorTrip>,
    /// The facilitators left out of the tables.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<usize>,
    /// What the plan is worth.
    pub measures: Measures,
    /// DE03 warnings: tables outside 5–6, the method's rules that these
    /// numbers do not allow.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Violation>,
}

/// Makes a table plan.
///
/// Pure and deterministic: the same request (seed included) gives the same
/// plan on every target.
///
/// # Errors
/// IN09 past the limits ([`MAX_PEOPLE`](super::MAX_PEOPLE),
/// [`MAX_ROUNDS`](super::MAX_ROUNDS), [`MAX_APART`](super::MAX_APART),
/// [`MAX_EFFORT`](super::MAX_EFFORT)), checked before any work; IN07 for no
/// round, nobody to seat, a person listed twice, a pair to keep apart with
/// someone who is not an attendee or twice the same person; DE03 (an error)
/// when pairs to keep apart cannot all be kept apart, at
/// `options.apart[i]`, with the warnings found on the way.
pub fn plan(request: &PlanRequest) -> Result<Plan, Violations> {
    let problem = prepare(request)?;
    let n = problem.n();
    let rounds = problem.rounds;
    let method = problem.method;
    let (sizes, mut warnings) = choose(n, rounds, method);
    let g = sizes.len();
    let lower = lower_bound(method, &sizes, rounds);
    let mut rng = Rng::new(problem.seed);
    let rows = arrange_rows(&problem, g, &mut rng);
    let scorer = Scorer::new(n, &problem.org, &problem.apart);
    let target = Cost {
        apart: 0,
        repeats: i64::try_from(lower).unwrap_or(i64::MAX),
        excess: 0,
        org: i64::try_from(org_bound(&problem, &sizes)).unwrap_or(i64::MAX),
    };
    let budget = u64::from(problem.effort) * WORK_PER_EFFORT;
    let (seated_rounds, hosts, trips) = match method {
        Method::Ambassadors => {
            // Column j of the rows is group j.
            let mut home: Vec<Vec<usize>> = vec![Vec::new(); g];
            for row in &rows {
                for (group, &p) in home.iter_mut().zip(row) {
                    group.push(p);
                }
            }
            let moves = rounds - 1;
            let (visits, shortfall) = ambassadors::schedule(g, moves);
            let smallest = sizes.iter().copied().min().unwrap_or(0);
            method_warnings(&mut warnings, g, moves, smallest, shortfall);
            // The excess is structural: members who stay meet every round.
            let target = Cost {
                excess: i64::MAX,
                ..target
            };
            // Without colleagues or pairs to keep apart, everyone is alike:
            // who sits where changes nothing.
            let budget = if scorer.is_neutral() { 0 } else { budget };
            let (r, trips) = ambassadors::plan(home, &visits, n, &scorer, budget, target, &mut rng);
            (r, Vec::new(), trips)
        }
        Method::Rotation | Method::WorldCafe => {
            // A tabu search can stall short of the bound from one start:
            // fresh arrangements get a few more tries, each with a quarter of
            // the budget, and the best plan wins.
            let (mut tables, mut hosts) = search_from(&problem, &rows, g, &scorer, budget, target, &mut rng);
            // Only where the bound says zero repeats: elsewhere the bound
            // is loose for small tables and more starts rarely help.
            let restarts = if target.repeats == 0 { RESTARTS } else { 0 };
            for _ in 0..restarts {
                if reached(tables.cost(), target) {
                    break;
                }
                let rows = arrange_rows(&problem, g, &mut rng);
                let (other, other_hosts) = search_from(&problem, &rows, g, &scorer, budget / 4, target, &mut rng);
                if other.cost() < tables.cost() {
                    (tables, hosts) = (other, other_hosts);
                }
            }
            (tables.rounds(), hosts, Vec::new())
        }
    };
    let measures = measure(n, &seated_rounds, &problem.org, &scorer, lower);
    if measures.apart_violations > 0 {
        let mut found = apart_errors(request, &problem, &seated_rounds);
        found.extend(warnings);
        return Err(Violations(found));
    }
    let mut rounds_out = Vec::with_capacity(seated_rounds.len());
    for (r, round) in seated_rounds.iter().enumerate() {
        let mut tables = Vec::with_capacity(round.len());
        for (k, table) in round.iter().enumerate() {
            let host = hosts.get(k).copied();
            let mut t: Vec<usize> = Vec::with_capacity(table.len());
            t.extend(host);
            for &p in table {
                if Some(p) != host {
                    t.push(p);
                }
            }
            to_attendees(&problem, &mut t);
            let fixed_first = usize::from(host.is_some());
            let fixed_last = usize::from(method == Method::Ambassadors && r > 0 && g > 1 && t.len() > 1);
            let end = t.len() - fixed_last;
            if let Some(middle) = t.get_mut(fixed_first..end) {
                sort_few(middle);
            }
            tables.push(t);
        }
        rounds_out.push(tables);
    }
    let mut hosts = hosts;
    to_attendees(&problem, &mut hosts);
    let mut ambassadors = trips;
    for t in &mut ambassadors {
        t.person = attendee(&problem, t.person);
    }
    Ok(Plan {
        method,
        seed: problem.seed,
        table_sizes: sizes,
        rounds: rounds_out,
        hosts,
        ambassadors,
        left_out: problem.left_out.clone(),
        measures,
        warnings,
    })
}

/// Seated indices to attendee indices, in place.
fn to_attendees(problem: &Problem, people: &mut [usize]) {
    for p in people {
        *p = attendee(problem, *p);
    }
}

/// A seated index's attendee index.
fn attendee(problem: &Problem, p: usize) -> usize {
    problem.seated.get(p).copied().unwrap_or(p)
}

/// Sorts the few people of a table (at most seven, or the four of a single
/// group): an insertion sort.
fn sort_few(people: &mut [usize]) {
    for i in 1..people.len() {
        let mut j = i;
        while j > 0 && people.get(j - 1) > people.get(j) {
            people.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Seats the rounds from an arrangement of rows and improves them: rotation
/// and world café. Returns the tables and, for the world café, the hosts
/// (the first row, who never move).
fn search_from(
    problem: &Problem,
    rows: &[Vec<usize>],
    g: usize,
    scorer: &Scorer,
    budget: u64,
    target: Cost,
    rng: &mut Rng,
) -> (Tables, Vec<usize>) {
    let n = problem.n();
    let seats = seat_rounds(rows, n, g, problem.rounds, problem.method, rng);
    let mut hosts = Vec::new();
    if let (Method::WorldCafe, Some(first)) = (problem.method, rows.first()) {
        hosts.extend_from_slice(first);
    }
    let mut movable = vec![true; n];
    for &h in &hosts {
        if let Some(m) = movable.get_mut(h) {
            *m = false;
        }
    }
    let mut tables = Tables::new(n, g, problem.rounds, &seats, scorer.clone(), movable);
    tables.improve(budget, target, rng);
    (tables, hosts)
}

/// The fewest organisation clashes any plan with these tables has: each
/// organisation spread as evenly as the tables allow, every round.
fn org_bound(problem: &Problem, sizes: &[usize]) -> u64 {
    // Organisations are numbered from 0 in order of appearance; NO_ORG is
    // past the end.
    let mut members = vec![0usize; problem.org.len()];
    for &o in &problem.org {
        if let Some(m) = members.get_mut(o as usize) {
            *m += 1;
        }
    }
    let room = room_by_level(sizes);
    members.iter().map(|&m| spread(m, &room)).sum::<u64>() * problem.rounds as u64
}

fn method_warnings(
    warnings: &mut Vec<Violation>,
    g: usize,
    moves: usize,
    smallest: usize,
    shortfall: ambassadors::Shortfall,
) {
    let path = || Path::root().key("rounds");
    if moves == 0 {
        return;
    }
    if shortfall.single_group {
        warnings.push(Violation::warning(
            Code::DE03,
            path(),
            "un seul groupe : aucun ambassadeur ne peut être envoyé",
            "a single group: no ambassador can be sent",
        ));
        return;
    }
    if shortfall.same_sender {
        warnings.push(
            Violation::warning(
                Code::DE03,
                path(),
                format!(
                    "avec {g} groupes, un groupe reçoit deux fois un ambassadeur du même groupe (tours d'ambassadeurs possibles sans cela : {})",
                    g - 1
                ),
                format!(
                    "with {g} groups, a group receives an ambassador from the same group twice (ambassador rounds possible without it: {})",
                    g - 1
                ),
            )
            .with("groups", g),
        );
    }
    if moves > smallest {
        warnings.push(
            Violation::warning(
                Code::DE03,
                path(),
                format!("des groupes de {smallest} : un membre part une seconde fois comme ambassadeur"),
                format!("groups of {smallest}: a member goes as ambassador a second time"),
            )
            .with("size", smallest),
        );
    }
}

/// DE03 errors: the pairs to keep apart who share a table.
fn apart_errors(request: &PlanRequest, problem: &Problem, rounds: &[Vec<Vec<usize>>]) -> Vec<Violation> {
    let mut found = Vec::new();
    for &(a, b, k) in &problem.apart {
        for (r, round) in rounds.iter().enumerate() {
            if round.iter().any(|t| t.contains(&a) && t.contains(&b)) {
                let mut v = Violation::error(
                    Code::DE03,
                    Path::root().key("options").key("apart").index(k),
                    format!("ces deux personnes ne peuvent être séparées : elles partagent une table au tour {r}"),
                    format!("these two people cannot be kept apart: they share a table in round {r}"),
                )
                .with("round", r);
                if let Some([pa, pb]) = request.options.apart.get(k) {
                    v = v.with("person", pa).with("other", pb);
                }
                found.push(v);
                break;
            }
        }
    }
    found
}
