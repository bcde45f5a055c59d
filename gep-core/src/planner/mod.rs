//! Table plans for the day (DE03): world-café, ambassador and rotation
//! rounds in subgroups of 5 to 6 that mix people as much as possible.
//!
//! A facilitator with 37 registrants and three rounds asks, before the day,
//! for a plan where people meet as many new people as possible, colleagues
//! sit apart and everyone has an itinerary. This is the social golfer
//! problem: no repeated meeting is often possible for a few rounds and
//! sometimes provably impossible (30 people at 5 tables of 6 repeat after
//! the first round; at 6 tables of 5 they need not), so the planner
//! minimises repeats rather than forbidding them.
//!
//! ```
//! use gep_core::PersonId;
//! use gep_core::planner::{self, Attendee, Language, Method, PlanRequest};
//!
//! let attendees = (0..37)
//!     .map(|i| {
//!         let a = Attendee::new(PersonId::from_u128(100 + i));
//!         if i % 6 == 0 { a.with_organisation("Métropole de Lyon") } else { a }
//!     })
//!     .collect();
//! let request = PlanRequest::new(attendees, 3, Method::WorldCafe).with_seed(42);
//! let plan = planner::plan(&request)?;
//! assert_eq!(plan.table_sizes, vec![6, 6, 5, 5, 5, 5, 5]);
//! assert_eq!(plan.measures.repeats, 0);
//! assert_eq!(plan.measures.org_clashes, 0);
//! assert!(plan.warnings.is_empty());
//! // The same seed gives the same plan.
//! assert_eq!(planner::plan(&request)?, plan);
//! // Everyone has an itinerary; the rounds can be recorded at `hold`.
//! assert_eq!(plan.itineraries().len(), 37);
//! assert_eq!(plan.to_rounds(&request).len(), 3);
//! assert!(plan.to_markdown(&request, Language::Fr).contains("| Table |"));
//! # Ok::<(), gep_core::Violations>(())
//! ```
//!
//! ## The rules
//! - **Methods** ([`Method`]): `rotation` (everyone may move each round),
//!   `world_cafe` (one host per table stays, the others move),
//!   `ambassadors` (after the first round, each group sends one ambassador,
//!   a different member each round where possible, to another group; every
//!   group receives exactly one per round, never twice from the same group
//!   where the number of groups allows it).
//! - **Table sizes**: tables of 5–6 whenever the attendance allows it (5–6,
//!   10–12, 15–18, 20 and more), choosing among the table counts that allow
//!   it the one that mixes best; otherwise the nearest sizes (4 or 7), with a
//!   DE03 warning; fewer than 5 people make one group, with a warning.
//! - **Objective**, in this order: hard constraints (nobody seated twice in a
//!   round, pairs to keep apart, facilitators left out of the tables when
//!   asked); fewest repeats (a pair that meets `k` times counts `k − 1`);
//!   lowest most-meetings of any pair; fewest organisation clashes.
//!
//! ## How
//! An algebraic construction seats people without repeats for as many rounds
//! as the arithmetic allows, then a tabu
//! search swaps people within rounds; both draw their randomness from the
//! request's seed, and the search counts its steps rather than reading a
//! clock. Every plan carries a lower bound on its repeats; `docs/planner.md`
//! explains it and compares the planner with a greedy baseline on a grid.
//!
//! ## Limits
//! [`MAX_PEOPLE`] people, [`MAX_ROUNDS`] rounds, [`MAX_APART`] pairs to keep
//! apart, [`MAX_EFFORT`]: past them, IN09 before any work.

mod ambassadors;
mod bound;
mod construct;
mod export;
mod plan;
mod request;
mod rng;
mod search;
mod sizes;

pub use bound::Measures;
pub use export::{Itinerary, Language};
pub use plan::{AmbassadorTrip, Plan, plan};
pub use request::{
    Attendee, DEFAULT_EFFORT, MAX_APART, MAX_EFFORT, MAX_PEOPLE, MAX_ROUNDS, MAX_SEED, Method, PlanOptions,
    PlanRequest, UnknownMethod, check_limits,
};

use crate::code::Code;
use crate::violation::{Path, Violation, Violations};

/// Measures rounds made by hand (round → table → attendee index of
/// `request`) as the planner measures its own: repeats, most meetings of a
/// pair, organisation clashes, pairs to keep apart who share a table, and the
/// lower bound for the sizes of the first round's tables. Facilitators are
/// measured like anyone else.
///
/// ```
/// use gep_core::PersonId;
/// use gep_core::planner::{Attendee, Method, PlanRequest, measure};
/// let attendees = (0..4).map(|i| Attendee::new(PersonId::from_u128(i))).collect();
/// let request = PlanRequest::new(attendees, 2, Method::Rotation);
/// let m = measure(&request, &[vec![vec![0, 1], vec![2, 3]], vec![vec![0, 1], vec![2, 3]]])?;
/// assert_eq!((m.repeats, m.max_meetings), (2, 2));
/// # Ok::<(), gep_core::Violations>(())
/// ```
///
/// # Errors
/// What [`plan`] gives for the request itself, and IN07 for a person who is
/// not an attendee (at `[round, table, position]`).
pub fn measure(request: &PlanRequest, rounds: &[Vec<Vec<usize>>]) -> Result<Measures, Violations> {
    let mut everyone = request.clone();
    everyone.options.leave_out_facilitators = false;
    let problem = request::prepare(&everyone)?;
    let n = problem.n();
    let mut found = Vec::new();
    for (r, round) in rounds.iter().enumerate() {
        for (t, table) in round.iter().enumerate() {
            for (k, &p) in table.iter().enumerate() {
                if p >= n {
                    found.push(
                        Violation::error(
                            Code::IN07,
                            Path::root().index(r).index(t).index(k),
                            "cette personne n'est pas parmi les présents",
                            "this person is not among the attendees",
                        )
                        .with("person", p),
                    );
                }
            }
        }
    }
    if !found.is_empty() {
        return Err(Violations(found));
    }
    // The bound depends on the sizes, not on their order.
    let mut sizes = Vec::new();
    for table in rounds.first().into_iter().flatten() {
        sizes.push(table.len());
    }
    let lower = bound::lower_bound(problem.method, &sizes, rounds.len());
    let scorer = search::Scorer::new(n, &problem.org, &problem.apart);
    Ok(bound::measure(n, rounds, &problem.org, &scorer, lower))
}
