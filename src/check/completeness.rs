//! The completeness check: an empty target, a target that is the source copied (unless the source is all
//! names, numbers and codes), and a target far longer or shorter than a translation of the source would be,
//! by the aligner's length model (Gale and Church) with the length ratio learned from the segments read.

use super::{Check, Issue, Severity};
use crate::language::{Language, LanguageFamily};

/// Segments read before the ratio of the input replaces the default.
const LEARN_AFTER: usize = 20;
/// A length difference of this many standard deviations is reported ...
const DELTA: f32 = 3.5;
/// ... when the target is also under this share of the length expected, or over its inverse.
const SHARE: f32 = 0.45;
/// ... and the longer side has at least this many characters.
const MIN_CHARS: usize = 40;

/// Target characters per source character, learned as segments are read.
pub(crate) struct LengthModel {
    default_ratio: f32,
    source_chars: f64,
    target_chars: f64,
    segments: usize,
}

impl LengthModel {
    pub(crate) fn new(source: &Language, target: &Language) -> LengthModel {
        // English runs about a tenth shorter than French.
        let default_ratio = match (source.family(), target.family()) {
            (LanguageFamily::French, LanguageFamily::English) => 0.9,
            (LanguageFamily::English, LanguageFamily::French) => 1.1,
            _ => 1.0,
        };
        LengthModel { default_ratio, source_chars: 0.0, target_chars: 0.0, segments: 0 }
    }

    fn ratio(&self) -> f32 {
        if self.segments < LEARN_AFTER || self.source_chars == 0.0 {
            self.default_ratio
        } else {
            ((self.target_chars / self.source_chars) as f32).clamp(0.5, 2.0)
        }
    }

    fn learn(&mut self, source: usize, target: usize) {
        if source > 0 && target > 0 {
            self.source_chars += source as f64;
            self.target_chars += target as f64;
            self.segments += 1;
        }
    }
}

pub(crate) fn check(source: &str, target: &str, model: &mut LengthModel, issues: &mut Vec<Issue>) {
    let (s, t) = (source.trim(), target.trim());
    if t.is_empty() {
        if !s.is_empty() {
            issues.push(Issue::new(Check::Completeness, Severity::Error, "the target is empty"));
        }
        return;
    }
    if s == t && has_words_to_translate(s) {
        issues.push(Issue::new(Check::Completeness, Severity::Warning, "the target is the source copied"));
        return;
    }
    let (source_chars, target_chars) = (s.chars().count(), t.chars().count());
    let ratio = model.ratio();
    model.learn(source_chars, target_chars);
    if source_chars.max(target_chars) < MIN_CHARS {
        return;
    }
    let expected = source_chars as f32 * ratio;
    let delta =
        crate::align::length_delta(source_chars as f32, target_chars as f32, ratio, crate::align::DEFAULT_VARIANCE);
    let share = target_chars as f32 / expected;
    if delta.abs() >= DELTA && !(SHARE..=1.0 / SHARE).contains(&share) {
        let message = if share < 1.0 {
            format!(
                "the target is short for its source: {target_chars} characters where about {expected:.0} are expected"
            )
        } else {
            format!(
                "the target is long for its source: {target_chars} characters where about {expected:.0} are expected"
            )
        };
        issues.push(Issue::new(Check::Completeness, Severity::Warning, message));
    }
}

/// Whether `text` has a word that a translation would change: a word of three letters or more that does
/// not start with a capital.
fn has_words_to_translate(text: &str) -> bool {
    super::words(text).iter().any(|&(s, e)| {
        let word = &text[s..e];
        word.chars().filter(|c| c.is_alphabetic()).count() >= 3 && word.chars().next().is_some_and(char::is_lowercase)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(source: &str, target: &str) -> Vec<String> {
        let mut model = LengthModel::new(&Language::french(), &Language::english());
        let mut issues = Vec::new();
        check(source, target, &mut model, &mut issues);
        issues.into_iter().map(|i| i.message).collect()
    }

    #[test]
    fn empty_copied_and_truncated_targets() {
        assert_eq!(run("Le Belarus compte 9,5 millions d'habitants.", " "), ["the target is empty"]);
        assert_eq!(
            run("Le Belarus compte 9,5 millions d'habitants.", "Le Belarus compte 9,5 millions d'habitants."),
            ["the target is the source copied"]
        );
        assert!(run("Alexandre Loukachenko (BBC)", "Alexandre Loukachenko (BBC)").is_empty());
        let long = "Le président a déclaré mardi que les manoeuvres militaires conjointes se poursuivraient tout l'hiver le long de la frontière occidentale du pays.";
        assert!(run(long, "The president said on Tuesday that the joint military exercises would go on all winter along the country's western border.").is_empty());
        assert_eq!(run(long, "The president said on Tuesday.").len(), 1);
    }
}
