//! Reading a whole TMX document at once: units with their language variants as plain text, for the
//! commands that want only the text (`trame terms build`).

use super::TranslationUnit;
use super::stream::{Item, TmxReader};
use super::unit::Extra;
use crate::decode::DecodeError;
use crate::position::Location;
use std::fmt;

/// A TMX file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TmxError {
    /// Not well-formed XML (or cut off).
    Xml {
        /// Where the parser stopped.
        at: Location,
        /// What the parser said.
        message: String,
    },
    /// A part of the file longer than the reader's limits allow where it cannot be skipped (see
    /// [`ReadLimits`](super::ReadLimits)).
    TooLong {
        /// Where the part starts.
        at: Location,
        /// What is too long.
        message: String,
    },
    /// Well-formed XML that is not TMX.
    NotTmx {
        /// The file.
        file: String,
        /// The root element found.
        root: String,
    },
    /// Bytes that are not text in the file's encoding, or an encoding nobody knows.
    Decode(DecodeError),
}

impl fmt::Display for TmxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TmxError::Xml { at, message } => write!(f, "{at}: bad XML: {message}"),
            TmxError::TooLong { at, message } => write!(f, "{at}: {message}"),
            TmxError::NotTmx { file, root } => write!(f, "{file}: not a TMX file (root element <{root}>)"),
            TmxError::Decode(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for TmxError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            TmxError::Decode(error) => Some(error),
            _ => None,
        }
    }
}

/// A unit that was skipped, or something left out of the header, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitProblem {
    /// 1-based line of the `<tu>` (or of the header, or of its `<prop>` or `<note>`).
    pub line: usize,
    /// 1-based column of the `<tu>`.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// Whether the problem is in the header: the attribute, `<prop>` or `<note>` it names was left out
    /// of the header, not a unit.
    pub in_header: bool,
}

impl fmt::Display for UnitProblem {
    /// What was left out and why, for a message that starts with the file, line and column.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.in_header {
            write!(f, "left out of the header: {}", self.message)
        } else {
            write!(f, "unit left out: {}", self.message)
        }
    }
}

/// What a TMX file holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TmxDocument {
    /// The header's `srclang` (`*all*` or a language tag), if given.
    pub source_language: Option<String>,
    /// The units, in order.
    pub units: Vec<TranslationUnit>,
    /// Units that were skipped, and what was left out of the header.
    pub problems: Vec<UnitProblem>,
}

/// Reads the TMX document `xml` (already decoded to text) whole; `source` names it in errors. See
/// [`TmxReader`](super::TmxReader) to read a file of any size and encoding as a stream, with everything
/// its units hold.
pub fn read(xml: &str, source: &str) -> Result<TmxDocument, TmxError> {
    let mut reader = TmxReader::new(xml.as_bytes(), source)?;
    let mut document = TmxDocument {
        source_language: reader.header().attribute("srclang").map(str::to_string),
        ..TmxDocument::default()
    };
    while let Some(item) = reader.next_item()? {
        match item {
            Item::Unit(unit) => document.units.push(TranslationUnit {
                creation_date: unit.attribute("creationdate").map(str::to_string),
                props: unit
                    .extras
                    .into_iter()
                    .filter_map(|e| match e {
                        Extra::Prop { kind, value, .. } => Some((kind, value)),
                        Extra::Note { .. } => None,
                    })
                    .collect(),
                variants: unit.variants.into_iter().map(|v| (v.language, v.text)).collect(),
            }),
            Item::Skipped(problem) => document.problems.push(problem),
        }
    }
    Ok(document)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_codes() {
        let xml = r#"<?xml version="1.0"?><tmx version="1.4"><header srclang="fr" creationtool="x"/><body>
<tu><prop type="x-confidence">0.9</prop><tuv xml:lang="fr"><seg>Cliquez <bpt i="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept> &amp; c&#233;</seg></tuv>
<tuv lang="EN-us"><seg>Click <hi>OK</hi></seg></tuv></tu>
<tu><tuv><seg>no language</seg></tuv></tu>
</body></tmx>"#;
        let doc = read(xml, "t.tmx").unwrap();
        assert_eq!(doc.source_language.as_deref(), Some("fr"));
        assert_eq!(doc.units.len(), 1);
        assert_eq!(
            doc.units[0].variants,
            [("fr".into(), "Cliquez OK & cé".into()), ("EN-us".into(), "Click OK".into())]
        );
        assert_eq!(doc.units[0].props, [("x-confidence".into(), "0.9".into())]);
        assert_eq!(doc.problems.len(), 1);
        assert_eq!(doc.problems[0].line, 4);
    }

    #[test]
    fn refusals() {
        assert!(matches!(read("<html/>", "x"), Err(TmxError::NotTmx { .. })));
        let cut = read("<tmx><body><tu><tuv xml:lang=\"fr\"><seg>a</seg>", "x").unwrap_err();
        assert!(cut.to_string().starts_with("x:1:"), "{cut}");
    }
}
