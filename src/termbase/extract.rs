//! Term candidates in running text: capitalised sequences not at the start of a sentence (and those at
//! the start that are capitalised elsewhere too), tokens with hyphens or digits (Iskander-M), and
//! repeated multiword terms; French elisions (l', d') and English possessives taken off; words glued
//! together by a bad conversion (laRussie, Vladimirpoutine) taken apart.

use crate::fold::fold;
use std::collections::{HashMap, HashSet};

/// A word of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub text: String,
    /// Glued to the previous word in the source (laRussie): not a sentence start.
    pub glued: bool,
    /// Punctuation (a comma, a colon, a quote) stands between this word and the previous one.
    pub after_punctuation: bool,
}

/// Words that join the parts of a name without starting or ending it.
fn connector(word: &str) -> bool {
    matches!(
        word,
        "de" | "du" | "des" | "d'" | "l'" | "la" | "le" | "of" | "von" | "van" | "al" | "el" | "bin" | "ben" | "y"
    )
}

/// Capitalised words that are function words, never the start of a name: the sentence openers the
/// segmenter knows, and these.
fn capital_stopword(word: &str) -> bool {
    use crate::language::LanguageFamily::{English, French};
    let capitalised: String = {
        let mut chars = word.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect()).unwrap_or_default()
    };
    if crate::segment::is_sentence_starter(French, &capitalised)
        || crate::segment::is_sentence_starter(English, &capitalised)
    {
        return true;
    }
    matches!(
        fold(word).as_str(),
        "le" | "la" | "les" | "un" | "une" | "des" | "du" | "de" | "ce" | "cet" | "cette" | "ces" | "il" | "elle" | "ils"
            | "au" | "aux" | "y" | "dont" | "ni" | "puis" | "ainsi" | "enfin" | "alors"
            | "elles" | "on" | "nous" | "vous" | "je" | "mais" | "et" | "ou" | "donc" | "car" | "en" | "dans" | "sur"
            | "pour" | "par" | "avec" | "selon" | "lors" | "depuis" | "apres" | "avant" | "si" | "quand" | "comme"
            | "the" | "a" | "an" | "this" | "that" | "these" | "those" | "it" | "he" | "she" | "they" | "we" | "i"
            | "you" | "but" | "and" | "or" | "so" | "in" | "at" | "for" | "as" | "if" | "when" | "with" | "by"
            | "from" | "to" | "of" | "its" | "his" | "her" | "their" | "our" | "my" | "no" | "not" | "all" | "there"
            | "here" | "what" | "how" | "why" | "who" | "which" | "while" | "since" | "after" | "before" | "then"
            | "now" | "also" | "just" | "even" | "still" | "yet"
            // Titles and offices before a name.
            | "m" | "mm" | "mme" | "mmes" | "mlle" | "dr" | "mr" | "mrs" | "ms" | "pr" | "mgr" | "president"
            | "presidente" | "minister" | "ministre" | "secretary" | "secretaire" | "general" | "chancellor"
            | "chancelier" | "premier" | "prime" | "king" | "roi" | "queen" | "reine" | "prince" | "sir" | "lord"
            | "colonel" | "captain" | "capitaine" | "lieutenant" | "senator" | "senateur" | "governor"
            | "gouverneur" | "mayor" | "maire" | "ambassador" | "ambassadeur" | "commander" | "commandant"
            | "chief" | "chef" | "director" | "directeur" | "pope" | "pape"
            // Months and days, capitalised in English.
            | "january" | "february" | "march" | "april" | "may" | "june" | "july" | "august" | "september"
            | "october" | "november" | "december" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday"
            | "saturday" | "sunday"
    )
}

/// Lower-case function words, which multiword terms may hold inside but not start or end with.
fn stopword(word: &str) -> bool {
    connector(word)
        || capital_stopword(word)
        || matches!(
            word,
            "à" | "est"
                | "sont"
                | "a-t-il"
                | "qui"
                | "que"
                | "qu'"
                | "ne"
                | "pas"
                | "se"
                | "sa"
                | "deux"
                | "trois"
                | "quatre"
                | "cinq"
                | "two"
                | "three"
                | "four"
                | "five"
                | "dernier"
                | "dernière"
                | "prochain"
                | "prochaine"
                | "last"
                | "next"
                | "finally"
                | "enfin"
                | "already"
                | "déjà"
                | "aussi"
                | "son"
                | "ses"
                | "leur"
                | "leurs"
                | "plus"
                | "très"
                | "is"
                | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "can"
                | "could"
        )
}

