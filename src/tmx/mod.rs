//! TMX 1.4b (Translation Memory eXchange), the format CAT tools exchange memories in.
//!
//! # Reading
//!
//! [`TmxReader`] streams a file of any size one `<tu>` at a time: [`TmxReader::open`] takes any encoding
//! (a byte order mark, or what the XML declaration names), [`TmxReader::new`] text already in UTF-8.
//! The header comes first ([`TmxReader::header`]); then [`TmxReader::next_item`] gives each unit as a
//! [`Unit`] (every attribute, property and note, each segment's markup and plain text), or, for a unit
//! that breaks the format (no variant, a malformed language tag, a segment longer than its
//! [`ReadLimits`]), an [`Item::Skipped`] naming the problem and where it is; reading goes on after it.
//! Only XML that is not well-formed ends the reading, with a [`TmxError`].
//!
//! ```
//! use trame::tmx::{Item, TmxReader};
//!
//! let xml = r#"<tmx version="1.4"><header srclang="fr"/><body>
//!   <tu><tuv xml:lang="fr"><seg>Bonjour <bpt i="1">&lt;b&gt;</bpt>tous<ept i="1">&lt;/b&gt;</ept></seg></tuv>
//!       <tuv xml:lang="en"><seg>Hello all</seg></tuv></tu>
//!   <tu></tu>
//! </body></tmx>"#;
//! let mut reader = TmxReader::new(xml.as_bytes(), "memory.tmx").unwrap();
//! assert_eq!(reader.header().attribute("srclang"), Some("fr"));
//! let Some(Item::Unit(unit)) = reader.next_item().unwrap() else { panic!("a unit") };
//! assert_eq!(unit.variants[0].text, "Bonjour tous");
//! assert!(matches!(reader.next_item().unwrap(), Some(Item::Skipped(_))));
//! assert_eq!(reader.next_item().unwrap(), None);
//! ```
//!
//! # Writing
//!
//! [`TmxWriter`] streams units to any `io::Write`: a header, then one `<tu>` per [`Unit`] (the one type
//! for units read and written: plain text made with [`Unit::add_variant`], or a unit read, with its
//! markup, properties and notes, as a memory keeps it), with nothing added inside `<seg>` and the
//! characters XML 1.0 forbids left out.
//!
//! ```
//! use trame::tmx::{TmxHeader, TmxWriter, Unit};
//!
//! let header = TmxHeader::new("fr", "20261122T090000Z");
//! let mut writer = TmxWriter::new(Vec::new(), &header).unwrap();
//! let mut unit = Unit::new();
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
mod error;
mod fence;
mod stream;
mod unit;
mod write;

pub use date::utc_timestamp;
pub use error::{TmxError, UnitProblem};
pub use fence::{DEFAULT_MAX_SEGMENT_SIZE, ReadLimits, UNIT_SIZE_FACTOR};
pub use stream::{Item, TmxReader};
pub use unit::{Extra, Header, Unit, Variant};
pub use write::{TmxHeader, TmxWriter};
