//! The bytes of an XML document turned into UTF-8 as they are read, checked on the way, for a parser that
//! reads a stream: a 1 GB file is never held whole.
//!
//! The encoding is found from the first bytes (see [`sniff`]). Bytes that are not valid in it, and NUL
//! characters (a binary file), stop the reading with a [`DecodeError`] once everything before them has
//! been handed out, so that the reader's position is theirs.

use super::DecodeError;
use super::xml::{HEAD, sniff};
use crate::position::{Location, advance};
use encoding_rs::{Decoder, DecoderResult, UTF_8, UTF_16BE, UTF_16LE};
use std::cell::Cell;
use std::io::{self, BufRead, Read};

/// Bytes read from the inner reader, and handed out, at a time.
const BUFFER: usize = 1 << 16;

/// How the bytes read become UTF-8.
enum Mode {
    /// Nothing read yet: the encoding is found from the first bytes, or is UTF-8 (`true`).
    Start { utf8: bool },
    /// UTF-8: checked and passed on.
    Utf8,
    /// Another encoding, decoded; NUL is a zero code unit of `unit` bytes.
    Decode { decoder: Decoder, unit: usize, last: bool },
}

/// What stops the reading, once the bytes before it are handed out.
#[derive(Clone)]
enum Failure {
    InvalidUtf8(u8),
    Malformed(&'static str),
    Binary(u64),
    UnknownEncoding(String),
}

/// A buffered reader of UTF-8 that knows the line and column (in characters, both 1-based) of the next
/// byte it gives.
///
/// Counting is lazy: lines and columns are counted over the bytes handed out only when asked, or before
/// the buffer is filled again (the parser takes a few bytes at a time; counting each piece as it went
/// cost a tenth of the reading).
pub(crate) struct Utf8Reader<R> {
    inner: R,
    source: String,
    mode: Mode,
    /// Bytes read and not yet turned into UTF-8: `raw[raw_start..]`, of which the first is at `offset` in
    /// the input; the text starts at `text_start` (after a byte order mark).
    raw: Vec<u8>,
    raw_start: usize,
    offset: u64,
    text_start: u64,
    eof: bool,
    /// UTF-8 to hand out: `buffer[start..end]`.
    buffer: Box<[u8]>,
    start: usize,
    end: usize,
    /// Line and column at byte `.2` of the buffer.
    counted: Cell<(usize, usize, usize)>,
    /// How many times the buffer was filled.
    fills: u64,
    failure: Option<Failure>,
}

/// The place of a byte in a [`Utf8Reader`]'s buffer, taken without counting anything.
#[derive(Clone, Copy)]
pub(crate) struct Mark {
    fills: u64,
    at: usize,
}

impl<R: Read> Utf8Reader<R> {
    /// Reads an XML document in whatever encoding its first bytes say; `source` names it in errors.
    pub(crate) fn sniffing(inner: R, source: &str) -> Self {
        Self::with_mode(inner, source, Mode::Start { utf8: false })
    }

    /// Reads text that is UTF-8 (a byte order mark is dropped), whatever it declares.
    pub(crate) fn utf8(inner: R, source: &str) -> Self {
        Self::with_mode(inner, source, Mode::Start { utf8: true })
    }

    fn with_mode(inner: R, source: &str, mode: Mode) -> Self {
        Utf8Reader {
            inner,
            source: source.to_string(),
            mode,
            raw: Vec::new(),
            raw_start: 0,
            offset: 0,
            text_start: 0,
            eof: false,
            buffer: vec![0; BUFFER].into_boxed_slice(),
            start: 0,
            end: 0,
            counted: Cell::new((1, 1, 0)),
            fills: 0,
            failure: None,
        }
    }

    /// The line and column of the next byte.
    pub(crate) fn position(&self) -> (usize, usize) {
        let (mut line, mut column, from) = self.counted.get();
        if self.start > from {
            advance(&mut line, &mut column, &self.buffer[from..self.start]);
            self.counted.set((line, column, self.start));
        }
        (line, column)
    }

