//! `trame tm edit`: new texts for a unit of a memory.

use super::MemoryArgs;
use crate::cli::clock::now;
use crate::cli::{Failure, Outcome};
use trame::language::Language;
use trame::tm::UnitEdit;

const EXAMPLES: &str = "\
Examples:
  trame tm edit 12 --target \"The night train leaves at 9.40 p.m.\"
  trame tm edit 12 --source \"Le train de nuit part à 21 h 40.\" -s fr

ID is what trame tm search --concordance shows. The source is the unit's variant in --source-lang, else
the one its srclang (or its file's) names, else its first; the target is the variant in --target-lang,
else the other one of a unit that has two. The text is written as it is (inline codes of that variant are
dropped), the unit's changedate set to now; the word index follows in the same transaction. An edit that
would make the unit the same as another is refused (delete one of them instead).";

/// Give a unit of a memory a new source or target text.
#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
#[command(group(clap::ArgGroup::new("texts").required(true).multiple(true).args(["source", "target"])))]
pub(crate) struct Args {
    /// The unit's id.
    id: i64,
    /// The source variant's new text.
    #[arg(long, value_name = "TEXT")]
    source: Option<String>,
    /// The target variant's new text.
    #[arg(long, value_name = "TEXT")]
    target: Option<String>,
    /// The source variant's language (fr matches fr-FR).
    #[arg(long, short, value_name = "LANG")]
    source_lang: Option<Language>,
    /// The target variant's language.
    #[arg(long, short, value_name = "LANG")]
    target_lang: Option<Language>,
    #[command(flatten)]
    memory: MemoryArgs,
}

pub(crate) fn run(args: Args) -> Result<Outcome, Failure> {
    let mut memory = args.memory.open_existing()?;
    let edit = UnitEdit {
        source: args.source.as_deref(),
        target: args.target.as_deref(),
        source_lang: args.source_lang.as_ref().map(Language::tag),
        target_lang: args.target_lang.as_ref().map(Language::tag),
    };
    memory.edit(args.id, &edit, &trame::tmx::utc_timestamp(now())).map_err(Failure::error)?;
    println!("{} edited", super::delete::units(1));
    Ok(Outcome::Done)
}
