//! The starting plan: an algebraic construction that seats people so that
//! no two meet twice for as many rounds as the arithmetic allows.
//!
//! People stand in `h` rows of `g` (the last row may be short); in a round
//! with multiplier `m`, person `(i, j)` (row `i`, column `j`) sits at table
//! `(j + m·i) mod g`. Each table then gets one person from each row, so the
//! table sizes are balanced, and two rounds with multipliers `m`, `m'` seat
//! two people together twice only if `(m − m')·(i − i') ≡ 0 (mod g)`. With
//! `g` prime and at least `h`, any `g` multipliers give `g` rounds without a
//! repeat (an affine plane when `h = g`, which gives one more round: the rows
//! themselves). People of one row never meet in these rounds, so colleagues
//! and pairs to keep apart are put in the same row, and row 0, whose members
//! never move, gives the world café its hosts.

use super::request::{Method, Problem};
use super::rng::Rng;

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// Whether two rounds whose multipliers differ by `d` never seat two people
/// together twice: the smallest row gap `Δ` with `d·Δ ≡ 0 (mod g)` is
/// `g / gcd(d, g)`, which must be at least the number of rows.
fn compatible(d: usize, g: usize, rows: usize) -> bool {
    let d = d % g.max(1);
    d != 0 && g / gcd(d, g) >= rows
}

/// The largest set of multipliers (up to `want`) that are pairwise
/// compatible, starting with 0: a clique in a circulant graph, found by a
/// depth-first search with a bounded number of steps.
pub(crate) fn multipliers(g: usize, rows: usize, want: usize) -> Vec<usize> {
    if want == 0 || g == 0 {
        return Vec::new();
    }
    let mut best = vec![0];
    let mut current = vec![0];
    let mut steps = 20_000u32;
    extend(g, rows, want, 1, &mut current, &mut best, &mut steps);
    best
}

fn extend(
    g: usize,
    rows: usize,
    want: usize,
    start: usize,
    current: &mut Vec<usize>,
    best: &mut Vec<usize>,
    steps: &mut u32,
) -> bool {
    if current.len() > best.len() {
        best.clone_from(current);
    }
    if best.len() >= want {
        return true;
    }
    for c in start..g {
        if *steps == 0 || current.len() + (g - c) <= best.len() {
            return false;
        }
        *steps -= 1;
        if current.iter().all(|&m| compatible(c + g - m, g, rows)) {
            current.push(c);
            if extend(g, rows, want, c + 1, current, best, steps) {
                return true;
            }
            current.pop();
        }
    }
    false
}

/// The number of rows for `n` people at `g` tables.
fn row_count(n: usize, g: usize) -> usize {
    n.div_ceil(g.max(1))
}

/// Whether the rows themselves make one more round without repeats (rotation
/// only: `n = g²`).
fn rows_round(n: usize, g: usize, method: Method) -> bool {
    method == Method::Rotation && g >= 2 && n == g * g
}

/// How many of the first `rounds` rounds the construction seats without a
/// repeat (every round, for the ambassadors, whose repeats are structural).
pub(crate) fn zero_repeat_rounds(n: usize, g: usize, rounds: usize, method: Method) -> usize {
    if method == Method::Ambassadors {
        return rounds;
    }
    let made = multipliers(g, row_count(n, g), rounds).len() + usize::from(rows_round(n, g, method));
    made.min(rounds)
}