    /// The place of the next byte, for [`Self::position_of`].
    pub(crate) fn mark(&self) -> Mark {
        Mark { fills: self.fills, at: self.start }
    }

    /// The line and column of the byte `mark` was taken at; the reader's position instead when the
    /// buffer was filled again since, or counted past it.
    pub(crate) fn position_of(&self, mark: Mark) -> (usize, usize) {
        let (mut line, mut column, from) = self.counted.get();
        if mark.fills != self.fills || mark.at < from {
            return self.position();
        }
        advance(&mut line, &mut column, &self.buffer[from..mark.at]);
        (line, column)
    }

    /// Fills the emptied buffer with the next UTF-8, reading as much as that takes; leaves it empty at the
    /// end of the input or before a failure.
    fn refill(&mut self) -> io::Result<()> {
        let (line, column) = self.position();
        self.counted.set((line, column, 0));
        self.fills += 1;
        self.start = 0;
        self.end = 0;
        loop {
            match self.mode {
                Mode::Start { utf8 } => {
                    while self.raw.len() < HEAD && !self.eof {
                        self.read_raw()?;
                    }
                    self.choose(utf8);
                    if self.failure.is_some() {
                        return Ok(());
                    }
                    continue;
                }
                Mode::Utf8 => self.pass_utf8(),
                Mode::Decode { .. } => self.decode(),
            }
            let exhausted = self.raw_start == self.raw.len();
            let done = match self.mode {
                Mode::Decode { last, .. } => last,
                _ => self.eof && exhausted,
            };
            if self.end > 0 || self.failure.is_some() || done {
                return Ok(());
            }
            self.read_raw()?;
        }
    }

    /// Decides how to read, from the first bytes.
    fn choose(&mut self, utf8: bool) {
        let head = &self.raw[..self.raw.len().min(HEAD)];
        let sniffed = if utf8 {
            Ok(super::xml::Sniffed { encoding: UTF_8, bom: if head.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 } })
        } else {
            sniff(head)
        };
        let sniffed = sniffed.unwrap_or_else(|label| {
            self.failure = Some(Failure::UnknownEncoding(label));
            super::xml::Sniffed { encoding: UTF_8, bom: 0 }
        });
        self.raw_start = sniffed.bom;
        self.offset = sniffed.bom as u64;
        self.text_start = sniffed.bom as u64;
        self.mode = if sniffed.encoding == UTF_8 {
            Mode::Utf8
        } else {
            let unit = if sniffed.encoding == UTF_16LE || sniffed.encoding == UTF_16BE { 2 } else { 1 };
            Mode::Decode { decoder: sniffed.encoding.new_decoder_without_bom_handling(), unit, last: false }
        };
    }

