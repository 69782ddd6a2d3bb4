//! `trame terms`: build, cluster, export and import term bases.

mod build;
mod cluster;
mod export;
mod import;

use super::{Failure, Outcome};
use clap::Subcommand;

/// Term bases: build them from texts and memories, cluster spellings, export and import TBX and CSV.
#[derive(Subcommand)]
pub(crate) enum Command {
    Build(build::Args),
    Cluster(cluster::Args),
    Export(export::Args),
    Import(import::Args),
}

pub(crate) fn run(command: Command) -> Result<Outcome, Failure> {
    match command {
        Command::Build(args) => build::run(args),
        Command::Cluster(args) => cluster::run(args),
        Command::Export(args) => export::run(args),
        Command::Import(args) => import::run(args),
    }
}
