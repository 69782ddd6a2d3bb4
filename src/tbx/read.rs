//! Reading TBX: v3 (`tbx`, `conceptEntry`/`langSec`/`termSec`) and v2 (`martif`, `termEntry`/`langSet`,
//! `tig` or `ntig`/`termGrp`), data categories written as `termNote type="..."` (DCA) or as elements of
//! their own (DCT). Statuses from the wild are normalised.

use super::write::{ERROR_NOTE, SEEN_NOTE, SUGGESTED_NOTE, TRANSLITERATION_NOTE};
use crate::decode::{DecodeError, decode_xml};
use crate::position::{LineIndex, Location};
use crate::termbase::{Concept, Kind, LangTerms, Status, Subject, Term, TermBase, concept_id, unique_id};
use crate::xml::{attribute_value, attributes_problem};
use indexmap::IndexMap;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::reader::Reader;
use std::fmt;

/// A TBX file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TbxError {
    /// Not well-formed XML.
    Xml {
        /// Where the parser stopped.
        at: Location,
        /// What the parser said.
        message: String,
    },
    /// Well-formed XML that is not TBX, or TBX with no terms.
    NotTbx {
        /// The file.
        file: String,
        /// Why.
        message: String,
    },
    /// An entry that could not be read whole (from [`read`], which takes all entries or none).
    Entry {
        /// Where the entry starts.
        at: Location,
        /// What is wrong.
        message: String,
    },
    /// Bytes that are not text in the file's encoding, or an encoding nobody knows.
    Decode(DecodeError),
}

impl fmt::Display for TbxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TbxError::Xml { at, message } => write!(f, "{at}: bad XML: {message}"),
            TbxError::NotTbx { file, message } => write!(f, "{file}: {message}"),
            TbxError::Entry { at, message } => write!(f, "{at}: entry left out: {message}"),
            TbxError::Decode(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for TbxError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            TbxError::Decode(error) => Some(error),
            _ => None,
        }
    }
}

/// A TBX file as read: the concepts of its entries, and the entries left out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TbxDocument {
    /// The concepts, in order.
    pub base: TermBase,
    /// The entries that were left out, in order.
    pub problems: Vec<EntryProblem>,
}

/// An entry (`conceptEntry`, or `termEntry` in TBX v2) that was left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryProblem {
    /// 1-based line of the entry's start tag.
    pub line: usize,
    /// 1-based column of the entry's start tag.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for EntryProblem {
    /// What was left out and why, for a message that starts with the file, line and column.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "entry left out: {}", self.message)
    }
}

