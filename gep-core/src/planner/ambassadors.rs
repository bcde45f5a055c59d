//! The ambassadors method: the groups of the first round stay; after it,
//! each group sends one of its members to another group, every group
//! receives exactly one, and a group never receives twice from the same
//! group (where the number of groups allows it).
//!
//! The repeats are mostly structural (the members who stay meet again every
//! round); what the plan chooses is the schedule of visits, so that as few
//! ambassadors as possible arrive at a group whose own ambassador visited
//! theirs before (then the two meet again), who goes when, and who is in
//! which group, for the organisations and the pairs to keep apart.

use super::bound::PairCounts;
use super::plan::AmbassadorTrip;
use super::rng::Rng;
use super::search::{Cost, Scorer, reached};

/// Steps of the search for a schedule.
const SEARCH_STEPS: u32 = 400_000;

/// One ambassador round: the group each group sends to.
pub(crate) type Visits = Vec<usize>;

/// What can go wrong with the method's rules on these numbers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Shortfall {
    /// A group receives twice from the same group.
    pub same_sender: bool,
    /// Fewer groups than two: nobody can be sent.
    pub single_group: bool,
}

/// The schedule of visits for `g` groups over `moves` rounds after the first.
pub(crate) fn schedule(g: usize, moves: usize) -> (Vec<Visits>, Shortfall) {
    let mut shortfall = Shortfall::default();
    if moves == 0 {
        return (Vec::new(), shortfall);
    }
    if g < 2 {
        shortfall.single_group = true;
        return (vec![vec![0; g]; moves], shortfall);
    }
    shortfall.same_sender = moves > g - 1;
    let visits = if closed_form_is_best(g, moves) {
        closed_form(g, moves)
    } else {
        searched(g, moves).0
    };
    (visits, shortfall)
}

/// Whether the closed forms have no reciprocal visit: exchanges for an even
/// `g` up to `g − 1` rounds, shifts for an odd `g` up to `(g − 1)/2`.
fn closed_form_is_best(g: usize, moves: usize) -> bool {
    if g.is_multiple_of(2) {
        moves < g
    } else {
        moves <= (g - 1) / 2
    }
}

fn closed_form(g: usize, moves: usize) -> Vec<Visits> {
    if g.is_multiple_of(2) {
        exchanges(g, moves)
    } else {
        shifts(g, moves)
    }
}

/// The fewest reciprocal visits of any schedule for `g` groups over `moves`
/// rounds after the first that repeats a sender as little as possible, when
/// it is known: none where the closed forms have none, else the optimum of
/// the search when it was exhaustive.
pub(crate) fn fewest_reciprocal(g: usize, moves: usize) -> Option<u64> {
    if g < 2 {
        None
    } else if closed_form_is_best(g, moves) {
        Some(0)
    } else {
        let (_, cost, exhaustive) = searched(g, moves);
        exhaustive.then_some((cost % REPEATED) as u64)
    }
}

/// Even `g`: a round-robin of exchanges (the circle method), so that no pair
/// of groups is visited both ways in different rounds.
fn exchanges(g: usize, moves: usize) -> Vec<Visits> {
    let m = g - 1;
    let mut visits = Vec::with_capacity(moves);
    for k in 0..moves {
        let rho = k % m;
        let mut to = vec![0; g];
        let mut pair = |a: usize, b: usize| {
            if let Some(x) = to.get_mut(a) {
                *x = b;
            }
            if let Some(x) = to.get_mut(b) {
                *x = a;
            }
        };
        pair(rho, m);
        for i in 1..g / 2 {
            pair((rho + i) % m, (rho + m - i) % m);
        }
        visits.push(to);
    }
    visits
}

/// Cyclic shifts by 1, 2, …: without a reciprocal visit up to `(g − 1)/2`
/// rounds.
fn shifts(g: usize, moves: usize) -> Vec<Visits> {
    let mut visits = Vec::with_capacity(moves);
    for k in 0..moves {
        let d = 1 + k % (g - 1);
        let mut to = Vec::with_capacity(g);
        for x in 0..g {
            to.push((x + d) % g);
        }
        visits.push(to);
    }
    visits
}

/// The weight of a repeated sender against reciprocal visits: the rule
/// comes first.
const REPEATED: usize = 1 << 20;

/// A schedule's cost: repeated senders (weighted by [`REPEATED`]) and
/// reciprocal visits, each `a → b` counting the earlier rounds in which `b`
/// sent to `a` (the ambassadors of those two visits meet twice).
fn faults(visits: &[Visits], g: usize) -> usize {
    let mut uses = vec![0usize; g * g];
    let mut cost = 0;
    for to in visits {
        for (a, &b) in to.iter().enumerate() {
            if uses.get(a * g + b).is_some_and(|&u| u > 0) {
                cost += REPEATED;
            }
            cost += uses.get(b * g + a).copied().unwrap_or(0);
        }
        for (a, &b) in to.iter().enumerate() {
            if let Some(u) = uses.get_mut(a * g + b) {
                *u += 1;
            }
        }
    }
    cost
}

