//! The planner's quality grid for `docs/planner.md`: for n = 10…120 people,
//! 2…4 rounds and each method, the planner's repeats, those of a greedy
//! baseline with random restarts (written here, for the comparison only; it
//! is not part of the library), and the planner's lower bound.
//!
//! `cargo run --release --example planner_grid [-- --from 10 --to 120 --restarts 50]`
//!
//! Prints a Markdown table and a summary; exits 1 if the planner ever has
//! more repeats than the baseline or fewer than its bound.

// A measuring tool, not library code: plain indexing keeps it short.
#![allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Instant;

use gep_core::PersonId;
use gep_core::planner::{self, Attendee, Method, PlanRequest};

/// SplitMix64, for the baseline's restarts.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// Meetings so far, in a square table.
struct Met {
    n: usize,
    k: Vec<u8>,
}

impl Met {
    fn new(n: usize) -> Self {
        Met { n, k: vec![0; n * n] }
    }
    fn get(&self, a: usize, b: usize) -> u8 {
        self.k.get(a * self.n + b).copied().unwrap_or(0)
    }
    fn seat(&mut self, table: &[usize]) {
        for (i, &a) in table.iter().enumerate() {
            for &b in table.iter().skip(i + 1) {
                for idx in [a * self.n + b, b * self.n + a] {
                    if let Some(x) = self.k.get_mut(idx) {
                        *x += 1;
                    }
                }
            }
        }
    }
    /// How many of `table` that `p` has met already.
    fn known(&self, p: usize, table: &[usize]) -> usize {
        table.iter().filter(|&&x| self.get(p, x) > 0).count()
    }
}

/// Puts `p` at the table with room where they know the fewest (ties at
/// random).
fn greedy_seat(p: usize, tables: &mut [Vec<usize>], caps: &[usize], met: &Met, rng: &mut Rng) {
    let mut best = usize::MAX;
    let mut pick = None;
    let mut ties = 0;
    for (t, table) in tables.iter().enumerate() {
        if table.len() >= caps.get(t).copied().unwrap_or(0) {
            continue;
        }
        let c = met.known(p, table);
        if c < best {
            (best, pick, ties) = (c, Some(t), 1);
        } else if c == best {
            ties += 1;
            if rng.below(ties) == 0 {
                pick = Some(t);
            }
        }
    }
    if let Some(t) = pick.and_then(|t| tables.get_mut(t)) {
        t.push(p);
    }
}

/// One greedy plan: round after round, people in random order each take the
/// table where they know the fewest; the method's rules are kept.
fn greedy_once(n: usize, rounds: usize, sizes: &[usize], method: Method, rng: &mut Rng) -> Vec<Vec<Vec<usize>>> {
    let g = sizes.len();
    let mut met = Met::new(n);
    let mut order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut order);
    let hosts: Vec<usize> = order.iter().take(g).copied().collect();
    let mut plan = Vec::new();
    match method {
        Method::Rotation | Method::WorldCafe => {
            for _ in 0..rounds {
                let mut tables: Vec<Vec<usize>> = vec![Vec::new(); g];
                let mut people: Vec<usize> = (0..n).collect();
                if method == Method::WorldCafe {
                    for (t, &h) in hosts.iter().enumerate() {
                        tables[t].push(h);
                    }
                    people.retain(|p| !hosts.contains(p));
                }
                rng.shuffle(&mut people);
                for p in people {
                    greedy_seat(p, &mut tables, sizes, &met, rng);
                }
                for t in &tables {
                    met.seat(t);
                }
                plan.push(tables);
            }
        }
        Method::Ambassadors => {
            let mut home: Vec<Vec<usize>> = vec![Vec::new(); g];
            for p in order.clone() {
                greedy_seat(p, &mut home, sizes, &met, rng);
            }
            for t in &home {
                met.seat(t);
            }
            plan.push(home.clone());
            let mut used = vec![false; g * g];
            let mut sent: Vec<Vec<usize>> = vec![Vec::new(); g];
            for _ in 1..rounds {
                // A random derangement that reuses no sender → receiver pair if it can.
                let mut to: Vec<usize> = (0..g).collect();
                // (The rule binds while fresh pairs remain: try hard before giving up.)
                for attempt in 0..20_000 {
                    rng.shuffle(&mut to);
                    let ok = to.iter().enumerate().all(|(a, &b)| a != b)
                        && (attempt >= 10_000 || to.iter().enumerate().all(|(a, &b)| !used[a * g + b]));
                    if ok || g < 2 {
                        break;
                    }
                }
                if g < 2 || to.iter().enumerate().any(|(a, &b)| a == b) {
                    to = (0..g).map(|a| (a + 1) % g.max(1)).collect();
                }
                let mut amb_of = vec![usize::MAX; g];
                for a in 0..g {
                    if g < 2 {
                        break;
                    }
                    let b = to[a];
                    used[a * g + b] = true;
                    // The member, not sent before if possible, who knows fewest at b.
                    let fresh: Vec<usize> = home[a].iter().copied().filter(|p| !sent[a].contains(p)).collect();
                    let pool = if fresh.is_empty() { home[a].clone() } else { fresh };
                    let amb = *pool
                        .iter()
                        .min_by_key(|&&p| (met.known(p, &home[b]), rng.below(1000)))
                        .unwrap_or(&home[a][0]);
                    sent[a].push(amb);
                    amb_of[a] = amb;
                }
                let mut tables: Vec<Vec<usize>> = home
                    .iter()
                    .enumerate()
                    .map(|(a, grp)| grp.iter().copied().filter(|&p| p != amb_of[a]).collect())
                    .collect();
                for a in 0..g {
                    if amb_of[a] != usize::MAX {
                        tables[to[a]].push(amb_of[a]);
                    }
                }
                for t in &tables {
                    met.seat(t);
                }
                plan.push(tables);
            }
        }
    }
    plan
}

