//! Lower-case multiword terms: noun phrases of a term's shape, within punctuation, starting and ending on
//! content words.
//!
//! French: a noun and an adjective (armes nucléaires, opération militaire), or a noun, a preposition, maybe
//! an article, and a noun, maybe with an adjective (garanties de sécurité, camp de base, droits de
//! l'Homme). English: two or three content words (nuclear weapons, color revolution). A word the text uses
//! as a verb (after a subject pronoun), an auxiliary, a number, an adjective that stands before its noun
//! (petit, pauvre) or a noun too general to make a term (fois, homme) ends the match. Whether a phrase is
//! kept is decided over the whole text (how often, how tightly its words go together): see the build.

use super::lexicon::{
    DETERMINERS, FUNCTION_WORDS, GENERIC_NOUNS, HEADING_WORDS, INSTITUTION_WORDS, NATIONALITIES,
    POSTNOMINAL_ADJECTIVES, PRENOMINAL_ADJECTIVES, TITLES,
};
use super::names::join;
use super::tokens::{Gap, Token, is_elision};
use super::vocabulary::Vocabulary;
use super::{Candidate, CandidateKind, Cues, is_capitalised, is_number, letters, starts_lower, verb_with_pronoun};
use crate::fold::fold;
use crate::language::LanguageFamily;

/// Endings of French adjectives that follow their noun (not -ent, which verbs end in too: aiment).
const ADJECTIVE_ENDINGS: &[&str] = &[
    "able", "ables", "aire", "aires", "ais", "aise", "aises", "al", "ale", "ales", "ain", "aine", "aines", "ains",
    "ant", "ante", "antes", "ants", "aux", "een", "eenne", "eennes", "eens", "el", "elle", "elles", "els", "eux",
    "euse", "euses", "ible", "ibles", "ien", "ienne", "iennes", "iens", "ier", "iere", "ieres", "iers", "if", "ifs",
    "il", "ile", "iles", "ils", "ique", "iques", "iste", "istes", "ive", "ives", "ois", "oise", "oises",
];

/// Endings of French verb forms (imperfect, simple past, second person plural).
const VERB_ENDINGS: &[&str] = &["aient", "ait", "erent", "irent", "urent", "ez", "iez", "ions", "ames", "imes"];

/// A preposition that joins the nouns of a term (de, du, des, à, au, aux, en), as written: "a" is a verb.
pub(crate) fn preposition(word: &str) -> bool {
    matches!(word, "de" | "d'" | "d’" | "du" | "des" | "à" | "au" | "aux" | "en")
}

/// A word that can be part of a term: not a function word, a number, a heading word or a verb.
pub(crate) fn content_word(word: &str, vocabulary: &Vocabulary) -> bool {
    letters(word) >= 3
        && !FUNCTION_WORDS.holds(word)
        && !TITLES.holds(word)
        && !HEADING_WORDS.holds(word)
        && !is_number(word)
        && !verb_with_pronoun(word)
        && !is_elision(word)
        && !verb(word, vocabulary)
        && word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
}

/// Whether the text uses `word` as a verb, or it has a verb's ending.
fn verb(word: &str, vocabulary: &Vocabulary) -> bool {
    let folded = fold(word);
    vocabulary.get(word).verb > 0 || (folded.chars().count() > 5 && VERB_ENDINGS.iter().any(|e| folded.ends_with(e)))
}

/// Whether `word` ends like a past participle (cassées, protégé).
fn past_participle(word: &str) -> bool {
    let lower = word.to_lowercase();
    ["é", "ée", "és", "ées"].iter().any(|e| lower.ends_with(e) && lower.chars().count() > e.chars().count() + 3)
}

/// Whether `word` has the ending of an adjective that follows its noun (or of a past participle).
pub(crate) fn adjective_ending(word: &str) -> bool {
    let folded = fold(word);
    !FUNCTION_WORDS.holds(word)
        && (POSTNOMINAL_ADJECTIVES.holds(word)
            || ADJECTIVE_ENDINGS.iter().any(|e| folded.ends_with(e) && folded.len() > e.len() + 2)
            || past_participle(word))
}

/// Whether `word` reads as an adjective after a noun in a term: an adjective's ending (not a past
/// participle's: vitres cassées is no term), or seen after an adverb of degree.
pub(crate) fn adjective_like(word: &str, vocabulary: &Vocabulary) -> bool {
    if !content_word(word, vocabulary) || PRENOMINAL_ADJECTIVES.holds(word) || GENERIC_NOUNS.holds(word) {
        return false;
    }
    vocabulary.get(word).adjective > 0 || (adjective_ending(word) && !past_participle(word))
}

