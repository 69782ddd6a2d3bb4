//! The French-English core dictionary shipped with trame (as hunalign ships one): a few thousand common
//! content words and connectives of general use, written for trame (`dict/fr-en.tsv`). A text too short
//! to learn a lexicon from (an abridged chapter, a short article) still has word evidence beyond names,
//! numbers and cognates: "Le chagrin arriva" meets "Sorrow came".
//!
//! Each line of the file is a sense: French forms, a tab, English forms, each side a comma-separated
//! list; every French form translates every English form. Lines starting with `#` are comments.
//!
//! Inflection is matched by a light suffix-stripping stem on each side, applied alike to the entries
//! and to the words of the texts (folded, accents aside): `arrivèrent`, `arrivée`, `arrivait` all reach
//! the entry `arriver`, and `came`, `comes`, `coming` the entry `come, came`. Irregular forms the stems
//! cannot join (`vint`, `fut`, `went`, `said`) are listed in the entries. A French word listed in some
//! entry as it is takes the translations of those entries only; otherwise its stem's.

use crate::fold::fold;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The shipped French-English dictionary, one sense a line.
const FR_EN: &str = include_str!("dict/fr-en.tsv");

/// Words shorter than this (in characters) are not looked up: they are function words or too ambiguous.
const MIN_LETTERS: usize = 3;
/// A stem keeps at least this many characters.
const MIN_STEM: usize = 3;

/// French inflectional endings (after a plural `s` or `x` is gone), stripped longest first, repeatedly.
const FRENCH_ENDINGS: &[&str] = &[
    "issaient", "eraient", "erions", "issait", "issant", "issent", "assent", "aient", "erais", "erait", "erent",
    "eriez", "erons", "eront", "irent", "erai", "erez", "era", "iez", "ion", "ait", "on", "ant", "ent", "ai", "ee",
    "er", "ez", "ir", "it", "a", "e", "i", "u",
];

/// English words whose ending looks inflectional but is not (`evening` is not `even` + `ing`).
const ENGLISH_KEPT: &[&str] = &[
    "anything",
    "ceiling",
    "during",
    "evening",
    "everything",
    "morning",
    "nothing",
    "something",
    "spring",
    "string",
    "thing",
    "wedding",
];

/// A dictionary from French words to English word stems, with the stems of its English side.
#[derive(Debug, Default)]
pub(crate) struct CoreDictionary {
    /// Folded French forms as listed → English stem ids.
    forms: HashMap<String, Vec<u32>>,
    /// French stems of the listed forms → English stem ids.
    stems: HashMap<String, Vec<u32>>,
    /// English stems by id.
    english: Vec<String>,
    english_ids: HashMap<String, u32>,
}

impl CoreDictionary {
    /// The dictionary trame ships, parsed on first use.
    pub(crate) fn french_english() -> &'static CoreDictionary {
        static PARSED: OnceLock<CoreDictionary> = OnceLock::new();
        PARSED.get_or_init(|| CoreDictionary::parse(FR_EN))
    }

    /// Reads lines of French forms, a tab, English forms (each side comma-separated); skips comments,
    /// blank lines and lines without a tab.
    pub(crate) fn parse(text: &str) -> Self {
        let mut dictionary = CoreDictionary::default();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let Some((french, english)) = line.split_once('\t') else { continue };
            let words = |side: &str| -> Vec<String> {
                side.split(',').map(|w| fold(w.trim())).filter(|w| w.chars().count() >= MIN_LETTERS).collect()
            };
            let targets: Vec<u32> = words(english).iter().map(|w| dictionary.english_id(english_stem(w))).collect();
            if targets.is_empty() {
                continue;
            }
            for form in words(french) {
                extend(dictionary.stems.entry(french_stem(&form)).or_default(), &targets);
                extend(dictionary.forms.entry(form).or_default(), &targets);
            }
        }
        dictionary
    }

    fn english_id(&mut self, stem: String) -> u32 {
        if let Some(&id) = self.english_ids.get(&stem) {
            return id;
        }
        let id = self.english.len() as u32;
        self.english.push(stem.clone());
        self.english_ids.insert(stem, id);
        id
    }

    /// The English stems a folded French word may translate to (none when the dictionary does not know it).
    pub(crate) fn translations(&self, french: &str) -> &[u32] {
        if french.chars().count() < MIN_LETTERS {
            return &[];
        }
        self.forms.get(french).or_else(|| self.stems.get(&french_stem(french))).map_or(&[], Vec::as_slice)
    }

    /// The id of a folded English word's stem, when some entry translates to it.
    pub(crate) fn english(&self, english: &str) -> Option<u32> {
        if english.chars().count() < MIN_LETTERS {
            return None;
        }
        self.english_ids.get(&english_stem(english)).copied()
    }

    /// How many (French form, English stem) pairs it holds.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.forms.values().map(Vec::len).sum()
    }
}

/// Adds the ids of `more` not yet in `ids`.
fn extend(ids: &mut Vec<u32>, more: &[u32]) {
    for &id in more {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
}

/// `word` without its last `n` characters.
fn cut(word: &str, n: usize) -> &str {
    let end = word.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &word[..end]
}

/// The stem of a folded French word: a plural `s` or `x` off, then the longest ending of
/// [`FRENCH_ENDINGS`] that leaves [`MIN_STEM`] characters, again until none does.
pub(crate) fn french_stem(word: &str) -> String {
    let letters = word.chars().count();
    if letters <= MIN_STEM {
        return word.to_string();
    }
    let mut stem = word;
    if stem.ends_with(['s', 'x']) {
        stem = cut(stem, 1);
    }
    'strip: loop {
        let letters = stem.chars().count();
        for ending in FRENCH_ENDINGS {
            if stem.ends_with(ending) && letters >= ending.len() + MIN_STEM {
                stem = cut(stem, ending.len());
                continue 'strip;
            }
        }
        break;
    }
    stem.to_string()
}

