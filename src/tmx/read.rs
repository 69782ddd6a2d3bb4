//! Reading TMX 1.1 to 1.4b: units with their language variants (`xml:lang` or the older `lang`), as
//! plain text (inline codes left out: `bpt`, `ept`, `it`, `ph`, `ut`; the text of `hi` and `sub` kept).

use super::TranslationUnit;
use crate::position::LineIndex;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use std::fmt;

/// A TMX file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TmxError {
    /// Not well-formed XML (or cut off).
    Xml {
        /// The file.
        source: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// Well-formed XML that is not TMX.
    NotTmx {
        /// The file.
        source: String,
        /// The root element found.
        root: String,
    },
}

impl fmt::Display for TmxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TmxError::Xml { source, line, column, message } => {
                write!(f, "{source}:{line}:{column}: bad XML: {message}")
            }
            TmxError::NotTmx { source, root } => write!(f, "{source}: not a TMX file (root element <{root}>)"),
        }
    }
}

impl std::error::Error for TmxError {}

/// A unit that was skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitProblem {
    /// 1-based line of the `<tu>`.
    pub line: usize,
    /// 1-based column of the `<tu>`.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// What a TMX file holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TmxDocument {
    /// The header's `srclang` (`*all*` or a language tag), if given.
    pub source_language: Option<String>,
    /// The units, in order.
    pub units: Vec<TranslationUnit>,
    /// Units that were skipped.
    pub problems: Vec<UnitProblem>,
}

/// Where the parser is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Outside,
    Unit,
    Variant,
    Segment,
}

/// Reads the TMX document `xml` (already decoded to text); `source` names it in errors.
pub fn read(xml: &str, source: &str) -> Result<TmxDocument, TmxError> {
    let mut reader = Reader::from_str(xml);
    let lines = LineIndex::new(xml);
    let mut document = TmxDocument::default();
    let mut place = Place::Outside;
    let mut root_seen = false;
    let mut unit = TranslationUnit::new();
    let mut unit_at = (0, 0);
    let mut unit_problem: Option<String> = None;
    let mut language = String::new();
    let mut segment = String::new();
    // Depth inside inline codes whose content is markup, not text.
    let mut code_depth = 0usize;
    let mut prop: Option<String> = None;
    let mut prop_value = String::new();
    loop {
        let position = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            let (line, column) = lines.position(reader.error_position() as usize);
            TmxError::Xml { source: source.to_string(), line, column, message: e.to_string() }
        })?;
        match event {
            Event::Start(ref tag) | Event::Empty(ref tag) => {
                let empty = matches!(event, Event::Empty(_));
                let name = tag.local_name().as_ref().to_string();
                if !root_seen {
                    root_seen = true;
                    if name != "tmx" {
                        return Err(TmxError::NotTmx { source: source.to_string(), root: name });
                    }
                    continue;
                }
                match (place, name.as_str()) {
                    (Place::Outside, "header") => document.source_language = attribute(tag, "srclang"),
                    (Place::Outside, "tu") => {
                        unit = TranslationUnit::new();
                        unit.creation_date = attribute(tag, "creationdate");
                        unit_at = lines.position(position);
                        unit_problem = None;
                        place = if empty { Place::Outside } else { Place::Unit };
                        if empty {
                            unit_problem = Some("unit without variants".into());
                        }
                    }
                    (Place::Unit, "tuv") => match attribute(tag, "lang").or_else(|| attribute(tag, "xml:lang")) {
                        Some(lang) if !lang.trim().is_empty() => {
                            language = lang;
                            segment.clear();
                            place = if empty { Place::Unit } else { Place::Variant };
                        }
                        _ => unit_problem = Some("<tuv> without a language".into()),
                    },
                    (Place::Unit | Place::Variant, "prop") if !empty => {
                        prop = Some(attribute(tag, "type").unwrap_or_default());
                        prop_value.clear();
                    }
                    (Place::Variant, "seg") => place = if empty { Place::Variant } else { Place::Segment },
                    (Place::Segment, "bpt" | "ept" | "it" | "ph" | "ut") if !empty => code_depth += 1,
                    _ => {}
                }
            }
            Event::End(ref tag) => {
                let name = tag.local_name().as_ref().to_string();
                match (place, name.as_str()) {
                    (Place::Segment, "bpt" | "ept" | "it" | "ph" | "ut") => code_depth = code_depth.saturating_sub(1),
                    (Place::Segment, "seg") => place = Place::Variant,
                    (Place::Variant, "tuv") => {
                        unit.variants.push((language.clone(), std::mem::take(&mut segment)));
                        place = Place::Unit;
                    }
                    (Place::Unit | Place::Variant, "prop") => {
                        if let Some(kind) = prop.take() {
                            if place == Place::Unit {
                                unit.props.push((kind, std::mem::take(&mut prop_value)));
                            }
                        }
                    }
                    (Place::Unit, "tu") => {
                        place = Place::Outside;
                        if unit.variants.is_empty() && unit_problem.is_none() {
                            unit_problem = Some("unit without variants".into());
                        }
                        match unit_problem.take() {
                            Some(message) => {
                                document.problems.push(UnitProblem { line: unit_at.0, column: unit_at.1, message })
                            }
                            None => document.units.push(std::mem::take(&mut unit)),
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(ref text) => {
                push_text(place, code_depth, &mut segment, &mut prop, &mut prop_value, &text.xml10_content())
            }
            Event::CData(ref text) => {
                push_text(place, code_depth, &mut segment, &mut prop, &mut prop_value, &text.xml10_content())
            }
            Event::GeneralRef(ref reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_predefined_entity(&reference.xml10_content())
                        .map(str::to_string)
                        .unwrap_or_default(),
                };
                push_text(place, code_depth, &mut segment, &mut prop, &mut prop_value, &resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_seen {
        return Err(TmxError::NotTmx { source: source.to_string(), root: String::new() });
    }
    if place != Place::Outside {
        let (line, column) = lines.position(xml.len());
        return Err(TmxError::Xml {
            source: source.to_string(),
            line,
            column,
            message: "the file ends inside a <tu>".into(),
        });
    }
    Ok(document)
}

fn push_text(
    place: Place,
    code_depth: usize,
    segment: &mut String,
    prop: &mut Option<String>,
    value: &mut String,
    text: &str,
) {
    if prop.is_some() {
        value.push_str(text);
    } else if place == Place::Segment && code_depth == 0 {
        segment.push_str(text);
    }
}

fn attribute(tag: &BytesStart<'_>, key: &str) -> Option<String> {
    tag.attributes()
        .flatten()
        .find(|a| {
            a.key.as_ref() == key
                || (key != "xml:lang" && a.key.local_name().as_ref() == key && a.key.prefix().is_none())
        })
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
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
