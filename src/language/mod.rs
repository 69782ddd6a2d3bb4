//! Language codes as trame uses them: a BCP 47-like tag, with French and English known by name.

pub mod detect;

use std::fmt;

/// A language, identified by its tag (`fr`, `en-GB`, `de`, ...).
///
/// French and English have built-in segmentation rules; any other tag is accepted (SRX rules may cover it)
/// and gets the language-neutral rules.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Language {
    tag: String,
}

/// The built-in rule set a language maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LanguageFamily {
    /// French (`fr`, `fr-FR`, `fr_CA`, ...).
    French,
    /// English (`en`, `en-US`, ...).
    English,
    /// Any other language: neutral rules only.
    Other,
}

impl Language {
    /// French (`fr`).
    pub fn french() -> Self {
        Language { tag: "fr".into() }
    }

    /// English (`en`).
    pub fn english() -> Self {
        Language { tag: "en".into() }
    }

    /// Parses a tag such as `fr`, `FR-fr` or `en_US`: a primary language subtag of two or three letters,
    /// then subtags of letters and digits. Returns `None` otherwise (`french`, `fr fr`, `é`).
    pub fn parse(tag: &str) -> Option<Self> {
        let tag = tag.trim().replace('_', "-");
        let mut subtags = tag.split('-');
        let primary = subtags.next()?;
        let primary_ok = (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic());
        let rest_ok = subtags.all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
        (primary_ok && rest_ok).then_some(Language { tag })
    }

    /// The tag as given (with `_` written `-`).
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The primary subtag in lower case (`fr` for `FR-ca`).
    pub fn primary(&self) -> String {
        self.tag.split('-').next().unwrap_or("").to_ascii_lowercase()
    }

    /// Which built-in rule set applies.
    pub fn family(&self) -> LanguageFamily {
        match self.primary().as_str() {
            "fr" | "fra" | "fre" => LanguageFamily::French,
            "en" | "eng" => LanguageFamily::English,
            _ => LanguageFamily::Other,
        }
    }
}

/// `tag` in the usual case (en-US, zh-Hant-TW, fr), as every reader and writer of trame spells tags: primary subtag lower case, region upper case,
/// script in title case; `_` becomes `-`.
pub fn canonical_tag(tag: &str) -> String {
    let mut out = String::with_capacity(tag.len());
    for (k, part) in tag.trim().split(['-', '_']).filter(|p| !p.is_empty()).enumerate() {
        if k > 0 {
            out.push('-');
        }
        match (k, part.len()) {
            (0, _) => out.push_str(&part.to_ascii_lowercase()),
            (_, 2) => out.push_str(&part.to_ascii_uppercase()),
            (_, 4) => {
                // By characters, not bytes: a malformed tag (fr-éab) may hold any letter.
                let mut chars = part.chars();
                out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                out.push_str(&chars.as_str().to_ascii_lowercase());
            }
            _ => out.push_str(&part.to_ascii_lowercase()),
        }
    }
    out
}

/// The primary subtag of a tag, in lower case (`fr` for `FR_ca`, `fr-FR`, ` fr `): how trame compares the
/// languages of files and of term bases.
pub fn primary_of(tag: &str) -> String {
    tag.trim().split(['-', '_']).find(|p| !p.is_empty()).unwrap_or_default().to_ascii_lowercase()
}

/// Whether `tag` is a well-formed language tag as TMX files write them (the shape of BCP 47, `_` taken for
/// `-`): subtags of 1 to 8 ASCII letters or digits, the first of letters only (`fr`, `FR-fr`, `zh-Hant-TW`,
/// `x-klingon`). Returns why it is not (`fr-éab`, `fr--FR`, `12`).
pub(crate) fn check_tag(tag: &str) -> Result<(), String> {
    let fits = |subtag: &str, digits: bool| {
        (1..=8).contains(&subtag.len())
            && subtag.bytes().all(|b| b.is_ascii_alphabetic() || (digits && b.is_ascii_digit()))
    };
    let mut subtags = tag.split(['-', '_']);
    if subtags.next().is_some_and(|primary| fits(primary, false)) && subtags.all(|subtag| fits(subtag, true)) {
        Ok(())
    } else {
        Err(format!("a malformed language tag \"{tag}\" (subtags of 1 to 8 ASCII letters or digits expected)"))
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.tag)
    }
}

/// The ISO 639-1 language codes: the languages a code given on the command line may name.
#[rustfmt::skip]
const ISO_639_1: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bi", "bm", "bn",
    "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el",
    "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv",
    "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it",
    "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky",
    "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt",
    "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa",
    "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl",
    "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn",
    "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo",
    "za", "zh", "zu",
];

/// Three-letter codes (ISO 639-2) of common languages, and the two-letter code to write instead.
#[rustfmt::skip]
const THREE_LETTERS: &[(&str, &str)] = &[
    ("ara", "ar"), ("chi", "zh"), ("deu", "de"), ("dut", "nl"), ("eng", "en"), ("fra", "fr"), ("fre", "fr"),
    ("ger", "de"), ("ita", "it"), ("jpn", "ja"), ("nld", "nl"), ("pol", "pl"), ("por", "pt"), ("rus", "ru"),
    ("spa", "es"), ("ukr", "uk"), ("zho", "zh"),
];

