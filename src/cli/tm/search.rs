//! `trame tm search`: fuzzy matches for a sentence, with CAT-style scores.

use super::MemoryArgs;
use crate::cli::{Failure, Outcome};
use clap::ValueEnum;
use serde::Serialize;
use std::io::Write;
use trame::tm::TmMatch;

const EXAMPLES: &str = "\
Examples:
  trame tm search \"Le président biélorusse a rencontré Poutine.\" -s fr -t en
  trame tm search \"Le chat dort\" -s fr -t en --min-score 50 --limit 10 --format json

Scores: both texts are normalised (Unicode NFC, whitespace runs as one space, ends trimmed); the score is
100 × (1 − d / n), rounded down, where d is the Levenshtein distance in characters between them and n the
length of the longer one; only identical texts score 100. Candidates come from a word index of the memory
(the 300 units sharing most of the query's words of three letters or more, rarer words weighing more),
then are scored. \"changed\" shows what differs, word by word, as [-in the memory-]{+in the query+}.
Exit status 1 when nothing reaches --min-score.";

/// Find the units of a memory whose source text is close to TEXT.
#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub(crate) struct Args {
    /// The sentence to look for.
    text: String,
    #[command(flatten)]
    memory: MemoryArgs,
    /// Language of TEXT (fr matches fr-FR, fr-CA...).
    #[arg(long, short)]
    source_lang: String,
    /// Language of the translations wanted.
    #[arg(long, short)]
    target_lang: String,
    /// Lowest score shown (0-100).
    #[arg(long, default_value_t = 70, value_parser = clap::value_parser!(u8).range(0..=100))]
    min_score: u8,
    /// At most this many matches.
    #[arg(long, default_value_t = 5)]
    limit: usize,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One match a paragraph.
    Text,
    /// `{"query": ..., "matches": [{"score", "source", "target", "origin", "changed"}]}`.
    Json,
}

#[derive(Serialize)]
struct Report<'a> {
    query: &'a str,
    matches: &'a [TmMatch],
}

pub(crate) fn run(args: Args) -> Result<Outcome, Failure> {
    let memory = args.memory.open_existing()?;
    let matches = memory
        .search(&args.text, &args.source_lang, &args.target_lang, args.min_score, args.limit)
        .map_err(Failure::error)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        Format::Json => serde_json::to_writer(&mut out, &Report { query: &args.text, matches: &matches })
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out)),
        Format::Text => matches.iter().try_for_each(|m| {
            writeln!(out, "{:>3}%  {}\n      {}\n      from {}", m.score, m.source, m.target, m.origin)?;
            if !m.changed.is_empty() {
                writeln!(out, "      changed: {}", m.changed)?;
            }
            Ok(())
        }),
    };
    written.map_err(|e| Failure::write(e, "to standard output"))?;
    Ok(if matches.is_empty() { Outcome::NothingFound } else { Outcome::Done })
}
