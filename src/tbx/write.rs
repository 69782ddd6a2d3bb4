//! Writing TBX: TBX-Basic v3 (ISO 30042:2019, DCA style) and TBX v2 (`martif`, for OmegaT and
//! translate-toolkit).

use crate::termbase::{Concept, Kind, Status, Term, TermBase};
use crate::xml::{attribute, text};
use std::io::{self, Write};

/// The note that marks a suggested variant, so that an import gives the status back.
pub(crate) const SUGGESTED_NOTE: &str = "suggested variant, not reviewed";
/// The note that marks a probable error.
pub(crate) const ERROR_NOTE: &str = "probable error";
/// The note that marks a transliteration (TBX-Basic's term types have none).
pub(crate) const TRANSLITERATION_NOTE: &str = "transliteration";
/// The note that says where a term was seen and how often: this prefix, then a JSON object.
pub(crate) const SEEN_NOTE: &str = "seen: ";

/// Which TBX.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TbxVersion {
    /// TBX-Basic v3, DCA style.
    V3Basic,
    /// TBX v2 (`martif`, `tig`).
    V2,
}

/// A concept id that is a valid XML id (starts with a letter, then letters, digits, `-`, `_`, `.`).
pub(crate) fn xml_id(id: &str) -> String {
    let clean: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' { c } else { '-' })
        .collect();
    if clean.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') { clean } else { format!("c-{clean}") }
}

fn status_value(status: Status) -> &'static str {
    match status {
        Status::Preferred => "preferredTerm-admn-sts",
        Status::Admitted | Status::Suggested => "admittedTerm-admn-sts",
        Status::Deprecated => "deprecatedTerm-admn-sts",
    }
}

fn term_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Spelling | Kind::Transliteration | Kind::Error => "variant",
        Kind::ShortForm => "shortForm",
        Kind::FullForm => "fullForm",
    }
}

/// Whether a context is a sentence (exported) rather than a `file:line` location (not exported).
fn sentence_context(term: &Term) -> Option<&str> {
    let context = term.context.as_deref()?;
    let location = context.split_once(':').is_some_and(|(file, rest)| {
        !file.contains(' ') && (rest.chars().all(|c| c.is_ascii_digit()) || rest.starts_with("unit "))
    });
    (!location).then_some(context)
}

fn write_term(out: &mut impl Write, indent: &str, element: &str, term: &Term) -> io::Result<()> {
    writeln!(out, "{indent}<{element}>")?;
    let inner = format!("{indent}  ");
    writeln!(out, "{inner}<term>{}</term>", text(&term.form))?;
    if term.status != Status::Preferred {
        writeln!(out, "{inner}<termNote type=\"termType\">{}</termNote>", term_type(term.kind))?;
    }
    writeln!(out, "{inner}<termNote type=\"administrativeStatus\">{}</termNote>", status_value(term.status))?;
    if let Some(context) = sentence_context(term) {
        writeln!(out, "{inner}<descrip type=\"context\">{}</descrip>", text(context))?;
    }
    if term.kind == Kind::Error {
        writeln!(out, "{inner}<note>{ERROR_NOTE}</note>")?;
    } else if term.status == Status::Suggested {
        writeln!(out, "{inner}<note>{SUGGESTED_NOTE}</note>")?;
    }
    if term.kind == Kind::Transliteration {
        writeln!(out, "{inner}<note>{TRANSLITERATION_NOTE}</note>")?;
    }
    if !term.seen.is_empty() {
        let seen = serde_json::to_string(&term.seen).map_err(io::Error::other)?;
        writeln!(out, "{inner}<note>{}</note>", text(&format!("{SEEN_NOTE}{seen}")))?;
    }
    writeln!(out, "{indent}</{element}>")
}

fn write_concept(out: &mut impl Write, concept: &Concept, v2: bool, first: Option<&str>) -> io::Result<()> {
    let (entry, lang_element, term_element) =
        if v2 { ("termEntry", "langSet", "tig") } else { ("conceptEntry", "langSec", "termSec") };
    writeln!(out, "      <{entry} id=\"{}\">", attribute(&xml_id(&concept.id)))?;
    let subject = concept.domain.clone().unwrap_or_else(|| concept.subject.name().to_string());
    writeln!(out, "        <descrip type=\"subjectField\">{}</descrip>", text(&subject))?;
    if let Some(note) = &concept.note {
        writeln!(out, "        <note>{}</note>", text(note))?;
    }
    // The source language first (translate-toolkit's tbx2po takes the first as the msgid).
    let is_first = |language: &str| first.is_some_and(|f| crate::language::primary_of(language) == f);
    let languages = concept
        .languages
        .iter()
        .filter(|(l, _)| is_first(l))
        .chain(concept.languages.iter().filter(|(l, _)| !is_first(l)));
    for (language, terms) in languages {
        writeln!(out, "        <{lang_element} xml:lang=\"{}\">", attribute(language))?;
        for term in terms.all() {
            write_term(out, "          ", term_element, term)?;
        }
        writeln!(out, "        </{lang_element}>")?;
    }
    writeln!(out, "      </{entry}>")
}

/// Writes `base` as TBX `version` to `out`. Errors are those of the writer.
pub fn write(base: &TermBase, version: TbxVersion, out: impl Write) -> io::Result<()> {
    write_with_source(base, version, None, out)
}

/// [`write()`], each entry giving first the language whose primary subtag is `source` (`fr`).
pub fn write_with_source(
    base: &TermBase,
    version: TbxVersion,
    source: Option<&str>,
    mut out: impl Write,
) -> io::Result<()> {
    let v2 = version == TbxVersion::V2;
    out.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
    if v2 {
        out.write_all(
            b"<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">\n<martif type=\"TBX\" xml:lang=\"en\">\n  <martifHeader>\n    \
              <fileDesc>\n      <sourceDesc>\n        <p>trame term base</p>\n      </sourceDesc>\n    </fileDesc>\n  \
              </martifHeader>\n",
        )?;
    } else {
        out.write_all(
            b"<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n  <tbxHeader>\n    \
              <fileDesc>\n      <sourceDesc>\n        <p>trame term base</p>\n      </sourceDesc>\n    </fileDesc>\n  \
              </tbxHeader>\n",
        )?;
    }
    out.write_all(b"  <text>\n    <body>\n")?;
    for concept in &base.concepts {
        write_concept(&mut out, concept, v2, source)?;
    }
    out.write_all(b"    </body>\n  </text>\n")?;
    out.write_all(if v2 { b"</martif>\n" } else { b"</tbx>\n" })?;
    out.flush()
}
