//! trame: translation memories and bilingual glossaries, French-English first.
//!
//! The library does the work; the `trame` binary is a thin shell over it. So far it segments text into
//! paragraphs and sentences ([`segment`]), with built-in French and English rules or SRX 2.0 rules, and
//! decodes input files safely ([`decode`]).
//!
//! ```
//! use trame::{Language, segment::Segmenter};
//!
//! let text = "Le Belarus compte 9,5 millions d'habitants. M. Loukachenko le dirige depuis 1994.";
//! let sentences = Segmenter::builtin(&Language::french()).sentences(text);
//! assert_eq!(sentences.len(), 2);
//! assert_eq!(sentences[1].text(text), "M. Loukachenko le dirige depuis 1994.");
//! ```

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