/// Splits a sentence into words: letters and digits with inner hyphens and apostrophes; a leading French
/// elision (l', d', qu'...) comes off as a word of its own, an English possessive ('s) is dropped, and a
/// change from lower to upper case inside a word (laRussie) parts it.
pub(crate) fn words(sentence: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut pending_punctuation = false;
    let mut rest_of_sentence = sentence;
    while !rest_of_sentence.is_empty() {
        // The next word: an acronym written with full stops (U.S., É.-U.) or a run of word characters.
        let start = rest_of_sentence.find(|c: char| c.is_alphanumeric()).unwrap_or(rest_of_sentence.len());
        let gap = &rest_of_sentence[..start];
        if gap.chars().any(|c| !c.is_whitespace() && c != '-' && c != '\'' && c != '’') {
            pending_punctuation = true;
        }
        rest_of_sentence = &rest_of_sentence[start..];
        if rest_of_sentence.is_empty() {
            break;
        }
        let acronym = dotted_acronym(rest_of_sentence);
        let end = if acronym > 0 {
            acronym
        } else {
            rest_of_sentence
                .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
                .unwrap_or(rest_of_sentence.len())
        };
        let raw = rest_of_sentence[..end].trim_matches(|c: char| c == '-' || c == '\'' || c == '’');
        rest_of_sentence = &rest_of_sentence[end..];
        if raw.is_empty() {
            continue;
        }
        let mut rest = raw.replace('’', "'");
        if let Some(stripped) = rest.strip_suffix("'s") {
            rest = stripped.to_string();
        }
        if let Some(pos) = rest.find('\'') {
            let head = &rest[..pos];
            if (1..=3).contains(&head.chars().count()) && head.chars().all(char::is_alphabetic) {
                out.push(Word {
                    text: format!("{}'", head.to_lowercase()),
                    glued: false,
                    after_punctuation: pending_punctuation,
                });
                pending_punctuation = false;
                rest = rest[pos + 1..].to_string();
            }
        }
        let mut glued = false;
        for part in split_case_changes(&rest) {
            out.push(Word { text: part, glued, after_punctuation: pending_punctuation });
            pending_punctuation = false;
            glued = true;
        }
    }
    out
}

/// The length of an acronym written with full stops at the start of `text` (U.S., U.S.A.), or 0.
fn dotted_acronym(text: &str) -> usize {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    let mut letters = 0;
    while k + 1 < chars.len() && chars[k].1.is_uppercase() && chars[k + 1].1 == '.' {
        letters += 1;
        k += 2;
    }
    if letters >= 2 { chars.get(k).map_or(text.len(), |&(i, _)| i) } else { 0 }
}

/// "laRussieentraîne" → "la", "Russieentraîne"; "Iskander-M", "OTAN", "McDonald" stay whole.
fn split_case_changes(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut parts = Vec::new();
    let mut start = 0;
    for i in 1..chars.len() {
        // A lower-case run of two letters or more, then a capital followed by a lower-case letter.
        let run = chars[start..i].iter().rev().take_while(|c| c.is_lowercase()).count();
        if run >= 2
            && chars[i].is_uppercase()
            && chars.get(i + 1).is_some_and(|c| c.is_lowercase())
            && chars[i - 1] != '-'
        {
            parts.push(chars[start..i].iter().collect());
            start = i;
        }
    }
    parts.push(chars[start..].iter().collect());
    parts
}

/// A candidate term found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub form: String,
    /// A proper name (capitalised), rather than a common multiword term.
    pub name: bool,
}

/// What the extractor knows of the whole text before it extracts: the words seen capitalised away from
/// the start of a sentence, those seen in lower case, and the words seen on their own (for taking glued
/// words apart).
#[derive(Default)]
pub(crate) struct Vocabulary {
    capitalised_inside: HashSet<String>,
    lower_case: HashSet<String>,
    /// Capitalised words seen with no capitalised word after them.
    alone: HashSet<String>,
    /// Folded word → (its most frequent spelling, count).
    standalone: HashMap<String, (String, u32)>,
}

