//! What goes wrong reading TMX: a file that cannot be read, and a unit left out.

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tmx::{Item, TmxReader, Unit};

    /// The units of `xml` and the problems met, read to the end.
    fn read(xml: &str, name: &str) -> Result<(Vec<Unit>, Vec<UnitProblem>), TmxError> {
        let mut reader = TmxReader::new(xml.as_bytes(), name)?;
        let (mut units, mut problems) = (Vec::new(), Vec::new());
        while let Some(item) = reader.next_item()? {
            match item {
                Item::Unit(unit) => units.push(unit),
                Item::Skipped(problem) => problems.push(problem),
            }
        }
        Ok((units, problems))
    }

    #[test]
    fn a_unit_without_language_is_left_out_with_its_line_and_the_others_read() {
        let xml = r#"<?xml version="1.0"?><tmx version="1.4"><header srclang="fr" creationtool="x"/><body>
<tu><prop type="x-confidence">0.9</prop><tuv xml:lang="fr"><seg>Cliquez <bpt i="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept> &amp; c&#233;</seg></tuv>
<tuv lang="EN-us"><seg>Click <hi>OK</hi></seg></tuv></tu>
<tu><tuv><seg>no language</seg></tuv></tu>
</body></tmx>"#;
        let (units, problems) = read(xml, "t.tmx").unwrap();
        assert_eq!(units.len(), 1);
        let texts: Vec<(&str, &str)> = units[0].variants.iter().map(|v| (&*v.language, &*v.text)).collect();
        assert_eq!(texts, [("fr", "Cliquez OK & cé"), ("EN-us", "Click OK")]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 4);
    }

    #[test]
    fn a_file_that_is_not_tmx_or_is_cut_off_is_refused_with_its_place() {
        assert!(matches!(read("<html/>", "x"), Err(TmxError::NotTmx { .. })));
        let cut = read("<tmx><body><tu><tuv xml:lang=\"fr\"><seg>a</seg>", "x").unwrap_err();
        assert!(cut.to_string().starts_with("x:1:"), "{cut}");
    }
}
