//! Which language a text is written in, to catch swapped or mislabelled inputs before they are aligned.
//!
//! Each sentence with enough letters is given to a trigram detector ([`whatlang`]); the sentences vote.
//! A text is said to be in another language than the one declared only when that is plain: enough
//! sentences, few of them in the declared language (or one close to it, such as Danish for Norwegian),
//! and most of them in one other language. Languages the detector does not know are never judged.

use super::Language;
use whatlang::{Detector, Lang};

/// What [`check`] saw in a text declared to be in some language.
#[derive(Debug, Clone, PartialEq)]
pub enum LanguageCheck {
    /// The text is in the declared language, or close enough.
    Fits,
    /// Too little text to tell, or a declared language the detector does not know.
    Unknown,
    /// The text is plainly in another language.
    Other(LanguageSeen),
}

/// A language seen in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct LanguageSeen {
    /// Its name in English (`French`).
    pub name: &'static str,
    /// Its ISO 639 code (`fr`).
    pub code: &'static str,
    /// The share of the voting sentences detected in it.
    pub share: f64,
    /// The sentences that voted (those with enough letters).
    pub sentences: usize,
}

/// Letters a sentence needs to vote.
const MIN_LETTERS: usize = 20;
/// Voting sentences needed to judge a text of several sentences.
const MIN_VOTERS: usize = 3;
/// Sentences looked at, spread over the text.
const MAX_VOTERS: usize = 300;
/// Letters a text of fewer voters needs to be judged as a whole.
const MIN_LETTERS_WHOLE: usize = 60;
/// Under this share in the declared language, a text may be another language...
const DECLARED_AT_MOST: f64 = 0.2;
/// ...when at least this share is in one other language.
const OTHER_AT_LEAST: f64 = 0.6;

/// Checks that `sentences` (the text's sentences, in order) are in `declared`.
pub fn check(sentences: &[&str], declared: &Language) -> LanguageCheck {
    let Some(expected) = detectable(declared) else { return LanguageCheck::Unknown };
    let detector = Detector::new();
    let voters: Vec<&str> = spread(sentences.iter().copied().filter(|s| letters(s) >= MIN_LETTERS), MAX_VOTERS);
    if voters.len() < MIN_VOTERS {
        return whole(sentences, expected, &detector);
    }
    let mut votes: Vec<(Lang, usize)> = Vec::new();
    for sentence in &voters {
        if let Some(lang) = detector.detect_lang(sentence) {
            match votes.iter_mut().find(|(l, _)| same_group(*l, lang)) {
                Some((_, n)) => *n += 1,
                None => votes.push((lang, 1)),
            }
        }
    }
    let total = voters.len() as f64;
    let declared_share = votes.iter().find(|(l, _)| same_group(*l, expected)).map_or(0, |(_, n)| *n) as f64 / total;
    let top = votes.iter().filter(|(l, _)| !same_group(*l, expected)).max_by_key(|(_, n)| *n);
    match top {
        Some(&(lang, n)) if declared_share <= DECLARED_AT_MOST && n as f64 / total >= OTHER_AT_LEAST => {
            LanguageCheck::Other(seen(lang, n as f64 / total, voters.len()))
        }
        _ => LanguageCheck::Fits,
    }
}

/// A text of one or two long sentences, or many short ones, judged as a whole when it has letters enough.
fn whole(sentences: &[&str], expected: Lang, detector: &Detector) -> LanguageCheck {
    let text = sentences.join(" ");
    if letters(&text) < MIN_LETTERS_WHOLE {
        return LanguageCheck::Unknown;
    }
    match detector.detect(&text) {
        Some(info) if info.is_reliable() && !same_group(info.lang(), expected) => {
            LanguageCheck::Other(seen(info.lang(), 1.0, sentences.len()))
        }
        Some(_) => LanguageCheck::Fits,
        None => LanguageCheck::Unknown,
    }
}

fn seen(lang: Lang, share: f64, sentences: usize) -> LanguageSeen {
    let code = TAGS.iter().find(|(_, l)| *l == lang).map_or(lang.code(), |(tag, _)| tag);
    LanguageSeen { name: lang.eng_name(), code, share, sentences }
}

fn letters(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphabetic()).count()
}

/// At most `n` items spread evenly over `items`.
fn spread<'a>(items: impl Iterator<Item = &'a str>, n: usize) -> Vec<&'a str> {
    let all: Vec<&str> = items.collect();
    if all.len() <= n {
        return all;
    }
    (0..n).map(|k| all[k * all.len() / n]).collect()
}