/// The status a value of administrativeStatus, usageStatus or normativeAuthorization stands for.
fn normalise_status(value: &str) -> Option<Status> {
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

/// Reads the TBX document `xml`; `source` names it in errors. An entry that cannot be read whole (an
/// unknown entity in its text or attributes) is an error here, with its line and column: see
/// [`read_bytes`] to keep the other entries.
pub fn read(xml: &str, source: &str) -> Result<TermBase, TbxError> {
    let document = read_document(xml, source)?;
    match document.problems.into_iter().next() {
        Some(EntryProblem { line, column, message }) => {
            Err(TbxError::Entry { at: Location::new(source, line, column), message })
        }
        None => Ok(document.base),
    }
}

/// Reads the TBX file `bytes` in whatever encoding it is (see [`decode_xml`]), leaving out the entries
/// that cannot be read whole (an unknown entity in their text or attributes: only character references
/// and the five entities XML predefines are resolved, never one a DTD declares); `source` names it in
/// errors. A document with no terms, and no entry left out, is an error.
pub fn read_bytes(bytes: &[u8], source: &str) -> Result<TbxDocument, TbxError> {
    read_document(&decode_xml(bytes, source).map_err(TbxError::Decode)?, source)
}

/// Reads the TBX document `xml` (already text) as [`read_bytes`] does.
fn read_document(xml: &str, source: &str) -> Result<TbxDocument, TbxError> {
    read_with(xml, source, &LineIndex::new(xml))
}

/// [`read_document`], with the positions of entries found in `lines` (the lines of `xml`), in the order
/// they come.
fn read_with(xml: &str, source: &str, lines: &LineIndex<'_>) -> Result<TbxDocument, TbxError> {
    let mut reader = Reader::from_str(xml);
    let mut state = State::default();
    let mut document = TbxDocument::default();
    let mut root_checked = false;
    loop {
        let at = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            let (line, column) = lines.position(reader.error_position() as usize);
            TbxError::Xml { at: Location::new(source, line, column), message: e.to_string() }
        })?;
        match event {
            Event::Start(ref tag) | Event::Empty(ref tag) => {
                if !root_checked {
                    root_checked = true;
                    check_root(tag, source)?;
                }
                state.start(tag, matches!(event, Event::Empty(_)), at);
            }
            Event::End(ref tag) => match state.end(tag.local_name().as_ref()) {
                Some(Ok(concept)) => document.base.concepts.push(concept),
                Some(Err((offset, message))) => {
                    let (line, column) = lines.position(offset);
                    document.problems.push(EntryProblem { line, column, message });
                }
                None => {}
            },
            Event::Text(ref t) => state.text(&t.xml10_content()),
            Event::CData(ref t) => state.text(&t.xml10_content()),
            Event::GeneralRef(ref r) => state.reference(r),
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_checked {
        return Err(TbxError::NotTbx { file: source.into(), message: "empty document".into() });
    }
    if document.base.concepts.is_empty() && document.problems.is_empty() {
        return Err(TbxError::NotTbx { file: source.into(), message: "no terms found".into() });
    }
    fix_ids(&mut document.base);
    Ok(document)
}

fn check_root(tag: &BytesStart<'_>, source: &str) -> Result<(), TbxError> {
    let name = tag.local_name().as_ref().to_string();
    if name == "tbx" || name == "martif" {
        return Ok(());
    }
    Err(TbxError::NotTbx { file: source.into(), message: format!("not a TBX file (root element <{name}>)") })
}

/// The entry being read.
#[derive(Default)]
struct Entry {
    concept: Concept,
    terms: Vec<(String, Reading)>,
    /// Byte offset of its start tag.
    start: usize,
    /// Why it will be left out.
    problem: Option<String>,
}

/// Where the reading of a document stands.
#[derive(Default)]
struct State {
    entry: Option<Entry>,
    language: Option<String>,
    term: Option<Reading>,
    /// The data category whose text is being read, and the text so far.
    field: Option<String>,
    value: String,
}

impl State {
    /// A start (or empty) tag, at byte `at`.
    fn start(&mut self, tag: &BytesStart<'_>, empty: bool, at: usize) {
        let name = tag.local_name().as_ref().to_string();
        match name.as_str() {
            "conceptEntry" | "termEntry" => {
                let concept = Concept { id: attribute(tag, "id").unwrap_or_default(), ..Concept::default() };
                self.entry = Some(Entry { concept, start: at, ..Entry::default() });
            }
            "langSec" | "langSet" => {
                self.language = attribute(tag, "xml:lang").map(|l| crate::language::canonical_tag(&l))
            }
            "termSec" | "tig" | "ntig" => self.term = Some(Reading::default()),
            field if !empty && FIELDS.contains(&field) => {
                let kind = attribute(tag, "type").unwrap_or_else(|| name.clone());
                self.field = Some(if name == "term" || name == "note" { name } else { kind });
                self.value.clear();
            }
            _ => {}
        }
        if let Some(message) = attributes_problem(tag) {
            self.problem(format!("<{}>: {message}", tag.local_name().as_ref()));
        }
    }

    /// An end tag; at the end of an entry, its concept (`None` when it has no terms), or why it was left
    /// out and where it starts.
    fn end(&mut self, name: &str) -> Option<Result<Concept, (usize, String)>> {
        if let Some(kind) = self.field.take_if(|_| FIELDS.contains(&name)) {
            apply(&kind, self.value.trim(), &mut self.term, self.entry.as_mut().map(|e| &mut e.concept));
        }
        match name {
            "termSec" | "tig" | "ntig" => {
                if let (Some(reading), Some(lang), Some(entry)) = (self.term.take(), &self.language, &mut self.entry)
                    && !reading.term.form.is_empty()
                {
                    entry.terms.push((lang.clone(), reading));
                }
                None
            }
            "langSec" | "langSet" => {
                self.language = None;
                None
            }
            "conceptEntry" | "termEntry" => {
                let entry = self.entry.take()?;
                if let Some(message) = entry.problem {
                    return Some(Err((entry.start, message)));
                }
                let mut concept = entry.concept;
                concept.languages = arrange(entry.terms);
                (!concept.languages.is_empty()).then_some(Ok(concept))
            }
            _ => None,
        }
    }

    fn text(&mut self, text: &str) {
        if self.field.is_some() {
            self.value.push_str(text);
        }
    }

    fn reference(&mut self, reference: &BytesRef<'_>) {
        match crate::xml::reference(reference) {
            Ok(c) => self.text(c.encode_utf8(&mut [0; 4])),
            Err(message) => self.problem(message),
        }
    }

    /// Leaves the entry being read out, for `message` (the first problem is the one told).
    fn problem(&mut self, message: String) {
        if let Some(entry) = &mut self.entry {
            entry.problem.get_or_insert(message);
        }
    }
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
        // A context as the file indents it: one line, single spaces.
        ("context", Some(t)) => t.term.context = Some(value.split_whitespace().collect::<Vec<_>>().join(" ")),
        ("note", Some(t)) => {
            if value == ERROR_NOTE {
                t.term.kind = Kind::Error;
            } else if value == SUGGESTED_NOTE {
                t.status = Some(Status::Suggested);
            } else if value == TRANSLITERATION_NOTE && t.term.kind == Kind::Spelling {
                t.term.kind = Kind::Transliteration;
            } else if let Some(seen) = value.strip_prefix(SEEN_NOTE).and_then(|v| serde_json::from_str(v).ok()) {
                t.term.seen = seen;
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
        .and_then(|a| attribute_value(&a).ok().map(|v| v.into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_values_of_either_tbx_version_name_one_status() {
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
    fn entries_left_out_on_one_long_line_count_each_byte_once() {
        // Every tenth entry has an unknown entity: 10,000 positions on one line.
        let entry = |k: usize| {
            let term = if k % 10 == 9 { "chat &xxe;" } else { "chat" };
            format!(
                "<conceptEntry id=\"c{k}\"><langSec xml:lang=\"fr\"><termSec><term>{term}</term></termSec></langSec></conceptEntry>"
            )
        };
        let body: String = (0..100_000).map(entry).collect();
        let xml = format!("<tbx><text><body>{body}</body></text></tbx>");
        let lines = LineIndex::new(&xml);
        let document = read_with(&xml, "one-line.tbx", &lines).unwrap();
        assert_eq!((document.base.concepts.len(), document.problems.len()), (90_000, 10_000));
        let last = document.problems.last().unwrap();
        let before: usize = (0..99_999).map(|k| entry(k).len()).sum();
        assert_eq!((last.line, last.column), (1, 1 + "<tbx><text><body>".len() + before));
        assert_eq!(last.message, "an unknown entity &xxe;");
        assert!(lines.bytes_counted() <= xml.len(), "{} bytes counted for {}", lines.bytes_counted(), xml.len());
    }

    #[test]
    fn a_file_that_is_not_tbx_or_not_xml_is_refused_with_its_place() {
        assert!(matches!(read("<html/>", "x"), Err(TbxError::NotTbx { .. })));
        let err = read("<tbx>\n<text><body></text></tbx>", "x.tbx").unwrap_err();
        assert!(err.to_string().starts_with("x.tbx:2:"), "{err}");
    }
}
