//! What a term base file may hold, checked on the TOML with its positions, so that a mistake is reported
//! where it is and in the words of the file: `subjet` is not a field of a concept (did you mean
//! `subject`?), `prefered` is not a status, never `1:1: expected struct LangTerms`.

use crate::language::Language;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A mistake in a term base file: the byte offset where it is, and what is wrong.
pub(crate) struct ShapeError {
    pub at: usize,
    pub message: String,
}

const CONCEPT_FIELDS: &[&str] = &["id", "subject", "domain", "note"];
const TERM_FIELDS: &[&str] = &["form", "status", "kind", "seen", "context"];
const LANG_FIELDS: &[&str] = &["preferred", "variants"];
const REJECTION_FIELDS: &[&str] = &["form", "of"];
const SUBJECTS: &[&str] = &["person", "place", "organisation", "term"];
const STATUSES: &[&str] = &["preferred", "admitted", "deprecated", "suggested"];
const KINDS: &[&str] = &["spelling", "transliteration", "error", "short_form", "full_form"];

/// Checks the TOML `text` (already known to parse as TOML) against the shape of a term base file.
pub(crate) fn check(text: &str) -> Result<(), ShapeError> {
    let Ok(document) = DeTable::parse(text) else { return Ok(()) };
    for (key, value) in document.get_ref() {
        match key.get_ref().as_ref() {
            "concept" => each_table(value, "concept", concept)?,
            "rejected" => each_table(value, "rejected", |t| fields(t, REJECTION_FIELDS, "rejection"))?,
            other => return Err(unknown(key, other, &["concept", "rejected"], "a term base")),
        }
    }
    Ok(())
}

type Table<'i> = DeTable<'i>;

fn each_table<'i>(
    value: &Spanned<DeValue<'i>>,
    what: &str,
    check: impl Fn(&Table<'i>) -> Result<(), ShapeError>,
) -> Result<(), ShapeError> {
    match value.get_ref() {
        DeValue::Array(items) => {
            for item in items {
                match item.get_ref() {
                    DeValue::Table(table) => check(table)?,
                    _ => return Err(at(item, format!("each {what} is a table ([[{what}]])"))),
                }
            }
            Ok(())
        }
        _ => Err(at(value, format!("`{what}` is a list of tables ([[{what}]])"))),
    }
}

fn concept(table: &Table<'_>) -> Result<(), ShapeError> {
    for (key, value) in table {
        let name = key.get_ref().as_ref();
        match name {
            "id" | "domain" | "note" => string(value, name)?,
            "subject" => one_of(value, "subject", SUBJECTS)?,
            _ if Language::parse(name).is_some() && matches!(value.get_ref(), DeValue::Table(_)) => {
                let DeValue::Table(terms) = value.get_ref() else { unreachable!() };
                lang_terms(terms, value)?;
            }
            _ => {
                let mut known: Vec<&str> = CONCEPT_FIELDS.to_vec();
                known.push("a language tag such as fr");
                return Err(unknown(key, name, &known, "a concept"));
            }
        }
    }
    Ok(())
}

fn lang_terms(table: &Table<'_>, whole: &Spanned<DeValue<'_>>) -> Result<(), ShapeError> {
    let mut preferred = false;
    for (key, value) in table {
        match key.get_ref().as_ref() {
            "preferred" => {
                preferred = true;
                match value.get_ref() {
                    DeValue::Table(term_table) => term(term_table)?,
                    _ => return Err(at(value, "`preferred` is a table of a term (form, status, ...)".into())),
                }
            }
            "variants" => each_table(value, "variants", term)?,
            other => return Err(unknown(key, other, LANG_FIELDS, "the terms of a language")),
        }
    }
    if !preferred {
        return Err(at(whole, "the terms of a language need a preferred term ([concept.LANG.preferred])".into()));
    }
    Ok(())
}

fn term(table: &Table<'_>) -> Result<(), ShapeError> {
    for (key, value) in table {
        let name = key.get_ref().as_ref();
        match name {
            "form" | "context" => string(value, name)?,
            "status" => one_of(value, "status", STATUSES)?,
            "kind" => one_of(value, "kind", KINDS)?,
            "seen" => match value.get_ref() {
                DeValue::Table(seen) => {
                    for (_, count) in seen {
                        if !matches!(count.get_ref(), DeValue::Integer(_)) {
                            return Err(at(count, "a count of `seen` is a whole number".into()));
                        }
                    }
                }
                _ => return Err(at(value, "`seen` is a table of file names and counts".into())),
            },
            _ => return Err(unknown(key, name, TERM_FIELDS, "a term")),
        }
    }
    Ok(())
}

