//! trame: translation memories and bilingual glossaries, French-English first.
//!
//! The library does the work; the `trame` binary is a thin shell over it (it parses arguments, calls
//! these modules and maps their results to output and exit codes). Nothing here prints or exits.
//!
//! ```
//! use trame::align::{AlignSide, Aligner};
//! use trame::termbase::{TermIndex, builtin};
//! use trame::tmx::{Item, TmxHeader, TmxReader, TmxWriter, Unit};
//! use trame::Language;
//!
//! // Segment and align a text and its translation.
//! let fr = "M. Loukachenko dirige le pays depuis 1994. Il a parlé à Minsk.";
//! let en = "Mr. Lukashenko has led the country since 1994. He spoke in Minsk.";
//! let source = AlignSide::segment(fr, Language::french());
//! let target = AlignSide::segment(en, Language::english());
//! let alignment = Aligner::default().align(&source, &target);
//! assert_eq!(alignment.beads.len(), 2);
//!
//! // Write the pairs as TMX, then stream the file back one unit at a time.
//! let mut writer = TmxWriter::new(Vec::new(), &TmxHeader::new("fr", "20261205T120000Z"))?;
//! for bead in alignment.beads.iter().filter(|b| b.is_link()) {
//!     let mut unit = Unit::new();
//!     unit.add_variant("fr", source.sentence(bead.source.start));
//!     unit.add_variant("en", target.sentence(bead.target.start));
//!     writer.write_unit(&unit)?;
//! }
//! let xml = writer.finish()?;
//! let mut reader = TmxReader::new(xml.as_slice(), "pairs.tmx")?;
//! let Some(Item::Unit(first)) = reader.next_item()? else { panic!("a unit was written") };
//! assert_eq!(first.variants[1].text, "Mr. Lukashenko has led the country since 1994.");
//!
//! // Look a spelling up in the term base compiled into trame.
//! let base = builtin();
//! let found = TermIndex::new(&base).lookup("Lukachenko", None, 1);
//! assert_eq!(base.concepts[found[0].concept].preferred("fr"), Some("Loukachenko"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Modules
//!
//! - [`segment`]: paragraphs and sentences, with byte ranges into the text, by the built-in French and
//!   English rules or SRX 2.0 rules.
//! - [`align`]: which sentences of a text translate which of another, with a confidence per link, and
//!   the outputs of an alignment (TMX, TSV, JSON lines, the HTML review page).
//! - [`tmx`]: TMX 1.4b, streamed in ([`tmx::TmxReader`]) and out ([`tmx::TmxWriter`]).
//! - [`tm`]: the translation memory, an SQLite database filled from TMX and alignments, searched with
//!   fuzzy match scores.
//! - [`termbase`]: term bases (concepts, preferred terms and variants per language) in TOML files: built
//!   from texts and memories, clustered by spelling, merged, looked up, exchanged as CSV and TSV.
//! - [`tbx`]: TBX v2 and v3, the term base exchange format of CAT tools.
//! - [`normalize`]: a term base's deprecated spellings found in a document, reported or replaced.
//! - [`check`]: a translation checked against the term base, the memory and its source (numbers, codes,
//!   typography) before delivery.
//! - [`fold`]: case, accent and transliteration folding, for comparing spellings.
//! - [`language`]: language tags, and guessing a text's language.
//! - [`decode`]: input bytes to text (a BOM, a declared encoding, or a refusal with its position).
//! - [`files`]: writing users' files whole or not at all, several at once with a journal.
//! - [`position`]: line and column numbers of byte offsets, for messages.

pub mod align;
pub mod check;
pub mod decode;
pub mod files;
pub mod fold;
pub mod language;
pub mod normalize;
pub mod position;
pub mod segment;
pub mod tbx;
pub mod termbase;
pub mod tm;
pub mod tmx;
mod xml;

pub use language::{Language, LanguageFamily};

/// The Rust examples of the README, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
