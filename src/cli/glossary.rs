//! The term base a command uses, and what to call it in messages: `--glossary PATH`, else ./glossary
//! when that folder exists, else the term base compiled into trame.

use super::Failure;
use std::path::Path;
use trame::termbase::TermBase;

/// A term base and where it came from.
pub(crate) struct Glossary {
    pub base: TermBase,
    /// How messages name it: its path, or "the built-in term base".
    pub name: String,
}

impl Glossary {
    /// `--glossary`, else ./glossary, else the compiled-in term base. A file or folder that gives no
    /// concept is said so on standard error, with what it holds instead.
    pub(crate) fn load(path: Option<&Path>) -> Result<Glossary, Failure> {
        let path = match path {
            Some(path) => path,
            None if Path::new("glossary").is_dir() => Path::new("glossary"),
            None => return Ok(Glossary { base: trame::termbase::builtin(), name: "the built-in term base".into() }),
        };
        let base = trame::termbase::read(path)?;
        let name = path.display().to_string();
        if base.concepts.is_empty() {
            eprintln!("trame: {name}: no concept in this term base ({})", why_empty(path));
        }
        Ok(Glossary { base, name })
    }

    /// "glossary/ (48 concepts)".
    pub(crate) fn described(&self) -> String {
        format!("{} ({})", self.name, super::counted(self.base.concepts.len(), "concept", "concepts"))
    }
}

/// Why a term base file or folder gave no concept: what it holds instead.
fn why_empty(path: &Path) -> String {
    if !path.is_dir() {
        return "the file has no [[concept]] table".into();
    }
    let mut toml = Vec::new();
    let mut other = Vec::new();
    for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".toml") {
            toml.push(name);
        } else if [".tbx", ".csv", ".tsv", ".xml"].iter().any(|e| name.to_ascii_lowercase().ends_with(e)) {
            other.push(name);
        }
    }
    toml.sort();
    other.sort();
    let mut why = if toml.is_empty() {
        "the folder holds no .toml file".to_string()
    } else {
        format!("its .toml files ({}) hold no [[concept]] table", toml.join(", "))
    };
    if !other.is_empty() {
        why.push_str(&format!("; {} must first be imported with `trame terms import`", other.join(", ")));
    }
    why
}