/// The stem of a folded English word: `-ies`/`-ied` made `-y`, a plural or third-person `s` off, then
/// `-ing` or `-ed` (with a doubled consonant made single: `stopped`, `running`), then a final `e`, each
/// when [`MIN_STEM`] characters are left.
pub(crate) fn english_stem(word: &str) -> String {
    if word.chars().count() <= MIN_STEM || !word.is_ascii() || ENGLISH_KEPT.binary_search(&word).is_ok() {
        return word.to_string();
    }
    let mut stem = word.to_string();
    let long_enough = |s: &str, ending: usize| s.len() >= ending + MIN_STEM;
    if (stem.ends_with("ies") || stem.ends_with("ied")) && stem.len() >= 5 {
        stem.truncate(stem.len() - 3);
        stem.push('y');
    } else if stem.ends_with('s') && !stem.ends_with("ss") && !stem.ends_with("us") && !stem.ends_with("is") {
        stem.pop();
    }
    let suffix = if stem.ends_with("ing") && long_enough(&stem, 3) {
        3
    } else if stem.ends_with("ed") && long_enough(&stem, 2) {
        2
    } else {
        0
    };
    if suffix > 0 {
        stem.truncate(stem.len() - suffix);
        let bytes = stem.as_bytes();
        let n = bytes.len();
        if n >= 2 && bytes[n - 1] == bytes[n - 2] && !b"aeioulsfz".contains(&bytes[n - 1]) {
            stem.pop();
        }
    }
    if stem.ends_with('e') && long_enough(&stem, 1) {
        stem.pop();
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn same_stem(stem: fn(&str) -> String, forms: &[&str]) {
        let first = stem(forms[0]);
        for form in forms {
            assert_eq!(stem(form), first, "{form} against {}", forms[0]);
        }
    }

    #[test]
    fn inflected_forms_share_a_stem() {
        same_stem(french_stem, &["arriver", "arriva", "arrivait", "arrivaient", "arriverent", "arrivee", "arrivees"]);
        same_stem(french_stem, &["arrive", "arrives", "arrivons", "arrivez", "arrivent", "arriverait", "arrivant"]);
        same_stem(french_stem, &["petit", "petite", "petits", "petites"]);
        same_stem(french_stem, &["finir", "finit", "fini", "finie", "finissait", "finissent"]);
        same_stem(english_stem, &["hope", "hopes", "hoped", "hoping"]);
        same_stem(english_stem, &["stop", "stops", "stopped", "stopping"]);
        same_stem(english_stem, &["cry", "cries", "cried"]);
        same_stem(english_stem, &["fall", "falls", "falling"]);
        same_stem(english_stem, &["pass", "passes", "passed", "passing"]);
    }

    #[test]
    fn stems_keep_short_words_and_nouns_ending_like_verbs() {
        assert_eq!(french_stem("dit"), "dit");
        assert_eq!(french_stem("voir"), "voir");
        assert_eq!(english_stem("evening"), "evening");
        assert_ne!(english_stem("evening"), english_stem("even"));
        assert_eq!(english_stem("bus"), "bus");
        assert_eq!(english_stem("this"), "this");
        // Non-ASCII input does not panic.
        assert_eq!(french_stem("ééé"), "ééé");
        let _ = english_stem("naïveté");
        let _ = french_stem("œuvrèrent");
    }

    #[test]
    fn kept_words_are_sorted() {
        assert!(ENGLISH_KEPT.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn entries_match_inflected_words_on_both_sides() {
        let d =
            CoreDictionary::parse("# test\nchagrin, peine\tsorrow, grief\narriver, vint, venu\tcome, came, arrive\n");
        let sorrow = d.english("sorrows").unwrap();
        assert!(d.translations("chagrins").contains(&sorrow));
        assert!(d.translations("peine").contains(&sorrow));
        let came = d.english("came").unwrap();
        let coming = d.english("coming").unwrap();
        for french in ["arriva", "arriverent", "vint", "venu"] {
            let found = d.translations(french);
            assert!(found.contains(&came) && found.contains(&coming), "{french}: {found:?}");
        }
        assert!(d.translations("chien").is_empty());
        assert_eq!(d.english("dog"), None);
        // Two French forms by two English stems, three by three.
        assert_eq!(d.len(), 2 * 2 + 3 * 3);
    }

    #[test]
    fn a_listed_form_takes_its_own_entries_not_its_stems() {
        // "mère" and "mer" fold to stems that meet; as listed, each keeps its own sense.
        let d = CoreDictionary::parse("mère\tmother\nmer\tsea\n");
        let (mother, sea) = (d.english("mother").unwrap(), d.english("sea").unwrap());
        assert_eq!(d.translations("mere"), [mother]);
        assert_eq!(d.translations("mer"), [sea]);
    }

    #[test]
    fn the_shipped_dictionary_parses_and_is_sorted() {
        let d = CoreDictionary::french_english();
        assert!(d.len() > 3000, "{}", d.len());
        let heads: Vec<String> = FR_EN
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| {
                assert!(l.contains('\t'), "no tab: {l:?}");
                fold(l.split([',', '\t']).next().unwrap().trim())
            })
            .collect();
        for pair in heads.windows(2) {
            assert!(pair[0] <= pair[1], "{} before {}", pair[0], pair[1]);
        }
        // Connectives and common words meet across inflection.
        let however = d.english("however").unwrap();
        assert!(d.translations("neanmoins").contains(&however));
        let came = d.english("came").unwrap();
        assert!(d.translations("arriva").contains(&came));
    }
}