    /// Reads more bytes after those not yet turned into UTF-8.
    fn read_raw(&mut self) -> io::Result<()> {
        if self.raw_start > 0 {
            self.raw.drain(..self.raw_start);
            self.raw_start = 0;
        }
        let old = self.raw.len();
        self.raw.resize(old + BUFFER, 0);
        let n = loop {
            match self.inner.read(&mut self.raw[old..]) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.raw.truncate(old);
                    return Err(e);
                }
                Ok(n) => break n,
            }
        };
        self.raw.truncate(old + n);
        self.eof |= n == 0;
        Ok(())
    }

    /// Moves the valid UTF-8 at the start of the raw bytes to the buffer, up to the first invalid byte or
    /// NUL (which become the failure); an unfinished sequence at the end waits for the next bytes.
    fn pass_utf8(&mut self) {
        let window = &self.raw[self.raw_start..];
        let window = &window[..window.len().min(BUFFER)];
        let (mut valid, mut failure) = match std::str::from_utf8(window) {
            Ok(_) => (window.len(), None),
            Err(e) => {
                let at_end = self.eof && self.raw_start + window.len() == self.raw.len();
                let waits = e.error_len().is_none() && !at_end;
                (e.valid_up_to(), (!waits).then(|| Failure::InvalidUtf8(window[e.valid_up_to()])))
            }
        };
        if let Some(nul) = memchr::memchr(0, &window[..valid]) {
            valid = nul;
            failure = Some(Failure::Binary(self.offset + nul as u64));
        }
        self.buffer[..valid].copy_from_slice(&window[..valid]);
        self.end = valid;
        self.raw_start += valid;
        self.offset += valid as u64;
        self.failure = failure;
    }

    /// Decodes the raw bytes into the buffer, up to the first NUL or malformed sequence (which become the
    /// failure).
    fn decode(&mut self) {
        let Mode::Decode { decoder, unit, last } = &mut self.mode else { return };
        if *last {
            return;
        }
        let window = &self.raw[self.raw_start..];
        let nul = first_nul(window, *unit, !(self.offset - self.text_start).is_multiple_of(*unit as u64));
        let input = &window[..nul.unwrap_or(window.len())];
        let finish = self.eof && nul.is_none();
        let (result, read, written) = decoder.decode_to_utf8_without_replacement(input, &mut self.buffer, finish);
        self.end = written;
        self.raw_start += read;
        self.offset += read as u64;
        match result {
            DecoderResult::Malformed(..) => self.failure = Some(Failure::Malformed(decoder.encoding().name())),
            DecoderResult::InputEmpty if nul.is_some() => self.failure = Some(Failure::Binary(self.offset)),
            DecoderResult::InputEmpty => *last = finish,
            DecoderResult::OutputFull => {}
        }
    }

    /// The error the reading stops with, at the reader's position.
    fn error(&self, failure: &Failure) -> io::Error {
        let (line, column) = self.position();
        let at = Location::new(&self.source, line, column);
        let error = match failure.clone() {
            Failure::InvalidUtf8(byte) => DecodeError::InvalidUtf8 { at, byte },
            Failure::Malformed(encoding) => DecodeError::Malformed { at, encoding },
            Failure::Binary(offset) => DecodeError::Binary { at, offset: offset as usize },
            Failure::UnknownEncoding(label) => DecodeError::UnknownEncoding { file: self.source.clone(), label },
        };
        io::Error::new(io::ErrorKind::InvalidData, error)
    }
}

/// The index in `bytes` of the first zero code unit of `unit` bytes; `odd` when `bytes` starts in the
/// middle of one.
fn first_nul(bytes: &[u8], unit: usize, odd: bool) -> Option<usize> {
    if unit == 1 {
        return memchr::memchr(0, bytes);
    }
    let skip = usize::from(odd);
    let units = bytes.get(skip..)?.chunks_exact(2);
    units.into_iter().position(|pair| pair == [0, 0]).map(|k| skip + 2 * k)
}

impl<R: Read> Read for Utf8Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Utf8Reader<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.start >= self.end {
            if let Some(failure) = &self.failure {
                return Err(self.error(failure));
            }
            self.refill()?;
            if self.end == 0
                && let Some(failure) = &self.failure
            {
                return Err(self.error(failure));
            }
        }
        Ok(&self.buffer[self.start..self.end])
    }

    fn consume(&mut self, amount: usize) {
        self.start = (self.start + amount).min(self.end);
    }
}

/// The [`DecodeError`] an error of a [`Utf8Reader`] carries, if it is one.
pub(crate) fn decode_error(error: &io::Error) -> Option<&DecodeError> {
    error.get_ref()?.downcast_ref()
}

