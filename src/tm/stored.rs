//! How a unit's variants are kept in its row: a JSON array, each variant with its canonical language
//! tag, its segment's markup and text, and its attributes and extras when it has any.

use super::lang::canonical;
use crate::tmx::{Extra, Variant};
use serde::{Deserialize, Serialize};

/// One variant as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct StoredVariant {
    pub lang: String,
    pub markup: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<(String, String)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extras: Vec<Extra>,
}

impl StoredVariant {
    /// The JSON of a unit's variants.
    pub(crate) fn write(variants: Vec<Variant>) -> String {
        let stored: Vec<StoredVariant> = variants
            .into_iter()
            .map(|v| StoredVariant {
                lang: canonical(&v.language),
                // Markup equal to the text (no codes, nothing escaped) is not stored twice.
                markup: if v.markup == v.text { MARKUP_IS_TEXT.to_string() } else { v.markup },
                text: v.text,
                attributes: v.attributes,
                extras: v.extras,
            })
            .collect();
        serde_json::to_string(&stored).expect("plain data serialises")
    }

    /// The variants of a stored unit (none if the JSON is damaged).
    pub(crate) fn parse(json: &str) -> Vec<StoredVariant> {
        let mut variants: Vec<StoredVariant> = serde_json::from_str(json).unwrap_or_default();
        for v in &mut variants {
            if v.markup == MARKUP_IS_TEXT {
                v.markup = v.text.clone();
            }
        }
        variants
    }

    /// As a TMX variant.
    pub(crate) fn into_variant(self) -> Variant {
        Variant {
            language: self.lang,
            attributes: self.attributes,
            extras: self.extras,
            markup: self.markup,
            text: self.text,
        }
    }
}

/// Stands for markup that is the text itself (a string no markup can be: a lone NUL is not XML).
const MARKUP_IS_TEXT: &str = "\u{0}";

/// JSON for a list, `[]` at once when it is empty.
pub(crate) fn json<T: Serialize>(value: &[T]) -> String {
    if value.is_empty() {
        return "[]".to_string();
    }
    serde_json::to_string(value).expect("plain data serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let variants = vec![
            Variant {
                language: "FR_fr".into(),
                markup: "a &amp; b".into(),
                text: "a & b".into(),
                ..Variant::default()
            },
            Variant { language: "en".into(), markup: "plain".into(), text: "plain".into(), ..Variant::default() },
            Variant { language: "de".into(), markup: String::new(), text: String::new(), ..Variant::default() },
        ];
        let json = StoredVariant::write(variants);
        assert!(!json.contains("\"markup\":\"plain\""), "{json}");
        let back: Vec<Variant> = StoredVariant::parse(&json).into_iter().map(StoredVariant::into_variant).collect();
        assert_eq!((back[0].language.as_str(), back[0].markup.as_str()), ("fr-FR", "a &amp; b"));
        assert_eq!(back[1].markup, "plain");
        assert_eq!(back[2].markup, "");
    }
}
