//! Writing users' files safely: whole or not at all, never through a link someone planted, keeping the
//! owner, group and mode of what is replaced, and recoverable when several files are replaced together.
//!
//! - [`write_whole`] writes one file through a temporary beside it (created exclusively, under an
//!   unpredictable name) that is renamed over the file only once complete.
//! - [`Rewrite`] replaces several files as one change: every new version is written first, then a journal
//!   is committed, then the files are replaced; an interrupted change is finished (or, before its commit,
//!   undone) by [`recover`], which also removes the temporaries the change owned.
//! - A [`Rewrite`] asked for backups keeps each original as `FILE.bak` (`FILE.bak.2`...), created
//!   exclusively.
//! - [`FileId`] tells two names of one file apart from two files (a link and its target, a file named
//!   twice).

mod backup;
mod identity;
mod journal;
mod recover;
mod rewrite;
mod whole;

pub(crate) use backup::make_backup;
pub use identity::{FileId, same_file};
pub use recover::{Recovered, Recovery, find_journals, recover};
pub use rewrite::{Replaced, Rewrite};
pub(crate) use whole::sync_folder;
pub use whole::write_whole;

/// How the names of the files trame creates beside a user's file end: temporaries and journals.
pub const TEMPORARY_SUFFIX: &str = ".trame.tmp";
