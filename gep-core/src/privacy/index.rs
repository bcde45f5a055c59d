//! Folded patterns indexed by their first word, matched leftmost-longest at
//! word boundaries.
//!
//! Names are whole words, so a name can only start where a word of the text
//! starts, and only when that word is the name's first word: looking that
//! word up in a hash map finds every candidate at once. Building the index
//! for a roster costs a few microseconds, where an Aho-Corasick automaton
//! for the same patterns costs a hundred or more; and the scanner is built
//! for every report a document replays.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::fold::{WordHash, is_word_char};

/// FNV-1a: short keys, no need for a keyed hash (the keys are the roster's
/// names and addresses, and a lookup only probes).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv(self.0, bytes);
    }
}

fn fnv(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = if seed == 0 { 0xcbf2_9ce4_8422_2325 } else { seed };
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A hash map with [`Fnv`].
pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Keys that are already hashes.
#[derive(Default)]
pub(crate) struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv(self.0, bytes);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

const NONE: usize = usize::MAX;

/// The words of some texts, as a Bloom filter of their [`WordHash`]es (1 KB,
/// two bits a word): whether a word may be among them, never a false
/// "no".
#[derive(Clone, Debug)]
pub(crate) struct WordFilter {
    bits: [u64; FILTER_WORDS],
}

const FILTER_WORDS: usize = 128;
const FILTER_MASK: u64 = (FILTER_WORDS as u64) * 64 - 1;

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter {
            bits: [0; FILTER_WORDS],
        }
    }
}

impl WordFilter {
    /// The 64-bit word and the bit of one half of a hash. (Written out for
    /// each half rather than through `[T; 2]::map`, which a build for size
    /// leaves as a call: it was 2% of loading a document in WebAssembly.)
    fn position(h: u64) -> (usize, u64) {
        let bit = h & FILTER_MASK;
        (usize::try_from(bit / 64).unwrap_or(0), 1 << (bit % 64))
    }

    fn set(&mut self, h: u64) {
        let (word, bit) = Self::position(h);
        if let Some(w) = self.bits.get_mut(word) {
            *w |= bit;
        }
    }

    fn has(&self, h: u64) -> bool {
        let (word, bit) = Self::position(h);
        self.bits.get(word).is_some_and(|w| w & bit != 0)
    }

    /// Adds a word by its hash.
    pub(crate) fn insert(&mut self, hash: u64) {
        self.set(hash);
        self.set(hash >> 32);
    }

    /// Whether a word with this hash may have been added.
    pub(crate) fn may_contain(&self, hash: u64) -> bool {
        self.has(hash) && self.has(hash >> 32)
    }
}

/// Patterns of folded text, each starting and ending with a word
/// character, chained by the hash of their first word.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordIndex {
    /// Every pattern, one after the other.
    buffer: String,
    /// Pattern `n` is `buffer[spans[n].0..spans[n].1]`.
    spans: Vec<(usize, usize)>,
    /// The next pattern with the same first-word hash, or `NONE`.
    next: Vec<usize>,
    /// The first pattern of each first-word hash.
    heads: HashMap<u64, usize, BuildHasherDefault<Identity>>,
}

/// The character at byte `i` of `s`, and its length.
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    s.get(i..)?.chars().next().map(|c| (c, c.len_utf8()))
}

fn is_word_at(s: &str, i: usize) -> bool {
    char_at(s, i).is_some_and(|(c, _)| is_word_char(c))
}

/// The length of the word that starts `s`.
fn first_word_len(s: &str) -> usize {
    s.char_indices()
        .find(|(_, c)| !is_word_char(*c))
        .map_or(s.len(), |(i, _)| i)
}

