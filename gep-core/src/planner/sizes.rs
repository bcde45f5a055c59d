//! How many tables, and of what sizes (DE03): tables of 5 to 6 whenever the
//! attendance allows it (5–6, 10–12, 15–18, 20 and more); where several
//! table counts allow it, the one that mixes best; otherwise the nearest
//! sizes (4 or 7) with a warning; fewer than 5 people make one group, with a
//! warning.

use std::fmt::Write as _;

use super::bound::lower_bound;
use super::construct::zero_repeat_rounds;
use super::request::Method;
use crate::code::Code;
use crate::violation::{Path, Violation};

/// `g` tables for `n` people, as even as can be: the larger first.
pub(crate) fn balanced(n: usize, g: usize) -> Vec<usize> {
    let g = g.max(1);
    let mut sizes = Vec::with_capacity(g);
    for t in 0..g {
        sizes.push(n / g + usize::from(t < n % g));
    }
    sizes
}

fn listed(sizes: &[usize]) -> String {
    let mut list = String::new();
    for (i, s) in sizes.iter().enumerate() {
        if i > 0 {
            list.push_str(", ");
        }
        let _ = write!(list, "{s}");
    }
    list
}

/// The table sizes for `n` people (at least one) and the DE03 warnings.
///
/// Among the table counts whose sizes stay within 4 to 7, the fewest tables
/// outside 5–6 come first; then the lowest bound on repeats for these rounds
/// and this method; then the most rounds that the construction seats
/// without a repeat; then the most tables. So 30 people sit at 6 tables of
/// 5 (no repeat is forced) rather than 5 of 6 (5 repeats a round after the
/// first).
pub(crate) fn choose(n: usize, rounds: usize, method: Method) -> (Vec<usize>, Vec<Violation>) {
    if n < 5 {
        let warning = Violation::warning(
            Code::DE03,
            Path::root().key("attendees"),
            format!("moins de 5 personnes : un seul groupe de {n}"),
            format!("fewer than 5 people: one group of {n}"),
        )
        .with("people", n)
        .with("sizes", n);
        return (vec![n], vec![warning]);
    }
    // The table counts whose sizes stay within 4 to 7, with how many of
    // their tables fall outside 5–6.
    let mut candidates: Vec<(usize, u64)> = Vec::new();
    for g in 1..=n / 4 {
        let s = balanced(n, g);
        if s.iter().all(|x| (4..=7).contains(x)) {
            candidates.push((g, s.iter().filter(|x| !(5..=6).contains(*x)).count() as u64));
        }
    }
    let fewest = candidates.iter().map(|&(_, outside)| outside).min().unwrap_or(0);
    // Then the lowest bound.
    let mut bounds: Vec<(usize, u64)> = Vec::new();
    for &(g, outside) in &candidates {
        if outside == fewest {
            bounds.push((g, lower_bound(method, &balanced(n, g), rounds)));
        }
    }
    let least = bounds.iter().map(|&(_, lb)| lb).min().unwrap_or(0);
    // Then the most rounds without a repeat, then the most tables.
    let mut best: Option<(usize, usize)> = None;
    for &(g, lb) in &bounds {
        if lb == least {
            let zero = zero_repeat_rounds(n, g, rounds, method);
            if best.is_none_or(|(z, _)| zero >= z) {
                best = Some((zero, g));
            }
        }
    }
    let sizes = best.map_or_else(|| vec![n], |(_, g)| balanced(n, g));
    let mut warnings = Vec::new();
    if fewest > 0 {
        let list = listed(&sizes);
        warnings.push(
            Violation::warning(
                Code::DE03,
                Path::root().key("attendees"),
                format!("avec {n} personnes, des tables de 5 à 6 sont impossibles : tables de {list}"),
                format!("with {n} people, tables of 5 to 6 are impossible: tables of {list}"),
            )
            .with("people", n)
            .with("sizes", list),
        );
    }
    (sizes, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_follow_de03() {
        let sizes = |n| choose(n, 3, Method::Rotation).0;
        assert_eq!(sizes(30), vec![5; 6]);
        assert_eq!(sizes(37), vec![6, 6, 5, 5, 5, 5, 5]);
        assert_eq!(sizes(12), vec![6, 6]);
        assert_eq!(sizes(7), vec![7]);
        assert_eq!(sizes(8), vec![4, 4]);
        assert_eq!(sizes(13), vec![7, 6]);
        assert_eq!(sizes(14), vec![5, 5, 4]);
        assert_eq!(sizes(3), vec![3]);
        for n in (5..=6).chain(10..=12).chain(15..=18).chain(20..=300) {
            let (s, w) = choose(n, 4, Method::WorldCafe);
            assert!(s.iter().all(|x| (5..=6).contains(x)), "{n}: {s:?}");
            assert!(w.is_empty());
            assert_eq!(s.iter().sum::<usize>(), n);
        }
        for n in [1, 2, 3, 4, 7, 8, 9, 13, 14, 19] {
            let (s, w) = choose(n, 2, Method::Ambassadors);
            assert_eq!(w.len(), 1, "{n}");
            assert_eq!(s.iter().sum::<usize>(), n);
        }
    }
}
