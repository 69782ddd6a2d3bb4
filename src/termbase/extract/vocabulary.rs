//! What the extractor learns from all the text of a language before it extracts: how each word is written
//! (in lower case, capitalised inside a sentence, only where a sentence starts), which words follow a
//! subject pronoun (verbs), a word of degree (adjectives) or a determiner (nouns), and the names that start
//! with a capitalised article or hold a small word (La Rochelle, Roque qui Chante).

use super::lexicon::{
    CONNECTORS, DEGREE_ADVERBS, FAMILY_WORDS, FEMALE_TITLES, MALE_TITLES, OBJECT_CLITICS, SUBJECT_PRONOUNS, Table,
};
use super::tokens::{Gap, Token};
use super::{is_all_caps, is_capitalised, starts_lower};
use crate::fold::{capitalise, fold};
use std::collections::HashMap;

/// How one word (folded) is used in the text.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordUse {
    /// In lower case.
    pub lower: u32,
    /// Capitalised where a capital means something (not at a sentence start, not in capitals).
    pub capital_inside: u32,
    /// Capitalised where a sentence starts.
    pub capital_start: u32,
    /// After a subject pronoun (and its clitics): a verb.
    pub verb: u32,
    /// After an adverb of degree: an adjective.
    pub adjective: u32,
    /// In capitals inside a sentence (an acronym, where the text writes one).
    pub caps_inside: u32,
    /// Capitalised inside a sentence and followed by a lower-case tail (an adjective, or de and a noun):
    /// the first word of a name like Coupe du monde or Contrat civil.
    pub lower_tail: u32,
    /// Capitalised and followed by an exclamation mark or by itself (Brou, Brou !): an interjection.
    pub exclaimed: u32,
    /// After a masculine title (M., Mr), a feminine one (Mme, Mlle, Mrs), and a plural article or a
    /// word for a family (les Weston, le clan Graham): a family name, which a full name with a given name
    /// does not stand for.
    pub after_male_title: u32,
    pub after_female_title: u32,
    pub after_plural: u32,
    /// Capitalised and followed by a number (Interstate 80, Apollo 11): a name that includes it.
    pub before_number: u32,
    /// Not glued to the word before (for taking glued words apart).
    pub standalone: u32,
}

/// Word uses of one language's text.
#[derive(Default)]
pub(crate) struct Vocabulary {
    words: HashMap<String, WordUse>,
    /// Folded "la rochelle": how often the article was capitalised inside a sentence before the name,
    /// and how often in lower case.
    article_names: HashMap<String, (u32, u32)>,
    /// Folded "roque qui chante": two capitalised words around a small word.
    inner_word_names: HashMap<String, u32>,
    /// Glued words already looked at.
    unglued: std::cell::RefCell<HashMap<String, Option<(String, String)>>>,
}

/// Small words that may stand inside a name between two capitalised words (Roque qui Chante,
/// Châlons en Champagne), when the whole is seen more than once.
pub(crate) const INNER_WORDS: &[&str] = &["au", "aux", "en", "les", "lez", "lès", "qui", "sous", "sur", "à"];

/// Whether `token` comes where a sentence starts, so that its capital says nothing.
/// (After an elided article at the start, L'Office, the capital is the word's own.)
pub(crate) fn at_start(tokens: &[Token], i: usize) -> bool {
    tokens[i].gap == Gap::Start
}

impl Vocabulary {
    /// Learns from the words of one sentence of `text`.
    pub(crate) fn learn(&mut self, text: &str, tokens: &[Token]) {
        let mut after_pronoun = false;
        for (i, token) in tokens.iter().enumerate() {
            let word = token.text(text);
            if word.contains('.') {
                after_pronoun = false;
                continue;
            }
            let folded = fold(word);
            // The verb comes after the pronoun and any clitics (il ne le voit pas).
            let clitic = OBJECT_CLITICS.holds_folded(folded.trim_end_matches('\''));
            let next_after_pronoun = SUBJECT_PRONOUNS.holds(word) || (after_pronoun && clitic);
            let previous = i.checked_sub(1).map(|p| tokens[p].text(text));
            let entry = self.words.entry(folded).or_default();
            if starts_lower(word) {
                entry.lower += 1;
                if after_pronoun && token.gap == Gap::Space {
                    entry.verb += 1;
                }
                if previous.is_some_and(|p| DEGREE_ADVERBS.holds(p)) && token.gap == Gap::Space {
                    entry.adjective += 1;
                }
            } else if is_all_caps(word) {
                if !at_start(tokens, i) {
                    entry.caps_inside += 1;
                }
            } else if is_capitalised(word) {
                learn_capitalised(entry, text, tokens, i, previous);
            }
            if !token.glued {
                entry.standalone += 1;
            }
            after_pronoun = next_after_pronoun;
            self.learn_names(text, tokens, i);
        }
    }

