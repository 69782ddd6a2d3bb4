//! The rules every term base follows, whoever wrote it, and what breaking them says.

use super::model::{Status, TermBase};
use std::fmt;

/// One rule a term base breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Breach {
    /// A concept id that is empty or holds something else than letters, digits, `-` and `_`.
    MalformedId(String),
    /// Two concepts with one id.
    DuplicateId(String),
    /// A concept with no language.
    NoTerms(String),
    /// A concept whose preferred term in `language` is empty.
    EmptyPreferred {
        /// The concept's id.
        concept: String,
        /// The language.
        language: String,
    },
    /// A variant marked preferred, which only the preferred term is.
    PreferredVariant {
        /// The concept's id.
        concept: String,
        /// The variant's form.
        variant: String,
    },
}

impl fmt::Display for Breach {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Breach::MalformedId(id) => write!(f, "concept id '{id}' must be letters, digits, '-' or '_'"),
            Breach::DuplicateId(id) => write!(f, "concept id '{id}' is used twice"),
            Breach::NoTerms(id) => write!(f, "concept '{id}' has no terms"),
            Breach::EmptyPreferred { concept, language } => {
                write!(f, "concept '{concept}' has an empty preferred term in {language}")
            }
            Breach::PreferredVariant { concept, variant } => {
                write!(f, "concept '{concept}': variant '{variant}' cannot also be preferred")
            }
        }
    }
}

/// Every rule a term base breaks, in the order of its concepts (never empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidTermBase {
    /// The breaches.
    pub breaches: Vec<Breach>,
}

impl fmt::Display for InvalidTermBase {
    /// One breach a line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (k, breach) in self.breaches.iter().enumerate() {
            if k > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{breach}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InvalidTermBase {}

/// Checks the rules a term base file must follow, and returns every one it breaks.
pub fn check(base: &TermBase) -> Result<(), InvalidTermBase> {
    let mut breaches = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for concept in &base.concepts {
        let id = &concept.id;
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            breaches.push(Breach::MalformedId(id.clone()));
        } else if !ids.insert(id.as_str()) {
            breaches.push(Breach::DuplicateId(id.clone()));
        }
        if concept.languages.is_empty() {
            breaches.push(Breach::NoTerms(id.clone()));
        }
        for (language, terms) in &concept.languages {
            if terms.preferred.form.trim().is_empty() {
                breaches.push(Breach::EmptyPreferred { concept: id.clone(), language: language.clone() });
            }
            for variant in terms.variants.iter().filter(|v| v.status == Status::Preferred) {
                breaches.push(Breach::PreferredVariant { concept: id.clone(), variant: variant.form.clone() });
            }
        }
    }
    if breaches.is_empty() { Ok(()) } else { Err(InvalidTermBase { breaches }) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::termbase::{Concept, LangTerms, Term};

    fn concept(id: &str, preferred: &str, variants: &[(&str, Status)]) -> Concept {
        let mut concept = Concept { id: id.into(), ..Concept::default() };
        let variants = variants.iter().map(|(form, status)| Term::new(form, *status)).collect();
        concept
            .languages
            .insert("fr".into(), LangTerms { preferred: Term::new(preferred, Status::Preferred), variants });
        concept
    }

    #[test]
    fn a_base_that_follows_the_rules_passes() {
        let base =
            TermBase { concepts: vec![concept("kyiv", "Kiev", &[("Kyiv", Status::Admitted)])], rejected: vec![] };
        assert_eq!(check(&base), Ok(()));
    }

    #[test]
    fn every_breach_is_reported_not_only_the_first() {
        let mut empty = concept("empty", "x", &[]);
        empty.languages.clear();
        let base = TermBase {
            concepts: vec![
                concept("bad id", "A", &[]),
                concept("twice", "B", &[]),
                concept("twice", " ", &[("C", Status::Preferred)]),
                empty,
            ],
            rejected: vec![],
        };
        let breaches = check(&base).unwrap_err().breaches;
        assert_eq!(
            breaches,
            [
                Breach::MalformedId("bad id".into()),
                Breach::DuplicateId("twice".into()),
                Breach::EmptyPreferred { concept: "twice".into(), language: "fr".into() },
                Breach::PreferredVariant { concept: "twice".into(), variant: "C".into() },
                Breach::NoTerms("empty".into()),
            ]
        );
    }
}
