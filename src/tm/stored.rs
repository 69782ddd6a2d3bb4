//! How a unit's variants are kept in its row: a JSON array, each variant with its canonical language
//! tag (`l`), its segment's text (`t`), its markup (`m`) when that is not the text itself, and its
//! attributes (`a`) and extras (`x`) when it has any. Short names keep rows small (memories written
//! before schema version 3 spell them out, with `"\u0000"` for markup equal to the text; both read).

use crate::tmx::{Extra, Variant};
use serde::{Deserialize, Serialize};

/// One variant as stored, read back (written from the unit read through [`StoredRef`]).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub(crate) struct StoredVariant {
    #[serde(rename = "l", alias = "lang")]
    pub lang: String,
    #[serde(rename = "m", alias = "markup", default)]
    pub markup: String,
    #[serde(rename = "t", alias = "text")]
    pub text: String,
    #[serde(rename = "a", alias = "attributes", default)]
    pub attributes: Vec<(String, String)>,
    #[serde(rename = "x", alias = "extras", default)]
    pub extras: Vec<Extra>,
}

impl StoredVariant {
    /// The JSON of a unit's variants, with their canonical language tags (`languages`, in order).
    pub(crate) fn write(variants: &[Variant], languages: &[String]) -> String {
        let stored: Vec<StoredRef<'_>> = variants
            .iter()
            .zip(languages)
            .map(|(v, language)| StoredRef {
                lang: language,
                // Markup equal to the text (no codes, nothing escaped) is not stored twice. (Markup is never
                // empty when the text is not: the text is read from it.)
                markup: if v.markup == v.text { "" } else { &v.markup },
                text: &v.text,
                attributes: &v.attributes,
                extras: &v.extras,
            })
            .collect();
        serde_json::to_string(&stored).expect("plain data serialises")
    }

    /// The variants of a stored unit (none if the JSON is damaged).
    pub(crate) fn parse(json: &str) -> Vec<StoredVariant> {
        let mut variants: Vec<StoredVariant> = serde_json::from_str(json).unwrap_or_default();
        for v in &mut variants {
            if v.markup.is_empty() || v.markup == OLD_MARKUP_IS_TEXT {
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

/// A variant as it is written, borrowed from the unit read (the names [`StoredVariant`] reads, in the same
/// order).
#[derive(Serialize)]
struct StoredRef<'v> {
    #[serde(rename = "l")]
    lang: &'v str,
    #[serde(rename = "m", skip_serializing_if = "str::is_empty")]
    markup: &'v str,
    #[serde(rename = "t")]
    text: &'v str,
    #[serde(rename = "a", skip_serializing_if = "<[_]>::is_empty")]
    attributes: &'v [(String, String)],
    #[serde(rename = "x", skip_serializing_if = "<[_]>::is_empty")]
    extras: &'v [Extra],
}

/// Stood for markup that is the text itself before schema version 3 (a lone NUL is not XML).
const OLD_MARKUP_IS_TEXT: &str = "\u{0}";

/// JSON for a list, `[]` at once when it is empty.
pub(crate) fn json<T: Serialize>(value: &[T]) -> String {
    if value.is_empty() {
        return "[]".to_string();
    }
    serde_json::to_string(value).expect("plain data serialises")
}

#[cfg(test)]
mod tests {
    use super::super::lang::canonical;
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
        let languages: Vec<String> = variants.iter().map(|v| canonical(&v.language)).collect();
        let json = StoredVariant::write(&variants, &languages);
        assert!(json.starts_with(r#"[{"l":"fr-FR","m":"a &amp; b","t":"a & b"},{"l":"en","t":"plain"}"#), "{json}");
        let back: Vec<Variant> = StoredVariant::parse(&json).into_iter().map(StoredVariant::into_variant).collect();
        assert_eq!((back[0].language.as_str(), back[0].markup.as_str()), ("fr-FR", "a &amp; b"));
        assert_eq!(back[1].markup, "plain");
        assert_eq!(back[2].markup, "");
    }

    #[test]
    fn reads_what_older_memories_hold() {
        let old = r#"[{"lang":"fr","markup":"\u0000","text":"Le chat."},{"lang":"en","markup":"<b>A</b>","text":"A","extras":[]}]"#;
        let back = StoredVariant::parse(old);
        assert_eq!(back.len(), 2);
        assert_eq!(
            (back[0].lang.as_str(), back[0].markup.as_str(), back[0].text.as_str()),
            ("fr", "Le chat.", "Le chat.")
        );
        assert_eq!((back[1].markup.as_str(), back[1].text.as_str()), ("<b>A</b>", "A"));
    }
}
