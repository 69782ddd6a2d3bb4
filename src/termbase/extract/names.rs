//! Names in a sentence: capitalised sequences, with their small words, initials and capitalised articles,
//! organisations' lower-case words, titles of works in quotes, and acronyms with their expansions.

use super::lexicon::{
    COMMON_ACRONYMS, CONNECTORS, DATE_WORDS, ENGLISH_ONLY_WORDS, FEATURE_HEADS, FUNCTION_WORDS, GIVEN_NAMES,
    HEADING_WORDS, INSTITUTION_WORDS, NUMBERS, ORGANISATION_HEADS, PLACE_CUES, PLACE_HEADS, TITLES, article_place,
};
use super::phrases::{adjective_in_name, content_word, preposition};
use super::tokens::{Gap, Token, is_elision};
use super::vocabulary::{INNER_WORDS, Vocabulary, at_start};
use super::{
    Candidate, CandidateKind, Cues, Expansion, given_name, is_all_caps, is_capitalised, is_number, is_roman, letters,
    starts_lower, verb_with_pronoun,
};
use crate::fold::fold;
use crate::language::LanguageFamily;

/// One sentence, its words and what is known of them.
pub(super) struct Sentence<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub vocabulary: &'a Vocabulary,
    pub family: LanguageFamily,
}

/// A name of an organisation goes on for at most this many words.
const LONGEST_NAME: usize = 12;

