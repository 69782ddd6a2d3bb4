//! What the aligner knows of each sentence: its length, its paragraph, and its tokens, each with a weight
//! (rarer words weigh more) and the keys under which it can meet a token of the other language.
//!
//! Keys live in one space shared by both sides: a folded 4-letter prefix (cognates: "gouvernement" does
//! not meet "government", but "Kaliningrad", "Minsk" and "opération"/"operation" do), a transliteration key
//! for names (Loukachenko / Lukashenko), a number with its separators removed (9,5 / 9.5; 1 084 / 1,084),
//! a punctuation class (? ! quotes), and target words themselves, which source words reach through a
//! dictionary or a lexicon learned from the text.
//!
//! Each sentence also records whether it opens or closes a turn of dialogue, whatever the convention of
//! its language: a leading dash (`--`, `—`) or an opening quote (`"`, `«`, `„`, `‘`, `'`), a closing
//! quote at its end. A French turn that starts with a dash and an English one in quotes then meet (see
//! the bead cost).

use crate::fold::{fold, transliteration_key};
use crate::language::LanguageFamily;
use std::collections::HashMap;

/// A key under which a token of one side meets tokens of the other.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Key {
    /// A month, from its name in French, English or German.
    Month(u8),
    /// The first four letters of a folded word (cognates), or a short capitalised word whole.
    Prefix(String),
    /// A name's transliteration key (see [`transliteration_key`]).
    Transliteration(String),
    /// The first four letters of a long word's consonant skeleton.
    Skeleton(String),
    /// A number or a punctuation class, as the side's vocabulary names it (`#9.5`, `%?`).
    Token(String),
    /// A word of the target side, which source words reach through their translations.
    Word(String),
    /// A sense of the core dictionary (its English stem's number), weak evidence (see [`WEAK_KEY`]).
    Sense(u32),
}

/// The bit that marks a key as weak evidence: a sense of the core dictionary, which may not be the sense
/// the text uses. Weak keys sort after all others, so a token that meets the other side through a strong
/// key is counted in full before weak keys are looked at (see [`super::similarity::Matcher`]). Keys with
/// this bit are not indices: code that sizes a table by key ids skips them.
pub(crate) const WEAK_KEY: u32 = 1 << 31;

/// Interns the keys of the shared key space: each gets a number, in the order first met.
#[derive(Default)]
pub(crate) struct KeySpace {
    ids: HashMap<Key, u32>,
}

impl KeySpace {
    pub(crate) fn id(&mut self, key: Key) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(key).or_insert(next)
    }

    pub(crate) fn get(&self, key: &Key) -> Option<u32> {
        self.ids.get(key).copied()
    }
}

/// One token of a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// The word as the side's vocabulary knows it (folded form), or the punctuation class.
    pub word: u32,
    /// How much finding (or missing) this token in the other side counts.
    pub weight: f32,
}

/// One sentence, ready for comparison.
#[derive(Debug, Clone, Default)]
pub(crate) struct SentenceFeatures {
    /// Length in characters, for the length model.
    pub chars: f32,
    /// The paragraph the sentence is in.
    pub paragraph: u32,
    pub tokens: Vec<Token>,
    /// (key, token index), sorted by key: what the tokens can meet.
    pub keys: Vec<(u32, u16)>,
    /// The sum of the token weights.
    pub total: f32,
    /// Whether the sentence opens a turn of dialogue (leading dash or opening quote).
    pub opens_turn: bool,
    /// Whether the sentence closes a turn of dialogue (a quote at its end).
    pub closes_turn: bool,
}

/// One side of a text: its sentences, and its vocabulary of folded words.
pub(crate) struct SideFeatures {
    pub sentences: Vec<SentenceFeatures>,
    /// Folded words by id.
    pub words: Vec<String>,
    /// The keys every word id carries on its own (cognate, transliteration, number, punctuation).
    pub word_keys: Vec<Vec<u32>>,
    /// Characters before each sentence (prefix sums), for the length of any run of sentences.
    chars_before: Vec<f32>,
}

