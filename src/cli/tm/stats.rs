//! `trame tm stats`: how many units a memory holds, in which languages, and its units and words by
//! language pair and by origin.

use super::MemoryArgs;
use crate::cli::{Failure, Outcome};
use clap::ValueEnum;
use serde::Serialize;
use std::io::Write;
use trame::tm::{OriginStats, PairStats};

/// Count the units of a memory, list its languages, and its units and words by language pair and origin.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  trame tm stats
  trame tm stats --tm project.sqlite --format json

Words are runs of letters and digits. A pair counts the units that have both languages (a unit in three
languages counts in three pairs); an origin counts the units that came from it (a unit that came from two
files counts in both). Every unit is read: a few seconds for a million.")]
pub(crate) struct Args {
    #[command(flatten)]
    memory: MemoryArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Units, languages, words, then a line per pair and per origin.
    Text,
    /// `{"units", "languages", "words", "pairs": [{"languages", "units", "words"}], "origins": [{"origin",
    /// "units", "words"}]}`.
    Json,
}

#[derive(Serialize)]
struct Report<'a> {
    units: u64,
    languages: &'a [String],
    words: u64,
    pairs: &'a [PairStats],
    origins: &'a [OriginStats],
}

pub(crate) fn run(args: Args) -> Result<Outcome, Failure> {
    let memory = args.memory.open_existing()?;
    let stats = memory.stats().map_err(Failure::error)?;
    let breakdown = memory.breakdown().map_err(Failure::error)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        Format::Text => (|| {
            writeln!(
                out,
                "units: {}\nlanguages: {}\nwords: {}",
                stats.units,
                stats.languages.join(", "),
                breakdown.words
            )?;
            if !breakdown.pairs.is_empty() {
                writeln!(out, "pairs:")?;
            }
            for pair in &breakdown.pairs {
                let [a, b] = &pair.languages;
                writeln!(
                    out,
                    "  {a} / {b}: {} unit{}, {} {a} words, {} {b} words",
                    pair.units,
                    if pair.units == 1 { "" } else { "s" },
                    pair.words[0],
                    pair.words[1]
                )?;
            }
            if !breakdown.origins.is_empty() {
                writeln!(out, "origins:")?;
            }
            for origin in &breakdown.origins {
                writeln!(
                    out,
                    "  {}: {} unit{}, {} words",
                    origin.origin.as_deref().unwrap_or("(no origin)"),
                    origin.units,
                    if origin.units == 1 { "" } else { "s" },
                    origin.words
                )?;
            }
            Ok(())
        })(),
        Format::Json => {
            let report = Report {
                units: stats.units,
                languages: &stats.languages,
                words: breakdown.words,
                pairs: &breakdown.pairs,
                origins: &breakdown.origins,
            };
            serde_json::to_writer(&mut out, &report).map_err(std::io::Error::from).and_then(|()| writeln!(out))
        }
    };
    written.map_err(|e| Failure::write(e, "to standard output"))?;
    Ok(Outcome::Done)
}
