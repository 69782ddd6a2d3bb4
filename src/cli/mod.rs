//! The command-line layer: one file per subcommand, each with its arguments and a `run`.

mod align;
mod check;
mod clock;
mod failure;
mod glossary;
mod input;
mod lookup;
mod normalize;
mod output;
mod segment;
mod terms;
mod tm;

use clap::{Parser, Subcommand};
pub(crate) use failure::Failure;
use std::process::ExitCode;

/// Translation memories and bilingual glossaries, French-English first.
#[derive(Parser)]
#[command(name = "trame", version, about, propagate_version = true)]
#[command(after_help = "Exit status: 0 success, 1 nothing found or a check failed, 2 error.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Segment(segment::Args),
    Align(align::Args),
    #[command(subcommand)]
    Terms(terms::Command),
    Lookup(lookup::Args),
    #[command(subcommand)]
    Tm(tm::Command),
    Normalize(normalize::Args),
    Check(check::Args),
}

/// `n` and the word for what is counted, in agreement: "1 unit", "2 units", "1 entry", "3 entries".
pub(crate) fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What a subcommand reports when it ends normally.
pub(crate) enum Outcome {
    /// Exit 0.
    Done,
    /// Exit 1: nothing found, or a check failed.
    NothingFound,
}

pub(crate) fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Segment(args) => segment::run(args),
        Command::Align(args) => align::run(args),
        Command::Terms(command) => terms::run(command),
        Command::Lookup(args) => lookup::run(args),
        Command::Tm(command) => tm::run(command),
        Command::Normalize(args) => normalize::run(args),
        Command::Check(args) => check::run(args),
    };
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::NothingFound) => ExitCode::from(1),
        Err(failure) if failure.is_broken_pipe() => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("trame: {failure}");
            ExitCode::from(failure.exit_code())
        }
    }
}
