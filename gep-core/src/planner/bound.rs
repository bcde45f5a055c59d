//! What a plan is worth: its measures (repeated meetings, the most meetings
//! of any pair, organisation clashes) and a lower bound on the repeats that
//! no plan with the same tables can beat.
//!
//! The bounds, for `n` people at tables of sizes `s_t` over `R` rounds (the
//! full reasoning is in `docs/planner.md`):
//!
//! - **pairs**: the plan makes `T = R·Σ C(s_t, 2)` meetings, and there are
//!   only `C(n, 2)` pairs, so at least `T − C(n, 2)` meetings are repeats;
//! - **tables**: in each round after the first, a table of `s` people drawn
//!   from the `G` tables of the first round holds at least `Σ C(q_i, 2)`
//!   pairs that already met, the `q_i` spread as evenly as the tables allow;
//! - **world café**: hosts never meet one another; a non-host meets one host
//!   a round, so past `G` rounds they meet a host again; the two bounds
//!   above apply to the non-hosts alone, and the sum holds;
//! - **ambassadors**: after the first round, each group keeps `s − 1` of its
//!   members together, whose `C(s − 1, 2)` pairs meet again every round;
//!   and when a group `g` sends to `h` in one round and `h` to `g` in
//!   another, the second ambassador meets the first one again (a pigeonhole
//!   on the directed pairs of groups counts how often that must happen).
//!
//! The largest bound that applies is the plan's `lower_bound`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::request::{Method, NO_ORG};
use super::search::Scorer;

/// The measures of a plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measures {
    /// Repeated meetings: a pair that meets `k` times counts `k − 1`.
    pub repeats: u64,
    /// The most times any pair meets (0 when nobody shares a table).
    pub max_meetings: u32,
    /// Colleagues of one organisation at one table, counted per pair and
    /// per round.
    pub org_clashes: u64,
    /// Pairs to keep apart who share a table, per round (0 in any plan the
    /// planner returns).
    pub apart_violations: u64,
    /// Pairs who meet at least once.
    pub distinct_pairs: u64,
    /// No plan with these tables, method and rounds has fewer repeats.
    pub lower_bound: u64,
}

fn pairs(k: usize) -> u64 {
    let k = k as u64;
    k * k.saturating_sub(1) / 2
}

/// The fewest pairs of one group when `s` people are drawn from groups of
/// these capacities: spread evenly (each newcomer joins the emptiest group,
/// which is optimal since the cost of a group is convex).
#[cfg(test)]
pub(crate) fn spread_pairs(s: usize, caps: &[usize]) -> u64 {
    spread(s, &room_by_level(caps))
}

/// For each `v` from 0, how many of the groups of these capacities have room
/// for a member beyond `v` (a capacity above `v`).
pub(crate) fn room_by_level(caps: &[usize]) -> Vec<usize> {
    let mut room = vec![0usize; caps.iter().copied().max().unwrap_or(0)];
    for &c in caps {
        if let Some(k) = c.checked_sub(1).and_then(|v| room.get_mut(v)) {
            *k += 1;
        }
    }
    let mut above = 0;
    for k in room.iter_mut().rev() {
        above += *k;
        *k = above;
    }
    room
}

/// [`spread_pairs`] from [`room_by_level`]: the newcomer who finds `v`
/// people in their group meets `v` of them; filling the groups evenly takes
/// every place at level 0 first, then at level 1, and so on.
pub(crate) fn spread(s: usize, room: &[usize]) -> u64 {
    let mut left = s;
    let mut cost = 0u64;
    for (v, &k) in room.iter().enumerate() {
        let take = k.min(left);
        if take == 0 {
            break;
        }
        cost += (v * take) as u64;
        left -= take;
    }
    cost
}

/// The larger of the pairs bound (meetings beyond the number of pairs) and
/// the tables bound (each table of each later round against the first).
fn rotation_bound(sizes: &[usize], rounds: usize) -> u64 {
    let room = room_by_level(sizes);
    let (mut n, mut meetings, mut per_round) = (0usize, 0u64, 0u64);
    for &s in sizes {
        n += s;
        meetings += pairs(s);
        per_round += spread(s, &room);
    }
    let by_pairs = (meetings * rounds as u64).saturating_sub(pairs(n));
    let by_tables = per_round * rounds.saturating_sub(1) as u64;
    by_pairs.max(by_tables)
}

