//! [`PersonMap`]: what a GEP knows of each person, by person id.
//!
//! The maps are sorted vectors ([`litemap`]): a look-up is a binary search,
//! an insertion in id order a push, any other insertion a move of the
//! entries after it, and each value type costs a few hundred bytes of code,
//! where an ordered tree costs several KB (the WebAssembly module's size).
//! A GEP's maps hold at most a few thousand people (the
//! [limits](crate::limits)).

use std::fmt;
use std::iter::FusedIterator;

use litemap::{Entry, LiteMap};

use crate::ids::PersonId;

/// A map from person ids to `V`, read-only, iterated in the order of the
/// ids (as a `BTreeMap<PersonId, V>` would be): the team's and the
/// attendees' roles, the responses to a report.
///
/// ```
/// use gep_core::model::Role;
/// use gep_core::{PersonMap, sample};
///
/// let gep = sample::proposed_gep()?;
/// let team: &PersonMap<Role> = gep.team();
/// assert_eq!(team.len(), 3);
/// assert_eq!(team.get(&sample::FACILITATOR), Some(&Role::Facilitator));
/// assert!(team.contains_key(&sample::GUEST));
/// assert!(!team.contains_key(&sample::COORDINATOR));
///
/// // In the order of the ids.
/// let ids: Vec<_> = team.keys().copied().collect();
/// assert_eq!(ids, [sample::ORGANISER, sample::FACILITATOR, sample::GUEST]);
/// for (id, role) in team {
///     assert_eq!(team.get(id), Some(role));
/// }
/// assert_eq!(team.values().filter(|r| **r == Role::Facilitator).count(), 2);
/// # Ok::<(), gep_core::Violations>(())
/// ```
///
/// Collecting pairs sorts them once; of pairs with the same id, the last
/// one is kept.
#[derive(Clone, PartialEq, Eq)]
pub struct PersonMap<V> {
    map: LiteMap<PersonId, V>,
}

impl<V> PersonMap<V> {
    /// An empty map.
    pub(crate) const fn new() -> Self {
        PersonMap {
            map: LiteMap::from_sorted_store_unchecked(Vec::new()),
        }
    }

    /// The value of a person.
    pub fn get(&self, id: &PersonId) -> Option<&V> {
        self.map.get(id)
    }

    /// Whether the map has this person.
    pub fn contains_key(&self, id: &PersonId) -> bool {
        self.map.contains_key(id)
    }

    /// How many people the map has.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The ids and their values, in the order of the ids.
    pub fn iter(&self) -> Iter<'_, V> {
        Iter {
            inner: self.map.as_slice().iter(),
        }
    }

    /// The ids, in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &PersonId> + ExactSizeIterator + FusedIterator + Clone {
        self.iter().map(|(id, _)| id)
    }

    /// The values, in the order of their ids.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator + FusedIterator + Clone {
        self.iter().map(|(_, value)| value)
    }

    /// Sets the value of a person, returning the value it replaces. Ids
    /// arriving in order are appended.
    pub(crate) fn insert(&mut self, id: PersonId, value: V) -> Option<V> {
        match self.map.try_append(id, value) {
            None => None,
            Some((id, value)) => self.map.insert(id, value),
        }
    }

    /// Sets the value of a person who has none yet; returns whether it did.
    /// Ids arriving in order are appended.
    pub(crate) fn insert_new(&mut self, id: PersonId, value: impl FnOnce() -> V) -> bool {
        match self.map.last() {
            Some((last, _)) if *last >= id => match self.map.entry(id) {
                Entry::Vacant(entry) => {
                    entry.insert(value());
                    true
                }
                Entry::Occupied(_) => false,
            },
            // After the last id: appending cannot fail.
            _ => self.map.try_append(id, value()).is_none(),
        }
    }

    /// Removes a person, returning their value.
    pub(crate) fn remove(&mut self, id: &PersonId) -> Option<V> {
        self.map.remove(id)
    }
}

impl<V> Default for PersonMap<V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<V: fmt::Debug> fmt::Debug for PersonMap<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<V> FromIterator<(PersonId, V)> for PersonMap<V> {
    /// Sorts once, unless the ids come in order; of pairs with the same id,
    /// the last one is kept.
    fn from_iter<I: IntoIterator<Item = (PersonId, V)>>(iter: I) -> Self {
        let mut pairs: Vec<(PersonId, V)> = iter.into_iter().collect();
        if !pairs.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0)) {
            pairs = sorted(pairs);
        }
        PersonMap {
            map: LiteMap::from_sorted_store_unchecked(pairs),
        }
    }
}