/// What kind of token a piece of text makes.
enum Piece<'t> {
    Word(&'t str),
    Number(String),
    Punct(&'static str),
}

/// Splits a sentence into words, numbers (thousands groups joined: 1 084 → 1084) and punctuation classes.
fn pieces(sentence: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        if c.is_numeric() {
            let mut digits = String::new();
            while k < chars.len() {
                let (_, d) = chars[k];
                if d.is_ascii_digit() {
                    digits.push(d);
                    k += 1;
                } else if matches!(d, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}' | '\'')
                    && chars.get(k + 1).is_some_and(|&(_, n)| n.is_ascii_digit())
                    && (d != ' ' || chars[k + 1..].iter().take_while(|(_, n)| n.is_ascii_digit()).count() == 3)
                {
                    k += 1;
                } else {
                    break;
                }
            }
            if digits.is_empty() {
                k += 1;
            } else {
                out.push(Piece::Number(digits));
            }
        } else if c.is_alphabetic() {
            let mut end = k;
            while end < chars.len() && (chars[end].1.is_alphanumeric() || chars[end].1 == '-') {
                end += 1;
            }
            while end > k + 1 && chars[end - 1].1 == '-' {
                end -= 1;
            }
            let stop = chars.get(end).map_or(sentence.len(), |&(i, _)| i);
            for part in sentence[start..stop].split('-').filter(|p| !p.is_empty()) {
                out.push(Piece::Word(part));
            }
            k = end;
        } else {
            let class = match c {
                '?' | '¿' => Some("?"),
                '!' | '¡' => Some("!"),
                '"' | '“' | '”' | '«' | '»' | '„' | '‘' => Some("\""),
                '—' | '–' if k == 0 => Some("\""),
                ':' => Some(":"),
                ';' => Some(";"),
                '(' | '[' => Some("("),
                _ => None,
            };
            if let Some(class) = class {
                out.push(Piece::Punct(class));
            }
            k += 1;
        }
    }
    out
}

/// Whether the single quote or apostrophe at `k` is a quotation mark: at the start of the sentence, at
/// its end after something other than a letter (`wonder?'`), or with no letter or digit on either side;
/// not an apostrophe inside or after a word (`don't`, `couldn 't`, `girls'`).
fn is_quote_mark(chars: &[(usize, char)], k: usize) -> bool {
    let word = |c: Option<&(usize, char)>| c.is_some_and(|&(_, c)| c.is_alphanumeric());
    let before = k.checked_sub(1).and_then(|b| chars.get(b));
    let after = chars.get(k + 1);
    k == 0 || (chars[k + 1..].iter().all(|(_, c)| c.is_whitespace()) && !word(before)) || !(word(before) || word(after))
}

/// Whether `sentence` opens a turn of dialogue, and whether it closes one (see the module documentation).
pub(crate) fn turn_marks(sentence: &str) -> (bool, bool) {
    let text = sentence.trim();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let quote = |k: usize| match chars[k].1 {
        '"' | '“' | '”' | '«' | '»' | '„' | '‘' => true,
        '\'' | '’' => is_quote_mark(&chars, k),
        _ => false,
    };
    let Some(&(_, first)) = chars.first() else { return (false, false) };
    let opens = matches!(first, '—' | '–') || text.starts_with("--") || quote(0);
    let closes = chars.len() > 1 && quote(chars.len() - 1);
    (opens, closes)
}

/// The month a (folded) month name stands for, in French, English or German: dates are evidence too
/// ("juin 2020" and "June of 2020").
fn month(folded: &str) -> Option<u8> {
    Some(match folded {
        "janvier" | "january" | "januar" | "janv" | "jan" => 1,
        "fevrier" | "february" | "februar" | "fevr" | "feb" => 2,
        "mars" | "march" | "marz" => 3,
        "avril" | "april" | "avr" | "apr" => 4,
        "mai" | "may" => 5,
        "juin" | "june" | "juni" => 6,
        "juillet" | "july" | "juli" | "juil" => 7,
        "aout" | "august" | "aug" => 8,
        "septembre" | "september" | "sept" | "sep" => 9,
        "octobre" | "october" | "oktober" | "oct" => 10,
        "novembre" | "november" | "nov" => 11,
        "decembre" | "december" | "dezember" | "dec" => 12,
        _ => return None,
    })
}

/// The intrinsic keys of a word on a side in `family`.
fn word_keys(surface: &str, folded: &str, family: LanguageFamily, space: &mut KeySpace) -> Vec<u32> {
    let mut keys = Vec::with_capacity(2);
    if let Some(number) = month(folded) {
        keys.push(space.id(Key::Month(number)));
    }
    let letters = folded.chars().count();
    if letters >= 4 {
        keys.push(space.id(Key::Prefix(folded.chars().take(4).collect())));
        let translit = transliteration_key(surface, family);
        if translit.chars().count() >= 4 {
            let id = space.id(Key::Transliteration(translit));
            if !keys.contains(&id) {
                keys.push(id);
            }
        }
        if letters >= 6 {
            // Consonant skeleton: "gouvernement" and "government" both give "gvrn".
            let mut skeleton = String::new();
            for c in folded.chars().filter(|c| c.is_alphabetic() && !"aeiouy".contains(*c)) {
                if !skeleton.ends_with(c) {
                    skeleton.push(c);
                }
            }
            if skeleton.chars().count() >= 4 {
                let id = space.id(Key::Skeleton(skeleton.chars().take(4).collect()));
                if !keys.contains(&id) {
                    keys.push(id);
                }
            }
        }
    } else if surface.chars().next().is_some_and(char::is_uppercase) {
        keys.push(space.id(Key::Prefix(folded.trim_start_matches('^').to_string())));
    }
    keys
}

