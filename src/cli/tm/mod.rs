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
use std::path::PathBuf;
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
    /// The memory file. Default: $TRAME_TM, else trame/memory.sqlite in the platform's data folder
    /// (~/.local/share on Linux, ~/Library/Application Support on macOS, %APPDATA% on Windows).
    #[arg(long, value_name = "PATH")]
    tm: Option<PathBuf>,
}

impl MemoryArgs {
    pub(crate) fn path(&self) -> PathBuf {
        self.tm.clone().unwrap_or_else(trame::tm::default_path)
    }

    /// The memory, created when missing.
    pub(crate) fn open(&self) -> Result<Memory, Failure> {
        Memory::open(&self.path()).map_err(Failure::error)
    }

    /// The memory, which must exist.
    pub(crate) fn open_existing(&self) -> Result<Memory, Failure> {
        Memory::open_existing(&self.path()).map_err(Failure::error)
    }
}
