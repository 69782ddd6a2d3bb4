//! TMX 1.4b (Translation Memory eXchange), the format CAT tools exchange memories in.
//!
//! [`TmxWriter`] streams units to any `io::Write`: a header, then one `<tu>` per
//! [`TranslationUnit`], with nothing added inside `<seg>` and the characters XML 1.0 forbids left out.
//!
//! ```
//! use trame::tmx::{TmxHeader, TmxWriter, TranslationUnit};
//!
//! let header = TmxHeader::new("fr", "20261122T090000Z");
//! let mut writer = TmxWriter::new(Vec::new(), &header).unwrap();
//! let mut unit = TranslationUnit::new();
//! unit.add_variant("fr", "Bonjour & bienvenue.");
//! unit.add_variant("en", "Hello & welcome.");
//! unit.add_prop("x-confidence", "0.97");
//! writer.write_unit(&unit).unwrap();
//! let xml = String::from_utf8(writer.finish().unwrap()).unwrap();
//! assert!(xml.contains("<seg>Bonjour &amp; bienvenue.</seg>"));
//! assert!(xml.contains(r#"srclang="fr""#));
//! ```

mod codes;
mod date;
mod fence;
mod read;
mod stream;
mod unit;
mod write;

pub use date::utc_timestamp;
pub use fence::{DEFAULT_MAX_SEGMENT_SIZE, ReadLimits, UNIT_SIZE_FACTOR};
pub use read::{TmxDocument, TmxError, UnitProblem, read};
pub use stream::{Item, TmxReader};
pub use unit::{Extra, Header, Unit, Variant};
pub use write::{TmxHeader, TmxWriter};

/// One translation unit: the same text in several languages, with properties.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TranslationUnit {
    /// (language tag, text) in order.
    pub variants: Vec<(String, String)>,
    /// (type, value) properties, written as `<prop type="...">`.
    pub props: Vec<(String, String)>,
    /// `creationdate` as YYYYMMDDThhmmssZ, if known.
    pub creation_date: Option<String>,
}

impl TranslationUnit {
    /// An empty unit.
    pub fn new() -> Self {
        TranslationUnit::default()
    }

    /// Adds the text of the unit in `language`.
    pub fn add_variant(&mut self, language: &str, text: &str) {
        self.variants.push((language.to_string(), text.to_string()));
    }

    /// Adds a property.
    pub fn add_prop(&mut self, kind: &str, value: &str) {
        self.props.push((kind.to_string(), value.to_string()));
    }
}
