//! Which spellings to replace, and with what: for a document in language L, the deprecated variants and
//! probable errors of L (admitted ones too on request), and the spellings other languages give a person
//! (Loukachenko in an English text), each replaced by L's preferred form or, when it is closer (a full
//! name, a given name glued to the surname), L's full form.
//!
//! A variant matches only as a whole (Sergey Lavrov, never Sergey alone in Sergey Brin), and only in the
//! case it could take: a variant written with a capital matches capitalised text (Associations never
//! touches associations). A variant that differs from the preferred form only by accents or case (Etats
//! for États) matches only as written, and only when the glossary deprecates it itself.

use super::NormalizeOptions;
use super::folded::Folder;
use crate::fold::{capitalise, squash};
use crate::termbase::{Kind, Status, Subject, TermBase};
use std::collections::{HashMap, HashSet};

/// One spelling to replace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rule {
    /// The folded form searched for.
    pub pattern: String,
    /// The text must start with a capital (the variant is written with one).
    pub capitalised: bool,
    /// The text must be exactly this (whitespace runs aside): a variant that differs from its
    /// replacement only by accents or case.
    pub exact: Option<String>,
    /// What replaces it (its case adapted to what it replaces).
    pub replacement: String,
    pub concept: String,
    /// "deprecated" (also for another language's spelling of a person's name), "admitted" or "error".
    pub status: String,
    /// The language whose spelling of a person's name this is, when it is not the document's.
    pub foreign: Option<String>,
}

pub(crate) fn rules(base: &TermBase, language: &str, options: &NormalizeOptions, folder: &mut Folder) -> Vec<Rule> {
    // Forms that are correct in this language, in any concept: never replaced.
    let mut correct: HashSet<String> = HashSet::new();
    let mut exactly_correct: HashSet<String> = HashSet::new();
    for concept in &base.concepts {
        if let Some(terms) = concept.languages.get(language) {
            for term in terms.all() {
                let accepted = term.status == Status::Preferred
                    || (term.status == Status::Admitted && !options.include_admitted)
                    || term.status == Status::Suggested;
                if accepted && term.kind != Kind::Error {
                    correct.insert(folder.fold(&term.form));
                    exactly_correct.insert(squash(&term.form));
                }
            }
        }
    }
    let keep: HashSet<String> = options.keep.iter().map(|k| folder.fold(k)).collect();
    let mut candidates: Vec<Rule> = Vec::new();
    for concept in &base.concepts {
        let Some(terms) = concept.languages.get(language) else { continue };
        let preferred = &terms.preferred.form;
        let full_form = terms
            .variants
            .iter()
            .find(|t| t.kind == Kind::FullForm && t.status != Status::Deprecated)
            .map(|t| t.form.as_str());
        let own = terms.variants.iter().filter(|t| {
            t.kind == Kind::Error
                || t.status == Status::Deprecated
                || (options.include_admitted
                    && t.status == Status::Admitted
                    && !matches!(t.kind, Kind::FullForm | Kind::ShortForm))
        });
        let own = own.map(|t| {
            let status = if t.kind == Kind::Error { "error".to_string() } else { t.status.name().to_string() };
            (t, status, None)
        });
        // People's names are written one way per language: another language's spelling is deprecated here.
        // (Places and terms have legitimate exonyms and quoted titles: only their listed variants count.)
        let foreign = concept
            .languages
            .iter()
            .filter(|(l, _)| concept.subject == Subject::Person && l.as_str() != language)
            .flat_map(|(l, t)| {
                t.all().filter(|t| t.status != Status::Suggested).map(move |t| (t, "deprecated".to_string(), Some(l)))
            });
        for (term, status, foreign) in own.chain(foreign) {
            let listed = foreign.is_none();
            let replacement = match full_form {
                Some(full) if closer_to(folder, &term.form, full, preferred) => full,
                _ => preferred.as_str(),
            };
            let form = term.form.as_str();
            let pattern = folder.fold(form);
            let capitalised = form.chars().next().is_some_and(char::is_uppercase);
            if pattern.is_empty() || keep.contains(&pattern) {
                continue;
            }
            // Accents or case only: replaced only where written so, and only when this language's
            // glossary deprecates that spelling itself.
            let exact = pattern == folder.fold(replacement);
            if exact {
                if !listed || squash(form) == squash(replacement) || exactly_correct.contains(&squash(form)) {
                    continue;
                }
            } else if correct.contains(&pattern) {
                continue;
            }
            candidates.push(Rule {
                pattern,
                capitalised,
                exact: exact.then(|| squash(form)),
                replacement: replacement.to_string(),
                concept: concept.id.clone(),
                status,
                foreign: foreign.cloned(),
            });
        }
    }
    // A form that two concepts would replace differently is ambiguous: left alone.
    let mut targets: HashMap<(&str, Option<&str>), HashSet<&str>> = HashMap::new();
    for rule in &candidates {
        targets.entry((&rule.pattern, rule.exact.as_deref())).or_default().insert(&rule.replacement);
    }
    let ambiguous: HashSet<(String, Option<String>)> =
        targets.iter().filter(|(_, r)| r.len() > 1).map(|((p, e), _)| (p.to_string(), e.map(str::to_string))).collect();
    // A form that is another rule's replacement is not replaced (no chains); an exact rule differs from
    // its replacement by accents or case, so it is compared as written.
    let replacements: HashSet<String> = candidates.iter().map(|r| folder.fold(&r.replacement)).collect();
    let exact_replacements: HashSet<String> = candidates.iter().map(|r| squash(&r.replacement)).collect();
    let mut seen = HashSet::new();
    candidates
        .into_iter()
        .filter(|r| {
            let chained = match &r.exact {
                Some(form) => exact_replacements.contains(form),
                None => replacements.contains(&r.pattern),
            };
            !ambiguous.contains(&(r.pattern.clone(), r.exact.clone()))
                && !chained
                && seen.insert((r.pattern.clone(), r.exact.clone()))
        })
        .collect()
}

