//! Bounds on what the XML parser buffers, enforced below it: the parser buffers a whole text, tag or
//! comment before it gives it, so a 200 MB `<seg>` would be held whole before anyone could refuse it.
//!
//! [`Fenced`] sits between the file and the parser. Asked to watch a text, it gives the parser that text
//! only up to a fence: if the text goes on past it, the parser is given an empty comment there, which
//! ends the text (the rest comes as further texts, each cut the same way) and changes nothing else in
//! the document. Every read is also under a hard limit: a single tag, comment or CDATA section longer
//! than that is an error.

use std::io::{self, BufRead, Read};

/// The default of [`ReadLimits::max_segment_size`]: 1 MB.
pub const DEFAULT_MAX_SEGMENT_SIZE: u64 = 1 << 20;

/// How many times [`ReadLimits::max_segment_size`] a whole `<tu>` may take.
pub const UNIT_SIZE_FACTOR: u64 = 8;

/// How much of a TMX file one element may take (see [`TmxReader::with_limits`](super::TmxReader::with_limits)).
///
/// A `<seg>`, `<note>` or `<prop>` longer than [`max_segment_size`](Self::max_segment_size) bytes of the
/// file (its tags included), or a `<tu>` longer than [`UNIT_SIZE_FACTOR`] times that, leaves its unit
/// out, reported with its position; the reader skips the rest of it without holding it, so that memory
/// stays bounded whatever the file. In the header, such a `<note>` or `<prop>` is an error. A single tag,
/// comment or CDATA section longer than the limit (and than the default) is an error too: the parser
/// would have to hold it whole to skip it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadLimits {
    /// The most bytes a `<seg>`, `<note>` or `<prop>` may take in the file, tags included.
    pub max_segment_size: u64,
}

impl Default for ReadLimits {
    fn default() -> Self {
        ReadLimits { max_segment_size: DEFAULT_MAX_SEGMENT_SIZE }
    }
}

impl ReadLimits {
    /// The most bytes a `<tu>` may take.
    pub fn max_unit_size(&self) -> u64 {
        self.max_segment_size.saturating_mul(UNIT_SIZE_FACTOR)
    }

    /// The most bytes a single tag, comment or CDATA section may take.
    pub(crate) fn max_markup_size(&self) -> u64 {
        self.max_segment_size.max(DEFAULT_MAX_SEGMENT_SIZE)
    }
}

/// What the parser is given where a text is cut: an empty comment, which the readers ignore.
const CUT: &[u8] = b"<!---->";

/// A buffered reader that cuts long texts and refuses overlong markup; see the module's documentation.
pub(crate) struct Fenced<R> {
    inner: R,
    /// Bytes consumed from `inner`.
    offset: u64,
    /// While a text is watched: the offset where it is cut if it reaches it.
    fence: Option<u64>,
    /// The offset when the watch began.
    watched_from: u64,
    /// The offset no single read (text, tag, comment) may pass.
    hard: u64,
    /// How much of [`CUT`] the parser has taken (all of it when no cut is pending).
    given: usize,
    /// Whether a text was cut since [`Fenced::take_cut`] was last called.
    cut: bool,
}

impl<R: BufRead> Fenced<R> {
    pub(crate) fn new(inner: R) -> Self {
        Fenced { inner, offset: 0, fence: None, watched_from: 0, hard: u64::MAX, given: CUT.len(), cut: false }
    }

    /// The reader below.
    pub(crate) fn get_ref(&self) -> &R {
        &self.inner
    }

    /// Bytes of the file consumed so far.
    pub(crate) fn offset(&self) -> u64 {
        self.offset
    }

    /// Before the parser reads its next event: a text starting here is cut after `room` bytes (at least
    /// one), and nothing it reads may take much more than `hard` bytes.
    pub(crate) fn watch(&mut self, room: u64, hard: u64) {
        self.fence = Some(self.offset + room.max(1));
        self.watched_from = self.offset;
        // A text may go up to three bytes past its fence, to end with a whole character.
        self.hard = self.offset.saturating_add(hard.max(room)).saturating_add(4);
    }

    /// Whether a text was cut since the last call.
    pub(crate) fn take_cut(&mut self) -> bool {
        std::mem::take(&mut self.cut)
    }
}