impl Vocabulary {
    /// Learns from one sentence's words.
    pub(crate) fn learn(&mut self, words: &[Word]) {
        for (i, word) in words.iter().enumerate() {
            if i > 0 && is_capitalised(&word.text) && !words[i - 1].text.ends_with('\'') {
                self.capitalised_inside.insert(word.text.clone());
            }
            if !is_capitalised(&word.text) {
                self.lower_case.insert(word.text.clone());
            } else if words.get(i + 1).is_none_or(|next| !is_capitalised(&next.text) || next.after_punctuation) {
                self.alone.insert(word.text.clone());
            }
            if !word.glued {
                let entry = self.standalone.entry(fold(&word.text)).or_insert_with(|| (word.text.clone(), 0));
                entry.1 += 1;
            }
        }
    }

    /// Whether `word` was seen as a name on its own (not followed by another capitalised word), and more
    /// than once.
    fn name_alone(&self, word: &str) -> bool {
        self.alone.contains(word) && self.known(&fold(word)).is_some()
    }

    fn known(&self, folded: &str) -> Option<&str> {
        self.standalone.get(folded).filter(|(_, count)| *count >= 2).map(|(form, _)| form.as_str())
    }

    /// Two known words glued without a space (Vladimirpoutine → Vladimir Poutine), if `word` is one.
    pub(crate) fn unglue(&self, word: &str) -> Option<(String, String)> {
        let folded = fold(word);
        if folded.chars().count() < 8 || self.known(&folded).is_some() {
            return None;
        }
        let chars: Vec<char> = folded.chars().collect();
        (3..chars.len().saturating_sub(2)).find_map(|cut| {
            let (head, tail): (String, String) = (chars[..cut].iter().collect(), chars[cut..].iter().collect());
            match (self.known(&head), self.known(&tail)) {
                (Some(a), Some(b)) => Some((a.to_string(), b.to_string())),
                _ => None,
            }
        })
    }
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Takes off what a capitalised sequence holds besides the name: leading common words (la Défense
/// Sergueï Choïgou, President Alexander Lukashenko), a place named just before (République de
/// Biélorussie Alexandre Loukachenko, Belarus Alexander Lukashenko), and an English "of" + place after
/// (Vladimir Putin of Russia).
fn trim_name(words: &[Word], mut first: usize, mut last: usize, vocabulary: &Vocabulary) -> (usize, usize) {
    let capital = |k: usize| is_capitalised(&words[k].text) && !connector(&words[k].text.to_lowercase());
    while last >= first + 2 && capital(first + 1) && vocabulary.lower_case.contains(&words[first].text.to_lowercase()) {
        first += 1;
    }
    if let Some(k) = (first..last)
        .rev()
        .find(|&k| capital(k) && capital(k + 1) && vocabulary.name_alone(&words[k].text) && last > k + 1)
    {
        first = k + 1;
    }
    if last >= first + 3 && words[last - 1].text == "of" && vocabulary.name_alone(&words[last].text) {
        last -= 2;
    }
    (first, last)
}

/// A headline: common words capitalised (Russia Takes New Steps To Secures Its Western Border). Its
/// capitals say nothing about names.
fn headline(words: &[Word], vocabulary: &Vocabulary) -> bool {
    let content: Vec<&Word> = words.iter().filter(|w| !stopword(&w.text.to_lowercase())).collect();
    let capitalised = content.iter().filter(|w| is_capitalised(&w.text)).count();
    let common = content
        .iter()
        .filter(|w| is_capitalised(&w.text) && vocabulary.lower_case.contains(&w.text.to_lowercase()))
        .count();
    common >= 3 && capitalised * 2 >= content.len()
}

/// The candidates of one sentence.
pub(crate) fn candidates(words: &[Word], vocabulary: &Vocabulary) -> Vec<Candidate> {
    let mut out = Vec::new();
    // Capitalised sequences, with connectors inside, not across punctuation.
    let mut i = 0;
    let headline = headline(words, vocabulary);
    while i < words.len() && !headline {
        let word = &words[i].text;
        let at_start = i == 0 && !words[i].glued;
        // At the start of a sentence, a capital says little: a word is a name there when it is capitalised
        // elsewhere too, or never seen in lower case.
        let starts_name = is_capitalised(word)
            && !capital_stopword(word)
            && (!at_start
                || vocabulary.capitalised_inside.contains(word)
                || (word.chars().count() >= 3 && !vocabulary.lower_case.contains(&word.to_lowercase())));
        if !starts_name {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        let mut last_name_word = i;
        while end < words.len() && !words[end].after_punctuation {
            let w = &words[end].text;
            if is_capitalised(w) && !capital_stopword(w) {
                last_name_word = end;
            } else if !connector(&w.to_lowercase()) {
                break;
            }
            end += 1;
        }
        let (first, last_name_word) = trim_name(words, i, last_name_word, vocabulary);
        // A compound of two names (Russie-Biélorussie) is not a third name.
        let compound_of_names = first == last_name_word
            && words[first].text.contains('-')
            && words[first].text.split('-').all(|part| vocabulary.name_alone(part));
        if compound_of_names {
            i = last_name_word + 1;
            continue;
        }
        let parts: Vec<&str> = words[first..=last_name_word].iter().map(|w| w.text.as_str()).collect();
        out.push(Candidate { form: join(&parts), name: true });
        i = last_name_word + 1;
    }
    // Tokens with hyphens or digits that hold a capital (Iskander-M, S-400, F-16).
    for word in words {
        let w = &word.text;
        let has_letter = w.chars().any(char::is_alphabetic);
        let has_digit = w.chars().any(|c| c.is_ascii_digit());
        if has_letter
            && (w.contains('-') || has_digit)
            && w.chars().any(char::is_uppercase)
            && !out.iter().any(|c: &Candidate| c.form == *w)
        {
            out.push(Candidate { form: w.clone(), name: true });
        }
    }
    // Glued names: Vladimirpoutine is Vladimir Poutine.
    for word in words {
        if let Some((a, b)) = vocabulary.unglue(&word.text) {
            if is_capitalised(&a) && is_capitalised(&b) {
                out.push(Candidate { form: word.text.clone(), name: true });
            }
        }
    }
    // Multiword common terms: two or three words, no stop word at either end.
    for n in 2..=3 {
        for window in words.windows(n) {
            let texts: Vec<&str> = window.iter().map(|w| w.text.as_str()).collect();
            let ends_ok = !stopword(&texts[0].to_lowercase()) && !stopword(&texts[n - 1].to_lowercase());
            let inner_ok = texts[1..n - 1].iter().all(|w| stopword(&w.to_lowercase()) || w.chars().count() > 3);
            let lower = texts
                .iter()
                .all(|w| !is_capitalised(w) && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\''));
            let long_enough = texts.iter().filter(|w| !stopword(&w.to_lowercase())).all(|w| w.chars().count() >= 4);
            if ends_ok && inner_ok && lower && long_enough {
                out.push(Candidate { form: join(&texts), name: false });
            }
        }
    }
    out
}

/// Joins words with spaces, but none after an elision (l'Union).
fn join(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts {
        if !out.is_empty() && !out.ends_with('\'') {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sentence: &str) -> Vec<String> {
        words(sentence).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn word_splitting() {
        assert_eq!(texts("l'OTAN et d'Iskander-M."), ["l'", "OTAN", "et", "d'", "Iskander-M"]);
        assert_eq!(texts("Lukashenko's police"), ["Lukashenko", "police"]);
        assert_eq!(texts("laRussieentraîne"), ["la", "Russieentraîne"]);
        assert_eq!(texts("McDonald et OTAN"), ["McDonald", "et", "OTAN"]);
        assert_eq!(texts("In March the U.S. reopened"), ["In", "March", "the", "U.S.", "reopened"]);
        let w = words("du Kremlin : « Au sujet");
        assert!(w[2].after_punctuation && !w[1].after_punctuation);
    }

    #[test]
    fn names_and_terms() {
        let mut vocabulary = Vocabulary::default();
        let sentences = [
            "Le président Vladimir Poutine a reçu Alexandre Loukachenko.",
            "Poutine et l'État de l'Union sont évoqués avec des armes nucléaires.",
            "Les armes nucléaires arrivent, dit Poutine.",
            "Vladimirpoutine parle.",
            "Vladimir est venu.",
        ];
        let all: Vec<Vec<Word>> = sentences.iter().map(|s| words(s)).collect();
        for w in &all {
            vocabulary.learn(w);
        }
        let found: Vec<String> = all.iter().flat_map(|w| candidates(w, &vocabulary)).map(|c| c.form).collect();
        assert!(found.contains(&"Vladimir Poutine".to_string()), "{found:?}");
        assert!(found.contains(&"Alexandre Loukachenko".to_string()), "{found:?}");
        assert!(found.contains(&"État de l'Union".to_string()), "{found:?}");
        assert!(found.contains(&"armes nucléaires".to_string()), "{found:?}");
        assert!(found.contains(&"Vladimirpoutine".to_string()), "{found:?}");
        assert!(!found.iter().any(|f| f == "Le" || f == "Les"), "{found:?}");
    }
}
