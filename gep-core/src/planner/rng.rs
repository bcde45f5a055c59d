//! The planner's only source of randomness: SplitMix64, seeded from the
//! request. Integer-only, so a seed gives the same plan on every target
//! (native, 32-bit WASM).

/// A SplitMix64 generator (Steele, Lea and Flood, 2014): tiny, fast, and good
/// enough to break ties and shuffle.
#[derive(Clone, Debug)]
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator for this seed.
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed ^ 0x6a09_e667_f3bc_c909)
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0), by Lemire's multiply-shift,
    /// computed in 64 bits whatever the width of `usize`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        let n64 = n as u64;
        let x = u128::from(self.next_u64()) * u128::from(n64);
        usize::try_from(x >> 64).unwrap_or(0)
    }

    /// Shuffles a slice (Fisher–Yates).
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn the_same_seed_gives_the_same_numbers() {
        let a: Vec<u64> = {
            let mut r = Rng::new(7);
            (0..4).map(|_| r.next_u64()).collect()
        };
        let mut r = Rng::new(7);
        assert_eq!(a, (0..4).map(|_| r.next_u64()).collect::<Vec<_>>());
        assert!((0..100).all(|_| r.below(5) < 5));
        assert_eq!(r.below(0), 0);
    }
}
