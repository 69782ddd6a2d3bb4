//! A translation unit as a TMX file holds it, for memories that keep everything: the unit's and each
//! variant's attributes, properties and notes, and each segment's markup (Level 2 inline codes) as well
//! as its plain text.

use serde::{Deserialize, Serialize};

/// A `<prop>` or a `<note>`, in the order written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "is", rename_all = "lowercase")]
pub enum Extra {
    /// `<prop type="...">value</prop>`.
    Prop {
        /// `type`.
        kind: String,
        /// `xml:lang`, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lang: Option<String>,
        /// The text.
        value: String,
    },
    /// `<note>value</note>`.
    Note {
        /// `xml:lang`, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lang: Option<String>,
        /// The text.
        value: String,
    },
}

/// The `<header>` of a TMX file as read: its attributes as written, properties and notes.
///
/// Writing takes a [`TmxHeader`](super::TmxHeader) instead, whose fields are the attributes trame sets
/// itself: a header read keeps whatever another tool wrote (its `creationtool`, its own attributes), which
/// a file trame writes must not claim, so the two stay apart.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// (name, value) as written.
    pub attributes: Vec<(String, String)>,
    /// Properties and notes.
    pub extras: Vec<Extra>,
}

impl Header {
    /// The value of an attribute.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        attribute(&self.attributes, name)
    }
}

/// One language variant of a unit (`<tuv>`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Variant {
    /// The language tag as written (`xml:lang`, or `lang` in TMX 1.1).
    pub language: String,
    /// The other attributes, as written.
    pub attributes: Vec<(String, String)>,
    /// Properties and notes.
    pub extras: Vec<Extra>,
    /// The content of `<seg>` as XML: text escaped, inline codes as written (`ut` becomes `ph`), without
    /// the characters XML 1.0 forbids.
    pub markup: String,
    /// The text of the segment: references resolved, the content of inline codes left out (that of `hi`
    /// kept).
    pub text: String,
}

impl Variant {
    /// Plain `text` in `language`: its markup is the text escaped, and neither holds the characters
    /// XML 1.0 forbids.
    pub fn new(language: &str, text: &str) -> Self {
        Variant {
            language: language.to_string(),
            attributes: Vec::new(),
            extras: Vec::new(),
            markup: crate::xml::text(text),
            text: text.chars().filter(|&c| crate::xml::allowed(c)).collect(),
        }
    }
}

/// A translation unit (`<tu>`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unit {
    /// Attributes as written (tuid, creationdate, srclang...).
    pub attributes: Vec<(String, String)>,
    /// Properties and notes.
    pub extras: Vec<Extra>,
    /// The variants, in order.
    pub variants: Vec<Variant>,
}

impl Unit {
    /// A unit with nothing in it yet.
    pub fn new() -> Self {
        Unit::default()
    }

    /// Adds the plain `text` of the unit in `language` (see [`Variant::new`]).
    pub fn add_variant(&mut self, language: &str, text: &str) {
        self.variants.push(Variant::new(language, text));
    }

    /// Adds a property, `<prop type="kind">value</prop>`.
    pub fn add_prop(&mut self, kind: &str, value: &str) {
        self.extras.push(Extra::Prop { kind: kind.to_string(), lang: None, value: value.to_string() });
    }

    /// The value of an attribute.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        attribute(&self.attributes, name)
    }
}

fn attribute<'a>(attributes: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}