    fn learn_names(&mut self, text: &str, tokens: &[Token], i: usize) {
        let word = tokens[i].text(text);
        let next = |k: usize| tokens.get(i + k).filter(|t| t.gap == Gap::Space).map(|t| t.text(text));
        if !at_start(tokens, i)
            && matches!(fold(word).as_str(), "le" | "la" | "les")
            && let Some(name) = next(1).filter(|w| is_capitalised(w))
        {
            let entry = self.article_names.entry(fold(&format!("{word} {name}"))).or_default();
            // Capitalised, the article is part of the name (à La Rochelle); in lower case it is not
            // (le Dhaulagiri).
            if is_capitalised(word) {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        }
        if is_capitalised(word)
            && !CONNECTORS.holds(word)
            && let (Some(small), Some(name)) = (next(1), next(2))
            && INNER_WORDS.contains(&small)
            && is_capitalised(name)
        {
            *self.inner_word_names.entry(fold(&format!("{word} {small} {name}"))).or_default() += 1;
        }
    }

    /// How `word` is used (by its folded form).
    pub(crate) fn get(&self, word: &str) -> WordUse {
        self.words.get(&fold(word)).copied().unwrap_or_default()
    }

    /// Whether "`article` `name`" was seen as a name inside a sentence (La Rochelle).
    pub(crate) fn article_name(&self, article: &str, name: &str) -> bool {
        self.article_names.get(&fold(&format!("{article} {name}"))).is_some_and(|(upper, lower)| upper > lower)
    }

    /// How often "`a` `small` `b`" was seen, capitalised words around a small one (Roque qui Chante).
    pub(crate) fn inner_word_name(&self, a: &str, small: &str, b: &str) -> u32 {
        self.inner_word_names.get(&fold(&format!("{a} {small} {b}"))).copied().unwrap_or(0)
    }

    /// A surname that several people of a family share (M. and Mme Weston, les Churchill): a full name
    /// does not stand for it.
    pub(crate) fn family_name(&self, word: &str) -> bool {
        let usage = self.get(word);
        (usage.after_male_title > 0 && usage.after_female_title > 0) || usage.after_plural > 0
    }

    /// A word that is mostly written in lower case: a common word, even where it is capitalised.
    pub(crate) fn common(&self, word: &str) -> bool {
        let usage = self.get(word);
        usage.lower >= 2 && usage.lower >= 2 * usage.capital_inside
    }

    fn known(&self, folded: &str) -> bool {
        self.words.get(folded).is_some_and(|u| u.standalone >= 2)
    }

    /// Two known words glued without a space (Vladimirpoutine → Vladimir, Poutine), as they are usually
    /// written, if `word` is one.
    pub(crate) fn unglue(&self, word: &str) -> Option<(String, String)> {
        if let Some(done) = self.unglued.borrow().get(word) {
            return done.clone();
        }
        let found = self.find_glued(word);
        self.unglued.borrow_mut().insert(word.to_string(), found.clone());
        found
    }

    fn find_glued(&self, word: &str) -> Option<(String, String)> {
        let folded = fold(word);
        let chars: Vec<(usize, char)> = folded.char_indices().collect();
        if chars.len() < 8 || self.known(&folded) || !folded.chars().all(char::is_alphabetic) {
            return None;
        }
        (3..chars.len().saturating_sub(2)).find_map(|cut| {
            let (head, tail) = folded.split_at(chars[cut].0);
            // Names that open with a particle are written in one word (Bensalah, Abdelaziz, Vanderbilt):
            // no glued words there.
            let particle = CONNECTORS.holds(head) || ["abd", "abou", "abu", "mac", "saint", "san"].contains(&head);
            (!particle && self.known(head) && self.known(tail) && self.capitalised(head) && self.capitalised(tail))
                .then(|| (capitalise(head), capitalise(tail)))
        })
    }

    fn capitalised(&self, folded: &str) -> bool {
        self.words.get(folded).is_some_and(|u| u.capital_inside > u.lower)
    }
}

/// What a capitalised word at `i` (not in capitals) says of its use: shouted, before a number, after a
/// title or a family word, where a sentence starts or inside one, before a lower-case tail.
fn learn_capitalised(entry: &mut WordUse, text: &str, tokens: &[Token], i: usize, previous: Option<&str>) {
    let (token, word) = (&tokens[i], tokens[i].text(text));
    let after = tokens.get(i + 1).map_or(text.len(), |t| t.start);
    let repeated = tokens.get(i + 1).is_some_and(|t| t.text(text) == word);
    if text[token.end..after].trim_start().starts_with('!') || repeated {
        entry.exclaimed += 1;
    }
    let number = tokens.get(i + 1).filter(|t| t.gap == Gap::Space).map(|t| t.text(text));
    if number.is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()) && n.len() <= 4) {
        entry.before_number += 1;
    }
    if let Some(p) = previous.map(|p| fold(p.trim_end_matches('.'))) {
        let within = |table: &Table| table.holds_folded(&p);
        if within(&MALE_TITLES) {
            entry.after_male_title += 1;
        } else if within(&FEMALE_TITLES) {
            entry.after_female_title += 1;
        } else if within(&FAMILY_WORDS) && token.gap == Gap::Space {
            entry.after_plural += 1;
        }
    }
    if at_start(tokens, i) {
        entry.capital_start += 1;
    } else {
        entry.capital_inside += 1;
        if lower_tail(text, tokens, i) {
            entry.lower_tail += 1;
        }
    }
}

