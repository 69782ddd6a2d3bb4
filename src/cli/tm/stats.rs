//! `trame tm stats`: how many units a memory holds, in which languages.

use super::MemoryArgs;
use crate::cli::{Failure, Outcome};
use clap::ValueEnum;
use std::io::Write;

/// Count the units of a memory and list its languages.
#[derive(clap::Args)]
#[command(after_help = "Examples:\n  trame tm stats\n  trame tm stats --tm project.sqlite --format json")]
pub(crate) struct Args {
    #[command(flatten)]
    memory: MemoryArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Two lines: units, languages.
    Text,
    /// `{"units": N, "languages": [...]}`.
    Json,
}

pub(crate) fn run(args: Args) -> Result<Outcome, Failure> {
    let memory = args.memory.open_existing()?;
    let stats = memory.stats().map_err(Failure::error)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        Format::Text => writeln!(out, "units: {}\nlanguages: {}", stats.units, stats.languages.join(", ")),
        Format::Json => {
            serde_json::to_writer(&mut out, &stats).map_err(std::io::Error::from).and_then(|()| writeln!(out))
        }
    };
    written.map_err(|e| Failure::write(e, "to standard output"))?;
    Ok(Outcome::Done)
}
