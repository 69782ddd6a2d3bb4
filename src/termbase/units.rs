//! Translation units for a build, streamed from a TMX file: of each unit, only the two texts a build
//! reads are kept.

use super::build::UnitSource;
use crate::language::Language;
use crate::tmx::{Item, TmxError, TmxReader, Unit};
use std::fmt;
use std::io::Read;

/// Why a TMX file gives no units to build from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitSourceError {
    /// The file could not be read as TMX.
    Tmx(TmxError),
    /// Neither the header (`srclang`) nor a unit says what the source language is.
    NoSourceLanguage {
        /// The file.
        file: String,
    },
    /// No unit holds a text in the source language and one in another language.
    NoBilingualUnit {
        /// The file.
        file: String,
    },
}

impl fmt::Display for UnitSourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UnitSourceError::Tmx(error) => error.fmt(f),
            UnitSourceError::NoSourceLanguage { file } => write!(f, "{file}: no source language"),
            UnitSourceError::NoBilingualUnit { file } => write!(f, "{file}: no bilingual unit"),
        }
    }
}

impl std::error::Error for UnitSourceError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            UnitSourceError::Tmx(error) => Some(error),
            _ => None,
        }
    }
}

impl From<TmxError> for UnitSourceError {
    fn from(error: TmxError) -> Self {
        UnitSourceError::Tmx(error)
    }
}

impl UnitSource {
    /// Reads the units of a TMX file one at a time and keeps, of each, the text of its first variant in
    /// the source language and of its first variant in another language; `name` is recorded where
    /// terms are seen. The source language is the header's `srclang`, else the language of the first
    /// unit's first variant; the target language is that of the first pair's target. Units the reader
    /// leaves out, and units without both texts, are passed over.
    pub fn from_tmx<R: Read>(mut reader: TmxReader<R>, name: String) -> Result<UnitSource, UnitSourceError> {
        let mut source_language =
            reader.header().attribute("srclang").filter(|l| *l != "*all*").and_then(Language::parse);
        let mut target_language: Option<Language> = None;
        let mut pairs = Vec::new();
        let mut first = true;
        while let Some(item) = reader.next_item()? {
            let Item::Unit(unit) = item else { continue };
            if std::mem::take(&mut first) && source_language.is_none() {
                source_language = unit.variants.first().and_then(|v| Language::parse(&v.language));
            }
            let Some(source) = &source_language else { continue };
            if let Some((text, translation, language)) = pair(unit, &source.primary()) {
                target_language.get_or_insert(language);
                pairs.push((text, translation));
            }
        }
        let file = || reader.name().to_string();
        let source_language = source_language.ok_or_else(|| UnitSourceError::NoSourceLanguage { file: file() })?;
        let target_language = target_language.ok_or_else(|| UnitSourceError::NoBilingualUnit { file: file() })?;
        Ok(UnitSource { name, source_language, target_language, pairs })
    }
}

/// The text of the first variant of `unit` whose primary language is `source`, that of the first whose
/// primary language is another, and that language.
fn pair(unit: Unit, source: &str) -> Option<(String, String, Language)> {
    let mut text = None;
    let mut translation = None;
    for variant in unit.variants {
        let Some(language) = Language::parse(&variant.language) else { continue };
        if language.primary() == source {
            text.get_or_insert(variant.text);
        } else if translation.is_none() {
            translation = Some((variant.text, language));
        }
    }
    let (translation, language) = translation?;
    Some((text?, translation, language))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(xml: &str) -> Result<UnitSource, UnitSourceError> {
        UnitSource::from_tmx(TmxReader::new(xml.as_bytes(), "t.tmx").unwrap(), "t.tmx".into())
    }

    #[test]
    fn each_unit_gives_its_source_text_and_its_first_translation() {
        let source = units(
            r#"<tmx version="1.4"><header srclang="fr-FR"/><body>
            <tu><tuv xml:lang="en-GB"><seg>Hello</seg></tuv><tuv xml:lang="fr"><seg>Bonjour</seg></tuv>
                <tuv xml:lang="de"><seg>Hallo</seg></tuv></tu>
            <tu><tuv xml:lang="fr"><seg>Seul</seg></tuv></tu>
            <tu><tuv xml:lang="de"><seg>Danke</seg></tuv><tuv xml:lang="fr"><seg>Merci</seg></tuv></tu>
            </body></tmx>"#,
        )
        .unwrap();
        assert_eq!((source.source_language.tag(), source.target_language.tag()), ("fr-FR", "en-GB"));
        assert_eq!(source.pairs, [("Bonjour".into(), "Hello".into()), ("Merci".into(), "Danke".into())]);
    }

    #[test]
    fn without_srclang_the_first_unit_says_the_source_language() {
        let source = units(
            r#"<tmx version="1.4"><header srclang="*all*"/><body>
            <tu><tuv xml:lang="en"><seg>Hello</seg></tuv><tuv xml:lang="fr"><seg>Bonjour</seg></tuv></tu>
            </body></tmx>"#,
        )
        .unwrap();
        assert_eq!(source.pairs, [("Hello".into(), "Bonjour".into())]);
    }

    #[test]
    fn a_file_without_languages_or_pairs_says_which_is_missing() {
        let empty = r#"<tmx version="1.4"><header/><body></body></tmx>"#;
        assert_eq!(units(empty).unwrap_err().to_string(), "t.tmx: no source language");
        let one = r#"<tmx version="1.4"><header srclang="fr"/><body>
            <tu><tuv xml:lang="fr"><seg>Seul</seg></tuv></tu></body></tmx>"#;
        assert_eq!(units(one).unwrap_err().to_string(), "t.tmx: no bilingual unit");
    }
}