/// A bounded depth-first search for the schedule of least cost (mixing
/// exchanges and cycles), starting from the closed form; whether it was
/// exhaustive.
fn searched(g: usize, moves: usize) -> (Vec<Visits>, usize, bool) {
    let best = closed_form(g, moves);
    let best_cost = faults(&best, g);
    let mut search = Search {
        g,
        moves,
        uses: vec![0; g * g],
        current: vec![vec![usize::MAX; g]; moves],
        taken: vec![false; g],
        steps: SEARCH_STEPS,
        best_cost,
        best: None,
    };
    search.visit(0, 0, 0);
    let exhaustive = search.steps > 0;
    (search.best.take().unwrap_or(best), search.best_cost, exhaustive)
}

struct Search {
    g: usize,
    moves: usize,
    /// `a·g + b` → how many rounds so far (this one included) `a` sent to `b`.
    uses: Vec<usize>,
    current: Vec<Visits>,
    /// Receivers taken in the current round.
    taken: Vec<bool>,
    steps: u32,
    best_cost: usize,
    best: Option<Vec<Visits>>,
}

impl Search {
    fn visit(&mut self, k: usize, a: usize, cost: usize) {
        if cost >= self.best_cost || self.steps == 0 {
            return;
        }
        if k == self.moves {
            self.best_cost = cost;
            self.best = Some(self.current.clone());
            return;
        }
        if a == self.g {
            self.taken.iter_mut().for_each(|t| *t = false);
            self.visit(k + 1, 0, cost);
            // Restore the receivers of round k for the caller's loop.
            for b in self.current.get(k).into_iter().flatten() {
                if let Some(t) = self.taken.get_mut(*b) {
                    *t = true;
                }
            }
            return;
        }
        let g = self.g;
        // Exchanges first: sending back to whoever sends to us this round.
        let cur = self.current.get(k);
        let mut order: Vec<usize> = Vec::with_capacity(g);
        for back in [true, false] {
            for b in 0..g {
                if b != a && (cur.and_then(|c| c.get(b)) == Some(&a)) == back {
                    order.push(b);
                }
            }
        }
        for b in order {
            if self.steps == 0 {
                return;
            }
            self.steps -= 1;
            if self.taken.get(b).copied().unwrap_or(true) {
                continue;
            }
            let same_round_back = self.current.get(k).and_then(|c| c.get(b)) == Some(&a);
            let back = self.uses.get(b * g + a).copied().unwrap_or(0) - usize::from(same_round_back);
            let again = if self.uses.get(a * g + b).is_some_and(|&u| u > 0) {
                REPEATED
            } else {
                0
            };
            if let Some(t) = self.taken.get_mut(b) {
                *t = true;
            }
            if let Some(x) = self.current.get_mut(k).and_then(|c| c.get_mut(a)) {
                *x = b;
            }
            if let Some(u) = self.uses.get_mut(a * g + b) {
                *u += 1;
            }
            self.visit(k, a + 1, cost + again + back);
            if let Some(u) = self.uses.get_mut(a * g + b) {
                *u -= 1;
            }
            if let Some(x) = self.current.get_mut(k).and_then(|c| c.get_mut(a)) {
                *x = usize::MAX;
            }
            if let Some(t) = self.taken.get_mut(b) {
                *t = false;
            }
        }
    }
}

/// The ambassador of group `h` in ambassador round `k` (from 0): its
/// members in turn.
fn ambassador(home: &[Vec<usize>], h: usize, k: usize) -> Option<usize> {
    let group = home.get(h)?;
    group.get(k % group.len().max(1)).copied()
}

/// Calls `f(round, table, people)` for every table of every round.
fn for_each_table(home: &[Vec<usize>], visits: &[Visits], f: &mut dyn FnMut(usize, usize, &[usize])) {
    for (t, group) in home.iter().enumerate() {
        f(0, t, group);
    }
    let g = home.len();
    let mut table = Vec::new();
    for (k, to) in visits.iter().enumerate() {
        let mut from = vec![usize::MAX; g];
        for (a, &b) in to.iter().enumerate() {
            if let Some(x) = from.get_mut(b) {
                *x = a;
            }
        }
        for (h, group) in home.iter().enumerate() {
            table.clear();
            let sender = from.get(h).copied().unwrap_or(usize::MAX);
            if g < 2 || sender == usize::MAX {
                table.extend_from_slice(group);
            } else {
                let away = ambassador(home, h, k);
                for &p in group {
                    if Some(p) != away {
                        table.push(p);
                    }
                }
                table.extend(ambassador(home, sender, k));
            }
            f(k + 1, h, &table);
        }
    }
}