impl SideFeatures {
    /// Tokenizes `sentences` (text, paragraph) of one side written in `family`.
    pub(crate) fn new<'t>(
        sentences: impl Iterator<Item = (&'t str, u32)>,
        family: LanguageFamily,
        space: &mut KeySpace,
    ) -> Self {
        let mut vocabulary: HashMap<String, u32> = HashMap::new();
        let mut words: Vec<String> = Vec::new();
        let mut word_keys_list: Vec<Vec<u32>> = Vec::new();
        let mut out = Vec::new();
        let mut document_frequency: Vec<u32> = Vec::new();
        for (text, paragraph) in sentences {
            let mut tokens = Vec::new();
            for piece in pieces(text) {
                let (name, surface) = match &piece {
                    Piece::Word(w) => {
                        let folded = fold(w);
                        // Short words meet the other side only when capitalised (Ah, Oh, UE, Tom): the
                        // lower-case ones are function words. Keep the two apart in the vocabulary.
                        let short_capital =
                            folded.chars().count() < 4 && w.chars().next().is_some_and(char::is_uppercase);
                        (if short_capital { format!("^{folded}") } else { folded }, Some(*w))
                    }
                    Piece::Number(n) => (format!("#{n}"), None),
                    Piece::Punct(p) => (format!("%{p}"), None),
                };
                let id = match vocabulary.get(&name) {
                    Some(&id) => id,
                    None => {
                        let id = words.len() as u32;
                        let keys = match (&piece, surface) {
                            (Piece::Word(_), Some(surface)) => word_keys(surface, &name, family, space),
                            _ => vec![space.id(Key::Token(name.clone()))],
                        };
                        vocabulary.insert(name.clone(), id);
                        words.push(name);
                        word_keys_list.push(keys);
                        document_frequency.push(0);
                        id
                    }
                };
                tokens.push(Token { word: id, weight: 0.0 });
            }
            let mut seen: Vec<u32> = tokens.iter().map(|t| t.word).collect();
            seen.sort_unstable();
            seen.dedup();
            for w in seen {
                document_frequency[w as usize] += 1;
            }
            let (opens_turn, closes_turn) = turn_marks(text);
            out.push(SentenceFeatures {
                chars: text.chars().count() as f32,
                paragraph,
                tokens,
                keys: Vec::new(),
                total: 0.0,
                opens_turn,
                closes_turn,
            });
        }
        let n = out.len().max(1) as f32;
        for sentence in &mut out {
            for token in &mut sentence.tokens {
                let df = document_frequency[token.word as usize] as f32;
                token.weight = (1.0 + n / df).ln();
            }
            sentence.total = sentence.tokens.iter().map(|t| t.weight).sum();
        }
        let mut chars_before = Vec::with_capacity(out.len() + 1);
        let mut total = 0.0f64;
        chars_before.push(0.0);
        for sentence in &out {
            total += f64::from(sentence.chars);
            chars_before.push(total as f32);
        }
        SideFeatures { sentences: out, words, word_keys: word_keys_list, chars_before }
    }

    /// The characters of sentences `range`.
    pub(crate) fn chars_between(&self, range: std::ops::Range<usize>) -> f32 {
        self.chars_before[range.end] - self.chars_before[range.start]
    }

    /// The mean length of a sentence, in characters.
    pub(crate) fn mean_chars(&self) -> f32 {
        self.chars_before.last().copied().unwrap_or(0.0) / self.sentences.len().max(1) as f32
    }