impl WordIndex {
    /// The number of patterns.
    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }

    fn pattern(&self, n: usize) -> &str {
        self.spans
            .get(n)
            .and_then(|&(s, e)| self.buffer.get(s..e))
            .unwrap_or_default()
    }

    fn chain(&self, hash: u64) -> impl Iterator<Item = usize> + '_ {
        let mut n = self.heads.get(&hash).copied().unwrap_or(NONE);
        std::iter::from_fn(move || {
            let current = n;
            n = self.next.get(current).copied()?;
            Some(current)
        })
    }

    /// Adds a pattern (folded), trimmed of non-word characters at both ends:
    /// its number and whether it is new (an equal pattern keeps its number),
    /// or `None` when nothing is left of it.
    pub(crate) fn push(&mut self, pattern: &str) -> Option<(usize, bool)> {
        let pattern = pattern.trim_matches(|c: char| !is_word_char(c));
        let first = pattern.get(..first_word_len(pattern)).filter(|f| !f.is_empty())?;
        let hash = WordHash::of(first.as_bytes());
        if let Some(n) = self.chain(hash).find(|&n| self.pattern(n) == pattern) {
            return Some((n, false));
        }
        let n = self.spans.len();
        let start = self.buffer.len();
        self.buffer.push_str(pattern);
        self.spans.push((start, self.buffer.len()));
        let head = self.heads.insert(hash, n).unwrap_or(NONE);
        self.next.push(head);
        Some((n, true))
    }

    /// Calls `found(start, end, pattern)` for each match in `hay`, left to
    /// right, the longest where several start at one word, never
    /// overlapping, each at word boundaries.
    pub(crate) fn find(&self, hay: &str, mut found: impl FnMut(usize, usize, usize)) {
        if self.spans.is_empty() {
            return;
        }
        let mut i = 0;
        while let Some((c, width)) = char_at(hay, i) {
            if !is_word_char(c) {
                i += width;
                continue;
            }
            let mut j = i + width;
            while let Some((c, width)) = char_at(hay, j) {
                if !is_word_char(c) {
                    break;
                }
                j += width;
            }
            let word = hay.get(i..j).unwrap_or_default();
            let rest = hay.get(i..).unwrap_or_default();
            let best = self
                .chain(WordHash::of(word.as_bytes()))
                .filter_map(|p| {
                    let pattern = self.pattern(p);
                    let end = i + pattern.len();
                    (rest.starts_with(pattern) && !is_word_at(hay, end)).then_some((end, p))
                })
                .max_by_key(|&(end, p)| (end, std::cmp::Reverse(p)));
            match best {
                Some((end, p)) => {
                    found(i, end, p);
                    i = end;
                }
                None => i = j,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::privacy::Folded;
    use crate::privacy::fold::{WordHash, for_each_word_hash, is_word_char};

    const PIECES: &[&str] = &[
        "le",
        "Le",
        "LE",
        " ",
        "  ",
        "-",
        "goff",
        "Goff",
        "n",
        "’",
        "'",
        "diaye",
        "É",
        "E\u{301}",
        "ric",
        "é",
        "\u{ad}",
        "\u{200b}",
        "œ",
        "Œ",
        "dipe",
        "ß",
        "İ",
        "i",
        "\u{307}",
        "×",
        "marie",
        "claire",
        ".",
        ",",
        "0",
        "6",
        "ǅ",
        "ﬁ",
        "Ǆ",
        "\u{a0}",
        "\u{2011}",
        "é\u{301}",
        "x",
        "ﬀ",
        "Straße",
        "strasse",
        "\n",
        "de",
        "`",
    ];

    fn texts() -> Vec<String> {
        let mut seed: u64 = 0x1234_5678;
        let mut out = Vec::new();
        for _ in 0..3000 {
            let mut text = String::new();
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let len = (seed >> 59) as usize + 1;
            for _ in 0..len {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            out.push(text);
        }
        out
    }

    #[test]
    fn word_hashes_are_those_of_the_folded_words() {
        for text in texts() {
            let folded = Folded::new(&text);
            let expected: Vec<u64> = folded
                .as_str()
                .split(|c: char| !is_word_char(c))
                .filter(|w| !w.is_empty())
                .map(|w| WordHash::of(w.as_bytes()))
                .collect();
            let mut got = Vec::new();
            for_each_word_hash(&text, |h| got.push(h));
            assert_eq!(got, expected, "{text:?}");
        }
    }
}
