//! `trame tm export`: a memory as TMX 1.4b.

use super::MemoryArgs;
use crate::cli::clock::now;
use crate::cli::output::OutputArgs;
use crate::cli::{Failure, Outcome};
use std::io;

/// Write a memory (or its units in a language pair) as TMX 1.4b.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  trame tm export -o all.tmx
  trame tm export --source-lang fr --target-lang en -o fr-en.tmx

With both languages, only the units that have both are written, with those two variants (fr matches fr-FR,
fr-CA...). Usage counts and origins travel as x-trame-usage and x-trame-origin properties.")]
pub(crate) struct Args {
    #[command(flatten)]
    memory: MemoryArgs,
    /// Only units with this language (the header's srclang).
    #[arg(long, short, value_name = "LANG")]
    source_lang: Option<String>,
    /// With --source-lang: only units with this language too, and only those two variants.
    #[arg(long, short, value_name = "LANG")]
    target_lang: Option<String>,
    #[command(flatten)]
    output: OutputArgs,
}

pub(crate) fn run(mut args: Args) -> Result<Outcome, Failure> {
    args.output.reads(&args.memory.path())?;
    let memory = args.memory.open_existing()?;
    let date = trame::tmx::utc_timestamp(now());
    let mut failure = None;
    args.output
        .write(|out| {
            memory.export(args.source_lang.as_deref(), args.target_lang.as_deref(), &date, out).map(|_| ()).map_err(
                |e| match e {
                    trame::tm::TmError::Io(e) => e,
                    other => {
                        let message = other.to_string();
                        failure = Some(Failure::error(&message));
                        io::Error::other(message)
                    }
                },
            )
        })
        .map_err(|e| failure.take().unwrap_or(e))?;
    Ok(Outcome::Done)
}
