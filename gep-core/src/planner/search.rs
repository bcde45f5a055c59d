//! The local search that improves the starting plan: a tabu search on swaps
//! of two people between tables within one round, for the rotation and the
//! world café (whose hosts never move).
//!
//! Each step looks at people who sit, in some round, with someone they met
//! before, a colleague or someone to keep apart; tries every swap of a few
//! of them with everyone at the other tables of that round; and makes the
//! best swap that is not tabu (a swapped person stays put in that round for
//! a few steps, unless the swap beats the best plan so far). When nothing
//! improves for a while, it goes back to the best plan and kicks it with a
//! few random swaps. Scores are integers compared in the objective's order;
//! the budget counts pair look-ups, never time, so the result depends only
//! on the request.

use std::ops::{Add, AddAssign};

use super::bound::PairCounts;
use super::request::NO_ORG;
use super::rng::Rng;

/// A plan's score, compared field by field in this order: pairs to keep
/// apart who sit together, repeats, excess (`Σ C(k − 1, 2)` over pairs
/// meeting `k` times: a stand-in for the most meetings of a pair, which it
/// pushes down), organisation clashes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Cost {
    pub apart: i64,
    pub repeats: i64,
    pub excess: i64,
    pub org: i64,
}

impl Add for Cost {
    type Output = Cost;
    fn add(self, o: Cost) -> Cost {
        Cost {
            apart: self.apart + o.apart,
            repeats: self.repeats + o.repeats,
            excess: self.excess + o.excess,
            org: self.org + o.org,
        }
    }
}

impl AddAssign for Cost {
    fn add_assign(&mut self, o: Cost) {
        *self = *self + o;
    }
}

/// Whether a score reaches the bounds: nothing better can be found.
pub(crate) fn reached(cost: Cost, target: Cost) -> bool {
    cost.apart <= target.apart
        && cost.repeats <= target.repeats
        && cost.excess <= target.excess
        && cost.org <= target.org
}

/// What two people sharing a table costs, apart from their history.
#[derive(Clone)]
pub(crate) struct Scorer {
    n: usize,
    org: Vec<u32>,
    /// The pairs to keep apart, both ways: bit `a·n + b` (empty when there
    /// are none).
    apart: Vec<u64>,
    any_org: bool,
}

impl Scorer {
    pub(crate) fn new(n: usize, org: &[u32], apart: &[(usize, usize, usize)]) -> Self {
        let mut bits = Vec::new();
        if !apart.is_empty() {
            bits = vec![0u64; (n * n).div_ceil(64)];
            for &(a, b, _) in apart {
                for i in [a * n + b, b * n + a] {
                    if let Some(w) = bits.get_mut(i / 64) {
                        *w |= 1 << (i % 64);
                    }
                }
            }
        }
        // Organisations are numbered from 0 in order of appearance; NO_ORG
        // is past the end.
        let mut seen = vec![false; org.len()];
        let any_org = org
            .iter()
            .any(|&o| seen.get_mut(o as usize).is_some_and(|s| std::mem::replace(s, true)));
        Scorer {
            n,
            org: org.to_vec(),
            apart: bits,
            any_org,
        }
    }

    /// Whether nobody has a colleague or someone to keep apart from.
    pub(crate) fn is_neutral(&self) -> bool {
        !self.any_org && self.apart.is_empty()
    }

    fn same_org(&self, a: usize, b: usize) -> bool {
        if !self.any_org {
            return false;
        }
        let oa = self.org.get(a).copied().unwrap_or(NO_ORG);
        oa != NO_ORG && self.org.get(b) == Some(&oa)
    }

    pub(crate) fn apart(&self, a: usize, b: usize) -> bool {
        if self.apart.is_empty() || a >= self.n || b >= self.n {
            return false;
        }
        let i = a * self.n + b;
        self.apart.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
    }

    /// Whether `a` and `b` at one table is a fault of some kind.
    fn bad(&self, counts: &PairCounts, a: usize, b: usize) -> bool {
        counts.get(a, b) >= 2 || self.same_org(a, b) || self.apart(a, b)
    }

    /// The cost of one more meeting of `a` and `b`.
    pub(crate) fn gain(&self, counts: &PairCounts, a: usize, b: usize) -> Cost {
        let k = i64::from(counts.get(a, b));
        Cost {
            apart: i64::from(self.apart(a, b)),
            repeats: i64::from(k >= 1),
            excess: if k >= 2 { k - 1 } else { 0 },
            org: i64::from(self.same_org(a, b)),
        }
    }

