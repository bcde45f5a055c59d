//! One slice sort for the crate's keyed sorts.
//!
//! Each element type sorted with `sort_by_key` brings its own copy of the
//! standard library's sort, a few KB of code in the WebAssembly module.
//! Here the sorts whose key is a number (a text offset, a person id) sort
//! `(key, position)` pairs, one instantiation for all of them, then move the
//! elements into that order.

/// Sorts `items` by `key`, keeping the order of items with equal keys.
pub(crate) fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u128) {
    let mut order: Vec<(u128, usize)> = items.iter().enumerate().map(|(i, item)| (key(item), i)).collect();
    // By key, then position: as positions are distinct, the order is that
    // of a stable sort by key.
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(
        order
            .iter()
            .filter_map(|&(_, i)| slots.get_mut(i).and_then(Option::take)),
    );
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..64)) {
            let mut ours = items.clone();
            super::sort_by_key(&mut ours, |&(k, _)| u128::from(k));
            let mut std_sorted = items;
            std_sorted.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
