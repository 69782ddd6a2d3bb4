//! A folded copy of a text (lower case, no accents, whitespace runs as one space) with, for each of its
//! bytes, where it came from in the original, so that a match in the copy is a span of the original.

use crate::fold::fold;
use std::collections::HashMap;

/// Folds characters, caching the non-ASCII ones (the folding of a character never changes).
#[derive(Default)]
pub(crate) struct Folder {
    cache: HashMap<char, Box<str>>,
}

impl Folder {
    /// The folded form of `c` ([`crate::fold::fold`]; empty for a lone combining mark).
    fn fold_char(&mut self, c: char) -> &str {
        self.cache.entry(c).or_insert_with(|| fold(c.encode_utf8(&mut [0; 4])).into_boxed_str())
    }

    /// Folds `text` (a whole string), as patterns are folded.
    pub(crate) fn fold(&mut self, text: &str) -> String {
        let mut out = FoldedText::default();
        self.fold_into(text, &mut out);
        out.text
    }

    /// Folds `text` into `out` (cleared first).
    pub(crate) fn fold_into(&mut self, text: &str, out: &mut FoldedText) {
        out.text.clear();
        out.origin.clear();
        out.text.reserve(text.len());
        out.origin.reserve(text.len() + 1);
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut in_space = false;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if b.is_ascii_whitespace() {
                    if !in_space {
                        out.text.push(' ');
                        out.origin.push(i as u32);
                        in_space = true;
                    }
                } else {
                    out.text.push(b.to_ascii_lowercase() as char);
                    out.origin.push(i as u32);
                    in_space = false;
                }
                i += 1;
                continue;
            }
            let c = text[i..].chars().next().expect("a char starts here");
            if c.is_whitespace() {
                if !in_space {
                    out.text.push(' ');
                    out.origin.push(i as u32);
                    in_space = true;
                }
            } else {
                let folded = self.fold_char(c);
                for _ in 0..folded.len() {
                    out.origin.push(i as u32);
                }
                out.text.push_str(folded);
                in_space = false;
            }
            i += c.len_utf8();
        }
        out.origin.push(text.len() as u32);
    }
}

/// A folded text and the origin of each of its bytes.
#[derive(Default)]
pub(crate) struct FoldedText {
    pub text: String,
    /// origin[k]: the byte of the original where folded byte k comes from; one more entry for the end.
    origin: Vec<u32>,
}

impl FoldedText {
    /// The span of the original that folded bytes `start..end` come from: from the start of the first
    /// character to the end of the last.
    pub(crate) fn original_span(&self, start: usize, end: usize, original: &str) -> (usize, usize) {
        let from = self.origin[start] as usize;
        let last = self.origin[end - 1] as usize;
        let to = last + original[last..].chars().next().map_or(0, char::len_utf8);
        (from, to)
    }

    /// Whether folded bytes `start..end` hold whole folded characters: not the second `s` of the `ss`
    /// that `ß` folds to, nor the first.
    pub(crate) fn whole_characters(&self, start: usize, end: usize) -> bool {
        let starts = start == 0 || self.origin[start - 1] != self.origin[start];
        let ends = self.origin[end] != self.origin[end - 1];
        starts && ends
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_maps() {
        let mut folder = Folder::default();
        let mut out = FoldedText::default();
        let text = "Le  PRÉSIDENT\nŒuvre";
        folder.fold_into(text, &mut out);
        assert_eq!(out.text, "le president oeuvre");
        let start = out.text.find("president").unwrap();
        let (from, to) = out.original_span(start, start + "president".len(), text);
        assert_eq!(&text[from..to], "PRÉSIDENT");
        let start = out.text.find("oeuvre").unwrap();
        let (from, to) = out.original_span(start, start + 6, text);
        assert_eq!(&text[from..to], "Œuvre");
        let start = out.text.find("president oeuvre").unwrap();
        let (from, to) = out.original_span(start, start + "president oeuvre".len(), text);
        assert_eq!(&text[from..to], "PRÉSIDENT\nŒuvre");
    }
}
