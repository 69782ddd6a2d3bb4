//! Turning the bytes of an input file into text.
//!
//! trame works on UTF-8. A file in another encoding is decoded when it says which one it is: a byte order
//! mark (UTF-8, UTF-16 LE/BE), or a declaration near its start (`<?xml ... encoding="..."?>`,
//! `<meta charset="...">`, an Emacs/Vim `coding:` line). Anything else that is not valid UTF-8 is refused
//! with the line and column of the first bad byte, never guessed.
//!
//! XML documents (TMX, TBX, SRX) all go through [`decode_xml`] (or its streaming form, for TMX): their
//! encoding is found as XML 1.0 Appendix F says, so that UTF-16 without a byte order mark is read when
//! it starts with `<?xml`, and bytes that are not valid, or NUL characters, are refused with the same
//! [`DecodeError`] whichever reader meets them.

mod reader;
mod xml;

pub(crate) use reader::{Utf8Reader, decode_error};

use crate::position::{Location, line_column};
use encoding_rs::Encoding;
use std::fmt;

/// Why bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not UTF-8 and no BOM or declaration says otherwise.
    InvalidUtf8 {
        /// Where the first invalid byte is.
        at: Location,
        /// The offending byte.
        byte: u8,
    },
    /// A declared or requested encoding that no decoder knows.
    UnknownEncoding {
        /// The file or `<stdin>`.
        file: String,
        /// The label as written.
        label: String,
    },
    /// Bytes that are not valid in the declared encoding.
    Malformed {
        /// Where the first replacement character produced is.
        at: Location,
        /// The encoding used.
        encoding: &'static str,
    },
    /// NUL bytes: a binary file, not text.
    Binary {
        /// Where the first NUL is.
        at: Location,
        /// Byte offset of the first NUL.
        offset: usize,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::InvalidUtf8 { at, byte } => write!(
                f,
                "{at}: not UTF-8 (byte 0x{byte:02X}) and no byte order mark or encoding \
                 declaration says what it is; convert it to UTF-8 or name its encoding (--encoding latin1 for \
                 text, encoding=\"ISO-8859-1\" in the declaration of an XML file)"
            ),
            DecodeError::UnknownEncoding { file, label } => write!(f, "{file}: unknown encoding '{label}'"),
            DecodeError::Malformed { at, encoding } => write!(f, "{at}: bytes that are not valid {encoding}"),
            DecodeError::Binary { at, .. } => write!(f, "{at}: {BINARY}"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// What every reader says of binary data (a NUL byte), after the file, line and column.
pub const BINARY: &str = "not a text file (binary data: a NUL byte)";

/// The line and column (1-based, in characters) of byte `offset` of `bytes`, which may not be valid text.
pub(crate) fn position_in_bytes(bytes: &[u8], offset: usize) -> (usize, usize) {
    let head = &bytes[..offset.min(bytes.len())];
    let line_start = memchr::memrchr(b'\n', head).map_or(0, |k| k + 1);
    let line = memchr::memchr_iter(b'\n', head).count() + 1;
    (line, String::from_utf8_lossy(&head[line_start..]).chars().count() + 1)
}

/// How many bytes at the start of a file are searched for an encoding declaration.
const DECLARATION_WINDOW: usize = 1024;

/// Decodes the XML document `bytes` (TMX, TBX, SRX) to UTF-8 text, dropping any byte order mark.
///
/// The encoding is, in this order: the one a byte order mark gives (UTF-8, UTF-16 LE or BE); UTF-16 when
/// the document starts with `<?xml` in UTF-16 without one; the one the XML declaration names; UTF-8.
/// Errors name
/// `source` and the line and column of the first byte that is not valid in the encoding, or the offset
/// of the first NUL.
pub fn decode_xml(bytes: &[u8], source: &str) -> Result<String, DecodeError> {
    reader::read_all(Utf8Reader::sniffing(bytes, source)).map_err(|error| match decode_error(&error) {
        Some(decode) => decode.clone(),
        // Reading bytes in memory fails only on what they hold.
        None => DecodeError::Malformed { at: Location::new(source, 1, 1), encoding: "UTF-8" },
    })
}

/// Decodes `bytes` to UTF-8 text, dropping any byte order mark.
///
/// `forced` is an encoding label (`latin1`, `windows-1252`, `utf-16le`, ...) that overrides detection. Errors
/// name `source` and, where it applies, the line and column of the first bad byte.
pub fn decode(bytes: Vec<u8>, source: &str, forced: Option<&str>) -> Result<String, DecodeError> {
    if let Some(label) = forced {
        let encoding = encoding_for(label)
            .ok_or_else(|| DecodeError::UnknownEncoding { file: source.to_string(), label: label.to_string() })?;
        return decode_with(&bytes, encoding, source);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
        if encoding == encoding_rs::UTF_8 {
            return utf8(bytes[bom_len..].to_vec(), source);
        }
        return decode_with(&bytes, encoding, source);
    }
    if let Some(offset) = memchr::memchr(0, &bytes) {
        let (line, column) = position_in_bytes(&bytes, offset);
        return Err(DecodeError::Binary { at: Location::new(source, line, column), offset });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let bytes = err.into_bytes();
            match declared_encoding(&bytes) {
                Some(label) => {
                    let encoding = encoding_for(&label)
                        .ok_or_else(|| DecodeError::UnknownEncoding { file: source.to_string(), label })?;
                    decode_with(&bytes, encoding, source)
                }
                None => utf8(bytes, source),
            }
        }
    }
}

/// The encoding a label names: WHATWG labels (`latin1`, `windows-1252`), and the spellings Python and
/// Emacs use (`latin-1`, `utf_8`).
fn encoding_for(label: &str) -> Option<&'static Encoding> {
    let label = label.trim();
    Encoding::for_label(label.as_bytes())
        .or_else(|| Encoding::for_label(label.replace('_', "-").as_bytes()))
        .or_else(|| Encoding::for_label(label.replace(['-', '_'], "").as_bytes()))
}

