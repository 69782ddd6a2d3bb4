//! The term base: concepts, their terms per language, and what is known of each term.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// What a concept names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Subject {
    /// A person.
    Person,
    /// A place.
    Place,
    /// An organisation or institution.
    Organisation,
    /// Any other term.
    #[default]
    Term,
}

impl Subject {
    /// The name used in files.
    pub fn name(self) -> &'static str {
        match self {
            Subject::Person => "person",
            Subject::Place => "place",
            Subject::Organisation => "organisation",
            Subject::Term => "term",
        }
    }

    /// The subject a free-text subject field names, if it is one of ours.
    pub fn from_name(name: &str) -> Option<Self> {
        match name.trim().to_lowercase().as_str() {
            "person" | "people" | "personne" => Some(Subject::Person),
            "place" | "places" | "lieu" => Some(Subject::Place),
            "organisation" | "organization" | "organisations" => Some(Subject::Organisation),
            "term" | "terms" | "terme" => Some(Subject::Term),
            _ => None,
        }
    }
}

/// How a term may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The form to use.
    Preferred,
    /// Acceptable, though not preferred.
    #[default]
    Admitted,
    /// To be replaced by the preferred form.
    Deprecated,
    /// Proposed by the clustering, not yet reviewed.
    Suggested,
}

impl Status {
    /// The name used in files and reports.
    pub fn name(self) -> &'static str {
        match self {
            Status::Preferred => "preferred",
            Status::Admitted => "admitted",
            Status::Deprecated => "deprecated",
            Status::Suggested => "suggested",
        }
    }
}

/// What kind of variant a term is of its preferred form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Another spelling (or the preferred form itself).
    #[default]
    Spelling,
    /// Another transliteration of the same name (Loukachenko / Lukachenko).
    Transliteration,
    /// A mistake: a typo, a machine-translation slip, words glued together (Kieu, Vladimirpoutine).
    Error,
    /// A shorter form (an acronym, a surname alone).
    ShortForm,
    /// A fuller form (with the given name, spelled out).
    FullForm,
}

impl Kind {
    /// The name used in files.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Spelling => "spelling",
            Kind::Transliteration => "transliteration",
            Kind::Error => "error",
            Kind::ShortForm => "short_form",
            Kind::FullForm => "full_form",
        }
    }
}

/// One term (a preferred form or a variant).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Term {
    /// The form as written.
    pub form: String,
    /// Its status; the preferred term of a language has `Preferred`.
    #[serde(default)]
    pub status: Status,
    /// What kind of variant it is.
    #[serde(default, skip_serializing_if = "is_spelling")]
    pub kind: Kind,
    /// Where it was seen: file name → count.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub seen: IndexMap<String, u32>,
    /// A sentence where it occurs, or where to find one (`file:line`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

fn is_spelling(kind: &Kind) -> bool {
    *kind == Kind::Spelling
}

impl Term {
    /// A term with `form` and `status`.
    pub fn new(form: &str, status: Status) -> Self {
        Term { form: form.to_string(), status, ..Term::default() }
    }

    /// How often it was seen in all.
    pub fn count(&self) -> u32 {
        self.seen.values().sum()
    }
}

/// The terms of one language in a concept: the preferred one first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct LangTerms {
    /// The preferred form.
    pub preferred: Term,
    /// The other forms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Term>,
}

impl LangTerms {
    /// Every term, preferred first.
    pub fn all(&self) -> impl Iterator<Item = &Term> {
        std::iter::once(&self.preferred).chain(&self.variants)
    }
}

/// A concept: what several terms in several languages name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Concept {
    /// A stable identifier (letters, digits, `-`), also the TBX concept id.
    pub id: String,
    /// What it names.
    #[serde(default)]
    pub subject: Subject,
    /// A free subject field from an imported file, when it is not one of ours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// A definition or note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Terms per language tag, in the order written.
    #[serde(default, flatten)]
    pub languages: IndexMap<String, LangTerms>,
}

impl Concept {
    /// Every (language, term) of the concept.
    pub fn terms(&self) -> impl Iterator<Item = (&str, &Term)> {
        self.languages.iter().flat_map(|(lang, terms)| terms.all().map(move |t| (lang.as_str(), t)))
    }

    /// The preferred form in `language`, if the concept has one.
    pub fn preferred(&self, language: &str) -> Option<&str> {
        self.languages.get(language).map(|t| t.preferred.form.as_str())
    }
}

/// A decision a person took that a rebuild must keep: a form that is not a term, or two forms that are
/// not variants of each other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// The form rejected (as a term, or as a variant of `of`).
    pub form: String,
    /// The concept it must not join; absent: the form is no term at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
}

/// A term base: concepts in order, and rejected suggestions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TermBase {
    /// The concepts.
    #[serde(default, rename = "concept")]
    pub concepts: Vec<Concept>,
    /// Forms a person rejected.
    #[serde(default, rename = "rejected", skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<Rejection>,
}

impl TermBase {
    /// The concept with `id`.
    pub fn concept(&self, id: &str) -> Option<&Concept> {
        self.concepts.iter().find(|c| c.id == id)
    }

    /// Adds the concepts and rejections of `other`.
    pub fn extend(&mut self, other: TermBase) {
        self.concepts.extend(other.concepts);
        self.rejected.extend(other.rejected);
    }

    /// How many terms it holds in all.
    pub fn term_count(&self) -> usize {
        self.concepts.iter().map(|c| c.terms().count()).sum()
    }

    /// Adds `concept`, its id suffixed (`-2`, `-3`, ...) if another concept has it already.
    pub(crate) fn push_with_unique_id(&mut self, mut concept: Concept) {
        concept.id = unique_id(&concept.id, |id| self.concept(id).is_some());
        self.concepts.push(concept);
    }
}

/// `base`, or `base-2`, `base-3`, ...: the first that is not `taken`.
pub(crate) fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// A concept id made from `text`: folded, lower case, words joined by `-`, starting with a letter.
pub(crate) fn concept_id(text: &str) -> String {
    let folded = crate::fold::fold(text);
    let mut id = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.starts_with(|c: char| c.is_ascii_alphabetic()) { id } else { format!("c-{id}") }
}
