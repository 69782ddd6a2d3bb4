//! Line and column numbers for byte offsets, for error messages.

/// The line starts of a text, for turning byte offsets into 1-based line and column numbers quickly.
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    /// Indexes the lines of `text`.
    pub fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)).collect();
        LineIndex { text, starts }
    }

    /// The 1-based line and column (counted in characters) of byte `offset`; offsets past the end count as
    /// the end, and an offset inside a character as that character.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        let column = self.text.as_bytes()[start..offset].iter().filter(|&&b| (b & 0xC0) != 0x80).count() + 1;
        (line, column)
    }
}

/// The 1-based line and column of byte `offset` in `text` (see [`LineIndex::position`]).
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).position(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions() {
        let index = LineIndex::new("ab\néx\n\nz");
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(2), (1, 3));
        assert_eq!(index.position(3), (2, 1));
        assert_eq!(index.position(5), (2, 2));
        assert_eq!(index.position(7), (3, 1));
        assert_eq!(index.position(8), (4, 1));
        assert_eq!(index.position(99), (4, 2));
    }
}
