//! Folding words for comparison: case, accents, ligatures, and the transliteration habits that make one
//! Russian or Ukrainian name come out differently in French and English (Loukachenko / Lukashenko,
//! Choïgou / Shoigu, Tkatchenko / Tkachenko).

use crate::language::LanguageFamily;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `word` in lower case, without accents, with ligatures spelled out (œ → oe, æ → ae, ß → ss) and
/// typographic apostrophes made straight.
///
/// ```
/// assert_eq!(trame::fold::fold("Biélorussie"), "bielorussie");
/// assert_eq!(trame::fold::fold("ŒUVRE d’art"), "oeuvre d'art");
/// ```
pub fn fold(word: &str) -> String {
    // Most words are ASCII: nothing to decompose (the term build folds every word it reads).
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' => out.push('d'),
            '’' | '‘' | 'ʼ' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// `text` with its whitespace runs as one space, and none at either end.
pub(crate) fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `word` with its first letter in upper case, the rest as it is.
pub(crate) fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A key under which the spellings of one name in different languages usually meet: the folded word
/// with each language's transliteration habits undone (French `ou`, `ch`, `tch`; English `sh`, `ch`,
/// `zh`; German `sch`, `tsch`, `w`), `y`/`i`/`j` between vowels merged, doubled letters single, and a
/// French mute final `e` dropped.
///
/// ```
/// use trame::fold::transliteration_key;
/// use trame::LanguageFamily::{English, French};
///
/// assert_eq!(transliteration_key("Loukachenko", French), transliteration_key("Lukashenko", English));
/// assert_eq!(transliteration_key("Choïgou", French), transliteration_key("Shoigu", English));
/// assert_eq!(transliteration_key("Tkatchenko", French), transliteration_key("Tkachenko", English));
/// assert_eq!(transliteration_key("Podoliak", French), transliteration_key("Podolyak", English));
/// assert_eq!(transliteration_key("Poutine", French), transliteration_key("Putin", English));
/// ```
pub fn transliteration_key(word: &str, family: LanguageFamily) -> String {
    let folded = fold(word);
    // Upper-case letters stand for sounds while the rules run: C "ch" in church, S "sh", Z "zh", J "dj",
    // H "kh", K "k".
    let rules: &[(&str, &str)] = match family {
        LanguageFamily::French => {
            &[("tch", "C"), ("dj", "J"), ("ch", "S"), ("kh", "H"), ("ou", "u"), ("qu", "K"), ("j", "Z")]
        }
        LanguageFamily::English => &[("tch", "C"), ("ch", "C"), ("sh", "S"), ("zh", "Z"), ("kh", "H"), ("j", "J")],
        LanguageFamily::Other => &[("tsch", "C"), ("sch", "S"), ("ch", "H"), ("w", "v"), ("j", "y")],
    };
    let mut key = folded;
    for (from, to) in rules {
        if key.contains(from) {
            key = key.replace(from, to);
        }
    }
    if family == LanguageFamily::French && key.len() > 4 && key.ends_with('e') {
        key.pop();
    }
    let mut out = String::with_capacity(key.len());
    let mut previous = None;
    for c in key.chars() {
        let c = match c {
            'y' | 'j' => 'i',
            'w' => 'v',
            'K' | 'q' | 'c' => 'k',
            'x' => 'k',
            c => c,
        };
        let c = c.to_ascii_lowercase();
        if previous != Some(c) {
            out.push(c);
        }
        previous = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use LanguageFamily::*;

    #[test]
    fn folding_drops_case_and_accents_and_spells_out_ligatures() {
        assert_eq!(fold("Éléphant"), "elephant");
        assert_eq!(fold("Choïgou"), "choigou");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("ÇA"), "ca");
    }

    #[test]
    fn keys_meet_across_languages() {
        let pairs = [
            ("Loukachenko", "Lukashenko"),
            ("Lukachenko", "Lukashenko"),
            ("Choïgou", "Shoigu"),
            ("Mykhaïlo", "Mykhailo"),
            ("Zelensky", "Zelenskiy"),
            ("Podoliak", "Podolyak"),
            ("Tkatchenko", "Tkachenko"),
        ];
        for (fr, en) in pairs {
            assert_eq!(transliteration_key(fr, French), transliteration_key(en, English), "{fr} / {en}");
        }
    }

    #[test]
    fn keys_keep_different_names_apart() {
        assert_ne!(transliteration_key("Poutine", French), transliteration_key("Peskov", English));
        assert_ne!(transliteration_key("Minsk", French), transliteration_key("Moscow", English));
    }
}
