//! The bytes of a TMX file as UTF-8 for the XML parser, and where the parser is in them.
//!
//! TMX files come in UTF-8 (with or without a byte order mark), UTF-16 (little or big endian, with or
//! without a byte order mark) or a legacy encoding named in the XML declaration; all are read as a
//! stream and turned into UTF-8 on the way.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use encoding_rs_io::DecodeReaderBytesBuilder;
use std::io::{self, BufRead, BufReader, Cursor, Read};

/// How many bytes are looked at to find the encoding.
const SNIFF: usize = 1024;

/// `input` as UTF-8, whatever encoding it is in; an encoding the declaration names but nobody knows is
/// an error.
pub(crate) fn utf8_input<'a>(mut input: impl Read + Send + 'a) -> io::Result<Box<dyn BufRead + Send + 'a>> {
    let mut head = Vec::with_capacity(SNIFF);
    (&mut input).take(SNIFF as u64).read_to_end(&mut head)?;
    let encoding = sniff(&head)?;
    let stream = Cursor::new(head).chain(input);
    if encoding == UTF_8 {
        // No transcoding: only the byte order mark is dropped.
        let mut reader = BufReader::with_capacity(1 << 16, stream);
        if reader.fill_buf()?.starts_with(b"\xEF\xBB\xBF") {
            reader.consume(3);
        }
        return Ok(Box::new(reader));
    }
    let decoded = DecodeReaderBytesBuilder::new().encoding(Some(encoding)).bom_override(true).build(stream);
    Ok(Box::new(BufReader::with_capacity(1 << 16, decoded)))
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

/// A reader that knows the line and column (in characters, both 1-based) of the next byte it gives.
pub(crate) struct Tracked<R> {
    inner: R,
    line: usize,
    column: usize,
}

impl<R> Tracked<R> {
    pub(crate) fn new(inner: R) -> Self {
        Tracked { inner, line: 1, column: 1 }
    }

    /// The line and column of the next byte.
    pub(crate) fn position(&self) -> (usize, usize) {
        (self.line, self.column)
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

impl<R: BufRead> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        advance(&mut self.line, &mut self.column, &buf[..n]);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Tracked<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        // The buffer is not empty when something is consumed: this reads nothing.
        if let Ok(buffer) = self.inner.fill_buf() {
            advance(&mut self.line, &mut self.column, &buffer[..amount.min(buffer.len())]);
        }
        self.inner.consume(amount);
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
}