/// The detector's language for a declared tag, if it knows it.
fn detectable(declared: &Language) -> Option<Lang> {
    let primary = declared.primary();
    let primary = BIBLIOGRAPHIC.iter().find(|(b, _)| *b == primary).map_or(primary.as_str(), |(_, t)| t);
    TAGS.iter().find(|(tag, _)| *tag == primary).map(|(_, lang)| *lang).or_else(|| Lang::from_code(primary))
}

/// Languages the detector confuses with each other on ordinary text: one is taken for the other.
const CLOSE: &[&[Lang]] = &[
    &[Lang::Dan, Lang::Nob],
    &[Lang::Hrv, Lang::Srp, Lang::Slv, Lang::Mkd],
    &[Lang::Ces, Lang::Slk],
    &[Lang::Cmn, Lang::Jpn],
    &[Lang::Hin, Lang::Mar, Lang::Nep],
    &[Lang::Ind, Lang::Jav, Lang::Tgl],
    &[Lang::Rus, Lang::Ukr, Lang::Bel, Lang::Bul],
    &[Lang::Spa, Lang::Cat, Lang::Por],
];

fn same_group(a: Lang, b: Lang) -> bool {
    a == b || CLOSE.iter().any(|group| group.contains(&a) && group.contains(&b))
}

/// Two-letter codes (ISO 639-1) of the languages the detector knows.
#[rustfmt::skip]
const TAGS: &[(&str, Lang)] = &[
    ("af", Lang::Afr), ("ak", Lang::Aka), ("am", Lang::Amh), ("ar", Lang::Ara), ("az", Lang::Aze),
    ("be", Lang::Bel), ("bg", Lang::Bul), ("bn", Lang::Ben), ("ca", Lang::Cat), ("cs", Lang::Ces),
    ("cy", Lang::Cym), ("da", Lang::Dan), ("de", Lang::Deu), ("el", Lang::Ell), ("en", Lang::Eng),
    ("eo", Lang::Epo), ("es", Lang::Spa), ("et", Lang::Est), ("fa", Lang::Pes), ("fi", Lang::Fin),
    ("fr", Lang::Fra), ("gu", Lang::Guj), ("he", Lang::Heb), ("hi", Lang::Hin), ("hr", Lang::Hrv),
    ("hu", Lang::Hun), ("hy", Lang::Hye), ("id", Lang::Ind), ("it", Lang::Ita), ("iw", Lang::Heb),
    ("ja", Lang::Jpn), ("jv", Lang::Jav), ("ka", Lang::Kat), ("km", Lang::Khm), ("kn", Lang::Kan),
    ("ko", Lang::Kor), ("la", Lang::Lat), ("lt", Lang::Lit), ("lv", Lang::Lav), ("mk", Lang::Mkd),
    ("ml", Lang::Mal), ("mr", Lang::Mar), ("my", Lang::Mya), ("nb", Lang::Nob), ("ne", Lang::Nep),
    ("nl", Lang::Nld), ("nn", Lang::Nob), ("no", Lang::Nob), ("or", Lang::Ori), ("pa", Lang::Pan),
    ("pl", Lang::Pol), ("pt", Lang::Por), ("ro", Lang::Ron), ("ru", Lang::Rus), ("si", Lang::Sin),
    ("sk", Lang::Slk), ("sl", Lang::Slv), ("sn", Lang::Sna), ("sr", Lang::Srp), ("sv", Lang::Swe),
    ("ta", Lang::Tam), ("te", Lang::Tel), ("th", Lang::Tha), ("tk", Lang::Tuk), ("tl", Lang::Tgl),
    ("tr", Lang::Tur), ("uk", Lang::Ukr), ("ur", Lang::Urd), ("uz", Lang::Uzb), ("vi", Lang::Vie),
    ("yi", Lang::Yid), ("zh", Lang::Cmn), ("zu", Lang::Zul),
];

/// Bibliographic three-letter codes (ISO 639-2/B) and other spellings, with the code the detector uses.
#[rustfmt::skip]
const BIBLIOGRAPHIC: &[(&str, &str)] = &[
    ("arm", "hye"), ("chi", "cmn"), ("cze", "ces"), ("dut", "nld"), ("fas", "pes"), ("fil", "tl"),
    ("fre", "fra"), ("geo", "kat"), ("ger", "deu"), ("gre", "ell"), ("mac", "mkd"), ("nno", "nob"),
    ("nor", "nob"), ("per", "pes"), ("rum", "ron"), ("slo", "slk"), ("wel", "cym"), ("zho", "cmn"),
];

#[cfg(test)]
mod tests;