/// Sorts pairs by id with the crate's shared sort ([`crate::order`]),
/// keeping the last of those with the same id.
fn sorted<V>(mut pairs: Vec<(PersonId, V)>) -> Vec<(PersonId, V)> {
    crate::order::sort_by_key(&mut pairs, |(id, _)| id.as_uuid().as_u128());
    // Equal ids keep their order: the later one takes the earlier's place.
    pairs.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            std::mem::swap(later, kept);
        }
        same
    });
    pairs
}

impl<'a, V> IntoIterator for &'a PersonMap<V> {
    type Item = (&'a PersonId, &'a V);
    type IntoIter = Iter<'a, V>;

    fn into_iter(self) -> Iter<'a, V> {
        self.iter()
    }
}

/// The ids and values of a [`PersonMap`], in the order of the ids.
#[derive(Debug)]
pub struct Iter<'a, V> {
    inner: std::slice::Iter<'a, (PersonId, V)>,
}

impl<V> Clone for Iter<'_, V> {
    fn clone(&self) -> Self {
        Iter {
            inner: self.inner.clone(),
        }
    }
}

impl<'a, V> Iterator for Iter<'a, V> {
    type Item = (&'a PersonId, &'a V);

    fn next(&mut self) -> Option<Self::Item> {
        self.inner.next().map(|(id, value)| (id, value))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<V> DoubleEndedIterator for Iter<'_, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner.next_back().map(|(id, value)| (id, value))
    }
}

impl<V> ExactSizeIterator for Iter<'_, V> {}

impl<V> FusedIterator for Iter<'_, V> {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn id(n: u128) -> PersonId {
        PersonId::from_u128(n)
    }

    /// The same operations on a `PersonMap` and a `BTreeMap`.
    #[test]
    fn behaves_as_an_ordered_map() {
        let mut map = PersonMap::new();
        let mut tree = BTreeMap::new();
        // A pseudo-random walk over 0..50, with repeats.
        let mut n: u128 = 7;
        for step in 0..400u32 {
            n = (n * 31 + 11) % 50;
            match step % 5 {
                0 | 1 => assert_eq!(map.insert(id(n), step), tree.insert(id(n), step)),
                2 => {
                    let fresh = !tree.contains_key(&id(n));
                    tree.entry(id(n)).or_insert(step);
                    assert_eq!(map.insert_new(id(n), || step), fresh);
                }
                3 => assert_eq!(map.remove(&id(n)), tree.remove(&id(n))),
                // After every id so far.
                _ => {
                    let last = id(100 + u128::from(step));
                    assert_eq!(map.insert(last, step), tree.insert(last, step));
                }
            }
            assert_eq!(map.len(), tree.len());
            assert_eq!(map.get(&id(n)), tree.get(&id(n)));
            assert_eq!(map.contains_key(&id(n)), tree.contains_key(&id(n)));
        }
        assert!(map.iter().eq(tree.iter()));
        assert!(map.keys().eq(tree.keys()));
        assert!(map.values().eq(tree.values()));
        assert!(map.iter().rev().eq(tree.iter().rev()));
        assert_eq!(format!("{map:?}"), format!("{tree:?}"));
    }

    #[test]
    fn collecting_keeps_the_last_of_equal_ids_as_an_ordered_map_does() {
        let pairs = [(5, 'a'), (2, 'b'), (5, 'c'), (9, 'd'), (2, 'e'), (1, 'f'), (5, 'g')];
        let map: PersonMap<char> = pairs.iter().map(|&(n, c)| (id(n), c)).collect();
        let tree: BTreeMap<PersonId, char> = pairs.iter().map(|&(n, c)| (id(n), c)).collect();
        assert!(map.iter().eq(tree.iter()));
        // In order already: kept as it is.
        let map: PersonMap<u32> = (0..10).map(|n| (id(n), n as u32)).collect();
        assert!(map.keys().eq((0..10).map(id).collect::<Vec<_>>().iter()));
        assert!(PersonMap::<u8>::from_iter([]).is_empty());
    }
}
