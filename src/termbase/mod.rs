//! Term bases: concepts with a preferred term and variants per language, kept as editable TOML files,
//! built from texts and translation memories, exchanged as TBX and CSV, and looked up.

mod assemble;
mod build;
mod builtin;
mod cluster;
mod curated;
pub mod delimited;
mod extract;
mod files;
mod lookup;
mod merge;
mod model;
mod rules;
mod shape;
mod units;
mod variants;

pub use build::{BuildOptions, ContextStyle, Progress, TextSource, UnitSource, build, build_with_progress};
pub use builtin::builtin;
pub use cluster::{Cluster, Member, Tier, cluster};
pub use files::{TermBaseError, parse, read, to_toml};
pub use lookup::{Match, MatchKind, TermIndex};
pub use merge::merge;
pub use model::{Concept, Kind, LangTerms, Rejection, Status, Subject, Term, TermBase};
pub(crate) use model::{concept_id, unique_id};
pub use rules::{Breach, InvalidTermBase, check};
pub use units::UnitSourceError;
pub use variants::{look_alikes, loose_key, name_key};