impl Sentence<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }

    /// The word after `i`, when only spaces stand between them.
    fn next_word(&self, i: usize) -> Option<&str> {
        self.tokens.get(i + 1).filter(|t| t.gap == Gap::Space).map(|t| t.text(self.text))
    }

    /// A line in capitals (a heading, a dateline line, a shouted sign): its capitals say nothing.
    pub(super) fn shouting(&self) -> bool {
        let words: Vec<&str> =
            self.tokens.iter().map(|t| t.text(self.text)).filter(|w| letters(w) >= 2 && !w.contains('.')).collect();
        let caps = words.iter().filter(|w| is_all_caps(w)).count();
        (caps >= 2 && caps * 3 >= words.len() * 2) || (words.len() == 1 && caps == 1 && letters(words[0]) > 6)
    }

    /// Which words stand in a headline in title case (Russia Takes New Steps To Secure Its Border): the
    /// sentence, or a part of it after a colon or a quote, whose common words are capitalised, or most
    /// words capitalised where it does not end like a sentence.
    pub(super) fn headline_words(&self) -> Vec<bool> {
        let mut out = vec![false; self.tokens.len()];
        let mut start = 0;
        for k in 1..=self.tokens.len() {
            if k == self.tokens.len() || self.tokens[k].gap != Gap::Space {
                if self.headline(start, k) || self.foreign(start, k) {
                    out[start..k].iter_mut().for_each(|w| *w = true);
                }
                start = k;
            }
        }
        out
    }

    /// A clause in English inside a French text (an original title: Being at Home with Claude): two
    /// English function words or more that French does not have. Its capitals are the title's.
    fn foreign(&self, from: usize, to: usize) -> bool {
        self.family == LanguageFamily::French
            && (from..to).filter(|&k| starts_lower(self.word(k)) && ENGLISH_ONLY_WORDS.holds(self.word(k))).count() >= 2
    }

    fn headline(&self, from: usize, to: usize) -> bool {
        let content: Vec<&str> = (from..to)
            .map(|i| self.word(i))
            .filter(|w| letters(w) >= 2 && !FUNCTION_WORDS.holds(w) && !CONNECTORS.holds(w))
            .collect();
        let capitalised = content.iter().filter(|w| is_capitalised(w)).count();
        let common = content.iter().filter(|w| is_capitalised(w) && self.vocabulary.common(w)).count();
        let end = self.tokens[to - 1].end;
        let next = self.tokens.get(to).map_or(self.text.len(), |t| t.start);
        let ends_like_a_sentence = self.text[end..next].trim_start().starts_with(['.', '!', '?', '…', ';', ',']);
        (common >= 3 && capitalised * 10 >= content.len() * 8)
            || (!ends_like_a_sentence && content.len() >= 4 && capitalised * 4 >= content.len() * 3)
    }

    /// Whether the word at `i` may be part of a name; `inside` when a name word comes before it.
    fn name_word(&self, i: usize, inside: bool) -> bool {
        let word = self.word(i);
        if inside && is_roman(word) {
            // Annapurna I, Louis XIV.
            return true;
        }
        if inside && self.family == LanguageFamily::French && is_capitalised(word) && ENGLISH_ONLY_WORDS.holds(word) {
            // An English name in a French text (Pan Am, Take That).
            return true;
        }
        if !is_capitalised(word) || word.contains('.') || letters(word) < 2 {
            return false;
        }
        if FUNCTION_WORDS.holds(word)
            || is_number(word)
            || HEADING_WORDS.holds(word)
            || DATE_WORDS.holds(word)
            || verb_with_pronoun(word)
        {
            return false;
        }
        if is_roman(word) {
            // Inside a name it was taken above.
            return false;
        }
        if is_all_caps(word) {
            return self.acronym(i);
        }
        if inside {
            return true;
        }
        if TITLES.holds(word) {
            return false;
        }
        let usage = self.vocabulary.get(word);
        if at_start(self.tokens, i) {
            // Where a sentence starts, a capital says little: the word must be capitalised elsewhere too,
            // or be a given name before a name.
            let before_name = (i + 1 < self.tokens.len())
                && self.tokens[i + 1].gap == Gap::Space
                && is_capitalised(self.word(i + 1))
                && self.vocabulary.get(self.word(i + 1)).capital_inside > 0;
            // A word never written in lower case before a name is a given name the tables do not know
            // (Alia Haidar).
            let unknown_given = before_name && usage.lower == 0 && letters(word) >= 3;
            if usage.capital_inside == 0 && !(before_name && GIVEN_NAMES.holds(word)) && !unknown_given {
                return false;
            }
        }
        !self.vocabulary.common(word)
    }

    /// An acronym: two to eight capitals (digits aside), not a word of the text in capitals, not a run of
    /// words in capitals.
    fn acronym(&self, i: usize) -> bool {
        let word = self.word(i);
        let caps_near = |k: usize| {
            self.tokens.get(k).is_some_and(|t| is_all_caps(t.text(self.text)) && letters(t.text(self.text)) >= 2)
        };
        let run = (i > 0 && self.tokens[i].gap == Gap::Space && caps_near(i - 1))
            || (self.tokens.get(i + 1).is_some_and(|t| t.gap == Gap::Space) && caps_near(i + 1));
        let usage = self.vocabulary.get(word);
        // An acronym before a number is a code (RN 164, A 7).
        let code = self.next_word(i).is_some_and(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()));
        // A word the text writes in capitals only where a sentence starts is a dateline or a heading
        // (BAKOU (AFP) —), and one it also writes in lower or title case is a word in capitals.
        let dateline = at_start(self.tokens, i) && usage.caps_inside == 0;
        (2..=8).contains(&letters(word))
            && !run
            && !code
            && !dateline
            && !is_roman(word)
            && !FUNCTION_WORDS.holds(word)
            && !TITLES.holds(word)
            && !COMMON_ACRONYMS.holds(word)
            && usage.lower == 0
            && usage.capital_inside == 0
    }

    /// The names of the sentence, and the acronyms it explains.
    pub(super) fn names(&self, out: &mut Vec<Candidate>, expansions: &mut Vec<Expansion>) {
        let n = self.tokens.len();
        let headline = self.headline_words();
        let mut i = 0;
        while i < n {
            if headline[i] {
                i += 1;
                continue;
            }
            if let Some((first, last)) = self.quoted_title(i) {
                out.push(self.candidate(first, last));
                i = last + 1;
                continue;
            }
            if !self.name_word(i, false) {
                i += 1;
                continue;
            }
            let (mut first, mut last) = (i, self.extend(i));
            if self.lower_case_tail(first, last) {
                last = self.extend_organisation(last, first);
            }
            first = self.prefix(first);
            // An office before a name is not part of it (Secretary of State Mike Pompeo).
            if let Some(k) = (first + 1..=last).find(|&k| given_name(self.word(k)))
                && (first..k).all(|j| office_word(self.word(j)))
            {
                first = k;
            }
            let single = first == last;
            let word = self.word(first);
            let usage = self.vocabulary.get(word);
            // One word that only heads or qualifies names (Association, Lac, Président, République), a
            // compound of two names (Russie-Biélorussie), a glued word: not a name of its own here.
            let head_only = single
                && (ORGANISATION_HEADS.holds(word)
                    || PLACE_HEADS.holds(word)
                    || INSTITUTION_WORDS.holds(word)
                    || TITLES.holds(word));
            let lower_case_head = first > 1 && self.after_lower_case_head(first);
            // A compound of two names (Quimper-Brest, Russie-Biélorussie) is not a third name.
            let compound = single
                && word.contains('-')
                && word.split('-').all(|part| is_capitalised(part) && self.vocabulary.get(part).capital_inside > 0);
            // An English adjective of nationality (Russian, Belarusian, Chinese) is no name.
            let demonym = single
                && self.family == LanguageFamily::English
                && ["ian", "ean", "ese", "ish"].iter().any(|e| fold(word).ends_with(e))
                && !given_name(word);
            // A word mostly shouted or repeated (Brou, Brou, Brou !) is an interjection.
            let capitalised = usage.capital_inside + usage.capital_start;
            let interjection = single && capitalised > 0 && usage.exclaimed * 2 >= capitalised;
            if !head_only && !lower_case_head && !compound && !demonym && !interjection && !self.tokens[first].glued {
                out.push(self.candidate(first, last));
                if let Some(expansion) = self.expansion(first, last) {
                    expansions.push(expansion);
                }
            }
            i = last + 1;
        }
        // Glued names (Vladimirpoutine): two names the text knows, written as one word.
        for k in 0..n {
            let word = self.word(k);
            let glued = is_capitalised(word) && !is_all_caps(word) && self.vocabulary.unglue(word).is_some();
            if glued && !out.iter().any(|c| c.form == word) {
                out.push(self.candidate(k, k));
            }
        }
    }

    /// The last word of the name that starts at `first`: capitalised words, with the small words of names
    /// between them (de, von, al), Roman numerals after them (Louis XIV), and a small word between two
    /// capitalised words when the three are seen together more than once (Roque qui Chante).
    fn extend(&self, first: usize) -> usize {
        let mut last = first;
        let mut j = first + 1;
        while j < self.tokens.len() && self.tokens[j].gap == Gap::Space && j - first < LONGEST_NAME {
            let word = self.word(j);
            // A person is not named "of" a place (President Vladimir Putin of Russia).
            let person_of = word == "of" && given_name(self.word(first));
            let small = (CONNECTORS.holds(word) && !is_capitalised(word)) || matches!(word, "Le" | "La" | "Les");
            let inner = j == last + 1
                && INNER_WORDS.contains(&word)
                && self.next_word(j).is_some_and(|next| self.inner_word_name(self.word(last), word, next));
            if self.name_word(j, true) {
                last = j;
            } else if person_of || !(small || inner) {
                break;
            }
            j += 1;
        }
        // A number the name always takes (Interstate 80, Apollo 11).
        let usage = self.vocabulary.get(self.word(last));
        let number = self.next_word(last).is_some_and(|w| w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit()));
        if number && usage.before_number * 2 >= usage.capital_inside + usage.capital_start + usage.caps_inside {
            last += 1;
        }
        last
    }

    /// Whether the name from `first` to `last` goes on in lower case: an organisation (Office de
    /// tourisme), a word the text capitalises before a lower-case tail (Coupe du monde, Contrat civil), or
    /// a name followed by the lower-case head of an organisation (Rugby club de l'Aulne).
    fn lower_case_tail(&self, first: usize, last: usize) -> bool {
        let head = self.word(first);
        let usage = self.vocabulary.get(head);
        ORGANISATION_HEADS.holds(head)
            || (first == last
                && (INSTITUTION_WORDS.holds(head)
                    || (self.family == LanguageFamily::French
                        && usage.lower_tail > 0
                        && usage.lower_tail * 2 >= usage.capital_inside)))
            || self.next_word(last).is_some_and(|w| starts_lower(w) && ORGANISATION_HEADS.holds(w))
            || (first < last && INSTITUTION_WORDS.holds(self.word(last)))
    }

    /// "`a` `small` `b`" as one name (Roque qui Chante): seen so more than once, and neither `a` nor `b`
    /// seen capitalised without the other (États-Unis au Belarus is two names).
    fn inner_word_name(&self, a: &str, small: &str, b: &str) -> bool {
        let together = self.vocabulary.inner_word_name(a, small, b);
        together >= 2
            && self.vocabulary.get(a).capital_inside <= together
            && self.vocabulary.get(b).capital_inside <= together
    }

    /// An organisation's name goes on in lower case: Office de tourisme, Fédération départementale des
    /// chasseurs du Finistère, Fonds monétaire international (an adjective after a noun, or a
    /// preposition, maybe an article, and a noun or a name).
    fn extend_organisation(&self, mut last: usize, first: usize) -> usize {
        let mut k = last + 1;
        let mut after_noun = true;
        while k < self.tokens.len() && self.tokens[k].gap == Gap::Space && k - first < LONGEST_NAME {
            let word = self.word(k);
            if starts_lower(word)
                && after_noun
                && (adjective_in_name(word, self.vocabulary) || ORGANISATION_HEADS.holds(word))
            {
                last = k;
                k += 1;
                continue;
            }
            if after_noun && self.name_word(k, true) {
                // A name right after the noun (Communauté de communes Pleyben-Châteaulin-Porzay).
                last = self.extend(k);
                k = last + 1;
                continue;
            }
            if !preposition(word) && word != "pour" && word != "et" {
                break;
            }
            // "et" joins nouns (Société des sciences et arts) or places (Office de tourisme de Châteaulin et
            // du Porzay), not two names.
            let joins_nouns = self
                .next_word(k)
                .is_some_and(|w| (starts_lower(w) && content_word(w, self.vocabulary)) || preposition(w));
            if word == "et" && !joins_nouns {
                break;
            }
            if word == "et" && self.next_word(k).is_some_and(preposition) {
                k += 1;
                continue;
            }
            let mut m = k + 1;
            if m < self.tokens.len() && matches!(fold(self.word(m)).as_str(), "la" | "l'" | "les") {
                m += 1;
            }
            if m >= self.tokens.len() || self.tokens[m].gap != Gap::Space {
                break;
            }
            let noun = self.word(m);
            if starts_lower(noun) && content_word(noun, self.vocabulary) {
                last = m;
            } else if self.name_word(m, true) {
                last = self.extend(m);
            } else {
                break;
            }
            after_noun = true;
            k = last + 1;
        }
        last
    }

    /// Where a name really starts: initials before it (J.-P. Le Goff), a capitalised article that the
    /// text writes so inside sentences (à La Rochelle), the lower-case head of a natural feature or a
    /// street (la mer Noire, la rue Gambetta), a particle after a given name (H.R. von Gunten), an
    /// ordinal (la Seconde Guerre mondiale).
    fn prefix(&self, mut first: usize) -> usize {
        while first > 0 && self.tokens[first].gap == Gap::Space {
            let before = self.word(first - 1);
            let initials = before.contains('.') && is_capitalised(before) && !TITLES.holds(before);
            let article =
                matches!(before, "Le" | "La" | "Les") && self.vocabulary.article_name(before, self.word(first));
            let feature = starts_lower(before) && FEATURE_HEADS.holds(before);
            // A particle between a given name or initials and the name belongs to the name (H.R. von
            // Gunten, Charles de Gaulle); so does von or van after a title (le professeur von Braun).
            let particle = starts_lower(before)
                && first >= 2
                && self.tokens[first - 1].gap == Gap::Space
                && ((matches!(before, "von" | "van" | "da" | "di" | "del" | "der" | "den" | "ter" | "ten")
                    && (given_name(self.word(first - 2)) || TITLES.holds(self.word(first - 2))))
                    || (matches!(before, "de" | "du") && given_name(self.word(first - 2))));
            // An ordinal that opens a name (la Seconde Guerre mondiale, la Troisième République).
            let ordinal = is_capitalised(before)
                && NUMBERS.holds(before)
                && (fold(before).ends_with("ieme")
                    || matches!(fold(before).as_str(), "premier" | "premiere" | "second" | "seconde"));
            if initials || article || feature || particle || ordinal {
                first -= 1;
            } else {
                break;
            }
        }
        first
    }

    /// Whether the name at `first` ends a phrase with a lower-case head (droits de l'Homme, ministère de
    /// l'Intérieur): then the phrase is the term, found with the phrases.
    fn after_lower_case_head(&self, first: usize) -> bool {
        let word = self.word(first);
        if !(INSTITUTION_WORDS.holds(word) || self.vocabulary.common(word)) {
            return false;
        }
        let mut k = first - 1;
        if matches!(fold(self.word(k)).as_str(), "la" | "l'" | "les") && k > 0 {
            k -= 1;
        }
        matches!(fold(self.word(k)).as_str(), "de" | "d'" | "du" | "des") && k > 0 && starts_lower(self.word(k - 1))
    }

    /// A title of a work in quotes, starting at `i` (« Le Petit Prince »): two to six words, the first
    /// and another capitalised, nothing but spaces inside, the quote closed right after.
    fn quoted_title(&self, i: usize) -> Option<(usize, usize)> {
        let opening = |k: usize| {
            let start = if k == 0 { 0 } else { self.tokens[k - 1].end };
            self.text[start..self.tokens[k].start].contains(['«', '“'])
        };
        if !opening(i) || !is_capitalised(self.word(i)) {
            return None;
        }
        let mut last = i;
        while last + 1 < self.tokens.len() && self.tokens[last + 1].gap == Gap::Space && last - i < 6 {
            last += 1;
        }
        let after = self.tokens.get(last + 1).map_or(self.text.len(), |t| t.start);
        let closed = self.text[self.tokens[last].end..after].trim_start().starts_with(['»', '”']);
        let capitals = (i + 1..=last).filter(|&k| self.name_word(k, true)).count();
        (closed && last > i && capitals >= 1 && last - i < 6).then_some((i, last))
    }

    fn candidate(&self, first: usize, last: usize) -> Candidate {
        let mut form = self.form(first, last);
        let cues = self.cues(first, last, &form);
        // A place whose article belongs to its name, after a contracted article (du Mans, au Mans).
        if first == last
            && let Some(article) = article_place(&form)
        {
            form = format!("{article} {form}");
        }
        Candidate { form, kind: CandidateKind::Name, cues, after_determiner: false, continued: false }
    }

    /// The words from `first` to `last`, joined by a space (none after an elision).
    pub(super) fn form(&self, first: usize, last: usize) -> String {
        join(self.text, &self.tokens[first..=last])
    }

    /// What the words around a name (`form`, from `first` to `last`) say it names.
    fn cues(&self, first: usize, last: usize, form: &str) -> Cues {
        let mut cues = Cues::default();
        let head = self.word(first);
        let multiword = last > first;
        if ORGANISATION_HEADS.holds(head) {
            cues.organisation += 3;
        }
        if PLACE_HEADS.holds(head) {
            cues.place += 3;
        }
        if GIVEN_NAMES.holds(head) || head.contains('.') {
            cues.person += if multiword { 3 } else { 1 };
        }
        if first == last && is_all_caps(head) {
            cues.organisation += 1;
        }
        if place_shape(form) {
            cues.place += 2;
        }
        if person_shape(self.word(last)) {
            cues.person += 1;
        }
        if first > 0 && self.tokens[first].gap != Gap::Start {
            let before = self.word(first - 1);
            if TITLES.holds(before) {
                cues.person += 2;
            } else if matches!(fold(before).as_str(), "en" | "au" | "aux") {
                cues.place += 2;
            } else if PLACE_CUES.holds(before) && before != "a" {
                cues.place += 1;
            } else if first > 1
                && matches!(fold(before).as_str(), "de" | "d'" | "du" | "of")
                && PLACE_CUES.holds(self.word(first - 2))
            {
                cues.place += 2;
            }
        }
        let after: Vec<String> = (last + 1..self.tokens.len().min(last + 3)).map(|k| fold(self.word(k))).collect();
        let said = ["declare", "affirme", "estime", "annonce", "indique", "explique", "dit", "said", "says", "told"];
        if after.first().is_some_and(|w| w == "a") && after.get(1).is_some_and(|w| said.contains(&w.as_str()))
            || after.first().is_some_and(|w| said.contains(&w.as_str()))
        {
            cues.person += 1;
        }
        cues
    }

    /// The expansion of an acronym written in parentheses after it, or before it: Fonds monétaire
    /// international (FMI), FMI (Fonds monétaire international). The initials of the expansion's content
    /// words must spell the acronym.
    fn expansion(&self, first: usize, last: usize) -> Option<Expansion> {
        let parenthesis = |k: usize| {
            let start = self.tokens[k - 1].end;
            self.text[start..self.tokens[k].start].contains('(')
        };
        let closing = |k: usize| {
            let end = self.tokens.get(k + 1).map_or(self.text.len(), |t| t.start);
            self.text[self.tokens[k].end..end].contains(')')
        };
        let acronym_at = |k: usize| is_all_caps(self.word(k)) && letters(self.word(k)) >= 2;
        // The name, then (ACRONYM).
        if last + 1 < self.tokens.len() && acronym_at(last + 1) && parenthesis(last + 1) && closing(last + 1) {
            let acronym = self.word(last + 1);
            let words: Vec<&str> = (first..=last).map(|k| self.word(k)).collect();
            if spells(acronym, &words) {
                return Some(Expansion { acronym: acronym.to_string(), expansion: self.form(first, last) });
            }
        }
        // ACRONYM (the name).
        if first == last && acronym_at(first) && first + 1 < self.tokens.len() && parenthesis(first + 1) {
            let end = (first + 1..self.tokens.len()).find(|&k| closing(k))?;
            let words: Vec<&str> = (first + 1..=end).map(|k| self.word(k)).collect();
            if spells(self.word(first), &words) && (first + 2..=end).all(|k| self.tokens[k].gap == Gap::Space) {
                return Some(Expansion { acronym: self.word(first).to_string(), expansion: self.form(first + 1, end) });
            }
        }
        None
    }
}

