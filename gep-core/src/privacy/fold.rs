//! Text folding for name matching, with a map back to the original text.
//!
//! Folding lowers the case, strips accents (precomposed letters and
//! combining marks alike, so NFC and NFD text fold the same), spells out
//! ligatures (`œ` → `oe`, `æ` → `ae`, `ß` → `ss`), unifies apostrophes
//! (`'`, `’`, `‘`, `ʼ`, `´`, `` ` ``) and turns every run of spaces and
//! hyphens into one space, so that `Marie-Claire`, `MARIE CLAIRE` and
//! `Marie‑Claire` all fold to `marie claire`.
//!
//! ```
//! use gep_core::privacy::Folded;
//! let text = "l’avis d’E\u{301}ric";
//! let folded = Folded::new(text);
//! assert_eq!(folded.as_str(), "l'avis d'eric");
//! // "eric" is bytes 9..13 of the folded text: in the original text it is
//! // the NFD "Éric", combining mark included.
//! let (start, end) = folded.original_span(9, 13);
//! assert_eq!(&text[start..end], "E\u{301}ric");
//! ```
//!
//! The tables are small on purpose (Latin-1, Latin Extended-A, the
//! Vietnamese letters of Latin Extended Additional): they cover the names
//! met in France without pulling Unicode normalisation tables into the
//! WebAssembly module. Other scripts are only lowered in case.

/// What one character folds to.
enum Fold {
    /// One ASCII byte.
    Byte(u8),
    /// Two ASCII bytes (a ligature).
    Pair(u8, u8),
    /// A separator: spaces and hyphens, collapsed into one space.
    Separator,
    /// Nothing: combining marks, zero-width characters, soft hyphens.
    Drop,
    /// Kept as it is, lowered in case.
    Keep,
}

/// U+00C0 to U+00FF: the base letter of each, `1` for `ae`, `3` for `ss`,
/// `4` for `th`, `*` for a sign kept as it is (× and ÷).
const LATIN_1: &[u8; 64] = b"aaaaaa1ceeeeiiiidnooooo*ouuuuy43aaaaaa1ceeeeiiiidnooooo*ouuuuy4y";

/// U+0100 to U+017F: the base letter of each, `2` for `oe`, `5` for `ij`.
const LATIN_EXTENDED_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii55jjkkklllllll\
    lllnnnnnnnnnoooooo22rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

fn table_entry(byte: u8) -> Fold {
    match byte {
        b'1' => Fold::Pair(b'a', b'e'),
        b'2' => Fold::Pair(b'o', b'e'),
        b'3' => Fold::Pair(b's', b's'),
        b'4' => Fold::Pair(b't', b'h'),
        b'5' => Fold::Pair(b'i', b'j'),
        b'*' => Fold::Keep,
        letter => Fold::Byte(letter),
    }
}

fn fold_char(c: char) -> Fold {
    let code = u32::from(c);
    match c {
        'A'..='Z' => Fold::Byte(c.to_ascii_lowercase() as u8),
        ' ' | '\t' | '\n' | '\r' | '\u{c}' | '-' => Fold::Separator,
        '\'' | '`' => Fold::Byte(b'\''),
        c if c.is_ascii() => Fold::Byte(c as u8),
        '\u{c0}'..='\u{ff}' => index(LATIN_1, code - 0xc0),
        '\u{100}'..='\u{17f}' => index(LATIN_EXTENDED_A, code - 0x100),
        // Apostrophes: right and left single quotes, modifier letter
        // apostrophe, acute accent, prime.
        '\u{2019}' | '\u{2018}' | '\u{2bc}' | '\u{b4}' | '\u{2032}' => Fold::Byte(b'\''),
        // Spaces (no-break, narrow no-break, thin, figure…) and hyphens and dashes.
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => Fold::Separator,
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Fold::Separator,
        // Combining diacritical marks, zero-width characters, soft hyphen.
        '\u{300}'..='\u{36f}' | '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => Fold::Drop,
        // Latin Extended-B letters met in names (Romanian, Vietnamese).
        '\u{218}' | '\u{219}' => Fold::Byte(b's'),
        '\u{21a}' | '\u{21b}' => Fold::Byte(b't'),
        '\u{1a0}' | '\u{1a1}' => Fold::Byte(b'o'),
        '\u{1af}' | '\u{1b0}' => Fold::Byte(b'u'),
        // Vietnamese letters with two diacritics (Nguyễn, Phạm…).
        '\u{1ea0}'..='\u{1eb7}' => Fold::Byte(b'a'),
        '\u{1eb8}'..='\u{1ec7}' => Fold::Byte(b'e'),
        '\u{1ec8}'..='\u{1ecb}' => Fold::Byte(b'i'),
        '\u{1ecc}'..='\u{1ee3}' => Fold::Byte(b'o'),
        '\u{1ee4}'..='\u{1ef1}' => Fold::Byte(b'u'),
        '\u{1ef2}'..='\u{1ef9}' => Fold::Byte(b'y'),
        _ => Fold::Keep,
    }
}