    /// The cost of one meeting fewer of `a` and `b` (negative or zero).
    fn loss(&self, counts: &PairCounts, a: usize, b: usize) -> Cost {
        let k = i64::from(counts.get(a, b));
        Cost {
            apart: -i64::from(self.apart(a, b)),
            repeats: -i64::from(k >= 2),
            excess: if k >= 3 { 2 - k } else { 0 },
            org: -i64::from(self.same_org(a, b)),
        }
    }
}

/// People swapped per step, at most, among those at fault.
const SAMPLE: usize = 12;

/// Steps of one attempt to seat a round anew.
const RESEAT_STEPS: u64 = 20_000;

/// A plan being improved: who sits where, round by round.
pub(crate) struct Tables {
    n: usize,
    g: usize,
    rounds: usize,
    /// `r·n + p` → table.
    seat: Vec<usize>,
    /// `r·g + t` → people.
    members: Vec<Vec<usize>>,
    /// `r·n + p` → position in its table's list.
    slot: Vec<usize>,
    counts: PairCounts,
    scorer: Scorer,
    movable: Vec<bool>,
    cost: Cost,
}

impl Tables {
    /// A plan from its seats (`r·n + p` → table, over `rounds` rounds).
    pub(crate) fn new(n: usize, g: usize, rounds: usize, seat: &[usize], scorer: Scorer, movable: Vec<bool>) -> Self {
        let mut tables = Tables {
            n,
            g,
            rounds,
            seat: Vec::new(),
            members: vec![Vec::new(); rounds * g],
            slot: vec![0; rounds * n],
            counts: PairCounts::new(n),
            scorer,
            movable,
            cost: Cost::default(),
        };
        tables.load(seat);
        tables
    }

    /// Seats everyone anew, recomputing the lists, the pair counts and the
    /// score.
    fn load(&mut self, seat: &[usize]) {
        self.seat.clear();
        self.seat.extend_from_slice(seat);
        for m in &mut self.members {
            m.clear();
        }
        self.counts = PairCounts::new(self.n);
        self.cost = Cost::default();
        for r in 0..self.rounds {
            for p in 0..self.n {
                let t = self.seat.get(r * self.n + p).copied().unwrap_or(0);
                let idx = r * self.g + t;
                let len = self.members.get(idx).map_or(0, Vec::len);
                for k in 0..len {
                    let x = self.members.get(idx).and_then(|m| m.get(k)).copied().unwrap_or(p);
                    self.cost += self.gain(p, x);
                    self.counts.add(p, x, 1);
                }
                if let Some(s) = self.slot.get_mut(r * self.n + p) {
                    *s = len;
                }
                if let Some(m) = self.members.get_mut(idx) {
                    m.push(p);
                }
            }
        }
    }

    fn gain(&self, a: usize, b: usize) -> Cost {
        self.scorer.gain(&self.counts, a, b)
    }

    fn loss(&self, a: usize, b: usize) -> Cost {
        self.scorer.loss(&self.counts, a, b)
    }

    fn seat_of(&self, r: usize, p: usize) -> usize {
        self.seat.get(r * self.n + p).copied().unwrap_or(0)
    }

    fn table(&self, r: usize, t: usize) -> &[usize] {
        self.members.get(r * self.g + t).map_or(&[], Vec::as_slice)
    }

    fn movable(&self, p: usize) -> bool {
        self.movable.get(p).copied().unwrap_or(false)
    }

    /// For everyone in round `r`, what leaving their table saves; returns
    /// the work done.
    fn leave_costs(&self, r: usize, out: &mut [Cost]) -> u64 {
        let mut work = 0u64;
        for t in 0..self.g {
            let table = self.table(r, t);
            for &q in table {
                let mut c = Cost::default();
                for &y in table.iter().filter(|&&y| y != q) {
                    c += self.loss(q, y);
                }
                if let Some(slot) = out.get_mut(r * self.n + q) {
                    *slot = c;
                }
                work += table.len() as u64;
            }
        }
        work
    }