fn fields(table: &Table<'_>, known: &[&str], what: &str) -> Result<(), ShapeError> {
    for (key, value) in table {
        let name = key.get_ref().as_ref();
        if !known.contains(&name) {
            return Err(unknown(key, name, known, what));
        }
        string(value, name)?;
    }
    Ok(())
}

fn string(value: &Spanned<DeValue<'_>>, name: &str) -> Result<(), ShapeError> {
    match value.get_ref() {
        DeValue::String(_) => Ok(()),
        _ => Err(at(value, format!("`{name}` is text, in quotes"))),
    }
}

fn one_of(value: &Spanned<DeValue<'_>>, name: &str, allowed: &[&str]) -> Result<(), ShapeError> {
    let DeValue::String(found) = value.get_ref() else {
        return Err(at(value, format!("`{name}` is one of {}", allowed.join(", "))));
    };
    if allowed.contains(&found.as_ref()) {
        return Ok(());
    }
    let hint = closest(found, allowed).map(|c| format!("; did you mean `{c}`?")).unwrap_or_default();
    Err(at(value, format!("`{found}` is not a {name} (one of {}){hint}", allowed.join(", "))))
}

fn at<T>(value: &Spanned<T>, message: String) -> ShapeError {
    ShapeError { at: value.span().start, message }
}

fn unknown<T>(key: &Spanned<T>, name: &str, known: &[&str], what: &str) -> ShapeError {
    let hint = closest(name, known).map(|c| format!("; did you mean `{c}`?")).unwrap_or_default();
    ShapeError {
        at: key.span().start,
        message: format!("`{name}` is not a field of {what} ({}){hint}", known.join(", ")),
    }
}

/// The known name `name` is most likely a misspelling of: at most two edits away.
fn closest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(name, k), *k))
        .filter(|(d, k)| *d <= 2 && *d < k.len())
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> (usize, String) {
        let e = check(text).expect_err("a mistake");
        (crate::position::line_column(text, e.at).0, e.message)
    }

    #[test]
    fn mistakes_are_named_where_they_are() {
        let ok = "[[concept]]\nid = \"x\"\nsubject = \"person\"\n\n[concept.fr.preferred]\nform = \"Minsk\"\n\n[[concept.fr.variants]]\nform = \"Minks\"\nstatus = \"deprecated\"\nkind = \"error\"\n[concept.fr.variants.seen]\n\"a.txt\" = 2\n";
        assert!(check(ok).is_ok());
        let (line, text) = message("[[concept]]\nid = \"x\"\nsubjet = \"person\"\n");
        assert_eq!(line, 3);
        assert!(
            text.contains("`subjet` is not a field of a concept") && text.ends_with("did you mean `subject`?"),
            "{text}"
        );
        let (line, text) =
            message("[[concept]]\nid = \"x\"\n\n[concept.fr.preferred]\nform = \"Minsk\"\nstatus = \"prefered\"\n");
        assert_eq!(line, 6);
        assert!(
            text.starts_with("`prefered` is not a status") && text.ends_with("did you mean `preferred`?"),
            "{text}"
        );
        let (line, text) =
            message("[[concept]]\nid = \"x\"\n\n[concept.fr.preferred]\nform = \"Minsk\"\nstatuss = \"preferred\"\n");
        assert_eq!((line, text.contains("did you mean `status`?")), (6, true), "{text}");
        let (line, text) = message("[[concept]]\nid = \"x\"\n\n[concept.fr.variants]\nform = \"Minsk\"\n");
        assert!(line == 4 && text.contains("list of tables"), "{line} {text}");
        let (_, text) = message("[[concept]]\nid = \"x\"\n[concept.fr]\nvariants = []\n");
        assert!(text.contains("need a preferred term"), "{text}");
        let (line, text) = message("[[concepts]]\nid = \"x\"\n");
        assert!(line == 1 && text.contains("did you mean `concept`?"), "{text}");
    }
}