/// Whether the initials of the content words of `words` spell `acronym` (small words may count or not).
fn spells(acronym: &str, words: &[&str]) -> bool {
    let letters: Vec<char> = fold(acronym).chars().filter(|c| c.is_alphabetic()).collect();
    let initials: Vec<(char, bool)> = words
        .iter()
        .filter(|w| !is_elision(w))
        .filter_map(|w| {
            let small = FUNCTION_WORDS.holds(w) || CONNECTORS.holds(w);
            fold(w).chars().next().map(|c| (c, small))
        })
        .collect();
    // Every content word gives its initial; a small word may give one.
    fn matches(letters: &[char], initials: &[(char, bool)]) -> bool {
        match (letters.first(), initials.first()) {
            (None, None) => true,
            (None, Some(_)) => initials.iter().all(|(_, small)| *small),
            (Some(_), None) => false,
            (Some(l), Some((c, small))) => {
                (l == c && matches(&letters[1..], &initials[1..])) || (*small && matches(letters, &initials[1..]))
            }
        }
    }
    letters.len() >= 2 && letters.len() <= 12 && matches(&letters, &initials)
}

/// A word of an office or an institution that may stand before a person's name (President, State,
/// Minister).
fn office_word(word: &str) -> bool {
    !word.contains('.')
        && (TITLES.holds(word)
            || INSTITUTION_WORDS.holds(word)
            || ORGANISATION_HEADS.holds(word)
            || (starts_lower(word) && CONNECTORS.holds(word)))
}