    /// Swaps `p` and `q` (at different tables) in round `r`. The four sets
    /// of pairs touched are distinct, so the change of score adds up pair by
    /// pair as the counts change.
    fn swap(&mut self, r: usize, p: usize, q: usize) {
        let (a, b) = (self.seat_of(r, p), self.seat_of(r, q));
        let (ia, ib) = (r * self.g + a, r * self.g + b);
        let mut d = Cost::default();
        for (i, leaves, joins) in [(ia, p, q), (ib, q, p)] {
            if let Some(m) = self.members.get(i) {
                for &x in m.iter().filter(|&&x| x != leaves) {
                    d += self.scorer.loss(&self.counts, leaves, x) + self.scorer.gain(&self.counts, joins, x);
                    self.counts.add(leaves, x, -1);
                    self.counts.add(joins, x, 1);
                }
            }
        }
        let (sp, sq) = (r * self.n + p, r * self.n + q);
        let slot_p = self.slot.get(sp).copied().unwrap_or(0);
        let slot_q = self.slot.get(sq).copied().unwrap_or(0);
        if let Some(x) = self.members.get_mut(ia).and_then(|m| m.get_mut(slot_p)) {
            *x = q;
        }
        if let Some(x) = self.members.get_mut(ib).and_then(|m| m.get_mut(slot_q)) {
            *x = p;
        }
        self.seat.swap(sp, sq);
        self.slot.swap(sp, sq);
        self.cost += d;
    }

