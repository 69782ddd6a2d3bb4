//! Term bases as TOML files: one file, or a folder of them (`glossary/*.toml`) read in name order.

use super::model::TermBase;
use super::rules::{InvalidTermBase, check};
use crate::position::Location;
use std::fmt;
use std::path::{Path, PathBuf};

/// A term base file that could not be read.
#[derive(Debug)]
pub enum TermBaseError {
    /// The file or folder could not be read.
    Io {
        /// The file or folder.
        file: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
    /// The TOML does not parse or does not describe a term base.
    Parse {
        /// Where (line 1, column 1 when the parser does not say).
        at: Location,
        /// What is wrong.
        message: String,
    },
    /// The term base parses but breaks rules (duplicate ids, a variant marked preferred): all of them.
    Invalid {
        /// The file or folder.
        file: PathBuf,
        /// The rules broken.
        error: InvalidTermBase,
    },
}

impl fmt::Display for TermBaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TermBaseError::Io { file, error } => write!(f, "cannot read {}: {error}", file.display()),
            TermBaseError::Parse { at, message } => write!(f, "{at}: {message}"),
            TermBaseError::Invalid { file, error } => {
                // One line a breach, each naming the file, as a compiler lists its errors.
                for (k, breach) in error.breaches.iter().enumerate() {
                    let end = if k + 1 < error.breaches.len() { "\n" } else { "" };
                    write!(f, "{}: {breach}{end}", file.display())?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for TermBaseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            TermBaseError::Io { error, .. } => Some(error),
            TermBaseError::Invalid { error, .. } => Some(error),
            TermBaseError::Parse { .. } => None,
        }
    }
}

/// Parses one TOML term base; `path` names it in errors.
///
/// A large file is parsed one `[[concept]]` at a time: the TOML parser holds a tree many times the size
/// of the text it parses, so a 50,000-concept file parsed whole would take some 600 MB. A piece that does
/// not parse alone (a split inside a multi-line string) sends the whole text to the parser, which then
/// gives the error, or the term base, as it would have anyway.
pub fn parse(text: &str, path: &Path) -> Result<TermBase, TermBaseError> {
    let error = |at: usize, message: String| {
        let (line, column) = crate::position::line_column(text, at);
        TermBaseError::Parse { at: Location::new(path.display().to_string(), line, column), message }
    };
    if let Some(nul) = memchr::memchr(0, text.as_bytes()) {
        return Err(error(nul, crate::decode::BINARY.to_string()));
    }
    // The shape of `piece` (which starts at byte `offset` of the text) checked, positions kept.
    let shape = |piece: &str, offset: usize| super::shape::check(piece).map_err(|e| error(offset + e.at, e.message));
    let whole = |text: &str| -> Result<TermBase, TermBaseError> {
        match toml::from_str(text) {
            Ok(base) => shape(text, 0).map(|()| base),
            Err(e) => {
                shape(text, 0)?;
                Err(error(e.span().map_or(0, |span| span.start), e.message().to_string()))
            }
        }
    };
    let mut base = if text.len() < PIECEWISE_FROM {
        whole(text)?
    } else {
        piecewise(text, &shape).unwrap_or_else(|| whole(text))?
    };
    // The preferred term's status need not be written: it is preferred by its place.
    for terms in base.concepts.iter_mut().flat_map(|c| c.languages.values_mut()) {
        terms.preferred.status = super::Status::Preferred;
    }
    check(&base).map_err(|error| TermBaseError::Invalid { file: path.to_path_buf(), error })?;
    Ok(base)
}

/// `text` parsed a piece at a time, each piece's shape checked; `None` when a piece does not parse alone.
fn piecewise(
    text: &str,
    shape: &dyn Fn(&str, usize) -> Result<(), TermBaseError>,
) -> Option<Result<TermBase, TermBaseError>> {
    let mut base = TermBase::default();
    for piece in pieces(text) {
        base.extend(toml::from_str::<TermBase>(piece).ok()?);
        if let Err(e) = shape(piece, piece.as_ptr() as usize - text.as_ptr() as usize) {
            return Some(Err(e));
        }
    }
    Some(Ok(base))
}

/// Files at least this large are parsed a concept at a time.
const PIECEWISE_FROM: usize = 1 << 20;

/// `text` cut before each line that opens a concept or a rejection (`[[concept]]`, `[[rejected]]`).
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut at = 0;
        let cut = loop {
            match rest[at..].find("\n[[") {
                None => break rest.len(),
                Some(k) => {
                    let line = &rest[at + k + 1..];
                    let opens = ["[[concept]]", "[[rejected]]"]
                        .iter()
                        .any(|h| line.strip_prefix(h).is_some_and(|r| r.starts_with(['\n', '\r', ' ', '#'])));
                    if opens && at + k + 1 > 0 && !rest[..at + k].trim().is_empty() {
                        break at + k + 1;
                    }
                    at += k + 1;
                }
            }
        };
        let (piece, next) = rest.split_at(cut);
        rest = next;
        Some(piece)
    })
}

/// Reads a term base from a `.toml` file, or from every `.toml` file of a folder, in name order.
pub fn read(path: &Path) -> Result<TermBase, TermBaseError> {
    let io = |error| TermBaseError::Io { file: path.to_path_buf(), error };
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
                std::fs::read_to_string(&file).map_err(|error| TermBaseError::Io { file: file.clone(), error })?;
            base.extend(parse(&text, &file)?);
        }
        check(&base).map_err(|error| TermBaseError::Invalid { file: path.to_path_buf(), error })?;
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

    #[test]
    fn a_large_file_parses_a_concept_at_a_time_as_it_would_whole() {
        let mut base = TermBase::default();
        for k in 0..6_000 {
            let mut concept = Concept { id: format!("c{k}"), ..Concept::default() };
            let mut terms = LangTerms { preferred: Term::new(&format!("Nom{k}"), Status::Preferred), variants: vec![] };
            terms.variants.push(Term::new(&format!("Nomm{k}"), Status::Deprecated));
            concept.languages.insert("fr".into(), terms);
            concept.note = Some(format!("line one\n[[concept]]\nline {k}"));
            base.concepts.push(concept);
        }
        let text = to_toml(&base);
        assert!(text.len() > PIECEWISE_FROM, "{}", text.len());
        assert!(parse(&text, Path::new("big.toml")).unwrap() == base);
        // Each note holds a concept header on a line of its own, inside a multi-line string: a piece cut
        // there does not parse alone, and the whole text is parsed instead.
        assert!(text.contains("\n[[concept]]\nline 0\"\"\""), "the notes are multi-line strings");
        let plain = text.replace("\n[[concept]]\nline", "\nline");
        assert!(plain.len() > PIECEWISE_FROM);
        let mut expected = base.clone();
        for concept in &mut expected.concepts {
            concept.note = concept.note.take().map(|n| n.replace("\n[[concept]]", ""));
        }
        assert!(parse(&plain, Path::new("big.toml")).unwrap() == expected);
        let broken = text.replacen("[concept.fr.preferred]", "[concept.fr.preferred", 2);
        let error = parse(&broken, Path::new("big.toml")).unwrap_err().to_string();
        let line = text.lines().position(|l| l == "[concept.fr.preferred]").unwrap();
        let second = text.lines().enumerate().filter(|(_, l)| *l == "[concept.fr.preferred]").nth(1).unwrap().0;
        assert!(
            error.starts_with(&format!("big.toml:{}:", line + 1))
                || error.starts_with(&format!("big.toml:{}:", second + 1)),
            "{error}"
        );
    }

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
