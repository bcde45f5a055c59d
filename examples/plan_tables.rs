//! Prints a table plan for the day (DE03).
//!
//! ```text
//! cargo run --release --example plan_tables -- --people N --rounds R \
//!     --method rotation|world-cafe|ambassadors [--seed S] [--effort E] [--json]
//! ```
//!
//! People are numbered 0 to N−1. Without `--json`, the plan is printed in
//! Markdown (French): its measures, the tables round by round and everyone's
//! itinerary. With `--json`, one JSON object:
//!
//! ```json
//! {"people": 37, "method": "rotation", "seed": 0, "table_sizes": [6, 6, 5, 5, 5, 5, 5],
//!  "rounds": [[[0, 7, …], …], …], "repeats": 0, "max_meetings": 1, "org_clashes": 0,
//!  "lower_bound": 0, "warnings": [], "violations": []}
//! ```
//!
//! `rounds` lists the rounds, each a list of tables, each a list of person
//! indices; `warnings` holds the DE03 warnings (tables outside 5–6, rules of
//! the method that these numbers do not allow). A request the planner
//! refuses (past the limits, such as more than
//! [`MAX_PEOPLE`](gep_core::planner::MAX_PEOPLE) people or
//! [`MAX_ROUNDS`](gep_core::planner::MAX_ROUNDS) rounds, checked before
//! anything is built; or zero people or rounds) still prints one object, with
//! empty `rounds`, `repeats` 0 and the violations in both `warnings` and
//! `violations`. The exit code is 0 whenever the command line is well formed
//! (2 otherwise, with the usage on standard error).

use std::process::ExitCode;

use gep_core::planner::{self, Attendee, Language, Method, PlanOptions, PlanRequest};
use gep_core::{PersonId, Violation};

const USAGE: &str = "usage: plan_tables --people N --rounds R --method rotation|world-cafe|ambassadors \
[--seed S] [--effort E] [--json]";

struct Args {
    people: u64,
    rounds: u64,
    method: Method,
    seed: u64,
    effort: u64,
    json: bool,
}

/// A count as written: digits only; past `u64` it saturates (it is over every
/// limit anyway).
fn count(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(text.parse().unwrap_or(u64::MAX))
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let (mut people, mut rounds, mut method) = (None, None, None);
    let (mut seed, mut effort, mut json) = (0, u64::from(planner::DEFAULT_EFFORT), false);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--people" => people = Some(count(&value()?).ok_or("--people takes a whole number")?),
            "--rounds" => rounds = Some(count(&value()?).ok_or("--rounds takes a whole number")?),
            "--seed" => seed = count(&value()?).ok_or("--seed takes a whole number")?,
            "--effort" => effort = count(&value()?).ok_or("--effort takes a whole number")?,
            "--method" => method = Some(value()?.parse::<Method>().map_err(|e| e.to_string())?),
            "--json" => json = true,
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(Args {
        people: people.ok_or("--people is required")?,
        rounds: rounds.ok_or("--rounds is required")?,
        method: method.ok_or("--method is required")?,
        seed,
        effort,
        json,
    })
}

/// The JSON answer: the plan, or empty rounds and the violations.
fn json_answer(args: &Args, plan: Result<&planner::Plan, &[Violation]>) -> serde_json::Value {
    match plan {
        Ok(plan) => serde_json::json!({
            "people": args.people,
            "method": plan.method,
            "seed": plan.seed,
            "table_sizes": plan.table_sizes,
            "rounds": plan.rounds,
            "hosts": plan.hosts,
            "ambassadors": plan.ambassadors,
            "repeats": plan.measures.repeats,
            "max_meetings": plan.measures.max_meetings,
            "org_clashes": plan.measures.org_clashes,
            "lower_bound": plan.measures.lower_bound,
            "warnings": plan.warnings,
            "violations": [],
        }),
        Err(violations) => serde_json::json!({
            "people": args.people,
            "method": args.method,
            "seed": args.seed,
            "rounds": [],
            "repeats": 0,
            "warnings": violations,
            "violations": violations,
        }),
    }
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    // Past the limits, nothing is built: a billion attendees are never allocated.
    let checked = planner::check_limits(args.people, args.rounds).and_then(|()| {
        let attendees = (0..args.people)
            .map(|i| Attendee::new(PersonId::from_u128(u128::from(i) + 1)).with_name(format!("Personne {i}")))
            .collect();
        let options = PlanOptions {
            effort: u32::try_from(args.effort).unwrap_or(u32::MAX),
            ..PlanOptions::default()
        };
        let rounds = u32::try_from(args.rounds).unwrap_or(u32::MAX);
        let request = PlanRequest::new(attendees, rounds, args.method)
            .with_seed(args.seed)
            .with_options(options);
        planner::plan(&request).map(|plan| (request, plan))
    });
    match (&checked, args.json) {
        (Ok((_, plan)), true) => println!("{}", json_answer(&args, Ok(plan))),
        (Err(violations), true) => println!("{}", json_answer(&args, Err(violations.as_slice()))),
        (Ok((request, plan)), false) => print!("{}", plan.to_markdown(request, Language::Fr)),
        (Err(violations), false) => {
            println!("Pas de plan / no plan:");
            for v in violations.as_slice() {
                println!("- {v}");
            }
        }
    }
    ExitCode::SUCCESS
}