/// All of `reader` as a string.
pub(crate) fn read_all<R: Read>(mut reader: Utf8Reader<R>) -> io::Result<String> {
    let mut text = String::new();
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(text);
        }
        // Chunks end between characters: the reader hands out whole ones.
        text.push_str(std::str::from_utf8(chunk).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?);
        let n = chunk.len();
        reader.consume(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8]) -> Result<String, DecodeError> {
        read_all(Utf8Reader::sniffing(bytes, "t.xml")).map_err(|e| decode_error(&e).expect("a decode error").clone())
    }

    fn utf16(text: &str, bom: bool, little: bool) -> Vec<u8> {
        let bom = if bom { "\u{FEFF}" } else { "" };
        let units = bom.encode_utf16().chain(text.encode_utf16());
        units.flat_map(|u| if little { u.to_le_bytes() } else { u.to_be_bytes() }).collect()
    }

    #[test]
    fn every_encoding_reads_the_same() {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>é€𝄞\n</a>";
        for bom in [false, true] {
            for little in [false, true] {
                assert_eq!(decoded(&utf16(xml, bom, little)).unwrap(), xml, "bom {bom}, little endian {little}");
            }
        }
        assert_eq!(decoded(b"\xEF\xBB\xBF<a>\xC3\xA9</a>").unwrap(), "<a>é</a>");
        assert_eq!(
            decoded(b"<?xml version='1.0' encoding='ISO-8859-1'?><a>\xE9</a>").unwrap(),
            "<?xml version='1.0' encoding='ISO-8859-1'?><a>é</a>"
        );
    }

    #[test]
    fn undecodable_and_binary_input_is_refused_where_it_is() {
        let err = decoded(b"<a>\n caf\xE9</a>").unwrap_err();
        assert_eq!(err, DecodeError::InvalidUtf8 { at: Location::new("t.xml", 2, 5), byte: 0xE9 });
        assert_eq!(
            decoded(b"<a>\xC3").unwrap_err(),
            DecodeError::InvalidUtf8 { at: Location::new("t.xml", 1, 4), byte: 0xC3 }
        );
        let binary = |offset, line, column| DecodeError::Binary { at: Location::new("t.xml", line, column), offset };
        assert_eq!(decoded(b"<a>\0</a>").unwrap_err(), binary(3, 1, 4));
        let mut lone_surrogate = utf16("<?xml?>\n<a>", false, true);
        lone_surrogate.extend([0x00, 0xDC, b'x', 0]);
        assert!(matches!(
            decoded(&lone_surrogate).unwrap_err(),
            DecodeError::Malformed { at: Location { line: 2, column: 4, .. }, .. }
        ));
        let nul = utf16("<?xml?><a>\0</a>", true, false);
        assert_eq!(decoded(&nul).unwrap_err(), binary(22, 1, 11));
        assert!(matches!(
            decoded(b"<?xml version=\"1.0\" encoding=\"klingon\"?><a/>"),
            Err(DecodeError::UnknownEncoding { .. })
        ));
    }

    #[test]
    fn utf8_mode_ignores_declarations() {
        let text = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>é</a>";
        assert_eq!(read_all(Utf8Reader::utf8(text.as_bytes(), "t")).unwrap(), text);
    }

    #[test]
    fn positions_count_lines_and_characters_not_bytes() {
        let mut reader = Utf8Reader::utf8(&b"ab\ncd\xC3\xA9f"[..], "t");
        reader.fill_buf().unwrap();
        reader.consume(4);
        assert_eq!(reader.position(), (2, 2));
        let mark = reader.mark();
        reader.consume(4);
        assert_eq!(reader.position_of(mark), (2, 2));
        assert_eq!(reader.position(), (2, 5));
    }

    /// A reader that gives at most three bytes at a time.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(buf.len()).min(3);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn positions_across_refills() {
        let text = "été\nà la\n\nfin é";
        for bytes in [text.as_bytes().to_vec(), utf16(text, true, true)] {
            let mut reader = Utf8Reader::sniffing(Trickle(&bytes), "t");
            let mut read = Vec::new();
            while let Some(&byte) = reader.fill_buf().unwrap().first() {
                reader.consume(1);
                read.push(byte);
                let before = std::str::from_utf8(&read).unwrap_or_default();
                if !before.is_empty() {
                    let line = 1 + before.matches('\n').count();
                    let column = 1 + before.rsplit('\n').next().unwrap().chars().count();
                    assert_eq!(reader.position(), (line, column), "after {before:?}");
                }
            }
            assert_eq!(read, text.as_bytes());
            assert_eq!(reader.position(), (4, 6));
        }
    }
}
