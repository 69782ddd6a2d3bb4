//! The bytes of a TMX file as UTF-8 for the XML parser, and where the parser is in them.
//!
//! TMX files come in UTF-8 (with or without a byte order mark), UTF-16 (little or big endian, with or
//! without a byte order mark) or a legacy encoding named in the XML declaration; all are read as a
//! stream and turned into UTF-8 on the way.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use encoding_rs_io::DecodeReaderBytesBuilder;
use std::cell::Cell;
use std::io::{self, BufRead, Cursor, Read};

/// How many bytes are looked at to find the encoding.
const SNIFF: usize = 1024;

/// `input` as UTF-8, whatever encoding it is in; an encoding the declaration names but nobody knows is
/// an error.
pub(crate) fn utf8_input<'a>(mut input: impl Read + Send + 'a) -> io::Result<Box<dyn Read + Send + 'a>> {
    let mut head = Vec::with_capacity(SNIFF);
    (&mut input).take(SNIFF as u64).read_to_end(&mut head)?;
    let encoding = sniff(&head)?;
    if encoding == UTF_8 {
        // No transcoding: only the byte order mark is dropped.
        let bom = if head.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
        let mut head = Cursor::new(head);
        head.set_position(bom);
        return Ok(Box::new(head.chain(input)));
    }
    let stream = Cursor::new(head).chain(input);
    Ok(Box::new(DecodeReaderBytesBuilder::new().encoding(Some(encoding)).bom_override(true).build(stream)))
}

/// The encoding of a document that starts with `head`.
fn sniff(head: &[u8]) -> io::Result<&'static Encoding> {
    if let Some((encoding, _)) = Encoding::for_bom(head) {
        return Ok(encoding);
    }
    if head.starts_with(b"<\0?\0") {
        return Ok(UTF_16LE);
    }
    if head.starts_with(b"\0<\0?") {
        return Ok(UTF_16BE);
    }
    let Some(label) = declared_encoding(head) else { return Ok(UTF_8) };
    match Encoding::for_label(label.as_bytes()) {
        // A UTF-16 declaration on bytes that are not UTF-16 (no BOM, no zero bytes): the bytes win.
        Some(encoding) if encoding == UTF_16LE || encoding == UTF_16BE => Ok(UTF_8),
        Some(encoding) => Ok(encoding),
        None => Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("unknown encoding \"{label}\" in the XML declaration"),
        )),
    }
}

/// The `encoding` of the XML declaration at the start of `head`, if any.
fn declared_encoding(head: &[u8]) -> Option<String> {
    let head = std::str::from_utf8(&head[..head.len().min(SNIFF)]).ok().or_else(|| {
        let valid = std::str::from_utf8(head).err().map_or(head.len(), |e| e.valid_up_to());
        std::str::from_utf8(&head[..valid]).ok()
    })?;
    let declaration = head.strip_prefix("<?xml")?;
    let declaration = &declaration[..declaration.find("?>")?];
    let at = declaration.find("encoding")? + "encoding".len();
    let rest = declaration[at..].trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|q| *q == '"' || *q == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].trim().to_string())
}

/// Bytes read from the inner reader at a time.
const BUFFER: usize = 1 << 16;

/// A buffered reader that knows the line and column (in characters, both 1-based) of the next byte it
/// gives.
///
/// Counting is lazy: lines and columns are counted over the bytes handed out only when asked, or before
/// the buffer is filled again (the parser takes a few bytes at a time; counting each piece as it went
/// cost a tenth of the reading).
pub(crate) struct Tracked<R> {
    inner: R,
    buffer: Box<[u8]>,
    /// The next byte to hand out, and the end of what the buffer holds.
    start: usize,
    end: usize,
    /// Line and column at byte `.2` of the buffer.
    counted: Cell<(usize, usize, usize)>,
}

impl<R: Read> Tracked<R> {
    pub(crate) fn new(inner: R) -> Self {
        Tracked { inner, buffer: vec![0; BUFFER].into_boxed_slice(), start: 0, end: 0, counted: Cell::new((1, 1, 0)) }
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
}

/// Moves `line` and `column` past `bytes`.
fn advance(line: &mut usize, column: &mut usize, bytes: &[u8]) {
    let tail = match memchr::memrchr(b'\n', bytes) {
        Some(k) => {
            *line += memchr::memchr_iter(b'\n', bytes).count();
            *column = 1;
            &bytes[k + 1..]
        }
        None => bytes,
    };
    *column += tail.iter().filter(|&&b| b & 0xC0 != 0x80).count();
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Tracked<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.start >= self.end {
            // Everything handed out: counted before the buffer takes the next bytes.
            let (line, column) = self.position();
            let n = loop {
                match self.inner.read(&mut self.buffer) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    other => break other?,
                }
            };
            self.start = 0;
            self.end = n;
            self.counted.set((line, column, 0));
        }
        Ok(&self.buffer[self.start..self.end])
    }

    fn consume(&mut self, amount: usize) {
        self.start = (self.start + amount).min(self.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8]) -> String {
        let mut out = String::new();
        utf8_input(bytes).unwrap().read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn encodings() {
        assert_eq!(decoded(b"\xEF\xBB\xBF<a>\xC3\xA9</a>"), "<a>é</a>");
        let utf16: Vec<u8> =
            "\u{FEFF}<?xml version=\"1.0\"?><a>é</a>".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decoded(&utf16), "<?xml version=\"1.0\"?><a>é</a>");
        let utf16be: Vec<u8> = "<?xml version=\"1.0\"?><a>é</a>".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decoded(&utf16be), "<?xml version=\"1.0\"?><a>é</a>");
        assert_eq!(
            decoded(b"<?xml version='1.0' encoding='ISO-8859-1'?><a>\xE9</a>"),
            "<?xml version='1.0' encoding='ISO-8859-1'?><a>é</a>"
        );
        assert!(utf8_input(&b"<?xml version=\"1.0\" encoding=\"klingon\"?><a/>"[..]).is_err());
    }

    #[test]
    fn positions() {
        let mut tracked = Tracked::new(&b"ab\ncd\xC3\xA9f"[..]);
        tracked.fill_buf().unwrap();
        tracked.consume(4);
        assert_eq!(tracked.position(), (2, 2));
        tracked.consume(4);
        assert_eq!(tracked.position(), (2, 5));
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
        let mut tracked = Tracked::new(Trickle(text.as_bytes()));
        let mut read = Vec::new();
        while let Some(&byte) = tracked.fill_buf().unwrap().first() {
            tracked.consume(1);
            read.push(byte);
            let before = std::str::from_utf8(&read).unwrap_or_default();
            if !before.is_empty() {
                let line = 1 + before.matches('\n').count();
                let column = 1 + before.rsplit('\n').next().unwrap().chars().count();
                assert_eq!(tracked.position(), (line, column), "after {before:?}");
            }
        }
        assert_eq!(read, text.as_bytes());
        assert_eq!(tracked.position(), (4, 6));
    }
}