fn utf8(bytes: Vec<u8>, source: &str) -> Result<String, DecodeError> {
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        let bytes = err.as_bytes();
        let (line, column) = line_column(&String::from_utf8_lossy(&bytes[..at]), at);
        DecodeError::InvalidUtf8 { at: Location::new(source, line, column), byte: bytes[at] }
    })
}

fn decode_with(bytes: &[u8], encoding: &'static Encoding, source: &str) -> Result<String, DecodeError> {
    // `decode` sniffs and strips a BOM of its own, which is what we want.
    let (text, used, had_errors) = encoding.decode(bytes);
    if had_errors {
        let at = text.find('\u{FFFD}').unwrap_or(0);
        let (line, column) = line_column(&text, at);
        return Err(DecodeError::Malformed { at: Location::new(source, line, column), encoding: used.name() });
    }
    Ok(text.into_owned())
}

/// Finds an encoding label declared near the start: XML `encoding="..."`, HTML `charset=...`, or an
/// Emacs/Vim/Python `coding: ...` / `coding=...`.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(DECLARATION_WINDOW)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    for key in [&b"encoding"[..], b"charset", b"coding"] {
        let mut from = 0;
        while let Some(pos) = memchr::memmem::find(&lower[from..], key) {
            let mut i = from + pos + key.len();
            from = i;
            while i < lower.len() && matches!(lower[i], b' ' | b'\t') {
                i += 1;
            }
            if i >= lower.len() || !matches!(lower[i], b'=' | b':') {
                continue;
            }
            i += 1;
            while i < lower.len() && matches!(lower[i], b' ' | b'\t' | b'"' | b'\'') {
                i += 1;
            }
            let start = i;
            while i < lower.len() && (lower[i].is_ascii_alphanumeric() || matches!(lower[i], b'-' | b'_' | b'.' | b':'))
            {
                i += 1;
            }
            if i > start {
                return Some(String::from_utf8_lossy(&head[start..i]).into_owned());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_utf8_passes_through() {
        assert_eq!(decode("Déjà vu.".as_bytes().to_vec(), "t", None).unwrap(), "Déjà vu.");
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("Été.".as_bytes());
        assert_eq!(decode(bytes, "t", None).unwrap(), "Été.");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Noël".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(le, "t", None).unwrap(), "Noël");
        let mut be = vec![0xFE, 0xFF];
        be.extend("Noël".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(be, "t", None).unwrap(), "Noël");
    }

    #[test]
    fn declared_latin1_is_decoded() {
        let mut bytes = b"# -*- coding: latin-1 -*-\nCaf".to_vec();
        bytes.push(0xE9);
        assert_eq!(decode(bytes, "t", None).unwrap(), "# -*- coding: latin-1 -*-\nCafé");
        let mut xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>".to_vec();
        xml.push(0xE0);
        assert!(decode(xml, "t", None).unwrap().ends_with("<a>à"));
    }

    #[test]
    fn undeclared_latin1_is_refused_with_position() {
        let mut bytes = b"ligne un\nCaf".to_vec();
        bytes.push(0xE9);
        let err = decode(bytes, "article.txt", None).unwrap_err();
        assert_eq!(err, DecodeError::InvalidUtf8 { at: Location::new("article.txt", 2, 4), byte: 0xE9 });
        assert!(err.to_string().starts_with("article.txt:2:4: not UTF-8"));
    }

    #[test]
    fn forced_encoding_wins() {
        assert_eq!(decode(vec![b'a', 0xE9], "t", Some("latin1")).unwrap(), "aé");
        assert!(matches!(decode(vec![b'a'], "t", Some("klingon")), Err(DecodeError::UnknownEncoding { .. })));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(matches!(decode(vec![b'a', 0, b'b'], "t", None), Err(DecodeError::Binary { offset: 1, .. })));
    }

    #[test]
    fn empty_is_empty() {
        assert_eq!(decode(Vec::new(), "t", None).unwrap(), "");
    }
}
