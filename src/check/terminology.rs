//! The terminology check: a term of the glossary in the source whose concept the target does not name
//! (with any of its target terms), and target spellings the glossary deprecates, including a name spelled
//! as another language spells it (the rules of [`crate::normalize`]).
//!
//! Each side is folded (case and accents aside) and searched with one automaton for all terms, so the
//! cost does not grow with the size of the term base.

use super::{Check, Issue, Severity, Side, Span};
use crate::normalize::folded::{FoldedText, Folder};
use crate::normalize::{NormalizeOptions, Normalizer, whole_word};
use crate::termbase::{Status, Subject, TermBase};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use std::collections::HashSet;

/// What the check knows of one concept.
struct Concept {
    id: String,
    /// The preferred target term, suggested when the target does not name the concept.
    preferred: String,
}

/// One source form: its concepts, and whether it is written with a capital (then it matches only text
/// written with one: a name, never the common word).
struct SourceForm {
    concepts: Vec<u32>,
    capitalised: bool,
}

pub(crate) struct Terminology {
    concepts: Vec<Concept>,
    /// Source terms, leftmost-longest (Alexandre Loukachenko before Loukachenko).
    source: AhoCorasick,
    source_forms: Vec<SourceForm>,
    /// Every target-language form of every concept (and the last word of names), all matches.
    target: AhoCorasick,
    target_concepts: Vec<Vec<u32>>,
    /// Deprecated spellings in the target language.
    deprecated: Normalizer,
    folder: Folder,
    folded: FoldedText,
}

/// Endings a target term may take and still name the concept (plurals: sanction / sanctions).
const ENDINGS: [&str; 3] = ["s", "es", "x"];

