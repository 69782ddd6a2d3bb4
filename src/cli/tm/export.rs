//! `trame tm export`: a memory as TMX 1.4b.

use super::MemoryArgs;
use crate::cli::clock::now;
use crate::cli::output::OutputArgs;
use crate::cli::{Failure, Outcome};
use std::io;
use trame::language::Language;
use trame::tm::UnitFilter;

/// A day, YYYY-MM-DD (or YYYYMMDD), as the eight digits of a TMX date.
fn day(text: &str) -> Result<String, String> {
    let digits: String = text.chars().filter(|c| *c != '-').collect();
    let valid = digits.len() == 8
        && digits.chars().all(|c| c.is_ascii_digit())
        && (1..=12).contains(&digits[4..6].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&digits[6..8].parse::<u32>().unwrap_or(0));
    if valid { Ok(digits) } else { Err(format!("'{text}' is not a day (expected YYYY-MM-DD, e.g. 2024-01-31)")) }
}

/// Write a memory (or its units in a language pair) as TMX 1.4b.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  trame tm export -o all.tmx
  trame tm export --source-lang fr --target-lang en -o fr-en.tmx
  trame tm export --origin client.tmx --since 2024-01-01 --until 2024-06-30 -o first-half.tmx

With both languages, only the units that have both are written, with those two variants (fr matches fr-FR,
fr-CA...). --origin takes the file name as it was imported (trame tm stats lists them). A unit's date is
its changedate, else its creationdate, else the day it was imported; --since and --until include their
day. Usage counts and origins travel as x-trame-usage and x-trame-origin properties. When no unit is
chosen, nothing is written and the exit status is 1.")]
pub(crate) struct Args {
    #[command(flatten)]
    memory: MemoryArgs,
    /// Only units with this language (the header's srclang).
    #[arg(long, short, value_name = "LANG")]
    source_lang: Option<Language>,
    /// With --source-lang: only units with this language too, and only those two variants.
    #[arg(long, short, value_name = "LANG", requires = "source_lang")]
    target_lang: Option<Language>,
    /// Only units that came from this file (or alignment), as it was imported.
    #[arg(long, value_name = "FILE")]
    origin: Option<String>,
    /// Only units dated this day or later (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = day)]
    since: Option<String>,
    /// Only units dated this day or earlier (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = day)]
    until: Option<String>,
    #[command(flatten)]
    output: OutputArgs,
}

pub(crate) fn run(mut args: Args) -> Result<Outcome, Failure> {
    args.output.reads(&args.memory.path())?;
    let memory = args.memory.open_existing()?;
    let date = trame::tmx::utc_timestamp(now());
    let filter = UnitFilter { origin: args.origin.clone(), since: args.since.clone(), until: args.until.clone() };
    let mut failure = None;
    args.output
        .write(|out| {
            let summary = memory
                .export(
                    args.source_lang.as_ref().map(Language::tag),
                    args.target_lang.as_ref().map(Language::tag),
                    &filter,
                    &date,
                    out,
                )
                .map_err(|e| match e {
                    trame::tm::TmError::Io(e) => e,
                    other => {
                        let message = other.to_string();
                        failure = Some(Failure::error(&message));
                        io::Error::other(message)
                    }
                })?;
            if summary.units == 0 {
                // Nothing chosen: no file (an error here leaves none), and exit 1.
                failure = Some(Failure::nothing(format!("nothing to export: {}", what(&args))));
                return Err(io::Error::other("nothing to export"));
            }
            Ok(())
        })
        .map_err(|e| failure.take().unwrap_or(e))?;
    Ok(Outcome::Done)
}

/// The units asked for, in words: "no unit has both fr and de, from a.tmx".
fn what(args: &Args) -> String {
    let mut parts = vec![match (&args.source_lang, &args.target_lang) {
        (Some(s), Some(t)) => format!("no unit has both {s} and {t}"),
        (Some(s), None) => format!("no unit has {s}"),
        _ => "no unit".to_string(),
    }];
    if let Some(origin) = &args.origin {
        parts.push(format!("from {origin}"));
    }
    if let Some(since) = &args.since {
        parts.push(format!("dated {since} or later"));
    }
    if let Some(until) = &args.until {
        parts.push(format!("dated {until} or earlier"));
    }
    parts.join(", ")
}
