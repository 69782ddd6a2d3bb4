//! TBX (TermBase eXchange, ISO 30042): the term base interchange format of CAT tools.
//!
//! [`write()`] produces TBX-Basic v3 in DCA style (one `termSec` per form, the status as
//! `administrativeStatus`, variants as `termType` variant, short or full form), or TBX v2 (`martif`) for
//! the tools that read only that. [`read`] takes v2 and v3, `tig` and `ntig`, DCA and DCT.
//!
//! ```
//! use trame::tbx::{TbxVersion, read, write};
//! use trame::termbase::{Concept, LangTerms, Status, Term, TermBase};
//!
//! let mut concept = Concept { id: "kyiv".into(), ..Concept::default() };
//! concept.languages.insert("fr".into(), LangTerms { preferred: Term::new("Kiev", Status::Preferred), variants: vec![] });
//! let base = TermBase { concepts: vec![concept], rejected: vec![] };
//! let mut xml = Vec::new();
//! write(&base, TbxVersion::V3Basic, &mut xml).unwrap();
//! let back = read(std::str::from_utf8(&xml).unwrap(), "kyiv.tbx").unwrap();
//! assert_eq!(back.concepts[0].preferred("fr"), Some("Kiev"));
//! ```

mod read;
mod write;

pub use read::{EntryProblem, TbxDocument, TbxError, read, read_bytes};
pub use write::{TbxVersion, write, write_with_source};
