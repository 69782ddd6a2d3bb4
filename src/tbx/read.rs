//! Reading TBX: v3 (`tbx`, `conceptEntry`/`langSec`/`termSec`) and v2 (`martif`, `termEntry`/`langSet`,
//! `tig` or `ntig`/`termGrp`), data categories written as `termNote type="..."` (DCA) or as elements of
//! their own (DCT). Statuses from the wild are normalised.

use super::write::{ERROR_NOTE, SUGGESTED_NOTE};
use crate::position::LineIndex;
use crate::termbase::{Concept, Kind, LangTerms, Status, Subject, Term, TermBase, concept_id, unique_id};
use indexmap::IndexMap;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use std::fmt;

/// A TBX file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TbxError {
    /// Not well-formed XML.
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
    /// Well-formed XML that is not TBX, or TBX with no terms.
    NotTbx {
        /// The file.
        source: String,
        /// Why.
        message: String,
    },
}

impl fmt::Display for TbxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TbxError::Xml { source, line, column, message } => {
                write!(f, "{source}:{line}:{column}: bad XML: {message}")
            }
            TbxError::NotTbx { source, message } => write!(f, "{source}: {message}"),
        }
    }
}

impl std::error::Error for TbxError {}

/// The status a value of administrativeStatus, usageStatus or normativeAuthorization stands for.
pub fn normalise_status(value: &str) -> Option<Status> {
    let value = value.trim().to_lowercase();
    let value = value.trim_end_matches("-admn-sts").trim_end_matches("term");
    Some(match value {
        "preferred" | "standardized" | "regulated" => Status::Preferred,
        "admitted" | "legal" | "permitted" => Status::Admitted,
        "deprecated" | "notrecommended" | "not recommended" | "obsolete" | "superseded" | "forbidden" => {
            Status::Deprecated
        }
        _ => return None,
    })
}

fn kind_of(term_type: &str) -> Kind {
    match term_type.trim() {
        "fullForm" => Kind::FullForm,
        "shortForm" | "abbreviation" | "acronym" | "initialism" | "shortcut" => Kind::ShortForm,
        _ => Kind::Spelling,
    }
}

/// A term being read, with whether its status was given.
#[derive(Default)]
struct Reading {
    term: Term,
    status: Option<Status>,
}