impl Language {
    /// Parses a language code given by a person (on the command line): a well-formed tag whose primary
    /// subtag is an ISO 639-1 code (`fr`, `en-GB`, `de`), with a message naming the codes trame knows
    /// otherwise (`xx`, `fra`, `french`). Tags read from files go through [`parse`](Self::parse), which
    /// takes any well-formed tag.
    pub fn parse_code(code: &str) -> Result<Language, LanguageCodeError> {
        let Some(language) = Language::parse(code) else {
            return Err(LanguageCodeError::NotACode(code.to_string()));
        };
        let primary = language.primary();
        if ISO_639_1.binary_search(&primary.as_str()).is_ok() {
            return Ok(language);
        }
        match THREE_LETTERS.iter().find(|(three, _)| *three == primary) {
            Some((_, two)) => Err(LanguageCodeError::ThreeLetters { code: code.to_string(), two }),
            None => Err(LanguageCodeError::Unknown(code.to_string())),
        }
    }
}

/// A language code given by a person that trame does not take; the message names the codes it takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LanguageCodeError {
    /// Not a language tag at all (`french`, `fr-`).
    NotACode(String),
    /// A three-letter code where the two-letter one is expected (`fra` for `fr`).
    ThreeLetters {
        /// The code as given.
        code: String,
        /// The two-letter code to write instead.
        two: &'static str,
    },
    /// A well-formed tag whose language is not an ISO 639-1 code (`xx`).
    Unknown(String),
}

impl fmt::Display for LanguageCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LanguageCodeError::NotACode(code) => write!(f, "'{code}' is not a language code")?,
            LanguageCodeError::ThreeLetters { code, two } => write!(f, "'{code}': write the two-letter code {two}")?,
            LanguageCodeError::Unknown(code) => write!(f, "'{code}' is not a language trame knows")?,
        }
        f.write_str(
            "; trame has built-in rules for fr and en, and takes any other ISO 639-1 code (de, es, it, ...) with \
             SRX rules, optionally with a region (en-GB, fr-CA)",
        )
    }
}

impl std::error::Error for LanguageCodeError {}

impl std::str::FromStr for Language {
    type Err = LanguageCodeError;

    /// [`Language::parse_code`]: the strict parse, for codes people type.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Language::parse_code(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(tag: &str, family: LanguageFamily, primary: &str) {
        let lang = Language::parse(tag).expect("valid tag");
        assert_eq!(lang.family(), family, "{tag}");
        assert_eq!(lang.primary(), primary, "{tag}");
    }

    #[test]
    fn tags_give_their_family_and_primary_subtag() {
        case("fr", LanguageFamily::French, "fr");
        case("FR-ca", LanguageFamily::French, "fr");
        case("fr_FR", LanguageFamily::French, "fr");
        case("en-GB", LanguageFamily::English, "en");
        case("de", LanguageFamily::Other, "de");
    }

    #[test]
    fn codes_people_type_must_name_a_language() {
        assert!(ISO_639_1.windows(2).all(|w| w[0] < w[1]), "sorted, for the binary search");
        assert!(THREE_LETTERS.windows(2).all(|w| w[0].0 < w[1].0), "sorted");
        for code in ["fr", "en", "en-GB", "fr_CA", "de", "zh-Hant-TW", "FR"] {
            assert!(Language::parse_code(code).is_ok(), "{code}");
        }
        for code in ["xx", "xx-yy", "fra", "french", "", "fr-", "x-klingon"] {
            let error = Language::parse_code(code).unwrap_err().to_string();
            assert!(error.contains("built-in rules for fr and en"), "{error}");
        }
        assert!(Language::parse_code("fra").unwrap_err().to_string().contains("write the two-letter code fr"));
        assert_eq!("en-GB".parse::<Language>().unwrap().tag(), "en-GB");
    }

    #[test]
    fn rejects_garbage() {
        assert!(Language::parse("").is_none());
        assert!(Language::parse("fr fr").is_none());
        assert!(Language::parse("é").is_none());
        assert!(Language::parse("french").is_none());
        assert!(Language::parse("fr-").is_none());
    }

    #[test]
    fn tags_of_ascii_subtags_are_well_formed() {
        for tag in ["fr", "FR-fr", "en_US", "zh-Hant-TW", "x-klingon", "es-419", "sgn-BE-FR"] {
            assert_eq!(check_tag(tag), Ok(()), "{tag}");
        }
        for tag in ["", "fr-éab", "é", "fr--FR", "fr-", "12", "fr FR", "abcdefghi", "fr-abcdefghi", "*all*"] {
            assert!(check_tag(tag).is_err(), "{tag}");
        }
        assert!(check_tag("fr-éab").unwrap_err().contains("\"fr-éab\""));
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_checked_and_parsed_without_panic(tag in "\\PC*") {
            let _ = check_tag(&tag);
            if let Some(language) = Language::parse(&tag) {
                language.primary();
                language.family();
            }
        }
    }
}
