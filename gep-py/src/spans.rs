//! Text positions in Python's unit: the core counts UTF-8 bytes, Python
//! strings index code points. Type conversion only.
//!
//! ```
//! use gep::spans::CodePoints;
//! // "é" is two bytes, one code point; "e\u{301}" is three bytes, two code
//! // points; "👋" is four bytes, one code point.
//! let text = "é e\u{301} 👋!";
//! let mut cp = CodePoints::new(text);
//! assert_eq!(cp.at(text.find('!').unwrap()), 6);
//! assert_eq!(text.chars().count(), 7);
//! ```

/// Converts byte offsets of one text into code point offsets. Offsets asked
/// in increasing order cost one pass over the text in all; an offset inside
/// a character counts as the start of that character.
pub struct CodePoints<'a> {
    text: &'a str,
    byte: usize,
    count: usize,
}

impl<'a> CodePoints<'a> {
    /// A converter for `text`.
    pub fn new(text: &'a str) -> Self {
        CodePoints {
            text,
            byte: 0,
            count: 0,
        }
    }

    /// The code point offset of byte offset `byte` (clamped to the text).
    pub fn at(&mut self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        if byte < self.byte {
            self.byte = 0;
            self.count = 0;
        }
        let rest = self.text.as_bytes().get(self.byte..byte).unwrap_or_default();
        // A code point starts at every byte that is not a continuation byte.
        self.count += rest.iter().filter(|&&b| (b as i8) >= -0x40).count();
        self.byte = byte;
        self.count
    }

    /// A byte span as a code point span.
    pub fn span(&mut self, start: usize, end: usize) -> (usize, usize) {
        let s = self.at(start);
        (s, self.at(end.max(start)))
    }
}

/// Converts many byte offsets of `text` to code point offsets in place, in
/// one pass over the text whatever their order.
pub fn to_code_points(text: &str, offsets: &mut [&mut usize]) {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets.get(i).map_or(0, |o| **o));
    let mut cp = CodePoints::new(text);
    for i in order {
        if let Some(offset) = offsets.get_mut(i) {
            **offset = cp.at(**offset);
        }
    }
}

/// The byte offset of code point offset `cp` in `text` (clamped to its
/// end), for spans given by Python.
pub fn byte_offset(text: &str, cp: usize) -> usize {
    text.char_indices().nth(cp).map_or(text.len(), |(b, _)| b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str, byte: usize) -> usize {
        text.get(..byte).map_or(0, |s| s.chars().count())
    }

    #[test]
    fn accented_nfd_and_emoji() {
        for text in [
            "Hélène Dubois-Martin",
            "He\u{301}le\u{300}ne",
            "👋 Léa 🇫🇷 Zoé",
            "",
            "ascii only",
        ] {
            let mut cp = CodePoints::new(text);
            for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
                assert_eq!(cp.at(byte), reference(text, byte), "{text:?} at {byte}");
            }
            // Backwards too.
            for (byte, _) in text.char_indices().rev() {
                assert_eq!(cp.at(byte), reference(text, byte), "{text:?} at {byte}");
            }
            for n in 0..=text.chars().count() + 1 {
                let b = byte_offset(text, n);
                assert_eq!(reference(text, b), n.min(text.chars().count()));
            }
        }
    }

    #[test]
    fn many_offsets_in_any_order() {
        let text = "Zoé 👋 e\u{301}mile, zoé";
        let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).rev().collect();
        let mut converted = bytes.clone();
        let mut refs: Vec<&mut usize> = converted.iter_mut().collect();
        to_code_points(text, &mut refs);
        for (b, c) in bytes.iter().zip(&converted) {
            assert_eq!(*c, reference(text, *b));
        }
    }

    #[test]
    fn inside_a_character_and_past_the_end() {
        let text = "a👋b";
        let mut cp = CodePoints::new(text);
        assert_eq!(cp.at(2), 1);
        assert_eq!(cp.at(100), 3);
        assert_eq!(cp.span(1, 5), (1, 2));
    }
}