fn index(table: &[u8], i: u32) -> Fold {
    usize::try_from(i)
        .ok()
        .and_then(|i| table.get(i))
        .map_or(Fold::Keep, |&b| table_entry(b))
}

/// A folded text and, for each of its bytes, where it comes from in the
/// original text.
#[derive(Clone, Debug)]
pub struct Folded<'a> {
    original: &'a str,
    text: String,
    /// For each byte of `text`, the byte offset in `original` of the
    /// character it comes from.
    origin: Vec<usize>,
}

impl<'a> Folded<'a> {
    /// Folds a text, keeping the way back.
    pub fn new(original: &'a str) -> Self {
        let bytes = original.as_bytes();
        let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
        let mut origin: Vec<usize> = Vec::with_capacity(bytes.len());
        let mut after_separator = false;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // ASCII, most of a French text: one byte in, at most one out.
            if b.is_ascii() {
                match b {
                    b' ' | b'\t' | b'\n' | b'\r' | 0x0c | b'-' => {
                        if !after_separator {
                            out.push(b' ');
                            origin.push(i);
                            after_separator = true;
                        }
                    }
                    _ => {
                        out.push(match b {
                            b'`' => b'\'',
                            _ => b.to_ascii_lowercase(),
                        });
                        origin.push(i);
                        after_separator = false;
                    }
                }
                i += 1;
                continue;
            }
            let Some(c) = original.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let fold = fold_char(c);
            let skip = match fold {
                Fold::Separator => after_separator,
                Fold::Drop => true,
                _ => false,
            };
            if !skip {
                after_separator = matches!(fold, Fold::Separator);
                push_fold_bytes(&mut out, c, fold);
                origin.resize(out.len(), i);
            }
            i += c.len_utf8();
        }
        // Only ASCII bytes and whole encoded characters were pushed.
        let text = String::from_utf8(out).unwrap_or_default();
        Folded { original, text, origin }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original text.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The span of the original text that the folded bytes `start..end`
    /// come from: whole characters, with any combining marks that follow
    /// the last one. Out-of-range offsets are clamped.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let len = self.origin.len();
        let end = end.min(len);
        let start = start.min(end);
        let from = self.origin.get(start).copied().unwrap_or(self.original.len());
        if end == start {
            return (from, from);
        }
        let last = self.origin.get(end - 1).copied().unwrap_or(from);
        let to = self
            .origin
            .get(end..)
            .unwrap_or_default()
            .iter()
            .copied()
            .find(|&o| o != last)
            .unwrap_or(self.original.len());
        (from, to)
    }
}

