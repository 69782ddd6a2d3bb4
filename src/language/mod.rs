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

impl std::str::FromStr for Language {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Language::parse(s).ok_or_else(|| format!("'{s}' is not a language code (expected e.g. fr, en, en-GB)"))
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
    fn families() {
        case("fr", LanguageFamily::French, "fr");
        case("FR-ca", LanguageFamily::French, "fr");
        case("fr_FR", LanguageFamily::French, "fr");
        case("en-GB", LanguageFamily::English, "en");
        case("de", LanguageFamily::Other, "de");
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