/// Whether `word` reads as an adjective in the name of an institution, after a noun or a name: an
/// adjective, or any past participle (Nations unies, Émirats arabes unis).
pub(crate) fn adjective_in_name(word: &str, vocabulary: &Vocabulary) -> bool {
    let lower = word.to_lowercase();
    let participle_in_i_or_u = ["i", "ie", "ies", "is", "u", "ue", "ues", "us"]
        .iter()
        .any(|e| lower.ends_with(e) && lower.chars().count() > 3);
    adjective_like(word, vocabulary)
        || (content_word(word, vocabulary) && (adjective_ending(word) || participle_in_i_or_u))
}

/// A noun that can head or end a term.
fn term_noun(word: &str, vocabulary: &Vocabulary) -> bool {
    starts_lower(word)
        && content_word(word, vocabulary)
        && !PRENOMINAL_ADJECTIVES.holds(word)
        && !GENERIC_NOUNS.holds(word)
        && !word.contains('-')
}

/// The term candidates of one sentence.
pub(super) fn phrases(
    text: &str,
    tokens: &[Token],
    vocabulary: &Vocabulary,
    family: LanguageFamily,
    out: &mut Vec<Candidate>,
) {
    let word = |k: usize| tokens[k].text(text);
    let joined = |k: usize| tokens.get(k).is_some_and(|t| t.gap == Gap::Space && !t.glued);
    for i in 0..tokens.len() {
        if !term_noun(word(i), vocabulary) || (family == LanguageFamily::English && !english_word(word(i), vocabulary))
        {
            continue;
        }
        let after_determiner =
            i > 0 && tokens[i].gap == Gap::Space && DETERMINERS.holds(word(i - 1)) && word(i - 1) != "a";
        // Whether the noun phrase goes on after `last`: a preposition, maybe an article, and a noun.
        let continued = |last: usize| {
            let mut k = last + 1;
            if !joined(k) || !preposition(word(k)) {
                return false;
            }
            k += 1;
            if joined(k) && matches!(fold(word(k)).as_str(), "la" | "l'") {
                k += 1;
            }
            joined(k) && term_noun(word(k), vocabulary)
        };
        let mut push = |last: usize| {
            let form = join(text, &tokens[i..=last]);
            out.push(Candidate {
                form,
                kind: CandidateKind::Term,
                cues: Cues::default(),
                after_determiner,
                continued: continued(last),
            });
        };
        if family == LanguageFamily::English {
            // Content words in a row; the last one a noun-like word (not an adverb in -ly).
            let mut last = i;
            while last + 1 < tokens.len()
                && last - i < 2
                && joined(last + 1)
                && english_word(word(last + 1), vocabulary)
            {
                last += 1;
                push(last);
            }
            continue;
        }
        // A noun and an adjective (not of nationality: commune française is a free phrase).
        let adjective =
            |k: usize| starts_lower(word(k)) && adjective_like(word(k), vocabulary) && !NATIONALITIES.holds(word(k));
        if joined(i + 1) && adjective(i + 1) && fold(word(i + 1)) != fold(word(i)) {
            push(i + 1);
        }
        // A noun, a preposition, maybe an article, a noun (maybe an adjective after it).
        if !joined(i + 1) || !preposition(word(i + 1)) {
            continue;
        }
        let mut m = i + 2;
        if m < tokens.len() && joined(m) && matches!(fold(word(m)).as_str(), "la" | "l'") && fold(word(i + 1)) != "du" {
            m += 1;
        }
        if m >= tokens.len() || !joined(m) {
            continue;
        }
        let tail = word(m);
        // A capitalised common word ends a term with a lower-case head (droits de l'Homme).
        let capitalised_common = is_capitalised(tail) && (INSTITUTION_WORDS.holds(tail) || vocabulary.common(tail));
        if (term_noun(tail, vocabulary) || capitalised_common) && fold(tail) != fold(word(i)) {
            push(m);
            if joined(m + 1) && adjective(m + 1) {
                push(m + 1);
            }
        }
    }
}

fn english_word(word: &str, vocabulary: &Vocabulary) -> bool {
    starts_lower(word) && content_word(word, vocabulary) && !fold(word).ends_with("ly") && !GENERIC_NOUNS.holds(word)
}