/// Splits people into rows of `g` (the last one short), putting colleagues
/// and pairs to keep apart in the same row where they fit.
pub(crate) fn arrange_rows(problem: &Problem, g: usize, rng: &mut Rng) -> Vec<Vec<usize>> {
    let n = problem.n();
    let g = g.max(1);
    let mut root: Vec<usize> = (0..n).collect();
    let find = |root: &mut Vec<usize>, mut x: usize| {
        while let Some(&up) = root.get(x) {
            if up == x {
                break;
            }
            let grand = root.get(up).copied().unwrap_or(up);
            if let Some(slot) = root.get_mut(x) {
                *slot = grand;
            }
            x = grand;
        }
        x
    };
    let union = |root: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (find(root, a), find(root, b));
        if let Some(slot) = root.get_mut(ra.max(rb)) {
            *slot = ra.min(rb);
        }
    };
    for &(a, b, _) in &problem.apart {
        union(&mut root, a, b);
    }
    // Organisations are numbered from 0 in order of appearance; NO_ORG is
    // past the end.
    let mut first_of_org = vec![usize::MAX; n];
    for (p, &o) in problem.org.iter().enumerate() {
        if let Some(first) = first_of_org.get_mut(o as usize) {
            if *first == usize::MAX {
                *first = p;
            }
            union(&mut root, *first, p);
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut order);
    // Root → its cluster, numbered in order of appearance.
    let mut cluster_of = vec![usize::MAX; n];
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for &p in &order {
        let r = find(&mut root, p);
        if let Some(k) = cluster_of.get_mut(r) {
            if *k == usize::MAX {
                *k = clusters.len();
                clusters.push(Vec::new());
            }
            if let Some(c) = clusters.get_mut(*k) {
                c.push(p);
            }
        }
    }
    let mut caps = vec![g; n / g];
    if !n.is_multiple_of(g) {
        caps.push(n % g);
    }
    let mut rows: Vec<Vec<usize>> = Vec::with_capacity(caps.len());
    for &c in &caps {
        rows.push(Vec::with_capacity(c));
    }
    let room = |rows: &Vec<Vec<usize>>, r: usize| {
        caps.get(r)
            .copied()
            .unwrap_or(0)
            .saturating_sub(rows.get(r).map_or(0, Vec::len))
    };
    // The largest clusters first, those of one size in order of appearance.
    let mut largest = 0;
    for c in &clusters {
        largest = largest.max(c.len());
    }
    for len in (1..=largest).rev() {
        for cluster in &clusters {
            if cluster.len() != len {
                continue;
            }
            // Best fit: the row with the least room that takes the whole cluster.
            let mut fit = None;
            let mut least = 0;
            for r in 0..rows.len() {
                let k = room(&rows, r);
                if k >= cluster.len() && (fit.is_none() || k < least) {
                    (fit, least) = (Some(r), k);
                }
            }
            if let Some(row) = fit.and_then(|r| rows.get_mut(r)) {
                row.extend_from_slice(cluster);
                continue;
            }
            // Too big for any row: spread it over the roomiest rows.
            let mut rest = cluster.as_slice();
            while !rest.is_empty() {
                // The first of the roomiest.
                let mut roomiest = None;
                let mut most = 0;
                for r in 0..rows.len() {
                    let k = room(&rows, r);
                    if roomiest.is_none() || k > most {
                        (roomiest, most) = (Some(r), k);
                    }
                }
                let Some(r) = roomiest else {
                    break;
                };
                let take = most.min(rest.len());
                if take == 0 {
                    break;
                }
                let (now, later) = rest.split_at(take);
                if let Some(row) = rows.get_mut(r) {
                    row.extend_from_slice(now);
                }
                rest = later;
            }
        }
    }
    rows
}

/// How many pairs two rounds whose multipliers differ by `d` seat together
/// again (in row pairs).
fn clashes(d: usize, g: usize, rows: usize) -> usize {
    let mut pairs = 0;
    for gap in 1..rows {
        if (d * gap).is_multiple_of(g) {
            pairs += rows - gap;
        }
    }
    pairs
}

/// The starting seats: the table of each person, round after round
/// (`r·n + p` → table).
pub(crate) fn seat_rounds(
    rows: &[Vec<usize>],
    n: usize,
    g: usize,
    rounds: usize,
    method: Method,
    rng: &mut Rng,
) -> Vec<usize> {
    let g = g.max(1);
    let h = rows.len();
    let mut used = multipliers(g, h, rounds);
    let with_rows = rows_round(n, g, method) && used.len() < rounds;
    let mut seats = vec![0; rounds * n];
    for r in 0..rounds {
        let by_rows = with_rows && r == used.len();
        let m = match used.get(r) {
            Some(&m) => m,
            None if by_rows => 0,
            None => {
                // Past the construction: the multiplier that clashes least.
                let mut pick = 0;
                let mut best = usize::MAX;
                let mut ties = 0;
                for m in 0..g {
                    let mut c = 0;
                    for &u in &used {
                        c += clashes(m + g - u, g, h);
                    }
                    if c < best {
                        (pick, best, ties) = (m, c, 1);
                    } else if c == best {
                        ties += 1;
                        if rng.below(ties) == 0 {
                            pick = m;
                        }
                    }
                }
                used.push(pick);
                pick
            }
        };
        for (i, row) in rows.iter().enumerate() {
            for (j, &p) in row.iter().enumerate() {
                if let Some(s) = seats.get_mut(r * n + p).filter(|_| p < n) {
                    *s = if by_rows { i } else { (j + m * i) % g };
                }
            }
        }
    }
    seats
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multipliers_for_the_cases_of_the_issue() {
        assert_eq!(multipliers(5, 5, 6), vec![0, 1, 2, 3, 4]);
        assert_eq!(zero_repeat_rounds(25, 5, 6, Method::Rotation), 6);
        assert_eq!(zero_repeat_rounds(25, 5, 6, Method::WorldCafe), 5);
        assert_eq!(multipliers(6, 5, 3).len(), 2);
        assert_eq!(multipliers(24, 5, 4).len(), 4);
        assert_eq!(multipliers(11, 6, 4).len(), 4);
        assert_eq!(multipliers(1, 5, 3), vec![0]);
    }
}
