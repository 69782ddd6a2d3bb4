//! Reading a document in bounded pieces, and the text waiting to be matched.

use std::io::{self, BufRead, Read};
use std::ops::Range;

/// The longest piece read at once: a longer line is cut after a whitespace character (or, when it has
/// none, at a character boundary), so that memory does not grow with the length of a line either.
pub(crate) const MAX_PIECE: usize = 1 << 18;

/// Reads a document in pieces: whole lines, or parts of a line longer than [`MAX_PIECE`].
pub(crate) struct Pieces<R> {
    input: R,
    carry: Vec<u8>,
    max: usize,
}

impl<R: BufRead> Pieces<R> {
    /// Pieces of `input` of at most `max` bytes (more only for a character longer than that).
    pub(crate) fn new(input: R, max: usize) -> Self {
        Pieces { input, carry: Vec::new(), max }
    }

    /// Reads the next piece into `out` (cleared first); false at the end of the input.
    pub(crate) fn next_piece(&mut self, out: &mut Vec<u8>) -> io::Result<bool> {
        out.clear();
        out.append(&mut self.carry);
        let limit = self.max.saturating_sub(out.len()).max(1) as u64;
        let read = self.input.by_ref().take(limit).read_until(b'\n', out)?;
        if read == 0 || out.ends_with(b"\n") || out.len() < self.max {
            return Ok(!out.is_empty());
        }
        let cut = match out.iter().rposition(|b| matches!(b, b' ' | b'\t' | b'\r')) {
            Some(k) if k > 0 => k + 1,
            // No whitespace: cut before the last character start (UTF-8 continuation bytes are 10xxxxxx).
            _ => out.iter().rposition(|b| b & 0xC0 != 0x80).filter(|&k| k > 0).unwrap_or(out.len()),
        };
        self.carry.extend_from_slice(&out[cut..]);
        out.truncate(cut);
        Ok(true)
    }
}

/// Text read but not yet written: whole pieces, their protected ranges (sorted, disjoint), and where the
/// text starts in the document.
#[derive(Debug)]
pub(crate) struct Pending {
    pub text: String,
    pub protected: Vec<Range<usize>>,
    /// 1-based line of the first byte.
    pub line: usize,
    /// Characters between the start of that line and the first byte.
    pub column: usize,
    /// Byte offset of the first byte in the document.
    pub byte: usize,
    /// Where the last piece added starts.
    pub last_piece: usize,
}

impl Default for Pending {
    fn default() -> Self {
        Pending { text: String::new(), protected: Vec::new(), line: 1, column: 0, byte: 0, last_piece: 0 }
    }
}

impl Pending {
    /// Adds a piece and its protected ranges (relative to the piece, sorted by start).
    pub(crate) fn push(&mut self, piece: &str, protected: impl IntoIterator<Item = Range<usize>>) {
        let offset = self.text.len();
        self.last_piece = offset;
        self.text.push_str(piece);
        for r in protected {
            let r = r.start + offset..r.end + offset;
            match self.protected.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => self.protected.push(r),
            }
        }
    }

    /// Whether `start..end` overlaps a protected range.
    pub(crate) fn is_protected(&self, start: usize, end: usize) -> bool {
        let k = self.protected.partition_point(|r| r.end <= start);
        self.protected.get(k).is_some_and(|r| r.start < end)
    }

    /// Drops the first `cut` bytes (written out), keeping the position of what remains.
    pub(crate) fn advance(&mut self, cut: usize) {
        let gone = &self.text[..cut];
        match gone.rfind('\n') {
            Some(k) => {
                self.line += gone.matches('\n').count();
                self.column = gone[k + 1..].chars().count();
            }
            None => self.column += gone.chars().count(),
        }
        self.byte += cut;
        self.text.drain(..cut);
        self.last_piece = self.last_piece.saturating_sub(cut);
        self.protected.retain(|r| r.end > cut);
        for r in &mut self.protected {
            *r = r.start.saturating_sub(cut)..r.end - cut;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_after_whitespace() {
        let mut text = "a".repeat(MAX_PIECE - 10);
        text.push_str(" Loukachenko est là\nfin\n");
        let mut pieces = Pieces::new(text.as_bytes(), MAX_PIECE);
        let mut out = Vec::new();
        let mut seen = Vec::new();
        while pieces.next_piece(&mut out).unwrap() {
            seen.push(String::from_utf8(out.clone()).unwrap());
        }
        assert_eq!(seen.concat(), text);
        assert_eq!(seen.len(), 3);
        assert!(seen[0].ends_with(' ') && seen[0].len() < MAX_PIECE);
        assert_eq!(seen[1], "Loukachenko est là\n");
    }

    #[test]
    fn no_whitespace_cuts_at_a_character() {
        let text = "é".repeat(MAX_PIECE);
        let mut pieces = Pieces::new(text.as_bytes(), MAX_PIECE);
        let mut out = Vec::new();
        let mut total = String::new();
        while pieces.next_piece(&mut out).unwrap() {
            assert!(out.len() <= MAX_PIECE);
            total.push_str(std::str::from_utf8(&out).unwrap());
        }
        assert_eq!(total, text);
    }

    #[test]
    fn protected_ranges_merge_and_advance() {
        let mut p = Pending::default();
        p.push("abc def\n", [0..3, 2..5]);
        p.push("ghi", std::iter::once(1..2));
        assert_eq!(p.protected, [0..5, 9..10]);
        assert!(p.is_protected(4, 6) && !p.is_protected(5, 9) && p.is_protected(9, 12));
        p.advance(8);
        assert_eq!((p.line, p.column, p.byte, p.protected.first().cloned()), (2, 0, 8, Some(1..2)));
        assert_eq!(p.protected.len(), 1);
        p.advance(1);
        assert_eq!((p.line, p.column), (2, 1));
    }
}
