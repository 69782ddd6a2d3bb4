//! `trame tm delete`: units out of a memory, by id, by origin or by a phrase they hold.

use super::MemoryArgs;
use crate::cli::{Failure, Outcome};
use trame::language::Language;

const EXAMPLES: &str = "\
Examples:
  trame tm delete 12 40
  trame tm delete --origin old-client.tmx
  trame tm delete --concordance \"Service clients\" -s fr

Ids are those trame tm search --concordance shows. --origin takes the file name as it was imported (trame
tm stats lists them): the units that came from that file alone are deleted, and a unit that also came
from another file is kept with one use fewer. --concordance deletes every unit that search --concordance
finds (with the same -s and -t), not only the first ones it shows. A deletion is one transaction: all or
nothing (an id that names no unit deletes nothing). Exit status 1 when nothing matched.";

/// Delete units: by id, by origin file, or those that hold a phrase.
#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["ids", "origin", "concordance"])))]
pub(crate) struct Args {
    /// Unit ids.
    ids: Vec<i64>,
    /// The units that came from this file (or alignment), as it was imported.
    #[arg(long, value_name = "FILE")]
    origin: Option<String>,
    /// The units that hold this word or phrase (case and accents aside).
    #[arg(long, value_name = "TEXT")]
    concordance: Option<String>,
    /// With --concordance: units in this language (the phrase in it when -t is not given).
    #[arg(long, short, value_name = "LANG", requires = "concordance")]
    source_lang: Option<Language>,
    /// With --concordance: units in this language too.
    #[arg(long, short, value_name = "LANG", requires = "concordance")]
    target_lang: Option<Language>,
    #[command(flatten)]
    memory: MemoryArgs,
}

pub(crate) fn run(args: Args) -> Result<Outcome, Failure> {
    let mut memory = args.memory.open_existing()?;
    let summary = if let Some(origin) = &args.origin {
        memory.delete_origin(origin)
    } else if let Some(phrase) = &args.concordance {
        memory.delete_concordance(
            phrase,
            args.source_lang.as_ref().map(Language::tag),
            args.target_lang.as_ref().map(Language::tag),
        )
    } else {
        memory.delete_units(&args.ids)
    }
    .map_err(Failure::error)?;
    let mut line = format!("{} deleted", units(summary.deleted));
    if summary.kept > 0 {
        line.push_str(&format!(", {} kept (also from another origin)", units(summary.kept)));
    }
    println!("{line}");
    Ok(if summary.deleted + summary.kept == 0 { Outcome::NothingFound } else { Outcome::Done })
}

/// "1 unit", "3 units".
pub(super) fn units(n: u64) -> String {
    format!("{n} unit{}", if n == 1 { "" } else { "s" })
}