/// Joins words with a space, but none after an elision (l'Union).
pub(super) fn join(text: &str, tokens: &[Token]) -> String {
    let mut out = String::new();
    for token in tokens {
        if !out.is_empty() && !out.ends_with(['\'', '’']) {
            out.push(' ');
        }
        out.push_str(token.text(text));
    }
    out
}

/// The small words inside compound place names (Rostov-sur-le-Don, Stratford-upon-Avon).
const PLACE_PARTICLES: &[&str] =
    &["am", "an", "aux", "de", "des", "du", "en", "la", "le", "les", "lez", "sous", "sur", "upon"];

/// A place's shape: a compound with a preposition or an article (Rostov-sur-le-Don, Saint-Jean-de-Luz,
/// Châlons-en-Champagne), a saint's name as a place (Saint-Flour), or a common ending of places.
fn place_shape(form: &str) -> bool {
    let folded = fold(form);
    let parts: Vec<&str> = folded.split('-').collect();
    let compound = parts.len() >= 3 && parts[1..parts.len() - 1].iter().any(|p| PLACE_PARTICLES.contains(p));
    let saint = parts.len() >= 2 && matches!(parts[0], "saint" | "sainte" | "st" | "ste" | "san" | "santa");
    let ending = ["ville", "bourg", "grad", "stan", "abad", "burg", "heim", "ingen", "polis", "sk"]
        .iter()
        .any(|e| folded.len() > e.len() + 2 && folded.ends_with(e) && !folded.contains(' '));
    compound || saint || ending
}

/// A surname's shape in the languages whose names come in transliteration (-ov, -enko, -ski, -vitch).
fn person_shape(word: &str) -> bool {
    let folded = fold(word);
    [
        "ov", "ova", "ev", "eva", "enko", "tchouk", "chuk", "ski", "sky", "ska", "skaia", "skaya", "vitch", "vich",
        "witsch", "ovic", "evic", "yan", "ian", "dze", "shvili", "chvili",
    ]
    .iter()
    .any(|e| folded.len() > e.len() + 2 && folded.ends_with(e))
}
