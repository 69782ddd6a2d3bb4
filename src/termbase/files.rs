//! Term bases as TOML files: one file, or a folder of them (`glossary/*.toml`) read in name order.

use super::model::TermBase;
use std::fmt;
use std::path::{Path, PathBuf};

/// A term base file that could not be read.
#[derive(Debug)]
pub enum TermBaseError {
    /// The file or folder could not be read.
    Io {
        /// The path.
        path: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
    /// The TOML does not parse or does not describe a term base.
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line, when known.
        line: usize,
        /// 1-based column, when known.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The term base parses but breaks a rule (duplicate ids, a preferred term not marked preferred).
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

impl fmt::Display for TermBaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TermBaseError::Io { path, error } => write!(f, "cannot read {}: {error}", path.display()),
            TermBaseError::Parse { path, line, column, message } => {
                write!(f, "{}:{line}:{column}: {message}", path.display())
            }
            TermBaseError::Invalid { path, message } => write!(f, "{}: {message}", path.display()),
        }
    }
}

impl std::error::Error for TermBaseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            TermBaseError::Io { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// Parses one TOML term base; `path` names it in errors.
pub fn parse(text: &str, path: &Path) -> Result<TermBase, TermBaseError> {
    let mut base: TermBase = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |span| crate::position::line_column(text, span.start));
        TermBaseError::Parse { path: path.to_path_buf(), line, column, message: e.message().to_string() }
    })?;
    // The preferred term's status need not be written: it is preferred by its place.
    for terms in base.concepts.iter_mut().flat_map(|c| c.languages.values_mut()) {
        terms.preferred.status = super::Status::Preferred;
    }
    check(&base).map_err(|message| TermBaseError::Invalid { path: path.to_path_buf(), message })?;
    Ok(base)
}

/// Checks the rules a term base file must follow.
pub fn check(base: &TermBase) -> Result<(), String> {
    let mut ids = std::collections::HashSet::new();
    for concept in &base.concepts {
        if concept.id.is_empty() || !concept.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return Err(format!("concept id '{}' must be letters, digits, '-' or '_'", concept.id));
        }
        if !ids.insert(concept.id.as_str()) {
            return Err(format!("concept id '{}' is used twice", concept.id));
        }
        if concept.languages.is_empty() {
            return Err(format!("concept '{}' has no terms", concept.id));
        }
        for (lang, terms) in &concept.languages {
            if terms.preferred.form.trim().is_empty() {
                return Err(format!("concept '{}' has an empty preferred term in {lang}", concept.id));
            }
            if let Some(v) = terms.variants.iter().find(|v| v.status == super::Status::Preferred) {
                return Err(format!("concept '{}': variant '{}' cannot also be preferred", concept.id, v.form));
            }
        }
    }
    Ok(())
}

/// Reads a term base from a `.toml` file, or from every `.toml` file of a folder, in name order.
pub fn read(path: &Path) -> Result<TermBase, TermBaseError> {
    let io = |error| TermBaseError::Io { path: path.to_path_buf(), error };
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(io)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        let mut base = TermBase::default();
        for file in files {
            let text =
                std::fs::read_to_string(&file).map_err(|error| TermBaseError::Io { path: file.clone(), error })?;
            base.extend(parse(&text, &file)?);
        }
        check(&base).map_err(|message| TermBaseError::Invalid { path: path.to_path_buf(), message })?;
        Ok(base)
    } else {
        parse(&std::fs::read_to_string(path).map_err(io)?, path)
    }
}

/// The TOML text of a term base.
pub fn to_toml(base: &TermBase) -> String {
    toml::to_string(base).expect("a term base always serialises")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::termbase::{Concept, Kind, LangTerms, Status, Subject, Term};

    fn sample() -> TermBase {
        let mut fr = LangTerms { preferred: Term::new("Loukachenko", Status::Preferred), variants: vec![] };
        fr.preferred.seen.insert("a.txt".into(), 3);
        let mut variant = Term::new("Lukachenko", Status::Deprecated);
        variant.kind = Kind::Transliteration;
        variant.context = Some("a.txt:4".into());
        fr.variants.push(variant);
        let en = LangTerms { preferred: Term::new("Lukashenko", Status::Preferred), variants: vec![] };
        let mut concept = Concept { id: "lukashenko".into(), subject: Subject::Person, ..Concept::default() };
        concept.languages.insert("fr".into(), fr);
        concept.languages.insert("en".into(), en);
        TermBase { concepts: vec![concept], rejected: vec![] }
    }

    #[test]
    fn round_trip() {
        let base = sample();
        let text = to_toml(&base);
        assert!(text.contains("[[concept]]"), "{text}");
        assert_eq!(parse(&text, Path::new("t.toml")).unwrap(), base);
    }

    #[test]
    fn errors_have_positions() {
        let err = parse("[[concept]]\nid = \"x\"\nsubject = \"planet\"\n", Path::new("g.toml")).unwrap_err();
        assert!(err.to_string().starts_with("g.toml:3:"), "{err}");
        let err = parse(
            "[[concept]]\nid = \"x y\"\n[concept.fr.preferred]\nform = \"a\"\nstatus = \"preferred\"\n",
            Path::new("g.toml"),
        )
        .unwrap_err();
        assert!(err.to_string().contains("letters, digits"), "{err}");
    }
}
