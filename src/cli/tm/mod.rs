//! `trame tm`: translation memories: import TMX, export, statistics, fuzzy search and concordance, and
//! keeping them: deleting and editing units.

mod concordance;
mod delete;
mod edit;
mod export;
mod import;
mod search;
mod stats;

use super::{Failure, Outcome};
use clap::Subcommand;
use std::path::{Path, PathBuf};
use trame::tm::Memory;

/// Translation memories: import TMX files, export them, count, search with match scores or by phrase,
/// delete and edit units.
#[derive(Subcommand)]
pub(crate) enum Command {
    Import(import::Args),
    Export(export::Args),
    Stats(stats::Args),
    Search(search::Args),
    Delete(delete::Args),
    Edit(edit::Args),
}

pub(crate) fn run(command: Command) -> Result<Outcome, Failure> {
    match command {
        Command::Import(args) => import::run(args),
        Command::Export(args) => export::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Search(args) => search::run(args),
        Command::Delete(args) => delete::run(args),
        Command::Edit(args) => edit::run(args),
    }
}

/// Which memory a command uses.
#[derive(clap::Args)]
pub(crate) struct MemoryArgs {
    /// The memory file, or a PostgreSQL database a team shares (postgres://user@host/database). Default:
    /// $TRAME_TM, else trame/memory.sqlite in the platform's data folder (~/.local/share on Linux,
    /// ~/Library/Application Support on macOS, %APPDATA% on Windows).
    #[arg(long, value_name = "PATH")]
    tm: Option<PathBuf>,
}

impl MemoryArgs {
    pub(crate) fn path(&self) -> PathBuf {
        self.tm.clone().unwrap_or_else(trame::tm::default_path)
    }

    /// The memory's PostgreSQL URL, when it is one rather than a file.
    pub(crate) fn postgres_url(&self) -> Option<String> {
        postgres_url(&self.path())
    }

    /// The memory, created when missing.
    pub(crate) fn open(&self) -> Result<Memory, Failure> {
        open(&self.path())
    }

    /// The memory, which must exist.
    pub(crate) fn open_existing(&self) -> Result<Memory, Failure> {
        match self.postgres_url() {
            Some(url) => Memory::open_existing_location(&url),
            None => Memory::open_existing(&self.path()),
        }
        .map_err(Failure::error)
    }
}

/// `path` when it is a PostgreSQL URL (`postgres://…`) rather than a file.
fn postgres_url(path: &Path) -> Option<String> {
    path.to_str().filter(|s| trame::tm::is_postgres_url(s)).map(str::to_string)
}

/// The memory at `path` (a file, or a PostgreSQL URL), created when missing.
pub(crate) fn open(path: &Path) -> Result<Memory, Failure> {
    match postgres_url(path) {
        Some(url) => Memory::open_location(&url),
        None => Memory::open(path),
    }
    .map_err(Failure::error)
}