impl Terminology {
    pub(crate) fn new(base: &TermBase, source: &str, target: &str) -> Terminology {
        let mut folder = Folder::default();
        let mut concepts = Vec::new();
        let mut source_patterns: indexmap::IndexMap<String, SourceForm> = indexmap::IndexMap::new();
        let mut target_patterns: indexmap::IndexMap<String, Vec<u32>> = indexmap::IndexMap::new();
        for concept in &base.concepts {
            let (Some(from), Some(to)) = (language(concept, source), language(concept, target)) else { continue };
            let id = concepts.len() as u32;
            concepts.push(Concept { id: concept.id.clone(), preferred: to.preferred.form.clone() });
            for term in from.all().filter(|t| t.status != Status::Suggested) {
                let pattern = folder.fold(&term.form);
                if pattern.trim().is_empty() {
                    continue;
                }
                let capitalised = term.form.chars().next().is_some_and(char::is_uppercase);
                let form = source_patterns.entry(pattern).or_insert(SourceForm { concepts: Vec::new(), capitalised });
                form.capitalised &= capitalised;
                if !form.concepts.contains(&id) {
                    form.concepts.push(id);
                }
            }
            let mut add_target = |form: &str| {
                let pattern = folder.fold(form);
                if !pattern.trim().is_empty() {
                    let ids = target_patterns.entry(pattern).or_default();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            };
            // Any form of the concept names it in the target, deprecated ones too (those are reported
            // as such); a person is also named by the surname alone.
            for term in to.all() {
                add_target(&term.form);
                if concept.subject == Subject::Person
                    && let Some((_, last)) = term.form.trim().rsplit_once(' ')
                {
                    add_target(last);
                }
            }
            if concept.subject == Subject::Person {
                for (_, term) in concept.terms() {
                    add_target(&term.form);
                }
            }
        }
        let source = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(source_patterns.keys())
            .expect("source terms build");
        let target_automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(target_patterns.keys())
            .expect("target terms build");
        let deprecated = Normalizer::new(base, target, &NormalizeOptions::default());
        Terminology {
            concepts,
            source,
            source_forms: source_patterns.into_values().collect(),
            target: target_automaton,
            target_concepts: target_patterns.into_values().collect(),
            deprecated,
            folder,
            folded: FoldedText::default(),
        }
    }

    pub(crate) fn concepts(&self) -> usize {
        self.concepts.len()
    }

    pub(crate) fn check(&mut self, source: &str, target: &str, issues: &mut Vec<Issue>) {
        // Deprecated spellings in the target first: their concepts are named, if wrongly.
        let mut named: HashSet<String> = HashSet::new();
        for spelling in self.deprecated.spellings(target, &mut self.folder, &mut self.folded) {
            let rule = spelling.rule;
            let found = &target[spelling.start..spelling.end];
            let replacement = crate::normalize::rules::shaped(found, &rule.replacement);
            let message = match &rule.foreign {
                Some(language) => {
                    format!("{found} is the {} spelling of this name; write {replacement}", language_name(language))
                }
                None if rule.status == "error" => format!("{found} is a known error for {replacement}"),
                None => format!("{found} is a {} spelling; the glossary prefers {replacement}", rule.status),
            };
            let severity = if rule.status == "admitted" { Severity::Warning } else { Severity::Error };
            issues.push(
                Issue::new(Check::Terminology, severity, message)
                    .at(Span::of(Side::Target, target, spelling.start, spelling.end))
                    .suggest(replacement),
            );
            named.insert(rule.concept.clone());
        }
        // `spellings` left the target folded in `self.folded`.
        let present = self.target_concepts();
        for (start, end, ids) in self.source_terms(source) {
            if ids.iter().any(|id| present.contains(id) || named.contains(&self.concepts[*id as usize].id)) {
                continue;
            }
            let concept = &self.concepts[ids[0] as usize];
            let term = &source[start..end];
            let preferred = &concept.preferred;
            issues.push(
                Issue::new(
                    Check::Terminology,
                    Severity::Warning,
                    format!("{term} is not translated as the glossary says ({preferred})"),
                )
                .at(Span::of(Side::Source, source, start, end))
                .suggest(preferred.clone()),
            );
        }
    }

    /// The source terms of `source`: byte range and concepts.
    fn source_terms(&mut self, source: &str) -> Vec<(usize, usize, Vec<u32>)> {
        self.folder.fold_into(source, &mut self.folded);
        let folded = &self.folded;
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(m) = self.source.find(Input::new(&folded.text).span(at..folded.text.len())) {
            at = m.start() + 1;
            if !folded.whole_characters(m.start(), m.end()) {
                continue;
            }
            let (start, end) = folded.original_span(m.start(), m.end(), source);
            let form = &self.source_forms[m.pattern().as_usize()];
            let capital_ok = !form.capitalised || source[start..].chars().next().is_some_and(char::is_uppercase);
            if !whole_word(source, start, end) || !capital_ok {
                continue;
            }
            at = m.end();
            found.push((start, end, form.concepts.clone()));
        }
        found
    }

    /// The concepts the target, folded in `self.folded`, names with one of their forms (a plural ending
    /// allowed).
    fn target_concepts(&self) -> HashSet<u32> {
        let text = self.folded.text.as_str();
        let mut present = HashSet::new();
        for m in self.target.find_overlapping_iter(Input::new(text)) {
            let before = text[..m.start()].chars().next_back();
            if before.is_some_and(char::is_alphanumeric) {
                continue;
            }
            let rest = &text[m.end()..];
            let ends_word = |tail: &str| !tail.chars().next().is_some_and(char::is_alphanumeric);
            let whole = ends_word(rest) || ENDINGS.iter().any(|e| rest.starts_with(e) && ends_word(&rest[e.len()..]));
            if whole {
                present.extend(self.target_concepts[m.pattern().as_usize()].iter().copied());
            }
        }
        present
    }
}

/// The terms of `concept` in the language whose primary tag is `primary`.
fn language<'c>(concept: &'c crate::termbase::Concept, primary: &str) -> Option<&'c crate::termbase::LangTerms> {
    concept.languages.iter().find(|(tag, _)| crate::language::primary_of(tag) == primary).map(|(_, terms)| terms)
}

/// The English name of a language, for messages (the tag itself when trame does not know it).
fn language_name(tag: &str) -> String {
    let name = match crate::language::primary_of(tag).as_str() {
        "de" => "German",
        "en" => "English",
        "es" => "Spanish",
        "fr" => "French",
        "it" => "Italian",
        "nl" => "Dutch",
        "pl" => "Polish",
        "pt" => "Portuguese",
        "ru" => "Russian",
        "uk" => "Ukrainian",
        _ => return tag.to_string(),
    };
    name.to_string()
}
