//! Writing TMX 1.4b.

use super::TranslationUnit;
use std::io::{self, Write};

/// The `<header>` of a TMX file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TmxHeader {
    /// `srclang`: the language the units were translated from.
    pub source_language: String,
    /// `adminlang`: the language of notes and properties.
    pub admin_language: String,
    /// `creationdate`, YYYYMMDDThhmmssZ.
    pub creation_date: String,
    /// `datatype`.
    pub datatype: String,
    /// Header-level properties.
    pub props: Vec<(String, String)>,
}

impl TmxHeader {
    /// A header for plain-text units from `source_language`, created at `creation_date`
    /// (YYYYMMDDThhmmssZ), with English as the administrative language.
    pub fn new(source_language: &str, creation_date: &str) -> Self {
        TmxHeader {
            source_language: source_language.to_string(),
            admin_language: "en".to_string(),
            creation_date: creation_date.to_string(),
            datatype: "plaintext".to_string(),
            props: Vec::new(),
        }
    }
}

/// Streams a TMX 1.4b document: the header when created, one `<tu>` per [`TmxWriter::write_unit`], and
/// the closing tags in [`TmxWriter::finish`]. Errors are those of the underlying writer.
pub struct TmxWriter<W: Write> {
    out: W,
}

impl<W: Write> TmxWriter<W> {
    /// Writes the XML declaration, the doctype, `<tmx>` and `<header>` to `out`.
    pub fn new(mut out: W, header: &TmxHeader) -> io::Result<Self> {
        out.write_all(
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n",
        )?;
        write!(
            out,
            "  <header creationtool=\"trame\" creationtoolversion=\"{}\" segtype=\"sentence\" o-tmf=\"trame\" \
             adminlang=\"{}\" srclang=\"{}\" datatype=\"{}\" creationdate=\"{}\"",
            env!("CARGO_PKG_VERSION"),
            attribute(&header.admin_language),
            attribute(&header.source_language),
            attribute(&header.datatype),
            attribute(&header.creation_date),
        )?;
        if header.props.is_empty() {
            out.write_all(b"/>\n")?;
        } else {
            out.write_all(b">\n")?;
            for (kind, value) in &header.props {
                writeln!(out, "    <prop type=\"{}\">{}</prop>", attribute(kind), text(value))?;
            }
            out.write_all(b"  </header>\n")?;
        }
        out.write_all(b"  <body>\n")?;
        Ok(TmxWriter { out })
    }

    /// Writes one `<tu>`: its properties, then one `<tuv>` per variant.
    pub fn write_unit(&mut self, unit: &TranslationUnit) -> io::Result<()> {
        let out = &mut self.out;
        match &unit.creation_date {
            Some(date) => writeln!(out, "    <tu creationdate=\"{}\">", attribute(date))?,
            None => out.write_all(b"    <tu>\n")?,
        }
        for (kind, value) in &unit.props {
            writeln!(out, "      <prop type=\"{}\">{}</prop>", attribute(kind), text(value))?;
        }
        for (language, segment) in &unit.variants {
            writeln!(out, "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>", attribute(language), text(segment))?;
        }
        out.write_all(b"    </tu>\n")
    }

    /// Closes the document and returns the writer, flushed.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.write_all(b"  </body>\n</tmx>\n")?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Whether XML 1.0 allows `c` in a document.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `value` escaped for character data, without the characters XML 1.0 forbids. A carriage return is
/// written as a reference so that parsers do not turn it into a line feed.
pub(crate) fn text(value: &str) -> String {
    escape(value, false)
}

/// `value` escaped for a double-quoted attribute.
pub(crate) fn attribute(value: &str) -> String {
    escape(value, true)
}

fn escape(value: &str, in_attribute: bool) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#xD;"),
            '"' if in_attribute => out.push_str("&quot;"),
            '\t' if in_attribute => out.push_str("&#x9;"),
            '\n' if in_attribute => out.push_str("&#xA;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(text("a < b & c > d \"e\""), "a &lt; b &amp; c &gt; d \"e\"");
        assert_eq!(attribute("x\"y\tz"), "x&quot;y&#x9;z");
        assert_eq!(text("bell\u{7}\u{0}ok\u{FFFE}\r\n"), "bellok&#xD;\n");
    }

    #[test]
    fn document_shape() {
        let mut header = TmxHeader::new("fr", "20261122T090000Z");
        header.props.push(("x-source".into(), "a.txt".into()));
        let mut writer = TmxWriter::new(Vec::new(), &header).unwrap();
        let mut unit = TranslationUnit::new();
        unit.creation_date = Some("20261122T090000Z".into());
        unit.add_prop("x-confidence", "0.50");
        unit.add_variant("fr", "  Espaces  gardés ");
        unit.add_variant("en", "Kept");
        writer.write_unit(&unit).unwrap();
        let xml = String::from_utf8(writer.finish().unwrap()).unwrap();
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx"));
        assert!(xml.contains("<prop type=\"x-source\">a.txt</prop>\n  </header>"));
        assert!(xml.contains("<tu creationdate=\"20261122T090000Z\">\n      <prop type=\"x-confidence\">0.50</prop>"));
        assert!(xml.contains("<tuv xml:lang=\"fr\"><seg>  Espaces  gardés </seg></tuv>"));
        assert!(xml.ends_with("  </body>\n</tmx>\n"));
    }
}
