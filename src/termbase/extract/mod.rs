//! Term candidates in running text.
//!
//! - **Names**: capitalised sequences where a capital means something (not where a sentence starts, nor
//!   after a dialogue dash, an opening quote or a colon, unless the word is capitalised elsewhere too),
//!   with the small words inside names (État de l'Union, Ludwig van Beethoven) and the lower-case words
//!   of an organisation's name (Office de tourisme, Fédération départementale des chasseurs); initials,
//!   acronyms, glued names (Vladimirpoutine) and titles of works in quotes (« Le Petit Prince »).
//!   Lines in capitals (headings, datelines), headlines in title case, Roman numerals, one-letter words,
//!   verbs with a pronoun (Écoutez-moi) and words mostly written in lower case are not names.
//! - **Terms**: repeated lower-case noun phrases (armes nucléaires, garanties de sécurité, droits de
//!   l'Homme) of a noun-phrase shape, within punctuation, starting and ending on content words; whether
//!   they are kept depends on how often and how tightly their words go together (see [`phrases`]).
//!
//! Each candidate carries cues to what it names (a title before it, a preposition of place, the head word
//! of an organisation).

mod lexicon;
mod names;
mod phrases;
mod tokens;
mod vocabulary;

use crate::language::LanguageFamily;
use lexicon::{CLITICS, FUNCTION_WORDS, NUMBERS};
pub(crate) use tokens::{Token, tokens};
pub(crate) use vocabulary::Vocabulary;

/// What a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CandidateKind {
    /// A proper name (capitalised), an acronym, a title.
    Name,
    /// A common term (lower case).
    Term,
}

/// Signs, counted over a candidate's occurrences, of what it names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Cues {
    pub person: u32,
    pub place: u32,
    pub organisation: u32,
}

impl Cues {
    pub(crate) fn add(&mut self, other: Cues) {
        self.person += other.person;
        self.place += other.place;
        self.organisation += other.organisation;
    }
}

/// A candidate found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// The form, its words joined by single spaces (none after an elision).
    pub form: String,
    pub kind: CandidateKind,
    pub cues: Cues,
    /// For terms: whether a determiner or a preposition stands before it here (a noun phrase).
    pub after_determiner: bool,
    /// For terms: whether the noun phrase goes on after it here (ligne de partage, in ligne de partage
    /// des eaux): then it is a piece of a longer term.
    pub continued: bool,
}

/// An acronym and the words it stands for, found together (Fonds monétaire international (FMI)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Expansion {
    pub acronym: String,
    pub expansion: String,
}

/// Finds the candidates of one language's sentences, knowing its vocabulary.
pub(crate) struct Extractor<'v> {
    pub vocabulary: &'v Vocabulary,
    pub family: LanguageFamily,
}

impl Extractor<'_> {
    /// The candidates of one sentence of `text` (its words given), and the acronyms explained in it.
    pub(crate) fn sentence(
        &self,
        text: &str,
        tokens: &[Token],
        out: &mut Vec<Candidate>,
        expansions: &mut Vec<Expansion>,
    ) {
        let sentence = names::Sentence { text, tokens, vocabulary: self.vocabulary, family: self.family };
        if sentence.shouting() {
            return;
        }
        sentence.names(out, expansions);
        phrases::phrases(text, tokens, self.vocabulary, self.family, out);
    }
}

/// Whether the first letter of `word` is a capital.
pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `word` starts with a lower-case letter.
pub(crate) fn starts_lower(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// The number of letters in `word`.
pub(crate) fn letters(word: &str) -> usize {
    word.chars().filter(|c| c.is_alphabetic()).count()
}

/// Whether `word` has two letters or more, all capitals (OTAN, COURCELLES-LES-MONTBELIARD).
pub(crate) fn is_all_caps(word: &str) -> bool {
    letters(word) >= 2 && word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}

/// Whether `word` is a Roman numeral, with an ordinal ending or not (VII, XIXe, Ier, IIIe).
pub(crate) fn is_roman(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_lowercase());
    let ending = &word[digits.len()..];
    if digits.is_empty() || !matches!(ending, "" | "e" | "er" | "ère" | "eme" | "ème" | "th" | "st" | "nd" | "rd") {
        return false;
    }
    if !digits.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
        || !digits.contains(['I', 'V', 'X'])
    {
        return false;
    }
    roman_value(digits).is_some()
}

/// The value of a well-formed Roman numeral (at most 3999).
fn roman_value(numeral: &str) -> Option<u32> {
    let value = |c: char| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        'D' => 500,
        _ => 1000,
    };
    let mut total = 0;
    let chars: Vec<u32> = numeral.chars().map(value).collect();
    for (k, &v) in chars.iter().enumerate() {
        if chars.get(k + 1).is_some_and(|&next| next > v) { total -= v as i64 } else { total += v as i64 }
    }
    // Only the canonical spelling of its value counts (IIII, VV and IM are not numerals).
    (total > 0 && total < 4000 && to_roman(total as u32) == numeral).then_some(total as u32)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// A verb with a pronoun joined by a hyphen (Écoutez-moi, dit-il, Est-ce, Peut-être): not a name.
pub(crate) fn verb_with_pronoun(word: &str) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    parts.len() > 1 && (parts.last().is_some_and(|p| CLITICS.holds(p)) || parts.iter().all(|p| FUNCTION_WORDS.holds(p)))
}

/// A given name (Alexandre, Mykhaïlo) or initials (J.-P.): the words before a surname in a full name.
pub(crate) fn given_name(word: &str) -> bool {
    lexicon::GIVEN_NAMES.holds(word)
        || (word.contains('.') && is_capitalised(word))
        || (word.contains('-') && word.split('-').all(|part| lexicon::GIVEN_NAMES.holds(part)))
}

/// A number written out (dix-sept, trois cents), or digits.
pub(crate) fn is_number(word: &str) -> bool {
    word.split('-').all(|p| NUMBERS.holds(p) || p.chars().all(|c| c.is_ascii_digit()) || p == "et")
}

#[cfg(test)]
mod tests;