impl Rule {
    /// Whether the text found, `original`, is written so that this rule applies to it.
    pub(crate) fn applies_to(&self, original: &str) -> bool {
        if let Some(exact) = &self.exact {
            return squash(original) == *exact;
        }
        !self.capitalised || original.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Whether `form` is closer to `a` than to `b`, letters only (Vladimirpoutine: Vladimir Poutine rather
/// than Poutine).
fn closer_to(folder: &mut Folder, form: &str, a: &str, b: &str) -> bool {
    let mut letters = |s: &str| folder.fold(s).chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    let (form, a, b) = (letters(form), letters(a), letters(b));
    strsim::normalized_levenshtein(&form, &a) > strsim::normalized_levenshtein(&form, &b)
}

/// `replacement` in the case of `original` (LUKACHENKO → LOUKACHENKO, lukachenko → loukachenko), with the
/// original's separators when both have as many words (a line break inside a name stays).
pub(crate) fn shaped(original: &str, replacement: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    let lower = !letters.is_empty() && letters.iter().all(|c| c.is_lowercase());
    let mut out = if upper {
        replacement.to_uppercase()
    } else if lower {
        replacement.to_lowercase()
    } else if letters.first().is_some_and(|c| c.is_uppercase()) {
        capitalise(replacement)
    } else {
        replacement.to_string()
    };
    let original_words: Vec<&str> = original.split_whitespace().collect();
    let new_words: Vec<String> = out.split_whitespace().map(str::to_string).collect();
    if original_words.len() > 1 && original_words.len() == new_words.len() {
        let mut rebuilt = String::new();
        let mut rest = original;
        for (k, word) in new_words.iter().enumerate() {
            // Each word is found (they come in order in `original`), so `at` and the end of the match
            // are character boundaries.
            let at = rest.find(original_words[k]).unwrap_or(0);
            rebuilt.push_str(&rest[..at]);
            rebuilt.push_str(word);
            rest = &rest[at + original_words[k].len()..];
        }
        rebuilt.push_str(rest);
        out = rebuilt;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_separators() {
        assert_eq!(shaped("LUKACHENKO", "Loukachenko"), "LOUKACHENKO");
        assert_eq!(shaped("lukachenko", "Loukachenko"), "loukachenko");
        assert_eq!(shaped("Lukachenko", "Loukachenko"), "Loukachenko");
        assert_eq!(shaped("Alexander\nLukashenko", "Alexandre Loukachenko"), "Alexandre\nLoukachenko");
        assert_eq!(shaped("otan", "OTAN"), "otan");
    }
}