/// The lower bound on repeats for these table sizes (the same each round,
/// in any order), method and rounds.
pub(crate) fn lower_bound(method: Method, sizes: &[usize], rounds: usize) -> u64 {
    let g = sizes.len();
    if rounds <= 1 || g == 0 {
        return 0;
    }
    let (mut n, mut s_min, mut stayers) = (0usize, usize::MAX, 0u64);
    let mut rest = Vec::with_capacity(g);
    for &s in sizes {
        n += s;
        s_min = s_min.min(s);
        stayers += pairs(s.saturating_sub(1));
        rest.push(s.saturating_sub(1));
    }
    let rotation = rotation_bound(sizes, rounds);
    let later = rounds as u64 - 1;
    match method {
        Method::Rotation => rotation,
        Method::WorldCafe => {
            let guests = n.saturating_sub(g) as u64;
            let by_guest = guests * (rounds as u64).saturating_sub(g as u64);
            let by_host = g as u64 * (rounds as u64 * s_min.saturating_sub(1) as u64).saturating_sub(guests);
            rotation.max(by_guest.max(by_host) + rotation_bound(&rest, rounds))
        }
        Method::Ambassadors if g == 1 => rotation,
        Method::Ambassadors => {
            let moves = rounds - 1;
            let mut reciprocal = reciprocal_bound(g, moves, s_min);
            if moves <= s_min {
                // A search that tried every schedule knows better.
                reciprocal = reciprocal.max(super::ambassadors::fewest_reciprocal(g, moves).unwrap_or(0));
            }
            rotation.max(later * stayers + reciprocal)
        }
    }
}

/// The fewest reciprocal visits with `g` groups over `moves` ambassador
/// rounds, when the method's rules bind (no group receives twice from the
/// same group, no member goes twice): each round uses `g` directed pairs of
/// groups, there are `C(g, 2)` unordered pairs, and a pair used both ways is
/// free only within one round (an exchange), at most `⌊g/2⌋` a round for an
/// even `g` and `(g − 3)/2` for an odd one.
pub(crate) fn reciprocal_bound(g: usize, moves: usize, s_min: usize) -> u64 {
    if g < 2 || moves == 0 || moves > g - 1 || moves > s_min {
        return 0;
    }
    let directed = (g * moves) as u64;
    let swaps = if g.is_multiple_of(2) {
        g / 2
    } else {
        g.saturating_sub(3) / 2
    } as u64;
    directed.saturating_sub(pairs(g) + swaps * moves as u64)
}

/// Pair counts of a plan, in a square table (the limit on people keeps it
/// within a megabyte).
pub(crate) struct PairCounts {
    n: usize,
    counts: Vec<u8>,
}

impl PairCounts {
    pub(crate) fn new(n: usize) -> Self {
        PairCounts {
            n,
            counts: vec![0; n * n],
        }
    }

    pub(crate) fn get(&self, a: usize, b: usize) -> u8 {
        self.counts.get(a * self.n + b).copied().unwrap_or(0)
    }

    pub(crate) fn add(&mut self, a: usize, b: usize, delta: i8) {
        for i in [a * self.n + b, b * self.n + a] {
            if let Some(c) = self.counts.get_mut(i) {
                *c = c.saturating_add_signed(delta);
            }
        }
    }
}

/// Measures rounds of seated people (round → table → seated index).
pub(crate) fn measure(n: usize, rounds: &[Vec<Vec<usize>>], org: &[u32], scorer: &Scorer, lower: u64) -> Measures {
    let mut counts = PairCounts::new(n);
    let mut m = Measures {
        lower_bound: lower,
        ..Measures::default()
    };
    for round in rounds {
        for table in round {
            for (i, &a) in table.iter().enumerate() {
                for &b in table.iter().skip(i + 1) {
                    let k = counts.get(a, b);
                    if k == 0 {
                        m.distinct_pairs += 1;
                    } else {
                        m.repeats += 1;
                    }
                    m.max_meetings = m.max_meetings.max(u32::from(k) + 1);
                    counts.add(a, b, 1);
                    let oa = org.get(a).copied().unwrap_or(NO_ORG);
                    if oa != NO_ORG && org.get(b) == Some(&oa) {
                        m.org_clashes += 1;
                    }
                    if scorer.apart(a, b) {
                        m.apart_violations += 1;
                    }
                }
            }
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bounds_of_the_issue() {
        // 30 people at 5 tables of 6 repeat after round 1; at 6 of 5 they need not.
        assert_eq!(lower_bound(Method::Rotation, &[6; 5], 2), 5);
        assert_eq!(lower_bound(Method::Rotation, &[5; 6], 3), 0);
        // 25 people at 5 tables of 5: an affine plane gives 6 rounds, not 7.
        assert_eq!(lower_bound(Method::Rotation, &[5; 5], 6), 0);
        assert_eq!(lower_bound(Method::Rotation, &[5; 5], 7), 50);
        // One table: everyone meets again each round.
        assert_eq!(lower_bound(Method::Rotation, &[4], 3), 12);
        // Ambassadors: 4 stayers of 5 meet again each round.
        assert_eq!(lower_bound(Method::Ambassadors, &[5; 6], 3), 2 * 6 * 6);
        // Three groups over two ambassador rounds: every pair is used both ways.
        assert_eq!(reciprocal_bound(3, 2, 5), 3);
        assert_eq!(reciprocal_bound(5, 3, 5), 2);
        assert_eq!(reciprocal_bound(6, 5, 5), 0);
    }

    #[test]
    fn spreading() {
        assert_eq!(spread_pairs(6, &[6; 5]), 1);
        assert_eq!(spread_pairs(5, &[5; 2]), 4);
        assert_eq!(spread_pairs(7, &[6, 6, 7]), 5);
    }
}
