//! Line and column numbers for byte offsets, for error messages.
//!
//! Readers ask for the positions of their tags in the order they meet them. A [`LineIndex`] remembers
//! where it last counted and goes on from there, so that the positions of a whole file cost one pass over
//! it however long its lines are: counting each column again from the start of its line made a file of
//! 200,000 tags written on one line take minutes.

use std::cell::Cell;
use std::fmt;

/// A place in a file, as every error about one names it: the file (as the caller named it: a path, or
/// `<stdin>`), a 1-based line and a 1-based column counted in characters. Written `file:line:column`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Location {
    /// The file.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Location {
    /// `file` at `line` and `column` (both 1-based).
    pub fn new(file: impl Into<String>, line: usize, column: usize) -> Self {
        Location { file: file.into(), line, column }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// A text's line starts, with a cursor, for turning byte offsets into 1-based line and column numbers.
///
/// Lookups at increasing offsets count each byte of the text once in all; a lookup at an earlier offset
/// than the one before counts from the start of its line.
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
    /// The last position counted: (byte offset, line, column).
    cursor: Cell<(usize, usize, usize)>,
    /// Bytes counted over so far.
    counted: Cell<usize>,
}

impl<'t> LineIndex<'t> {
    /// Indexes the lines of `text`.
    pub fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)).collect();
        LineIndex { text, starts, cursor: Cell::new((0, 1, 1)), counted: Cell::new(0) }
    }

    /// The 1-based line and column (counted in characters) of byte `offset`; offsets past the end count as
    /// the end, and an offset inside a character counts that character as before it.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let (from, mut line, mut column) = self.cursor.get();
        if offset >= from {
            advance(&mut line, &mut column, &self.text.as_bytes()[from..offset]);
            self.counted.set(self.counted.get() + (offset - from));
        } else {
            line = self.line(offset);
            let start = self.starts[line - 1];
            column = 1 + characters(&self.text.as_bytes()[start..offset]);
            self.counted.set(self.counted.get() + (offset - start));
        }
        self.cursor.set((offset, line, column));
        (line, column)
    }

    /// The 1-based line of byte `offset` (offsets past the end count as the end), without counting columns.
    pub fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.starts.partition_point(|&start| start <= offset)
    }

    /// How many bytes lookups have counted over so far: at most the length of the text when they come at
    /// increasing offsets.
    pub fn bytes_counted(&self) -> usize {
        self.counted.get()
    }
}

/// The 1-based line and column of byte `offset` in `text` (see [`LineIndex::position`]), in one pass over
/// the text up to `offset`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let (mut line, mut column) = (1, 1);
    advance(&mut line, &mut column, &text.as_bytes()[..offset]);
    (line, column)
}

/// Moves `line` and `column` past the UTF-8 `bytes`: line feeds are counted, and the characters after the
/// last one.
pub(crate) fn advance(line: &mut usize, column: &mut usize, bytes: &[u8]) {
    let tail = match memchr::memrchr(b'\n', bytes) {
        Some(last) => {
            *line += memchr::memchr_iter(b'\n', bytes).count();
            *column = 1;
            &bytes[last + 1..]
        }
        None => bytes,
    };
    *column += characters(tail);
}

/// The characters UTF-8 `bytes` hold (the bytes that are not continuation bytes).
fn characters(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(index: &LineIndex<'_>, offset: usize, expected: (usize, usize)) {
        assert_eq!(index.position(offset), expected, "offset {offset}");
    }

    #[test]
    fn offsets_become_lines_and_columns_in_characters() {
        let index = LineIndex::new("ab\néx\n\nz");
        for (offset, expected) in [(0, (1, 1)), (2, (1, 3)), (3, (2, 1)), (5, (2, 2)), (7, (3, 1)), (8, (4, 1))] {
            case(&index, offset, expected);
        }
        case(&index, 99, (4, 2));
        assert_eq!(line_column("ab\néx\n\nz", 5), (2, 2));
        assert_eq!(index.line(5), 2);
    }

    #[test]
    fn earlier_offsets_count_from_their_line_start() {
        let index = LineIndex::new("ab\néx\n\nz");
        for (offset, expected) in [(8, (4, 1)), (5, (2, 2)), (0, (1, 1)), (7, (3, 1)), (3, (2, 1)), (3, (2, 1))] {
            case(&index, offset, expected);
        }
    }

    #[test]
    fn increasing_offsets_on_one_long_line_count_each_byte_once() {
        // 200,000 tags on one line: recounting each column from the line start would count about 10^11
        // bytes.
        let text = "<rule>é</rule>".repeat(200_000);
        let index = LineIndex::new(&text);
        let step = "<rule>é</rule>".len();
        for k in 0..200_000 {
            assert_eq!(index.position(k * step), (1, 1 + 14 * k));
        }
        assert!(index.bytes_counted() <= text.len(), "{} bytes counted for {}", index.bytes_counted(), text.len());
    }
}