impl<R: BufRead> BufRead for Fenced<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.given < CUT.len() {
            return Ok(&CUT[self.given..]);
        }
        if self.offset >= self.hard {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "a single text, tag, comment or CDATA section is longer than the limit",
            ));
        }
        let hard_room = usize::try_from(self.hard - self.offset).unwrap_or(usize::MAX);
        let Some(fence) = self.fence else {
            let available = self.inner.fill_buf()?;
            return Ok(&available[..available.len().min(hard_room)]);
        };
        let room = usize::try_from(fence.saturating_sub(self.offset)).unwrap_or(usize::MAX);
        let available = self.inner.fill_buf()?;
        let watched = &available[..available.len().min(room)];
        // Markup or a reference before the fence: the text (if any) ends there, it is not watched further.
        let ends = memchr::memchr2(b'<', b'&', watched).is_some();
        let (length, at_fence) = (available.len(), available.len() >= room);
        if ends || !at_fence || length == 0 {
            if ends {
                self.fence = None;
            }
            let available = self.inner.fill_buf()?;
            return Ok(&available[..length.min(hard_room)]);
        }
        let available = self.inner.fill_buf()?;
        // Something is given before a cut, so that reading goes on.
        let end = text_end(available, room, self.offset == self.watched_from);
        if end > 0 {
            let available = self.inner.fill_buf()?;
            return Ok(&available[..end]);
        }
        // The text reaches the fence: it is cut here.
        self.fence = None;
        self.given = 0;
        self.cut = true;
        Ok(CUT)
    }

    fn consume(&mut self, amount: usize) {
        if self.given < CUT.len() {
            self.given = (self.given + amount).min(CUT.len());
        } else {
            self.inner.consume(amount);
            self.offset += amount as u64;
        }
    }
}

/// Whether byte `at` of `bytes` starts a UTF-8 character (or is past them: what follows is unknown).
fn starts_character(bytes: &[u8], at: usize) -> bool {
    bytes.get(at).is_none_or(|&b| b & 0xC0 != 0x80)
}

/// Where to end what is given of a text that reaches the fence `room` bytes into `bytes`: at the last
/// character boundary before the fence, or just after it when there is none (the parser must be given
/// whole characters); 0 to cut the text here, unless `give` says to give at least a character.
fn text_end(bytes: &[u8], room: usize, give: bool) -> usize {
    (usize::from(give)..=room)
        .rev()
        .find(|&at| starts_character(bytes, at))
        .or_else(|| (room + 1..=bytes.len()).find(|&at| starts_character(bytes, at)))
        .unwrap_or(bytes.len())
}

impl<R: BufRead> Read for Fenced<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// All that `fenced` gives, in the pieces it gives them.
    fn pieces(fenced: &mut Fenced<&[u8]>) -> Vec<String> {
        let mut out = Vec::new();
        loop {
            let piece = fenced.fill_buf().unwrap().to_vec();
            if piece.is_empty() {
                return out;
            }
            fenced.consume(piece.len());
            out.push(String::from_utf8(piece).unwrap());
        }
    }

    #[test]
    fn a_text_past_the_fence_is_cut_by_an_empty_comment() {
        let mut fenced = Fenced::new(&b"abcdefgh</seg>"[..]);
        fenced.watch(5, 100);
        assert_eq!(pieces(&mut fenced), ["abcde", "<!---->", "fgh</seg>"]);
        assert!(fenced.take_cut());
        assert_eq!(fenced.offset(), 14);
    }

    #[test]
    fn a_text_is_cut_between_characters() {
        for (room, given) in [(1, "é"), (2, "é"), (3, "é"), (4, "éé"), (5, "éé")] {
            let mut fenced = Fenced::new("éééé".as_bytes());
            fenced.watch(room, 100);
            assert_eq!(pieces(&mut fenced), [given, "<!---->", &"éééé"[given.len()..]], "{room}");
        }
    }

    #[test]
    fn a_text_that_ends_before_the_fence_is_given_whole() {
        for text in ["abc</seg>", "abc&amp;defghijk", "<b>abcdefghijk"] {
            let mut fenced = Fenced::new(text.as_bytes());
            fenced.watch(5, 100);
            assert_eq!(pieces(&mut fenced).concat(), text);
            assert!(!fenced.take_cut(), "{text}");
        }
    }

    #[test]
    fn markup_past_the_hard_limit_is_an_error() {
        let mut fenced = Fenced::new(&b"<!-- a long comment -->"[..]);
        fenced.watch(4, 8);
        assert_eq!(fenced.fill_buf().unwrap(), b"<!-- a long ");
        fenced.consume(12);
        assert_eq!(fenced.fill_buf().unwrap_err().kind(), io::ErrorKind::InvalidData);
    }
}
