//! Language codes as trame uses them: a BCP 47-like tag, with French and English known by name.

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
}