/// Whether the capitalised word at `i` goes on with a lower-case adjective, or with de, du, des and a
/// lower-case word (Contrat civil, Coupe du monde).
fn lower_tail(text: &str, tokens: &[Token], i: usize) -> bool {
    let word = |k: usize| tokens.get(k).filter(|t| t.gap == Gap::Space).map(|t| t.text(text));
    match word(i + 1) {
        Some(next) if starts_lower(next) && matches!(fold(next).as_str(), "de" | "d'" | "du" | "des") => word(i + 2)
            .is_some_and(|w| starts_lower(w) && w.chars().count() > 3 && !super::lexicon::FUNCTION_WORDS.holds(w)),
        Some(next) => starts_lower(next) && super::phrases::adjective_ending(next),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokens;
    use super::*;

    fn learnt(sentences: &[&str]) -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        for s in sentences {
            vocabulary.learn(s, &tokens(s, 0..s.len()));
        }
        vocabulary
    }

    #[test]
    fn uses_of_words() {
        let v = learnt(&[
            "Il répondit que la maison était très ancienne.",
            "Le maire de La Rochelle a reçu Vladimir Poutine.",
            "Poutine parle, Vladimir écoute. Vladimirpoutine.",
            "Ils vont à la Roque qui Chante, puis à la Roque qui Chante.",
        ]);
        assert_eq!(v.get("répondit").verb, 1);
        assert_eq!(v.get("ancienne").adjective, 1);
        assert_eq!(v.get("Il").capital_start, 1);
        assert_eq!(v.get("Poutine").capital_inside, 1);
        assert!(v.article_name("La", "Rochelle"));
        assert_eq!(v.inner_word_name("Roque", "qui", "Chante"), 2);
        assert_eq!(v.unglue("Vladimirpoutine"), Some(("Vladimir".into(), "Poutine".into())));
        assert_eq!(v.unglue("Chantequi"), None);
        let v =
            learnt(&["Selon Ons Ben Salah, oui ; selon Ben Salah, non. Ons Bensalah est sa cousine, et Salah part."]);
        assert_eq!(v.unglue("Bensalah"), None);
    }
}
