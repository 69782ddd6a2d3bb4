//! Which encoding an XML document is in, found as XML 1.0 Appendix F describes: a byte order mark, else
//! `<?xml` written in UTF-16 without one, else the encoding its declaration names, else UTF-8.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// How many bytes at the start of a document are looked at.
pub(crate) const HEAD: usize = 1024;

/// The encoding of a document, and the length of the byte order mark it starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sniffed {
    pub(crate) encoding: &'static Encoding,
    pub(crate) bom: usize,
}

/// The encoding of an XML document that starts with `head`, or the label of a declared encoding that no
/// decoder knows.
pub(crate) fn sniff(head: &[u8]) -> Result<Sniffed, String> {
    if let Some((encoding, bom)) = Encoding::for_bom(head) {
        return Ok(Sniffed { encoding, bom });
    }
    let without_bom = |encoding| Ok(Sniffed { encoding, bom: 0 });
    if head.starts_with(b"<\0?\0") {
        return without_bom(UTF_16LE);
    }
    if head.starts_with(b"\0<\0?") {
        return without_bom(UTF_16BE);
    }
    let Some(label) = declared(head) else { return without_bom(UTF_8) };
    match super::encoding_for(&label) {
        // A UTF-16 declaration on bytes that are not UTF-16 (no byte order mark, no zero bytes): the bytes
        // win, as Appendix F says.
        Some(encoding) if encoding == UTF_16LE || encoding == UTF_16BE => without_bom(UTF_8),
        Some(encoding) => without_bom(encoding),
        None => Err(label),
    }
}

/// The `encoding` of the XML declaration `head` starts with, if any.
fn declared(head: &[u8]) -> Option<String> {
    let declaration = head.strip_prefix(b"<?xml")?;
    let declaration = &declaration[..memchr::memmem::find(declaration, b"?>")?];
    let at = memchr::memmem::find(declaration, b"encoding")? + b"encoding".len();
    let rest = declaration[at..].trim_ascii_start().strip_prefix(b"=")?.trim_ascii_start();
    let (&quote, value) = rest.split_first().filter(|(q, _)| matches!(q, b'"' | b'\''))?;
    let value = &value[..memchr::memchr(quote, value)?];
    Some(String::from_utf8_lossy(value.trim_ascii()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(head: &[u8], encoding: &'static Encoding, bom: usize) {
        assert_eq!(sniff(head), Ok(Sniffed { encoding, bom }), "{head:?}");
    }

    #[test]
    fn byte_order_marks_then_utf16_declarations_then_labels_then_utf8() {
        case(b"\xEF\xBB\xBF<?xml version='1.0'?>", UTF_8, 3);
        case(b"\xFF\xFE<\0?\0", UTF_16LE, 2);
        case(b"\xFE\xFF\0<\0?", UTF_16BE, 2);
        case(b"<\0?\0x\0m\0l\0", UTF_16LE, 0);
        case(b"\0<\0?\0x\0m\0l", UTF_16BE, 0);
        case(b"<?xml version=\"1.0\" encoding = 'ISO-8859-1' ?><a/>", encoding_rs::WINDOWS_1252, 0);
        case(b"<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>", UTF_8, 0);
        case(b"<?xml version=\"1.0\"?><a encoding=\"latin1\"/>", UTF_8, 0);
        case(b"<tmx/>", UTF_8, 0);
        case(b"", UTF_8, 0);
        assert_eq!(sniff(b"<?xml version=\"1.0\" encoding=\"klingon\"?>"), Err("klingon".to_string()));
    }
}
