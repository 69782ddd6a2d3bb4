//! Writing TMX 1.4b.

use super::unit::{Extra, Unit};
use crate::xml::{attribute, text};
use std::io::{self, Write};

/// The `<header>` of a TMX file trame writes: the attributes a caller chooses, by name; `creationtool`,
/// `segtype` and `o-tmf` are trame's. A header as read from a file is a [`Header`](super::Header).
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
    /// More header-level properties and notes (after `props`).
    pub extras: Vec<Extra>,
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
            extras: Vec::new(),
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
        if header.props.is_empty() && header.extras.is_empty() {
            out.write_all(b"/>\n")?;
        } else {
            out.write_all(b">\n")?;
            for (kind, value) in &header.props {
                writeln!(out, "    <prop type=\"{}\">{}</prop>", attribute(kind), text(value))?;
            }
            write_extras(&mut out, "    ", &header.extras)?;
            out.write_all(b"  </header>\n")?;
        }
        out.write_all(b"  <body>\n")?;
        Ok(TmxWriter { out })
    }

    /// Writes a unit as a memory keeps it: its attributes (those TMX 1.4b defines), properties and notes,
    /// and each variant's segment markup as it is (inline codes included; codes that do not pair up
    /// become isolated `<it>` codes, so that the file stays valid). A unit of plain text is one made with
    /// [`Unit::add_variant`]. (The only way to write a unit: "full" is from when plain units had a type
    /// and a method of their own.)
    pub fn write_unit(&mut self, unit: &Unit) -> io::Result<()> {
        let out = &mut self.out;
        out.write_all(b"    <tu")?;
        write_attributes(out, &unit.attributes, UNIT_ATTRIBUTES)?;
        out.write_all(b">\n")?;
        write_extras(out, "      ", &unit.extras)?;
        for variant in &unit.variants {
            write!(out, "      <tuv xml:lang=\"{}\"", attribute(&variant.language))?;
            write_attributes(out, &variant.attributes, VARIANT_ATTRIBUTES)?;
            if variant.extras.is_empty() {
                out.write_all(b">")?;
            } else {
                out.write_all(b">\n")?;
                write_extras(out, "        ", &variant.extras)?;
                out.write_all(b"        ")?;
            }
            writeln!(out, "<seg>{}</seg></tuv>", super::codes::paired(&variant.markup))?;
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

/// The attributes TMX 1.4b allows on `<tu>` and `<tuv>` (others, from older or looser files, are not
/// written).
const UNIT_ATTRIBUTES: &[&str] = &[
    "tuid",
    "o-encoding",
    "datatype",
    "usagecount",
    "lastusagedate",
    "creationtool",
    "creationtoolversion",
    "creationdate",
    "creationid",
    "changedate",
    "segtype",
    "changeid",
    "o-tmf",
    "srclang",
];
const VARIANT_ATTRIBUTES: &[&str] = &[
    "o-encoding",
    "datatype",
    "usagecount",
    "lastusagedate",
    "creationtool",
    "creationtoolversion",
    "creationdate",
    "creationid",
    "changedate",
    "changeid",
    "o-tmf",
];

fn write_attributes(out: &mut impl Write, attributes: &[(String, String)], allowed: &[&str]) -> io::Result<()> {
    for (name, value) in attributes.iter().filter(|(n, _)| allowed.contains(&n.as_str())) {
        write!(out, " {name}=\"{}\"", attribute(value))?;
    }
    Ok(())
}

fn write_extras(out: &mut impl Write, indent: &str, extras: &[Extra]) -> io::Result<()> {
    let lang = |l: &Option<String>| l.as_ref().map(|l| format!(" xml:lang=\"{}\"", attribute(l))).unwrap_or_default();
    for extra in extras {
        match extra {
            Extra::Prop { kind, lang: l, value } => {
                writeln!(out, "{indent}<prop type=\"{}\"{}>{}</prop>", attribute(kind), lang(l), text(value))?
            }
            Extra::Note { lang: l, value } => writeln!(out, "{indent}<note{}>{}</note>", lang(l), text(value))?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_has_its_declaration_header_units_and_closing_tags() {
        let mut header = TmxHeader::new("fr", "20261122T090000Z");
        header.props.push(("x-source".into(), "a.txt".into()));
        let mut writer = TmxWriter::new(Vec::new(), &header).unwrap();
        let mut unit = Unit::new();
        unit.attributes.push(("creationdate".into(), "20261122T090000Z".into()));
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