    /// Fills each sentence's sorted key list from the keys of its words; `extra(word)` adds keys a word
    /// reaches through a dictionary or lexicon.
    pub(crate) fn index_keys(&mut self, extra: impl Fn(u32) -> Vec<u32>) {
        let per_word: Vec<Vec<u32>> = (0..self.words.len() as u32)
            .map(|w| {
                let mut keys = self.word_keys[w as usize].clone();
                keys.extend(extra(w));
                keys.sort_unstable();
                keys.dedup();
                keys
            })
            .collect();
        for sentence in &mut self.sentences {
            sentence.keys.clear();
            for (index, token) in sentence.tokens.iter().enumerate().take(u16::MAX as usize) {
                sentence.keys.extend(per_word[token.word as usize].iter().map(|&k| (k, index as u16)));
            }
            sentence.keys.sort_unstable();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        pieces(text)
            .into_iter()
            .map(|p| match p {
                Piece::Word(w) => w.to_string(),
                Piece::Number(n) => format!("#{n}"),
                Piece::Punct(p) => format!("%{p}"),
            })
            .collect()
    }

    #[test]
    fn numbers_lose_their_separators_and_punctuation_becomes_a_class() {
        assert_eq!(names("9,5 millions ; 1 084 km ?"), ["#95", "millions", "%;", "#1084", "km", "%?"]);
        assert_eq!(names("9.5 million, 1,084 km"), ["#95", "million", "#1084", "km"]);
        assert_eq!(names("« Russie-Biélorussie » d'abord"), ["%\"", "Russie", "Biélorussie", "%\"", "d", "abord"]);
        assert_eq!(names("en 2001 et 2020"), ["en", "#2001", "et", "#2020"]);
        assert_eq!(names("— Oui."), ["%\"", "Oui"]);
    }

    #[track_caller]
    fn case(text: &str, expected: &[&str]) {
        assert_eq!(names(text), expected, "{text:?}");
    }

    #[test]
    fn double_hyphens_and_single_quotes_are_turn_marks_not_tokens() {
        // As tokens they made short texts worse (a mark in most sentences weighs as much as a common
        // word); the turn marks of the sentence carry them instead.
        case("-- Oui, papa.", &["Oui", "papa"]);
        case("Il dit -- enfin -- oui.", &["Il", "dit", "enfin", "oui"]);
        case("' Dinah 'll miss me ! '", &["Dinah", "ll", "miss", "me", "%!"]);
        case("‘Yes,’ she said.", &["%\"", "Yes", "she", "said"]);
        case("C’est l’été.", &["C", "est", "l", "été"]);
    }

    #[track_caller]
    fn turn(text: &str, expected: (bool, bool)) {
        assert_eq!(turn_marks(text), expected, "{text:?}");
    }

    #[test]
    fn turns_open_with_a_dash_or_quote_and_close_with_a_quote() {
        turn("-- Ma chère, comment voulez-vous ?", (true, false));
        turn("— Oui.", (true, false));
        turn("« Venez ! »", (true, true));
        turn("\" My dear , how am I to get so far ?", (true, false));
        turn("I could not walk half so far . \"", (false, true));
        turn("' Do cats eat bats ? '", (true, true));
        turn("„Kommen Sie“, sagte er.", (true, false));
        turn("He said : \" Come !", (false, false));
        turn("It was the girls'", (false, false));
        turn("'Tis true, isn't it?'", (true, true));
        turn("‘Yes,’ she said.", (true, false));
        turn("I couldn 't say .", (false, false));
        turn("Il dit -- enfin -- oui.", (false, false));
        turn("", (false, false));
        turn("\"", (true, false));
    }

    #[test]
    fn shared_keys_for_names_and_numbers() {
        let mut space = KeySpace::default();
        let mut fr =
            SideFeatures::new([("Loukachenko a 9,5 millions.", 0)].into_iter(), LanguageFamily::French, &mut space);
        let mut en =
            SideFeatures::new([("Lukashenko has 9.5 million.", 0)].into_iter(), LanguageFamily::English, &mut space);
        fr.index_keys(|_| Vec::new());
        en.index_keys(|_| Vec::new());
        let fr_keys: Vec<u32> = fr.sentences[0].keys.iter().map(|k| k.0).collect();
        let shared = en.sentences[0].keys.iter().filter(|k| fr_keys.contains(&k.0)).count();
        // The name (transliteration key), the number, and "millions"/"million" (prefix).
        assert_eq!(shared, 3);
    }

    #[test]
    fn months_meet() {
        let mut space = KeySpace::default();
        let mut fr = SideFeatures::new([("En juin 2020.", 0)].into_iter(), LanguageFamily::French, &mut space);
        let mut en = SideFeatures::new([("In June of 2020.", 0)].into_iter(), LanguageFamily::English, &mut space);
        fr.index_keys(|_| Vec::new());
        en.index_keys(|_| Vec::new());
        let fr_keys: Vec<u32> = fr.sentences[0].keys.iter().map(|k| k.0).collect();
        let shared = en.sentences[0].keys.iter().filter(|k| fr_keys.contains(&k.0)).count();
        assert_eq!(shared, 2);
    }
}