/// Reads the TBX document `xml`; `source` names it in errors.
pub fn read(xml: &str, source: &str) -> Result<TermBase, TbxError> {
    let mut reader = Reader::from_str(xml);
    let lines = LineIndex::new(xml);
    let mut base = TermBase::default();
    let mut stack: Vec<String> = Vec::new();
    let mut concept: Option<Concept> = None;
    let mut concept_terms: Vec<(String, Reading)> = Vec::new();
    let mut language: Option<String> = None;
    let mut term: Option<Reading> = None;
    let mut field: Option<String> = None;
    let mut value = String::new();
    let mut root_checked = false;
    loop {
        let event = reader.read_event().map_err(|e| {
            let (line, column) = lines.position(reader.error_position() as usize);
            TbxError::Xml { source: source.to_string(), line, column, message: e.to_string() }
        })?;
        match event {
            Event::Start(ref tag) | Event::Empty(ref tag) => {
                let empty = matches!(event, Event::Empty(_));
                let name = tag.local_name().as_ref().to_string();
                if !root_checked {
                    root_checked = true;
                    if name != "tbx" && name != "martif" {
                        return Err(TbxError::NotTbx {
                            source: source.into(),
                            message: format!("not a TBX file (root element <{name}>)"),
                        });
                    }
                }
                match name.as_str() {
                    "conceptEntry" | "termEntry" => {
                        let id = attribute(tag, "id").unwrap_or_default();
                        concept = Some(Concept { id, ..Concept::default() });
                        concept_terms.clear();
                    }
                    "langSec" | "langSet" => {
                        language = attribute(tag, "xml:lang").map(|l| l.to_lowercase().replace('_', "-"))
                    }
                    "termSec" | "tig" | "ntig" => term = Some(Reading::default()),
                    field_name if !empty && FIELDS.contains(&field_name) => {
                        let kind = attribute(tag, "type").unwrap_or_else(|| name.clone());
                        field = Some(if name == "term" || name == "note" { name.clone() } else { kind });
                        value.clear();
                    }
                    _ => {}
                }
                if !empty {
                    stack.push(name);
                }
            }
            Event::End(ref tag) => {
                let name = tag.local_name().as_ref().to_string();
                stack.pop();
                if let Some(kind) = field.take_if(|_| FIELDS.contains(&name.as_str())) {
                    apply(&kind, value.trim(), &mut term, concept.as_mut());
                }
                match name.as_str() {
                    "termSec" | "tig" | "ntig" => {
                        if let (Some(reading), Some(lang)) = (term.take(), language.clone()) {
                            if !reading.term.form.is_empty() {
                                concept_terms.push((lang, reading));
                            }
                        }
                    }
                    "langSec" | "langSet" => language = None,
                    "conceptEntry" | "termEntry" => {
                        if let Some(mut c) = concept.take() {
                            c.languages = arrange(std::mem::take(&mut concept_terms));
                            if !c.languages.is_empty() {
                                base.concepts.push(c);
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(ref t) if field.is_some() => value.push_str(&t.xml10_content()),
            Event::CData(ref t) if field.is_some() => value.push_str(&t.xml10_content()),
            Event::GeneralRef(ref reference) if field.is_some() => match reference.resolve_char_ref() {
                Ok(Some(c)) => value.push(c),
                _ => value
                    .push_str(quick_xml::escape::resolve_predefined_entity(&reference.xml10_content()).unwrap_or("")),
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_checked {
        return Err(TbxError::NotTbx { source: source.into(), message: "empty document".into() });
    }
    if base.concepts.is_empty() {
        return Err(TbxError::NotTbx { source: source.into(), message: "no terms found".into() });
    }
    fix_ids(&mut base);
    Ok(base)
}

/// Records a data category on the term or concept being read.
fn apply(kind: &str, value: &str, term: &mut Option<Reading>, concept: Option<&mut Concept>) {
    match (kind, term.as_mut()) {
        ("term", Some(t)) => t.term.form = value.to_string(),
        ("administrativeStatus" | "usageStatus" | "normativeAuthorization", Some(t)) => {
            if let Some(status) = normalise_status(value) {
                t.status = Some(status);
            }
        }
        ("termType", Some(t)) => t.term.kind = kind_of(value),
        ("context", Some(t)) => t.term.context = Some(value.to_string()),
        ("note", Some(t)) => {
            if value == ERROR_NOTE {
                t.term.kind = Kind::Error;
            } else if value == SUGGESTED_NOTE {
                t.status = Some(Status::Suggested);
            }
        }
        ("subjectField", None) => {
            if let Some(c) = concept {
                match Subject::from_name(value) {
                    Some(subject) => c.subject = subject,
                    None => c.domain = Some(value.to_string()),
                }
            }
        }
        ("note" | "definition", None) => {
            if let Some(c) = concept.filter(|c| c.note.is_none()) {
                c.note = Some(value.to_string());
            }
        }
        _ => {}
    }
}

/// One preferred term per language: the first marked preferred, else the first; other preferred ones
/// become admitted.
fn arrange(terms: Vec<(String, Reading)>) -> IndexMap<String, LangTerms> {
    let mut by_language: IndexMap<String, Vec<Reading>> = IndexMap::new();
    for (language, reading) in terms {
        by_language.entry(language).or_default().push(reading);
    }
    by_language
        .into_iter()
        .map(|(language, readings)| {
            let first_preferred = readings.iter().position(|r| r.status == Some(Status::Preferred)).unwrap_or(0);
            let mut preferred = None;
            let mut variants = Vec::new();
            for (k, reading) in readings.into_iter().enumerate() {
                let mut term = reading.term;
                if k == first_preferred {
                    term.status = Status::Preferred;
                    preferred = Some(term);
                } else {
                    term.status = match reading.status {
                        Some(Status::Preferred) | None => Status::Admitted,
                        Some(status) => status,
                    };
                    variants.push(term);
                }
            }
            (language, LangTerms { preferred: preferred.expect("one term at least"), variants })
        })
        .collect()
}

/// The elements whose text is a term or one of its fields (v2 and v3 names).
const FIELDS: &[&str] = &[
    "term",
    "termNote",
    "descrip",
    "note",
    "administrativeStatus",
    "usageStatus",
    "normativeAuthorization",
    "termType",
    "subjectField",
    "definition",
    "context",
];

/// Ids our files accept (letters, digits, `-`, `_`), unique.
fn fix_ids(base: &mut TermBase) {
    let mut seen = std::collections::HashSet::new();
    for concept in &mut base.concepts {
        let valid =
            !concept.id.is_empty() && concept.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        let id = if valid {
            concept.id.clone()
        } else {
            let label = concept.languages.values().next().map(|t| t.preferred.form.clone()).unwrap_or_default();
            concept_id(if concept.id.is_empty() { &label } else { &concept.id })
        };
        let id = unique_id(&id, |id| seen.contains(id));
        seen.insert(id.clone());
        concept.id = id;
    }
}

fn attribute(tag: &BytesStart<'_>, key: &str) -> Option<String> {
    tag.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        assert_eq!(normalise_status("preferredTerm-admn-sts"), Some(Status::Preferred));
        assert_eq!(normalise_status("deprecatedTerm-admn-sts"), Some(Status::Deprecated));
        assert_eq!(normalise_status("notRecommended"), Some(Status::Deprecated));
        assert_eq!(normalise_status("admitted"), Some(Status::Admitted));
        assert_eq!(normalise_status("supersededTerm-admn-sts"), Some(Status::Deprecated));
        assert_eq!(normalise_status("mystery"), None);
    }

    #[test]
    fn v2_ntig_and_v3_dca() {
        let v2 = r#"<martif type="TBX"><text><body><termEntry id="e1"><descrip type="subjectField">Software</descrip>
<langSet xml:lang="en"><ntig><termGrp><term>branch</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termGrp></ntig>
<tig><term>navigation trail</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>
<langSet xml:lang="FR"><tig><term>historique</term></tig></langSet></termEntry></body></text></martif>"#;
        let base = read(v2, "v2.tbx").unwrap();
        let c = &base.concepts[0];
        assert_eq!(c.domain.as_deref(), Some("Software"));
        assert_eq!(c.languages["en"].preferred.form, "navigation trail");
        assert_eq!(c.languages["en"].variants[0].form, "branch");
        assert_eq!(c.languages["fr"].preferred.form, "historique");
        let v3 = r#"<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1">
<langSec xml:lang="fr"><termSec><term>fichié</term><termNote type="termType">variant</termNote>
<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
<termSec><term>fichier</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry></body></text></tbx>"#;
        let base = read(v3, "v3.tbx").unwrap();
        let fr = &base.concepts[0].languages["fr"];
        assert_eq!(fr.preferred.form, "fichier");
        assert_eq!((fr.variants[0].form.as_str(), fr.variants[0].status), ("fichié", Status::Deprecated));
    }

    #[test]
    fn refusals() {
        assert!(matches!(read("<html/>", "x"), Err(TbxError::NotTbx { .. })));
        let err = read("<tbx>\n<text><body></text></tbx>", "x.tbx").unwrap_err();
        assert!(err.to_string().starts_with("x.tbx:2:"), "{err}");
    }
}