    /// The movable people who sit, in some round, next to a fault; returns
    /// the work done.
    fn at_fault(&self, out: &mut Vec<(usize, usize)>) -> u64 {
        out.clear();
        let mut work = 0u64;
        let mut marked = vec![false; self.n];
        for r in 0..self.rounds {
            marked.iter_mut().for_each(|m| *m = false);
            for t in 0..self.g {
                let table = self.table(r, t);
                for (i, &a) in table.iter().enumerate() {
                    for &b in table.iter().skip(i + 1) {
                        work += 1;
                        if self.scorer.bad(&self.counts, a, b) {
                            for x in [a, b] {
                                if let Some(m) = marked.get_mut(x).filter(|m| !**m) {
                                    *m = true;
                                    if self.movable(x) {
                                        out.push((r, x));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        work
    }

    /// Improves the plan within `budget` pair look-ups, until it reaches
    /// `target`; keeps the best plan seen.
    pub(crate) fn improve(&mut self, budget: u64, target: Cost, rng: &mut Rng) {
        let mut movers = Vec::new();
        for p in 0..self.n {
            if self.movable(p) {
                movers.push(p);
            }
        }
        if self.g < 2 || movers.len() < 2 || budget == 0 {
            return;
        }
        let mut best = self.cost;
        let mut best_seat = self.seat.clone();
        let mut tabu = vec![0u64; self.rounds * self.n];
        let mut faults = Vec::new();
        let mut leave = vec![Cost::default(); self.rounds * self.n];
        let mut stamp = vec![0u64; self.rounds];
        let (mut step, mut work, mut stall) = (0u64, 0u64, 0u64);
        let max_stall = 200 + 4 * self.n as u64;
        let tenure = 10 + (self.n / 8).min(20);
        while work < budget && !reached(best, target) {
            step += 1;
            work += self.at_fault(&mut faults);
            if faults.is_empty() {
                break;
            }
            let k = faults.len().min(SAMPLE);
            for i in 0..k {
                let j = i + rng.below(faults.len() - i);
                faults.swap(i, j);
            }
            let mut chosen = None;
            let mut best_d = Cost::default();
            let mut ties = 0usize;
            for &(r, p) in faults.iter().take(k) {
                if stamp.get(r).copied() != Some(step) {
                    work += self.leave_costs(r, &mut leave);
                    if let Some(st) = stamp.get_mut(r) {
                        *st = step;
                    }
                }
                let a = self.seat_of(r, p);
                let tabu_p = tabu.get(r * self.n + p).copied().unwrap_or(0) > step;
                let home = self.table(r, a);
                // What p leaves behind, once.
                let mut leave_p = Cost::default();
                for &x in home.iter().filter(|&&x| x != p) {
                    leave_p += self.loss(p, x);
                }
                for t in (0..self.g).filter(|&t| t != a) {
                    let there = self.table(r, t);
                    // What p finds at table t, everyone included, once.
                    let mut join_p = Cost::default();
                    for &y in there {
                        join_p += self.gain(p, y);
                    }
                    work += (home.len() + there.len()) as u64;
                    for &q in there {
                        if !self.movable(q) {
                            continue;
                        }
                        work += home.len() as u64;
                        let mut d = leave_p + join_p + leave.get(r * self.n + q).copied().unwrap_or_default();
                        let g = self.gain(p, q);
                        d += Cost {
                            apart: -g.apart,
                            repeats: -g.repeats,
                            excess: -g.excess,
                            org: -g.org,
                        };
                        for &x in home.iter().filter(|&&x| x != p) {
                            d += self.gain(q, x);
                        }
                        let is_tabu = tabu_p || tabu.get(r * self.n + q).copied().unwrap_or(0) > step;
                        if is_tabu && self.cost + d >= best {
                            continue;
                        }
                        if chosen.is_none() || d < best_d {
                            (chosen, best_d, ties) = (Some((r, p, q)), d, 1);
                        } else if d == best_d {
                            ties += 1;
                            if rng.below(ties) == 0 {
                                chosen = Some((r, p, q));
                            }
                        }
                    }
                }
            }
            if let Some((r, p, q)) = chosen {
                self.swap(r, p, q);
                let until = step + 1 + rng.below(tenure) as u64;
                for x in [p, q] {
                    if let Some(t) = tabu.get_mut(r * self.n + x) {
                        *t = until;
                    }
                }
            }
            if self.cost < best {
                best = self.cost;
                best_seat.clone_from(&self.seat);
                stall = 0;
            } else {
                stall += 1;
            }
            if stall > max_stall {
                work += (self.rounds * self.n * 12) as u64;
                self.load(&best_seat);
                // Re-seat one round at fault from scratch; if it cannot be
                // done without a repeat, shake the plan instead.
                work += self.at_fault(&mut faults);
                // The faults come round by round.
                let mut rounds_at_fault = Vec::new();
                for &(r, _) in &faults {
                    if rounds_at_fault.last() != Some(&r) {
                        rounds_at_fault.push(r);
                    }
                }
                let pick = rounds_at_fault.get(rng.below(rounds_at_fault.len())).copied();
                let mut reseated = false;
                if let Some(r) = pick.filter(|_| best.repeats > 0 || best.apart > 0) {
                    let (done, spent) = self.reseat(r, RESEAT_STEPS);
                    work += spent;
                    reseated = done;
                }
                if reseated && self.cost < best {
                    best = self.cost;
                    best_seat.clone_from(&self.seat);
                } else {
                    self.load(&best_seat);
                    self.kick(&movers, 2 + self.n / 16, rng);
                }
                tabu.iter_mut().for_each(|t| *t = 0);
                stall = 0;
            }
        }
        if self.cost != best {
            self.load(&best_seat);
        }
    }

    /// Seats round `r` anew so that nobody sits with someone they meet in
    /// another round or must keep apart from: a depth-first search that
    /// seats the most constrained person first (fewest tables left), with
    /// at most `steps` steps. The tables keep their sizes and the hosts
    /// their tables. Returns whether it succeeded, and the work done.
    fn reseat(&mut self, r: usize, steps: u64) -> (bool, u64) {
        let (n, g) = (self.n, self.g);
        if !(2..=64).contains(&g) {
            return (false, 0);
        }
        let mut forbid: Vec<Vec<usize>> = vec![Vec::new(); n];
        for p in 0..n {
            for x in p + 1..n {
                let here = u8::from(self.seat_of(r, p) == self.seat_of(r, x));
                if self.counts.get(p, x) > here || self.scorer.apart(p, x) {
                    if let Some(f) = forbid.get_mut(p) {
                        f.push(x);
                    }
                    if let Some(f) = forbid.get_mut(x) {
                        f.push(p);
                    }
                }
            }
        }
        let mut caps = Vec::with_capacity(g);
        for t in 0..g {
            caps.push(self.table(r, t).len());
        }
        let mut search = Reseat {
            forbid,
            caps,
            domain: vec![if g == 64 { u64::MAX } else { (1u64 << g) - 1 }; n],
            table: vec![usize::MAX; n],
            fill: vec![0; g],
            trail: Vec::new(),
            steps,
        };
        for p in 0..n {
            if !self.movable(p) {
                search.place(p, self.seat_of(r, p));
            }
        }
        let done = search.run();
        let spent = (steps - search.steps) * n as u64 + (n * n) as u64;
        if done {
            let mut seat = self.seat.clone();
            for (p, &t) in search.table.iter().enumerate() {
                if let Some(x) = seat.get_mut(r * n + p) {
                    *x = t;
                }
            }
            self.load(&seat);
        }
        (done, spent)
    }

    /// A few random swaps of movable people.
    fn kick(&mut self, movers: &[usize], swaps: usize, rng: &mut Rng) {
        for _ in 0..swaps {
            let r = rng.below(self.rounds);
            let p = movers.get(rng.below(movers.len())).copied().unwrap_or(0);
            let q = movers.get(rng.below(movers.len())).copied().unwrap_or(0);
            if self.seat_of(r, p) != self.seat_of(r, q) {
                self.swap(r, p, q);
            }
        }
    }

    /// What the current seating costs.
    pub(crate) fn cost(&self) -> Cost {
        self.cost
    }

    /// The tables, round by round.
    pub(crate) fn rounds(&self) -> Vec<Vec<Vec<usize>>> {
        let mut rounds = Vec::with_capacity(self.rounds);
        for r in 0..self.rounds {
            let mut tables = Vec::with_capacity(self.g);
            for t in 0..self.g {
                tables.push(self.table(r, t).to_vec());
            }
            rounds.push(tables);
        }
        rounds
    }
}

/// The search of [`Tables::reseat`]: each person's tables left as a bit set.
struct Reseat {
    forbid: Vec<Vec<usize>>,
    caps: Vec<usize>,
    domain: Vec<u64>,
    table: Vec<usize>,
    fill: Vec<usize>,
    /// (person, their domain before a change), to undo.
    trail: Vec<(usize, u64)>,
    steps: u64,
}

impl Reseat {
    fn restrict(&mut self, x: usize, keep: u64) {
        if let Some(d) = self.domain.get_mut(x).filter(|d| **d & !keep != 0) {
            self.trail.push((x, *d));
            *d &= keep;
        }
    }

    /// Seats `p` at `t` and prunes the others' tables.
    fn place(&mut self, p: usize, t: usize) {
        if let Some(x) = self.table.get_mut(p) {
            *x = t;
        }
        let bit = 1u64 << t;
        let forbid = std::mem::take(self.forbid.get_mut(p).unwrap_or(&mut Vec::new()));
        for &x in &forbid {
            if self.table.get(x) == Some(&usize::MAX) {
                self.restrict(x, !bit);
            }
        }
        if let Some(f) = self.forbid.get_mut(p) {
            *f = forbid;
        }
        if let Some(f) = self.fill.get_mut(t) {
            *f += 1;
            if *f >= self.caps.get(t).copied().unwrap_or(0) {
                for x in 0..self.table.len() {
                    if self.table.get(x) == Some(&usize::MAX) {
                        self.restrict(x, !bit);
                    }
                }
            }
        }
    }

    fn unplace(&mut self, p: usize, t: usize, mark: usize) {
        while self.trail.len() > mark {
            if let Some((slot, d)) = self
                .trail
                .pop()
                .and_then(|(x, d)| self.domain.get_mut(x).map(|s| (s, d)))
            {
                *slot = d;
            }
        }
        if let Some(f) = self.fill.get_mut(t) {
            *f -= 1;
        }
        if let Some(x) = self.table.get_mut(p) {
            *x = usize::MAX;
        }
    }

    fn run(&mut self) -> bool {
        if self.steps == 0 {
            return false;
        }
        self.steps -= 1;
        // The unseated person with the fewest tables left.
        let mut next = None;
        let mut fewest = u32::MAX;
        for (p, (&t, &d)) in self.table.iter().zip(&self.domain).enumerate() {
            if t == usize::MAX {
                let k = d.count_ones();
                if k == 0 {
                    return false;
                }
                if k < fewest {
                    (next, fewest) = (Some(p), k);
                }
            }
        }
        let Some(p) = next else { return true };
        let mut options = self.domain.get(p).copied().unwrap_or(0);
        let mut tried_empty = Vec::new();
        while options != 0 {
            let t = options.trailing_zeros() as usize;
            options &= options - 1;
            // Empty tables of one size are alike: try one of them.
            let cap = self.caps.get(t).copied().unwrap_or(0);
            if self.fill.get(t) == Some(&0) {
                if tried_empty.contains(&cap) {
                    continue;
                }
                tried_empty.push(cap);
            }
            let mark = self.trail.len();
            self.place(p, t);
            if self.run() {
                return true;
            }
            self.unplace(p, t, mark);
            if self.steps == 0 {
                return false;
            }
        }
        false
    }
}