/// The score of a plan (its pair counts are left as they were; `met` is
/// scratch space for the pairs counted).
fn score(
    home: &[Vec<usize>],
    visits: &[Visits],
    counts: &mut PairCounts,
    scorer: &Scorer,
    met: &mut Vec<(usize, usize)>,
) -> (Cost, u64) {
    let mut cost = Cost::default();
    met.clear();
    for_each_table(home, visits, &mut |_, _, table| {
        for (i, &a) in table.iter().enumerate() {
            for &b in table.iter().skip(i + 1) {
                cost += scorer.gain(counts, a, b);
                counts.add(a, b, 1);
                met.push((a, b));
            }
        }
    });
    for &(a, b) in met.iter() {
        counts.add(a, b, -1);
    }
    (cost, 2 * met.len() as u64)
}

/// Improves the home groups (who is in which group, and in which order they
/// go) within the budget, then gives the rounds and the trips (people as
/// seated indices).
pub(crate) fn plan(
    mut home: Vec<Vec<usize>>,
    visits: &[Visits],
    n: usize,
    scorer: &Scorer,
    budget: u64,
    target: Cost,
    rng: &mut Rng,
) -> (Vec<Vec<Vec<usize>>>, Vec<AmbassadorTrip>) {
    let mut counts = PairCounts::new(n);
    let mut met = Vec::new();
    let (mut cost, mut work) = score(&home, visits, &mut counts, scorer, &mut met);
    let g = home.len();
    let mut places: Vec<(usize, usize)> = Vec::new();
    for (h, group) in home.iter().enumerate() {
        for i in 0..group.len() {
            places.push((h, i));
        }
    }
    while work < budget && !reached(cost, target) && places.len() >= 2 {
        let a = places.get(rng.below(places.len())).copied().unwrap_or((0, 0));
        let b = places.get(rng.below(places.len())).copied().unwrap_or((0, 0));
        if a == b || (g < 2 && a.0 != b.0) {
            work += 1;
            continue;
        }
        swap_places(&mut home, a, b);
        let (c, w) = score(&home, visits, &mut counts, scorer, &mut met);
        work += w;
        if c <= cost {
            cost = c;
        } else {
            swap_places(&mut home, a, b);
        }
    }
    let mut rounds = vec![vec![Vec::new(); g]; visits.len() + 1];
    for_each_table(&home, visits, &mut |r, t, table| {
        if let Some(slot) = rounds.get_mut(r).and_then(|round| round.get_mut(t)) {
            *slot = table.to_vec();
        }
    });
    let mut trips = Vec::new();
    if g >= 2 {
        for (k, to) in visits.iter().enumerate() {
            for (from, &dest) in to.iter().enumerate() {
                if let Some(person) = ambassador(&home, from, k) {
                    trips.push(AmbassadorTrip {
                        round: k + 1,
                        person,
                        from,
                        to: dest,
                    });
                }
            }
        }
    }
    (rounds, trips)
}

fn swap_places(home: &mut [Vec<usize>], a: (usize, usize), b: (usize, usize)) {
    let pa = home.get(a.0).and_then(|g| g.get(a.1)).copied();
    let pb = home.get(b.0).and_then(|g| g.get(b.1)).copied();
    if let (Some(pa), Some(pb)) = (pa, pb) {
        if let Some(x) = home.get_mut(a.0).and_then(|g| g.get_mut(a.1)) {
            *x = pb;
        }
        if let Some(x) = home.get_mut(b.0).and_then(|g| g.get_mut(b.1)) {
            *x = pa;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planner::bound::reciprocal_bound;

    #[test]
    fn schedules_reach_the_bound() {
        for g in 2..=9 {
            for moves in 1..g + 2 {
                let (visits, shortfall) = schedule(g, moves);
                assert_eq!(shortfall.same_sender, moves >= g);
                for to in &visits {
                    let mut seen = vec![false; g];
                    for (a, &b) in to.iter().enumerate() {
                        assert_ne!(a, b);
                        assert!(!seen[b], "{g} groups: {b} receives twice");
                        seen[b] = true;
                    }
                }
                let cost = faults(&visits, g);
                let (repeated, reciprocal) = (cost / REPEATED, cost % REPEATED);
                assert_eq!(repeated, g * moves.saturating_sub(g - 1), "{g} groups, {moves} moves");
                if moves < g {
                    assert!(reciprocal as u64 >= reciprocal_bound(g, moves, 9));
                }
                // The optimum, from an exhaustive search of all schedules.
                let optimum = match (g, moves) {
                    (2, 2) => 2,
                    (2, 3) => 6,
                    (3, 2) => 3,
                    (3, 3) => 6,
                    (5, 3) => 3,
                    (5, 4) => 6,
                    _ if closed_form_is_best(g, moves) => 0,
                    _ => reciprocal,
                };
                assert_eq!(reciprocal, optimum, "{g} groups, {moves} moves");
                if let Some(known) = fewest_reciprocal(g, moves) {
                    assert_eq!(known, optimum as u64, "{g} groups, {moves} moves");
                }
            }
        }
        assert_eq!(fewest_reciprocal(2, 3), Some(6));
        assert_eq!(fewest_reciprocal(3, 3), Some(6));
    }
}