fn push_fold_bytes(out: &mut Vec<u8>, c: char, fold: Fold) {
    match fold {
        Fold::Byte(b) => out.push(b),
        Fold::Pair(a, b) => out.extend_from_slice(&[a, b]),
        Fold::Separator => out.push(b' '),
        Fold::Drop => {}
        Fold::Keep => {
            let mut buf = [0; 4];
            for lower in c.to_lowercase() {
                out.extend_from_slice(lower.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
}

fn push_fold(out: &mut String, c: char, fold: Fold) {
    match fold {
        Fold::Byte(b) => out.push(char::from(b)),
        Fold::Pair(a, b) => {
            out.push(char::from(a));
            out.push(char::from(b));
        }
        Fold::Separator => out.push(' '),
        Fold::Drop => {}
        Fold::Keep => out.extend(c.to_lowercase()),
    }
}

/// Folds a text without the way back: trimmed, for names and keywords.
///
/// ```
/// use gep_core::privacy::fold;
/// assert_eq!(fold(" N’Diaye "), "n'diaye");
/// assert_eq!(fold("Dubois-Martin"), "dubois martin");
/// assert_eq!(fold("Œdipe Straße"), "oedipe strasse");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
}

/// [`fold`] into a buffer, which is cleared first.
pub(crate) fn fold_into(out: &mut String, text: &str) {
    out.clear();
    let mut after_separator = true;
    for c in text.chars() {
        let fold = fold_char(c);
        match fold {
            Fold::Separator if after_separator => continue,
            Fold::Drop => continue,
            _ => {}
        }
        after_separator = matches!(fold, Fold::Separator);
        push_fold(out, c, fold);
    }
    if out.ends_with(' ') {
        out.pop();
    }
}

/// Calls `word(hash)` for each word of the folded `text` (each maximal run
/// of word characters of `Folded::new(text).as_str()`), with the
/// [`WordHash`] of its folded bytes, without building the folded text.
/// Returns how many ASCII digits the text holds (the scanner looks for phone
/// numbers only past a few).
pub(crate) fn for_each_word_hash(text: &str, mut word: impl FnMut(u64)) -> usize {
    let bytes = text.as_bytes();
    let mut hash = WordHash::default();
    let mut digits = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match ASCII_WORD_BYTES.get(usize::from(b)).copied().unwrap_or(NOT_ASCII) {
            NOT_ASCII => {}
            SEPARATOR => {
                if !hash.is_empty() {
                    word(hash.finish());
                    hash = WordHash::default();
                }
                i += 1;
                continue;
            }
            folded => {
                digits += usize::from(b.is_ascii_digit());
                hash.push(folded);
                i += 1;
                continue;
            }
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        let mut end_word = false;
        match fold_char(c) {
            Fold::Byte(b) if b.is_ascii_alphanumeric() => hash.push(b),
            Fold::Pair(a, b) => {
                hash.push(a);
                hash.push(b);
            }
            Fold::Byte(_) | Fold::Separator => end_word = true,
            Fold::Drop => {}
            Fold::Keep => {
                let mut buf = [0; 4];
                for lower in c.to_lowercase() {
                    if is_word_char(lower) {
                        for &b in lower.encode_utf8(&mut buf).as_bytes() {
                            hash.push(b);
                        }
                    } else if !hash.is_empty() {
                        word(hash.finish());
                        hash = WordHash::default();
                    }
                }
            }
        }
        if end_word && !hash.is_empty() {
            word(hash.finish());
            hash = WordHash::default();
        }
    }
    if !hash.is_empty() {
        word(hash.finish());
    }
    digits
}

/// For each byte, in [`for_each_word_hash`]: an ASCII letter or digit
/// folded (lower case), [`SEPARATOR`] for the rest of ASCII, [`NOT_ASCII`]
/// for the bytes of longer characters.
const ASCII_WORD_BYTES: [u8; 256] = {
    let mut table = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 0x80 {
        let byte = b as u8;
        #[allow(
            clippy::indexing_slicing,
            reason = "evaluated at compile time: an index out of range would not compile"
        )]
        {
            table[b] = if byte.is_ascii_alphanumeric() {
                byte.to_ascii_lowercase()
            } else {
                SEPARATOR
            };
        }
        b += 1;
    }
    table
};
const SEPARATOR: u8 = 0;
const NOT_ASCII: u8 = 0x80;

/// The [`WordHash`] of the first word of an already folded text (its first
/// maximal run of word characters), if any; with `joined`, spaces and
/// apostrophes do not end the word (the words of a name run together:
/// `n'diaye` → `ndiaye`).
pub(crate) fn first_word_hash(folded: &str, joined: bool) -> Option<u64> {
    let mut hash = WordHash::default();
    for c in folded.chars() {
        if is_word_char(c) {
            let mut buf = [0; 4];
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                hash.push(b);
            }
        } else if joined && (c == ' ' || c == '\'') {
            continue;
        } else if !hash.is_empty() {
            break;
        }
    }
    (!hash.is_empty()).then(|| hash.finish())
}

/// The hash of a word of folded text, fed byte by byte: eight bytes are
/// packed into a word before each multiply, so that hashing every word of
/// a text costs about a cycle a byte.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordHash {
    hash: u64,
    pending: u64,
    len: u32,
}

const HASH_MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

impl WordHash {
    /// The hash of `bytes`.
    pub(crate) fn of(bytes: &[u8]) -> u64 {
        let mut hash = WordHash::default();
        for &b in bytes {
            hash.push(b);
        }
        hash.finish()
    }

    #[inline]
    pub(crate) fn push(&mut self, b: u8) {
        self.pending = (self.pending << 8) | u64::from(b);
        self.len += 1;
        if self.len.is_multiple_of(8) {
            self.hash = (self.hash ^ self.pending).wrapping_mul(HASH_MULTIPLIER).rotate_left(31);
            self.pending = 0;
        }
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub(crate) fn finish(&self) -> u64 {
        let h = (self.hash ^ self.pending ^ (u64::from(self.len) << 58)).wrapping_mul(HASH_MULTIPLIER);
        h ^ (h >> 29)
    }
}

/// Whether a character of folded text is part of a word (a letter or a
/// digit). Apostrophes, spaces and punctuation are not.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}
