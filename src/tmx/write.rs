//! Writing TMX 1.4b.

use super::TranslationUnit;
use crate::xml::{attribute, text};
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

#[cfg(test)]
mod tests {
    use super::*;

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