/// The baseline: the best of `restarts` greedy plans.
fn baseline(request: &PlanRequest, sizes: &[usize], restarts: usize) -> u64 {
    let mut rng = Rng(request.seed ^ 0x5eed);
    let n = request.attendees.len();
    (0..restarts)
        .filter_map(|_| {
            let plan = greedy_once(n, request.rounds as usize, sizes, request.method, &mut rng);
            planner::measure(request, &plan).ok().map(|m| m.repeats)
        })
        .min()
        .unwrap_or(u64::MAX)
}

fn arg(args: &[String], name: &str, default: usize) -> usize {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let from = arg(&args, "--from", 10);
    let to = arg(&args, "--to", 120);
    let restarts = arg(&args, "--restarts", 50);
    let methods = [Method::Rotation, Method::WorldCafe, Method::Ambassadors];
    let rounds = [2u32, 3, 4];
    let mut header = String::from("| n | tables |");
    let mut rule = String::from("|---|---|");
    for m in methods {
        for r in rounds {
            header.push_str(&format!(" {} {r} |", m.as_str()));
            rule.push_str("---|");
        }
    }
    println!("{header}\n{rule}");
    let (mut cases, mut zero, mut optimal, mut worse, mut better, mut below) = (0, 0, 0, 0, 0, 0);
    let (mut total_planner, mut total_baseline, mut total_bound) = (0u64, 0u64, 0u64);
    let mut slowest = (0.0f64, 0, Method::Rotation, 0);
    let mut gaps = Vec::new();
    for n in from..=to {
        let attendees: Vec<Attendee> = (0..n)
            .map(|i| Attendee::new(PersonId::from_u128(i as u128 + 1)))
            .collect();
        let mut line = String::new();
        let mut tables = String::new();
        for m in methods {
            for r in rounds {
                let request = PlanRequest::new(attendees.clone(), r, m).with_seed(1);
                let start = Instant::now();
                let plan = match planner::plan(&request) {
                    Ok(p) => p,
                    Err(v) => {
                        eprintln!("n={n} r={r} {m}: {v}");
                        std::process::exit(1);
                    }
                };
                let ms = start.elapsed().as_secs_f64() * 1000.0;
                if ms > slowest.0 {
                    slowest = (ms, n, m, r);
                }
                if tables.is_empty() {
                    let mut sizes: Vec<String> = Vec::new();
                    let mut k = 0;
                    while k < plan.table_sizes.len() {
                        let s = plan.table_sizes[k];
                        let c = plan.table_sizes.iter().filter(|&&x| x == s).count();
                        sizes.push(format!("{c}×{s}"));
                        k += c;
                    }
                    tables = sizes.join("+");
                }
                let b = baseline(&request, &plan.table_sizes, restarts);
                let p = plan.measures.repeats;
                let lb = plan.measures.lower_bound;
                cases += 1;
                total_planner += p;
                total_baseline += b;
                total_bound += lb;
                zero += usize::from(p == 0);
                optimal += usize::from(p == lb);
                worse += usize::from(p > b);
                better += usize::from(p < b);
                below += usize::from(p < lb);
                if p > lb {
                    gaps.push(format!("n={n} {m} {r}: {p} (bound {lb}, baseline {b})"));
                }
                line.push_str(&format!(" {p} / {b} / {lb} |"));
            }
        }
        println!("| {n} | {tables} |{line}");
    }
    println!();
    println!("cases: {cases}; planner with zero repeats: {zero}; planner at its lower bound: {optimal}");
    println!("planner better than baseline: {better}; worse: {worse}; below the bound (impossible): {below}");
    println!("repeats over the grid: planner {total_planner}, baseline {total_baseline}, bound {total_bound}");
    println!(
        "slowest plan: {:.1} ms (n={}, {}, {} rounds)",
        slowest.0, slowest.1, slowest.2, slowest.3
    );
    println!("above the bound: {}", gaps.len());
    for g in &gaps {
        println!("  {g}");
    }
    if worse > 0 || below > 0 {
        std::process::exit(1);
    }
}
